"""Points as exact decimals: clamped to [0, max] and rounded half-up to 2 decimals (docs/contract.md 3).

Sums of areas, components and the total are sums of those rounded values, so every table adds up.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from scorer.models.criteria import Finding, Loc
from scorer.models.message import Figure, msg

CENT = Decimal("0.01")


@functools.lru_cache(maxsize=4096)
def exact(value: float) -> Decimal:
    """A float's shortest decimal form as a Decimal: points are added and compared exactly."""
    return Decimal(repr(float(value)))


@functools.lru_cache(maxsize=4096)
def in_hundredths(value: float) -> int:
    """A point figure (rounded to 2 decimals, or a criteria set's max) as a whole number of
    hundredths, so sums of them are exact integer sums."""
    cents = exact(value).scaleb(2)
    whole = int(cents)
    if whole != cents:
        raise ValueError(f"{value!r} points is not a whole number of hundredths")
    return whole


def difference(a: float, b: float) -> float:
    """`a - b` between two point figures, exactly."""
    return float(exact(a) - exact(b))


def total(values: Iterable[float]) -> float:
    """The exact sum of rounded point figures, so every table adds up."""
    return float(sum((exact(v) for v in values), Decimal(0)))


def round_points(value: Decimal, maximum: float) -> Decimal:
    """Clamped to [0, max] and rounded half-up to 2 decimals, never past the max once rounded (a
    criteria set's maxima are whole hundredths, so this cap is the max itself)."""
    cap = exact(maximum).quantize(CENT, rounding=ROUND_DOWN)
    return min(max(value, Decimal(0)).quantize(CENT, rounding=ROUND_HALF_UP), cap)


def hundredths(loc: Loc, value: float) -> list[Finding]:
    """A figure of points that is not a whole number of hundredths could never be given exactly."""
    figure = Decimal(repr(float(value)))
    if figure == figure.quantize(CENT):
        return []
    return [(loc, msg("cs.hundredths", value=Figure(value)), msg("cs.hundredths_hint"))]

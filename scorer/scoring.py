"""Rules to points: which conditions each criterion's rule has, and the points they give.

The conditions themselves are evaluated by the engine (engine.py); this module states them and turns
the ones met into points, clamped to [0, max] and rounded half-up to 2 decimals (docs/contract.md 3). Sums
of areas, components and the total are sums of those rounded values, so every table adds up.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from scorer.engine import Condition
from scorer.models.criteria import (
    BandsRule,
    BinaryRule,
    Criterion,
    DeductionsRule,
    LinearRule,
    SurveyRule,
    rule_metrics,
)

CENT = Decimal("0.01")
SURVEY = "survey"


def fact_name(criterion: Criterion, metric: str) -> str:
    """Facts are per criterion, so one metric read by two criteria can differ in each (pending)."""
    return f"{criterion.id}:{metric}"


def inputs(criterion: Criterion) -> list[str]:
    """The metric names a criterion's rule reads (a survey rule reads its estimated share)."""
    return [SURVEY] if isinstance(criterion.rule, SurveyRule) else list(dict.fromkeys(rule_metrics(criterion.rule)))


def conditions(criterion: Criterion) -> list[Condition]:
    rule, cid = criterion.rule, criterion.id
    if isinstance(rule, BandsRule):
        return [
            Condition(f"{cid}#band{i}", fact_name(criterion, band.metric or rule.metric), ">=", band.min)
            for i, band in enumerate(rule.bands)
        ]
    if isinstance(rule, LinearRule):
        return [
            Condition(f"{cid}#reached", fact_name(criterion, rule.metric), ">=", rule.target),
            Condition(f"{cid}#short", fact_name(criterion, rule.metric), "<", rule.target),
        ]
    if isinstance(rule, BinaryRule):
        if rule.min is not None:
            return [Condition(f"{cid}#met", fact_name(criterion, rule.metric), ">=", rule.min)]
        assert rule.max is not None
        return [Condition(f"{cid}#met", fact_name(criterion, rule.metric), "<=", rule.max)]
    if isinstance(rule, DeductionsRule):
        return [
            Condition(f"{cid}#none", fact_name(criterion, rule.metric), "<=", 0),
            Condition(f"{cid}#some", fact_name(criterion, rule.metric), ">", 0),
        ]
    return [Condition(f"{cid}#share", fact_name(criterion, SURVEY), ">=", 0)]


@functools.lru_cache(maxsize=4096)
def exact(value: float) -> Decimal:
    """A float's shortest decimal form as a Decimal: points are added and compared exactly."""
    return Decimal(repr(float(value)))


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


def points(criterion: Criterion, values: Mapping[str, float], met: Iterable[str]) -> Decimal:
    """Points for one scenario: `values` by metric name, `met` the condition keys the engine returned."""
    rule, cid, top = criterion.rule, criterion.id, exact(criterion.max)
    met = set(met)
    raw = Decimal(0)
    if isinstance(rule, BandsRule):
        band = next((b for i, b in enumerate(rule.bands) if f"{cid}#band{i}" in met), None)
        raw = exact(band.points) if band else Decimal(0)
    elif isinstance(rule, LinearRule):
        if f"{cid}#reached" in met:
            raw = top
        elif f"{cid}#short" in met:
            raw = top * exact(values[rule.metric]) / exact(rule.target)
    elif isinstance(rule, BinaryRule):
        raw = top if f"{cid}#met" in met else Decimal(0)
    elif isinstance(rule, DeductionsRule):
        if f"{cid}#none" in met:
            raw = top
        elif f"{cid}#some" in met:
            raw = top - exact(rule.step) * exact(values[rule.metric])
    elif f"{cid}#share" in met:
        raw = top * exact(values[SURVEY])
    return round_points(raw, criterion.max)


def full_value(criterion: Criterion, metric: str) -> float | None:
    """The value of `metric` that earns the criterion its full points, when more is better."""
    rule = criterion.rule
    if isinstance(rule, BandsRule):
        mins = [b.min for b in rule.bands if (b.metric or rule.metric) == metric]
        return max(mins) if mins else None
    if isinstance(rule, LinearRule):
        return rule.target
    if isinstance(rule, BinaryRule):
        return rule.min
    return None


def higher_is_better(criterion: Criterion) -> bool:
    rule = criterion.rule
    return not (isinstance(rule, DeductionsRule) or (isinstance(rule, BinaryRule) and rule.max is not None))

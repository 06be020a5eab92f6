"""Rules to points: which conditions each criterion's rule has, and the points they give.

The conditions themselves are evaluated by the engine (engine.py); this module states them and turns
the ones met into points, clamped to [0, max] and rounded half-up to 2 decimals (docs/contract.md 3). Sums
of areas, components and the total are sums of those rounded values, so every table adds up.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping, Set as AbstractSet
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from scorer.engine import Condition
from scorer.models.criteria import (
    BandsRule,
    BinaryRule,
    Criterion,
    DeductionsRule,
    LinearRule,
    SurveyRule,
    TimelinessRule,
    AllOrNothingRule,
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


class CompiledRule:
    """A criterion's rule compiled once: the engine conditions it asks about, and the points they
    give. `points` is told which of its own conditions the engine found met (condition objects,
    compared by identity), so nothing is encoded in a key and parsed back."""

    conditions: tuple[Condition, ...] = ()

    def __init__(self, criterion: Criterion) -> None:
        self.criterion = criterion
        self.top = exact(criterion.max)

    def _condition(self, label: str, metric: str, op: str, threshold: float) -> Condition:
        return Condition(f"{self.criterion.id} {label}", fact_name(self.criterion, metric), op, threshold)

    def raw(self, values: Mapping[str, float], met: AbstractSet[Condition]) -> Decimal:
        raise NotImplementedError

    def points(self, values: Mapping[str, float], met: AbstractSet[Condition]) -> Decimal:
        """Points for one scenario, clamped to [0, max] and rounded half-up to 2 decimals."""
        return round_points(self.raw(values, met), self.criterion.max)


class BandsScore(CompiledRule):
    def __init__(self, criterion: Criterion, rule: BandsRule) -> None:
        super().__init__(criterion)
        self.bands = [
            (band, self._condition(f"band {i}", band.metric or rule.metric, ">=", band.min))
            for i, band in enumerate(rule.bands)
        ]
        self.conditions = tuple(condition for _, condition in self.bands)

    def raw(self, values: Mapping[str, float], met: AbstractSet[Condition]) -> Decimal:
        band = next((band for band, condition in self.bands if condition in met), None)
        return exact(band.points) if band else Decimal(0)


class LinearScore(CompiledRule):
    def __init__(self, criterion: Criterion, rule: LinearRule) -> None:
        super().__init__(criterion)
        self.rule = rule
        self.reached = self._condition("reached", rule.metric, ">=", rule.target)
        self.short = self._condition("short", rule.metric, "<", rule.target)
        self.conditions = (self.reached, self.short)

    def raw(self, values: Mapping[str, float], met: AbstractSet[Condition]) -> Decimal:
        if self.reached in met:
            return self.top
        if self.short in met:
            return self.top * exact(values[self.rule.metric]) / exact(self.rule.target)
        return Decimal(0)


class BinaryScore(CompiledRule):
    def __init__(self, criterion: Criterion, rule: BinaryRule) -> None:
        super().__init__(criterion)
        if rule.min is not None:
            self.met = self._condition("met", rule.metric, ">=", rule.min)
        else:
            assert rule.max is not None  # checked when the set was loaded
            self.met = self._condition("met", rule.metric, "<=", rule.max)
        self.conditions = (self.met,)

    def raw(self, values: Mapping[str, float], met: AbstractSet[Condition]) -> Decimal:
        return self.top if self.met in met else Decimal(0)


class DeductionsScore(CompiledRule):
    def __init__(self, criterion: Criterion, rule: DeductionsRule) -> None:
        super().__init__(criterion)
        self.rule = rule
        self.none = self._condition("none", rule.metric, "<=", 0)
        self.some = self._condition("some", rule.metric, ">", 0)
        self.conditions = (self.none, self.some)

    def raw(self, values: Mapping[str, float], met: AbstractSet[Condition]) -> Decimal:
        if self.none in met:
            return self.top
        if self.some in met:
            return self.top - exact(self.rule.step) * exact(values[self.rule.metric])
        return Decimal(0)


class SurveyScore(CompiledRule):
    def __init__(self, criterion: Criterion, rule: SurveyRule) -> None:
        super().__init__(criterion)
        self.share = self._condition("share", SURVEY, ">=", 0)
        self.conditions = (self.share,)

    def raw(self, values: Mapping[str, float], met: AbstractSet[Condition]) -> Decimal:
        return self.top * exact(values[SURVEY]) if self.share in met else Decimal(0)


class TimelinessScore(CompiledRule):
    """On time / late / missing: the fact is the obligations' average level in points (predict.py
    computes it per scenario)."""

    def __init__(self, criterion: Criterion, rule: TimelinessRule) -> None:
        super().__init__(criterion)
        self.rule = rule
        self.credit = self._condition("credit", rule.metric, ">=", 0)
        self.conditions = (self.credit,)

    def raw(self, values: Mapping[str, float], met: AbstractSet[Condition]) -> Decimal:
        return exact(values[self.rule.metric]) if self.credit in met else Decimal(0)


class AllOrNothingScore(CompiledRule):
    def __init__(self, criterion: Criterion, rule: AllOrNothingRule) -> None:
        super().__init__(criterion)
        self.met = self._condition("met", rule.metric, ">=", 1)
        self.conditions = (self.met,)

    def raw(self, values: Mapping[str, float], met: AbstractSet[Condition]) -> Decimal:
        return self.top if self.met in met else Decimal(0)


def compile_rule(criterion: Criterion) -> CompiledRule:
    rule = criterion.rule
    if isinstance(rule, TimelinessRule):
        return TimelinessScore(criterion, rule)
    if isinstance(rule, AllOrNothingRule):
        return AllOrNothingScore(criterion, rule)
    if isinstance(rule, BandsRule):
        return BandsScore(criterion, rule)
    if isinstance(rule, LinearRule):
        return LinearScore(criterion, rule)
    if isinstance(rule, BinaryRule):
        return BinaryScore(criterion, rule)
    if isinstance(rule, DeductionsRule):
        return DeductionsScore(criterion, rule)
    assert isinstance(rule, SurveyRule)  # a set with a row still to finish does not load
    return SurveyScore(criterion, rule)


def conditions(criterion: Criterion) -> list[Condition]:
    """The engine conditions of a criterion's rule (a fresh compilation; see `compile_rule`)."""
    return list(compile_rule(criterion).conditions)


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
    if isinstance(rule, AllOrNothingRule):
        return 1.0
    if isinstance(rule, TimelinessRule):
        return rule.on_time
    return None


def best_value(criterion: Criterion) -> float:
    """The value that earns a lower-is-better criterion its full points (none missed, none over)."""
    rule = criterion.rule
    if isinstance(rule, BinaryRule) and rule.max is not None:
        return float(rule.max)
    return 0.0


def worst_value(criterion: Criterion) -> float:
    """The value at which a lower-is-better criterion earns its fewest points (one over the limit,
    or as many deductions as take every point)."""
    rule = criterion.rule
    if isinstance(rule, BinaryRule) and rule.max is not None:
        return float(rule.max) + 1
    if isinstance(rule, DeductionsRule):
        return float(math.ceil(criterion.max / rule.step))
    return 0.0


def higher_is_better(criterion: Criterion) -> bool:
    rule = criterion.rule
    return not (isinstance(rule, DeductionsRule) or (isinstance(rule, BinaryRule) and rule.max is not None))

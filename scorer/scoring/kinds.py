"""Rule kinds: one class per kind, found through one table, `KINDS` (the model of jsonschema's
keyword table). Nothing outside this module asks which kind a rule is.

A kind's class says everything the product does with a rule of that kind:

- the engine conditions it asks about and the points they give (`compile`, `raw`);
- the metrics it reads, whether more is better, and the values that earn full points;
- why a row of its kind falls short (`shortfall`), and whether a survey scores it;
- the parameters of its sentence, `rule.<kind>` in the message catalogue (messages.rule_text);
- every check a criteria set's rule must pass when the set is loaded (`check`).

A new kind is its model in models/rules.py (a member of `Rule`), its class and row here, and its
sentence in the catalogue; tests/test_kinds.py adds one that way and runs every command and writer.

This module imports no engine and no writer: the writers put rules in words through it.
"""

from __future__ import annotations

import math

from collections.abc import Callable, Mapping, Set as AbstractSet
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, ClassVar, Generic, TypeVar, Union

from scorer.models.conditions import Condition
from scorer.models.criteria import Component, CriteriaSet, Criterion, Finding, Loc, plain_number
from scorer.models.message import Figure, Text, msg
from scorer.models.metrics import Obligations
from scorer.models.rules import (
    AllOrNothingRule,
    BandsRule,
    BinaryRule,
    DeductionsRule,
    LinearRule,
    Rule,
    SurveyRule,
    TimelinessRule,
)
from scorer.scoring.points import exact, hundredths, round_points

SURVEY = "survey"
# What a metric can be, when its definition says (loading.criteria.metric_range): low, high, words.
Ranges = Callable[[CriteriaSet, str], "tuple[float, float, Text] | None"]


@dataclass(frozen=True)
class Words:
    """A sentence of the message catalogue by its key, with its parameters: a number is written as
    the reader's language writes numbers, a name as it is, `Words` in their own sentence, and a
    tuple of `Words` one after another, separated by "; "."""

    key: str
    params: Mapping[str, Param] = field(default_factory=dict)


Param = Union[float, str, Words, tuple[Words, ...]]


def fact_name(criterion: Criterion, metric: str) -> str:
    """Facts are per criterion, so one metric read by two criteria can differ in each (pending)."""
    return f"{criterion.id}:{metric}"


R = TypeVar("R", bound=Any)


class Kind(Generic[R]):
    """One rule of a kind: made for a rule (`kind_of`) to describe, check and word it, and compiled
    for a criterion (`compile_rule`) to score it: `conditions` are the engine conditions it asks
    about; `points` is told which of them the engine found met (condition objects, compared by
    identity), so nothing is encoded in a key and parsed back."""

    # The reason a row below its max gives (reasons.py); None: it is met or not, and a row that is
    # short of it lacks the evidence.
    shortfall: ClassVar[str | None] = "below_target"
    # Scored by a survey's share, not by metrics of the evidence.
    survey: ClassVar[bool] = False

    criterion: Criterion
    top: Decimal
    conditions: tuple[Condition, ...] = ()

    def __init__(self, rule: R, criterion: Criterion | None = None) -> None:
        self.rule = rule
        if criterion is not None:
            self.criterion = criterion
            self.top = exact(criterion.max)
            self.compile()

    # -- what the rule reads and rewards ----------------------------------------------------

    def metrics(self) -> list[str]:
        """Every metric name the rule reads."""
        return [self.rule.metric]

    def inputs(self) -> list[str]:
        """The facts the engine is told, by metric name."""
        return list(dict.fromkeys(self.metrics()))

    def higher_is_better(self) -> bool:
        return True

    def full_value(self, metric: str) -> float | None:
        """The value of `metric` that earns full points, when more is better."""
        return None

    def best_value(self) -> float:
        """The value that earns a lower-is-better rule its full points (none missed, none over)."""
        return 0.0

    def worst_value(self, maximum: float) -> float:
        """The value at which a lower-is-better rule gives its fewest points (`low`'s bad news)."""
        return 0.0

    def steps(self, maximum: float) -> list[tuple[float, float]]:
        """The values each level of points needs, lowest first, for an at-risk row's gap (none: the
        rule is met or not, or reads its obligations)."""
        return []

    def instrument(self) -> str | None:
        """The survey that scores the rule, if one does."""
        return None

    def component(self) -> Component:
        """The component of the index a row with this rule belongs to."""
        return Component.appraisal

    def obligation_levels(
        self, supported: Obligations, everything: Obligations, rate: float
    ) -> tuple[float, float, float] | None:
        """Low, expected and high values read from the obligations themselves, when the rule reads
        them other than as its metric's value (None: the metric's value)."""
        return None

    def reading(self, other: Rule) -> Rule:
        """This rule reading the metrics another rule reads (an imported row's rule, wired as the
        known row it matches)."""
        names = kind_of(other).metrics()
        return self.rule.model_copy(update={"metric": names[0]}) if names and self.metrics() else self.rule

    # -- in words ---------------------------------------------------------------------------

    def sentence(self) -> dict[str, Param]:
        """The parameters of `rule.<kind>` (the criterion's max is added as `max`)."""
        return {"metric": self.rule.metric}

    # -- checked when a criteria set is loaded ------------------------------------------------

    def thresholds(self, loc: Loc) -> list[tuple[Loc, str, float]]:
        """The values the rule compares a metric with (where, metric, value), checked against what
        the metric can be."""
        return []

    def point_figures(self, loc: Loc) -> list[tuple[Loc, float]]:
        """The points the rule gives besides the criterion's max (where, points)."""
        return []

    def check(self, criterion: Criterion, cs: CriteriaSet, loc: Loc, ranges: Ranges) -> list[Finding]:
        """Everything the rule of `criterion` (at `loc` in the file) must satisfy in `cs`."""
        from scorer.errors import did_you_mean

        at = loc + ("rule",)
        findings: list[Finding] = []
        for name in self.metrics():
            if name not in cs.metrics:
                findings.append((at + ("metric",), msg("cs.unknown_metric", name=name), did_you_mean(name, cs.metrics)))
        findings += self.check_own(criterion, cs, at)
        for where, points in self.point_figures(at):
            findings += hundredths(where, points)
        for where, name, threshold in self.thresholds(at):
            span = ranges(cs, name)
            if span is None or threshold <= span[1]:
                continue
            shown = plain_number(threshold)
            hint = None
            if span[1] == 1 and 2 <= threshold <= 100:
                hint = msg("cs.unreachable_hint", shown=shown, value=plain_number(threshold / 100))
            findings.append((where, msg("cs.unreachable", shown=Figure(shown), name=name, span=span[2]), hint))
        return findings

    def check_own(self, criterion: Criterion, cs: CriteriaSet, at: Loc) -> list[Finding]:
        """What only this kind checks (`at` is the rule's place in the file)."""
        return []

    def _points_within(self, criterion: Criterion, where: Loc, points: float) -> list[Finding]:
        if points > criterion.max:
            return [(where, msg("cs.points_over", points=Figure(points), max=Figure(criterion.max)), None)]
        return []

    def _reads(self, cs: CriteriaSet, at: Loc, kinds: tuple[str, ...]) -> list[Finding]:
        metric = cs.metrics.get(self.rule.metric)
        if metric is not None and metric.kind not in kinds:
            return [
                (
                    at + ("metric",),
                    msg(
                        "cs.needs_obligation",
                        kind=self.rule.kind,
                        kinds=msg("set_title", en=" or ".join(kinds), vi=" hoặc ".join(kinds)),
                    ),
                    None,
                )
            ]
        return []

    # -- scoring ------------------------------------------------------------------------------

    def compile(self) -> None:
        """Makes `conditions` for `criterion`."""

    def _condition(self, label: str, metric: str, op: str, threshold: float) -> Condition:
        return Condition(f"{self.criterion.id} {label}", fact_name(self.criterion, metric), op, threshold)

    def raw(self, values: Mapping[str, float], met: AbstractSet[Condition]) -> Decimal:
        raise NotImplementedError

    def points(self, values: Mapping[str, float], met: AbstractSet[Condition]) -> Decimal:
        """Points for one scenario, clamped to [0, max] and rounded half-up to 2 decimals."""
        return round_points(self.raw(values, met), self.criterion.max)


class Bands(Kind[BandsRule]):
    """The first band whose minimum is met gives its points; none met, 0."""

    shortfall = "below_band"

    def metrics(self) -> list[str]:
        return [self.rule.metric, *(band.metric for band in self.rule.bands if band.metric)]

    def reading(self, other: Rule) -> Rule:
        rule = self.rule.model_copy(update={"metric": names[0]}) if (names := kind_of(other).metrics()) else self.rule
        if isinstance(other, BandsRule) and len(other.bands) == len(rule.bands):
            bands = [band.model_copy(update={"metric": theirs.metric}) for band, theirs in zip(rule.bands, other.bands)]
            rule = rule.model_copy(update={"bands": bands})
        return rule

    def full_value(self, metric: str) -> float | None:
        edges = [b.edge for b in self.rule.bands if (b.metric or self.rule.metric) == metric]
        return max(edges) if edges else None

    def steps(self, maximum: float) -> list[tuple[float, float]]:
        return sorted((band.edge, band.points) for band in self.rule.bands if not band.metric)

    def sentence(self) -> dict[str, Param]:
        return {
            "bands": tuple(
                Words(
                    "rule.band",
                    {
                        "metric": band.metric or self.rule.metric,
                        "op": Words("op.gt" if band.op == ">" else "op.ge"),
                        "min": band.edge,
                        "points": band.points,
                    },
                )
                for band in self.rule.bands
            )
        }

    def thresholds(self, loc: Loc) -> list[tuple[Loc, str, float]]:
        return [
            (loc + ("bands", b, "min" if band.min is not None else "above"), band.metric or self.rule.metric, band.edge)
            for b, band in enumerate(self.rule.bands)
        ]

    def point_figures(self, loc: Loc) -> list[tuple[Loc, float]]:
        return [(loc + ("bands", b, "points"), band.points) for b, band in enumerate(self.rule.bands)]

    def check_own(self, criterion: Criterion, cs: CriteriaSet, at: Loc) -> list[Finding]:
        findings: list[Finding] = []
        for b, band in enumerate(self.rule.bands):
            if (band.min is None) == (band.above is None):
                findings.append(
                    (
                        at + ("bands", b),
                        msg("cs.band_edge"),
                        None,
                    )
                )
        # "above 0.9" is met by less than "min 0.9" is not: it comes first at the same value.
        edges = [(band.edge, band.op == ">") for band in self.rule.bands if band.metric in (None, self.rule.metric)]
        if edges != sorted(edges, reverse=True):
            findings.append((at + ("bands",), msg("cs.bands_order"), None))
        for b, band in enumerate(self.rule.bands):
            findings += self._points_within(criterion, at + ("bands", b, "points"), band.points)
        return findings

    def compile(self) -> None:
        self.bands = [
            (band, self._condition(f"band {i}", band.metric or self.rule.metric, band.op, band.edge))
            for i, band in enumerate(self.rule.bands)
        ]
        self.conditions = tuple(condition for _, condition in self.bands)

    def raw(self, values: Mapping[str, float], met: AbstractSet[Condition]) -> Decimal:
        band = next((band for band, condition in self.bands if condition in met), None)
        return exact(band.points) if band else Decimal(0)


class Linear(Kind[LinearRule]):
    """The max times the metric over its target, the max once the target is reached."""

    def full_value(self, metric: str) -> float | None:
        return self.rule.target

    def steps(self, maximum: float) -> list[tuple[float, float]]:
        return [(self.rule.target, maximum)]

    def sentence(self) -> dict[str, Param]:
        return {"metric": self.rule.metric, "target": self.rule.target}

    def thresholds(self, loc: Loc) -> list[tuple[Loc, str, float]]:
        return [(loc + ("target",), self.rule.metric, self.rule.target)]

    def compile(self) -> None:
        self.reached = self._condition("reached", self.rule.metric, ">=", self.rule.target)
        self.short = self._condition("short", self.rule.metric, "<", self.rule.target)
        self.conditions = (self.reached, self.short)

    def raw(self, values: Mapping[str, float], met: AbstractSet[Condition]) -> Decimal:
        if self.reached in met:
            return self.top
        if self.short in met:
            return self.top * exact(values[self.rule.metric]) / exact(self.rule.target)
        return Decimal(0)


class Binary(Kind[BinaryRule]):
    """The max when the metric is at least `min` (or at most `max`), else 0."""

    shortfall = None

    def higher_is_better(self) -> bool:
        return self.rule.max is None

    def full_value(self, metric: str) -> float | None:
        return self.rule.min

    def best_value(self) -> float:
        return float(self.rule.max) if self.rule.max is not None else 0.0

    def worst_value(self, maximum: float) -> float:
        return float(self.rule.max) + 1 if self.rule.max is not None else 0.0

    def steps(self, maximum: float) -> list[tuple[float, float]]:
        # "at least 3 forms" states a figure; "a document exists" (at least 1) does not.
        if self.rule.min is not None and self.rule.min != 1:
            return [(self.rule.min, maximum)]
        return []

    def sentence(self) -> dict[str, Param]:
        if self.rule.min is not None:
            return {"cond": Words("cond.at_least", {"metric": self.rule.metric, "limit": self.rule.min})}
        limit = self.rule.max if self.rule.max is not None else 0.0
        return {
            "cond": Words("cond.none" if limit == 0 else "cond.at_most", {"metric": self.rule.metric, "limit": limit})
        }

    def thresholds(self, loc: Loc) -> list[tuple[Loc, str, float]]:
        return [] if self.rule.min is None else [(loc + ("min",), self.rule.metric, self.rule.min)]

    def check_own(self, criterion: Criterion, cs: CriteriaSet, at: Loc) -> list[Finding]:
        if (self.rule.min is None) == (self.rule.max is None):
            return [
                (
                    at,
                    msg("cs.binary_edge"),
                    None,
                )
            ]
        return []

    def compile(self) -> None:
        if self.rule.min is not None:
            self.met = self._condition("met", self.rule.metric, ">=", self.rule.min)
        else:
            assert self.rule.max is not None  # checked when the set was loaded
            self.met = self._condition("met", self.rule.metric, "<=", self.rule.max)
        self.conditions = (self.met,)

    def raw(self, values: Mapping[str, float], met: AbstractSet[Condition]) -> Decimal:
        return self.top if self.met in met else Decimal(0)


class Deductions(Kind[DeductionsRule]):
    """The max less `step` for each case counted, not below 0."""

    def higher_is_better(self) -> bool:
        return False

    def worst_value(self, maximum: float) -> float:
        return float(math.ceil(maximum / self.rule.step))

    def sentence(self) -> dict[str, Param]:
        return {"metric": self.rule.metric, "step": self.rule.step}

    def compile(self) -> None:
        self.none = self._condition("none", self.rule.metric, "<=", 0)
        self.some = self._condition("some", self.rule.metric, ">", 0)
        self.conditions = (self.none, self.some)

    def raw(self, values: Mapping[str, float], met: AbstractSet[Condition]) -> Decimal:
        if self.none in met:
            return self.top
        if self.some in met:
            return self.top - exact(self.rule.step) * exact(values[self.rule.metric])
        return Decimal(0)


class Survey(Kind[SurveyRule]):
    """The max times the share satisfied in a survey (predict.py estimates it per scenario)."""

    survey = True
    _COMPONENTS = {"leaders": Component.leaders_survey, "citizens": Component.citizens_survey}

    @staticmethod
    def of(criterion: Criterion) -> SurveyRule:
        """A survey row's rule (predict reads its instrument)."""
        assert isinstance(criterion.rule, SurveyRule)
        return criterion.rule

    def metrics(self) -> list[str]:
        return []

    def inputs(self) -> list[str]:
        return [SURVEY]

    def instrument(self) -> str | None:
        return self.rule.instrument

    def component(self) -> Component:
        return self._COMPONENTS[self.rule.instrument]

    def sentence(self) -> dict[str, Param]:
        return {"instrument": Words(f"instrument.{self.rule.instrument}")}

    def check(self, criterion: Criterion, cs: CriteriaSet, loc: Loc, ranges: Ranges) -> list[Finding]:
        findings: list[Finding] = []
        if criterion.not_arising:
            findings.append((loc + ("not_arising",), msg("cs.survey_not_arising"), None))
        wanted = self.component()
        if criterion.source is not wanted:
            findings.append(
                (
                    loc + ("rule", "instrument"),
                    msg("cs.survey_source", instrument=self.rule.instrument, source=wanted.value),
                    None,
                )
            )
        return findings

    def compile(self) -> None:
        self.share = self._condition("share", SURVEY, ">=", 0)
        self.conditions = (self.share,)

    def raw(self, values: Mapping[str, float], met: AbstractSet[Condition]) -> Decimal:
        return self.top * exact(values[SURVEY]) if self.share in met else Decimal(0)


class Timeliness(Kind[TimelinessRule]):
    """On time / late / missing: the fact is the obligations' average level in points."""

    def full_value(self, metric: str) -> float | None:
        return self.rule.on_time

    def obligation_levels(
        self, supported: Obligations, everything: Obligations, rate: float
    ) -> tuple[float, float, float] | None:
        """The obligations' average level in points: on time, late (partial credit) or missing (a
        pending one is missed in `low`, met on time in `high`, met at the unit's rate in `expected`)."""
        rule = self.rule
        levels = {"on_time": rule.on_time, "late": rule.late}

        def credit(obligations: Obligations, pending_met: float) -> float:
            if not obligations.items:
                return rule.on_time
            earned = math.fsum(levels.get(i.status, rule.missing) for i in obligations.items if i.status != "pending")
            pending = obligations.count("pending")
            earned += pending * (pending_met * rule.on_time + (1 - pending_met) * rule.missing)
            return earned / len(obligations.items)

        return (credit(supported, 0.0), credit(supported, rate), credit(everything, 1.0))

    def sentence(self) -> dict[str, Param]:
        rule = self.rule
        return {"metric": rule.metric, "on_time": rule.on_time, "late": rule.late, "missing": rule.missing}

    def point_figures(self, loc: Loc) -> list[tuple[Loc, float]]:
        return [(loc + (level,), getattr(self.rule, level)) for level in ("on_time", "late", "missing")]

    def check_own(self, criterion: Criterion, cs: CriteriaSet, at: Loc) -> list[Finding]:
        rule = self.rule
        findings = self._reads(cs, at, ("on_time_share", "missed_count"))
        if not rule.on_time >= rule.late >= rule.missing:
            findings.append((at, msg("cs.levels_order"), None))
        findings += self._points_within(criterion, at + ("on_time",), max(rule.on_time, rule.late, rule.missing))
        return findings

    def compile(self) -> None:
        self.credit = self._condition("credit", self.rule.metric, ">=", 0)
        self.conditions = (self.credit,)

    def raw(self, values: Mapping[str, float], met: AbstractSet[Condition]) -> Decimal:
        return exact(values[self.rule.metric]) if self.credit in met else Decimal(0)


class AllOrNothing(Kind[AllOrNothingRule]):
    """The max when every obligation of the metric is met on time, else 0."""

    def full_value(self, metric: str) -> float | None:
        return 1.0

    def check_own(self, criterion: Criterion, cs: CriteriaSet, at: Loc) -> list[Finding]:
        return self._reads(cs, at, ("on_time_share",))

    def compile(self) -> None:
        self.met = self._condition("met", self.rule.metric, ">=", 1)
        self.conditions = (self.met,)

    def raw(self, values: Mapping[str, float], met: AbstractSet[Condition]) -> Decimal:
        return self.top if self.met in met else Decimal(0)


# Every member of models.rules.Rule, and the class that knows it (tests/test_kinds.py holds them equal).
KINDS: dict[type[Any], type[Kind[Any]]] = {
    BandsRule: Bands,
    LinearRule: Linear,
    BinaryRule: Binary,
    DeductionsRule: Deductions,
    SurveyRule: Survey,
    TimelinessRule: Timeliness,
    AllOrNothingRule: AllOrNothing,
}


def kind_of(rule: Rule) -> Kind[Any]:
    """The kind of a rule, to describe, check or word it."""
    return KINDS[type(rule)](rule)


def compile_rule(criterion: Criterion) -> Kind[Any]:
    """A criterion's rule compiled once: its engine conditions and the points they give."""
    rule = criterion.rule
    assert rule is not None  # a set with a row still to finish does not load
    return KINDS[type(rule)](rule, criterion)


def survey_instrument(criterion: Criterion) -> str | None:
    """The survey that scores a row, if one does."""
    return kind_of(criterion.rule).instrument() if criterion.rule is not None else None

"""A criteria set compiled for a run: each criterion's rule, metrics and deadlines worked out once,
its points per set of figures (memoised), one engine over every condition, and the rows that do
not apply to a kind of unit."""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from decimal import Decimal
from statistics import NormalDist
from typing import Any

from scorer.engine import Condition, RuleEngine
from scorer.models.criteria import Criterion, CriterionNode, CriteriaSet
from scorer.models.evidence import Unit
from scorer.models.prediction import ClassThreshold, MetricValue, Provenance
from scorer.predict.context import index_keys_of
from scorer.predict.scenarios import Scenarios
from scorer.scoring import SURVEY, compile_rule, exact, fact_name, full_value, higher_is_better, inputs, round_points


@dataclass(frozen=True, slots=True)
class Points:
    """A criterion's points: the bounds, the expected (the mean of its outcomes) and their spread."""

    low: float
    expected: float
    high: float
    sd: float


class CompiledCriterion:
    """What a criterion's result takes from the criteria set, worked out once per run."""

    __slots__ = (
        "criterion",
        "rule",
        "area",
        "source",
        "deadline",
        "facts",
        "inputs",
        "titles",
        "shares",
        "survey",
        "parent",
        "sums",
        "owners",
        "absence_is_full",
        "rising",
        "_points",
        "_outcomes",
    )

    def __init__(self, cs: CriteriaSet, criterion: Criterion) -> None:
        self.criterion = criterion
        self.rule = compile_rule(criterion)
        self.area = cs.area_of(criterion.id)
        self.source = criterion.source.value
        self.deadline = cs.deadline(criterion.deadline)
        node = cs.node_of(criterion.id)
        self.parent = node.id if node else None
        # The sums its points go into: its area, its component, the total and its node, if any.
        self.sums = (self.area, "component:" + self.source, "total") + (("node:" + self.parent,) if self.parent else ())
        self.owners = criterion.owners
        self.facts = {name: fact_name(criterion, name) for name in inputs(criterion)}
        self.survey = self.rule.survey
        rising = self.rising = higher_is_better(criterion)
        # Per metric read: its definition, the deadline it is pending until, whether more is
        # better, and the value that earns full points.
        self.inputs = {
            name: (
                cs.metrics[name],
                cs.calendar[cs.metrics[name].deadline or criterion.deadline],
                rising,
                full_value(criterion, name),
            )
            for name in self.facts
            if not self.survey
        }
        self.titles = {name: cs.metric_title(name) for name in self.inputs}
        # Whether each figure it reads is a share (shown in percent), for its metric values.
        self.shares = {name: is_share(cs, name) for name in self.facts}
        # The decision's own rule: a violation not recorded is none found (full points by absence).
        self.absence_is_full = not self.survey and all(
            not rising and cs.metrics[name].kind in ("count", "sum") for name in self.facts
        )
        # Points per (metric figures, conditions met): units repeat both, and Decimal work is not free.
        self._points: dict[tuple[Any, ...], Points] = {}
        self._outcomes: dict[tuple[Any, ...], tuple[Decimal, Decimal, tuple[float, ...]]] = {}

    def scores(self, scenarios: dict[str, Scenarios], verdicts: list[list[frozenset[Condition]]]) -> Points:
        """Low and high points, and the mean and spread of the expected outcomes. `verdicts` holds,
        per metric, the conditions met by its low value, its high value and each outcome's value."""
        key: tuple[Any, ...]
        if len(verdicts) == 1:  # most criteria read one metric: the same key, built without a generator
            (one,) = scenarios.values()
            figures = (one.low, one.high, *itertools.chain.from_iterable(one.spread()))
            key = (*figures, *verdicts[0])
        else:
            figures = tuple(v for s in scenarios.values() for v in (s.low, s.high, *itertools.chain(*s.spread())))
            key = (*figures, *(v for per in verdicts for v in per))
        if 0.0 in figures:  # 0.0 == -0.0, but they may print apart: tell them apart
            key += tuple(math.copysign(1.0, v) for v in figures)
        found = self._points.get(key)
        if found is None:
            found = self._score(scenarios, verdicts)
            if len(self._points) > 20_000:
                self._points.clear()
            self._points[key] = found
        return found

    def _score(self, scenarios: dict[str, Scenarios], verdicts: list[list[frozenset[Condition]]]) -> Points:
        spreads = [s.spread() for s in scenarios.values()]
        values = [(s.low, s.high, *(v for v, _ in spread)) for s, spread in zip(scenarios.values(), spreads)]
        weights = [[w for _, w in spread] for spread in spreads]
        low, high, got = self._ends(tuple(scenarios), values, verdicts)
        # The expected points are the outcomes' mean, rounded once.
        mean = square = 0.0
        for combo, points in zip(itertools.product(*(range(len(w)) for w in weights)), got):
            weight = math.prod(weights[m][i] for m, i in enumerate(combo))
            mean += weight * points
            square += weight * points * points
        expected = min(max(round_points(Decimal(repr(mean)), self.criterion.max), low), high)
        sd = math.sqrt(max(0.0, square - mean * mean))
        return Points(float(low), float(expected), float(high), sd)

    def _ends(
        self, names: tuple[str, ...], values: list[tuple[float, ...]], verdicts: list[list[frozenset[Condition]]]
    ) -> tuple[Decimal, Decimal, tuple[float, ...]]:
        """The low and high points, and each outcome's points (every pick of one outcome per metric,
        in `itertools.product` order), for these figures and conditions met. The chances that
        weigh the outcomes differ from unit to unit far more than the figures do, so this is
        memoised apart from them."""
        flat = tuple(v for per in values for v in per)
        key: tuple[Any, ...] = (names, *values, *(tuple(per) for per in verdicts))
        if 0.0 in flat:  # 0.0 == -0.0, but they may print apart: tell them apart
            key += tuple(math.copysign(1.0, v) for v in flat)
        found = self._outcomes.get(key)
        if found is not None:
            return found
        top = exact(self.criterion.max)

        def raw(picks: tuple[int, ...]) -> Decimal:
            """Points for one pick of values, clamped to [0, max] and not yet rounded."""
            chosen = {name: values[m][i] for m, (name, i) in enumerate(zip(names, picks))}
            if len(picks) == 1:
                met = verdicts[0][picks[0]]
            else:
                met = frozenset().union(*(verdicts[m][i] for m, i in enumerate(picks)))
            return min(max(self.rule.raw(chosen, met), Decimal(0)), top)

        ends = [round_points(raw(tuple([end] * len(names))), self.criterion.max) for end in (0, 1)]
        got = tuple(
            float(raw(tuple(i + 2 for i in combo))) for combo in itertools.product(*(range(len(v) - 2) for v in values))
        )
        found = (min(ends), max(ends), got)
        if len(self._outcomes) > 20_000:
            self._outcomes.clear()
        self._outcomes[key] = found
        return found


def is_share(cs: CriteriaSet, name: str) -> bool:
    """Whether a metric is a share (0 to 1, shown in percent): a ratio, an on-time share, a rate."""
    metric = cs.metrics.get(name)
    if metric is None:
        return name == SURVEY
    if metric.kind in ("ratio", "on_time_share"):
        return True
    indicator = metric.where.get("name")
    spec = cs.indicators.get(indicator) if isinstance(indicator, str) else None
    return spec is not None and spec.kind.value == "rate"


class Scoring:
    """A criteria set compiled for a run: each criterion's rule, and one engine over all their
    conditions. A context manager, like the engine it closes."""

    def __init__(self, cs: CriteriaSet) -> None:
        self.cs = cs
        self.criteria = [CompiledCriterion(cs, criterion) for criterion in cs.criteria()]
        self.engine = RuleEngine(c for compiled in self.criteria for c in compiled.rule.conditions)
        # A metric's figures repeat from unit to unit: each distinct one is built (and its sentence
        # written) once per run. Results are frozen, so units share them.
        self.metric_values: dict[tuple[Any, ...], MetricValue] = {}
        self.index_keys = index_keys_of(cs)
        self.classes = [
            ClassThreshold.model_construct(name=b.name, name_en=b.name_en, min=b.min)
            for b in sorted(cs.classes, key=lambda b: -b.min)
        ]
        self.provenance = Provenance(
            kind=cs.provenance.kind,
            number=cs.provenance.number,
            date=cs.provenance.date,
            issuer=cs.provenance.issuer,
            title=cs.title,
        )
        # The likely range's half-width in standard deviations (1.28 for the 10th to 90th percentiles).
        self.z = NormalDist().inv_cdf((1 + cs.forecast.likely) / 2)
        # The rows that do not apply, per kind of unit (its group and its own exemptions).
        self.exempt: dict[tuple[Any, ...], dict[str, str]] = {}

    def exempt_rows(self, unit: Unit) -> dict[str, str]:
        """`not_applicable(cs, unit)`, worked out once per kind of unit: it depends only on the
        unit's group and the rows its unit.yaml exempts."""
        key = (unit.group, tuple(sorted(unit.not_applicable.items())))
        found = self.exempt.get(key)
        if found is None:
            if len(self.exempt) >= 1_000:  # bounded, as every memo of a run is
                self.exempt.clear()
            found = self.exempt[key] = not_applicable(self.cs, unit)
        return found

    def close(self) -> None:
        self.engine.close()

    def __enter__(self) -> Scoring:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def engine_for(cs: CriteriaSet) -> Scoring:
    return Scoring(cs)


def not_applicable(cs: CriteriaSet, unit: Unit) -> dict[str, str]:
    """The rows that do not apply to the unit, each with its reason: those unit.yaml names (a
    sub-criterion, a criterion or an area), and those the set gives to other unit groups."""
    found: dict[str, str] = {}
    for area in cs.areas:
        for member in area.criteria:
            leaves = member.criteria if isinstance(member, CriterionNode) else [member]
            for leaf in leaves:
                for key in (leaf.id, member.id, area.id):
                    if key in unit.not_applicable:
                        found[leaf.id] = unit.not_applicable[key]
                        break
                else:
                    groups = leaf.groups or member.groups
                    if groups and unit.group not in groups:
                        found[leaf.id] = "groups: " + ", ".join(groups)
    return found

"""As-of prediction: every criterion, area, component and the total in three scenarios (docs/contract.md 3).

- Evidence dated after the as-of date is ignored; the as-of date never passes the data cut-off.
- `low`: pending obligations are missed, surveys at the lower end of their estimate.
- `expected`: pending obligations follow the unit's own record (this year's, else last year's);
  surveys at their point estimate.
- `high`: pending obligations are met on time, surveys at the upper end, and unsupported evidence
  (no document number, or a missing attachment) counts; it counts in `high` only.

What "the unit's own record" means for each kind of metric is documented in the README
("How the forecast is made"): obligations at the unit's on-time rate, counts at this year's pace,
ratios, indicators and existence at the better of this year's value and last year's final one.
"""

from __future__ import annotations

import datetime as dt
import math
from enum import Enum
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from scorer import metrics as metric_lib
from scorer.messages import how
from scorer.engine import Condition, RuleEngine
from scorer.models.criteria import (
    Adjustment,
    Component,
    Criterion,
    CriterionNode,
    CriteriaSet,
    Metric,
)
from scorer.models.evidence import EvidenceRecord, Official, Survey, Unit
from scorer.models.inputs import EvidenceSet, UnitYear
from scorer.models.scored import ScoredUnit
from scorer.models.prediction import (
    SCENARIOS,
    AdjustmentLine,
    AdjustmentResult,
    Index,
    NodeResult,
    ProofStatus,
    Provenance,
    AreaResult,
    Change,
    ClassThreshold,
    Classes,
    ComponentResult,
    CriterionResult,
    EvidenceUse,
    Figure,
    SatisfactionIndex,
    MetricValue,
    ObligationRow,
    Total,
)
from scorer.reasons import reasons
from scorer.scoring import kinds
from scorer.scoring import (
    CENT,
    SURVEY,
    best_value,
    compile_rule,
    exact,
    fact_name,
    full_value,
    higher_is_better,
    inputs,
    round_points,
    total,
)

FAR_FUTURE = dt.date(9999, 12, 31)
# `pace`: the projection rules of README "How the forecast is made"; `flat`: the first release's rules,
# kept so that `backtest --track --compare` can show what the change is worth.
PROJECTIONS = ("pace", "flat")


@dataclass(slots=True)
class Scenarios:
    low: float
    expected: float
    high: float
    basis: str
    params: dict[str, float | int] = field(default_factory=dict)

    def values(self) -> tuple[float, float, float]:
        return (self.low, self.expected, self.high)


def effective_as_of(cs: CriteriaSet, as_of: dt.date | None, today: dt.date) -> dt.date:
    """Default today, never past the year's data cut-off."""
    return min(as_of or today, cs.cutoff)


def is_supported(record: EvidenceRecord, evidence: EvidenceSet) -> bool:
    """The appraisal accepts a document it can see: a number, and the attachment if one is named.
    Survey records are results, not documents to appraise, so they are always taken. A record
    drafted from the register is not taken until the officer has reviewed it."""
    if record.review is not None:
        return False
    if isinstance(record, Survey):
        return True
    return bool(record.document_no and record.document_no.strip()) and record.id not in evidence.missing_attachments


class _Context:
    """The evidence views of one prediction, with each metric computed once per view."""

    def __init__(
        self,
        cs: CriteriaSet,
        data: UnitYear,
        as_of: dt.date,
        detail: bool,
        index_keys: dict[str, str | None] | None = None,
        projection: str = "pace",
    ) -> None:
        self.cs, self.data, self.as_of, self.detail, self.projection = cs, data, as_of, detail, projection
        self.index_keys = index_keys if index_keys is not None else index_keys_of(cs)
        self.final = as_of >= cs.cutoff
        what_if = data.evidence.hypothetical
        # One canonical order (date, then id; ids are unique), so no figure or list can depend on the
        # order of records in the files or of the files in the folder.
        now = sorted(
            (r for r in data.evidence.records if r.date <= as_of or (r.id in what_if and r.date <= cs.cutoff)),
            key=_canonical,
        )
        self.by_id = {r.id: r for r in data.evidence.records}
        self.unsupported = {r.id for r in data.evidence.records if not is_supported(r, data.evidence)}
        self.unsupported_types = {self.by_id[rid].type for rid in self.unsupported}
        supported = [r for r in now if r.id not in self.unsupported] if self.unsupported else now
        self.views = {"all": _by_type(now), "last": _by_type(sorted(data.last_year.records, key=_canonical))}
        # Most units have every record supported: then both views are one, computed once.
        self.same_views = len(supported) == len(now)
        self.views["supported"] = self.views["all"] if self.same_views else _by_type(supported)
        self.has_last_year = bool(data.last_year.records)
        # A value nothing has recorded is presumed met only for a unit that keeps a record this year:
        # with no evidence at all there is nothing to presume from (an empty unit is not "excellent").
        self.presume = projection == "pace" and bool(now)
        self._cache: dict[tuple[str, str], metric_lib.MetricResult] = {}
        self._supported_only: dict[str, bool] = {}
        self._indexes: dict[tuple[str, str, str], dict[object, list[EvidenceRecord]]] = {}
        start = dt.date(cs.year, 1, 1)
        self.elapsed = max((as_of - start).days + 1, 1)
        self.span = max((cs.cutoff - start).days + 1, 1)

    def metric(self, name: str, view: str) -> metric_lib.MetricResult:
        if view == "supported" and (self.same_views or self._all_supported(name)):
            view = "all"
        key = (name, view)
        if key not in self._cache:
            definition = self.cs.metrics[name]
            records = self._candidates(view, definition, self.index_keys[name])
            if view == "last":
                result = metric_lib.compute(definition, records, FAR_FUTURE, self.cs, final=True, year_offset=-1)
            else:
                result = metric_lib.compute(
                    definition,
                    records,
                    self.as_of,
                    self.cs,
                    final=self.final,
                    hypothetical=self.data.evidence.hypothetical,
                )
            self._cache[key] = result
        return self._cache[key]

    def _all_supported(self, name: str) -> bool:
        """Whether every record the metric could read is supported: then its supported view reads
        the very same records, in the same order, and is its whole view, computed once."""
        found = self._supported_only.get(name)
        if found is None:
            definition = self.cs.metrics[name]
            found = definition.type not in self.unsupported_types
            if not found:
                candidates = self._candidates("all", definition, self.index_keys[name])
                found = not any(r.id in self.unsupported for r in candidates)
            self._supported_only[name] = found
        return found

    def records(self, view: str, type_name: str) -> list[EvidenceRecord]:
        return self.views[view].get(type_name, [])

    def _candidates(self, view: str, definition: Metric, key: str | None) -> list[EvidenceRecord]:
        """The records of the metric's type, narrowed by an index on its first `where: {field: value}`
        (`key`: indicators by name, documents by kind): metrics.compute still applies the whole filter."""
        records = self.records(view, definition.type)
        if key is None:
            return records
        slot = (view, definition.type, key)
        if slot not in self._indexes:
            index: dict[object, list[EvidenceRecord]] = defaultdict(list)
            for record in records:
                value = getattr(record, key, None)
                index[value.value if isinstance(value, Enum) else value].append(record)
            self._indexes[slot] = index
        return self._indexes[slot].get(definition.where[key], [])


def index_keys_of(cs: CriteriaSet) -> dict[str, str | None]:
    """Per metric, the field of its first `where: {field: value}` filter, which records are indexed by."""
    return {
        name: next((k for k, v in metric.where.items() if isinstance(v, str)), None)
        for name, metric in cs.metrics.items()
    }


def _canonical(record: EvidenceRecord) -> tuple[dt.date, str]:
    return (record.date, record.id)


def _by_type(records: Sequence[EvidenceRecord]) -> dict[str, list[EvidenceRecord]]:
    grouped: dict[str, list[EvidenceRecord]] = defaultdict(list)
    for record in records:
        grouped[record.type].append(record)
    return grouped


def _scenarios(ctx: _Context, compiled: _CompiledCriterion, name: str) -> Scenarios:
    definition, deadline, rising, target = compiled.inputs[name]
    supported = ctx.metric(name, "supported")
    everything = ctx.metric(name, "all")
    if supported.obligations is not None and everything.obligations is not None:
        scen = _obligation_scenarios(ctx, definition, name, supported.obligations, everything.obligations)
        rate = float(scen.params.get("rate", 1.0))
        levels = compiled.rule.obligation_levels(supported.obligations, everything.obligations, rate)
        return scen if levels is None else Scenarios(*levels, scen.basis, scen.params)
    pending = not ctx.final and deadline >= ctx.as_of
    low = supported.value
    if pending and not rising and ctx.presume and not everything.record_ids:
        # Nothing recorded yet of a lower-is-better value (staff over quota): the `empty` it reads as
        # today is no finding; by the deadline it can still be the best value.
        best = best_value(compiled.criterion)
        last = ctx.metric(name, "last").value if ctx.has_last_year else None
        if last is not None:
            return Scenarios(low, last, best, "last_year", {"value": low, "last": last})
        return Scenarios(low, best, best, "presumed", {"value": low, "full": best})
    if not pending or not rising:
        return Scenarios(low, low, everything.value, "to_date", {"value": low})
    high = max(everything.value, target if target is not None else everything.value)
    expected, basis, params = _project(ctx, definition, name, low, bool(supported.record_ids), target, deadline)
    expected = min(max(expected, low), high)
    return Scenarios(low, expected, high, basis, params)


def _project(
    ctx: _Context,
    definition: Metric,
    name: str,
    now: float,
    recorded: bool,
    target: float | None,
    deadline: dt.date,
) -> tuple[float, str, dict[str, float | int]]:
    """The expected value of a pending metric, the basis it rests on (a message key) and its figures.

    `pace` rules (the default): a `progress` metric moves at the unit's pace since its plan began, a
    `level` metric stays as it is, and a value nothing has recorded yet, this year or last, is presumed
    met by its deadline, as pending obligations with no record are. `flat` rules are those of the
    first release (kept to measure the change with `backtest --track --compare`)."""
    last = ctx.metric(name, "last").value if ctx.has_last_year else None
    policy = definition.projection
    if ctx.projection == "flat" and policy in ("progress", "level"):
        policy = None
    policy = policy or ("pace" if definition.kind in ("count", "sum") else "best_of")
    if policy == "progress":
        paced = _progress(ctx, definition, now, deadline)
        if paced is not None:
            return paced
        recorded = recorded and now > 0
    if policy == "level" and recorded:
        return now, "level", {"value": now}
    if policy == "pace" and now > 0:
        projected = now * ctx.span / ctx.elapsed
        return projected, "pace", {"value": now, "projected": projected}
    if last is not None and policy in ("pace", "last_year", "best_of", "progress", "level"):
        if policy == "best_of" and now >= last:
            return now, "at_least_last_year", {"value": now, "last": last}
        return last, "last_year", {"value": now, "last": last}
    if ctx.presume and not recorded and target is not None and policy != "none":
        return target, "presumed", {"value": now, "full": target}
    return now, "no_record", {"value": now}


def _progress(
    ctx: _Context, definition: Metric, now: float, deadline: dt.date
) -> tuple[float, str, dict[str, float | int]] | None:
    """A progress share projected at the unit's pace since its plan began: from the first snapshot when
    the plan was filed with nothing done, else from the year's start; bounded by 100% and by the time
    left to the deadline. None while no progress is recorded."""
    snapshots = metric_lib.snapshots(definition, ctx.records("supported", definition.type))
    if not snapshots or now <= 0:
        return None
    (first_day, first_value), (day, value) = snapshots[0], snapshots[-1]
    start, start_value = (first_day, first_value) if first_value == 0 else (dt.date(ctx.cs.year, 1, 1), 0.0)
    days = (day - start).days
    if days <= 0 or value <= start_value:
        return None
    left = max(0, (min(deadline, ctx.cs.cutoff) - day).days)
    projected = min(max(1.0, value), value + (value - start_value) / days * left)
    return projected, "progress", {"value": value, "projected": projected, "days": days}


def _obligation_scenarios(
    ctx: _Context,
    definition: Metric,
    name: str,
    supported: metric_lib.Obligations,
    everything: metric_lib.Obligations,
) -> Scenarios:
    rate = supported.on_time_rate()
    basis = "obligations_this_year"
    if rate is None and ctx.has_last_year:
        rate = ctx.metric(name, "last").obligations.on_time_rate()  # type: ignore[union-attr]
        basis = "obligations_last_year"
    if rate is None:
        rate, basis = 1.0, "obligations_no_record"
    kind, empty = definition.kind, definition.empty
    values = (supported.value(kind, 0.0, empty), supported.value(kind, rate, empty), everything.value(kind, 1.0, empty))
    params: dict[str, float | int] = {s: everything.count(s) for s in metric_lib.STATUSES}
    params["total"] = len(everything.items)
    params["rate"] = rate
    return Scenarios(*values, basis if everything.count("pending") else "obligations", params)


# -- surveys -------------------------------------------------------------------------------


def wilson(share: float, n: int, z: float) -> tuple[float, float]:
    """The Wilson score interval for a share observed among n respondents."""
    denominator = 1 + z * z / n
    centre = (share + z * z / (2 * n)) / denominator
    half = z * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def _survey(ctx: _Context, criterion: Criterion) -> tuple[Scenarios, str, list[str]]:
    rule = kinds.Survey.of(criterion)
    defaults = ctx.cs.surveys

    def records(pool: Sequence[EvidenceRecord], source: str) -> list[Survey]:
        found = [
            r
            for r in pool
            if isinstance(r, Survey)
            and r.share is not None
            and r.criterion == criterion.id
            and r.instrument.value == rule.instrument
            and r.source.value == source
        ]
        return sorted(found, key=lambda r: (r.date, r.id))

    instrument = defaults.instruments.get(rule.instrument)
    if instrument is not None:
        asked = {q for q, question in instrument.questions.items() if criterion.id in question.criteria}
        counted = [
            r
            for r in ctx.records("all", "survey")
            if isinstance(r, Survey) and r.answers and r.question in asked and r.instrument.value == rule.instrument
        ]
        if counted and not records(ctx.records("all", "survey"), "official"):
            return _answers(counted, instrument.scale, defaults.confidence_z)
    official = records(ctx.records("all", "survey"), "official")
    if official:
        s = _share(official[-1])
        return Scenarios(s, s, s, "survey_official", {"share": s}), "official", [official[-1].id]
    internal = records(ctx.records("all", "survey"), "internal")
    if internal:
        record = internal[-1]
        s = _share(record)
        if record.respondents:
            low, high = wilson(s, record.respondents, defaults.confidence_z)
            basis, params = "survey_internal", {"share": s, "respondents": record.respondents}
        else:
            low, high = s - defaults.last_year_margin, s + defaults.last_year_margin
            basis, params = "survey_internal_margin", {"share": s, "margin": defaults.last_year_margin}
        low, high = max(0.0, min(low, s)), min(1.0, max(high, s))
        return Scenarios(low, s, high, basis, params), "internal", [record.id]
    last = records(ctx.records("last", "survey"), "official")
    if last:
        s, m = _share(last[-1]), defaults.last_year_margin
        scen = Scenarios(max(0.0, s - m), s, min(1.0, s + m), "survey_last_year", {"share": s, "margin": m})
        return scen, "last_year", [last[-1].id]
    s, m = defaults.prior_share, defaults.prior_margin
    return Scenarios(max(0.0, s - m), s, min(1.0, s + m), "survey_prior", {"share": s, "margin": m}), "prior", []


def _share(record: Survey) -> float:
    assert record.share is not None  # records() keeps only records with a share
    return record.share


def _answers(counted: list[Survey], scale: dict[str, float], z: float) -> tuple[Scenarios, str, list[str]]:
    """A pilot survey's answer counts, pooled over the questions that score the row and the
    respondent groups: the estimate is the mean answer weight (A/B/C/D = 100/60/20/0% in one
    province's instrument), the interval the normal one for a mean, clamped to [0, 1]."""
    counts: dict[str, int] = defaultdict(int)
    for record in counted:
        for answer, count in (record.answers or {}).items():
            counts[answer] += count
    n = sum(counts.values())
    mean = sum(scale[a] * c for a, c in counts.items()) / n
    variance = sum(c * (scale[a] - mean) ** 2 for a, c in counts.items()) / n
    half = z * math.sqrt(variance / n)
    low, high = max(0.0, mean - half), min(1.0, mean + half)
    scen = Scenarios(low, mean, high, "survey_answers", {"share": mean, "respondents": n})
    return scen, "internal", sorted(r.id for r in counted)


# -- one unit ------------------------------------------------------------------------------


class _CompiledCriterion:
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
        "survey",
        "parent",
        "owners",
        "_points",
    )

    def __init__(self, cs: CriteriaSet, criterion: Criterion) -> None:
        self.criterion = criterion
        self.rule = compile_rule(criterion)
        self.area = cs.area_of(criterion.id)
        self.source = criterion.source.value
        self.deadline = cs.deadline(criterion.deadline)
        assert criterion.rule is not None  # a set with a row still to finish does not load
        node = cs.node_of(criterion.id)
        self.parent = node.id if node else None
        self.owners = criterion.owners
        self.facts = {name: fact_name(criterion, name) for name in inputs(criterion)}
        self.survey = self.rule.survey
        # Per metric read: its definition, the deadline it is pending until, whether more is
        # better, and the value that earns full points.
        self.inputs = {
            name: (
                cs.metrics[name],
                cs.calendar[cs.metrics[name].deadline or criterion.deadline],
                higher_is_better(criterion),
                full_value(criterion, name),
            )
            for name in self.facts
            if not self.survey
        }
        self.titles = {name: cs.metric_title(name) for name in self.inputs}
        # Points per (metric values, conditions met), the three scenarios at once: units repeat both,
        # and Decimal work is not free.
        self._points: dict[tuple[Any, ...], tuple[float, float, float, bool]] = {}

    def scores(
        self, scenarios: dict[str, Scenarios], verdicts: list[frozenset[Condition]]
    ) -> tuple[float, float, float, bool]:
        """Low, expected and high points, and whether low is already full: one pass over the three
        scenarios. `verdicts` holds, per metric, the conditions its low, expected and high values meet."""
        figures: tuple[float, ...]
        if len(scenarios) == 1:  # most criteria read one metric
            (only,) = scenarios.values()
            figures = (only.low, only.expected, only.high)
        else:
            figures = tuple(v for s in scenarios.values() for v in (s.low, s.expected, s.high))
        key: tuple[Any, ...] = (*figures, *verdicts)
        if 0.0 in figures:  # 0.0 == -0.0, but they may print apart: tell them apart
            key += tuple(math.copysign(1.0, v) for v in figures)
        found = self._points.get(key)
        if found is None:
            names = list(scenarios)
            points = []
            for s in range(3):
                values = {name: scenarios[name].values()[s] for name in names}
                if len(names) == 1:
                    met = verdicts[s]
                else:
                    met = frozenset().union(*(verdicts[3 * m + s] for m in range(len(names))))
                points.append(self.rule.points(values, met))
            low, high = min(points), max(points)
            expected = min(max(points[1], low), high)
            if len(self._points) > 20_000:
                self._points.clear()
            found = self._points[key] = (float(low), float(expected), float(high), low >= exact(self.criterion.max))
        return found


class Scoring:
    """A criteria set compiled for a run: each criterion's rule, and one engine over all their
    conditions. A context manager, like the engine it closes."""

    def __init__(self, cs: CriteriaSet) -> None:
        self.cs = cs
        self.criteria = [_CompiledCriterion(cs, criterion) for criterion in cs.criteria()]
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


@dataclass
class _Work:
    compiled: _CompiledCriterion
    scenarios: dict[str, Scenarios]
    survey_basis: str | None
    record_ids: list[str]
    next_deadline: dt.date | None
    pending: bool
    overdue: int = 0
    obligations: tuple[metric_lib.ObligationStatus, ...] = ()
    not_applicable: str | None = None
    nothing_arose: bool = False


def predict_unit(
    cs: CriteriaSet,
    criteria_label: str,
    data: UnitYear,
    as_of: dt.date,
    engine: Scoring,
    detail: bool = False,
    projection: str = "pace",
) -> ScoredUnit:
    """Every criterion, area, component and the total, each built once with its final figures.
    `detail` adds each criterion's evidence records with file and line (for `explain`)."""
    # `projection` picks the rules for pending values (PROJECTIONS).
    ctx = _Context(cs, data, as_of, detail, engine.index_keys, projection)
    exempt = engine.exempt_rows(data.unit)
    work = [
        _Work(compiled, {}, None, [], None, False, not_applicable=exempt[compiled.criterion.id])
        if compiled.criterion.id in exempt
        else _prepare(ctx, compiled)
        for compiled in engine.criteria
    ]
    # Three facts per metric of each criterion, one per scenario, in this order; the engine answers
    # each (fact, value) once per run.
    facts = [
        (w.compiled.facts[name], value) for w in work for name, scen in w.scenarios.items() for value in scen.values()
    ]
    verdicts = engine.engine.verdicts(facts)
    results = []
    position = 0
    for w in work:
        count = len(w.scenarios)
        mine = verdicts[position : position + 3 * count]
        position += 3 * count
        results.append(_criterion_result(ctx, w, mine, engine.metric_values))
    return _assemble(cs, criteria_label, data, ctx, results, engine)


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


def _prepare(ctx: _Context, compiled: _CompiledCriterion) -> _Work:
    criterion = compiled.criterion
    if compiled.survey:
        scen, basis, used = _survey(ctx, criterion)
        return _Work(compiled, {SURVEY: scen}, basis, used, None, basis != "official")
    scenarios = {name: _scenarios(ctx, compiled, name) for name in compiled.facts}
    ids: set[str] = set()
    pending_dues: list[dt.date] = []
    overdue = 0
    obligations: list[metric_lib.ObligationStatus] = []
    for name in scenarios:
        result = ctx.metric(name, "all")
        ids.update(result.record_ids)
        if result.obligations:
            obligations += result.obligations.items
            pending_dues += [i.due for i in result.obligations.items if i.status == "pending"]
            overdue += sum(1 for i in result.obligations.items if i.status in ("late", "missing", "nonconforming"))
    deadline = compiled.deadline
    pending = bool(pending_dues) or (not ctx.final and deadline >= ctx.as_of)
    upcoming = min(pending_dues) if pending_dues else (deadline if deadline >= ctx.as_of else None)
    arose = bool(ids) or bool(obligations)
    return _Work(
        compiled,
        scenarios,
        None,
        sorted(ids),
        upcoming,
        pending,
        overdue,
        tuple(obligations),
        nothing_arose=criterion.not_arising == "full" and not arose,
    )


def _criterion_result(
    ctx: _Context, w: _Work, verdicts: list[frozenset[Condition]], memo: dict[tuple[Any, ...], MetricValue]
) -> CriterionResult:
    """One pass over the three scenarios: `verdicts` holds, per metric, the conditions its low,
    expected and high values meet."""
    compiled = w.compiled
    criterion = compiled.criterion
    if w.not_applicable is not None:
        low = expected = high = 0.0
        full = True
    elif w.nothing_arose:
        low = expected = high = float(round_points(exact(criterion.max), criterion.max))
        full = True
    else:
        low, expected, high, full = compiled.scores(w.scenarios, verdicts)
    by_id = ctx.by_id
    ids = [rid for rid in w.record_ids if rid in by_id]
    proofs = _proofs(ctx, criterion, ids)
    # A proof document the row's metrics do not read (the dialogue's invitation) is still evidence
    # of the row: it is listed, and cited where the row's documents are.
    ids += sorted({rid for p in proofs for rid in p.evidence} - set(ids))
    unsupported = [rid for rid in ids if rid in ctx.unsupported] if ctx.unsupported else []
    detail = ctx.detail
    status = "not_applicable" if w.not_applicable is not None else _status(w, full)
    # A row that does not apply leaves the maxima: the index is over the applicable rows.
    maximum = 0.0 if w.not_applicable is not None else criterion.max
    why = reasons(
        status=status,
        maximum=maximum,
        low=low,
        expected=expected,
        high=high,
        shortfall=compiled.rule.shortfall,
        survey_basis=w.survey_basis,
        overdue=w.overdue,
        evidence=ids,
        unsupported=unsupported,
        proofs=proofs,
    )
    return CriterionResult.build(
        max=maximum,
        low=low,
        expected=expected,
        high=high,
        id=criterion.id,
        title=criterion.title,
        title_en=criterion.title_en,
        area=compiled.area,
        source=compiled.source,
        # Each result has lists of its own: a frozen model still lets a caller change a list's items.
        owner=compiled.owners[0],
        owner_division=ctx.data.unit.division(compiled.owners[0]),
        owners=list(compiled.owners),
        cooperating=list(criterion.cooperating),
        deadline=compiled.deadline,
        next_deadline=w.next_deadline,
        status=status,
        rule=criterion.rule,
        not_arising=criterion.not_arising,
        overdue=w.overdue,
        metrics=[_metric_value(n, s, memo, compiled.titles.get(n)) for n, s in w.scenarios.items()],
        survey_basis=w.survey_basis,
        evidence=ids,
        unsupported=unsupported,
        evidence_used=sorted((_use(ctx, rid) for rid in ids), key=lambda u: (u.date, u.id)) if detail else [],
        obligations=[
            ObligationRow.model_construct(label=o.label, due=o.due, status=o.status, record=o.record_id)
            for o in w.obligations
        ]
        if detail
        else [],
        proofs=proofs,
        not_applicable_reason=w.not_applicable,
        parent=compiled.parent,
        method_text=criterion.method_text,
        remedy=ctx.data.unit.fill(criterion.remedy),
        remedy_en=ctx.data.unit.fill(criterion.remedy_en, "en"),
        reasons=why,
    )


def _metric_value(
    name: str, s: Scenarios, memo: dict[tuple[Any, ...], MetricValue], titles: tuple[str, str] | None = None
) -> MetricValue:
    params = s.params
    figures = (s.low, s.expected, s.high, *params.values()) if params else (s.low, s.expected, s.high)
    # Keyed by value and type: 3 == 3.0, but they print apart too.
    key: tuple[Any, ...] = (name, titles, s.basis, *params, *figures, *map(type, figures))
    if 0.0 in figures:  # 0.0 == -0.0, but they print apart: tell them apart
        key += tuple(math.copysign(1.0, v) for v in figures)
    found = memo.get(key)
    if found is None:
        if len(memo) > 100_000:
            memo.clear()
        found = memo[key] = _new_metric_value(name, s, titles)
    return found


def _new_metric_value(name: str, s: Scenarios, titles: tuple[str, str] | None) -> MetricValue:
    params = {k: round(v, 4) for k, v in s.params.items()}
    return MetricValue.model_construct(
        title=titles[0] if titles else None,
        title_en=titles[1] if titles else None,
        name=name,
        low=round(s.low, 4),
        expected=round(s.expected, 4),
        high=round(s.high, 4),
        basis=s.basis,
        params=params,
        how=how(s.basis, params, "en"),
    )


def _proofs(ctx: _Context, criterion: Criterion, used: list[str]) -> list[ProofStatus]:
    """Each proof the row lists, with the records (dated by the as-of date, with a document number)
    that are it: used by the row or naming it, and marked `proof: <id>`."""
    found = []
    for proof in criterion.proofs:
        records = [
            r.id
            for r in ctx.by_id.values()
            if r.proof == proof.id
            and (r.id in used or criterion.id in r.criteria)
            and (r.date <= ctx.as_of or r.id in ctx.data.evidence.hypothetical)
            and r.document_no
            and r.document_no.strip()
        ]
        found.append(ProofStatus(id=proof.id, title=proof.title, title_en=proof.title_en, evidence=sorted(records)))
    return found


def _status(w: _Work, full: bool) -> str:
    if w.survey_basis is not None:
        return "official" if w.survey_basis == "official" else "estimate"
    if full:
        return "full"
    return "pending" if w.pending else "short"


def _use(ctx: _Context, record_id: str) -> EvidenceUse:
    record = ctx.by_id[record_id]
    origin = ctx.data.evidence.origins[record_id]
    return EvidenceUse(
        id=record.id,
        type=record.type,
        date=record.date,
        document_no=record.document_no,
        title=record.title,
        file=origin.path,
        line=origin.line,
        supported=is_supported(record, ctx.data.evidence),
        hypothetical=record.id in ctx.data.evidence.hypothetical,
        locator=record.locator,
    )


def _assemble(
    cs: CriteriaSet,
    label: str,
    data: UnitYear,
    ctx: _Context,
    results: list[CriterionResult],
    run: Scoring,
) -> ScoredUnit:
    official = data.last_official if data.last_official and data.last_official.year == cs.year - 1 else None

    # One pass: each criterion's rounded points added, exactly, to its area, its component and the total.
    sums: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0), Decimal(0), Decimal(0)])
    for r in results:
        # The applicable maximum: a row that does not apply counts 0 (issue 10).
        points = (exact(r.low), exact(r.expected), exact(r.high), exact(r.max))
        keys = [r.area, "component:" + r.source, "total"] + (["node:" + r.parent] if r.parent else [])
        for key in keys:
            into = sums[key]
            into[0] += points[0]
            into[1] += points[1]
            into[2] += points[2]
            into[3] += points[3]

    def figure(key: str, _maximum: float = 0.0) -> dict[str, Any]:
        low, expected, high, maximum = sums[key]
        return {"max": float(maximum), "low": float(low), "expected": float(expected), "high": float(high)}

    areas = [
        AreaResult.model_construct(
            id=area.id,
            title=area.title,
            title_en=area.title_en,
            last_year=official.areas.get(area.id) if official else None,
            **figure(area.id, area.max),
        )
        for area in cs.areas
    ]
    components = [
        ComponentResult.model_construct(
            id=component.value,
            title=cs.components[component].title,
            title_en=cs.components[component].title_en,
            last_year=getattr(official.components, component.value) if official else None,
            **figure("component:" + component.value, cs.components[component].max),
        )
        for component in Component
    ]
    totals = figure("total", cs.scale)
    bonus = _adjustment(ctx, cs.bonus, "supported") if cs.bonus else None
    penalty = _adjustment(ctx, cs.penalty, "all") if cs.penalty else None
    blocks = [(cs.bonus, bonus, 1), (cs.penalty, penalty, -1)]

    def extra(scenario: str, adds_to: str) -> Decimal:
        return sum(
            (
                sign * exact(getattr(got, scenario))
                for spec, got, sign in blocks
                if spec and got and spec.adds_to == adds_to
            ),
            Decimal(0),
        )

    for s in SCENARIOS:
        totals[s] = float(exact(totals[s]) + extra(s, "points"))
    index = {s: float(exact(_percent(totals[s], totals["max"])) + extra(s, "index")) for s in SCENARIOS}
    on = index if cs.classes_on == "index" else totals
    classes_met: dict[str, Any] = {s: (band.name if (band := cs.classify(on[s])) else None) for s in SCENARIOS}
    whole = Total.model_construct(
        **totals, last_year=official.total if official else None, class_=Classes.model_construct(**classes_met)
    )
    return ScoredUnit(
        unit=data.unit.id,
        unit_name=data.unit.name,
        year=cs.year,
        as_of=ctx.as_of,
        criteria_set=label,
        final=ctx.final,
        hypothetical=sorted(data.evidence.hypothetical),
        total=whole,
        components=components,
        areas=areas,
        criteria=results,
        classes=run.classes,
        satisfaction=_satisfaction(cs, official, results),
        provenance=run.provenance,
        index=Index(**index),
        bonus=bonus,
        penalty=penalty,
        nodes=[
            NodeResult(
                id=node.id,
                title=node.title,
                title_en=node.title_en,
                area=cs.area_of(node.id),
                **figure("node:" + node.id),
            )
            for node in cs.nodes()
        ],
    )


def _percent(points_: float, maximum: float) -> float:
    if maximum <= 0:
        return 0.0
    return float((exact(points_) * 100 / exact(maximum)).quantize(CENT, rounding=ROUND_HALF_UP))


def _adjustment(ctx: _Context, block: Adjustment, view: str) -> AdjustmentResult:
    """Bonus lines count documented records (high: every record); penalty lines count every record
    of a violation, documented or not. The block is capped at its `max`."""
    lines = []
    for item in block.items:
        low = ctx.metric(item.metric, view).value * item.points
        high = ctx.metric(item.metric, "all").value * item.points if view == "supported" else low
        lines.append(
            AdjustmentLine(
                id=item.id,
                title=item.title,
                title_en=item.title_en,
                low=float(round_points(exact(low), 1000)),
                expected=float(round_points(exact(low), 1000)),
                high=float(round_points(exact(high), 1000)),
                evidence=sorted(ctx.metric(item.metric, "all").record_ids),
            )
        )
    cap = block.max if block.max is not None else 1000.0
    sums = {s: float(round_points(exact(total([getattr(x, s) for x in lines])), cap)) for s in SCENARIOS}
    return AdjustmentResult(title=block.title, title_en=block.title_en, max=block.max, items=lines, **sums)


def _satisfaction(
    cs: CriteriaSet, official: Official | None, results: list[CriterionResult]
) -> SatisfactionIndex | None:
    """The satisfaction index's line, when the criteria set names the criteria it drives."""
    if cs.satisfaction is None:
        return None
    driven = [r for r in results if r.id in cs.satisfaction.criteria]
    top = sum(r.max for r in driven)
    if not driven or not top:
        return None
    points = {"max": top, **{s: total([getattr(r, s) for r in driven]) for s in SCENARIOS}}
    last = official.satisfaction if official else None
    return SatisfactionIndex(
        criteria=[r.id for r in driven],
        last_year=last.index if last else None,
        last_rank=last.rank if last else None,
        last_of=last.of if last else None,
        **{s: round(100 * points[s] / top, 1) for s in SCENARIOS},
        basis=driven[0].survey_basis,
        points=Figure(**points),
    )


# -- what-if ---------------------------------------------------------------------------------


def without_hypothetical(data: UnitYear) -> UnitYear:
    return replace(data, evidence=data.evidence.without_hypothetical())


def compare(before: ScoredUnit, after: ScoredUnit) -> list[Change]:
    """The total, then every area and criterion whose figures the hypothetical evidence moves."""

    def figure(x: Any) -> Figure:
        return Figure.model_construct(max=x.max, low=x.low, expected=x.expected, high=x.high)

    pairs: list[tuple[str, str, str, Any, Any]] = [("total", "Tổng cộng", "Total", before.total, after.total)]
    pairs += [(a.id, a.title, a.title_en, a, b) for a, b in zip(before.areas, after.areas)]
    pairs += [(a.id, a.title, a.title_en, a, b) for a, b in zip(before.criteria, after.criteria)]
    return [
        Change.model_construct(id=key, title=title, title_en=title_en, without=figure(x), with_=figure(y))
        for key, title, title_en, x, y in pairs
        if key == "total" or figure(x) != figure(y)
    ]

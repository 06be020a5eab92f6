"""One unit scored as of a date: every criterion, area, component and the total in three
scenarios, the likely range, and how much of it the evidence already secures (docs/contract.md 3)."""

from __future__ import annotations

import datetime as dt
import itertools
import math
from dataclasses import dataclass
from decimal import Decimal
from statistics import NormalDist
from typing import Any

from scorer.engine import Condition, RuleEngine
from scorer.messages import how
from scorer.models.criteria import Criterion, CriterionNode, CriteriaSet
from scorer.models.evidence import Unit
from scorer.models.inputs import UnitYear
from scorer.models.prediction import (
    ClassThreshold,
    CriterionResult,
    EvidenceUse,
    MetricValue,
    ObligationRow,
    ProofStatus,
    Provenance,
)
from scorer.models.scored import ScoredUnit
from scorer import metrics as metric_lib
from scorer.predict.context import Context, index_keys_of, is_supported
from scorer.predict.scenarios import Scenarios, obligation_scenarios, value_scenarios
from scorer.predict.sums import assemble
from scorer.predict.surveys import survey
from scorer.reasons import reasons
from scorer.scoring import (
    SURVEY,
    compile_rule,
    exact,
    fact_name,
    full_value,
    higher_is_better,
    inputs,
    round_points,
)


# `honest`: the rules of docs/contract.md 3; `presumed`: every pending obligation and value presumed
# met (the earlier rules' optimism), kept so that `backtest --track --compare` shows what honesty costs.
PROJECTIONS = ("honest", "presumed")


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
        "survey",
        "parent",
        "owners",
        "absence_is_full",
        "rising",
        "_points",
    )

    def __init__(self, cs: CriteriaSet, criterion: Criterion) -> None:
        self.criterion = criterion
        self.rule = compile_rule(criterion)
        self.area = cs.area_of(criterion.id)
        self.source = criterion.source.value
        self.deadline = cs.deadline(criterion.deadline)
        node = cs.node_of(criterion.id)
        self.parent = node.id if node else None
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
        # The decision's own rule: a violation not recorded is none found (full points by absence).
        self.absence_is_full = not self.survey and all(
            not rising and cs.metrics[name].kind in ("count", "sum") for name in self.facts
        )
        # Points per (metric figures, conditions met): units repeat both, and Decimal work is not free.
        self._points: dict[tuple[Any, ...], Points] = {}

    def scores(self, scenarios: dict[str, Scenarios], verdicts: list[list[frozenset[Condition]]]) -> Points:
        """Low and high points, and the mean and spread of the expected outcomes. `verdicts` holds,
        per metric, the conditions met by its low value, its high value and each outcome's value."""
        figures = tuple(v for s in scenarios.values() for v in (s.low, s.high, *itertools.chain(*s.spread())))
        key: tuple[Any, ...] = (*figures, *(v for per in verdicts for v in per))
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
        names = list(scenarios)
        values = [[s.low, s.high, *(v for v, _ in s.spread())] for s in scenarios.values()]
        weights = [[w for _, w in s.spread()] for s in scenarios.values()]

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
        low, high = min(ends), max(ends)
        # The expected points are the outcomes' mean, rounded once.
        mean = square = 0.0
        for combo in itertools.product(*(range(len(w)) for w in weights)):
            weight = math.prod(weights[m][i] for m, i in enumerate(combo))
            got = float(raw(tuple(i + 2 for i in combo)))
            mean += weight * got
            square += weight * got * got
        expected = min(max(round_points(Decimal(repr(mean)), self.criterion.max), low), high)
        sd = math.sqrt(max(0.0, square - mean * mean))
        return Points(float(low), float(expected), float(high), sd)


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


@dataclass
class _Work:
    compiled: CompiledCriterion
    scenarios: dict[str, Scenarios]
    survey_basis: str | None
    record_ids: list[str]
    next_deadline: dt.date | None
    pending: bool
    overdue: int = 0
    obligations: tuple[metric_lib.ObligationStatus, ...] = ()
    not_applicable: str | None = None
    nothing_arose: bool = False
    evidenced: bool = True


def predict_unit(
    cs: CriteriaSet,
    criteria_label: str,
    data: UnitYear,
    as_of: dt.date,
    engine: Scoring,
    detail: bool = False,
    projection: str = "honest",
) -> ScoredUnit:
    """Every criterion, area, component and the total, each built once with its final figures.
    `detail` adds each criterion's evidence records with file and line (for `explain`);
    `projection` picks the rules for pending work (PROJECTIONS)."""
    exempt = engine.exempt_rows(data.unit)
    # The unit's pace of work is read from what it does, not from what befalls it (violations).
    counted = [
        (c.criterion.id, tuple(c.facts))
        for c in engine.criteria
        if not c.survey and c.rising and c.criterion.id not in exempt
    ]
    ctx = Context(cs, data, as_of, detail, engine.index_keys, presume=projection == "presumed", criteria=counted)
    work = [
        _Work(compiled, {}, None, [], None, False, not_applicable=exempt[compiled.criterion.id])
        if compiled.criterion.id in exempt
        else _prepare(ctx, compiled)
        for compiled in engine.criteria
    ]
    # Per metric of each criterion, its low and high values and each outcome's; the engine answers
    # each (fact, value) once per run.
    facts = [
        (w.compiled.facts[name], value)
        for w in work
        for name, scen in w.scenarios.items()
        for value in (scen.low, scen.high, *(v for v, _ in scen.spread()))
    ]
    verdicts = engine.engine.verdicts(facts)
    results, spreads = [], {}
    position = 0
    for w in work:
        mine = []
        for scen in w.scenarios.values():
            count = 2 + len(scen.spread())
            mine.append(verdicts[position : position + count])
            position += count
        result, sd = _criterion_result(ctx, w, mine, engine.metric_values)
        results.append(result)
        spreads[result.id] = sd
    return assemble(cs, criteria_label, data, ctx, results, spreads, engine)


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


def _prepare(ctx: Context, compiled: CompiledCriterion) -> _Work:
    criterion = compiled.criterion
    if compiled.survey:
        scen, basis, used = survey(ctx, criterion)
        return _Work(compiled, {SURVEY: scen}, basis, used, None, basis != "official")
    scenarios = {}
    for name, (definition, deadline, rising, target) in compiled.inputs.items():
        supported = ctx.metric(name, "supported")
        everything = ctx.metric(name, "all")
        if supported.obligations is not None and everything.obligations is not None:
            scenarios[name] = obligation_scenarios(
                ctx, compiled.rule, definition, name, supported.obligations, everything.obligations
            )
        else:
            scenarios[name] = value_scenarios(ctx, criterion, definition, name, deadline, rising, target)
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
    nothing_arose = criterion.not_arising == "full" and not ids and not obligations
    return _Work(
        compiled,
        scenarios,
        None,
        sorted(ids),
        upcoming,
        pending,
        overdue,
        tuple(obligations),
        nothing_arose=nothing_arose,
        evidenced=bool(ids) or nothing_arose or compiled.absence_is_full,
    )


def _criterion_result(
    ctx: Context, w: _Work, verdicts: list[list[frozenset[Condition]]], memo: dict[tuple[Any, ...], MetricValue]
) -> tuple[CriterionResult, float]:
    """The criterion's result, and the spread (a standard deviation, in points) of its outcome."""
    compiled = w.compiled
    criterion = compiled.criterion
    sd = 0.0
    if w.not_applicable is not None:
        low = expected = high = secured = 0.0
    elif w.nothing_arose:
        # Nothing arose (không phát sinh): full points by the decision's own rule. Until the cut-off,
        # something may still arise, so nothing of it is secured.
        expected = high = float(round_points(exact(criterion.max), criterion.max))
        low = secured = high if ctx.final else 0.0
    else:
        got = compiled.scores(w.scenarios, verdicts)
        low, expected, high, sd = got.low, got.expected, got.high, got.sd
        # Secured: what the evidence already holds whatever comes (a survey estimate holds nothing).
        secured = 0.0 if (w.survey_basis is not None and w.survey_basis != "official") else low
    by_id = ctx.by_id
    ids = [rid for rid in w.record_ids if rid in by_id]
    proofs = _proofs(ctx, criterion, ids)
    # A proof document the row's metrics do not read (the dialogue's invitation) is still evidence
    # of the row: it is listed, and cited where the row's documents are.
    ids += sorted({rid for p in proofs for rid in p.evidence} - set(ids))
    unsupported = [rid for rid in ids if rid in ctx.unsupported] if ctx.unsupported else []
    detail = ctx.detail
    full = w.not_applicable is not None or low >= criterion.max
    if w.not_applicable is not None:
        status = "not_applicable"
    else:
        status = "not_arising" if w.nothing_arose else _status(w, full)
    # A row that does not apply leaves the maxima: the index is over the applicable rows.
    maximum = 0.0 if w.not_applicable is not None else criterion.max
    no_evidence = w.not_applicable is None and w.survey_basis is None and not w.evidenced and not ids
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
        no_evidence=no_evidence,
    )
    result = CriterionResult.build(
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
        metrics=[_metric_value(n, s, memo, ctx.cs, compiled.titles.get(n)) for n, s in w.scenarios.items()],
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
        secured=secured,
        no_evidence=no_evidence,
        nothing_arose=w.nothing_arose,
        reasons=why,
    )
    return result, sd


def _metric_value(
    name: str,
    s: Scenarios,
    memo: dict[tuple[Any, ...], MetricValue],
    cs: CriteriaSet,
    titles: tuple[str, str] | None = None,
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
        found = memo[key] = _new_metric_value(name, s, _is_share(cs, name), titles)
    return found


def _is_share(cs: CriteriaSet, name: str) -> bool:
    """Whether a metric is a share (0 to 1, shown in percent): a ratio, an on-time share, a rate."""
    metric = cs.metrics.get(name)
    if metric is None:
        return name == SURVEY
    if metric.kind in ("ratio", "on_time_share"):
        return True
    indicator = metric.where.get("name")
    spec = cs.indicators.get(indicator) if isinstance(indicator, str) else None
    return spec is not None and spec.kind.value == "rate"


def _new_metric_value(name: str, s: Scenarios, share: bool, titles: tuple[str, str] | None) -> MetricValue:
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
        share=share,
    )


def _proofs(ctx: Context, criterion: Criterion, used: list[str]) -> list[ProofStatus]:
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


def _use(ctx: Context, record_id: str) -> EvidenceUse:
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

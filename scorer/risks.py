"""The at-risk list (docs/contract.md section 4): which criteria to act on, by whom, by when, and why.

`assess` is the last step of the core: it gives each criterion its reasons and builds the unit's
prediction, complete, once. A criterion is at risk when its expected points are below its max, or when its low points are below
its max and its next deadline falls within the horizon. Rows are sorted by points at stake, then
deadline, then criterion id.
"""

from __future__ import annotations

import datetime as dt
from scorer.models.evidence import Unit
from scorer.models.prediction import Change, CriterionResult, Risk, UnitPrediction
from scorer.models.scored import ScoredCriterion, ScoredUnit
from scorer.scoring import difference, exact

REASONS = (
    "overdue",
    "unsupported",
    "missing_evidence",
    "missing_proof",
    "below_band",
    "below_target",
    "pending",
    "survey_estimate",
)


def reasons(criterion: ScoredCriterion) -> list[str]:
    """Every reason that applies, most actionable first (the first is the row's `reason`)."""
    found: set[str] = set()
    if criterion.status == "not_applicable":
        return []
    full = exact(criterion.max)
    if any(not p.evidence for p in criterion.proofs):
        found.add("missing_proof")
    if criterion.survey_basis is not None:
        if criterion.survey_basis != "official":
            found.add("survey_estimate")
        elif exact(criterion.expected) < full:
            found.add("below_target")
        return [r for r in REASONS if r in found]
    if criterion.overdue:
        found.add("overdue")
    if criterion.unsupported and criterion.high > criterion.expected:
        found.add("unsupported")
    if len(criterion.unsupported) == len(criterion.evidence) and exact(criterion.expected) < full:
        found.add("missing_evidence")
    if exact(criterion.low) < full:
        if criterion.rule["kind"] == "bands":
            found.add("below_band")
        elif criterion.rule["kind"] != "binary":
            found.add("below_target")
        if criterion.status == "pending":
            found.add("pending")
    if criterion.status == "short" and criterion.rule["kind"] == "binary":
        found.add("missing_evidence")
    return [r for r in REASONS if r in found]


def is_at_risk(criterion: ScoredCriterion, as_of: dt.date, horizon_days: int) -> bool:
    """A row that does not apply is never at risk; one whose proof document is missing always is
    (the appraisal does not take a self-score without its proof)."""
    if criterion.status == "not_applicable":
        return False
    if criterion.expected < criterion.max or any(not p.evidence for p in criterion.proofs):
        return True
    deadline = criterion.next_deadline
    return (
        criterion.low < criterion.max and deadline is not None and deadline <= as_of + dt.timedelta(days=horizon_days)
    )


def assess(
    scored: ScoredUnit,
    unit: Unit,
    horizon_days: int = 30,
    owner: str | None = None,
    what_if: list[Change] | None = None,
) -> UnitPrediction:
    """The unit's prediction, built once: each criterion with its reasons (worked out once, and
    shared with its at-risk row), the at-risk list, and the what-if comparison when there is one."""
    criteria = []
    rows = []
    as_of = scored.as_of
    for criterion in scored.criteria:
        why = reasons(criterion)
        criteria.append(CriterionResult.build(**vars(criterion), reasons=why))
        if is_at_risk(criterion, as_of, horizon_days) and (owner is None or _owned_by(criterion, owner, unit)):
            rows.append(_risk(criterion, why, unit))
    rows.sort(key=lambda r: (-r.at_stake, -r.worst_case, r.deadline or dt.date.max, _id_key(r.criterion)))
    return UnitPrediction.model_construct(
        unit=scored.unit,
        unit_name=scored.unit_name,
        year=scored.year,
        as_of=as_of,
        criteria_set=scored.criteria_set,
        final=scored.final,
        hypothetical=scored.hypothetical,
        total=scored.total,
        components=scored.components,
        areas=scored.areas,
        criteria=criteria,
        risks=rows,
        classes=scored.classes,
        what_if=what_if,
        satisfaction=scored.satisfaction,
        provenance=scored.provenance,
        index=scored.index,
        bonus=scored.bonus,
        penalty=scored.penalty,
        nodes=scored.nodes or [],
    )


def _owned_by(criterion: ScoredCriterion, owner: str, unit: Unit) -> bool:
    """`--owner` names a role or a division's name."""
    owners = criterion.owners or [criterion.owner]
    return owner in (*owners, *(unit.division(role) for role in owners))


def _risk(criterion: ScoredCriterion, why: list[str], unit: Unit) -> Risk:
    return Risk.build(
        criterion=criterion.id,
        title=criterion.title,
        title_en=criterion.title_en,
        area=criterion.area,
        at_stake=difference(criterion.max, criterion.expected),
        worst_case=difference(criterion.max, criterion.low),
        reason=why[0],
        reasons=why,
        owner=criterion.owner,
        owner_division=unit.division(criterion.owner),
        cooperating=criterion.cooperating,
        cooperating_divisions=[unit.division(r) for r in criterion.cooperating],
        deadline=criterion.next_deadline or criterion.deadline,
        remedy=criterion.remedy,
        remedy_en=criterion.remedy_en,
        missing_proofs=[p.title for p in criterion.proofs if not p.evidence],
    )


def _id_key(criterion_id: str) -> tuple[int, ...]:
    return tuple(int(part) for part in criterion_id.split("."))


def with_risks(scored: ScoredUnit, unit: Unit, horizon_days: int = 30, owner: str | None = None) -> UnitPrediction:
    """The name `assess` had, when it patched a finished prediction; kept for callers not yet moved."""
    return assess(scored, unit, horizon_days, owner)

"""The at-risk list (docs/contract.md section 4): which criteria to act on, by whom, by when, and why.

A criterion is at risk when its expected points are below its max, or when its low points are below
its max and its next deadline falls within the horizon. Rows are sorted by points at stake, then
deadline, then criterion id.
"""

from __future__ import annotations

import datetime as dt
from scorer.models.evidence import Unit
from scorer.models.prediction import CriterionResult, Risk, UnitPrediction
from scorer.scoring import difference, exact

REASONS = ("overdue", "unsupported", "missing_evidence", "below_band", "below_target", "pending", "survey_estimate")


def reasons(criterion: CriterionResult) -> list[str]:
    """Every reason that applies, most actionable first (the first is the row's `reason`)."""
    found: set[str] = set()
    full = exact(criterion.max)
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


def is_at_risk(criterion: CriterionResult, as_of: dt.date, horizon_days: int) -> bool:
    if criterion.expected < criterion.max:
        return True
    deadline = criterion.next_deadline
    return (
        criterion.low < criterion.max and deadline is not None and deadline <= as_of + dt.timedelta(days=horizon_days)
    )


def find_risks(prediction: UnitPrediction, unit: Unit, horizon_days: int = 30, owner: str | None = None) -> list[Risk]:
    rows = []
    for criterion in prediction.criteria:
        if not is_at_risk(criterion, prediction.as_of, horizon_days):
            continue
        owners = criterion.owners or [criterion.owner]
        if owner is not None and owner not in (*owners, *(unit.division(role) for role in owners)):
            continue
        why = reasons(criterion)
        rows.append(
            Risk(
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
            )
        )
    return sorted(rows, key=lambda r: (-r.at_stake, -r.worst_case, r.deadline or dt.date.max, _id_key(r.criterion)))


def _id_key(criterion_id: str) -> tuple[int, ...]:
    return tuple(int(part) for part in criterion_id.split("."))


def with_risks(
    prediction: UnitPrediction, unit: Unit, horizon_days: int = 30, owner: str | None = None
) -> UnitPrediction:
    """The prediction with each criterion's reasons filled in and its at-risk list attached."""
    criteria = [c.model_copy(update={"reasons": reasons(c)}) for c in prediction.criteria]
    annotated = prediction.model_copy(update={"criteria": criteria})
    return annotated.model_copy(update={"risks": find_risks(annotated, unit, horizon_days, owner)})

"""The at-risk list (docs/contract.md section 4): which criteria to act on, by whom, by when, and why.

`assess` is the last step of the core: it picks the criteria at risk and builds the unit's
prediction, complete, once. A criterion is at risk when its expected points are below its max, or
when its low points are below its max and its next deadline falls within the horizon. Rows are
sorted by points at stake, then deadline, then criterion id. Each row's reasons are its criterion's
(scorer/reasons.py), worked out when the criterion was scored.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from scorer.models.criteria import id_order
from scorer.models.evidence import Unit
from scorer.models.prediction import Change, CriterionResult, Gap, GapStep, Risk, UnitPrediction
from scorer.models.scored import ScoredUnit
from scorer.scoring import difference, kind_of

# The fields a scored unit hands on to its prediction, as they are.
# A metric with no record yet (its scenarios' basis): its gap has no figure to date.
NO_RECORD = frozenset({"no_record", "arising", "arising_new", "not_filed"})
_SCORED = tuple(f.name for f in dataclasses.fields(ScoredUnit))


def is_at_risk(criterion: CriterionResult, as_of: dt.date, horizon_days: int) -> bool:
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
    """The unit's prediction, built once: its scored figures as they are, the at-risk list (each
    row sharing its criterion's reasons), and the what-if comparison when there is one."""
    as_of = scored.as_of
    rows = [
        _risk(criterion, unit)
        for criterion in scored.criteria
        if is_at_risk(criterion, as_of, horizon_days) and (owner is None or _owned_by(criterion, owner, unit))
    ]
    rows.sort(key=lambda r: (-r.at_stake, -r.worst_case, r.deadline or dt.date.max, id_order(r.criterion)))
    return UnitPrediction.model_construct(
        **{name: getattr(scored, name) for name in _SCORED}, risks=rows, what_if=what_if
    )


def _owned_by(criterion: CriterionResult, owner: str, unit: Unit) -> bool:
    """`--owner` names a role or a division's name."""
    owners = criterion.owners or [criterion.owner]
    return owner in (*owners, *(unit.division(role) for role in owners))


def _risk(criterion: CriterionResult, unit: Unit) -> Risk:
    return Risk.build(
        criterion=criterion.id,
        title=criterion.title,
        title_en=criterion.title_en,
        area=criterion.area,
        at_stake=difference(criterion.max, criterion.expected),
        worst_case=difference(criterion.max, criterion.low),
        reason=criterion.reasons[0],
        reasons=criterion.reasons,
        owner=criterion.owner,
        owner_division=unit.division(criterion.owner),
        cooperating=criterion.cooperating,
        cooperating_divisions=[unit.division(r) for r in criterion.cooperating],
        deadline=criterion.next_deadline or criterion.deadline,
        remedy=criterion.remedy,
        remedy_en=criterion.remedy_en,
        missing_proofs=[p.title for p in criterion.proofs if not p.evidence],
        gap=gap(criterion),
    )


def gap(criterion: CriterionResult) -> Gap | None:
    """How far the row's (first) metric is from each level of points: "15 of 22 tasks done" reads
    as 68%, and the shares each band needs."""
    if not criterion.metrics or criterion.survey_basis is not None:
        return None
    metric = criterion.metrics[0]
    params = metric.params
    if "total" in params:
        counts = {s: int(params[s]) for s in ("on_time", "late", "nonconforming", "missing", "pending", "total")}
        return Gap.build(value=None, share=False, steps=[], obligations=counts)
    steps = kind_of(criterion.rule).steps(criterion.max)
    value = None if metric.basis in NO_RECORD else float(params.get("value", metric.low))
    share = metric.share
    return Gap.build(
        value=value, share=share, steps=[GapStep.build(value=v, points=p) for v, p in steps], obligations={}
    )

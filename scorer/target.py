"""The shortest list of remedies that brings a unit's expected figure (its total, or its index where
the prediction has one) to a target.

Each sub-criterion not expected at its best is an action worth `high - expected` points (what its
pending obligations met on time and its evidence filed in full would add), due by its next deadline.
Actions whose deadline is before the as-of date are out: their points are lost for good, listed
apart with whatever even `high` cannot reach. Survey criteria are the respondents' to give: they count
at their expected share and are not actions; what they could add beyond it is stated beside the best
(`survey_upside`), as the forecast's `high` counts it. Taking the largest gains first gives the fewest actions
that reach the target (ties: the sooner deadline first); if even all of them fall short, the target is
unreachable and the list is every action, with the best figure they reach.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from scorer.models.criteria import CriteriaSet, id_order
from scorer.models.evidence import Unit
from scorer.models.prediction import CriterionResult, UnitPrediction
from scorer.models.target import Action, Lost, UnitTarget
from scorer.models.track import measure
from scorer.scoring import exact

CENT = Decimal("0.01")


def _deadline(c: CriterionResult) -> dt.date:
    return c.next_deadline or c.deadline


def plan_target(prediction: UnitPrediction, unit: Unit, cs: CriteriaSet, target: float) -> UnitTarget:
    kind, figure = measure(prediction)
    # Points become index percentages over the applicable maximum when the index is the measure.
    scale = Decimal(100) / exact(prediction.total.max) if kind == "index" else Decimal(1)
    candidates: list[tuple[Decimal, CriterionResult]] = []
    lost: list[Lost] = []
    survey_upside = Decimal(0)
    for c in prediction.criteria:
        if c.survey_basis is not None:
            survey_upside += (exact(c.high) - exact(c.expected)) * scale
            continue
        gain = exact(c.high) - exact(c.expected)
        beyond = exact(c.max) - exact(c.high)
        open_ = _deadline(c) >= prediction.as_of and not prediction.final
        if gain > 0 and open_:
            candidates.append((gain, c))
        elif gain > 0:
            beyond += gain
        if beyond > 0:
            lost.append(Lost(criterion=c.id, title=c.title, title_en=c.title_en, lost=float(beyond)))
    candidates.sort(key=lambda item: (-item[0], _deadline(item[1]), id_order(item[1].id)))
    expected = exact(figure.expected)
    goal = exact(target)
    best = expected + sum((g * scale for g, _ in candidates), Decimal(0))
    reachable = expected >= goal or best >= goal
    actions: list[Action] = []
    reached = expected
    for gain, c in candidates:
        if reachable and reached >= goal:
            break
        reached += gain * scale
        actions.append(
            Action(
                criterion=c.id,
                title=c.title,
                title_en=c.title_en,
                gain=float((gain * scale).quantize(CENT)) if kind == "index" else float(gain),
                cumulative=float(reached.quantize(CENT)) if kind == "index" else float(reached),
                deadline=_deadline(c),
                owner=c.owner,
                owner_division=unit.division(c.owner),
                remedy=c.remedy,
                remedy_en=c.remedy_en,
            )
        )
    band = cs.classify(float(best))
    low_band = cs.classify(figure.low)
    return UnitTarget(
        unit=prediction.unit,
        unit_name=prediction.unit_name,
        year=prediction.year,
        as_of=prediction.as_of,
        measure=kind,
        target=target,
        expected=figure.expected,
        reachable=reachable,
        best=float(best.quantize(CENT)),
        best_class=band.name if band else None,
        survey_upside=float(survey_upside.quantize(CENT)),
        high=figure.high,
        low=figure.low,
        low_class=low_band.name if low_band else None,
        final=prediction.final,
        actions=actions,
        lost=sorted(lost, key=lambda x: (-x.lost, id_order(x.criterion))),
    )

"""`Out.build`, the fast constructor of results, makes what pydantic's `model_construct` makes."""

from __future__ import annotations

import datetime as dt

import pytest

from scorer.models.prediction import CriterionResult, Figure, Risk
from scorer.models.rules import DeductionsRule

CRITERION = dict(
    max=1.0,
    low=0.5,
    expected=0.75,
    high=1.0,
    id="1.2",
    title="Báo cáo",
    title_en="Reports",
    area="1",
    source="appraisal",
    owner="organisation",
    cooperating=["information"],
    deadline=dt.date(2024, 12, 15),
    next_deadline=None,
    status="pending",
    rule=DeductionsRule(kind="deductions", metric="reports_missed", step=0.25),
    overdue=1,
    metrics=[],
    survey_basis=None,
    evidence=["a"],
    unsupported=[],
    evidence_used=[],
    obligations=[],
    reasons=["overdue"],
    remedy="Khắc phục",
    remedy_en="Remedy",
)


def test_build_makes_what_model_construct_makes_in_any_key_order():
    built = CriterionResult.build(**dict(reversed(list(CRITERION.items()))))
    constructed = CriterionResult.model_construct(**CRITERION)
    assert list(built.__dict__) == list(constructed.__dict__) == list(CriterionResult.model_fields)
    assert built == constructed
    assert built.model_dump_json(indent=2, by_alias=True) == constructed.model_dump_json(indent=2, by_alias=True)
    assert built.model_fields_set == constructed.model_fields_set


@pytest.mark.parametrize(
    "values",
    [
        dict(max=1.0, low=0.0, expected=0.5),  # one missing
        dict(max=1.0, low=0.0, expected=0.5, high=1.0, typo=2),  # one unknown
    ],
)
def test_build_refuses_a_missing_or_unknown_field(values):
    with pytest.raises(TypeError, match="Figure.build: missing"):
        Figure.build(**values)


def test_built_results_stay_frozen():
    risk = Risk.build(
        criterion="1.2",
        title="t",
        title_en="t",
        area="1",
        at_stake=0.25,
        worst_case=0.5,
        reason="overdue",
        reasons=["overdue"],
        owner="organisation",
        owner_division="Văn phòng",
        cooperating=[],
        cooperating_divisions=[],
        deadline=None,
        remedy="r",
        remedy_en="r",
    )
    with pytest.raises(Exception, match="frozen"):
        risk.at_stake = 0  # type: ignore[misc]


def test_a_scored_unit_holds_every_field_of_the_prediction_but_the_risks_and_the_what_if():
    """risks.assess hands a scored unit's fields on by name: a field added to one and not the other
    would be dropped, or left at its default, without a word."""
    import dataclasses

    from scorer.models.prediction import UnitPrediction
    from scorer.models.scored import ScoredUnit

    scored = {f.name for f in dataclasses.fields(ScoredUnit)}
    assert scored == set(UnitPrediction.model_fields) - {"risks", "what_if"}

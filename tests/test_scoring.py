from __future__ import annotations

from decimal import Decimal

import pytest

from scorer.scoring import compile_rule, fact_name, round_points
from scorer.scoring.kinds import Bands
from scorer.scoring.points import in_hundredths


def crit(cs, cid):
    return cs.criterion(cid)


OPS = {">=": lambda a, b: a >= b, ">": lambda a, b: a > b, "<=": lambda a, b: a <= b, "<": lambda a, b: a < b}


def points(criterion, values):
    """Points for metric values, the conditions met evaluated plainly (the engine is tested on its own)."""
    rule = compile_rule(criterion)
    facts = {fact_name(criterion, metric): value for metric, value in values.items()}
    met = {c for c in rule.conditions if OPS[c.op](facts[c.fact], c.threshold)}
    return rule.points(values, met)


@pytest.mark.parametrize(
    "value, expected", [(1.0, "2.00"), (0.95, "1.00"), (0.9, "1.00"), (0.85, "0.50"), (0.5, "0.00")]
)
def test_bands_take_the_first_band_met(cs2024, value, expected):
    c = crit(cs2024, "1.1.2")
    assert points(c, {"par_plan_completion": value}) == Decimal(expected)


def test_bands_may_read_a_second_metric(cs2024):
    c = crit(cs2024, "1.5")
    rule = compile_rule(c)
    assert isinstance(rule, Bands)
    (_, first), (_, second) = rule.bands[:2]
    assert first.fact != second.fact  # the second band reads its own metric
    assert rule.points({}, {second}) == Decimal("1.00")
    assert rule.points({}, {first, second}) == Decimal("2.00")
    assert rule.points({}, set()) == Decimal("0.00")


@pytest.mark.parametrize("value, expected", [(0.54, "1.35"), (0.8, "2.00"), (0.95, "2.00"), (0.0, "0.00")])
def test_linear_against_target(cs2024, value, expected):
    c = crit(cs2024, "7.3.2")
    assert points(c, {"online_applications": value}) == Decimal(expected)


@pytest.mark.parametrize("missed, expected", [(0, "1.00"), (1, "0.75"), (4 / 3, "0.67"), (4, "0.00"), (9, "0.00")])
def test_deductions_floor_at_zero(cs2024, missed, expected):
    c = crit(cs2024, "1.2")
    assert points(c, {"reports_missed": missed}) == Decimal(expected)


def test_binary_at_most(cs2024):
    c = crit(cs2024, "4.3.1")
    assert points(c, {"staff_over_quota": 0}) == Decimal("1.00")
    assert points(c, {"staff_over_quota": 2}) == Decimal("0.00")


def test_survey_share_times_max_rounded_half_up(cs2023):
    c = crit(cs2023, "2.6")
    assert points(c, {"survey": 0.746}) == Decimal("2.61")
    assert points(c, {"survey": 0.7457}) == Decimal("2.61")


def test_round_half_up_and_clamp():
    assert round_points(Decimal("0.125"), 1) == Decimal("0.13")
    assert round_points(Decimal("2.675"), 5) == Decimal("2.68")  # float would give 2.67
    assert round_points(Decimal("-0.5"), 1) == Decimal("0.00")
    assert round_points(Decimal("3.2"), 2) == Decimal("2.00")


def test_a_band_above_an_edge_is_not_met_at_the_edge(cs2024):
    """ "Trên 90%: 2; từ 70% - 90%: 1": at exactly 90% the decision gives 1, not 2."""
    from scorer.models.rules import Band, BandsRule

    row = crit(cs2024, "1.1.2")
    rule = BandsRule(
        kind="bands", metric="par_plan_completion", bands=[Band(above=0.9, points=2), Band(min=0.7, points=1)]
    )
    strict = row.model_copy(update={"rule": rule})
    assert [str(points(strict, {"par_plan_completion": v})) for v in (0.95, 0.9, 0.7, 0.69)] == [
        "2.00",
        "1.00",
        "1.00",
        "0.00",
    ]
    assert rule.model_dump() == {
        "kind": "bands",
        "metric": "par_plan_completion",
        "bands": [{"above": 0.9, "points": 2.0}, {"min": 0.7, "points": 1.0}],
    }


@pytest.mark.parametrize(("points", "cents"), [(0.0, 0), (0.5, 50), (1.25, 125), (12.34, 1234), (100.0, 10000)])
def test_point_figures_count_in_whole_hundredths(points, cents):
    # A unit's sums add its criteria's rounded points as integers of hundredths (exactly).
    assert in_hundredths(points) == cents


def test_a_figure_finer_than_hundredths_is_refused_not_rounded():
    with pytest.raises(ValueError, match="not a whole number of hundredths"):
        in_hundredths(0.125)

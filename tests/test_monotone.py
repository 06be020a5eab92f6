"""Monotone in the right direction (issue 22.3): adding a record that meets an obligation never
lowers a unit's expected, low or high; adding one that shows a miss never raises them. Over units
and records drawn by tests/strategies.py."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scorer import api
from scorer.loading import load_criteria
from tests.conftest import RULES
from tests.strategies import YEAR, GeneratedUnit, meeting_records, missing_records, units

CS = load_criteria(RULES / f"criteria_{YEAR}.yaml")
LAST = load_criteria(RULES / f"criteria_{YEAR - 1}.yaml")
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _total(unit: GeneratedUnit) -> tuple[float, float, float]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        unit.write(root)
        request = api.Request(evidence=root, rules=RULES, year=YEAR, as_of=unit.as_of)
        total = api.predict(request).units[0].total
        return total.low, total.expected, total.high


@st.composite
def with_a_record(draw: st.DrawFn, kind: str) -> tuple[GeneratedUnit, dict]:
    unit = draw(units(CS, LAST))
    strategy = meeting_records if kind == "meets" else missing_records
    return unit, draw(strategy(CS, unit.as_of))


@SETTINGS
@given(with_a_record("meets"))
def test_a_record_that_meets_an_obligation_never_lowers_the_forecast(case):
    unit, record = case
    before = _total(unit)
    unit.extra = [record]
    after = _total(unit)
    assert all(a >= b for a, b in zip(after, before)), (unit.label, unit.as_of, record, before, after)


@SETTINGS
@given(with_a_record("misses"))
def test_a_record_that_shows_a_miss_never_raises_the_forecast(case):
    unit, record = case
    before = _total(unit)
    unit.extra = [record]
    after = _total(unit)
    assert all(a <= b for a, b in zip(after, before)), (unit.label, unit.as_of, record, before, after)

"""The adapter against a small independent evaluation of the same conditions, written here."""

from __future__ import annotations

import operator

from hypothesis import given, settings
from hypothesis import strategies as st

from scorer.engine import Condition, Fact, RuleEngine

OPS = {">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt}
NAMES = st.sampled_from(["a", "b", "1.2:reports_missed", "tên có dấu", "x" * 40])
SMALL = st.one_of(
    st.integers(-5, 5),
    st.floats(-10, 10, allow_nan=False, allow_infinity=False),
    st.sampled_from([0.1, 0.2, 0.3, 1 / 3, 1e-5, 5e-324, -0.0, 1e12]),
)
THRESHOLDS = st.one_of(SMALL, st.floats(-1e12, 1e12, allow_nan=False))
VALUES = st.one_of(SMALL, st.floats(allow_nan=False, allow_infinity=False), st.integers(-(2**70), 2**70))


@st.composite
def cases(draw):
    conditions = draw(
        st.lists(
            st.builds(
                Condition, key=st.uuids().map(str), fact=NAMES, op=st.sampled_from(sorted(OPS)), threshold=THRESHOLDS
            ),
            max_size=60,
            unique_by=lambda c: c.key,
        )
    )
    facts = draw(st.lists(st.builds(Fact, name=NAMES, value=VALUES), max_size=40))
    return conditions, facts


def reference(conditions: list[Condition], facts: list[Fact]) -> set[tuple[str, int]]:
    return {
        (c.key, i)
        for c in conditions
        for i, f in enumerate(facts)
        if c.fact == f.name and OPS[c.op](float(f.value), float(c.threshold))
    }


@settings(max_examples=300, deadline=None)
@given(cases())
def test_adapter_agrees_with_a_plain_evaluation(case):
    conditions, facts = case
    with RuleEngine(conditions) as engine:
        assert engine.evaluate(facts) == reference(conditions, facts)
        assert engine.evaluate(list(reversed(facts))) == {
            (k, len(facts) - 1 - i) for k, i in reference(conditions, facts)
        }


@settings(max_examples=150, deadline=None)
@given(cases(), cases())
def test_memoised_verdicts_agree_with_a_plain_evaluation(first, second):
    conditions, facts = first
    more = second[1]
    with RuleEngine(conditions) as engine:
        for batch in (facts, more, facts + more):
            verdicts = engine.verdicts(batch)
            got = {(c.key, i) for i, met in enumerate(verdicts) for c in met}
            assert got == reference(conditions, batch)

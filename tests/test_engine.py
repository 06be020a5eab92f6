"""The durable_rules adapter: conditions come back right, and no input reaches the engine's limits.

The risky runs go in a subprocess with a timeout, so a segfault or a hang fails the test instead of
freezing the suite (docs/durable_rules.md 5.7)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading

import pytest

from scorer.engine import (
    MAX_CONDITIONS_PER_FACT,
    MAX_CONDITIONS_PER_RULESET,
    Condition,
    EngineError,
    Fact,
    RuleEngine,
    fact_ids,
    fnv1_32,
)


def run_isolated(code: str, timeout: float = 300) -> str:
    """Run `code` in a fresh interpreter; a crash, a hang or an error fails the calling test."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"hung for more than {timeout} s")
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_conditions_met_by_each_fact():
    conditions = [
        Condition("a", "x", ">=", 0.5),
        Condition("b", "x", "<", 0.5),
        Condition("c", "y", "<=", 0),
        Condition("d", "y", ">", 0),
    ]
    with RuleEngine(conditions) as engine:
        met = engine.evaluate([Fact("x", 0.5), Fact("x", 0.2), Fact("y", 0), Fact("y", 3), Fact("z", 1)])
    assert met == {("a", 0), ("b", 1), ("c", 2), ("d", 3)}


def test_identical_facts_are_both_seen():
    with RuleEngine([Condition("a", "x", ">=", 1)]) as engine:
        assert engine.evaluate([Fact("x", 2)] * 5) == {("a", i) for i in range(5)}


def test_fnv_matches_durable_rules_and_colliding_ids_are_resalted():
    # docs/durable_rules.md 2b: "40189" and "797186" share a 32-bit FNV hash inside durable_rules.
    assert fnv1_32("40189") == fnv1_32("797186")
    ids = fact_ids(797_187)
    assert ids[40189] == "40189" and ids[797186] != "797186"
    assert len({fnv1_32(i) for i in ids}) == len(ids)


def test_evaluations_do_not_leak_into_each_other():
    with RuleEngine([Condition("a", "x", ">=", 1)]) as engine:
        assert engine.evaluate([Fact("x", 1)]) == {("a", 0)}
        assert engine.evaluate([Fact("x", 0)]) == set()
        assert engine.evaluate([]) == set()


def test_non_finite_values_and_thresholds_never_reach_the_engine():
    with pytest.raises(ValueError):
        RuleEngine([Condition("a", "x", ">=", float("nan"))])
    with RuleEngine([Condition("a", "x", ">=", 1)]) as engine, pytest.raises(ValueError):
        engine.evaluate([Fact("x", float("inf"))])


def test_a_closed_engine_refuses_work():
    engine = RuleEngine([Condition("a", "x", ">=", 1)])
    engine.close()
    with pytest.raises(EngineError):
        engine.evaluate([Fact("x", 1)])


def test_more_conditions_than_one_node_holds_are_split_not_hung():
    # 513 children under one node hang create_ruleset for ever (docs/durable_rules.md 2, "Other limits").
    out = run_isolated(
        """
        from scorer.engine import Condition, Fact, RuleEngine
        conditions = [Condition(f"c{i}", "x", ">=", i) for i in range(1500)]
        with RuleEngine(conditions) as engine:
            print(engine.ruleset_count, len(engine.evaluate([Fact("x", 700)])))
    """,
        timeout=120,
    )
    assert out.split() == [str(-(-1500 // MAX_CONDITIONS_PER_FACT)), "701"]


def test_conditions_are_packed_within_both_limits():
    conditions = [Condition(f"c{i}", f"m{i % 30}", ">=", i) for i in range(3000)]
    with RuleEngine(conditions) as engine:
        for ruleset in engine._rulesets:
            assert len(ruleset.conditions) <= MAX_CONDITIONS_PER_RULESET
            per_fact = [sum(1 for c in ruleset.conditions if c.fact == name) for name in ruleset.facts]
            assert max(per_fact) <= MAX_CONDITIONS_PER_FACT
        assert sorted(c.key for r in engine._rulesets for c in r.conditions) == sorted(c.key for c in conditions)


def test_no_thread_is_started():
    before = threading.active_count()
    engines = [RuleEngine([Condition("a", "x", ">=", 1)]) for _ in range(20)]
    for engine in engines:
        engine.evaluate([Fact("x", 1)])
        engine.close()
    assert threading.active_count() == before


@pytest.mark.slow
def test_many_engines_in_one_process_leave_no_threads_or_memory_behind():
    out = run_isolated("""
        import resource, threading
        from scorer.engine import Condition, Fact, RuleEngine
        conditions = [Condition(f"c{i}", f"m{i % 60}", ">=", (i % 10) / 10) for i in range(150)]
        facts = [Fact(f"m{i % 60}", (i % 7) / 7) for i in range(200)]
        def cycle():
            with RuleEngine(conditions) as engine:
                engine.evaluate(facts)
        for _ in range(30):
            cycle()
        start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        for _ in range(300):
            cycle()
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - start
        print(threading.active_count(), grown)
    """)
    threads, grown_kb = (int(v) for v in out.split())
    assert threads == 1
    assert grown_kb < 30_000, f"RSS grew {grown_kb} KB over 300 engines"


@pytest.mark.slow
def test_five_thousand_evaluations_in_one_engine_stay_flat():
    # One sid, deleted after each evaluation: the 1,024-state limit and its MemoryError are unreachable.
    out = run_isolated("""
        import resource
        from scorer.engine import Condition, Fact, RuleEngine
        conditions = [Condition(f"c{i}", f"m{i % 60}", ">=", (i % 10) / 10) for i in range(150)]
        with RuleEngine(conditions) as engine:
            for unit in range(5000):
                met = engine.evaluate([Fact(f"m{i % 60}", ((unit + i) % 11) / 10) for i in range(120)])
                if unit == 1000:
                    start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            print(len(met), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - start)
    """)
    count, grown_kb = (int(v) for v in out.split())
    assert count > 0
    assert grown_kb < 30_000


@pytest.mark.slow
def test_one_hundred_thousand_facts_in_one_evaluation_all_counted():
    out = run_isolated("""
        from scorer.engine import Condition, Fact, RuleEngine
        with RuleEngine([Condition("a", "x", ">=", 0), Condition("b", "x", ">=", 0.5)]) as engine:
            met = engine.evaluate([Fact("x", (i % 2) / 2) for i in range(100_000)])
        print(sum(1 for k, _ in met if k == "a"), sum(1 for k, _ in met if k == "b"))
    """)
    assert out.split() == ["100000", "50000"]


def test_verdicts_ask_durable_rules_only_for_pairs_not_seen_before(monkeypatch):
    import scorer.engine as engine_module

    a, b = Condition("a", "x", ">=", 1), Condition("b", "y", "<", 0)
    with RuleEngine([a, b]) as engine:
        assert engine.verdicts([Fact("x", 2), Fact("x", 0), Fact("y", -1)]) == [{a}, set(), {b}]
        assert engine.asserted == 3
        assert engine.verdicts([Fact("x", 2), Fact("y", -1), Fact("x", 2)]) == [{a}, {b}, {a}]
        assert engine.asserted == 3
        monkeypatch.setattr(engine_module, "MAX_MEMO", 4)
        assert engine.verdicts([Fact("x", 5), Fact("x", 6)]) == [{a}, {a}]
        assert engine.asserted == 5 and len(engine._memo) == 2  # full: emptied, then the new pairs


def test_verdicts_refuse_a_value_that_is_not_finite():
    with RuleEngine([Condition("a", "x", ">=", 1)]) as engine, pytest.raises(ValueError):
        engine.verdicts([Fact("x", float("inf"))])

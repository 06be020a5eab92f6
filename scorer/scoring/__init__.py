"""Rules to points: which conditions each criterion's rule has, and the points they give.

The conditions themselves are evaluated by the engine (engine.py); the kind of each rule (kinds.py,
one class per kind in one table) states them and turns the ones met into points, clamped to
[0, max] and rounded half-up to 2 decimals (points.py; docs/contract.md 3).
"""

from __future__ import annotations

from scorer.models.conditions import Condition
from scorer.models.criteria import Criterion
from scorer.scoring.kinds import KINDS, SURVEY, Kind, Words, compile_rule, fact_name, kind_of
from scorer.scoring.points import CENT, difference, exact, hundredths, round_points, total

__all__ = [
    "CENT",
    "KINDS",
    "SURVEY",
    "Kind",
    "Words",
    "best_value",
    "compile_rule",
    "conditions",
    "difference",
    "exact",
    "fact_name",
    "full_value",
    "higher_is_better",
    "hundredths",
    "inputs",
    "kind_of",
    "round_points",
    "total",
    "worst_value",
]


def _kind(criterion: Criterion) -> Kind:
    assert criterion.rule is not None  # a set with a row still to finish does not load
    return kind_of(criterion.rule)


def inputs(criterion: Criterion) -> list[str]:
    """The metric names a criterion's rule reads (a survey rule reads its estimated share)."""
    return _kind(criterion).inputs()


def conditions(criterion: Criterion) -> list[Condition]:
    """The engine conditions of a criterion's rule (a fresh compilation; see `compile_rule`)."""
    return list(compile_rule(criterion).conditions)


def full_value(criterion: Criterion, metric: str) -> float | None:
    """The value of `metric` that earns the criterion its full points, when more is better."""
    return _kind(criterion).full_value(metric)


def best_value(criterion: Criterion) -> float:
    """The value that earns a lower-is-better criterion its full points (none missed, none over)."""
    return _kind(criterion).best_value()


def worst_value(criterion: Criterion) -> float:
    """The value at which a lower-is-better criterion earns its fewest points."""
    return _kind(criterion).worst_value(criterion.max)


def higher_is_better(criterion: Criterion) -> bool:
    return _kind(criterion).higher_is_better()

"""The fewest remedies that bring a unit to a target: the JSON contract `scorer.target/1`."""

import datetime as dt

from pydantic import Field

from scorer.models.prediction import Out

SCHEMA = "scorer.target/1"


class Action(Out):
    """One sub-criterion at risk: the points it adds to the expected figure if its remedy is done by
    its deadline, and the figure reached with it and every action before it."""

    criterion: str
    title: str
    title_en: str
    gain: float
    cumulative: float
    deadline: dt.date
    owner: str
    owner_division: str
    remedy: str
    remedy_en: str


class Lost(Out):
    """Points no remedy can bring back any more: the deadline has passed, or nothing pending can
    lift the criterion further."""

    criterion: str
    title: str
    title_en: str
    lost: float


class UnitTarget(Out):
    unit: str
    unit_name: str
    year: int
    as_of: dt.date
    measure: str
    target: float
    expected: float
    reachable: bool
    best: float
    best_class: str | None
    actions: list[Action]
    lost: list[Lost]


class TargetPlan(Out):
    schema_: str = Field(default=SCHEMA, serialization_alias="schema")
    units: list[UnitTarget]

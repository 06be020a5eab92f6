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
    # What the survey rows could add beyond their expected share (the forecast's `high` reads them at
    # their best): not an action, but the reason `best` is below the forecast's high.
    survey_upside: float = 0.0
    # The forecast's high of the same figure: `best` plus `survey_upside` where no row with more
    # still possible is past its deadline.
    high: float | None = None
    # The forecast's low (nothing more done) and its class: where it is below the target, the
    # expected reaches it only if the work still to come is done as forecast, and the list says so.
    low: float | None = None
    low_class: str | None = None
    # At or after the cut-off: nothing is still to come (low sits below expected for surveys and
    # unsupported evidence alone).
    final: bool = False
    actions: list[Action]
    lost: list[Lost]

    def rests_on_work_to_come(self) -> bool:
        """Whether the expected that reaches the target (or the path to it) counts on work not yet
        done: nothing more done, the figure (`low`) would fall short of the target. Never at the
        cut-off, when no work is still to come."""
        return not self.final and self.low is not None and self.low < self.target

    def surveys(self) -> tuple[float, float, bool] | None:
        """What the survey rows could add beyond the best (None if nothing): the points, the figure
        with them, and whether that figure is the forecast's high."""
        if self.survey_upside <= 0:
            return None
        with_surveys = round(self.best + self.survey_upside, 2)
        return self.survey_upside, with_surveys, self.high is not None and abs(with_surveys - self.high) < 0.005


class TargetPlan(Out):
    schema_: str = Field(default=SCHEMA, serialization_alias="schema")
    units: list[UnitTarget]

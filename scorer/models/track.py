"""A closed year replayed day by day: the JSON contract `scorer.track/1` (`scorer backtest --track`)."""

import datetime as dt

from pydantic import Field

from scorer.models.prediction import Figure, Out, UnitPrediction

SCHEMA = "scorer.track/1"


def measure(unit: UnitPrediction) -> tuple[str, Figure]:
    """The figure a unit is held to: its `index` (points over the applicable maximum, in percent)
    where the prediction carries one, else its total."""
    index = getattr(unit, "index", None)
    if isinstance(index, Figure):
        return "index", index
    return "total", unit.total


class TrackPoint(Out):
    """The forecast as of one day, on the evidence dated up to it, held against the final score."""

    as_of: dt.date
    low: float
    expected: float
    high: float
    deadlines: list[str] = []
    error: float
    within: bool
    # The calibrated range of the day (10th and 90th percentiles), where the prediction gives one.
    likely_low: float | None = None
    likely_high: float | None = None
    # The criteria on the day's at-risk list.
    at_risk: list[str] = []


class QuarterError(Out):
    quarter: int
    points: int
    mae: float | None


class TrackSummary(Out):
    """How good the forecast was over the year: the mean absolute error of expected (overall and by
    quarter of the as-of date), the share of days whose [low, high] held the final, and the first
    day from which expected stayed within one point of the final."""

    projection: str
    mae: float
    coverage: float
    by_quarter: list[QuarterError]
    known_by: dt.date | None


class UnitTrack(Out):
    unit: str
    unit_name: str
    year: int
    criteria_set: str
    measure: str
    final: float
    final_class: str | None
    published: float | None
    points: list[TrackPoint]
    coverage: float
    mae: float
    summary: TrackSummary
    baseline: TrackSummary | None = None
    # The criteria that end the year below their max (at the cut-off): what the at-risk list was for.
    below_max: list[str] = []


class TrackRow(Out):
    """How the forecast did over a group of units as of one day: the mean error of expected against
    the final (`bias`, signed) and its mean absolute error (`mae`); the share of units whose final
    lay within `likely` and within [low, high], and the mean widths of each; and the at-risk list's
    recall (of the criteria that end below max, the share the list held that day) and precision (of
    the criteria listed, the share that end below max), pooled over the units. None: nothing to
    measure (no unit's prediction gives `likely`; no criterion ends below max; nothing listed)."""

    as_of: dt.date
    units: int
    mae: float
    bias: float
    likely_coverage: float | None
    likely_width: float | None
    band_coverage: float
    band_width: float
    recall: float | None
    precision: float | None


class Track(Out):
    schema_: str = Field(default=SCHEMA, serialization_alias="schema")
    units: list[UnitTrack]
    # Every unit together, as of each quarter's end (`scorer.track.QUARTER_ENDS`).
    record: list[TrackRow] = []

"""What a remediation plan says ("Kế hoạch khắc phục tồn tại, hạn chế"), for the writers. No I/O."""

import datetime as dt

from scorer.models.evidence import LegalBasis
from scorer.models.prediction import Out, Provenance
from scorer.models.target import UnitTarget


class Shortcoming(Out):
    title: str
    title_en: str
    points: float
    criteria: list[str]


class Reference(Out):
    """A decision of the unit that a remedy applies (its number, date and title)."""

    number: str
    date: dt.date
    title: str | None


class TimeFrame(Out):
    """When tasks are due: a deadline still ahead, or none for a standing task ("Thường xuyên")."""

    due: dt.date | None
    criteria: list[str]


class AreaPlan(Out):
    id: str
    title: str
    title_en: str
    max: float
    score: float
    lost: float
    shortcomings: list[Shortcoming]
    # The rows each short by less than the set's `shortcoming_threshold`, together where they reach
    # it (an open year): named after the shortcomings, so what is listed adds up to the area's row
    # to within the threshold.
    minor: Shortcoming | None = None
    remedies: list[str]
    remedies_en: list[str]
    references: list[Reference] = []
    lead: list[str]
    # The lead advises and others carry out ("Đơn vị tham mưu chủ trì" / "Đơn vị thực hiện").
    lead_advises: bool = False
    cooperating: list[str]
    implementing: list[str] = []
    # The time frame: deadlines still ahead (an open year) and standing tasks; empty: all standing.
    time: list[TimeFrame] = []


class SatisfactionPlan(Out):
    """The satisfaction index (SIPAS): last published result, this year's estimate, the points it drives."""

    year: int
    index: float | None
    rank: int | None
    of: int | None
    estimate_year: int | None = None
    estimate: float | None = None
    estimate_low: float | None = None
    estimate_high: float | None = None
    points: float
    max: float
    criteria: list[str]
    remedy: str
    remedy_en: str
    lead: list[str]
    cooperating: list[str]


class Frame(Out):
    """The administrative document's frame (Decree 30/2020/NĐ-CP) from the unit's data."""

    parent: str | None
    agency: str
    symbol: str | None
    place: str | None
    year: int
    signer_position: str | None
    signer_name: str | None
    recipients: list[str]


class RemediationPlan(Out):
    unit: str
    unit_name: str
    year: int
    # The year the plan is for: the year after a published result, the open year of a forecast.
    target_year: int
    published: bool
    decision: str | None
    # The day a forecast plan's expected points stand on (None for published results).
    as_of: dt.date | None = None
    # Where the criteria set of a forecast comes from (a decision, or a model of one).
    provenance: Provenance | None = None
    # A forecast's bonus and penalty lines (title, title_en, expected points with their sign),
    # outside the areas and counted in the total.
    adjustments: list[tuple[str, str, float]] = []
    bases: list[LegalBasis] = []
    rank: int | None
    of: int | None
    previous_rank: int | None = None
    total: float
    appraisal: float
    leaders_survey: float
    citizens_survey: float
    areas: list[AreaPlan]
    satisfaction: SatisfactionPlan
    monitor: str
    frame: Frame
    # `plan --target T`: the fewest remedies that reach T (section II.3).
    path: UnitTarget | None = None


# The name it had: `Plan` is also an evidence record type (models/evidence.py). Kept while other
# branches move to the new name.
Plan = RemediationPlan

"""Evidence records, the unit, and official results: the docs/contract.md section 2 formats, no I/O."""

import datetime as dt
import functools
import math
import re
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Annotated, Any, Literal, Self

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator

from scorer.models.message import Invalid, msg

_DMY = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")
_ISO = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
# A date a spreadsheet wrote with its time of midnight (`2024-06-14 00:00:00`, `14/06/2024 0:00`) is
# that date; any other time is refused (a date and time is no day).
_MIDNIGHT = re.compile(r"^(\S+)[ T]0?0:00(:00(\.0+)?)?$")
_TIMED = re.compile(r"^(\S+)[ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?$")


def parse_date(value: Any) -> Any:
    """Accept `2024-03-12` and `12/03/2024` (the Vietnamese day-first form), nothing looser."""
    if type(value) is dt.date:  # most often: the YAML reader has typed it already
        return value
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date()
        raise Invalid(msg("date_and_time_day", day=value.strftime("%d/%m/%Y")))
    if isinstance(value, dt.date) or value is None:
        return value
    if not isinstance(value, str):
        raise Invalid(msg("expected_date", value=repr(value)))
    return _parse_text(value)


@functools.lru_cache(maxsize=8192)
def _parse_text(value: str) -> dt.date | None:
    """A date's text parsed once: a province repeats the days of one year (errors are not cached)."""
    text = value.strip()
    if text == "":
        return None
    midnight = _MIDNIGHT.match(text)
    if midnight:
        text = midnight.group(1)
    elif _TIMED.match(text):  # a day with its time: the day is certain, the record takes it alone
        alone = _parse_text(text.split()[0] if " " in text else text.split("T")[0])
        raise Invalid(msg("date_and_time_day", day=alone.strftime("%d/%m/%Y") if alone else text))
    match = _ISO.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _DMY.match(text)
        if not match:
            raise Invalid(msg("expected_date", value=repr(value)))
        day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise Invalid(msg("not_a_day", value=repr(value), order=_month_first_hint(text, day, month, year))) from None


def _month_first_hint(text: str, day: int, month: int, year: int) -> object:
    """`09/30/2024`, as a spreadsheet set to US English writes 30 September: read day first, it is
    no day at all, so the message says which order is meant (never read as the other order)."""
    if not _DMY.match(text) or month <= 12 or day > 12:
        return ""
    try:
        dt.date(year, day, month)
    except ValueError:
        return ""
    return msg("day_first", date=f"{month:02d}/{day:02d}/{year}")


def percent_fraction(value: Any) -> Any:
    """A share written as a percentage, `90%`, is the fraction 0.9; anything else is left to validate."""
    if isinstance(value, str) and value.strip().endswith("%"):
        try:
            number = Decimal(value.strip()[:-1].strip())
        except InvalidOperation:
            return value
        return float(number / 100) if number.is_finite() else value
    return value


def _not_bool(value: Any) -> Any:
    """`yes` or `true` where a number is expected is a mistake, not 1."""
    if isinstance(value, bool):
        raise Invalid(msg("expected_number", value=repr(value)))
    return value


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        raise Invalid(msg("expected_finite"))
    return value


_DATE_SCHEMA = {
    "type": "string",
    "pattern": r"^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4})$",
    "description": "2024-03-12 or 12/03/2024",
}
Date = Annotated[dt.date, BeforeValidator(parse_date), WithJsonSchema(_DATE_SCHEMA)]
OptionalDate = Annotated[
    dt.date | None, BeforeValidator(parse_date), WithJsonSchema({"anyOf": [_DATE_SCHEMA, {"type": "null"}]})
]
# Every number is bounded, so no sum of a unit's records can overflow or pass the engine's range.
MAX_COUNT = 1_000_000_000
MAX_NUMBER = 1e12
Count = Annotated[int, Field(ge=0, le=MAX_COUNT, strict=False), BeforeValidator(_not_bool)]
# Validators listed after the constraints run before them: a bool or `90%` is seen first, NaN before the range.
Share = Annotated[
    float, AfterValidator(_finite), Field(ge=0, le=1), BeforeValidator(_not_bool), BeforeValidator(percent_fraction)
]
Number = Annotated[float, AfterValidator(_finite), Field(ge=-MAX_NUMBER, le=MAX_NUMBER), BeforeValidator(_not_bool)]
Points = Annotated[float, Field(ge=0, le=1000, allow_inf_nan=False)]
Name = Annotated[str, Field(min_length=1, max_length=200)]


# A list field of a record defaults to a new empty list made by `_empty_list` (pydantic deep-copies
# a `= []` default for every record that leaves the field out, a tenth of a record's validation);
# the schema still says its default is [].
_EMPTY_LIST: dict[str, Any] = {"default": []}


def _empty_list() -> list[Any]:
    """A Python function, not `list`: pydantic reads a factory's signature for every model that
    has the field (12 here), and a builtin's is parsed from text: 3% of importing this module."""
    return []


class Strict(BaseModel):
    """The base of every input model: an unknown key is an error, and a loaded model never changes."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class PlanKind(str, Enum):
    par = "par"
    inspection = "inspection"
    communication = "communication"
    it = "it"
    training = "training"
    legal_review = "legal_review"
    law_monitoring = "law_monitoring"
    other = "other"


class Period(str, Enum):
    q1 = "q1"
    h1 = "h1"
    q3 = "q3"
    year = "year"
    other = "other"


class InitiativeStatus(str, Enum):
    proposed = "proposed"
    applied = "applied"
    recognized = "recognized"


class Audience(str, Enum):
    staff = "staff"
    citizens = "citizens"
    businesses = "businesses"


class CommunicationForm(str, Enum):
    portal = "portal"
    news = "news"
    conference = "conference"
    contest = "contest"
    social = "social"
    other = "other"


class Severity(str, Enum):
    minor = "minor"
    serious = "serious"


class Instrument(str, Enum):
    leaders = "leaders"
    citizens = "citizens"


class SurveySource(str, Enum):
    official = "official"
    internal = "internal"


class RecordBase(Strict):
    id: Annotated[str, Field(min_length=1, max_length=120)]
    date: Date
    title: str | None = None
    document_no: str | None = None
    attachment: str | None = None
    criteria: Annotated[list[str], Field(max_length=200)] = Field(
        default_factory=_empty_list, json_schema_extra=_EMPTY_LIST
    )
    # The proof ("tài liệu kiểm chứng") of a sub-criterion this record is, by the proof's id.
    proof: str | None = None
    # Where in the document the proof is, for the form's proof cell: "tr. 3, mục II.2".
    locator: Annotated[str, Field(max_length=200)] | None = None
    note: str | None = None
    # `needed` on a record drafted by `scorer register import`: until the officer checks it and
    # removes the mark, predict counts it as unsupported evidence (the high scenario only).
    review: Literal["needed"] | None = None


class Plan(RecordBase):
    type: Literal["plan"]
    kind: PlanKind
    tasks_total: Count = 0
    tasks_done: Count = 0

    @model_validator(mode="after")
    def _done_within_total(self) -> Self:
        if self.tasks_done > self.tasks_total:
            raise Invalid(
                msg("more_than", part="tasks_done", a=self.tasks_done, whole="tasks_total", b=self.tasks_total)
            )
        return self


class Report(RecordBase):
    type: Literal["report"]
    period: Period
    due: Date
    submitted: OptionalDate = None
    conforms: bool = True


class Inspection(RecordBase):
    type: Literal["inspection"]
    units_inspected: Count = 0
    units_total: Count = 0
    findings: Count = 0
    findings_resolved: Count = 0

    @model_validator(mode="after")
    def _parts_within_wholes(self) -> Self:
        if self.units_inspected > self.units_total:
            raise Invalid(
                msg(
                    "more_than", part="units_inspected", a=self.units_inspected, whole="units_total", b=self.units_total
                )
            )
        if self.findings_resolved > self.findings:
            raise Invalid(
                msg("more_than", part="findings_resolved", a=self.findings_resolved, whole="findings", b=self.findings)
            )
        return self


class Initiative(RecordBase):
    type: Literal["initiative"]
    status: InitiativeStatus
    recognized_by: str | None = None

    @model_validator(mode="after")
    def _recognition_documented(self) -> Self:
        if self.status is InitiativeStatus.recognized and not self.recognized_by:
            raise Invalid(msg("recognized_by"))
        return self


class Dialogue(RecordBase):
    type: Literal["dialogue"]
    chaired_by_head: bool = False
    audience: Annotated[list[Audience], Field(max_length=10)] = Field(
        default_factory=_empty_list, json_schema_extra=_EMPTY_LIST
    )


class Communication(RecordBase):
    type: Literal["communication"]
    form: CommunicationForm
    count: Annotated[int, Field(ge=1, le=MAX_COUNT), BeforeValidator(_not_bool)] = 1


class AssignedTask(RecordBase):
    type: Literal["assigned_task"]
    due: Date
    completed: OptionalDate = None


class Indicator(RecordBase):
    type: Literal["indicator"]
    name: Name
    value: Number
    period_end: OptionalDate = None


class Document(RecordBase):
    type: Literal["document"]
    kind: Name


class Violation(RecordBase):
    type: Literal["violation"]
    kind: Name
    severity: Severity


def _answer_counts(value: Any) -> Any:
    """`A=12;B=5` (a CSV or workbook cell) or a mapping, to {answer: count}."""
    if isinstance(value, str):
        counts: dict[str, Any] = {}
        for part in filter(None, (p.strip() for p in value.split(";"))):
            key, sep, count = part.partition("=")
            if not sep:
                raise Invalid(msg("answer_pairs", part=part))
            counts[key.strip()] = count.strip()
        return counts
    return value


class Survey(RecordBase):
    """A survey result: an official or internal share for one criterion, or a pilot survey's answer
    counts for one question (`question`, `answers`), which score every criterion the question maps to."""

    type: Literal["survey"]
    instrument: Instrument
    source: SurveySource
    criterion: Name | None = None
    share: Share | None = None
    respondents: Annotated[int, Field(ge=1, le=MAX_COUNT), BeforeValidator(_not_bool)] | None = None
    question: Name | None = None
    respondent_group: Name | None = None
    answers: Annotated[dict[str, Annotated[int, Field(ge=0, le=MAX_COUNT)]], BeforeValidator(_answer_counts)] | None = (
        None
    )

    @model_validator(mode="after")
    def _one_result(self) -> Self:
        if self.answers is not None:
            if self.question is None:
                raise Invalid(msg("answers_question"))
            if self.share is not None:
                raise Invalid(msg("share_or_answers"))
            if sum(self.answers.values()) == 0:
                raise Invalid(msg("answers_zero"))
        elif self.share is None or self.criterion is None:
            raise Invalid(msg("survey_needs"))
        return self


EvidenceRecord = Annotated[
    Plan
    | Report
    | Inspection
    | Initiative
    | Dialogue
    | Communication
    | AssignedTask
    | Indicator
    | Document
    | Violation
    | Survey,
    Field(discriminator="type"),
]

RECORD_TYPES: dict[str, type[RecordBase]] = {
    "plan": Plan,
    "report": Report,
    "inspection": Inspection,
    "initiative": Initiative,
    "dialogue": Dialogue,
    "communication": Communication,
    "assigned_task": AssignedTask,
    "indicator": Indicator,
    "document": Document,
    "violation": Violation,
    "survey": Survey,
}

LIST_FIELDS = frozenset({"criteria", "audience"})


class Signer(Strict):
    position: Annotated[str, Field(min_length=1)]
    name: Annotated[str, Field(min_length=1)]


class Unit(Strict):
    id: Annotated[str, Field(min_length=1)]
    name: Annotated[str, Field(min_length=1)]
    name_en: str | None = None
    # What the unit calls itself in its own documents ("Văn phòng", "Sở", "UBND huyện"): remedies
    # written as templates say "{kind}" where they mean the unit, "{unit}" for its whole name.
    kind: Annotated[str, Field(min_length=1)] | None = None
    kind_en: Annotated[str, Field(min_length=1)] | None = None
    group: str | None = None
    divisions: dict[str, str] = {}
    # The frame of the documents the unit issues (Decree 30/2020): the parent agency above its name,
    # its symbol in document numbers (KH-VPUB), the place before the date, who signs, who receives.
    parent: Annotated[str, Field(min_length=1)] | None = None
    symbol: Annotated[str, Field(min_length=1, pattern=r"^[^\s/]+$")] | None = None
    place: Annotated[str, Field(min_length=1)] | None = None
    signer: Signer | None = None
    recipients: list[Annotated[str, Field(min_length=1)]] = []
    # Sub-criteria (or criteria) that do not apply to the unit, each with the reason shown beside it.
    not_applicable: dict[str, Annotated[str, Field(min_length=1)]] = {}

    def division(self, role: str) -> str:
        """The unit's own name for an owner role; a role it does not map is shown as the role."""
        return self.divisions.get(role, role)

    def fill(self, text: str, lang: str = "vi") -> str:
        """A remedy written as a template, in this unit's words: `{kind}` is what the unit calls
        itself ("Văn phòng"; its name when unit.yaml does not say), `{unit}` its whole name."""
        if "{" not in text:
            return text
        name = self.name if lang == "vi" else (self.name_en or self.name)
        kind = (self.kind or self.name) if lang == "vi" else (self.kind_en or self.name_en or self.name)
        if lang != "vi" and not (self.kind_en or self.name_en):
            # The unit's Vietnamese name standing in for an English one is a proper name: "Sở Xây
            # dựng's", not "the Sở Xây dựng's".
            text = text.replace("the {kind}", "{kind}").replace("The {kind}", "{kind}")
        return text.replace("{unit}", name).replace("{kind}", kind)


class ItemisedDeduction(Strict):
    area: str
    title: str
    title_en: str | None = None
    points: Annotated[Points, Field(gt=0)]
    criteria: Annotated[list[str], Field(min_length=1)]


class OfficialComponents(Strict):
    appraisal: Points
    leaders_survey: Points
    citizens_survey: Points


class LegalBasis(Strict):
    """A document the remediation plan rests on: the decisions announcing the results, the
    province's letter on this year's tasks."""

    kind: Annotated[str, Field(min_length=1)]
    kind_en: str | None = None
    number: Annotated[str, Field(min_length=1)]
    date: Date
    issuer: str | None = None
    issuer_en: str | None = None
    subject: Annotated[str, Field(min_length=1)]
    subject_en: str | None = None


class SatisfactionResult(Strict):
    """The published satisfaction index (SIPAS) of the unit: its value in percent and its rank."""

    index: Annotated[float, AfterValidator(_finite), Field(ge=0, le=100)] | None = None
    rank: Annotated[int, Field(ge=1, le=MAX_COUNT)] | None = None
    of: Annotated[int, Field(ge=1, le=MAX_COUNT)] | None = None
    decision: str | None = None

    @model_validator(mode="after")
    def _rank_within(self) -> Self:
        if self.rank is not None and self.of is not None and self.rank > self.of:
            raise Invalid(msg("rank_past", name="rank", value=self.rank, of=self.of))
        return self


class Official(Strict):
    """Published results of one year (docs/contract.md 2.3), and the appraisal round behind them."""

    year: Annotated[int, Field(ge=2000, le=2100)]
    unit: str
    decision: str | None = None
    # The day the results were published, and the day the appraisal's points were known: a forecast
    # as of an earlier date does not know them (nothing from the future).
    published: Date | None = None
    appraised_on: Date | None = None
    total: Points
    components: OfficialComponents
    areas: dict[str, Points]
    rank: Annotated[int, Field(ge=1, le=MAX_COUNT)] | None = None
    of: Annotated[int, Field(ge=1, le=MAX_COUNT)] | None = None
    previous_rank: Annotated[int, Field(ge=1, le=MAX_COUNT)] | None = None
    satisfaction: SatisfactionResult | None = None
    bases: list[LegalBasis] = []
    appraised: dict[str, Points] = {}
    appraisal_notes: dict[str, Annotated[str, Field(min_length=1)]] = {}
    deductions: list[ItemisedDeduction] = []

    def published_by(self, day: dt.date) -> bool:
        """Whether the results were out on `day` (a file without its publication date: always)."""
        return self.published is None or self.published <= day

    def appraised_by(self, day: dt.date) -> bool:
        """Whether the appraisal's points were known on `day` (its date, else the publication's)."""
        known = self.appraised_on or self.published
        return known is None or known <= day

    @model_validator(mode="after")
    def _rank_within(self) -> Self:
        for name in ("rank", "previous_rank"):
            value = getattr(self, name)
            if value is not None and self.of is not None and value > self.of:
                raise Invalid(msg("rank_past", name=name, value=value, of=self.of))
        return self

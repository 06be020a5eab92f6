"""The self-assessment form ("Biểu tự đánh giá") as units file it: one row per area, criterion and
sub-criterion (REAL_DECISIONS.md 3.4, in docs/domain.md). No I/O, no formatting."""

import datetime as dt
from typing import Any, Literal

from scorer.models.prediction import Out


class ProofLine(Out):
    """One proof document (number and symbol, date, summary), or a declared proof still missing."""

    number: str | None = None
    date: dt.date | None = None
    title: str | None = None
    # Page or section of the document (the record's `locator`).
    locator: str | None = None
    missing: str | None = None
    missing_en: str | None = None


class FormRow(Out):
    level: Literal["area", "group", "criterion", "bonus", "penalty", "total"]
    id: str
    title: str
    title_en: str
    max: float
    # What the evidence supports on the as-of date: `low` before the cut-off, the final score after
    # it. None for survey-scored rows (never self-scored) and for rows that do not apply.
    self_score: float | None = None
    survey: bool = False
    not_applicable: str | None = None
    proofs: list[ProofLine] = []
    # Why the row is below its maximum: the unit's own words when given, else the reason codes.
    explanation: str | None = None
    reasons: list[str] = []
    pending_until: dt.date | None = None
    appraised: float | None = None
    appraisal_note: str | None = None
    # Heading and total rows: how much of their maximum the survey scores (never self-scored).
    survey_max: float = 0
    # How the row is scored: the decision's own text when the set gives it, else the rule (with its
    # metrics' words, vi and en) for the writer to put in words.
    method_text: str | None = None
    rule: Any = None
    # `full` where the decision gives full points when nothing the row counts arises.
    not_arising: str | None = None
    metric_titles: dict[str, tuple[str, str]] = {}
    # The metrics that are shares (0 to 1): their thresholds are written in percent.
    shares: list[str] = []
    # Full points with nothing to prove: nothing the row counts arose this year ("không phát sinh").
    nothing_arose: bool = False


class Cut(Out):
    """A row the appraisal scored below the self-score: the explanation round's list ("giải trình")."""

    id: str
    title: str
    title_en: str
    self_score: float
    appraised: float
    difference: float
    appraisal_note: str | None = None
    explanation: str | None = None


class Form(Out):
    unit: str
    unit_name: str
    parent: str | None = None
    place: str | None = None
    signer_position: str | None = None
    signer_name: str | None = None
    year: int
    as_of: dt.date
    final: bool
    criteria_set: str
    # The criteria set's name as a reader knows it (its title), never its file.
    criteria_title: str = ""
    criteria_title_en: str = ""
    rows: list[FormRow]
    cuts: list[Cut] = []

"""What a prediction says (docs/contract.md sections 3 to 5); the JSON contract `scorer.prediction/1`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, computed_field

SCHEMA = "scorer.prediction/1"
SCENARIOS = ("low", "expected", "high")


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Figure(Out):
    max: float
    low: float
    expected: float
    high: float


class EvidenceUse(Out):
    """One record a criterion used, traced to its file and line."""

    id: str
    type: str
    date: dt.date
    document_no: str | None
    title: str | None
    file: str
    line: int
    supported: bool
    hypothetical: bool = False


class ObligationRow(Out):
    """One expected record (a report, an assigned task) and where it stands on the as-of date."""

    label: str
    due: dt.date
    status: str
    record: str | None


class MetricValue(Out):
    """A metric in the three scenarios; `basis` names how they were reached (a message key of
    messages.py, `how.<basis>`), `params` holds its figures; `how` is that sentence in English."""

    name: str
    low: float
    expected: float
    high: float
    basis: str
    params: dict[str, float | int]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def how(self) -> str:
        from scorer.messages import how

        return how(self.basis, self.params, "en")


class CriterionResult(Figure):
    id: str
    title: str
    title_en: str
    area: str
    source: str
    owner: str
    # Every lead role in order (`owner` is the first); left out of the JSON, where `owner` stays one role.
    owners: list[str] = Field([], exclude=True)
    cooperating: list[str]
    deadline: dt.date
    next_deadline: dt.date | None
    status: str
    rule: dict[str, Any]
    overdue: int
    metrics: list[MetricValue]
    survey_basis: str | None = None
    evidence: list[str]
    unsupported: list[str]
    evidence_used: list[EvidenceUse] = Field([], exclude=True)
    obligations: list[ObligationRow] = Field([], exclude=True)
    reasons: list[str]
    # Shown by `explain` and in the risks; left out of the prediction JSON, where they would repeat.
    remedy: str = Field(exclude=True)
    remedy_en: str = Field(exclude=True)


class AreaResult(Figure):
    id: str
    title: str
    title_en: str
    last_year: float | None = None


class ComponentResult(Figure):
    id: str
    title: str
    title_en: str
    last_year: float | None = None


class Classes(Out):
    low: str | None
    expected: str | None
    high: str | None


class Total(Figure):
    last_year: float | None = None
    class_: Classes = Field(serialization_alias="class")


class Risk(Out):
    criterion: str
    title: str
    title_en: str
    area: str
    at_stake: float
    worst_case: float
    reason: str
    reasons: list[str]
    owner: str
    owner_division: str
    cooperating: list[str]
    cooperating_divisions: list[str]
    deadline: dt.date | None
    remedy: str
    remedy_en: str


class Change(Out):
    """A figure without and with the hypothetical evidence of a what-if run (expected scenario)."""

    id: str
    title: str
    title_en: str
    without: Figure
    with_: Figure = Field(serialization_alias="with")


class ClassBand(Out):
    name: str
    name_en: str
    min: float


class SatisfactionIndex(Out):
    """The satisfaction index (SIPAS) on its own line: last year's published index and rank, this
    year's estimate from the unit's surveys (percent of the maximum of the criteria it drives, in
    the three scenarios), and those criteria's points."""

    criteria: list[str]
    last_year: float | None = None
    last_rank: int | None = None
    last_of: int | None = None
    low: float
    expected: float
    high: float
    basis: str | None = None
    points: Figure


class UnitPrediction(Out):
    unit: str
    unit_name: str
    year: int
    as_of: dt.date
    criteria_set: str
    final: bool
    hypothetical: list[str]
    total: Total
    components: list[ComponentResult]
    areas: list[AreaResult]
    criteria: list[CriterionResult]
    risks: list[Risk]
    classes: list[ClassBand]
    what_if: list[Change] | None = None
    satisfaction: SatisfactionIndex | None = None


class RankRow(Out):
    rank: int
    of: int
    unit: str
    unit_name: str
    low: float
    expected: float
    high: float
    class_: str | None = Field(serialization_alias="class")


class Prediction(Out):
    schema_: str = Field(default=SCHEMA, serialization_alias="schema")
    units: list[UnitPrediction]
    ranking: list[RankRow]

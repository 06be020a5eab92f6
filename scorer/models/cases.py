"""Criteria test cases (`rules/tests/*.yaml`): a few evidence records in, points per criterion out."""

from typing import Annotated, Any

from pydantic import Field

from scorer.models.evidence import Date, Strict
from scorer.models.prediction import Out


class ExpectedPoints(Strict):
    # `max` checks a row's (or the total's) maximum: 0 for a row that does not apply.
    max: float | None = None
    low: float | None = None
    expected: float | None = None
    high: float | None = None


class CaseUnit(Strict):
    """The unit a case scores: its group and the rows that do not apply to it (as in unit.yaml)."""

    group: str | None = None
    not_applicable: dict[str, Annotated[str, Field(min_length=1)]] = {}


# Besides criterion ids, a case may expect these figures of the whole unit.
UNIT_FIGURES = ("total", "index", "bonus", "penalty")


class Case(Strict):
    name: Annotated[str, Field(min_length=1)]
    as_of: Date
    unit: CaseUnit = CaseUnit()
    evidence: list[dict[str, Any]] = []
    last_year: list[dict[str, Any]] = []
    # A number is the expected scenario; a mapping may give any of low / expected / high. Keys are
    # criterion ids, or `total`, `index`, `bonus`, `penalty`.
    expect: Annotated[dict[str, float | ExpectedPoints], Field(min_length=1)]


class CaseFile(Strict):
    criteria: Annotated[str, Field(min_length=1)]
    cases: Annotated[list[Case], Field(min_length=1)]


# -- what `scorer test` reports -----------------------------------------------------------


class Mismatch(Out):
    criterion: str
    scenario: str
    expected: float | None
    actual: float | None


class CaseResult(Out):
    file: str
    line: int
    name: str
    passed: bool
    mismatches: list[Mismatch]


class Coverage(Out):
    criteria_set: str
    criteria: int
    untested: list[str]


class TestReport(Out):
    cases: list[CaseResult]
    coverage: list[Coverage]

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.cases)

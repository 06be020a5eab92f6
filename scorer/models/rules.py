"""The scoring rules a criterion may have: one model per kind, data only (docs/contract.md 2.2).

What each kind does (its engine conditions, points, sentence, load-time checks) is its class in
scorer/scoring/kinds.py, found through the one table `KINDS`; nothing else asks which kind a rule is.
A new kind is its model here (a member of `Rule`), its class and row in `KINDS`, and its sentence
`rule.<kind>` in the message catalogue (tests/test_kinds.py checks all three, and runs every
member of `Rule` through every command and writer).

An optional field left empty is left out when a rule is written out (JSON, diff), as it was read.
"""

from collections.abc import Mapping
from typing import Annotated, Any, Literal, Self

from pydantic import Field, PrivateAttr

from scorer.models.evidence import Number, Strict

Points = Annotated[float, Field(ge=0, le=1000)]
# The rules engine compares numbers within ±10^12 (engine.MAX_THRESHOLD).
Threshold = Annotated[Number, Field(ge=-1e12, le=1e12)]


def _empty(value: object) -> bool:
    return value is None


class RuleModel(Strict):
    """What every rule model has: its data as written out, made once (a prediction writes each
    criterion's rule, and a province has a hundred thousand criterion results)."""

    _data: dict[str, Any] | None = PrivateAttr(None)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy, with its own data made when asked (a changed copy must not write the original's)."""
        copied = super().model_copy(update=update, deep=deep)
        if copied.__pydantic_private__ is not None:
            copied.__pydantic_private__.pop("_data", None)
        return copied

    def data(self) -> dict[str, Any]:
        """The rule as JSON data, empty fields left out. Shared: not to be changed."""
        private = self.__pydantic_private__  # read directly: `self._data` goes through __getattr__
        found = private.get("_data") if private is not None else None
        if found is None:
            found = self.model_dump(mode="json")
            if private is not None:
                private["_data"] = found
        return found


class Band(Strict):
    """Met when the metric is at least `min`, or strictly more than `above` (one of the two), as
    the decision words it: "từ 90% trở lên" is `min: 0.9`, "trên 90%" is `above: 0.9`."""

    min: Threshold | None = Field(None, exclude_if=_empty)
    points: Points
    metric: str | None = Field(None, exclude_if=_empty)
    above: Threshold | None = Field(None, exclude_if=_empty)

    @property
    def edge(self) -> float:
        """The band's threshold, whichever it is (0 when it has none: refused when loaded)."""
        return self.min if self.min is not None else self.above if self.above is not None else 0.0

    @property
    def op(self) -> str:
        return ">" if self.min is None and self.above is not None else ">="


class BandsRule(RuleModel):
    kind: Literal["bands"]
    metric: str
    bands: Annotated[list[Band], Field(min_length=1)]


class LinearRule(RuleModel):
    kind: Literal["linear"]
    metric: str
    target: Annotated[float, Field(gt=0, le=1e12)]


class BinaryRule(RuleModel):
    kind: Literal["binary"]
    metric: str
    min: Threshold | None = Field(None, exclude_if=_empty)
    max: Threshold | None = Field(None, exclude_if=_empty)


class DeductionsRule(RuleModel):
    kind: Literal["deductions"]
    metric: str
    step: Annotated[float, Field(gt=0, le=1000)]


class SurveyRule(RuleModel):
    kind: Literal["survey"]
    instrument: Literal["leaders", "citizens"]


class TimelinessRule(RuleModel):
    """An obligation scored at three levels, as decisions write it: "đúng hạn: 1; chậm: 0,5; không: 0".
    Over several obligations (one metric may expect several), the points are their average."""

    kind: Literal["timeliness"]
    metric: str
    on_time: Points
    late: Points
    missing: Points = 0


class AllOrNothingRule(RuleModel):
    """Every obligation of a set on time, or nothing: "đầy đủ, đúng hạn cả 04 báo cáo: 1; thiếu hoặc
    chậm 01 trở lên: 0". Reads an `on_time_share` metric."""

    kind: Literal["all_or_nothing"]
    metric: str


Rule = Annotated[
    BandsRule | LinearRule | BinaryRule | DeductionsRule | SurveyRule | TimelinessRule | AllOrNothingRule,
    Field(discriminator="kind"),
]

"""What a prediction says (docs/contract.md sections 3 to 5); the JSON contract `scorer.prediction/1`."""

import datetime as dt
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field, field_serializer

from scorer.models.rules import Rule, RuleModel

SCHEMA = "scorer.prediction/1"
SCENARIOS = ("low", "expected", "high")


class Out(BaseModel):
    # Results are built by `build` (no validation), so their validators and serialisers are made
    # when first used: a `scorer predict` printing a table needs 6 of its 22 result models, and
    # building them all up front was about a tenth of a one-unit run's start.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    @classmethod
    def build(cls, **values: Any) -> Self:
        """The result from values the computation made and trusts: what `model_construct` makes
        (the same `__dict__`, in field order; a field left out takes its default) in a third of the
        time when every field is given in order; a province builds a hundred thousand of these."""
        return cls.from_values(values)

    @classmethod
    def from_values(cls, values: dict[str, Any]) -> Self:
        """`build` from a dict of the values, which becomes the result's own (the caller lets go of
        it): a result of many fields is built without its keywords copied into a new dict."""
        found = _ORDER.get(cls)
        if found is None:
            order = tuple(cls.__pydantic_fields__)
            found = _ORDER[cls] = (order, set(order))
        order, every = found
        # Every field given (the usual case): the results share one set of the names set. Results
        # are frozen, so pydantic never adds to it; `model_copy` copies it before it updates it.
        fields_set = every
        if tuple(values) != order:
            given = tuple(values)
            fields = cls.__pydantic_fields__
            missing = [name for name in order if name not in values and fields[name].is_required()]
            if missing or not values.keys() <= fields.keys():
                raise TypeError(
                    f"{cls.__name__}.build: missing {missing}, unknown {sorted(values.keys() - fields.keys())}"
                )
            values = {
                name: values[name] if name in values else fields[name].get_default(call_default_factory=True)
                for name in order
            }
            fields_set = set(given)
        model = cls.__new__(cls)
        _set(model, "__dict__", values)
        _set(model, "__pydantic_fields_set__", fields_set)
        _set(model, "__pydantic_extra__", None)
        _set(model, "__pydantic_private__", None)
        return model


_ORDER: dict[type[Out], tuple[tuple[str, ...], set[str]]] = {}
_set = object.__setattr__


class Figure(Out):
    max: float
    low: float
    expected: float
    high: float


class Likely(Out):
    """The likely range of a sum of points: the 10th and 90th percentiles of the outcomes the
    forecast gives (its `forecast.likely` share of them), within [low, high]."""

    low: float
    high: float


class Known(Out):
    """How much of a total is known: the points the evidence already secures whatever comes, the
    points that are forecast (expected less secured), and the applicable criteria with no evidence yet."""

    secured: float
    forecast: float
    no_evidence: int
    criteria: int


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
    # Why it is not supported: `no_number`, `attachment_missing` or `to_review` (None if it is).
    unsupported: str | None = None
    hypothetical: bool = False
    # Where in the document the proof is (page, section), for the form; not part of the data.
    locator: str | None = Field(None, exclude=True)


class ObligationRow(Out):
    """One expected record (a report, an assigned task) and where it stands on the as-of date."""

    label: str
    due: dt.date
    status: str
    record: str | None
    # The record's own title where the obligation is the record itself (an assigned task, whose
    # label is its id): what a reader knows it by.
    title: str | None = None


class MetricValue(Out):
    """A metric in the three scenarios; `basis` names how they were reached (a message key of
    messages.py, `how.<basis>`), `params` holds its figures; `how` is that sentence in English,
    written by the stage that builds the value (models do no formatting)."""

    name: str
    low: float
    expected: float
    high: float
    basis: str
    params: dict[str, float | int]
    how: str
    # The metric in words (the set's title, messages.py's metric_words), for the reports only.
    title: str | None = Field(None, exclude=True)
    title_en: str | None = Field(None, exclude=True)
    # A share (0 to 1, shown in percent), not a count or a score.
    share: bool = Field(False, exclude=True)


class ProofStatus(Out):
    """A document that proves the row, and the records that are it (none: missing)."""

    id: str
    title: str
    title_en: str | None = None
    evidence: list[str]
    # A missing proof before the cut-off: the chance it is filed in time and what it rests on
    # (predict.scenarios.Chance's params, with `chance`).
    params: dict[str, float | int] = {}


class Index(Out):
    """Points over the applicable maximum, in percent, per scenario."""

    low: float
    expected: float
    high: float


class AdjustmentLine(Out):
    """One line of the bonus or penalty block and its points (always positive) per scenario."""

    id: str
    title: str
    title_en: str
    low: float
    expected: float
    high: float
    evidence: list[str]


class AdjustmentResult(Out):
    """The bonus (capped) or penalty block: points outside the scale, counted in the total."""

    title: str
    title_en: str
    max: float | None
    low: float
    expected: float
    high: float
    items: list[AdjustmentLine]


class Provenance(Out):
    """Where the criteria set comes from, for every output that shows points."""

    kind: str
    number: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    title: str


class CriterionResult(Figure):
    id: str
    title: str
    title_en: str
    area: str
    source: str
    owner: str
    # Every lead role in order (`owner` is the first); left out of the JSON, where `owner` stays one role.
    owners: list[str] = Field([], exclude=True)
    # The lead as the unit names it (its division, else the set's words for the role), for reports.
    owner_division: str | None = Field(None, exclude=True)
    cooperating: list[str]
    deadline: dt.date
    next_deadline: dt.date | None
    status: str
    rule: Rule
    # "Không phát sinh" (models.criteria.Criterion.not_arising): in the JSON, a key of `rule`.
    not_arising: str | None = Field(None, exclude=True)
    overdue: int
    metrics: list[MetricValue]
    survey_basis: str | None = None
    evidence: list[str]
    unsupported: list[str]
    evidence_used: list[EvidenceUse] = Field([], exclude=True)
    obligations: list[ObligationRow] = Field([], exclude=True)
    proofs: list[ProofStatus] = []
    not_applicable_reason: str | None = None
    parent: str | None = None
    method_text: str | None = Field(None, exclude=True)
    # Shown by `explain` and in the risks; left out of the prediction JSON, where they would repeat.
    remedy: str = Field(exclude=True)
    remedy_en: str = Field(exclude=True)
    # The points its evidence secures whatever comes; no evidence yet; nothing arose (không phát sinh).
    secured: float = 0.0
    no_evidence: bool = False
    nothing_arose: bool = False
    # Last, after the fields a scored criterion has (models/scored.py): the risks add it.
    reasons: list[str]

    @field_serializer("rule")
    def _rule(self, rule: Rule) -> dict[str, Any]:
        # A rule model made as the others are keeps its data; any other pydantic model is dumped.
        data = rule.data() if isinstance(rule, RuleModel) else rule.model_dump(mode="json", exclude_none=True)
        return data | {"not_arising": self.not_arising} if self.not_arising else data


class AreaResult(Figure):
    id: str
    title: str
    title_en: str
    last_year: float | None = None
    likely: Likely | None = None


class NodeResult(Figure):
    """A criterion of a three-level set (tiêu chí), the sum of its sub-criteria."""

    id: str
    title: str
    title_en: str
    area: str


class ComponentResult(Figure):
    id: str
    title: str
    title_en: str
    last_year: float | None = None
    likely: Likely | None = None


class Classes(Out):
    low: str | None
    expected: str | None
    high: str | None


class Total(Figure):
    last_year: float | None = None
    class_: Classes = Field(serialization_alias="class")
    likely: Likely | None = None
    known: Known | None = None


class GapStep(Out):
    value: float
    points: float


class Gap(Out):
    """The gap an at-risk row states as a figure: the value today (None: nothing recorded), whether
    it is a share (printed in percent), the values each level of points needs, lowest first, and
    for obligations their counts by status."""

    value: float | None = None
    share: bool = False
    steps: list[GapStep] = []
    obligations: dict[str, int] = {}


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
    missing_proofs: list[str] = []
    gap: Gap | None = None


class Change(Out):
    """A figure without and with the hypothetical evidence of a what-if run (expected scenario)."""

    id: str
    title: str
    title_en: str
    without: Figure
    with_: Figure = Field(serialization_alias="with")


class ClassThreshold(Out):
    """One class of the scale a total is classed on (the criteria set's `ClassBand`), highest first."""

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
    provenance: Provenance | None = None
    final: bool
    hypothetical: list[str]
    total: Total
    index: Index | None = None
    bonus: AdjustmentResult | None = None
    penalty: AdjustmentResult | None = None
    components: list[ComponentResult]
    areas: list[AreaResult]
    nodes: list[NodeResult] = []
    criteria: list[CriterionResult]
    risks: list[Risk]
    classes: list[ClassThreshold]
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
    index: float | None = None


class Prediction(Out):
    schema_: str = Field(default=SCHEMA, serialization_alias="schema")
    units: list[UnitPrediction]
    ranking: list[RankRow]

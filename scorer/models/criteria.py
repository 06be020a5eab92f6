"""The criteria set (docs/contract.md 2.2): metadata, calendar, metrics, rules and the tree. No I/O.

A criteria set is checked once, when it is loaded (`check_criteria_set`), so scoring can trust it.
The check names the closest known name on a typo with `errors.did_you_mean` (difflib only): the
one import of `scorer.errors` in models/, allowed by tests/test_layers.py and nothing else.
"""

import datetime as dt
import functools
from decimal import Decimal
from enum import Enum
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, Discriminator, Field, Tag, WithJsonSchema, field_validator

from scorer.models.evidence import RECORD_TYPES, Date, Number, Official, Share, Strict
from scorer.models.message import Figure, Invalid, Text, count_hint, msg, number_hint
from scorer.models.rules import Rule

COMPONENTS = ("appraisal", "leaders_survey", "citizens_survey")


class Component(str, Enum):
    appraisal = "appraisal"
    leaders_survey = "leaders_survey"
    citizens_survey = "citizens_survey"


FieldValue = str | int | float | bool


class Present(Strict):
    present: bool


class Obligation(Strict):
    """One expected record, e.g. the Q1 report, matched by field values and due on a calendar date."""

    match: dict[str, FieldValue]
    due: str


class MetricBase(Strict):
    """What every metric has: the evidence type it aggregates, its filters, its value when nothing
    can be computed, and how a pending value is projected (metrics.py gives the semantics)."""

    kind: str  # each kind narrows it to its own literal, the union's tag
    type: str
    # What the metric counts or measures, in words (vi, en): "báo cáo thiếu, trễ hạn hoặc không đúng
    # mẫu". Without it, CriteriaSet.metric_title takes the indicator's or document kind's title.
    title: str | None = None
    title_en: str | None = None
    where: dict[str, FieldValue | list[FieldValue] | Present] = {}
    empty: Number = 0.0
    deadline: str | None = None
    # How a pending value is expected to end the year (README "How the forecast is made"): `progress`
    # shares (plan tasks done, coverage) move at the unit's pace, `level` shares (on-time rates) stay.
    projection: Literal["progress", "level"] | None = None


class CountMetric(MetricBase):
    kind: Literal["count"]
    distinct: str | None = None


class SumMetric(MetricBase):
    kind: Literal["sum"]
    field: str


class RatioMetric(MetricBase):
    kind: Literal["ratio"]
    numerator: str
    denominator: str
    latest: bool = False


class LatestMetric(MetricBase):
    kind: Literal["latest"]
    field: str


class ExistsMetric(MetricBase):
    kind: Literal["exists"]


class ObligationMetric(MetricBase):
    """Obligations met on time (`on_time_share`) or missed (`missed_count`): declared one per calendar
    deadline (`expect`), or each matching record with its own `due_field`."""

    kind: Literal["on_time_share", "missed_count"]
    done_field: str
    due_field: str | None = None
    conforms_field: str | None = None
    expect: list[Obligation] = []


# Each kind of metric has the fields it needs and no other: a `sum` without `field` or a `count`
# with a `numerator` is refused when the set is loaded.
Metric = Annotated[
    CountMetric | SumMetric | RatioMetric | LatestMetric | ExistsMetric | ObligationMetric,
    Field(discriminator="kind"),
]
METRIC_FIELDS = ("field", "distinct", "numerator", "denominator", "due_field", "done_field", "conforms_field")


class Proof(Strict):
    """A document that proves a sub-criterion ("tài liệu kiểm chứng"), e.g. the dialogue's minutes."""

    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]+$")]
    title: Annotated[str, Field(min_length=1)]
    title_en: str | None = None


def _one_or_more(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


_OWNER_SCHEMA = {
    "anyOf": [
        {"type": "string", "minLength": 1},
        {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
    ],
    "description": "the lead role, or several in order",
}


class Named(Strict):
    title: str
    title_en: str


class CopiedFrom(Strict):
    """The row of a known set an imported row was matched to (`scorer criteria import`), and how
    well their titles and scoring texts matched (0..1)."""

    set: Annotated[str, Field(min_length=1)]
    id: str
    score: Annotated[float, Field(ge=0, le=1)]


class Criterion(Strict):
    id: Annotated[str, Field(pattern=r"^[0-9]+(\.[0-9]+)+$")]
    title: Annotated[str, Field(min_length=1)]
    title_en: Annotated[str, Field(min_length=1)]
    max: Annotated[float, Field(gt=0, le=1000)]
    source: Component
    # The lead role, or several in order (the seed plan names two lead units for some areas); one
    # role is written as a string and read as a list of one.
    owner: Annotated[
        list[Annotated[str, Field(min_length=1)]],
        BeforeValidator(_one_or_more),
        Field(min_length=1),
        WithJsonSchema(_OWNER_SCHEMA),
    ]
    cooperating: list[str] = []
    # Roles that carry the remedy out under the lead's advice ("Đơn vị thực hiện"), when not the lead.
    implementing: list[str] = []
    # Document kinds whose latest decision the plan cites with the remedy (number, date, title).
    references: list[str] = []
    evidence: list[str] = []
    deadline: str
    # A draft (`scorer criteria import`) may leave the rule to be written: then `todo` says so.
    rule: Rule | None = None
    remedy: Annotated[str, Field(min_length=1)]
    remedy_en: Annotated[str, Field(min_length=1)]
    # The decision's own scoring text, verbatim, shown beside the rule so a reader can check one
    # against the other.
    method_text: str | None = None
    proofs: list[Proof] = []
    # The unit groups it applies to (one decision covers departments, districts, ...); empty: all.
    groups: list[str] = []
    # "Không phát sinh": when no record of the rule's metric exists at all, full points.
    not_arising: Literal["full"] | None = None
    # What a draft still needs before it scores (`scorer validate` lists every such row).
    todo: list[str] = []
    # The ids of this row in other criteria sets (the model set it was copied from): evidence that
    # names one of them names this row, so a unit's evidence survives a change of set.
    same_as: list[Annotated[str, Field(pattern=r"^[0-9]+(\.[0-9]+)+$")]] = []
    # Where an imported row's wiring (metric, evidence, owner, deadline, remedy) was copied from.
    copied_from: CopiedFrom | None = None

    @property
    def owners(self) -> list[str]:
        """The lead roles in order; the first is the criterion's owner in risks and reports."""
        return list(self.owner)

    @property
    def lead(self) -> str:
        return self.owners[0]


class CriterionNode(Strict):
    """The middle level of a decision (tiêu chí): a criterion whose sub-criteria add up to its max."""

    id: Annotated[str, Field(pattern=r"^[0-9]+(\.[0-9]+)+$")]
    title: Annotated[str, Field(min_length=1)]
    title_en: Annotated[str, Field(min_length=1)]
    max: Annotated[float, Field(gt=0, le=1000)]
    method_text: str | None = None
    groups: list[str] = []
    criteria: Annotated[list[Criterion], Field(min_length=1)]


def _node_or_leaf(value: Any) -> str:
    if isinstance(value, dict):
        return "node" if "criteria" in value else "leaf"
    return "node" if isinstance(value, CriterionNode) else "leaf"


Member = Annotated[
    Annotated[CriterionNode, Tag("node")] | Annotated[Criterion, Tag("leaf")], Discriminator(_node_or_leaf)
]


class Area(Strict):
    id: Annotated[str, Field(pattern=r"^[0-9]+$")]
    title: str
    title_en: str
    max: Annotated[float, Field(gt=0, le=1000)]
    # Titles of the criteria that group sub-criteria (e.g. 7.1 over 7.1.1 to 7.1.3), for the form;
    # a criterion node (three levels) carries its own title instead.
    headings: dict[str, Named] = {}
    criteria: Annotated[list[Member], Field(min_length=1)]

    def leaves(self) -> list[Criterion]:
        found: list[Criterion] = []
        for member in self.criteria:
            found += member.criteria if isinstance(member, CriterionNode) else [member]
        return found

    def nodes(self) -> list[CriterionNode]:
        return [m for m in self.criteria if isinstance(m, CriterionNode)]


class ComponentSpec(Strict):
    title: str
    title_en: str
    max: Annotated[float, Field(ge=0, le=1000)]


class IndicatorKind(Enum):
    rate = "rate"
    percent = "percent"
    count = "count"
    score = "score"


# Each kind's range; a score's may be narrowed or moved by the indicator's own `min` and `max`.
INDICATOR_RANGES = {
    IndicatorKind.rate: (0.0, 1.0),
    IndicatorKind.percent: (0.0, 100.0),
    IndicatorKind.count: (0.0, 1e9),
    IndicatorKind.score: (0.0, 100.0),
}


# The nouns a document kind's title may start with that name a document themselves (Decree 30's
# kinds and the records the criteria ask for): no "văn bản" goes before them.
DOCUMENT_NOUNS = (
    "văn bản",
    "biên bản",
    "hồ sơ",
    "đề án",
    "kế hoạch",
    "quyết định",
    "báo cáo",
    "quy chế",
    "quy định",
    "chương trình",
    "thông báo",
    "công văn",
    "tờ trình",
    "nghị quyết",
    "chỉ thị",
    "hướng dẫn",
    "phương án",
    "danh mục",
    "giấy",
)


def plain_number(value: float) -> str:
    """`63` for 63.0, `0.635` for 0.635: a number as a person would write it."""
    return format(Decimal(repr(float(value))).normalize(), "f")


class IndicatorSpec(Named):
    """A declared indicator: what its value is (`kind`) and so the range a value must lie in."""

    kind: IndicatorKind
    min: Annotated[float, Field(ge=-1e12, le=1e12, allow_inf_nan=False)] | None = None
    max: Annotated[float, Field(ge=-1e12, le=1e12, allow_inf_nan=False)] | None = None

    def bounds(self) -> tuple[float, float]:
        low, high = INDICATOR_RANGES[self.kind]
        return (low if self.min is None else self.min, high if self.max is None else self.max)

    def words(self, name: str) -> Text:
        """The indicator as a reader names it, by the set's title (its name only when it has none):
        an error names what the officer typed a figure for, not the code the set keys it by."""
        vi = self.title or self.title_en or name
        return msg("set_title", en=self.title_en or vi, vi=vi)

    def check(self, name: str, value: float) -> tuple[Text, Text | None] | None:
        """(message, hint) when `value` cannot be this indicator's, else None."""
        low, high = self.bounds()
        shown = plain_number(value)
        title = self.words(name)
        if self.kind is IndicatorKind.count and value != int(value):
            return msg("count_not_whole", value=Figure(shown), title=title), count_hint(value)
        if self.kind is IndicatorKind.score and (low, high) == (0, 100) and 0 < value < 1:
            # A score out of 100 typed as a fraction of it (0,85 for 85, as a rate is typed): it
            # would count as next to nothing. No index scores a unit at 1 point in 100.
            scaled = Figure(plain_number(round(value * high, 6)))
            message = msg(
                "score_fraction",
                value=Figure(shown),
                low=Figure(plain_number(low)),
                high=Figure(plain_number(high)),
                title=title,
            )
            return message, msg("score_fraction_hint", scaled=scaled)
        if low <= value <= high:
            return None
        message = msg(
            "indicator_range",
            value=Figure(shown),
            low=Figure(plain_number(low)),
            high=Figure(plain_number(high)),
            kind=msg(f"kind.{self.kind.value}"),
            title=title,
        )
        if self.kind is IndicatorKind.rate:
            return message, number_hint(value, low, high)
        return message, None


class ClassBand(Strict):
    name: str
    name_en: str
    min: Annotated[float, Field(ge=0, le=1000)]


class Provenance(Strict):
    """Where a set comes from: a province's decision (number, date, issuer) or a model of one."""

    kind: Literal["decision", "model"]
    number: str | None = None
    date: Date | None = None
    issuer: str | None = None
    note: str | None = None


class AdjustmentItem(Strict):
    """One line of the bonus or penalty block: `points` for each unit of its metric (e.g. each
    initiative recognised at province level, each violation)."""

    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]+$")]
    title: Annotated[str, Field(min_length=1)]
    title_en: Annotated[str, Field(min_length=1)]
    metric: str
    points: Annotated[float, Field(gt=0, le=1000)]
    method_text: str | None = None


class Adjustment(Strict):
    """Points outside the scale ("điểm cộng" capped at `max`, "điểm trừ"), added to or taken from the
    total and the index."""

    title: str
    title_en: str
    max: Annotated[float, Field(gt=0, le=1000)] | None = None
    # Where the decision counts it: in the points (the index is then taken over them), or straight
    # on the index, in percentage points.
    adds_to: Literal["points", "index"] = "points"
    items: Annotated[list[AdjustmentItem], Field(min_length=1)]


class Question(Strict):
    """A survey question and the sub-criteria its answers score."""

    text: str
    criteria: Annotated[list[str], Field(min_length=1)]


class Instrument(Strict):
    """A questionnaire as the province runs it: who answers, how each answer counts (A/B/C/D =
    100/60/20/0% in one province's instrument), which question scores which sub-criteria."""

    title: str | None = None
    respondents: dict[str, Named] = {}
    scale: Annotated[dict[str, Share], Field(min_length=2)]
    questions: dict[str, Question] = {}


class SurveyDefaults(Strict):
    """How a survey criterion is estimated before its official result is known (docs/contract.md 3)."""

    last_year_margin: Share = 0.03
    prior_share: Share = 0.85
    prior_margin: Share = 0.10
    confidence_z: Annotated[float, Field(gt=0, le=5)] = 1.96
    # How far below its estimate a survey can still come in: the `low` bound of an estimated survey row
    # (its `high` is a full share, what a survey can return).
    bound_margin: Share = 0.2
    instruments: dict[Literal["leaders", "citizens"], Instrument] = {}


class Forecast(Strict):
    """How work not yet done is expected (docs/contract.md 3): the chance that a pending obligation or
    a value not yet reached is met in time, worked out from the unit's own record this year, then
    its record last year, then `prior`; each broader estimate weighs as `strength` obligations
    against the narrower one. Work not yet started is expected at the unit's own pace of evidence. `correlation` is how much one unit's criteria move together, and
    `likely` the share of outcomes the likely range holds (its 10th to 90th percentiles at 0.8)."""

    prior: Share = 0.5
    strength: Annotated[float, Field(gt=0, le=100)] = 2
    correlation: Share = 0.5
    likely: Annotated[float, Field(gt=0, lt=1)] = 0.8
    # Work not yet started comes in at the pace the unit did one-off work (documents, dialogues,
    # initiatives, communication) over the last `window_days`: a unit that has stopped brings in nothing.
    window_days: Annotated[int, Field(gt=0, le=366)] = 60
    # ... or over the last `burst_days`, if that pace is faster: a unit that has just begun its work
    # (the year-end rush) is going at the pace it has begun at, not at its average over the window.
    burst_days: Annotated[int, Field(gt=0, le=366)] = 30
    # A progress figure is carried forward at the unit's pace until the unit has reported none for
    # `quiet_days` (then it has gone quiet, and stays where it stands).
    quiet_days: Annotated[int, Field(gt=0, le=366)] = 90
    # However fast the unit is going, work with no evidence yet is never as good as done.
    ceiling: Annotated[float, Field(ge=0, lt=1)] = 0.8
    # ... except that a criterion that had no evidence on the same day last year either and got some by
    # last year's end (the unit's own record of doing this very thing late) may be expected up to the
    # share of last year's criteria missing that day that came by the end, never above `late_ceiling`
    # (a set that writes it writes it no lower than `ceiling`; equal to it: no such lift).
    late_ceiling: Annotated[float, Field(ge=0, lt=1)] = 0.95
    # How much of last year's development from the same day (an actuary's chain ladder, read from the
    # unit's own last year) corrects this year's pace: 0 reads nothing of last year's timing, 1 takes
    # it whole. A unit with no last year is unaffected.
    last_pace: Share = 1.0
    # A unit's timing moves by weeks from year to year (a rush begun in early September one year, in
    # October the next): last year's development is read on the same day and every `burst_days`
    # before it as far as `last_window_days` (the span this year's pace is read over), and its
    # shortfalls averaged. 0: the same day alone.
    last_window_days: Annotated[int, Field(ge=0, le=366)] = 60


class Satisfaction(Strict):
    """The satisfaction index (SIPAS): the criteria whose points it drives, and the plan's task for it."""

    criteria: Annotated[list[str], Field(min_length=1)]
    remedy: Annotated[str, Field(min_length=1)]
    remedy_en: Annotated[str, Field(min_length=1)]


class CriteriaSet(Strict):
    schema_: Annotated[Literal["scorer.criteria/1"], Field(alias="schema")] = "scorer.criteria/1"
    title: str
    title_en: str
    year: Annotated[int, Field(ge=2000, le=2100)]
    decision: str
    provenance: Provenance = Provenance(kind="model")
    scale: Annotated[float, Field(gt=0, le=1000)] = 100
    components: dict[Component, ComponentSpec]
    calendar: dict[str, Date]
    indicators: dict[str, IndicatorSpec] = {}
    document_kinds: dict[str, Named] = {}
    classes: Annotated[list[ClassBand], Field(min_length=1)]
    # Decisions class units on the index (points over the applicable maximum, in percent); with
    # every row applicable and a scale of 100 the index is the total.
    classes_on: Literal["index", "total"] = "index"
    unit_groups: dict[str, Named] = {}
    # What each owner role is, in words: the owner shown for a unit whose unit.yaml does not map it
    # to one of its divisions ("Bộ phận tổ chức, hành chính", never "organisation").
    roles: dict[str, Named] = {}
    surveys: SurveyDefaults = SurveyDefaults()
    forecast: Forecast = Forecast()
    metrics: dict[str, Metric] = {}
    satisfaction: Satisfaction | None = None
    bonus: Adjustment | None = None
    penalty: Adjustment | None = None
    areas: Annotated[list[Area], Field(min_length=1)]
    # What a draft still needs at set level (the decision's number, the calendar, ...).
    todo: list[str] = []
    # A forecast plan lists a criterion as falling short only when it is expected to miss at least
    # this many points: a person would not write "0,01 điểm" down as a shortcoming.
    shortcoming_threshold: Annotated[float, Field(ge=0, le=100)] = 0.05

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @field_validator("calendar")
    @classmethod
    def _has_cutoff(cls, value: dict[str, dt.date]) -> dict[str, dt.date]:
        if "cutoff" not in value:
            raise Invalid(msg("cs.needs_cutoff"))
        return value

    # -- lookups used after the set is checked -------------------------------------------

    @property
    def cutoff(self) -> dt.date:
        return self.calendar["cutoff"]

    def criteria(self) -> list[Criterion]:
        """The scored rows (sub-criteria, or criteria without sub-criteria), in the file's order."""
        return [criterion for area in self.areas for criterion in area.leaves()]

    def nodes(self) -> list[CriterionNode]:
        return [node for area in self.areas for node in area.nodes()]

    def node_of(self, criterion_id: str) -> CriterionNode | None:
        return next((n for n in self.nodes() if any(c.id == criterion_id for c in n.criteria)), None)

    def criterion(self, criterion_id: str) -> Criterion | None:
        return next((c for c in self.criteria() if c.id == criterion_id), None)

    def metric_title(self, name: str) -> tuple[str, str]:
        """A metric in words (vi, en): its own title, else the title of the one indicator or
        document kind it reads, else its name (a set's author is told by `scorer validate`)."""
        metric = self.metrics.get(name)
        if metric is None:
            return name, name
        if metric.title:
            return metric.title, metric.title_en or metric.title
        where = metric.where
        named: Named | None = None
        if metric.type == "indicator" and isinstance(where.get("name"), str):
            named = self.indicators.get(str(where["name"]))
        elif metric.type == "document" and isinstance(where.get("kind"), str):
            named = self.document_kinds.get(str(where["kind"]))
        if named is not None and metric.kind == "exists":
            title = _lower_first(named.title)
            # "số biên bản giao nộp …", not "số văn bản biên bản …": a kind named by its own
            # document noun takes no "văn bản" before it.
            noun = title.startswith(DOCUMENT_NOUNS)
            return f"số {title}" if noun else f"số văn bản {title}", f"{named.title_en} (documents)"
        if named is not None:
            return _lower_first(named.title), named.title_en
        return name, metric.title_en or name

    def area_of(self, criterion_id: str) -> str:
        return criterion_id.split(".")[0]

    def compares_with(self, official: Official) -> bool:
        """Whether published results were scored on this set's frame: its areas, its scale (with
        the bonus a set caps in points). A unit that changed sets is not compared, area by area, with
        results the other set gave."""
        if official.areas and set(official.areas) != {a.id for a in self.areas}:
            return False
        bonus = self.bonus
        if bonus is not None and bonus.adds_to == "points" and bonus.max is None:
            return True
        extra = bonus.max if bonus is not None and bonus.adds_to == "points" and bonus.max else 0.0
        return official.total <= self.scale + extra

    def deadline(self, name: str) -> dt.date:
        return self.calendar[name]

    def classify(self, total: float) -> ClassBand | None:
        for band in sorted(self.classes, key=lambda b: -b.min):
            if total >= band.min:
                return band
        return None


@functools.lru_cache(maxsize=4096)
def id_order(criterion_id: str) -> tuple[int, ...]:
    """A criterion id as numbers, for sorting: 1.2 before 1.10 (the model holds ids to dotted numbers).
    Worked out once per id: a province sorts each unit's at-risk rows by it."""
    return tuple(int(part) for part in criterion_id.split("."))


def decimal_sum(values: list[float]) -> Decimal:
    return sum((Decimal(str(v)) for v in values), Decimal(0))


KNOWN_TYPES = frozenset(RECORD_TYPES)


Loc = tuple[str | int, ...]
Finding = tuple[Loc, Text, Text | None]


def check_criteria_set(cs: CriteriaSet) -> list[Finding]:
    """Everything a criteria set must satisfy beyond its shape: names resolve, maxima add up, bands
    are ordered. Returns findings as (location in the file, message, hint)."""
    from scorer.errors import did_you_mean  # the one import of errors in models/ (tests/test_layers.py)

    findings: list[Finding] = []
    findings += _check_metrics(cs, did_you_mean)
    for t, item in enumerate(cs.todo):
        findings.append((("todo", t), msg("cs.to_finish", item=item), None))
    seen: set[str] = set()
    totals = {component: Decimal(0) for component in Component}
    for a, area in enumerate(cs.areas):
        area_loc: Loc = ("areas", a)
        sub_total = decimal_sum([c.max for c in area.criteria])
        if sub_total != Decimal(str(area.max)):
            findings.append(
                (
                    area_loc + ("max",),
                    msg("cs.area_sum", id=area.id, max=Figure(area.max), sum=Figure(sub_total)),
                    None,
                )
            )
        for i, member in enumerate(area.criteria):
            loc: Loc = area_loc + ("criteria", i)
            if isinstance(member, CriterionNode):
                findings += _check_id(cs, member.id, area.id, None, seen, loc)
                findings += _check_groups(cs, member.groups, loc, did_you_mean)
                node_total = decimal_sum([c.max for c in member.criteria])
                if node_total != Decimal(str(member.max)):
                    findings.append(
                        (
                            loc + ("max",),
                            msg("cs.node_sum", id=member.id, max=Figure(member.max), sum=Figure(node_total)),
                            None,
                        )
                    )
                for j, leaf in enumerate(member.criteria):
                    leaf_loc = loc + ("criteria", j)
                    findings += _check_id(cs, leaf.id, area.id, member.id, seen, leaf_loc)
                    totals[leaf.source] += Decimal(str(leaf.max))
                    findings += _check_leaf(cs, leaf, leaf_loc, did_you_mean)
            else:
                findings += _check_id(cs, member.id, area.id, None, seen, loc)
                totals[member.source] += Decimal(str(member.max))
                findings += _check_leaf(cs, member, loc, did_you_mean)
        leaves = area.leaves()
        nodes = {n.id for n in area.nodes()}
        for heading in area.headings:
            if heading in nodes:
                findings.append((area_loc + ("headings", heading), msg("cs.heading_node", id=heading), None))
            elif not heading.startswith(area.id + ".") or not any(c.id.startswith(heading + ".") for c in leaves):
                findings.append(
                    (area_loc + ("headings", heading), msg("cs.heading_empty", area=area.id, heading=heading), None)
                )
    if cs.satisfaction is not None:
        for s, cid in enumerate(cs.satisfaction.criteria):
            if cid not in seen:
                findings.append(
                    (("satisfaction", "criteria", s), msg("no_such_criterion", id=cid), did_you_mean(cid, seen))
                )
    for block in ("bonus", "penalty"):
        adjustment = getattr(cs, block)
        for i, item in enumerate(adjustment.items if adjustment else []):
            if item.metric == "TODO":
                what = msg("cs.to_finish_adjustment", block=msg(f"cs.block.{block}"), id=item.id, title=item.title)
                findings.append(((block, "items", i), what, None))
            elif item.metric not in cs.metrics:
                findings.append(
                    (
                        (block, "items", i, "metric"),
                        msg("cs.unknown_metric", name=item.metric),
                        did_you_mean(item.metric, cs.metrics),
                    )
                )
    forecast = cs.forecast
    if "late_ceiling" in forecast.model_fields_set and forecast.late_ceiling < forecast.ceiling:
        findings.append(
            (
                ("forecast", "late_ceiling"),
                msg("cs.late_ceiling", late=Figure(forecast.late_ceiling), ceiling=Figure(forecast.ceiling)),
                msg("cs.late_ceiling_hint", ceiling=Figure(forecast.ceiling)),
            )
        )
    area_total = decimal_sum([area.max for area in cs.areas])
    if area_total != Decimal(str(cs.scale)):
        findings.append((("areas",), msg("cs.areas_scale", total=Figure(area_total), scale=Figure(cs.scale)), None))
    for component in Component:
        spec = cs.components.get(component)
        if spec is None:
            findings.append((("components",), msg("cs.component_missing", name=component.value), None))
        elif Decimal(str(spec.max)) != totals[component]:
            findings.append(
                (
                    ("components", component.value, "max"),
                    msg("cs.component_sum", max=Figure(spec.max), sum=Figure(totals[component])),
                    None,
                )
            )
    component_total = decimal_sum([spec.max for spec in cs.components.values()])
    if component_total != Decimal(str(cs.scale)):
        findings.append(
            (("components",), msg("cs.components_scale", total=Figure(component_total), scale=Figure(cs.scale)), None)
        )
    return findings


def _check_id(cs: CriteriaSet, cid: str, area: str, parent: str | None, seen: set[str], loc: Loc) -> list[Finding]:
    findings: list[Finding] = []
    if cid in seen:
        findings.append((loc + ("id",), msg("cs.id_twice", id=cid), None))
    seen.add(cid)
    if cs.area_of(cid) != area:
        findings.append((loc + ("id",), msg("cs.id_area", id=cid, area=area), None))
    elif parent is not None and not cid.startswith(parent + "."):
        findings.append((loc + ("id",), msg("cs.id_parent", id=cid, parent=parent), None))
    return findings


def _check_groups(cs: CriteriaSet, groups: list[str], loc: Loc, did_you_mean: Any) -> list[Finding]:
    return [
        (
            loc + ("groups", g),
            msg("cs.unknown_group", name=name),
            did_you_mean(name, cs.unit_groups),
        )
        for g, name in enumerate(groups)
        if name not in cs.unit_groups
    ]


def _check_leaf(cs: CriteriaSet, criterion: Criterion, loc: Loc, did_you_mean: Any) -> list[Finding]:
    """A row of a draft still to finish is reported once, with its id, title and what it needs;
    the names it cannot resolve yet are not reported on top."""
    if criterion.todo:
        needs = "; ".join(criterion.todo)
        return [(loc, msg("cs.to_finish_row", id=criterion.id, title=criterion.title, needs=needs), None)]
    findings: list[Finding] = []
    if criterion.rule is None:
        findings.append((loc + ("rule",), msg("cs.no_rule", id=criterion.id), msg("cs.no_rule_hint")))
    if criterion.deadline not in cs.calendar:
        findings.append(
            (
                loc + ("deadline",),
                msg("cs.unknown_date", name=criterion.deadline),
                did_you_mean(criterion.deadline, cs.calendar),
            )
        )
    for t, type_name in enumerate(criterion.evidence):
        if type_name not in KNOWN_TYPES:
            findings.append(
                (loc + ("evidence", t), msg("cs.unknown_type", type=type_name), did_you_mean(type_name, KNOWN_TYPES))
            )
    findings += _check_groups(cs, criterion.groups, loc, did_you_mean)
    proof_ids = [p.id for p in criterion.proofs]
    for p, proof_id in enumerate(proof_ids):
        if proof_ids.index(proof_id) != p:
            findings.append((loc + ("proofs", p, "id"), msg("cs.proof_twice", id=proof_id), None))
    for r, kind in enumerate(criterion.references):
        if kind not in cs.document_kinds:
            findings.append(
                (
                    loc + ("references", r),
                    msg("cs.kind_undeclared", kind=kind),
                    did_you_mean(kind, cs.document_kinds),
                )
            )
    return findings


def _check_metrics(cs: CriteriaSet, did_you_mean: Any) -> list[Finding]:
    findings: list[Finding] = []
    for name, metric in cs.metrics.items():
        loc: Loc = ("metrics", name)
        model = RECORD_TYPES.get(metric.type)
        if model is None:
            findings.append(
                (loc + ("type",), msg("cs.unknown_type", type=metric.type), did_you_mean(metric.type, KNOWN_TYPES))
            )
            continue
        fields = set(model.model_fields)
        named = {k: getattr(metric, k, None) for k in METRIC_FIELDS}
        named.update({f"where.{k}": k for k in metric.where})
        if isinstance(metric, ObligationMetric):
            named.update({f"expect.{k}": k for o in metric.expect for k in o.match})
        for key, field_name in named.items():
            if field_name is not None and field_name not in fields:
                findings.append(
                    (
                        loc + tuple(key.split(".")[:1]),
                        msg("cs.not_a_field", field=field_name, type=metric.type),
                        did_you_mean(field_name, fields),
                    )
                )
        if not isinstance(metric, ObligationMetric):
            pass
        elif metric.due_field is None and not metric.expect:
            findings.append((loc + ("due_field",), msg("cs.needs_due", kind=metric.kind), None))
        for o, obligation in enumerate(metric.expect if isinstance(metric, ObligationMetric) else []):
            if obligation.due not in cs.calendar:
                findings.append(
                    (
                        loc + ("expect", o, "due"),
                        msg("cs.unknown_date", name=obligation.due),
                        did_you_mean(obligation.due, cs.calendar),
                    )
                )
        if metric.deadline is not None and metric.deadline not in cs.calendar:
            findings.append(
                (
                    loc + ("deadline",),
                    msg("cs.unknown_date", name=metric.deadline),
                    did_you_mean(metric.deadline, cs.calendar),
                )
            )
        choices: dict[str, tuple[str, Mapping[str, Named]]] = {
            "indicator": ("name", cs.indicators),
            "document": ("kind", cs.document_kinds),
        }
        declared = choices.get(metric.type)
        if declared:
            key, names = declared
            values = metric.where.get(key)
            for value in values if isinstance(values, list) else [values]:
                if isinstance(value, str) and value not in names:
                    findings.append(
                        (
                            loc + ("where", key),
                            msg("cs.name_undeclared", value=value, names=msg(f"cs.names.{metric.type}")),
                            did_you_mean(value, names),
                        )
                    )
    return findings


def _lower_first(text: str) -> str:
    """`Tỷ lệ hồ sơ` -> `tỷ lệ hồ sơ` inside a sentence; an abbreviation (`TTHC`) is kept."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]

"""Checks a criteria set must pass when it is loaded, beyond its shape and its names
(models.criteria.check_criteria_set): each metric reads fields of the right type, `where` filters
name values the field can hold, and every maximum is a whole number of hundredths (points are
rounded to 2 decimals, so a finer maximum could never be reached exactly, or would be passed)."""

from __future__ import annotations

import datetime as dt
import functools
import typing
from collections.abc import Callable
from enum import Enum
from typing import Any, TypeVar

from scorer.errors import did_you_mean
from scorer.models.criteria import (
    CriteriaSet,
    Criterion,
    CriterionNode,
    Finding,
    Loc,
    ObligationMetric,
    Present,
    plain_number,
)
from scorer.models.evidence import RECORD_TYPES
from scorer.models.message import Figure, Msg, msg
from scorer.scoring.kinds import kind_of
from scorer.scoring.points import hundredths as _hundredths

T = TypeVar("T")


def once_per_set(func: Callable[[CriteriaSet], T]) -> Callable[[CriteriaSet], T]:
    """`func(cs)` worked out once for a criteria set rather than once for each unit checked against
    it (the names a set declares: its roles, its criteria ids). A set is recognised by identity,
    which is safe as a loaded set is frozen and the last one is held here, so its id is not reused;
    only the last set's result is kept (a run checks every unit against one set). What `func`
    returns is shared, so it must not be changed by its callers. The set and its result are
    stored and read as one pair, so threads serving different sets never mix them."""
    last: list[tuple[CriteriaSet, T] | None] = [None]

    @functools.wraps(func)
    def cached(cs: CriteriaSet) -> T:
        entry = last[0]
        if entry is not None and entry[0] is cs:
            return entry[1]
        value = func(cs)
        last[0] = (cs, value)
        return value

    return cached


def field_kind(annotation: Any) -> tuple[str, Any]:
    """What a record field holds: ("number" | "date" | "bool" | "enum" | "text" | "list", detail)."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) is list:
        return "list", field_kind(args[0])[1] if args else None
    if args and typing.get_origin(annotation) is not None and len(args) == 1:
        return field_kind(args[0])
    if annotation is bool:
        return "bool", None
    if annotation in (int, float):
        return "number", None
    if annotation is dt.date:
        return "date", None
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "enum", annotation
    if len(args) > 1:
        return field_kind(args[0])
    return "text", None


_NEEDS = {
    "field": ("number", "a number"),
    "numerator": ("number", "a number"),
    "denominator": ("number", "a number"),
    "due_field": ("date", "a date"),
    "done_field": ("date", "a date"),
    "conforms_field": ("bool", "true or false"),
}


def check_types(cs: CriteriaSet) -> list[Finding]:
    findings: list[Finding] = []
    # What each field of a record type holds, worked out once per type (metrics share types).
    by_type: dict[str, dict[str, tuple[str, Any]]] = {}
    for name, metric in cs.metrics.items():
        model = RECORD_TYPES.get(metric.type)
        if model is None:
            continue  # reported by check_criteria_set
        loc: Loc = ("metrics", name)
        kinds = by_type.get(metric.type)
        if kinds is None:
            kinds = {field: field_kind(info.annotation) for field, info in model.model_fields.items()}
            by_type[metric.type] = kinds
        for key, (wanted, _) in _NEEDS.items():
            if key == "field" and metric.kind not in ("sum", "latest"):
                continue
            field = getattr(metric, key, None)
            if field is None or field not in kinds:
                continue
            if kinds[field][0] != wanted:
                findings.append(
                    (
                        loc + (key,),
                        msg(
                            "cs.field_kind",
                            key=key,
                            metric=msg(
                                "set_title",
                                en=f"{_article(metric.kind)} {metric.kind} metric",
                                vi=f"số liệu loại {metric.kind}",
                            ),
                            needs=msg(f"cs.holds.{wanted}"),
                            field=field,
                            type=metric.type,
                            holds=msg(f"cs.holds.{kinds[field][0]}"),
                        ),
                        None,
                    )
                )
        for name_, value in metric.where.items():
            if name_ in kinds and not isinstance(value, Present):
                findings += _check_where(loc + ("where", name_), metric.type, name_, kinds[name_], value)
        for o, obligation in enumerate(metric.expect if isinstance(metric, ObligationMetric) else []):
            for name_, value in obligation.match.items():
                if name_ in kinds:
                    findings += _check_where(
                        loc + ("expect", o, "match", name_), metric.type, name_, kinds[name_], value
                    )
    for name, day in cs.calendar.items():
        earliest = dt.date(cs.year, 1, 1) if name == "cutoff" else dt.date(cs.year - 1, 1, 1)
        if not earliest <= day <= dt.date(cs.year + 1, 12, 31):
            findings.append((("calendar", name), msg("cs.calendar_far", day=day.isoformat(), year=cs.year), None))
    for a, area in enumerate(cs.areas):
        findings += _hundredths(("areas", a, "max"), area.max)
        for i, member in enumerate(area.criteria):
            if isinstance(member, CriterionNode):
                findings += _hundredths(("areas", a, "criteria", i, "max"), member.max)
    for loc, criterion in leaves(cs):
        findings += _hundredths(loc + ("max",), criterion.max)
    for component, spec in cs.components.items():
        findings += _hundredths(("components", component.value, "max"), spec.max)
    return findings


def leaves(cs: CriteriaSet) -> list[tuple[Loc, Criterion]]:
    """Every scored row with its place in the file: under its area, or under a criterion node."""
    found: list[tuple[Loc, Criterion]] = []
    for a, area in enumerate(cs.areas):
        for i, member in enumerate(area.criteria):
            if isinstance(member, CriterionNode):
                found += [(("areas", a, "criteria", i, "criteria", j), c) for j, c in enumerate(member.criteria)]
            else:
                found.append((("areas", a, "criteria", i), member))
    return found


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _check_where(loc: Loc, type_name: str, field: str, kind: tuple[str, Any], wanted: Any) -> list[Finding]:
    what, detail = kind
    values = wanted if isinstance(wanted, list) else [wanted]
    findings: list[Finding] = []
    if what == "list":
        what = "enum" if isinstance(detail, type) and issubclass(detail, Enum) else "text"
    for value in values:
        if what == "enum":
            allowed = [member.value for member in detail]
            if value not in allowed:
                findings.append(
                    (
                        loc,
                        msg("cs.not_a_value", value=value, type=type_name, field=field, allowed=tuple(allowed)),
                        did_you_mean(str(value), allowed),
                    )
                )
        elif what == "bool" and not isinstance(value, bool):
            findings.append((loc, msg("cs.bool_field", type=type_name, field=field, value=repr(value)), None))
        elif what == "number" and (isinstance(value, bool) or not isinstance(value, (int, float))):
            findings.append((loc, msg("cs.number_field", type=type_name, field=field, value=repr(value)), None))
        elif what == "date":
            findings.append((loc, msg("cs.date_filter", field=field), None))
    return findings


# Ratios whose numerator can never pass their denominator (the models check each record).
_PARTS = {("tasks_done", "tasks_total"), ("units_inspected", "units_total"), ("findings_resolved", "findings")}


def metric_range(cs: CriteriaSet, name: str) -> tuple[float, float, Msg] | None:
    """The values a metric can take, when its definition says (and what it is, for a message)."""
    metric = cs.metrics.get(name)
    if metric is None:
        return None
    if metric.kind in ("exists", "on_time_share"):
        return 0.0, 1.0, msg(f"cs.range.{metric.kind}")
    if metric.kind == "ratio" and (metric.numerator, metric.denominator) in _PARTS:
        return 0.0, 1.0, msg("cs.range.share")
    indicator = metric.where.get("name")
    if (
        metric.kind == "latest"
        and metric.type == "indicator"
        and metric.field == "value"
        and isinstance(indicator, str)
    ):
        spec = cs.indicators.get(indicator)
        if spec is not None:
            low, high = spec.bounds()
            return (
                low,
                high,
                msg(
                    "cs.range.indicator",
                    kind=msg(f"kind.{spec.kind.value}"),
                    name=indicator,
                    low=Figure(plain_number(low)),
                    high=Figure(plain_number(high)),
                ),
            )
    return None


def check_rules(cs: CriteriaSet) -> list[Finding]:
    """Every rule of the set checked by its kind (scoring/kinds.py), and the survey instruments'
    questions checked against the rows they score. A row still to finish is reported once, by
    models.criteria.check_criteria_set, and not checked here."""
    findings: list[Finding] = []
    for loc, criterion in leaves(cs):
        if criterion.rule is not None and not criterion.todo:
            findings += kind_of(criterion.rule).check(criterion, cs, loc, metric_range)
    rows = {c.id: c for c in cs.criteria()}
    for name, instrument in cs.surveys.instruments.items():
        for qid, question in instrument.questions.items():
            for k, cid in enumerate(question.criteria):
                where: Loc = ("surveys", "instruments", name, "questions", qid, "criteria", k)
                row = rows.get(cid)
                if row is None:
                    findings.append((where, msg("cs.not_sub", id=cid), None))
                elif row.rule is None or kind_of(row.rule).instrument() != name:
                    findings.append((where, msg("cs.not_survey", id=cid, instrument=name), None))
    return findings

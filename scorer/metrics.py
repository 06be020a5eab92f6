"""The declared aggregations over evidence (docs/contract.md 2.2): evidence records in, numbers out.

| kind            | value                                                                        |
|-----------------|------------------------------------------------------------------------------|
| `count`         | matching records (or distinct values of `distinct`)                          |
| `sum`           | sum of `field` over matching records                                         |
| `ratio`         | sum of `numerator` / sum of `denominator` (only the latest record if `latest`) |
| `latest`        | `field` of the latest matching record (by `period_end`, else `date`)        |
| `exists`        | 1 if any record matches, else 0                                              |
| `on_time_share` | obligations met on time / all obligations                                    |
| `missed_count`  | obligations late, missing or not conforming                                  |

Obligations are either declared (`expect`: one per calendar deadline, matched by field values, e.g.
the four PAR reports) or every matching record with its own due date (tasks assigned). An obligation
not done and not yet due on the as-of date is *pending*; how pending ones count is the caller's
choice (`Obligations.value`). `empty` is the value when nothing can be computed (no record, or a zero
denominator); a criteria set uses it for "không phát sinh" (nothing arose), which earns full points.
"""

from __future__ import annotations

import math
import datetime as dt
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import Any

from scorer.models.criteria import (
    CountMetric,
    CriteriaSet,
    ExistsMetric,
    LatestMetric,
    Metric,
    ObligationMetric,
    Present,
    RatioMetric,
    SumMetric,
)
from scorer.models.evidence import EvidenceRecord

# The results are models (scorer.models.metrics); importable from here as before.
from scorer.models.metrics import STATUSES, MetricResult, Obligations, ObligationStatus  # noqa: F401

OBLIGATION_KINDS = frozenset({"on_time_share", "missed_count"})


def matching(metric: Metric, records: Iterable[EvidenceRecord]) -> list[EvidenceRecord]:
    if not metric.where:
        return [r for r in records if r.type == metric.type]
    return [r for r in records if r.type == metric.type and _matches(r, metric.where)]


def _matches(record: EvidenceRecord, where: dict[str, Any]) -> bool:
    # Enum fields are `str` enums, so they compare equal to the plain values of `where` as they are.
    for name, wanted in where.items():
        actual = getattr(record, name, None)
        if isinstance(wanted, Present):
            if (actual not in (None, "", [])) != wanted.present:
                return False
        elif isinstance(actual, list):
            options = wanted if isinstance(wanted, list) else [wanted]
            if not any(option in actual for option in options):
                return False
        elif isinstance(wanted, list):
            if actual not in wanted:
                return False
        elif actual != wanted:
            return False
    return True


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _number(record: EvidenceRecord, name: str) -> float:
    value = getattr(record, name, None)
    return float(value) if value is not None else 0.0


def _order(record: EvidenceRecord) -> tuple[dt.date, dt.date, str]:
    period_end = getattr(record, "period_end", None)
    return (period_end or record.date, record.date, record.id)


def compute(
    metric: Metric,
    records: Sequence[EvidenceRecord],
    as_of: dt.date,
    cs: CriteriaSet,
    final: bool,
    year_offset: int = 0,
    hypothetical: frozenset[str] = frozenset(),
) -> MetricResult:
    """The metric over `records` (already cut at the as-of date). `final`: nothing can be pending.
    `year_offset` moves the calendar's deadlines, to read last year's evidence with this year's set.
    `hypothetical` records (what-if) count as done on their own dates, even after the as-of date."""
    return compute_matched(metric, matching(metric, records), as_of, cs, final, year_offset, hypothetical)


def compute_matched(
    metric: Metric,
    chosen: Sequence[EvidenceRecord],
    as_of: dt.date,
    cs: CriteriaSet,
    final: bool,
    year_offset: int = 0,
    hypothetical: frozenset[str] = frozenset(),
) -> MetricResult:
    """`compute` over the records that already match the metric (`matching`), for a caller that
    keeps them: a prediction reads each metric's matching records more than once."""
    if isinstance(metric, ObligationMetric):
        obligations = _obligations(metric, chosen, as_of, cs, final, year_offset, hypothetical)
        used = tuple(sorted({i.record_id for i in obligations.items if i.record_id}))
        return MetricResult(obligations.value(metric.kind, 0.0, metric.empty), used, obligations)
    if isinstance(metric, RatioMetric) and metric.latest:
        # A snapshot with nothing to divide by (a plan filed without its tasks) says nothing of progress.
        chosen = sorted((r for r in chosen if _number(r, metric.denominator)), key=_order)[-1:]
    elif isinstance(metric, LatestMetric):
        chosen = sorted(chosen, key=_order)[-1:]
    ids = tuple(sorted(r.id for r in chosen))
    if isinstance(metric, CountMetric):
        if metric.distinct:
            distinct = {str(_plain(getattr(r, metric.distinct))) for r in chosen}
            return MetricResult(float(len(distinct)), ids, details={"distinct": sorted(distinct)})
        return MetricResult(float(len(chosen)), ids)
    if isinstance(metric, ExistsMetric):
        return MetricResult(1.0 if chosen else 0.0, ids)
    if isinstance(metric, SumMetric):
        return MetricResult(math.fsum(_number(r, metric.field) for r in chosen), ids)
    if isinstance(metric, LatestMetric):
        return MetricResult(_number(chosen[0], metric.field) if chosen else metric.empty, ids)
    numerator = math.fsum(_number(r, metric.numerator) for r in chosen)
    denominator = math.fsum(_number(r, metric.denominator) for r in chosen)
    value = numerator / denominator if denominator else metric.empty
    return MetricResult(value, ids, details={"numerator": numerator, "denominator": denominator})


def snapshots(metric: Metric, records: Sequence[EvidenceRecord]) -> list[tuple[dt.date, float]]:
    """A `ratio` or `latest` metric's value at each matching record, in time order (the day a figure
    stands for is its `period_end`, else its `date`): the progress a unit has reported along the year."""
    chosen = sorted(matching(metric, records), key=_order)
    points: list[tuple[dt.date, float]] = []
    for record in chosen:
        day = getattr(record, "period_end", None) or record.date
        if metric.kind == "ratio":
            denominator = _number(record, metric.denominator or "")
            if denominator:
                points.append((day, _number(record, metric.numerator or "") / denominator))
        elif metric.kind == "latest" and metric.field is not None:
            points.append((day, _number(record, metric.field)))
    return points


def _obligations(
    metric: ObligationMetric,
    chosen: Sequence[EvidenceRecord],
    as_of: dt.date,
    cs: CriteriaSet,
    final: bool,
    year_offset: int,
    hypothetical: frozenset[str],
) -> Obligations:
    items: list[ObligationStatus] = []
    if metric.expect:
        for obligation in metric.expect:
            due = shift(cs.calendar[obligation.due], year_offset)
            candidates = [r for r in chosen if _matches(r, dict(obligation.match))]
            # Named by its calendar date's key (report_q1_due): the reports put it in words.
            items.append(_status(metric, obligation.due, due, candidates, as_of, final, hypothetical))
    else:
        due_field = metric.due_field or ""
        for record in sorted(chosen, key=lambda r: (getattr(r, due_field), r.id)):
            due = getattr(record, due_field)
            items.append(_status(metric, record.id, due, [record], as_of, final, hypothetical))
    return Obligations(tuple(items))


def _status(
    metric: ObligationMetric,
    label: str,
    due: dt.date,
    candidates: list[EvidenceRecord],
    as_of: dt.date,
    final: bool,
    hypothetical: frozenset[str],
) -> ObligationStatus:
    field = metric.done_field
    done = [
        r for r in candidates if getattr(r, field) is not None and (getattr(r, field) <= as_of or r.id in hypothetical)
    ]
    if done:
        best = min(done, key=lambda r: (getattr(r, field), r.id))
        conforms = getattr(best, metric.conforms_field) if metric.conforms_field else True
        if not conforms:
            return ObligationStatus(label, due, "nonconforming", best.id)
        on_time = getattr(best, field) <= due
        return ObligationStatus(label, due, "on_time" if on_time else "late", best.id)
    record_id = candidates[0].id if candidates else None
    if final or due < as_of:
        return ObligationStatus(label, due, "missing", record_id)
    return ObligationStatus(label, due, "pending", record_id)


def shift(day: dt.date, years: int) -> dt.date:
    if not years:
        return day
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)

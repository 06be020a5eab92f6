from __future__ import annotations

import datetime as dt

import pytest
from pydantic import TypeAdapter

from scorer.metrics import compute
from scorer.models.criteria import Metric
from scorer.models.evidence import EvidenceRecord

RECORD = TypeAdapter(EvidenceRecord)
D = dt.date


def rec(**fields):
    return RECORD.validate_python({"date": "2024-01-10", **fields})


METRIC = TypeAdapter(Metric)


def metric(**fields):
    return METRIC.validate_python(fields)


def test_count_with_filters_and_distinct(cs2024):
    records = [
        rec(id=f"c{i}", type="communication", form=form)
        for i, form in enumerate(["portal", "portal", "news", "social"])
    ]
    assert compute(metric(kind="count", type="communication"), records, D(2024, 12, 31), cs2024, True).value == 4
    assert (
        compute(
            metric(kind="count", type="communication", distinct="form"), records, D(2024, 12, 31), cs2024, True
        ).value
        == 3
    )
    only = metric(kind="count", type="communication", where={"form": ["news", "social"]})
    assert compute(only, records, D(2024, 12, 31), cs2024, True).record_ids == ("c2", "c3")


def test_list_fields_match_when_they_contain_the_value(cs2024):
    records = [
        rec(id="d1", type="dialogue", audience=["staff"]),
        rec(id="d2", type="dialogue", audience=["staff", "citizens"]),
    ]
    m = metric(kind="count", type="dialogue", where={"audience": "citizens"})
    assert compute(m, records, D(2024, 12, 31), cs2024, True).record_ids == ("d2",)


def test_ratio_of_the_latest_snapshot_and_its_empty_value(cs2024):
    records = [
        rec(id="p1", type="plan", kind="par", tasks_total=20, tasks_done=0, date="2024-01-10"),
        rec(id="p2", type="plan", kind="par", tasks_total=20, tasks_done=15, date="2024-09-13"),
    ]
    latest = metric(
        kind="ratio", type="plan", where={"kind": "par"}, numerator="tasks_done", denominator="tasks_total", latest=True
    )
    assert compute(latest, records, D(2024, 12, 31), cs2024, True).value == 0.75
    summed = metric(kind="ratio", type="plan", numerator="tasks_done", denominator="tasks_total")
    assert compute(summed, records, D(2024, 12, 31), cs2024, True).value == 15 / 40
    empty = metric(kind="ratio", type="inspection", numerator="findings_resolved", denominator="findings", empty=1)
    assert compute(empty, [], D(2024, 12, 31), cs2024, True).value == 1


def test_latest_indicator_goes_by_period_end(cs2024):
    records = [
        rec(id="i1", type="indicator", name="dti_score", value=0.9, period_end="2024-06-30", date="2024-09-01"),
        rec(id="i2", type="indicator", name="dti_score", value=0.7, period_end="2024-03-31", date="2024-09-02"),
    ]
    m = metric(kind="latest", type="indicator", where={"name": "dti_score"}, field="value")
    assert compute(m, records, D(2024, 12, 31), cs2024, True).value == 0.9


def test_obligations_on_time_late_missing_pending(cs2024):
    m = cs2024.metrics["reports_missed"]
    records = [
        rec(id="q1", type="report", period="q1", due="2024-03-15", submitted="2024-03-15"),
        rec(id="h1", type="report", period="h1", due="2024-06-15", submitted="2024-06-19"),
        rec(id="q3", type="report", period="q3", due="2024-09-15", submitted="2024-10-01"),
    ]
    result = compute(m, records, D(2024, 9, 30), cs2024, final=False)
    statuses = [i.status for i in result.obligations.items]
    # q3 was sent after the as-of date, so on 30/09 it is still missing.
    assert statuses == ["on_time", "late", "missing", "pending"]
    assert result.obligations.value("missed_count", 0.0, 0) == 3
    assert result.obligations.value("missed_count", 1.0, 0) == 2
    assert result.obligations.on_time_rate() == pytest.approx(1 / 3)


def test_report_due_on_the_as_of_date_is_still_pending(cs2024):
    m = cs2024.metrics["reports_missed"]
    result = compute(m, [], D(2024, 3, 15), cs2024, final=False)
    assert result.obligations.items[0].status == "pending"


def test_nothing_is_pending_once_final(cs2024):
    m = cs2024.metrics["reports_missed"]
    result = compute(m, [], D(2024, 12, 31), cs2024, final=True)
    assert {i.status for i in result.obligations.items} == {"missing"}


def test_non_conforming_report_counts_as_missed(cs2024):
    m = cs2024.metrics["reports_missed"]
    records = [rec(id="q1", type="report", period="q1", due="2024-03-15", submitted="2024-03-01", conforms=False)]
    result = compute(m, records, D(2024, 12, 31), cs2024, final=True)
    assert result.obligations.items[0].status == "nonconforming"


def test_assigned_tasks_are_their_own_obligations(cs2024):
    m = cs2024.metrics["assigned_on_time"]
    records = [
        rec(id="t1", type="assigned_task", due="2024-02-01", completed="2024-01-30"),
        rec(id="t2", type="assigned_task", due="2024-02-01", completed="2024-02-03"),
        rec(id="t3", type="assigned_task", due="2024-12-01"),
    ]
    result = compute(m, records, D(2024, 9, 30), cs2024, final=False)
    assert [i.status for i in result.obligations.items] == ["on_time", "late", "pending"]
    assert result.value == pytest.approx(1 / 3)


def test_last_year_read_with_this_years_calendar(cs2024):
    m = cs2024.metrics["reports_missed"]
    records = [rec(id="q1", type="report", period="q1", due="2023-03-15", submitted="2023-03-10", date="2023-03-10")]
    result = compute(m, records, D(9999, 12, 31), cs2024, final=True, year_offset=-1)
    assert result.obligations.items[0].status == "on_time"
    assert result.obligations.items[0].due == D(2023, 3, 15)


def test_latest_snapshot_skips_records_without_a_denominator(cs2024):
    records = [
        rec(id="p1", type="plan", kind="par", tasks_total=20, tasks_done=15, date="2024-01-05"),
        rec(id="p2", type="plan", kind="par", date="2024-01-20"),
    ]
    latest = metric(
        kind="ratio", type="plan", where={"kind": "par"}, numerator="tasks_done", denominator="tasks_total", latest=True
    )
    assert compute(latest, records, D(2024, 12, 31), cs2024, True).value == 0.75

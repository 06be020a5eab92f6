import datetime as dt

import pytest
from pydantic import TypeAdapter, ValidationError

from scorer.models.evidence import EvidenceRecord, parse_date

RECORD = TypeAdapter(EvidenceRecord)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2024-03-12", dt.date(2024, 3, 12)),
        ("12/03/2024", dt.date(2024, 3, 12)),
        ("1/3/2024", dt.date(2024, 3, 1)),
        (" 29/02/2024 ", dt.date(2024, 2, 29)),
        ("", None),
    ],
)
def test_dates_in_both_forms(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2023-02-29", "31/04/2024", "2024/03/12", "March 12", "12-03-2024", "20240312"])
def test_impossible_or_foreign_dates_are_refused(text):
    with pytest.raises(ValueError):
        parse_date(text)


def test_a_datetime_is_not_a_date():
    with pytest.raises(ValueError, match="not a date and time"):
        parse_date(dt.datetime(2024, 1, 1, 8, 0))


def base(**fields):
    return {"id": "r1", "date": "2024-01-10", **fields}


@pytest.mark.parametrize(
    "fields, message",
    [
        (
            {"type": "plan", "kind": "par", "tasks_total": 3, "tasks_done": 4},
            "tasks_done (4) is more than tasks_total (3)",
        ),
        ({"type": "plan", "kind": "par", "tasks_total": -1}, "greater than or equal to 0"),
        (
            {"type": "inspection", "units_inspected": 5, "units_total": 2},
            "units_inspected (5) is more than units_total (2)",
        ),
        (
            {"type": "inspection", "findings": 1, "findings_resolved": 2},
            "findings_resolved (2) is more than findings (1)",
        ),
        ({"type": "initiative", "status": "recognized"}, "needs recognized_by"),
        (
            {"type": "survey", "instrument": "leaders", "source": "official", "criterion": "1.8", "share": 1.2},
            "less than or equal to 1",
        ),
        (
            {
                "type": "survey",
                "instrument": "leaders",
                "source": "official",
                "criterion": "1.8",
                "share": float("nan"),
            },
            "finite",
        ),
        ({"type": "indicator", "name": "x", "value": float("inf")}, "finite"),
        ({"type": "report", "period": "q2", "due": "2024-06-15"}, "'q1', 'h1', 'q3', 'year' or 'other'"),
        ({"type": "plan", "kind": "par", "colour": "red"}, "Extra inputs"),
    ],
)
def test_records_that_cannot_be_true_are_refused(fields, message):
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        RECORD.validate_python(base(**fields))


def test_report_defaults_to_conforming_and_unsent():
    report = RECORD.validate_python(base(type="report", period="q1", due="15/03/2024"))
    assert report.conforms is True and report.submitted is None and report.due == dt.date(2024, 3, 15)


def test_a_remedy_names_a_unit_with_no_english_name_as_a_proper_name():
    from scorer.models.evidence import Unit

    template = "Publish the {kind}'s internal spending rules; The {kind} reports to {unit}."
    named = Unit(id="so-xd", name="Sở Xây dựng", kind_en="Department", name_en="Department of Construction")
    assert named.fill(template, "en") == (
        "Publish the Department's internal spending rules; The Department reports to Department of Construction."
    )
    bare = Unit(id="so-xd", name="Sở Xây dựng")
    assert (
        bare.fill(template, "en")
        == "Publish Sở Xây dựng's internal spending rules; Sở Xây dựng reports to Sở Xây dựng."
    )
    assert bare.fill("Công khai quy chế của {kind}.", "vi") == "Công khai quy chế của Sở Xây dựng."

"""Workbooks: the template round-trips (filled by this test, validated, scored like the same YAML),
and the self-assessment sheet holds the points and the documents behind them."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl

from scorer.cli import main
from tests.conftest import ROOT, RULES, write_unit

RECORDS = {
    "plan": [
        {
            "id": "kh",
            "date": dt.date(2024, 1, 10),
            "kind": "par",
            "tasks_total": 20,
            "tasks_done": 18,
            "document_no": "05/KH-VP",
        }
    ],
    "report": [
        {
            "id": "q1",
            "date": "12/03/2024",
            "period": "q1",
            "due": dt.date(2024, 3, 15),
            "submitted": dt.date(2024, 3, 12),
            "document_no": "38/BC-VP",
        }
    ],
    "dialogue": [
        {
            "id": "dt",
            "date": dt.date(2024, 8, 22),
            "chaired_by_head": True,
            "audience": "staff;citizens",
            "document_no": "158/TB-VP",
        }
    ],
    "indicator": [
        {
            "id": "ol",
            "date": dt.date(2024, 9, 13),
            "name": "online_applications_rate",
            "value": 0.63,
            "document_no": "64/BC",
        }
    ],
    "survey": [
        {
            "id": "ks",
            "date": dt.date(2024, 8, 30),
            "instrument": "citizens",
            "source": "internal",
            "criterion": "8.1",
            "share": 0.95,
            "respondents": 186,
        }
    ],
}


def as_yaml(records):
    out = []
    for kind, rows in records.items():
        for row in rows:
            plain = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in row.items()}
            if "audience" in plain:
                plain["audience"] = plain["audience"].split(";")
            out.append({"type": kind, **plain})
    return out


def test_template_round_trips_into_a_prediction(runner, tmp_path):
    template = tmp_path / "template.xlsx"
    result = runner.invoke(main, ["template", "--rules", str(RULES), "--year", "2024", "--output", str(template)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(template)
    assert book.sheetnames[0] == "_hướng dẫn"
    for kind, rows in RECORDS.items():
        sheet = book[kind]
        header = [c.value for c in sheet[1]]
        for row in rows:
            sheet.append([row.get(name) for name in header])
    unit = write_unit(tmp_path / "xlsx", "u", {})
    (unit / "2024").mkdir()
    book.save(unit / "2024" / "evidence.xlsx")
    write_unit(tmp_path / "yaml", "u", {2024: as_yaml(RECORDS)})

    outputs = []
    for root in ("xlsx", "yaml"):
        validated = runner.invoke(main, ["validate", "--evidence", str(tmp_path / root), "--rules", str(RULES)])
        assert validated.exit_code == 0, validated.output
        assert "5 evidence records" in validated.output
        predicted = runner.invoke(
            main,
            [
                "predict",
                "--evidence",
                str(tmp_path / root),
                "--rules",
                str(RULES),
                "--as-of",
                "2024-09-30",
                "--format",
                "json",
            ],
        )
        outputs.append(predicted.output)
    assert outputs[0] == outputs[1]
    unit_result = json.loads(outputs[0])["units"][0]
    assert {c["id"]: c["expected"] for c in unit_result["criteria"]}["1.6"] == 1.0


def test_template_offers_the_declared_names(runner, tmp_path):
    target = tmp_path / "t.xlsx"
    runner.invoke(main, ["template", "--rules", str(RULES), "--output", str(target), "--lang", "en"])
    book = openpyxl.load_workbook(target)
    assert book.sheetnames[0] == "_guide"
    # The indicator names, then the proof ids the set declares (2024: the dialogue's).
    check, proofs = book["indicator"].data_validations.dataValidation
    sheet, cells = check.formula1.split("!")
    first, last = cells.replace("$", "").split(":")
    offered = [c.value for row in book[sheet.strip("'")][f"{first}:{last}"] for c in row]
    assert "online_applications_rate" in offered and len(offered) == 21
    guide = [[c.value for c in row] for row in book["_guide"].iter_rows(min_row=4)]
    assert ["report", "due", "yes", None] in guide
    assert ["dialogue", "proof", "no", "dialogue-conclusions, dialogue-invitation, dialogue-minutes"] in guide
    listed = [row for row in book["_proofs"].iter_rows(values_only=True)]
    assert listed[0] == ("Criterion", "Title", "proof", "Proof documents", "The decision's scoring text")
    assert [(r[0], r[2], r[3]) for r in listed[1:]] == [
        ("1.6", "dialogue-invitation", "Invitation to the dialogue"),
        ("1.6", "dialogue-minutes", "Minutes of the dialogue"),
        ("1.6", "dialogue-conclusions", "The head's conclusion notice"),
    ]


def test_self_assessment_sheet(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    target = tmp_path / "tu-danh-gia.xlsx"
    result = runner.invoke(
        main, ["predict", "--as-of", "2024-09-30", "--format", "xlsx", "--lang", "vi", "--output", str(target)]
    )
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(target)
    sheet = book["Tự đánh giá"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert rows["1.2"][2:5] == (1, 0.69, "38/BC-VPUB; 121/BC-VPUB; 189/BC-VPUB")
    assert rows["1"][1] == "Công tác chỉ đạo điều hành" and rows["1"][3] == 9.06
    assert [r for r in sheet.iter_rows(values_only=True)][1] == (
        "TT",
        "Nội dung / tiêu chí",
        "Điểm tối đa",
        "Điểm tự đánh giá",
        "Tài liệu kiểm chứng",
        "Ghi chú",
        "Cách tính điểm",
    )
    assert rows["1.6"][4] == "149/GM-VPUB; 158/TB-VPUB; thiếu tài liệu kiểm chứng: Biên bản hội nghị đối thoại"
    *_, total, index = sheet.iter_rows(values_only=True)
    assert total[1:4] == ("Tổng cộng", 100, 88.8)
    assert index[1:4] == ("Chỉ số (% điểm tối đa được đánh giá)", 100, 88.8)
    assert "Chấm theo bộ tiêu chí mô phỏng, không phải quyết định của tỉnh" in sheet["A1"].value
    assert book["Nguy cơ mất điểm"]["A2"].value == "7.1.1"


def test_xlsx_needs_an_output_file(runner, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(main, ["predict", "--format", "xlsx"])
    assert result.exit_code == 2 and "--format xlsx needs --output FILE" in result.output

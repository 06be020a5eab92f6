"""No silent wrong answer: each ordinary mistake ends in a clear error or the right number, and no
input is ever lost (issue 8). Exact lines where there is one; the bad-input table holds the rest."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import yaml

from scorer.cli import main
from scorer.scoring import round_points
from tests.conftest import EVIDENCE, OFFICE, RULES, error_lines

AS_OF = ["--as-of", "2024-09-30"]
ORG = "Phòng Tổ chức - Hành chính - Quản trị"


def _run(runner, tmp_path, *args):
    return runner.invoke(main, [*args, "--evidence", str(tmp_path / "evidence"), "--rules", str(RULES)])


def _json(runner, evidence: Path, *args) -> dict:
    result = runner.invoke(
        main, ["predict", "--evidence", str(evidence), "--rules", str(RULES), *AS_OF, "--format", "json", *args]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _totals(data: dict) -> list:
    return [(c["id"], c["low"], c["expected"], c["high"]) for u in data["units"] for c in u["criteria"]]


# -- indicators: a rate is 0..1, `63%` is 0.63 ---------------------------------------------


@pytest.mark.parametrize("typed", ["63%", '"0,63"', '"63,0%"', '" 0,630 "'])
def test_a_rate_written_as_a_percentage_or_with_a_decimal_comma_scores_as_the_fraction(runner, office_copy, typed):
    before = _json(runner, office_copy)
    path = office_copy / OFFICE / "2024" / "indicators.csv"
    text = path.read_text(encoding="utf-8")
    assert ",online_applications_rate,0.63," in text
    path.write_text(text.replace(",online_applications_rate,0.63,", f",online_applications_rate,{typed},"), "utf-8")
    assert _totals(_json(runner, office_copy)) == _totals(before)


@pytest.mark.parametrize(
    "typed, message",
    [
        (
            "63",
            "value: 63 is outside 0..1, the range of the rate 'Applications filed online' "
            "(is it 0.63 (63%)? write 0.63 or 63%; or: 0.063 read as 63? a spreadsheet set to Vietnamese takes '.' for thousands: write 0,063 or set the column to text)",
        ),
        (
            # a comma before three digits may mark thousands, as English writes them: both readings named
            '"1,630"',
            "value: Input should be a valid number, unable to parse string as a number, "
            "got '1,630' (if ',' in 1,630 marks thousands, write 1630; if it is the decimal mark, write 1.630)",
        ),
    ],
)
def test_the_shipped_rate_mistyped_is_refused_by_validate_with_a_hint(runner, office_copy, typed, message):
    path = office_copy / OFFICE / "2024" / "indicators.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "online_applications_rate,0.63,", f"online_applications_rate,{typed},"
        ),
        "utf-8",
    )
    result = runner.invoke(main, ["validate", "--evidence", str(office_copy), "--rules", str(RULES)])
    assert result.exit_code == 1
    assert error_lines(result.output) == [f"Error: {path}:17: {message}"]


def test_last_years_indicators_are_held_to_their_kind_too(runner, office_copy):
    path = office_copy / OFFICE / "2023" / "indicators.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("online_applications_rate,0.54,", "online_applications_rate,54,"),
        "utf-8",
    )
    result = runner.invoke(main, ["predict", "--evidence", str(office_copy), "--rules", str(RULES), *AS_OF])
    assert result.exit_code == 1
    assert error_lines(result.output)[0].startswith(f"Error: {path}:19: value: 54 is outside 0..1")


def test_every_declared_indicator_has_a_kind(runner, tmp_path):
    data = yaml.safe_load((RULES / "criteria_2024.yaml").read_text(encoding="utf-8"))
    data["indicators"] = {"dti_score": {"title": "Điểm DTI", "title_en": "DTI score"}}
    path = tmp_path / "criteria.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = runner.invoke(main, ["validate", "--criteria", str(path), "--evidence", str(EVIDENCE)])
    assert result.exit_code == 1
    assert any(line.endswith("indicators.dti_score.kind: missing (required)") for line in error_lines(result.output))


# -- CSV as Excel saves it in a Vietnamese locale -------------------------------------------


def _semicolons(path: Path) -> None:
    """The file as Excel saves it in a Vietnamese locale: `;` between cells, `,` as decimal mark."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    numeric = {i for i, name in enumerate(rows[0]) if name in ("value", "share", "tasks_total", "tasks_done")}
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    for number, row in enumerate(rows):
        writer.writerow([c.replace(".", ",") if number and i in numeric else c for i, c in enumerate(row)])
    path.write_text(out.getvalue(), encoding="utf-8-sig")


def test_a_semicolon_csv_with_decimal_commas_gives_the_same_prediction(runner, office_copy):
    before = _json(runner, office_copy)
    for year in ("2023", "2024"):
        for name in ("indicators.csv", "reports.csv", "assigned_tasks.csv"):
            _semicolons(office_copy / OFFICE / year / name)
    text = (office_copy / OFFICE / "2024" / "indicators.csv").read_text(encoding="utf-8-sig")
    assert "online_applications_rate;0,63;" in text
    after = _json(runner, office_copy)
    assert _totals(after) == _totals(before)
    assert after["units"][0]["total"] == before["units"][0]["total"]


# -- criteria ids, owners, units --------------------------------------------------------------


def test_owner_takes_a_role_or_a_division_name_as_unit_yaml_writes_it(runner):
    def rows(owner: str) -> list:
        result = runner.invoke(
            main,
            ["risks", "--evidence", str(EVIDENCE), "--rules", str(RULES), *AS_OF, "--owner", owner, "--format", "json"],
        )
        assert result.exit_code == 0, result.output
        return json.loads(result.output)[0]["risks"]

    by_role = rows("organisation")
    assert by_role and {r["owner_division"] for r in by_role} == {ORG}
    assert rows(ORG) == by_role
    assert rows(unicodedata.normalize("NFD", ORG)) == by_role


@pytest.mark.parametrize(
    "owner", ["Phong To chuc - Hanh chinh - Quan tri", "organization", "phòng tổ chức - hành chính - quản trị"]
)
def test_an_unknown_owner_is_a_usage_error_listing_the_choices(runner, owner):
    result = runner.invoke(
        main, ["risks", "--evidence", str(EVIDENCE), "--rules", str(RULES), *AS_OF, "--owner", owner]
    )
    assert result.exit_code == 2
    last = error_lines(result.output)[-1]
    assert last.startswith(f"Error: --owner '{owner}' is neither an owner role nor a division name. ")
    assert "Roles: organisation, all_divisions, information, service_centre, public_service_units." in last
    assert f"Divisions: {ORG}; Trung tâm Thông tin;" in last
    assert "No criterion at risk" not in result.output


def test_a_unit_folder_without_unit_yaml_is_an_error(runner, office_copy):
    (office_copy / "so-tu-phap" / "2024").mkdir(parents=True)
    result = runner.invoke(main, ["predict", "--evidence", str(office_copy), "--rules", str(RULES), *AS_OF])
    assert result.exit_code == 1
    assert error_lines(result.output) == [
        f"Error: {office_copy}/so-tu-phap: unit folder without unit.yaml (add a unit.yaml with the unit's id and "
        "name, or move the folder out of the evidence folder)"
    ]


def test_a_misspelt_role_in_unit_yaml_is_an_error(runner, office_copy):
    path = office_copy / OFFICE / "unit.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  organisation:", "  organization:"), "utf-8")
    result = runner.invoke(main, ["predict", "--evidence", str(office_copy), "--rules", str(RULES), *AS_OF])
    assert result.exit_code == 1
    assert error_lines(result.output) == [
        f"Error: {path}:11: divisions.organization: 'organization' is not an owner role of PAR Index of provincial "
        "departments, 2024 (organisation, all_divisions, information, service_centre, public_service_units) (did you mean 'organisation'?)"
    ]


# -- points: maxima in hundredths, never past the max ----------------------------------------


def test_points_never_pass_their_max_once_rounded():
    assert round_points(Decimal("0.505"), 0.505) <= Decimal("0.505")
    assert round_points(Decimal("0.51"), 0.5) == Decimal("0.50")
    assert round_points(Decimal("0.499"), 0.5) == Decimal("0.50")


def test_maxima_must_be_whole_hundredths(runner, tmp_path):
    data = yaml.safe_load((RULES / "criteria_2024.yaml").read_text(encoding="utf-8"))
    criteria = data["areas"][0]["criteria"][0]["criteria"]  # 1.1.1 and 1.1.2, under the node 1.1 since 2024
    criteria[0]["max"], criteria[1]["max"] = 0.505, round(criteria[1]["max"] - 0.005, 3)
    criteria[1]["rule"]["bands"][0]["points"] = criteria[1]["max"]
    path = tmp_path / "criteria_2024.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = runner.invoke(main, ["validate", "--criteria", str(path), "--evidence", str(EVIDENCE)])
    assert result.exit_code == 1
    lines = [line.split(": ", 3)[3] for line in error_lines(result.output)]
    assert lines == [
        "0.505 is not a whole number of hundredths (points are rounded to 2 decimals: write e.g. 0.51)",
        "1.995 is not a whole number of hundredths (points are rounded to 2 decimals: write e.g. 0.51)",
        "1.995 is not a whole number of hundredths (points are rounded to 2 decimals: write e.g. 0.51)",
    ]
    assert [line.split(": ")[2] for line in error_lines(result.output)] == [
        "areas.0.criteria.0.criteria.0.max",
        "areas.0.criteria.0.criteria.1.max",
        "areas.0.criteria.0.criteria.1.rule.bands.0.points",
    ]


# -- criteria metric definitions checked against the record fields --------------------------


METRIC_CASES = [
    (
        "legal_review_completion",
        {"numerator": "title"},
        "numerator: the numerator of a ratio metric must hold a number, and 'title' of plan records holds text",
    ),
    (
        "training_completion",
        {"denominator": "kind"},
        "denominator: the denominator of a ratio metric must hold a number, and 'kind' of plan records holds a name",
    ),
    (
        "initiatives_applied",
        {"kind": "sum", "type": "plan", "field": "date", "where": {}},
        "field: the field of a sum metric must hold a number, and 'date' of plan records holds a date",
    ),
    (
        "dti",
        {"field": "note"},
        "field: the field of a latest metric must hold a number, and 'note' of indicator records holds text",
    ),
    (
        "assigned_on_time",
        {"due_field": "title"},
        "due_field: the due_field of an on_time_share metric must hold a date, and 'title' of assigned_task "
        "records holds text",
    ),
    (
        "reports_missed",
        {"expect": [{"match": {"period": "q5"}, "due": "report_q1_due"}]},
        "expect.0.match.period: 'q5' is not a value of report records' period (q1, h1, q3, year, other)",
    ),
    (
        "legal_review_completion",
        {"where": {"kind": "legal_reviw"}},
        "where.kind: 'legal_reviw' is not a value of plan records' kind (par, inspection, communication, it, "
        "training, legal_review, law_monitoring, other) (did you mean 'legal_review'?)",
    ),
]


@pytest.mark.parametrize("name, change, message", METRIC_CASES)
def test_metric_definitions_are_checked_against_field_types(runner, tmp_path, name, change, message):
    data = yaml.safe_load((RULES / "criteria_2024.yaml").read_text(encoding="utf-8"))
    data["metrics"][name].update(change)
    path = tmp_path / "criteria_2024.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for command in (["validate"], ["predict", *AS_OF]):
        result = runner.invoke(main, [*command, "--criteria", str(path), "--evidence", str(EVIDENCE)])
        assert result.exit_code == 1, result.output
        first = error_lines(result.output)[0]
        assert first.startswith(f"Error: {path}:") and first.endswith(f": metrics.{name}.{message}"), first


# -- what-if ----------------------------------------------------------------------------------


def _what_if(tmp_path: Path) -> Path:
    extra = tmp_path / "what-if.yaml"
    record = {
        "id": "wi-sk",
        "type": "initiative",
        "date": "2024-09-20",
        "status": "recognized",
        "recognized_by": "345/QĐ-HĐSK",
        "document_no": "345/QĐ-HĐSK",
    }
    extra.write_text(yaml.safe_dump([record], allow_unicode=True), encoding="utf-8")
    return extra


def test_the_self_assessment_sheet_is_never_written_from_a_what_if(runner, tmp_path):
    target = tmp_path / "tu-danh-gia.xlsx"
    result = runner.invoke(
        main,
        [
            "predict",
            "--evidence",
            str(EVIDENCE),
            "--rules",
            str(RULES),
            *AS_OF,
            "--with",
            str(_what_if(tmp_path)),
            "-o",
            str(target),
        ],
    )
    assert result.exit_code == 2
    assert error_lines(result.output)[-1] == (
        "Error: the expected-points workbook (--format xlsx) states real evidence only: "
        "run --with in another format (table, json, csv, md, html)"
    )
    assert not target.exists()


def test_what_if_rows_are_marked_row_by_row_in_every_format(runner, tmp_path):
    args = ["predict", "--evidence", str(EVIDENCE), "--rules", str(RULES), *AS_OF, "--with", str(_what_if(tmp_path))]
    rows = list(csv.reader(io.StringIO(runner.invoke(main, [*args, "--format", "csv"]).output.lstrip("\ufeff"))))
    assert rows[0][-1] == "what_if"
    marked = {(r[3], r[4]) for r in rows[1:] if r[-1] == "hypothetical"}
    # The index, the likely range and the points secured move with the total (issues 10 and 22).
    assert marked == {
        ("total", ""),
        ("likely", ""),
        ("secured", ""),
        ("index", ""),
        ("component", "appraisal"),
        ("area", "1"),
        ("criterion", "1.5"),
    }
    data = json.loads(runner.invoke(main, [*args, "--format", "json"]).output)["units"][0]
    assert data["total"]["hypothetical"] is True
    assert [c["id"] for c in data["criteria"] if c["hypothetical"]] == ["1.5"]
    assert [a["id"] for a in data["areas"] if a["hypothetical"]] == ["1"]
    assert all("hypothetical" in r for r in data["risks"])
    for fmt in ("table", "md", "html"):
        text = runner.invoke(main, [*args, "--format", fmt]).output
        assert "[hypothetical]" in text, fmt
    table = runner.invoke(main, [*args, "--format", "table"]).output
    area_one = next(line for line in table.splitlines() if line.startswith("1 "))
    assert "[hypothetical]" in area_one
    assert not any("[hypothetical]" in line for line in table.splitlines() if line.startswith("2 "))


def test_a_what_if_risk_csv_marks_its_rows(runner, tmp_path):
    from scorer import api
    from scorer.render import csv_

    request = api.Request(evidence=EVIDENCE, rules=RULES, as_of=dt.date(2024, 9, 30), what_if=(_what_if(tmp_path),))
    prediction = api.predict(request)
    rows = list(csv.reader(io.StringIO(csv_.render_risks(prediction.units, "en").lstrip("\ufeff"))))
    assert rows[0][-1] == "what_if"
    assert all(len(r) == len(rows[0]) for r in rows)


# -- --output: format from the extension, never onto an input ------------------------------


def test_output_format_follows_the_extension(runner, tmp_path):
    book = tmp_path / "tu-danh-gia.xlsx"
    result = runner.invoke(
        main, ["predict", "--evidence", str(EVIDENCE), "--rules", str(RULES), *AS_OF, "-o", str(book)]
    )
    assert result.exit_code == 0, result.output
    assert len(openpyxl.load_workbook(book).sheetnames) == 2
    plan = tmp_path / "ke-hoach.docx"
    result = runner.invoke(
        main, ["plan", "--evidence", str(EVIDENCE), "--rules", str(RULES), "--year", "2023", "-o", str(plan)]
    )
    assert result.exit_code == 0, result.output
    import docx

    assert any(p.text for p in docx.Document(str(plan)).paragraphs)
    data = tmp_path / "p.json"
    assert (
        runner.invoke(
            main, ["predict", "--evidence", str(EVIDENCE), "--rules", str(RULES), *AS_OF, "-o", str(data)]
        ).exit_code
        == 0
    )
    assert json.loads(data.read_text(encoding="utf-8"))["schema"] == "scorer.prediction/1"


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["predict", "--format", "md", "-o", "x.xlsx"],
            "Error: --format md does not match --output x.xlsx: a .xlsx file holds xlsx",
        ),
        (
            ["risks", "-o", "x.xlsx"],
            "Error: this command cannot write a .xlsx file (--format table|json|csv|md|html); give --output a matching extension",
        ),
        (
            ["plan", "--format", "md", "-o", "x.docx"],
            "Error: --format md does not match --output x.docx: a .docx file holds docx",
        ),
        (
            ["explain", "1.2", "-o", "x.docx"],
            "Error: this command cannot write a .docx file (--format table|json|csv|md|html); give --output a matching extension",
        ),
    ],
)
def test_a_format_that_contradicts_the_extension_is_a_usage_error(runner, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, [*args, "--evidence", str(EVIDENCE), "--rules", str(RULES)])
    assert result.exit_code == 2
    assert error_lines(result.output)[-1] == message
    assert not any(tmp_path.iterdir())


def _inputs(root: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    "target",
    [
        "evidence/van-phong-ubnd-tinh/2024/reports.csv",
        "evidence/van-phong-ubnd-tinh/unit.yaml",
        "evidence/van-phong-ubnd-tinh/2023/official.yaml",
        "rules/criteria_2024.yaml",
        "./x/../evidence/van-phong-ubnd-tinh/2024/plans.yaml",
        "evidence/van-phong-ubnd-tinh/2024/new-report.md",
        "rules/tests/new.json",
    ],
)
def test_output_never_overwrites_an_input(runner, tmp_path, monkeypatch, target):
    shutil.copytree(EVIDENCE, tmp_path / "evidence")
    shutil.copytree(RULES, tmp_path / "rules")
    (tmp_path / "x").mkdir()
    before = _inputs(tmp_path)
    monkeypatch.chdir(tmp_path)
    for command in (["predict", *AS_OF], ["risks", *AS_OF], ["explain", "1.2", *AS_OF], ["plan", "--year", "2023"]):
        result = runner.invoke(main, [*command, "-o", target])
        # Refused: exit 1 naming the output, or a usage error when the command cannot write that kind of file.
        assert result.exit_code in (1, 2), (command, result.output)
        if result.exit_code == 1:
            first = error_lines(result.output)[0]
            assert first.startswith(f"Error: {Path(target)}: --output "), first
            assert "which the run reads" in first
    assert _inputs(tmp_path) == before


def test_output_never_overwrites_the_what_if_file_or_a_second_name_of_an_input(runner, tmp_path, monkeypatch):
    shutil.copytree(EVIDENCE, tmp_path / "evidence")
    monkeypatch.chdir(tmp_path)
    extra = _what_if(tmp_path)
    base = ["predict", "--rules", str(RULES), *AS_OF]
    result = runner.invoke(main, [*base, "--with", str(extra), "-o", str(extra)])
    assert result.exit_code == 1
    assert error_lines(result.output)[0] == (
        f"Error: {extra}: --output would overwrite {extra}, which the run reads (write the output somewhere else)"
    )
    link = tmp_path / "reports-link.csv"
    os.link(tmp_path / "evidence" / OFFICE / "2024" / "reports.csv", link)
    before = link.read_bytes()
    result = runner.invoke(main, [*base, "-o", str(link)])
    assert result.exit_code == 1
    assert error_lines(result.output)[0].startswith(f"Error: {link}: --output is another name of evidence/")
    linked = tmp_path / "reports-symlink.csv"
    linked.symlink_to(tmp_path / "evidence" / OFFICE / "2024" / "reports.csv")
    result = runner.invoke(main, [*base, "-o", str(linked)])
    assert result.exit_code == 1
    assert error_lines(result.output)[0].startswith(f"Error: {linked}: --output lies inside the evidence folder")
    criteria = tmp_path / "my-criteria.yaml"
    shutil.copy(RULES / "criteria_2024.yaml", criteria)
    result = runner.invoke(main, ["validate", "--criteria", str(criteria)])
    assert result.exit_code == 0
    result = runner.invoke(main, ["predict", "--criteria", str(criteria), *AS_OF, "-o", str(criteria)])
    assert result.exit_code == 1
    assert link.read_bytes() == before and criteria.read_bytes() == (RULES / "criteria_2024.yaml").read_bytes()


def test_output_to_a_folder_or_an_unwritable_place_is_an_error(runner, tmp_path):
    base = ["predict", "--evidence", str(EVIDENCE), "--rules", str(RULES), *AS_OF]
    result = runner.invoke(main, [*base, "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert error_lines(result.output) == [f"Error: {tmp_path}: --output is a folder: give a file name"]
    missing = tmp_path / "no-such-folder" / "p.json"
    result = runner.invoke(main, [*base, "-o", str(missing)])
    assert result.exit_code == 1
    assert error_lines(result.output) == [f"Error: {missing}: cannot write: no such file or folder"]
    # and in Vietnamese, the system's reason too
    base_vi = [x for x in base if x not in ("--lang", "en")]
    result = runner.invoke(main, [*base_vi, "--lang", "vi", "-o", str(missing)])
    assert result.output.splitlines()[-1] == f"Lỗi: {missing}: không ghi được: không có tệp hoặc thư mục này"
    result = runner.invoke(main, [*base_vi, "--lang", "vi", "-o", str(tmp_path)])
    assert result.output.splitlines()[-1] == f"Lỗi: {tmp_path}: --output là một thư mục: ghi tên tệp"
    assert "Traceback" not in result.output


# -- --as-of ----------------------------------------------------------------------------------


def test_as_of_before_the_year_begins_is_a_usage_error(runner):
    result = runner.invoke(
        main, ["predict", "--evidence", str(EVIDENCE), "--rules", str(RULES), "--year", "2024", "--as-of", "2023-06-30"]
    )
    assert result.exit_code == 2
    assert error_lines(result.output)[-1] == (
        "Error: --as-of 2023-06-30 is before 2024 begins: the criteria set PAR Index of provincial departments, "
        "2024 predicts 2024, give a day from 2024-01-01 (or another --year)"
    )


def test_full_width_digits_are_not_a_date(runner):
    result = runner.invoke(
        main, ["predict", "--evidence", str(EVIDENCE), "--rules", str(RULES), "--as-of", "２０２４-09-30"]
    )
    assert result.exit_code == 2
    assert "expected a date such as 2024-03-12 or 12/03/2024, got '２０２４-09-30'" in result.output


# -- unsafe text in the outputs -------------------------------------------------------------


def test_xlsx_outputs_never_hold_a_live_formula(runner, office_copy, tmp_path):
    """Text from the inputs that starts like a formula is stored as quoted text, in every workbook."""
    unit = office_copy / OFFICE / "unit.yaml"
    text = unit.read_text(encoding="utf-8").replace(
        f"organisation: {ORG}", 'organisation: "=HYPERLINK(\\"http://x\\")"'
    )
    unit.write_text(text, "utf-8")
    reports = office_copy / OFFICE / "2024" / "reports.csv"
    reports.write_text(reports.read_text(encoding="utf-8").replace("38/BC-VPUB", "=1+1"), "utf-8")
    base = ["--evidence", str(office_copy), "--rules", str(RULES), *AS_OF]
    for command, name in ((["predict"], "p.xlsx"), (["form"], "f.xlsx")):
        target = tmp_path / name
        result = runner.invoke(main, [*command, *base, "-o", str(target)])
        assert result.exit_code == 0, result.output
        cells = [c for sheet in openpyxl.load_workbook(target).worksheets for row in sheet.iter_rows() for c in row]
        assert not [c.coordinate for c in cells if c.data_type == "f"], command
        risky = [c for c in cells if isinstance(c.value, str) and c.value.startswith(("=", "+", "-", "@"))]
        assert risky and all(c.data_type == "s" and c.quotePrefix for c in risky), command
    texts = [c.value for sheet in openpyxl.load_workbook(tmp_path / "p.xlsx").worksheets for row in sheet for c in row]
    assert '=HYPERLINK("http://x")' in texts
    assert any(isinstance(t, str) and "=1+1" in t for t in texts)


def test_markdown_output_is_escaped(runner, office_copy):
    unit = office_copy / OFFICE / "unit.yaml"
    unit.write_text(
        unit.read_text(encoding="utf-8").replace("name: Văn phòng UBND tỉnh", 'name: "*Văn* [x](javascript:y) <b>|"'),
        "utf-8",
    )
    result = runner.invoke(
        main, ["predict", "--evidence", str(office_copy), "--rules", str(RULES), *AS_OF, "--format", "md"]
    )
    assert result.exit_code == 0, result.output
    assert error_lines(result.output)[0] == "# \\*Văn\\* \\[x\\](javascript:y) &lt;b&gt;\\| — Year 2024"
    plan = runner.invoke(main, ["plan", "--evidence", str(office_copy), "--rules", str(RULES), "--year", "2023"])
    assert plan.exit_code == 0, plan.output
    assert "\\*Văn\\* \\[x\\](javascript:y) &lt;b&gt;\\|" in plan.output
    assert "<b>" not in plan.output and "*Văn*" not in plan.output


# -- file system: links, lock files, temporary files ------------------------------------------


def _unit(tmp_path: Path, records: str = "- {id: p1, type: plan, kind: par, date: 2024-01-10}\n") -> Path:
    evidence = tmp_path / "evidence"
    (evidence / "u" / "2024").mkdir(parents=True)
    (evidence / "u" / "unit.yaml").write_text("id: u\nname: Unit\n", encoding="utf-8")
    (evidence / "u" / "2024" / "e.yaml").write_text(records, encoding="utf-8")
    return evidence


def test_links_out_of_the_evidence_folder_are_refused(runner, tmp_path, monkeypatch):
    evidence = _unit(tmp_path)
    outside = tmp_path / "outside"
    (outside / "2024").mkdir(parents=True)
    (outside / "2024" / "x.yaml").write_text("- {id: x, type: plan, kind: par, date: 2024-01-10}\n", encoding="utf-8")
    (outside / "unit.yaml").write_text("id: v\nname: V\n", encoding="utf-8")
    (evidence / "u" / "2024" / "x.yaml").symlink_to(outside / "2024" / "x.yaml")
    (evidence / "v").symlink_to(outside)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["validate", "--rules", str(RULES), "--year", "2024"])
    assert result.exit_code == 1
    assert error_lines(result.output) == [
        "Error: evidence/v: is a symbolic link that points outside the evidence folder "
        "(copy the file into the evidence folder instead)"
    ]
    (evidence / "v").unlink()
    result = runner.invoke(main, ["validate", "--rules", str(RULES), "--year", "2024"])
    assert error_lines(result.output) == [
        "Error: evidence/u/2024/x.yaml: is a symbolic link that points outside the evidence folder "
        "(copy the file into the evidence folder instead)"
    ]
    (evidence / "u" / "2024" / "x.yaml").unlink()
    shutil.rmtree(evidence / "u" / "2024")
    (evidence / "u" / "2024").symlink_to(outside / "2024")
    result = runner.invoke(main, ["validate", "--rules", str(RULES), "--year", "2024"])
    assert result.exit_code == 1
    assert error_lines(result.output)[0].startswith("Error: evidence/u/2024: is a symbolic link that points outside")


def test_links_inside_the_evidence_folder_are_read(runner, tmp_path, monkeypatch):
    evidence = _unit(tmp_path)
    (evidence / "u" / "shared").mkdir()
    (evidence / "u" / "shared" / "plans.yaml").write_text(
        "- {id: s, type: plan, kind: it, date: 2024-01-10}\n", encoding="utf-8"
    )
    (evidence / "u" / "2024" / "s.yaml").symlink_to(evidence / "u" / "shared" / "plans.yaml")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["validate", "--rules", str(RULES), "--year", "2024"])
    assert result.exit_code == 0, result.output
    assert "2 evidence records" in result.output


def test_excel_lock_files_are_skipped(runner, tmp_path, monkeypatch):
    evidence = _unit(tmp_path)
    (evidence / "u" / "2024" / "~$evidence.xlsx").write_bytes(b"\x00" * 165)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["validate", "--rules", str(RULES), "--year", "2024"])
    assert result.exit_code == 0, result.output


def test_a_workbook_with_a_chart_sheet_is_read(runner, tmp_path, monkeypatch):
    evidence = _unit(tmp_path, "[]\n")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "plan"
    sheet.append(["id", "date", "kind"])
    sheet.append(["a", "2024-01-10", "par"])
    book.create_chartsheet("Biểu đồ")
    book.save(evidence / "u" / "2024" / "e.xlsx")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["validate", "--rules", str(RULES), "--year", "2024"])
    assert result.exit_code == 0, result.output
    assert "1 evidence records" in result.output


def test_sigterm_removes_the_partial_output(tmp_path):
    from scorer import synthetic
    from scorer.loading import load_criteria

    cs = load_criteria(RULES / "criteria_2024.yaml")
    root = synthetic.write_province(tmp_path / "evidence", cs, units=150, per_unit=40)
    target = tmp_path / "out" / "prediction.json"
    target.parent.mkdir()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "scorer",
            "predict",
            "--evidence",
            str(root),
            "--rules",
            str(RULES),
            *AS_OF,
            "-o",
            str(target),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while not any(target.parent.iterdir()) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert process.poll() is None, "the run ended before it could be stopped"
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM
    assert list(target.parent.iterdir()) == []


# -- workbooks and CSV files too large to read --------------------------------------------------


def _peak(args: list[str]) -> tuple[subprocess.CompletedProcess, float]:
    """Run the CLI in a child process; its peak resident memory in MiB (RUSAGE_CHILDREN, measured
    from a fresh interpreter so earlier children do not count)."""
    code = (
        "import json, resource, subprocess, sys\n"
        f"done = subprocess.run([sys.executable, '-m', 'scorer', *{args!r}], capture_output=True, text=True)\n"
        "print(json.dumps([done.returncode, done.stdout, done.stderr, "
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600, check=True)
    code_, stdout, stderr, peak = json.loads(out.stdout)
    return subprocess.CompletedProcess(args, code_, stdout, stderr), peak


def _zip_with(path: Path, name: str, megabytes: int) -> None:
    """A workbook with one more part of `megabytes` MiB of zeros (a few hundred KiB packed)."""
    book = openpyxl.Workbook()
    book.active.title = "plan"
    book.active.append(["id", "date", "kind"])
    book.save(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive, archive.open(name, "w", force_zip64=True) as part:
        chunk = b"\x00" * 2**20
        for _ in range(megabytes):
            part.write(chunk)


def test_a_zip_bomb_workbook_is_refused_from_its_directory(tmp_path):
    evidence = _unit(tmp_path, "[]\n")
    book = evidence / "u" / "2024" / "bomb.xlsx"
    _zip_with(book, "xl/media/pad.bin", 1024)
    assert book.stat().st_size < 2 * 2**20
    done, peak = _peak(["validate", "--evidence", str(evidence), "--rules", str(RULES), "--year", "2024"])
    assert done.returncode == 1
    assert error_lines(done.stderr)[0].startswith(f"Error: {book}: the workbook unpacks to 1,024 MiB in ")
    assert error_lines(done.stderr)[0].endswith(
        "parts, more than the 128 MiB allowed (split the workbook, or save it as CSV)"
    )
    assert peak < 200, peak


def test_a_million_row_sheet_is_refused_before_it_is_read(tmp_path):
    evidence = _unit(tmp_path, "[]\n")
    book = evidence / "u" / "2024" / "big.xlsx"
    source = openpyxl.Workbook()
    source.active.title = "plan"
    source.active.append(["id", "date", "kind"])
    source.active.append(["a", "2024-01-10", "par"])
    source.save(book)
    # Excel states each sheet's size in its <dimension>; this one says a million rows.
    with zipfile.ZipFile(book) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    sheet = next(name for name in parts if name.startswith("xl/worksheets/sheet"))
    parts[sheet] = parts[sheet].replace(b'<dimension ref="A1:C2"/>', b'<dimension ref="A1:C1000001"/>')
    assert b"A1:C1000001" in parts[sheet]
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    done, peak = _peak(["validate", "--evidence", str(evidence), "--rules", str(RULES), "--year", "2024"])
    assert done.returncode == 1
    assert error_lines(done.stderr) == [
        f"Error: {book}[plan]:1: more than 200,000 records in one sheet (1,000,001 rows)"
    ]
    assert peak < 200, peak


def test_a_csv_past_the_size_limit_is_refused_unread(tmp_path):
    evidence = _unit(tmp_path, "[]\n")
    big = evidence / "u" / "2024" / "big.csv"
    with big.open("wb") as stream:
        stream.write(b"id,type,date\n")
        stream.truncate(157 * 2**20)  # sparse: 157 MB on paper, nothing on disk
    done, peak = _peak(["validate", "--evidence", str(evidence), "--rules", str(RULES), "--year", "2024"])
    assert done.returncode == 1
    assert error_lines(done.stderr) == [f"Error: {big}: file larger than 64 MiB (split it into several files)"]
    assert peak < 200, peak


def test_a_csv_at_the_record_limit_streams_under_one_gibibyte(tmp_path):
    evidence = _unit(tmp_path, "[]\n")
    rows = evidence / "u" / "2024" / "rows.csv"
    with rows.open("w", encoding="utf-8") as stream:
        stream.write("id,type,date,kind,tasks_total,tasks_done,document_no,title\n")
        for i in range(200_000):
            stream.write(f"r{i},plan,10/01/2024,par,5,2,{i}/KH-VP,Kế hoạch cải cách hành chính số {i} của Văn phòng\n")
        stream.write("extra,plan,10/01/2024,par,5,2,1/KH,one too many\n")
    done, peak = _peak(["validate", "--evidence", str(evidence), "--rules", str(RULES), "--year", "2024"])
    assert done.returncode == 1
    assert error_lines(done.stderr) == [f"Error: {rows}:200002: more than 200,000 records in one file"]
    assert peak < 1024, peak


def test_a_share_written_as_a_percentage_is_the_fraction(runner, office_copy):
    before = _json(runner, office_copy)
    path = office_copy / OFFICE / "2024" / "surveys.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("share: 0.95", 'share: "95%"'), "utf-8")
    assert '"95%"' in path.read_text(encoding="utf-8")
    assert _totals(_json(runner, office_copy)) == _totals(before)


def test_a_percentage_cell_in_a_workbook_is_read_as_it_shows(runner, office_copy):
    """Excel stores 63% as 0.63 with a percent format: a rate reads 0.63, as the CSV's 0.63."""
    before = _json(runner, office_copy)
    path = office_copy / OFFICE / "2024" / "indicators.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "indicator"
    columns = [c for c in rows[0] if c != "type"]
    sheet.append(columns)
    for row in rows:
        sheet.append([float(row[c]) if c == "value" else row[c] for c in columns])
        value = sheet.cell(row=sheet.max_row, column=columns.index("value") + 1)
        if row["name"] not in ("service_index_766", "staff_over_quota"):  # a score and a count
            value.number_format = "0.0%"
    path.unlink()
    book.save(path.with_suffix(".xlsx"))
    assert _totals(_json(runner, office_copy)) == _totals(before)


OFFICIAL_CASES = [
    ("total: 88.09", "total: 89.09", ":9: components: add up to 88.09, not the total 89.09"),
    ("year: 2023", "year: 2024", ":4: year: 2024 in the 2023 folder"),
    ('"7": 13.35', '"7": 13.53', ":10: areas: add up to 88.27, not the total 88.09"),
    (
        'criteria: ["5.8"]',
        'criteria: ["5.9"]',
        ":55: deductions.11.criteria: '5.9' is not a criterion of PAR Index "
        "of provincial departments, 2023 (did you mean '5.8'?)",
    ),
]


@pytest.mark.parametrize("old, new, message", OFFICIAL_CASES)
def test_published_results_are_checked_against_their_folder_and_themselves(runner, office_copy, old, new, message):
    path = office_copy / OFFICE / "2023" / "official.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    result = runner.invoke(main, ["backtest", "--evidence", str(office_copy), "--rules", str(RULES), "--year", "2023"])
    assert result.exit_code == 1
    assert error_lines(result.output)[0] == f"Error: {path}{message}"


def test_the_template_may_start_a_workbook_in_the_evidence_folder_but_never_replace_one(runner, tmp_path, monkeypatch):
    shutil.copytree(EVIDENCE, tmp_path / "evidence")
    monkeypatch.chdir(tmp_path)
    new = Path("evidence") / OFFICE / "2024" / "them.xlsx"
    result = runner.invoke(main, ["template", "--rules", str(RULES), "-o", str(new)])
    assert result.exit_code == 0, result.output
    assert "plan" in openpyxl.load_workbook(new).sheetnames
    before = new.read_bytes()
    result = runner.invoke(main, ["template", "--rules", str(RULES), "--lang", "en", "-o", str(new)])
    assert result.exit_code == 1
    assert error_lines(result.output)[0].startswith(f"Error: {new}: --output lies inside the evidence folder")
    assert new.read_bytes() == before


def test_excel_csv_variants_read_the_same(runner, tmp_path, monkeypatch):
    """`sep=;` as Excel's first line, a tab-separated file, and the plain comma file: one record each."""
    monkeypatch.chdir(tmp_path)
    variants = {
        "comma.csv": "id,type,date,name,value\na,indicator,01/09/2024,online_applications_rate,0.63\n",
        "sep.csv": "sep=;\nid;type;date;name;value\nb;indicator;01/09/2024;online_applications_rate;0,63\n",
        "tab.csv": "id\ttype\tdate\tname\tvalue\nc\tindicator\t01/09/2024\tonline_applications_rate\t0,63\n",
        "mac.csv": "id,type,date,name,value\rd,indicator,01/09/2024,online_applications_rate,0.63\r",
    }
    evidence = _unit(tmp_path, "[]\n")
    for name, text in variants.items():
        (evidence / "u" / "2024" / name).write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["validate", "--rules", str(RULES), "--year", "2024"])
    assert result.exit_code == 0, result.output
    assert "4 evidence records" in result.output
    (evidence / "u" / "2024" / "sep.csv").write_text(variants["sep.csv"].replace("0,63", "63"), encoding="utf-8")
    result = runner.invoke(main, ["validate", "--rules", str(RULES), "--year", "2024"])
    assert error_lines(result.output)[0].startswith("Error: evidence/u/2024/sep.csv:3: value: 63 is outside 0..1")


def test_digits_excel_made_a_number_are_read_as_the_text_typed(runner, tmp_path, monkeypatch):
    evidence = _unit(tmp_path, "[]\n")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "plan"
    sheet.append(["id", "date", "kind", "document_no"])
    sheet.append([2024, "10/01/2024", "par", 38])
    sheet.append(["b", "10/01/2024", "par", 38.5])
    book.save(evidence / "u" / "2024" / "e.xlsx")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["validate", "--rules", str(RULES), "--year", "2024"])
    assert result.exit_code == 1
    assert error_lines(result.output) == [
        "Error: evidence/u/2024/e.xlsx[plan]:3: document_no: 38.5 is a number, and document_no is text "
        "(format the column as Text in Excel and type the value again)"
    ]


def test_unit_yaml_linked_from_outside_is_refused(runner, tmp_path, monkeypatch):
    evidence = _unit(tmp_path)
    (tmp_path / "elsewhere.yaml").write_text("id: u\nname: Elsewhere\n", encoding="utf-8")
    (evidence / "u" / "unit.yaml").unlink()
    (evidence / "u" / "unit.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["validate", "--rules", str(RULES), "--year", "2024"])
    assert result.exit_code == 1
    assert error_lines(result.output) == [
        "Error: evidence/u/unit.yaml: is a symbolic link that points outside the evidence folder "
        "(copy the file into the evidence folder instead)"
    ]


def test_output_onto_a_pipe_or_a_device_is_refused_not_replaced(runner, tmp_path):
    """Replacing /dev/null or a named pipe with a regular file would destroy it (found while testing)."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    result = runner.invoke(
        main, ["predict", "--evidence", str(EVIDENCE), "--rules", str(RULES), *AS_OF, "-o", str(pipe)]
    )
    assert result.exit_code == 1
    assert error_lines(result.output) == [f"Error: {pipe}: --output is not a regular file: give a file name"]
    assert pipe.is_fifo()


def test_paths_the_system_refuses_are_errors_not_tracebacks(runner, tmp_path):
    long = str(tmp_path / ("x" * 300))
    base = ["predict", *AS_OF]
    cases = [
        (
            ["--evidence", str(EVIDENCE), "--rules", str(RULES), "-o", long + ".json"],
            f"Error: {long}.json: cannot write: the file name is too long",
        ),
        (["--evidence", long, "--rules", str(RULES)], f"Error: {long}: evidence folder not found"),
        (
            ["--evidence", str(EVIDENCE), "--rules", long],
            f"Error: {long}: rules folder not found (pass --rules DIR, or --criteria FILE, or run `scorer init` to start a project)",
        ),
        (
            ["--evidence", str(EVIDENCE), "--criteria", long + ".yaml"],
            f"Error: {long}.yaml: cannot read: the file name is too long",
        ),
    ]
    for args, first in cases:
        result = runner.invoke(main, [*base, *args])
        assert result.exit_code == 1, (args, result.output)
        assert error_lines(result.output)[0] == first
        assert result.exception is None or isinstance(result.exception, SystemExit)
    # In Vietnamese, the system's reason too: no "File name too long" inside a Vietnamese line.
    vietnamese = [
        (["-o", long + ".json"], f"Lỗi: {long}.json: không ghi được: tên tệp quá dài"),
        (["--criteria", long + ".yaml"], f"Lỗi: {long}.yaml: không đọc được: tên tệp quá dài"),
    ]
    for args, first in vietnamese:
        result = runner.invoke(main, [*base, "--evidence", str(EVIDENCE), "--rules", str(RULES), *args, "--lang", "vi"])
        assert result.exit_code == 1, (args, result.output)
        assert error_lines(result.output)[0] == first
    # As a person runs it, with no language chosen: Vietnamese, the reason too.
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "scorer",
            "predict",
            *base[1:],
            "--evidence",
            str(EVIDENCE),
            "--criteria",
            long + ".yaml",
        ],
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "SCORER_LANG"},
    )
    assert run.returncode == 1
    assert run.stderr == f"Lỗi: {long}.yaml: không đọc được: tên tệp quá dài\n"


def test_a_unit_folder_named_in_nfd_is_the_unit_of_its_nfc_id(runner, tmp_path):
    """macOS stores file names decomposed: the folder `đơn-vị` (NFD) holds the unit `đơn-vị`."""
    name = "sở-tư-pháp"
    evidence = tmp_path / "evidence"
    shutil.copytree(EVIDENCE / OFFICE, evidence / unicodedata.normalize("NFD", name))
    unit = evidence / unicodedata.normalize("NFD", name) / "unit.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace(f"id: {OFFICE}", f"id: {name}"), "utf-8")
    official = evidence / unicodedata.normalize("NFD", name) / "2023" / "official.yaml"
    official.write_text(official.read_text(encoding="utf-8").replace(f"unit: {OFFICE}", f"unit: {name}"), "utf-8")
    base = ["--evidence", str(evidence), "--rules", str(RULES)]
    result = runner.invoke(main, ["backtest", *base, "--year", "2023", "--unit", name])
    assert result.exit_code == 0, result.output
    assert result.output.rstrip().endswith("Total: 88.09 vs 88.09: reproduced")


def test_a_sheet_with_no_stated_size_is_counted_before_it_is_parsed(tmp_path):
    """Not every tool writes <dimension>: the rows are counted in the XML first (bytes, fast)."""
    evidence = _unit(tmp_path, "[]\n")
    book = evidence / "u" / "2024" / "rows.xlsx"
    source = openpyxl.Workbook()
    source.active.title = "plan"
    source.save(book)
    with zipfile.ZipFile(book) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    sheet = next(name for name in parts if name.startswith("xl/worksheets/sheet"))
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            if name != sheet:
                archive.writestr(name, data)
        with archive.open(sheet, "w") as stream:
            stream.write(
                b'<?xml version="1.0" encoding="UTF-8"?><worksheet '
                b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            )
            stream.write(b'<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>')
            row = '<row r="{0}"><c r="A{0}" t="inlineStr"><is><t>r{0}</t></is></c></row>'
            for start in range(2, 300_002, 10_000):
                stream.write("".join(row.format(i) for i in range(start, start + 10_000)).encode())
            stream.write(b"</sheetData></worksheet>")
    done, peak = _peak(["validate", "--evidence", str(evidence), "--rules", str(RULES), "--year", "2024"])
    assert done.returncode == 1
    first = error_lines(done.stderr)[0]
    assert first.startswith(f"Error: {book}[plan]:1: more than 200,000 records in one sheet (")
    assert peak < 300, peak


def test_evidence_put_one_level_too_high_is_an_error_not_left_out(runner, tmp_path, monkeypatch):
    evidence = _unit(tmp_path)
    monkeypatch.chdir(tmp_path)
    (evidence / "u" / "reports.csv").write_text("id,type,date,kind\nx,plan,2024-01-10,par\n", encoding="utf-8")
    result = runner.invoke(main, ["validate", "--rules", str(RULES), "--year", "2024"])
    assert result.exit_code == 1
    assert error_lines(result.output) == [
        "Error: evidence/u/reports.csv: an evidence file outside a unit's year folder is not read "
        "(move it into the year folder it belongs to, e.g. evidence/<unit>/2024/)"
    ]
    (evidence / "u" / "reports.csv").rename(evidence / "plans.yaml")
    result = runner.invoke(main, ["validate", "--rules", str(RULES), "--year", "2024"])
    assert result.exit_code == 1
    assert error_lines(result.output)[0].startswith("Error: evidence/plans.yaml: an evidence file outside")


@pytest.mark.parametrize("name, day", [("cutoff", "2023-12-15"), ("report_q1_due", "0024-03-15")])
def test_calendar_dates_far_from_the_sets_year_are_refused(runner, tmp_path, name, day):
    data = yaml.safe_load((RULES / "criteria_2024.yaml").read_text(encoding="utf-8"))
    data["calendar"][name] = day
    path = tmp_path / "criteria_2024.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = runner.invoke(main, ["predict", "--criteria", str(path), "--evidence", str(EVIDENCE), *AS_OF])
    assert result.exit_code == 1
    first = error_lines(result.output)[0]
    assert first.endswith(f": calendar.{name}: {day} is too far from 2024: is the year mistyped?"), first


def test_a_target_its_metric_can_never_reach_is_refused(runner, tmp_path):
    """A rate's target typed as 80 instead of 0.8 would score the criterion 0 whatever the evidence."""
    text = (RULES / "criteria_2024.yaml").read_text(encoding="utf-8")
    old = "rule: {kind: linear, metric: online_applications, target: 0.8}"
    assert old in text
    path = tmp_path / "criteria_2024.yaml"
    path.write_text(text.replace(old, old.replace("0.8", "80")), encoding="utf-8")
    result = runner.invoke(main, ["validate", "--criteria", str(path), "--evidence", str(EVIDENCE)])
    assert result.exit_code == 1
    line = text[: text.index(old)].count("\n") + 1
    assert error_lines(result.output) == [
        f"Error: {path}:{line}: areas.6.criteria.10.rule.target: 80 can never be reached: metric "
        "'online_applications' is the rate 'online_applications_rate' (0..1) (80 looks like a percentage: write 0.8)"
    ]


def test_the_sheet_writer_itself_refuses_a_what_if_prediction(tmp_path):
    from scorer import api
    from scorer.render import xlsx

    request = api.Request(evidence=EVIDENCE, rules=RULES, as_of=dt.date(2024, 9, 30), what_if=(_what_if(tmp_path),))
    with pytest.raises(ValueError, match="never written from a what-if prediction"):
        xlsx.prediction(api.predict(request), "vi")

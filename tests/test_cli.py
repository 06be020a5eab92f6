from __future__ import annotations

import json
import os
import shutil
import re
import subprocess
import sys

import pytest

from scorer.cli import main
from tests.conftest import ROOT


@pytest.fixture(autouse=True)
def in_repo(monkeypatch):
    monkeypatch.chdir(ROOT)


def test_predict_table_for_2024(runner):
    result = runner.invoke(main, ["predict", "--as-of", "2024-09-30"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("Văn phòng UBND tỉnh (van-phong-ubnd-tinh) · Year 2024 · As of 2024-09-30")
    assert any(line.split()[:1] == ["Total"] or "Total" in line for line in lines)
    assert "At-risk criteria" in result.output
    assert "Trung tâm Thông tin" in result.output


def test_predict_json_2023_reproduces_the_published_result(runner):
    result = runner.invoke(main, ["predict", "--year", "2023", "--unit", "van-phong-ubnd-tinh", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["schema"] == "scorer.prediction/1"
    unit = data["units"][0]
    assert unit["total"]["expected"] == 88.09 and unit["total"]["class"]["expected"] == "Tốt"
    assert {a["id"]: a["expected"] for a in unit["areas"]} == {
        "1": 6.58,
        "2": 10.11,
        "3": 14.0,
        "4": 11.97,
        "5": 11.45,
        "6": 11.24,
        "7": 13.35,
        "8": 9.39,
    }
    assert {c["id"]: c["expected"] for c in unit["components"]} == {
        "appraisal": 61.2,
        "leaders_survey": 17.5,
        "citizens_survey": 9.39,
    }
    assert data["ranking"] == [
        {
            "rank": 1,
            "of": 1,
            "unit": "van-phong-ubnd-tinh",
            "unit_name": "Văn phòng UBND tỉnh",
            "low": 88.09,
            "expected": 88.09,
            "high": 88.09,
            "class": "Tốt",
            "index": 88.09,
        }
    ]
    assert unit["index"] == {"low": 88.09, "expected": 88.09, "high": 88.09} and unit["total"]["max"] == 100


def test_prediction_json_contract(runner):
    data = json.loads(runner.invoke(main, ["predict", "--as-of", "30/09/2024", "--format", "json"]).output)
    assert set(data) == {"schema", "units", "ranking"}
    unit = data["units"][0]
    assert {"unit", "year", "as_of", "criteria_set", "total", "components", "areas", "criteria", "risks"} <= set(unit)
    assert unit["as_of"] == "2024-09-30" and unit["criteria_set"] == "criteria_2024.yaml"
    for c in unit["criteria"]:
        assert {"id", "title", "area", "source", "status", "evidence", "max", "low", "expected", "high"} <= set(c)
        assert c["low"] <= c["expected"] <= c["high"] <= c["max"]
    risk_fields = {
        "criterion",
        "title",
        "at_stake",
        "worst_case",
        "reason",
        "owner",
        "owner_division",
        "cooperating",
        "cooperating_divisions",
        "deadline",
        "remedy",
        "missing_proofs",
    }
    assert set(unit["index"]) == {"low", "expected", "high"} and unit["provenance"]["kind"] == "model"
    for r in unit["risks"]:
        assert risk_fields <= set(r)
        assert r["reason"] in {
            "missing_evidence",
            "no_evidence",
            "pending",
            "overdue",
            "below_band",
            "below_target",
            "unsupported",
            "survey_estimate",
            "missing_proof",
        }


def test_backtest_names_the_three_gaps(runner):
    result = runner.invoke(main, ["backtest", "--year", "2023"])
    assert result.exit_code == 0, result.output
    assert "Area 1 (Direction and steering of PAR): 0.01 ← 1.7 −0.01" in result.output
    assert "Area 4 (Reform of the administrative apparatus): 0.23 ← 4.3.2 −0.23" in result.output
    assert "Area 6 (Public finance reform): 0.15 ← 6.1 −0.11, 6.7 −0.04" in result.output
    assert result.output.rstrip().endswith("Total: 88.09 vs 88.09: reproduced")


def test_backtest_defaults_to_the_newest_published_year(runner):
    result = runner.invoke(main, ["backtest", "--format", "json"])
    checks = json.loads(result.output)
    assert checks[0]["year"] == 2023 and checks[0]["reproduced"] is True
    assert [g["id"] for g in checks[0]["gaps"]] == ["1", "4", "6"]


def test_explain_traces_points_to_documents(runner):
    result = runner.invoke(main, ["explain", "1.2", "--as-of", "2024-09-30"])
    assert result.exit_code == 0, result.output
    assert "deductions: 1 - 0.25 x PAR reports late, missing or not conforming" in result.output
    assert "4 obligations: 2 on time, 1 late, 1 pending" in result.output
    assert "121/BC-VPUB" in result.output and "reports.csv:3" in result.output
    assert "Points: Low 0.50 · Expected 0.69 · High 0.75" in result.output
    # the pending annual report's chance and what it rests on
    data = json.loads(runner.invoke(main, ["explain", "1.2", "--as-of", "2024-09-30", "--format", "json"]).output)
    (metric,) = data[0]["criterion"]["metrics"]
    assert (
        "chance of meeting it in time 76.71%: from the unit's record this year, at last year's pace (last year 15 "
        "of 15 obligations due after this day met on time, against 39 of 40 due by it)" in (metric["how"])
    )


def test_explain_shows_the_marks_column_only_when_a_record_is_marked(runner):
    def evidence_table(criterion: str) -> list[str]:
        lines = runner.invoke(main, ["explain", criterion, "--as-of", "2024-09-30"]).output.splitlines()
        start = next(i for i, line in enumerate(lines) if line.startswith("Evidence used"))
        end = lines.index("", start)
        return lines[start + 1 : end]

    plain = evidence_table("1.2")
    assert len(plain[1].split()) == 5, plain[1]  # id, date, number, file, title: no empty sixth column
    marked = evidence_table("1.4.2")
    assert marked[0].split()[-1] == "Note"
    # Each mark says why the appraisal would not take the record: the plan of the contest names a
    # scan that is not in the folder; the social-media posts have no document number.
    rows = {line.split()[0]: line.rstrip() for line in marked[2:] if line[:1].strip()}
    assert rows["tt-cuocthi-2024"].endswith("unsupported: the attached file is not there")
    assert rows["tt-mxh-2024"].endswith("unsupported: no document number")
    assert not rows["tt-bao-2024"].endswith("there")


def test_explain_json(runner):
    data = json.loads(runner.invoke(main, ["explain", "1.4.2", "--as-of", "2024-09-30", "--format", "json"]).output)
    used = {e["id"]: e for e in data[0]["criterion"]["evidence_used"]}
    assert used["tt-mxh-2024"]["supported"] is False and used["tt-cuocthi-2024"]["supported"] is False
    assert (used["tt-mxh-2024"]["unsupported"], used["tt-cuocthi-2024"]["unsupported"]) == (
        "no_number",
        "attachment_missing",
    )
    assert used["tt-bao-2024"]["supported"] is True and used["tt-bao-2024"]["unsupported"] is None
    assert used["tt-bao-2024"]["line"] == 35 and used["tt-bao-2024"]["file"].endswith("activities.yaml")


def test_explain_unknown_criterion(runner):
    result = runner.invoke(main, ["explain", "1.9", "--as-of", "2024-09-30"])
    assert result.exit_code == 1
    assert result.output.splitlines()[0].startswith("Error: criteria_2024.yaml: no criterion '1.9' (did you mean")


def test_risks_for_one_owner(runner, cs2024):
    result = runner.invoke(main, ["risks", "--owner", "service_centre", "--as-of", "2024-09-30", "--format", "json"])
    risks = json.loads(result.output)[0]["risks"]
    led = {c.id for c in cs2024.criteria() if "service_centre" in c.owners}
    assert risks and {r["criterion"] for r in risks} <= led
    # a criterion with several leads is listed for each; its owner is the first lead
    assert {r["owner_division"] for r in risks} == {"Trung tâm Phục vụ Hành chính công", "Trung tâm Thông tin"}
    assert {r["criterion"] for r in risks if r["owner"] == "information"} == {"8.1"}


def test_validate_shipped_evidence(runner):
    result = runner.invoke(main, ["validate"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("OK: criteria_2024.yaml (66 criteria), 1 unit(s), ")


@pytest.mark.parametrize(
    "args, message",
    [
        (["predict", "--as-of", "31/02/2024"], "'31/02/2024' is not a day of the calendar"),
        (
            ["predict", "--as-of", "09/30/2024"],
            "'09/30/2024' is not a day of the calendar: dates are day/month/year (did you mean '30/09/2024'?)",
        ),
        (["predict", "--format", "pdf"], "'pdf' is not one of"),
        (["predict", "--horizon", "-1"], "-1 is not in the range"),
        (["bogus"], "No such command 'bogus'"),
    ],
)
def test_usage_errors_exit_2(runner, args, message):
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert message in result.output


@pytest.mark.parametrize(
    "args, first",
    [
        (
            ["predict", "--unit", "van-phong"],
            "Error: evidence: no unit 'van-phong' (did you mean 'van-phong-ubnd-tinh'?)",
        ),
        (
            ["predict", "--year", "2019"],
            "Error: rules/criteria_2019.yaml: no criteria set for 2019 (sets here: 2023, 2024) (pass --year or --criteria FILE)",
        ),
        (["predict", "--evidence", "nowhere"], "Error: nowhere: evidence folder not found"),
        (
            ["predict", "--rules", "nowhere"],
            "Error: nowhere: rules folder not found (pass --rules DIR, or --criteria FILE, or run `scorer init` to start a project)",
        ),
        (["predict", "--rules", "evidence"], "Error: evidence: no criteria_<year>.yaml here (pass --criteria FILE)"),
        (["backtest", "--year", "2024"], "Error: evidence: no unit has an official.yaml for 2024"),
    ],
)
def test_bad_choices_exit_1(runner, args, first):
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == first


def test_output_file_is_written_whole(runner, tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    result = runner.invoke(main, ["predict", "--as-of", "2024-09-30", "--format", "json", "--output", str(target)])
    assert result.exit_code == 0 and result.output == f"Wrote the prediction to {target}\n"
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "scorer.prediction/1"
    assert oct(target.stat().st_mode & 0o777) != "0o600"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_failed_run_leaves_the_output_untouched(runner, tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    result = runner.invoke(main, ["predict", "--unit", "nobody", "--output", str(target)])
    assert result.exit_code == 1
    assert target.read_text(encoding="utf-8") == "old"


def test_inputs_are_never_written(runner):
    before = {p: p.stat().st_mtime_ns for p in (ROOT / "evidence").rglob("*") if p.is_file()}
    runner.invoke(main, ["predict", "--as-of", "2024-09-30"])
    runner.invoke(main, ["backtest"])
    after = {p: p.stat().st_mtime_ns for p in (ROOT / "evidence").rglob("*") if p.is_file()}
    assert before == after


def test_real_subprocess_prints_the_table_and_exits_0():
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "scorer", "predict", "--as-of", "2024-09-30"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Văn phòng UBND tỉnh" in done.stdout and "At-risk criteria" in done.stdout


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_output_redirected_under_a_code_page_without_vietnamese_is_written_as_utf8(encoding):
    """`scorer predict > out.txt` in a Windows shell: the pipe's code page (cp1252) cannot hold
    'ă', which used to stop the run with a traceback; the output is UTF-8 instead."""
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    done = subprocess.run(
        [sys.executable, "-m", "scorer", "predict", "--as-of", "2024-09-30", "--lang", "vi"],
        cwd=ROOT,
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "Văn phòng UBND tỉnh" in done.stdout.decode("utf-8")
    assert done.stderr == b""
    helped = subprocess.run(
        [sys.executable, "-m", "scorer", "--help"], cwd=ROOT, capture_output=True, env=env, timeout=120
    )
    assert helped.returncode == 0 and "Biểu tự đánh giá" in helped.stdout.decode("utf-8")


def test_real_subprocess_bad_input_exits_1_without_traceback(tmp_path):
    unit = tmp_path / "evidence" / "u"
    (unit / "2024").mkdir(parents=True)
    (unit / "unit.yaml").write_text("id: u\nname: U\n", encoding="utf-8")
    (unit / "2024" / "e.csv").write_text("id,type,date\na,plan,2024-01-01\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "scorer", "predict", "--rules", str(ROOT / "rules")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "Error: evidence/u/2024/e.csv:2: kind: missing (required)",
        "  2 | a,plan,2024-01-01",
        "    | " + "^" * 17,
    ]
    assert done.stdout == ""


def test_several_units_give_a_ranking_then_each_unit_on_request(runner, tmp_path, cs2024):
    from scorer import synthetic

    for n in range(4):
        synthetic.write_unit(tmp_path, f"unit-{n}", cs2024, 40, n)
    args = ["predict", "--evidence", str(tmp_path), "--as-of", "2024-09-30"]
    ranking = runner.invoke(main, args)
    assert ranking.exit_code == 0, ranking.output
    lines = ranking.output.splitlines()
    ranks = [line.split()[0] for line in lines[3:7]]
    # ranked by total, a tie sharing its rank ("3/4" twice)
    assert lines[0] == "Ranking" and ranks[0] == "1/4" and all(r.endswith("/4") for r in ranks)
    assert ranks == sorted(ranks, key=lambda r: int(r.split("/")[0]))
    assert len(lines) == 7 and "At-risk criteria" not in ranking.output
    detail = runner.invoke(main, args + ["--detail"])
    assert detail.output.startswith(ranking.output) and detail.output.count("At-risk criteria") == 4
    html = runner.invoke(main, args + ["--format", "html"])
    assert html.output.count('class="unit"') == 0 and ranks[-1] in html.output


def test_validate_warns_when_one_number_names_two_documents(runner, office_copy):
    path = office_copy / "van-phong-ubnd-tinh" / "2024" / "documents.yaml"
    text = path.read_text(encoding="utf-8").replace("document_no: 06/QĐ-VPUB", "document_no: 03/QĐ-VPUB")
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(
        main, ["validate", "--evidence", str(office_copy), "--rules", str(ROOT / "rules"), "--year", "2024"]
    )
    assert result.exit_code == 0, result.output
    warning, ok = result.output.splitlines()
    line = next(i for i, t in enumerate(text.splitlines(), start=1) if "qd-motcua-2024" in t)
    first = next(i for i, t in enumerate(text.splitlines(), start=1) if "qc-taisan-2024" in t)
    assert warning == (
        f"Warning: {path}:{line}: document_no: 03/QĐ-VPUB of 2024 also names 'qc-taisan-2024' ({path}:{first}) "
        "with another title and date: 'Quyết định cử công chức làm việc tại Trung tâm Phục vụ hành chính công tỉnh' "
        "15/01/2024 vs 'Quy chế quản lý, sử dụng tài sản công của Văn phòng' 05/01/2024 "
        "(one number and symbol names one document a year)"
    )
    assert ok.startswith("OK: criteria_2024.yaml")


def _unit_with(tmp_path, year: int, name: str, text: str):
    """An evidence folder with one unit, Sở Nội vụ, whose `year` folder holds one file: its path."""
    unit = tmp_path / "evidence" / "u"
    (unit / str(year)).mkdir(parents=True)
    (unit / "unit.yaml").write_text("id: u\nname: Sở Nội vụ\n", encoding="utf-8")
    path = unit / str(year) / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "lang, want",
    [
        (
            "vi",
            "Cảnh báo: {path}:1: submitted: báo cáo 'bc-q1' chưa ghi ngày gửi: được tính là chưa gửi "
            "(nếu đã gửi, ghi ngày gửi báo cáo)",
        ),
        (
            "en",
            "Warning: {path}:1: submitted: the report 'bc-q1' has no date sent: it counts as not sent "
            "(if it was sent, write the day it was sent)",
        ),
    ],
)
def test_validate_warns_of_a_report_with_no_day_sent_which_counts_as_not_sent(runner, tmp_path, lang, want):
    path = _unit_with(
        tmp_path,
        2024,
        "bc.yaml",
        "- {id: bc-q1, type: report, period: q1, date: 2024-03-12, due: 2024-03-15}\n"
        "- {id: bc-h1, type: report, period: h1, date: 2024-06-12, due: 2024-06-15, submitted: 2024-06-12}\n",
    )
    args = ["validate", "--evidence", str(tmp_path / "evidence"), "--rules", str(ROOT / "rules"), "--lang", lang]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert [line for line in result.stderr.splitlines() if "bc-" in line] == [want.format(path=path)]
    # The warning says what the forecast does: the report with no day sent is a report not sent.
    explain = runner.invoke(main, ["explain", "1.2", *args[1:5], "--as-of", "2024-09-30", "--lang", "vi"])
    assert explain.exit_code == 0, explain.output
    assert "Hạn báo cáo quý I 15/03/2024 chưa thực hiện bc-q1" in [
        " ".join(r.split()) for r in explain.output.splitlines()
    ]


def test_validate_warns_of_a_due_day_that_is_not_the_sets_and_a_day_sent_after_the_cutoff(runner, tmp_path):
    path = _unit_with(
        tmp_path,
        2024,
        "bc.yaml",
        "- {id: bc-q1, type: report, period: q1, date: 2024-03-20, due: 2024-03-25, submitted: 2024-03-20}\n"
        "- {id: bc-h1, type: report, period: h1, date: 2024-06-12, due: 2024-06-15, submitted: 2025-06-20}\n",
    )
    args = ["validate", "--evidence", str(tmp_path / "evidence"), "--rules", str(ROOT / "rules"), "--lang", "vi"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"Cảnh báo: {path}:1: due: hạn của 'bc-q1' theo bộ tiêu chí là 15/03/2024, không phải 25/03/2024: "
        "tính theo hạn của bộ tiêu chí (nếu tỉnh quy định hạn khác, sửa lịch (calendar) trong bộ tiêu chí)",
        f"Cảnh báo: {path}:2: submitted: ngày 20/06/2025 muộn hơn ngày chốt số liệu năm 2024 (31/12/2024): "
        "được tính là chưa thực hiện trong năm (kiểm tra lại năm của ngày này)",
    ]
    # What the warnings say is what the forecast does: Q1 late by the set's day, H1 not sent in the year.
    explain = runner.invoke(main, ["explain", "1.2", *args[1:], "--as-of", "2024-12-31"])
    rows = [" ".join(r.split()) for r in explain.output.splitlines()]
    assert "Hạn báo cáo quý I 15/03/2024 trễ hạn bc-q1" in rows
    assert "Hạn báo cáo 6 tháng 15/06/2024 chưa thực hiện bc-h1" in rows


@pytest.mark.parametrize("year", [2023, 2024])
def test_validate_refuses_a_record_after_the_cutoff_in_last_years_folder(runner, tmp_path, year):
    path = _unit_with(
        tmp_path,
        2023,
        "e.yaml",
        "- {id: late, type: plan, kind: par, date: 2024-02-01, tasks_total: 2, tasks_done: 1}\n",
    )
    args = ["validate", "--evidence", str(tmp_path / "evidence"), "--rules", str(ROOT / "rules"), "--year", str(year)]
    vi, en = runner.invoke(main, [*args, "--lang", "vi"]), runner.invoke(main, [*args, "--lang", "en"])
    assert vi.exit_code == en.exit_code == 1
    assert vi.stderr.splitlines()[0] == (
        f"Lỗi: {path}:1: date: ngày 01/02/2024 muộn hơn ngày chốt số liệu năm 2023 (31/12/2023) "
        "(bản ghi của năm sau để trong thư mục của năm đó)"
    )
    assert en.stderr.splitlines()[0] == (
        f"Error: {path}:1: date: 01/02/2024 is after the 2023 data cut-off (31/12/2023) "
        "(a record of the next year goes in that year's folder)"
    )


def test_a_record_in_last_years_folder_dated_after_the_as_of_day_is_not_seen_by_that_days_forecast(
    runner, office_copy, tmp_path
):
    """Last year's folder read as it stood on the as-of day: a misfiled record dated after it leaves
    that day's forecast byte for byte as it was (text and JSON); once the day reaches it, the
    forecast refuses it as `validate` does."""
    rules = ["--evidence", str(office_copy), "--rules", str(ROOT / "rules")]

    def forecast(as_of: str, fmt: str) -> tuple[int, str, bytes]:
        out = tmp_path / f"out.{fmt}"
        result = runner.invoke(main, ["predict", *rules, "--as-of", as_of, "--format", fmt, "-o", str(out)])
        return result.exit_code, result.stderr, out.read_bytes() if out.exists() else b""

    before = {fmt: forecast("2024-06-30", fmt) for fmt in ("json", "csv")}
    table = runner.invoke(main, ["predict", *rules, "--as-of", "2024-06-30"]).stdout
    path = office_copy / "van-phong-ubnd-tinh" / "2023" / "late.yaml"
    path.write_text(
        "- {id: late, type: plan, kind: par, date: 2024-08-10, document_no: 9/KH-VP, tasks_total: 2, tasks_done: 2}\n",
        encoding="utf-8",
    )
    assert {fmt: forecast("2024-06-30", fmt) for fmt in ("json", "csv")} == before
    assert runner.invoke(main, ["predict", *rules, "--as-of", "2024-06-30"]).stdout == table
    seen = runner.invoke(main, ["predict", *rules, "--as-of", "2024-09-30", "--lang", "vi"])
    assert seen.exit_code == 1
    assert seen.stderr.splitlines()[0] == (
        f"Lỗi: {path}:1: date: ngày 10/08/2024 muộn hơn ngày chốt số liệu năm 2023 (31/12/2023) "
        "(bản ghi của năm sau để trong thư mục của năm đó)"
    )


@pytest.mark.parametrize("year", [2023, 2024])
def test_shipped_evidence_names_each_document_once(runner, monkeypatch, year):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(main, ["validate", "--year", str(year)])
    assert result.exit_code == 0 and "Warning" not in result.output, result.output


def test_a_plans_progress_snapshots_and_cited_reports_are_not_conflicts(tmp_path, runner):
    from tests.conftest import write_unit

    records = [
        {
            "id": "kh",
            "type": "plan",
            "kind": "par",
            "date": "2024-01-10",
            "document_no": "05/KH-X",
            "title": "Kế hoạch",
            "tasks_total": 4,
        },
        {
            "id": "kh-q3",
            "type": "plan",
            "kind": "par",
            "date": "2024-09-13",
            "document_no": "05/KH-X",
            "title": "Tiến độ",
            "tasks_total": 4,
            "tasks_done": 3,
        },
        {
            "id": "bc",
            "type": "report",
            "period": "q3",
            "date": "2024-09-13",
            "due": "2024-09-15",
            "submitted": "2024-09-13",
            "document_no": "9/BC-X",
            "title": "Báo cáo quý III",
        },
        {
            "id": "tt",
            "type": "communication",
            "form": "portal",
            "date": "2024-09-13",
            "document_no": "9/BC-X",
            "title": "Tin bài trên trang",
        },
        # the same number in another year is another document
        {
            "id": "qd-2023",
            "type": "document",
            "kind": "working_rules",
            "date": "2023-02-01",
            "document_no": "9/BC-X",
            "title": "Khác",
        },
    ]
    write_unit(tmp_path / "ev", "u", {2024: records})
    result = runner.invoke(
        main, ["validate", "--evidence", str(tmp_path / "ev"), "--rules", str(ROOT / "rules"), "--year", "2024"]
    )
    assert result.exit_code == 0 and "Warning" not in result.output, result.output


def test_backtest_compares_every_appraised_sub_criterion(runner, office_copy):
    path = office_copy / "van-phong-ubnd-tinh" / "2023" / "official.yaml"
    text = path.read_text(encoding="utf-8").replace('"1.3.1": 0.7', '"1.3.1": 0.5, "1.2": 1')
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(
        main, ["backtest", "--evidence", str(office_copy), "--rules", str(ROOT / "rules"), "--year", "2023"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("1.3.1 "))
    row = " ".join(lines[at].split())
    assert "1.00 0.70 0.50 0.70 appraisal below the self-score by 0.20;" in row
    assert "rules above the appraisal by 0.20" in " ".join(lines[at + 1].split())
    assert next(line for line in lines if line.startswith("1.2 ")).endswith("all agree")
    assert lines[-1] == "Total: 88.09 vs 88.09: NOT reproduced"


def test_shipped_backtest_lists_the_appraised_sub_criteria(runner, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(main, ["backtest", "--year", "2023", "--format", "json"])
    (check,) = json.loads(result.output)
    assert [c["id"] for c in check["criteria"]] == ["1.1.2", "1.3.1", "1.4.2", "1.5", "1.6", "7.1.1", "7.3.2"]
    assert {tuple(c["differences"]) for c in check["criteria"]} == {("agree",)}
    assert check["reproduced"]


def test_predict_gives_the_satisfaction_index_its_own_line(runner, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(main, ["predict", "--as-of", "2024-09-30"])
    assert (
        "Satisfaction index (SIPAS, criterion 8.1): 2023: rank 16/20; "
        "2024 estimate 95% (75–100%) → 9.50 of 10.00 points"
    ) in result.output.splitlines()
    data = json.loads(runner.invoke(main, ["predict", "--as-of", "2024-09-30", "--format", "json"]).output)
    sipas = data["units"][0]["satisfaction"]
    assert sipas["points"] == {"max": 10.0, "low": 7.5, "expected": 9.5, "high": 10.0}
    assert (sipas["last_rank"], sipas["last_of"], sipas["basis"]) == (16, 20, "internal")


@pytest.mark.parametrize(
    "lang, basis, metric",
    [
        (
            "vi",
            "Ước tính khảo sát từ: giả định ban đầu của bộ tiêu chí (chưa có kết quả khảo sát)",
            "Tỷ lệ hài lòng (khảo sát)",
        ),
        (
            "en",
            "Survey estimate from: the criteria set's starting assumption (no survey yet)",
            "Satisfaction share (survey)",
        ),
    ],
)
def test_explain_names_where_a_survey_estimate_comes_from_in_words(runner, tmp_path, lang, basis, metric):
    unit = tmp_path / "evidence" / "u"
    (unit / "2024").mkdir(parents=True)
    (unit / "unit.yaml").write_text("id: u\nname: Sở Tư pháp\n", encoding="utf-8")
    args = ["explain", "2.6", "--evidence", str(tmp_path / "evidence"), "--rules", str(ROOT / "rules")]
    result = runner.invoke(main, [*args, "--as-of", "2024-09-30", "--lang", lang])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert basis in lines
    assert any(line.startswith(metric + "  ") for line in lines)
    if lang == "vi":  # no identifier of the code in the reader's language
        assert "prior" not in result.output and "Survey" not in result.output


@pytest.mark.parametrize(
    ("typed", "lang", "first"),
    [
        (
            "72",
            "vi",
            "72 nằm ngoài khoảng 0..1 của tỉ lệ 'Tỷ lệ hồ sơ nộp trực tuyến' (có phải là 0,72 (72%)? ghi 0,72 "
            "hoặc 72%; hoặc: 0.072 bị đọc thành 72? bảng tính đặt ngôn ngữ tiếng Việt coi '.' là dấu phân cách "
            "hàng nghìn: ghi 0,072 hoặc định dạng cột là văn bản (Text))",
        ),
        (
            "87.5",
            "vi",
            "87,5 nằm ngoài khoảng 0..1 của tỉ lệ 'Tỷ lệ hồ sơ nộp trực tuyến' (có phải là 0,875 "
            "(87,5%)? ghi 0,875 hoặc 87,5%)",
        ),
        (
            "1.5",
            "vi",
            "1,5 nằm ngoài khoảng 0..1 của tỉ lệ 'Tỷ lệ hồ sơ nộp trực tuyến' (có phải là 0,015 "
            "(1,5%)? ghi 0,015 hoặc 1,5%)",
        ),
        (
            "72",
            "en",
            "72 is outside 0..1, the range of the rate 'Applications filed online' (is it 0.72 (72%)? write 0.72 "
            "or 72%; or: 0.072 read as 72? a spreadsheet set to Vietnamese takes '.' for thousands: write 0,072 "
            "or set the column to text)",
        ),
    ],
)
def test_a_rate_out_of_range_names_the_indicator_in_words(runner, tmp_path, typed, lang, first):
    """The indicator by its title, never its code (`online_applications_rate`); a value in (1, 100]
    typed for a 0..1 rate read as the percentage it likely is, as a Vietnamese number."""
    path = _unit_with(
        tmp_path,
        2024,
        "i.csv",
        f"id,type,name,value,date\ni1,indicator,online_applications_rate,{typed},30/06/2024\n",
    )
    args = ["validate", "--evidence", str(tmp_path / "evidence"), "--rules", str(ROOT / "rules"), "--lang", lang]
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    word = "Lỗi" if lang == "vi" else "Error"
    assert result.stderr.splitlines()[0] == f"{word}: {path}:2: value: {first}"
    assert "online_applications_rate" not in result.stderr.splitlines()[0]


def test_explain_names_an_assigned_task_by_its_title_not_its_id(runner, vietnamese_default):
    # 1.7 counts the tasks the province assigned: each row is the task an officer knows by its
    # title ("Tổng hợp báo cáo giáo dục"), with its record id in the last column; a report's
    # obligation is still named by its deadline.
    lines = runner.invoke(main, ["explain", "1.7", "--as-of", "2024-09-30"]).output.splitlines()
    row = next(line for line in lines if line.rstrip().endswith("nv-2024-01"))
    assert row.split("  ")[0] == "Tổng hợp báo cáo giáo dục"
    data = json.loads(runner.invoke(main, ["explain", "1.7", "--as-of", "2024-09-30", "--format", "json"]).output)
    first = data[0]["criterion"]["obligations"][0]
    assert (first["label"], first["title"], first["record"]) == (
        "nv-2024-01",
        "Tổng hợp báo cáo giáo dục",
        "nv-2024-01",
    )
    reports = json.loads(runner.invoke(main, ["explain", "1.2", "--as-of", "2024-09-30", "--format", "json"]).output)
    assert {o["title"] for o in reports[0]["criterion"]["obligations"]} == {None}
    assert "Hạn báo cáo quý I" in runner.invoke(main, ["explain", "1.2", "--as-of", "2024-09-30"]).output


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_risks_help_shows_owner_as_a_user_types_it(runner, lang):
    """The example and the option's help name a division as unit.yaml writes it, never a role id of
    the criteria set (`information`), and the example runs as shown."""
    import csv
    import io
    import shlex

    page = runner.invoke(main, ["risks", "--help", "--lang", lang], prog_name="scorer").output
    example = next(line.strip() for line in page.splitlines() if "scorer risks --owner" in line)
    word = "Ví dụ: " if lang == "vi" else "Example: "
    assert example.startswith(word + 'scorer risks --owner "Trung tâm Thông tin" --as-of ')
    assert " information" not in page and "role" not in page and "vai trò" not in page
    args = shlex.split(example.removeprefix(word))[1:]
    paths = ["--evidence", str(ROOT / "evidence"), "--rules", str(ROOT / "rules"), "--format", "csv"]
    result = runner.invoke(main, [*args, *paths, "--lang", "en"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output.removeprefix("\ufeff"))))
    assert rows and rows[0]["Owner"] == "Trung tâm Thông tin"
    by_role = runner.invoke(main, ["risks", "--owner", "information", *args[3:], *paths, "--lang", "en"])
    assert by_role.output == result.output  # the division's name selects what its role does


@pytest.mark.parametrize(
    ("criterion", "metric", "figures", "how"),
    [
        # counts as counts: whole where whole, an expected count to two decimals
        ("1.2", "Báo cáo thiếu, trễ hạn hoặc không đúng mẫu", ["2", "1,23", "1"], "4 nghĩa vụ: 2 đúng hạn"),
        ("5.2", "Số vi phạm trong tuyển dụng", ["1", "0", "0"], "0 vi phạm đến nay"),
        ("5.3", "Số văn bản kết quả đánh giá, xếp loại CBCCVC", ["0", "0,88", "1"], "chưa có minh chứng; khả năng"),
        # shares in percent to one decimal, as risks gives them
        (
            "7.2.1",
            "Tỷ lệ văn bản đi được ký số, gửi nhận trên môi trường mạng",
            ["65,9%", "88%", "95%"],
            "mức hiện tại: 88%",
        ),
        (
            "1.3.1",
            "Tỷ lệ đơn vị trực thuộc được kiểm tra CCHC",
            ["40%", "58%", "60%"],
            "tiến độ: 40% đến nay, 58,9% đến hạn",
        ),
    ],
)
def test_explain_prints_counts_as_counts_and_shares_in_percent(runner, criterion, metric, figures, how):
    """Not 'Số vi phạm trong tuyển dụng 1,0000' or a share '0,9960' beside risks' '99,6%'."""
    args = ["explain", criterion, "--as-of", "2024-09-30", "--lang", "vi"]
    table = runner.invoke(main, args, env={"COLUMNS": "250"}).output.splitlines()
    row = next(line for line in table if line.startswith(metric + "  "))
    assert row.split("  ")[0] == metric
    cells = [cell.strip() for cell in row[len(metric) :].split("  ") if cell.strip()]
    assert cells[:3] == figures and cells[3].startswith(how)
    md = runner.invoke(main, [*args, "--format", "md"]).output.splitlines()
    cells = [c.strip() for c in next(line for line in md if line.startswith(f"| {metric} ")).split("|")[1:-1]]
    assert cells[1:4] == figures and cells[4].startswith(how)
    page = runner.invoke(main, [*args, "--format", "html"]).output
    assert "".join(f'<td class="n">{f}</td>' for f in figures) in page


def test_risks_and_explain_give_a_share_alike(runner):
    args = ["--as-of", "2024-09-30", "--lang", "vi", "--format", "csv"]
    risks = runner.invoke(main, ["risks", *args]).output
    assert "chưa đạt chỉ tiêu (hiện đạt 88%; cần 95% để đạt điểm tối đa)" in risks
    assert "| 88%  " in runner.invoke(main, ["explain", "7.2.1", *args[:4], "--format", "md"]).output


@pytest.mark.parametrize(
    ("lang", "risk", "how"),
    [
        ("vi", "chưa có minh chứng (chưa có số liệu; cần 50% để đạt 0,50 điểm", "chưa có số liệu"),
        ("en", "no evidence yet (nothing recorded yet; needed: 50% for 0.50 points", "no figure filed"),
    ],
)
def test_an_indicator_never_filed_at_the_cutoff_has_no_figure_not_zero(runner, lang, risk, how):
    """7.1.2's index never filed by 31/12/2024: scored as nothing, but unknown is not 'hiện đạt 0%'."""
    args = ["--as-of", "2024-12-31", "--lang", lang]
    rows = runner.invoke(main, ["risks", *args, "--format", "csv"]).output
    row = next(line for line in rows.splitlines() if "7.1.2" in line.split(";" if lang == "vi" else ",")[:3])
    assert risk in row and "0%" not in row.split(risk)[0]
    assert not re.search(r"hiện đạt 0%|(?<![\d.,])0% now", rows)
    md = runner.invoke(main, ["explain", "7.1.2", *args, "--format", "md"]).output
    line = next(
        line
        for line in md.splitlines()
        if line.startswith("| Điểm Chỉ số chuyển đổi số") or line.startswith("| Digital")
    )
    assert [c.strip() for c in line.split("|")[2:6]] == ["–", "–", "–", how]


def _reasons(output: str, head: str) -> str:
    lines = output.splitlines()
    return lines[lines.index(head) + 1]


@pytest.mark.parametrize(
    ("reports", "vi", "en"),
    [
        # the shipped Office at 30/09: the 6-month report sent late, the annual one ahead
        (None, "1 nghĩa vụ quá hạn, 1 nghĩa vụ chưa đến hạn", "1 overdue, 1 not yet due"),
        # three reports on time, the annual one ahead: nothing falls short of a target yet
        ("on_time", "1 nghĩa vụ chưa đến hạn", "1 not yet due"),
    ],
)
def test_explain_reasons_say_what_is_true_of_the_obligations(runner, tmp_path, reports, vi, en):
    """Not 'quá hạn, chưa đạt chỉ tiêu, chưa đến hạn' at once: an obligation past due and missed is
    overdue, those ahead are not yet due (how many of each), and no target is missed by what is
    not due yet."""
    evidence = ROOT / "evidence"
    if reports == "on_time":
        evidence = tmp_path / "evidence"
        shutil.copytree(ROOT / "evidence", evidence)
        path = evidence / "van-phong-ubnd-tinh" / "2024" / "reports.csv"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("19/06/2024,h1,15/06/2024,19/06/2024", "14/06/2024,h1,15/06/2024,14/06/2024"))
    args = ["explain", "1.2", "--as-of", "2024-09-30", "--evidence", str(evidence), "--rules", str(ROOT / "rules")]
    assert _reasons(runner.invoke(main, [*args, "--lang", "vi"]).output, "Lý do chưa đạt điểm tối đa:") == vi
    assert _reasons(runner.invoke(main, [*args, "--lang", "en"]).output, "Why not full points:") == en

"""A command that writes a file says so, in one line on stderr in the run's language; a run whose
year nothing chose says which year it scores, why, and that a newer set is missing."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from scorer.cli import main
from tests.conftest import EVIDENCE, RULES

AS_OF = ["--evidence", str(EVIDENCE), "--rules", str(RULES), "--as-of", "2024-09-30"]


@pytest.mark.parametrize(
    "args, name, english, vietnamese",
    [
        (["predict", *AS_OF], "p.json", "the prediction", "bản dự báo điểm"),
        (["predict", *AS_OF], "p.xlsx", "the prediction", "bản dự báo điểm"),
        (["plan", *AS_OF], "kh.docx", "the remediation plan", "kế hoạch khắc phục"),
        (["form", *AS_OF], "f.xlsx", "the self-assessment form", "biểu tự đánh giá"),
        (["template", "--rules", str(RULES)], "t.xlsx", "the evidence template", "mẫu nhập tài liệu kiểm chứng"),
        (["risks", *AS_OF], "r.md", "the points at risk", "danh sách điểm có nguy cơ bị trừ"),
    ],
)
def test_a_written_file_is_named_in_one_line_in_the_runs_language(runner, tmp_path, args, name, english, vietnamese):
    target = tmp_path / name
    result = runner.invoke(main, [*args, "--lang", "en", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote {english} to {target}\n" and target.stat().st_size > 0
    result = runner.invoke(main, [*args, "--lang", "vi", "-o", str(target)])
    assert result.output == f"Đã ghi {vietnamese} vào {target}\n"


def test_printed_output_says_nothing_more(runner):
    result = runner.invoke(main, ["predict", *AS_OF, "--format", "json"])
    assert result.exit_code == 0 and result.output.startswith("{")
    assert "Wrote" not in result.output


def test_a_run_whose_year_nothing_chose_says_which_year_and_that_a_newer_set_is_missing(runner, tmp_path: Path):
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    newest = max(int(p.stem.split("_")[1]) for p in rules.glob("criteria_*.yaml"))
    today = dt.date.today().year
    assert newest < today  # the shipped sets are older than this run
    result = runner.invoke(main, ["predict", "--evidence", str(EVIDENCE), "--rules", str(rules), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == (
        f"Scoring {newest}: the newest criteria set in {rules} is for {newest}; there is none for {today} "
        f"(add {rules}/criteria_{today}.yaml, or choose the year with --year)"
    )
    chosen = runner.invoke(main, ["predict", "--evidence", str(EVIDENCE), "--rules", str(rules), "--year", "2024"])
    assert "Scoring" not in chosen.output and "Chấm điểm năm" not in chosen.output
    vietnamese = runner.invoke(main, ["predict", "--evidence", str(EVIDENCE), "--rules", str(rules), "--lang", "vi"])
    assert vietnamese.output.splitlines()[-1].startswith(f"Chấm điểm năm {newest}: bộ tiêu chí mới nhất")


def test_an_as_of_day_in_a_year_with_no_set_is_scored_as_of_the_cut_off_and_says_so(runner):
    """`--as-of 30/09/2025` with the 2024 set the newest (a year mistyped, or the set not added yet)
    is scored as of 2024's cut-off, as before, but no longer silently; a day of the set's year
    says nothing."""
    args = ["predict", "--evidence", str(EVIDENCE), "--rules", str(RULES)]
    result = runner.invoke(main, [*args, "--as-of", "30/09/2025", "--lang", "vi"])
    assert result.exit_code == 0, result.output
    assert "Tính đến ngày 31/12/2024" in result.stdout
    assert result.stderr.splitlines() == [
        "Chấm điểm năm 2024 tính đến ngày chốt số liệu của năm đó: ngày 30/09/2025 ở sau ngày chốt, và bộ tiêu "
        f"chí mới nhất trong {RULES} là của năm 2024; chưa có bộ tiêu chí năm 2025 (thêm {RULES}/criteria_2025.yaml, "
        "hoặc xem lại năm của --as-of)"
    ]
    english = runner.invoke(main, [*args, "--as-of", "30/09/2025", "--lang", "en"])
    assert english.stderr.startswith("Scoring 2024 as of its data cut-off: 30/09/2025 is after it")
    assert runner.invoke(main, [*args, "--as-of", "30/09/2024"]).stderr == ""


def test_scorer_test_names_case_files_from_where_the_user_stands(runner, tmp_path, monkeypatch):
    from tests.conftest import ROOT

    folder = tmp_path / "rules" / "tests"
    folder.mkdir(parents=True)
    (folder / "bad.yaml").write_text(
        "criteria: criteria_2024.yaml\ncases:\n  - name: wrong on purpose\n    as_of: 2024-12-31\n"
        '    evidence: []\n    expect: {"1.6": 2}\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["test", str(folder.absolute()), "--rules", str(ROOT / "rules")])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == "FAIL rules/tests/bad.yaml:3: wrong on purpose"


def test_a_draft_outside_the_project_carries_no_schema_line_pointing_nowhere(runner, tmp_path):
    from tests.conftest import ROOT
    from tests.decision_tables import HEAD, OPTION_ROWS, write_docx

    source = write_docx(tmp_path / "qd.docx", HEAD, OPTION_ROWS)
    outside = tmp_path / "draft.yaml"
    assert runner.invoke(main, ["criteria", "import", str(source), "-o", str(outside)]).exit_code == 0
    assert "$schema" not in outside.read_text(encoding="utf-8")
    project = tmp_path / "project"
    (project / "schema").mkdir(parents=True)
    shutil.copy(ROOT / "schema" / "criteria.schema.json", project / "schema")
    (project / "rules" / "drafts").mkdir(parents=True)
    inside = project / "rules" / "drafts" / "draft.yaml"
    assert runner.invoke(main, ["criteria", "import", str(source), "-o", str(inside)]).exit_code == 0
    first = inside.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schema/criteria.schema.json"
    assert (inside.parent / first.split("=", 1)[1]).resolve() == (project / "schema" / "criteria.schema.json")

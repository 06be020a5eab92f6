"""`scorer test` runs the criteria test cases; the shipped 2024 set leaves no criterion untested."""

from __future__ import annotations

from scorer.cases import run_cases
from scorer.cli import main
from tests.conftest import ROOT, RULES


def test_shipped_cases_pass_and_cover_every_2024_criterion():
    report = run_cases(RULES, RULES / "tests")
    failed = [(c.file, c.line, c.name, c.mismatches) for c in report.cases if not c.passed]
    assert not failed
    coverage = {c.criteria_set: c for c in report.coverage}
    assert coverage["criteria_2024.yaml"].untested == []
    assert coverage["criteria_2024.yaml"].criteria == 66


def test_cli_reports_a_failing_case_and_exits_1(runner, tmp_path, monkeypatch):
    (tmp_path / "bad.yaml").write_text(
        "criteria: criteria_2024.yaml\ncases:\n"
        "  - name: wrong on purpose\n    as_of: 2024-12-31\n"
        "    evidence:\n      - {id: d, type: dialogue, chaired_by_head: true, date: 2024-08-22, document_no: 1/TB}\n"
        '    expect: {"1.6": 1}\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(ROOT)
    result = runner.invoke(main, ["test", str(tmp_path)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == f"FAIL {tmp_path}/bad.yaml:3: wrong on purpose"
    # a dialogue with none of its three proofs filed scores nothing at the cut-off
    assert lines[1] == "     1.6 expected: expected 1.00, got 0.00"
    assert lines[-1] == "0 passed, 1 failed"
    assert "1 of 66 criteria tested" in result.output


def test_cli_rejects_a_case_naming_an_unknown_criterion(runner, tmp_path, monkeypatch):
    (tmp_path / "bad.yaml").write_text(
        'criteria: criteria_2024.yaml\ncases:\n  - name: x\n    as_of: 2024-12-31\n    expect: {"1.66": 0}\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(ROOT)
    result = runner.invoke(main, ["test", str(tmp_path)])
    assert result.exit_code == 1
    assert (
        result.output.splitlines()[0]
        == f"Error: {tmp_path}/bad.yaml:3: expect: '1.66' is not a criterion of criteria_2024.yaml"
    )

"""CSV opens cleanly in Excel (UTF-8 with BOM) and never carries a live formula."""

from __future__ import annotations

import csv
import io

from scorer.cli import main
from scorer.render.csv_ import cell
from tests.conftest import RULES, write_unit


def test_cells_that_would_run_as_formulas_are_made_inert():
    assert [cell(v) for v in ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "plain", -0.5, 3, None]] == [
        "'=1+1",
        "'+SUM(A1)",
        "'-2+3",
        "'@cmd",
        "'\tx",
        "plain",
        -0.5,
        3,
        "",
    ]


def test_evidence_titles_cannot_smuggle_formulas_into_the_csv(runner, tmp_path):
    write_unit(
        tmp_path,
        "u",
        {
            2024: [
                {
                    "id": "d1",
                    "type": "dialogue",
                    "date": "2024-08-22",
                    "chaired_by_head": True,
                    "document_no": '=HYPERLINK("http://x")',
                    "title": "=cmd|' /C calc'!A0",
                }
            ]
        },
    )
    result = runner.invoke(
        main,
        [
            "explain",
            "1.6",
            "--evidence",
            str(tmp_path),
            "--rules",
            str(RULES),
            "--as-of",
            "2024-12-31",
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(result.output.lstrip("\ufeff"))))
    assert rows[1][5] == '\'=HYPERLINK("http://x")' and rows[1][10] == "'=cmd|' /C calc'!A0"
    for row in rows:
        for value in row:
            assert not value.startswith(("=", "+", "@")), value

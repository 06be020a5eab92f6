"""Every report format in both languages, compared with golden files under tests/golden/ so that a
reviewer reads the diff. Regenerate with SCORER_UPDATE_GOLDEN=1.

JSON is data, the same bytes in either language: one golden file (`predict.json`) that both
languages' output must equal, so a language leaking into the data fails here."""

from __future__ import annotations

import os
import shlex

import pytest

from scorer.cli import main
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
AS_OF = "--as-of 2024-09-30"
COMMANDS = {
    "predict": f"predict {AS_OF}",
    "risks": f"risks {AS_OF}",
    "explain-1.2": f"explain 1.2 {AS_OF}",
}
EXTENSIONS = {"table": "txt", "json": "json", "csv": "csv", "md": "md", "html": "html"}
CASES = [(name, fmt, lang) for name in COMMANDS for fmt in EXTENSIONS for lang in ("en", "vi")]
CASES += [("plan-2023", "md", lang) for lang in ("en", "vi")] + [
    ("backtest-2023", "table", lang) for lang in ("en", "vi")
]
EXTRA = {"plan-2023": "plan --year 2023", "backtest-2023": "backtest --year 2023"}


@pytest.mark.parametrize("name, fmt, lang", CASES, ids=[f"{n}-{f}-{l}" for n, f, l in CASES])
def test_output_matches_its_golden_file(runner, monkeypatch, name, fmt, lang):
    monkeypatch.chdir(ROOT)
    command = COMMANDS.get(name) or EXTRA[name]
    args = (
        shlex.split(command)
        + ["--lang", lang]
        + (["--format", fmt] if name in COMMANDS or name.startswith("plan") else [])
    )
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    path = GOLDEN / (f"{name}.json" if fmt == "json" else f"{name}.{lang}.{EXTENSIONS[fmt]}")
    if os.environ.get("SCORER_UPDATE_GOLDEN") and not (fmt == "json" and lang != "en"):
        path.write_bytes(result.stdout_bytes)
    assert path.exists(), f"no golden file {path.name}: run with SCORER_UPDATE_GOLDEN=1"
    assert result.stdout_bytes == path.read_bytes(), f"{path.name} differs: review, then SCORER_UPDATE_GOLDEN=1"


def _form_text(path) -> str:
    """The form as a person reads it: each sheet's cells, row by row, tab-separated."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    lines = []
    for sheet in book.worksheets:
        lines.append(f"## {sheet.title}")
        for row in sheet.iter_rows(values_only=True):
            if any(v is not None for v in row):
                lines.append("\t".join("" if v is None else str(v).replace("\n", " | ") for v in row).rstrip("\t"))
    return "\n".join(lines) + "\n"


def _docx_text(path) -> str:
    """The plan document as a person reads it: paragraphs and table rows in body order."""
    import docx

    document = docx.Document(str(path))
    lines = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = "".join(node.text or "" for node in block.iter() if node.tag.endswith("}t"))
            if text.strip():
                lines.append(text)
        elif tag == "tbl":
            table = docx.table.Table(block, document)
            for row in table.rows:
                lines.append(" || ".join(cell.text.replace("\n", " | ") for cell in row.cells))
    return "\n".join(lines) + "\n"


OFFICE_FILES = [
    ("form-2024", "form --year 2024 --as-of 2024-09-30", "xlsx", _form_text),
    ("form-2023", "form --year 2023", "xlsx", _form_text),
    ("plan-2023", "plan --year 2023 --format docx", "docx", _docx_text),
]
FILE_CASES = [
    (name, command, ext, reader, lang) for name, command, ext, reader in OFFICE_FILES for lang in ("en", "vi")
]


@pytest.mark.parametrize(
    "name, command, ext, reader, lang", FILE_CASES, ids=[f"{c[0]}-{c[2]}-{c[4]}" for c in FILE_CASES]
)
def test_office_files_read_as_their_golden_text(runner, monkeypatch, tmp_path, name, command, ext, reader, lang):
    monkeypatch.chdir(ROOT)
    target = tmp_path / f"out.{ext}"
    result = runner.invoke(main, shlex.split(command) + ["--lang", lang, "-o", str(target)])
    assert result.exit_code == 0, result.output
    text = reader(target)
    path = GOLDEN / f"{name}.{lang}.{ext}.txt"
    if os.environ.get("SCORER_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: run with SCORER_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{path.name} differs: review, then SCORER_UPDATE_GOLDEN=1"

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from scorer.loading import load_criteria
from scorer.models.criteria import CriteriaSet

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
EVIDENCE = ROOT / "evidence"
OFFICE = "van-phong-ubnd-tinh"


@pytest.fixture(autouse=True)
def english_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Vietnamese is every command's default; the tests written against the English text ask for it
    through SCORER_LANG, as a user may. The tests of the default remove it (`vietnamese_default`)."""
    monkeypatch.setenv("SCORER_LANG", "en")
    # Tables keep their full width unless a test gives the terminal's (COLUMNS).
    monkeypatch.delenv("COLUMNS", raising=False)


@pytest.fixture
def vietnamese_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCORER_LANG", raising=False)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def cs2024() -> CriteriaSet:
    return load_criteria(RULES / "criteria_2024.yaml")


@pytest.fixture(scope="session")
def cs2023() -> CriteriaSet:
    return load_criteria(RULES / "criteria_2023.yaml")


def write_unit(root: Path, unit_id: str, years: dict[int, list[dict[str, Any]]], **unit: Any) -> Path:
    """A unit folder with one YAML evidence file per year."""
    folder = root / unit_id
    folder.mkdir(parents=True, exist_ok=True)
    data = {"id": unit_id, "name": unit.pop("name", f"Unit {unit_id}"), **unit}
    (folder / "unit.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for year, records in years.items():
        (folder / str(year)).mkdir(exist_ok=True)
        text = yaml.safe_dump([_plain(r) for r in records], allow_unicode=True, sort_keys=False)
        (folder / str(year) / "evidence.yaml").write_text(text, encoding="utf-8")
    return folder


def _plain(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in record.items()}


@pytest.fixture
def office_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped evidence tree."""
    target = tmp_path / "evidence"
    shutil.copytree(EVIDENCE, target)
    return target


def write_csv(path: Path, records: list[dict[str, Any]]) -> None:
    """Records as one CSV file: the union of their fields as columns, lists joined with ';'."""
    import csv

    columns = sorted({k for r in records for k in r}, key=lambda k: (k not in ("id", "type", "date"), k))
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(columns)
        for r in records:
            writer.writerow([_cell(r.get(c)) for c in columns])


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def write_xlsx(path: Path, records: list[dict[str, Any]]) -> None:
    """Records as a workbook: one sheet per type, named after it, dates as real Excel dates."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for kind in sorted({r["type"] for r in records}):
        rows = [r for r in records if r["type"] == kind]
        columns = sorted({k for r in rows for k in r if k != "type"}, key=lambda k: (k not in ("id", "date"), k))
        sheet = book.create_sheet(kind)
        sheet.append(columns)
        for r in rows:
            sheet.append([_xlsx_value(r.get(c)) for c in columns])
    book.save(path)


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        return dt.date.fromisoformat(value)
    return value


_EXCERPT = re.compile(r"^\s+\d*\s\|\s")


def error_lines(output: str) -> list[str]:
    """The output's lines without the source excerpts printed under errors (`  5 |   key: value`)."""
    return [line for line in output.splitlines() if not _EXCERPT.match(line)]

"""The one list of output formats: each format's writer module, file extensions, media type and the
documents it can write. The command line's `--format` choices and `-o` inference, and the web
service's downloads, are built from it. Imports nothing heavy: a writer is imported when picked.

Every writer module offers the same function for the same document:

| document       | function                                   | formats                       |
|----------------|--------------------------------------------|-------------------------------|
| `prediction`   | `prediction(units, lang, detail)` (pieces) | table, json, csv, md, html    |
| `risks`        | `risks(units, lang)`                       | table, json, csv, md, html    |
| `explanations` | `explanations(found, lang)`                | table, json, csv, md, html    |
| `track`        | `scorer.render.track.render`               | table, json, html             |
| `target`       | `scorer.render.target.render`              | table, json                   |
| `plan`         | `plan(plans, lang)`                        | md, docx                      |
| `form`, `template`, `workbook` | `form`, `template`, `prediction` | xlsx                         |
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType


@dataclass(frozen=True)
class Format:
    name: str
    module: str  # scorer.render.<module>
    extensions: tuple[str, ...]
    media_type: str
    documents: frozenset[str]
    binary: bool = False


_TEXT = frozenset({"prediction", "risks", "explanations"})
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        # No extension names the terminal's table: `-o notes.txt` writes it, as any unnamed one.
        Format("table", "table", (), "text/plain; charset=utf-8", _TEXT | {"track", "target", "backtest"}),
        Format("json", "json_", (".json",), "application/json", _TEXT | {"track", "target", "backtest"}),
        Format("csv", "csv_", (".csv",), "text/csv; charset=utf-8", _TEXT),
        Format("md", "markdown", (".md", ".markdown"), "text/markdown; charset=utf-8", _TEXT | {"plan"}),
        Format("html", "html", (".html", ".htm"), "text/html; charset=utf-8", _TEXT | {"track"}),
        Format(
            "xlsx",
            "xlsx",
            (".xlsx",),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            frozenset({"workbook", "form", "template"}),
            binary=True,
        ),
        Format(
            "docx",
            "docx_",
            (".docx",),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            frozenset({"plan"}),
            binary=True,
        ),
    )
}


def choices(*documents: str) -> tuple[str, ...]:
    """The formats that write every one of these documents, in the table's order."""
    return tuple(f.name for f in FORMATS.values() if all(d in f.documents for d in documents))


def by_extension(suffix: str) -> str | None:
    """The format a file's extension (`.md`, `.XLSX`) says it holds, or None."""
    suffix = suffix.lower()
    return next((f.name for f in FORMATS.values() if suffix in f.extensions), None)


def writer(fmt: str) -> ModuleType:
    """The writer module of a format, imported now."""
    return importlib.import_module(f"scorer.render.{FORMATS[fmt].module}")


def file_name(stem: str, fmt: str) -> str:
    """A download's file name: the stem and the format's first extension."""
    extensions = FORMATS[fmt].extensions
    return f"{stem}{extensions[0] if extensions else '.txt'}"

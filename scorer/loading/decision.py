"""A decision's appendix table (`scorer criteria import`): every table of a Word document, or every
sheet of a workbook, as text cells row by row."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scorer.errors import ScorerError, msg
from scorer.loading.files import MAX_XLSX_BYTES, is_file


@dataclass(frozen=True)
class DecisionTable:
    """One table of a decision, as text cells row by row; `rows` pairs each row's number in the
    file (1-based, as Word and Excel count) with its cells. A cell merged over several columns
    or rows holds its text once, in its first position; the others are empty."""

    where: str
    rows: list[tuple[int, list[str]]]


@dataclass(frozen=True)
class DecisionFile:
    path: str
    tables: list[DecisionTable]
    # The document's text outside the tables (Word paragraphs, or an Excel sheet's cells above
    # its table): where the decision's number, date and issuer are written.
    text: list[str]


def read_decision(path: Path) -> DecisionFile:
    """Read every table of a decision (.docx) or every sheet of a workbook (.xlsx)."""
    if not is_file(path):
        raise ScorerError.single(path, msg("file_not_found"))
    if path.stat().st_size > MAX_XLSX_BYTES:
        raise ScorerError.single(path, msg("decision_too_large", mib=MAX_XLSX_BYTES // 2**20))
    suffix = path.suffix.lower()
    kinds = {".docx": ("word", _read_docx_tables), ".xlsx": ("excel", _read_xlsx_tables)}
    if suffix in kinds:
        what, read = kinds[suffix]
        try:
            return read(path)
        except Exception:  # a corrupt Office file raises anything from zipfile to lxml
            raise ScorerError.single(path, msg(f"cannot_read_{what}")) from None
    raise ScorerError.single(path, msg("expected_office"), hint=msg("save_docx"))


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    # The decision's words as written (its scoring text is kept verbatim): only each line's ends
    # are trimmed and empty lines dropped.
    lines = (line.strip() for line in str(value).replace("\xa0", " ").splitlines())
    return "\n".join(line for line in lines if line)


def _read_docx_tables(path: Path) -> DecisionFile:
    import docx

    document = docx.Document(str(path))
    tables = []
    for t, table in enumerate(document.tables, start=1):
        rows: list[tuple[int, list[str]]] = []
        above: list[Any] = []
        for r, row in enumerate(table.rows, start=1):
            cells = list(row.cells)
            texts = []
            for c, cell in enumerate(cells):
                merged_left = c > 0 and cells[c - 1]._tc is cell._tc
                merged_up = c < len(above) and above[c] is cell._tc
                texts.append(
                    "" if merged_left or merged_up else "\n".join(p.text.strip() for p in cell.paragraphs).strip()
                )
            above = [cell._tc for cell in cells]
            rows.append((r, texts))
        tables.append(DecisionTable(f"table {t}", rows))
    text = [p.text.strip() for p in document.paragraphs if p.text.strip()]
    return DecisionFile(str(path), tables, text)


def _read_xlsx_tables(path: Path) -> DecisionFile:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=False, data_only=True)
    tables = []
    for sheet in book.worksheets:
        rows = [
            (r, [_cell_text(v) for v in values]) for r, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
        tables.append(DecisionTable(sheet.title, rows))
    book.close()
    return DecisionFile(str(path), tables, [])

"""Evidence workbooks (.xlsx): one sheet per evidence type, named after it; row 1 names the fields.

A workbook is a zip of XML parts, so its unpacked sizes are checked in the zip directory before it
is opened; sheets are then streamed (openpyxl's read-only mode), with rows, columns and cells
bounded. Chart sheets are skipped (they hold no evidence), and so are sheets whose names start with
`_` (instructions). A record's origin is `file.xlsx[sheet]` and its row.

Cells are reported as what they are: a formula Excel never calculated (no saved value), an error
value (`#DIV/0!`), NaN or infinity.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from scorer.problem_messages import os_reason
from scorer.errors import Collector, Grouped, Msg, ScorerError, did_you_mean, msg
from scorer.loading.criteria import field_kind
from scorer.loading.csv_ import LIST_SPLIT
from scorer.loading.files import MAX_CELL_CHARS, MAX_COLUMNS, MAX_RECORDS, MAX_XLSX_BYTES, MAX_XLSX_UNPACKED, nfc
from scorer.loading.heads import Heads, read_heads, read_type, read_value
from scorer.models.columns import ROW_NUMBER
from scorer.loading.names import record_type
from scorer.loading.origin import RawRecord
from scorer.loading.yaml_ import LineMap, shorten
from scorer.models.evidence import LIST_FIELDS, RECORD_TYPES

MAX_PARTS = 10_000
TEXT_FIELDS = {
    kind: frozenset(
        name for name, info in model.model_fields.items() if field_kind(info.annotation)[0] in ("text", "list")
    )
    for kind, model in RECORD_TYPES.items()
}
DATE_FIELDS = {
    kind: frozenset(name for name, info in model.model_fields.items() if field_kind(info.annotation)[0] == "date")
    for kind, model in RECORD_TYPES.items()
}
ALL_DATE_FIELDS = frozenset().union(*DATE_FIELDS.values())
EXCEL_ROWS = 1_048_576
UNREADABLE = msg("unreadable_xlsx")
RESAVE = msg("resave_xlsx")


def check_zip(path: Path) -> None:
    """Refuse a workbook whose zip directory declares more than the limits, before any part is read."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ScorerError.single(path, msg("cannot_read", reason=os_reason(error))) from None
    if size > MAX_XLSX_BYTES:
        raise ScorerError.single(path, msg("file_too_large", mib=MAX_XLSX_BYTES // 2**20), hint=msg("split_workbook"))
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ScorerError.single(path, UNREADABLE, hint=RESAVE) from None
    unpacked = sum(part.file_size for part in parts)
    if len(parts) > MAX_PARTS or unpacked > MAX_XLSX_UNPACKED:
        raise ScorerError.single(
            path,
            msg(
                "xlsx_unpacks",
                mib=Grouped(unpacked // 2**20),
                parts=Grouped(len(parts)),
                limit=MAX_XLSX_UNPACKED // 2**20,
            ),
            hint=msg("split_workbook_csv"),
        )


def _patch_numbers() -> None:
    """openpyxl parses a number cell with int() or float() and raises on `NaN` or `INF`, which other
    tools write; read those as the floats they are, so the record says what the cell holds."""
    from openpyxl.worksheet import _reader

    original = _reader._cast_number
    if getattr(original, "scorer", False):
        return

    def cast(value: str) -> Any:
        try:
            return original(value)
        except ValueError:
            try:
                return float(value)
            except ValueError:
                return value

    cast.scorer = True  # type: ignore[attr-defined]
    _reader._cast_number = cast


def _patch_dimensions() -> None:
    """openpyxl looks for a sheet's <dimension> on opening it, parsing until the end of <sheetData>
    when there is none: the whole sheet (minutes for 120 MiB of empty cells) before any limit of
    ours is checked. Stop at the start of <sheetData> instead, where the dimension would have been."""
    from openpyxl.worksheet import _reader
    from openpyxl.worksheet.dimensions import SheetDimension

    parser = _reader.WorkSheetParser
    if getattr(parser.parse_dimensions, "scorer", False):
        return

    def parse_dimensions(self: Any) -> Any:
        for _event, element in _reader.iterparse(self.source, events=("start",)):
            if element.tag == _reader.DIMENSION_TAG:
                return SheetDimension.from_tree(element).boundaries
            if element.tag == _reader.DATA_TAG:
                return None
        return None

    parse_dimensions.scorer = True  # type: ignore[attr-defined]
    parser.parse_dimensions = parse_dimensions


def _open(path: Path, data_only: bool) -> Any:
    from openpyxl.reader.excel import ExcelReader

    class Reader(ExcelReader):  # type: ignore[misc]
        def read_chartsheet(self, sheet: Any, rel: Any) -> None:
            """Chart sheets hold no evidence (and openpyxl fails on some)."""

    reader = Reader(str(path), read_only=True, keep_vba=False, data_only=data_only, keep_links=False)
    reader.read()
    return reader.wb


def xlsx_records(path: Path, problems: Collector) -> Iterator[RawRecord]:
    check_zip(path)
    _patch_numbers()
    _patch_dimensions()
    books: list[Any] = []
    try:
        try:
            books.append(_open(path, data_only=True))
        except Exception:  # openpyxl raises anything at all on a malformed part
            raise ScorerError.single(path, UNREADABLE, hint=RESAVE) from None
        for sheet in books[0].worksheets:
            name = nfc(sheet.title.strip())
            if name.startswith("_"):
                continue
            where = f"{path}[{nfc(sheet.title)}]"
            # A sheet named after a type (`reports`, `Báo cáo`), else one of a workbook named so;
            # else its rows say their type in a `type` column (a CSV of several types, saved as xlsx).
            kind = record_type(name) or record_type(path.stem)
            try:
                formulas = None
                scan = _scan(path, sheet._worksheet_path)
                refused = scan.problem()
                if refused is not None:
                    problems.add(where, refused[0], line=1, hint=refused[1])
                    continue
                if scan.formulas:
                    if len(books) == 1:
                        books.append(_open(path, data_only=False))
                    formulas = books[1][sheet.title]
                yield from _sheet_records(sheet, formulas, kind, where, problems, scan.last_row)
            except ScorerError:
                raise
            except Exception:
                problems.add(where, UNREADABLE, hint=RESAVE)
    finally:
        for book in books:
            book.close()


# What a sheet's XML may hold besides its values, counted in the byte scan before it is parsed
# (openpyxl parses about 200,000 cells a second; the scan counts a hundred times faster and stops
# at the first limit passed, so a sheet of styled emptiness is refused in well under a second):
# - a run of empty cells, or of rows without a value, after the last value seen: the sheet is
#   refused once the run passes the limit (rows after the last value are never parsed);
# - the empty cells before the last value: this many plus four per value.
MAX_EMPTY_RUN_CELLS = 100_000
MAX_EMPTY_ROWS = 10_000
MAX_EMPTY_CELLS = 100_000
EMPTY_CELLS_PER_VALUE = 4
_ROOT = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?worksheet[\s>]")
_R_ATTR = re.compile(rb"""<(?:[A-Za-z_][\w.-]*:)?row\b[^>]*?\br\s*=\s*["']([0-9]{1,9})["']""")


@dataclass
class Scan:
    """A sheet's XML as counted in bytes: whether it holds a formula (only then is it read a second
    time, for the formulas), its values, the row of the last value (`last_row`: no row after it is
    parsed), the empty cells before it, and the run of emptiness after it."""

    formulas: bool = False
    values: int = 0
    last_row: int = 0
    empty_cells: int = 0
    run_cells: int = 0
    run_rows: int = 0

    def problem(self) -> tuple[Msg, Msg | None] | None:
        """What refuses the sheet before it is parsed: the message and the hint, or None."""
        if self.run_cells > MAX_EMPTY_RUN_CELLS or self.run_rows > MAX_EMPTY_ROWS:
            return (
                msg(
                    "sheet_empty_run",
                    cells=Grouped(MAX_EMPTY_RUN_CELLS),
                    rows=Grouped(MAX_EMPTY_ROWS),
                    row=Grouped(self.last_row),
                ),
                msg("delete_empty_below"),
            )
        allowed = MAX_EMPTY_CELLS + EMPTY_CELLS_PER_VALUE * self.values
        if self.empty_cells > allowed:
            return (
                msg("sheet_empty_cells", allowed=Grouped(allowed), values=Grouped(self.values)),
                msg("delete_empty_between"),
            )
        if self.last_row > MAX_RECORDS + 1 + MAX_EMPTY_ROWS:
            return msg("too_many_sheet_rows", limit=Grouped(MAX_RECORDS), rows=Grouped(self.last_row)), None
        return None


def _scan(path: Path, part: str) -> Scan:
    """Token counts by `bytes.count` (no regular expression over the whole part). A chunk is cut at
    its last `<`, so that no tag is split between two chunks; the scan stops at the first limit
    passed."""
    scan = Scan()
    rows = cells = 0
    carried_r = 0  # the r="" of the last row tag seen so far (0: none said)
    tokens: dict[str, tuple[bytes, ...]] | None = None

    def count(data: bytes, kind: str) -> int:
        assert tokens is not None
        return sum(data.count(t) for t in tokens[kind])

    with zipfile.ZipFile(path) as archive, archive.open(part) as stream:
        rest = b""
        while True:
            chunk = stream.read(2**19)
            data = rest + chunk
            if chunk:
                cut = data.rfind(b"<")
                data, rest = (data[:cut], data[cut:]) if cut > 0 else (data, b"")
            if tokens is None:
                root = _ROOT.search(data)
                prefix = root.group(1) + b":" if root and root.group(1) else b""
                tokens = {
                    "row": (b"<" + prefix + b"row ", b"<" + prefix + b"row>"),
                    "cell": (b"<" + prefix + b"c ", b"<" + prefix + b"c>", b"<" + prefix + b"c/>"),
                    "value": tuple(b"<" + prefix + t for t in (b"v>", b"v ", b"is>", b"is ", b"f>", b"f ")),
                    "formula": (b"<" + prefix + b"f>", b"<" + prefix + b"f ", b"<" + prefix + b"f/>"),
                }
            scan.formulas = scan.formulas or any(t in data for t in tokens["formula"])
            last = max(data.rfind(t) for t in tokens["value"])
            if last >= 0:
                head, tail = data[:last], data[last:]
                tag = max(head.rfind(t) for t in tokens["row"])
                found = _R_ATTR.match(head, tag) if tag >= 0 else None
                row_r = int(found.group(1)) if found else (carried_r if tag < 0 else 0)
                head_rows, head_cells = count(head, "row"), count(head, "cell")
                scan.values += count(data, "value")
                scan.last_row = max(rows + head_rows, row_r)
                scan.empty_cells = max(0, cells + head_cells - (scan.values - count(tail, "value")))
                scan.run_cells, scan.run_rows = count(tail, "cell"), count(tail, "row")
                data_rows, data_cells = head_rows + scan.run_rows, head_cells + scan.run_cells
            else:
                data_rows, data_cells = count(data, "row"), count(data, "cell")
                scan.run_cells += data_cells
                scan.run_rows += data_rows
            tag = max(data.rfind(t) for t in tokens["row"])
            if tag >= 0:
                found = _R_ATTR.match(data, tag)
                carried_r = int(found.group(1)) if found else 0
            rows += data_rows
            cells += data_cells
            if not chunk or scan.run_cells > MAX_EMPTY_RUN_CELLS or scan.run_rows > MAX_EMPTY_ROWS:
                return scan


def _sheet_records(
    sheet: Any, formulas: Any, kind: str | None, where: str, problems: Collector, last_row: int
) -> Iterator[RawRecord]:
    """The records of one sheet: of type `kind`, or (None) of the type each row's `type` cell says."""
    declared = sheet.max_row  # from the sheet's <dimension>, when it has one
    if declared is not None and declared > MAX_RECORDS + 1:
        problems.add(where, msg("too_many_sheet_rows", limit=Grouped(MAX_RECORDS), rows=Grouped(declared)), line=1)
        return
    # Read every row there is: a stated size that is too small must not drop rows unseen, and rows
    # are not padded to a stated width.
    sheet.reset_dimensions()
    formula_rows: Iterator[Any] = itertools.repeat(())
    # no row after the last value (found by the scan) is read: they are empty, however many
    if formulas is not None:
        formulas.reset_dimensions()
        formula_rows = formulas.iter_rows(max_row=last_row)
    header: list[str] | None = None
    heads = Heads([], [])
    records = empty = 0
    order = _DayOrder(DATE_FIELDS[kind] if kind is not None else ALL_DATE_FIELDS)
    typed = -1  # the `type` column of a sheet named after no type
    for number, (cells, formula_cells) in enumerate(zip(sheet.iter_rows(max_row=last_row), formula_rows), start=1):
        if number > EXCEL_ROWS:
            problems.add(where, msg("row_beyond_excel", limit=Grouped(EXCEL_ROWS)), line=number)
            return
        if not cells or all(c.value is None for c in cells):
            empty += 1
            if empty > MAX_EMPTY_ROWS:
                problems.add(
                    where,
                    msg("sheet_empty_rows", limit=Grouped(MAX_EMPTY_ROWS)),
                    line=number,
                    hint=msg("delete_empty_between"),
                )
                return
            continue
        if len(cells) > MAX_COLUMNS and any(cell.value is not None for cell in cells[MAX_COLUMNS:]):
            problems.add(where, msg("value_beyond_columns", limit=MAX_COLUMNS), line=number)
            return
        if header is None:
            written = ["" if c.value is None else nfc(str(c.value).strip()) for c in cells]
            read = read_heads(written, kind, where, number, problems)
            if read is None:
                return
            heads, header = read, read.fields
            if kind is None:
                if "type" not in header:
                    title = nfc(sheet.title.strip())
                    problems.add(
                        where,
                        msg("sheet_not_type", sheet=shorten(nfc(sheet.title))),
                        line=1,
                        hint=did_you_mean(title, RECORD_TYPES) or msg("sheet_not_type_hint"),
                    )
                    return
                typed = header.index("type")
            continue
        row_kind = kind if kind is not None else read_type(_cell_text(cells, typed))
        text_fields = TEXT_FIELDS.get(row_kind, frozenset())
        shown = heads.shown(row_kind)
        record: dict[str, Any] = {}
        ok = True
        for column, cell in enumerate(cells):
            value = cell.value
            name = _name(header, column)
            if name == ROW_NUMBER:  # the sheet's own row numbers
                continue
            formula = formula_cells[column] if column < len(formula_cells) else None
            if value is None and formula is not None and formula.data_type == "f":
                problems.add(
                    where,
                    msg("formula_unsaved", formula=shorten(str(formula.value))),
                    line=number,
                    field=shown.get(name, name),
                    hint=msg("formula_unsaved_hint"),
                )
                ok = False
                continue
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            if not name:
                problems.add(where, msg("value_no_column"), line=number)
                ok = False
                continue
            if cell.data_type == "e":
                problems.add(where, msg("cell_error", value=str(value)), line=number, field=shown.get(name, name))
                ok = False
                continue
            if isinstance(value, float) and not math.isfinite(value):
                what = msg("nan" if math.isnan(value) else "infinity")
                problems.add(where, msg("cell_holds", what=what), line=number, field=shown.get(name, name))
                ok = False
                continue
            if isinstance(value, dt.datetime):
                order.saw_date(name, value, number)
                value = value.date() if value.time() == dt.time() else value
            elif isinstance(value, (int, float)) and not isinstance(value, bool) and name in text_fields:
                # Excel turns a document number or an id typed as digits (`38`) into a number.
                if value != int(value):
                    problems.add(
                        where,
                        msg("number_for_text", value=repr(value), field=shown.get(name, name)),
                        line=number,
                        field=shown.get(name, name),
                        hint=msg("number_for_text_hint"),
                    )
                    ok = False
                    continue
                value = str(int(value))
            elif isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in cell.number_format:
                # A cell formatted as a percentage holds 0.63 and shows 63%: read what it shows, so an
                # indicator's kind decides (0.63 for a rate, 63 for a percent), as for `63%` typed.
                value = format((Decimal(repr(value)) * 100).normalize(), "f") + "%"
            elif isinstance(value, str):
                if len(value) > MAX_CELL_CHARS:
                    problems.add(
                        where,
                        msg("value_too_long", limit=Grouped(MAX_CELL_CHARS)),
                        line=number,
                        field=shown.get(name, name),
                    )
                    ok = False
                    continue
                value = nfc(value.strip())
                order.saw_text(name, value)
                if name in LIST_FIELDS:
                    value = LIST_SPLIT.split(value)
                known, value = read_value(row_kind, name, value, shown.get(name, name), where, number, problems)
                if not known:
                    ok = False
                    continue
            record[name] = value
        if not record:
            continue
        records += 1
        if records > MAX_RECORDS:
            problems.add(where, msg("too_many_sheet_records", limit=Grouped(MAX_RECORDS)), line=number)
            return
        if not ok:
            continue
        if kind is not None and record.setdefault("type", kind) != kind:
            problems.add(
                where,
                msg("type_on_sheet", type=shorten(str(record["type"])), kind=kind),
                line=number,
                field=shown.get("type", "type"),
            )
            continue
        yield record, heads.origin(where, row_kind, number), LineMap({(): number})
    order.report(where, problems, heads.shown(kind))


_DAY_FIRST = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")


class _DayOrder:
    """Dates a spreadsheet set to English (US) read month first from a day-first CSV: `12/03/2024`
    became 3 December (a date cell) while `19/06/2024`, no date month first, stayed text. Such a
    reading swaps every date column of the sheet, so where two columns hold day-first text, every
    date cell that could have been swapped is in doubt: refused, with how to type it. Where one
    column does (one date typed as text in a spreadsheet set to Vietnamese, the rest picked as
    dates), only that column's date cells are: the other columns' cells are the days they show."""

    def __init__(self, fields: frozenset[str]) -> None:
        self.fields = fields
        self.texts: dict[str, str] = {}  # column -> its first day-first date kept as text (its day > 12)
        self.doubtful: dict[str, tuple[int, int, dt.datetime]] = {}  # column -> (count, first row, value)

    def saw_text(self, name: str, value: str) -> None:
        if name in self.fields and name not in self.texts:
            match = _DAY_FIRST.match(value)
            if match and int(match.group(1)) > 12:
                self.texts[name] = value

    def saw_date(self, name: str, value: dt.datetime, row: int) -> None:
        # Only a day that could be a month was swapped; 5 May is the same day either way.
        if name in self.fields and value.day <= 12 and value.day != value.month:
            count, first, shown = self.doubtful.get(name, (0, row, value))
            self.doubtful[name] = (count + 1, first, shown)

    def report(self, where: str, problems: Collector, shown: dict[str, str]) -> None:
        if not self.texts:
            return
        sheet_wide = len(self.texts) > 1
        first_text = next(iter(self.texts.values()))
        for name, (count, first, value) in self.doubtful.items():
            if not sheet_wide and name not in self.texts:
                continue
            problems.add(
                where,
                msg("month_first", count=count, date=value.strftime("%d/%m/%Y"), text=self.texts.get(name, first_text)),
                line=first,
                field=shown.get(name, name),
                hint=msg("month_first_hint"),
            )


def _cell_text(cells: Any, column: int) -> str:
    value = cells[column].value if 0 <= column < len(cells) else None
    return nfc(str(value).strip()) if value is not None else ""


def _name(header: list[str], column: int) -> str:
    return header[column] if column < len(header) else ""

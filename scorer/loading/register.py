"""A register of outgoing documents (sổ đăng ký văn bản đi, .xlsx or .csv) read into rows, for
`scorer register import`, and the register rules (rules/register.yaml) read into their model.

The register's layout is Decree 30/2020's appendix, exported by each e-office system its own way:
the header is found by its column names and their common variants (`Số, ký hiệu` / `Số và ký hiệu`
/ `Số` and `Ký hiệu` apart; `Ngày tháng` / `Ngày ban hành`; `Tên loại và trích yếu nội dung` /
`Trích yếu`; ...), anywhere in the first rows, below a title, over one row or two (a merged group
cell above its columns). Dates are Excel dates, date-times (the time is dropped) or day-first text.
Every mistake is located: file (and sheet), row, column, with a hint; all are reported at once.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from scorer.errors import Collector, InputError, ScorerError
from scorer.loading.files import MAX_CELL_CHARS, MAX_COLUMNS, MAX_RECORDS, is_file, nfc, text_lines
from scorer.loading.yaml_ import read_yaml
from scorer.models.register import RegisterFile, RegisterRow, RegisterRules
from scorer.problem_messages import parse_reason

HEADER_SCAN = 30
"""Rows looked at for the header (a title, the agency's name and the year may stand above it)."""

# Column names folded (no diacritics, lower case, punctuation as spaces); the longest alias that a
# header cell is, or begins with as whole words, names its column.
COLUMNS: dict[str, tuple[str, ...]] = {
    "symbol": (
        "so ky hieu van ban",
        "so ky hieu",
        "so va ky hieu van ban",
        "so va ky hieu",
        "so hieu van ban",
        "so hieu",
        "so ky hieu vb",
        "so van ban",
        "so vb",
    ),
    "number": ("so di", "so"),
    # An incoming register's own columns, named so that they are not taken for the document's.
    "received": ("ngay den", "so den", "ngay nhan"),
    "code": ("ky hieu van ban", "ky hieu", "ky hieu vb"),
    "date": (
        "ngay thang van ban",
        "ngay thang nam van ban",
        "ngay thang nam",
        "ngay thang",
        "ngay ban hanh",
        "ngay van ban",
        "ngay vb",
        "ngay ky",
        "ngay",
    ),
    "summary": (
        "ten loai va trich yeu noi dung van ban",
        "ten loai va trich yeu noi dung",
        "ten loai va trich yeu",
        "trich yeu noi dung van ban",
        "trich yeu noi dung",
        "trich yeu",
        "noi dung",
        "ten van ban",
    ),
    "kind": ("ten loai van ban", "loai van ban", "ten loai", "loai vb", "hinh thuc van ban"),
    "signer": ("nguoi ky van ban", "nguoi ky", "lanh dao ky"),
    "recipients": ("noi nhan van ban", "noi nhan"),
    "note": ("ghi chu",),
    "row_no": ("stt", "tt", "so tt", "so thu tu"),
}
_ALIASES = sorted(((alias, name) for name, aliases in COLUMNS.items() for alias in aliases), key=lambda a: -len(a[0]))
_PUNCT = re.compile(r"[^\w]+")
_COLUMN_NUMBER = re.compile(r"^\(?[0-9]{1,2}\)?$")
_DMY = re.compile(
    r"^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{2,4})(?:[ T]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?$"
)
_ISO = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[ T][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?$")
_SEP = re.compile(r"^sep=(.)\r?\n?$")
EXCEL_EPOCH = dt.date(1899, 12, 30)

MESSAGES: dict[str, dict[str, str]] = {
    "not_found": {"en": "file not found", "vi": "không tìm thấy tệp"},
    "not_register": {
        "en": "expected the register as an Excel workbook (.xlsx) or a CSV file",
        "vi": "sổ đăng ký văn bản phải là tệp Excel (.xlsx) hoặc CSV",
    },
    "not_register_hint": {
        "en": "export the register from the e-office system to Excel, or save it as .xlsx",
        "vi": "xuất sổ từ hệ thống quản lý văn bản ra Excel, hoặc lưu lại dưới dạng .xlsx",
    },
    "unreadable": {"en": "not a readable .xlsx workbook", "vi": "không đọc được tệp .xlsx này"},
    "unreadable_hint": {"en": "save it again from Excel as .xlsx", "vi": "mở bằng Excel và lưu lại dưới dạng .xlsx"},
    "no_header": {
        "en": "no header row with the register's columns in the first {rows} rows",
        "vi": "không thấy dòng tiêu đề cột của sổ trong {rows} dòng đầu",
    },
    "no_header_hint": {
        "en": "the register needs the columns 'Số, ký hiệu', 'Ngày tháng' and 'Tên loại và trích yếu nội dung'",
        "vi": "sổ cần các cột 'Số, ký hiệu', 'Ngày tháng' và 'Tên loại và trích yếu nội dung'",
    },
    "missing_column": {
        "en": "no column '{name}' in the header (its columns: {found})",
        "vi": "dòng tiêu đề không có cột '{name}' (các cột đang có: {found})",
    },
    "missing_column_hint": {
        "en": "name the column '{name}' (or {variants})",
        "vi": "đặt tên cột là '{name}' (hoặc {variants})",
    },
    "twice": {"en": "two columns are '{name}': '{a}' and '{b}'", "vi": "hai cột cùng là '{name}': '{a}' và '{b}'"},
    "twice_hint": {"en": "keep one of them, or rename the other", "vi": "giữ một cột, hoặc đổi tên cột kia"},
    "no_date": {"en": "the document has no date", "vi": "văn bản không có ngày tháng"},
    "no_date_hint": {
        "en": "write the date as dd/mm/yyyy, e.g. 12/03/2024",
        "vi": "ghi ngày theo dạng dd/mm/yyyy, ví dụ 12/03/2024",
    },
    "bad_date": {"en": "'{value}' is not a date", "vi": "'{value}' không phải là ngày tháng"},
    "not_a_day": {"en": "'{value}' is not a day of the calendar", "vi": "'{value}' không có trong lịch"},
    "month_first": {
        "en": "dates are day/month/year (did you mean '{fixed}'?)",
        "vi": "ngày ghi theo thứ tự ngày/tháng/năm (có phải là '{fixed}'?)",
    },
    "short_year": {
        "en": "write the year in full (dd/mm/yyyy), e.g. 12/03/2024",
        "vi": "ghi năm đủ bốn chữ số (dd/mm/yyyy), ví dụ 12/03/2024",
    },
    "no_symbol": {"en": "the document has no number and symbol", "vi": "văn bản không có số, ký hiệu"},
    "no_symbol_hint": {
        "en": "write it as the document bears it, e.g. 121/BC-VPUB",
        "vi": "ghi như trên văn bản, ví dụ 121/BC-VPUB",
    },
    "no_summary": {"en": "the document has no summary", "vi": "văn bản không có trích yếu nội dung"},
    "no_summary_hint": {
        "en": "write the kind and summary, e.g. 'Báo cáo công tác CCHC quý I năm 2024'",
        "vi": "ghi tên loại và trích yếu, ví dụ 'Báo cáo công tác CCHC quý I năm 2024'",
    },
    "too_long": {"en": "value longer than {n} characters", "vi": "giá trị dài quá {n} ký tự"},
    "too_many": {"en": "more than {n} rows", "vi": "nhiều hơn {n} dòng"},
    "error_value": {"en": "the cell holds the error {value}", "vi": "ô có lỗi {value}"},
    "invalid_csv": {"en": "invalid CSV: {error}", "vi": "tệp CSV không hợp lệ: {error}"},
    "too_wide": {
        "en": "the row has {cells} cells, the header {columns}: a value with a '{sep}' not in quotes?",
        "vi": "dòng có {cells} ô, dòng tiêu đề có {columns} cột: có ô chứa dấu '{sep}' mà không đặt trong ngoặc kép?",
    },
    "too_wide_hint": {
        "en": "put each value holding a '{sep}' in double quotes (\"Kế hoạch rà soát, hệ thống hóa ...\"), "
        "or save the sheet again from Excel as CSV UTF-8",
        "vi": "đặt ô có dấu '{sep}' trong ngoặc kép (\"Kế hoạch rà soát, hệ thống hóa ...\"), "
        "hoặc lưu lại sổ từ Excel dưới dạng CSV UTF-8",
    },
    "number_as_text": {
        "en": "{value!r} is a number where a date is expected",
        "vi": "{value!r} là số, không phải ngày tháng",
    },
}
# The names a missing column is asked for by, as the decree's form writes them.
COLUMN_TITLES = {
    "symbol": "Số, ký hiệu",
    "date": "Ngày tháng",
    "summary": "Tên loại và trích yếu nội dung",
    "number": "Số",
    "code": "Ký hiệu",
    "kind": "Tên loại",
    "signer": "Người ký",
    "recipients": "Nơi nhận",
}
VARIANTS = {
    "symbol": "'Số và ký hiệu', 'Số hiệu', or 'Số' and 'Ký hiệu'",
    "date": "'Ngày ban hành', 'Ngày văn bản'",
    "summary": "'Trích yếu', 'Trích yếu nội dung'",
}
VARIANTS_VI = {
    "symbol": "'Số và ký hiệu', 'Số hiệu', hoặc hai cột 'Số' và 'Ký hiệu'",
    "date": "'Ngày ban hành', 'Ngày văn bản'",
    "summary": "'Trích yếu', 'Trích yếu nội dung'",
}


def msg(key: str, lang: str, **values: Any) -> str:
    return MESSAGES[key]["en" if lang == "en" else "vi"].format(**values)


def _grouped(count: int, lang: str) -> str:
    """A count with the language's thousands mark: 32,768 in English, 32.768 in Vietnamese."""
    text = f"{count:,}"
    return text if lang == "en" else text.replace(",", ".")


def fold(text: str) -> str:
    """Vietnamese without its marks, lower case: `Quyết định` -> `quyet dinh`, `Đ` -> `d`."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def column_key(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", fold(text)).split())


def column_of(text: str) -> str | None:
    """The register column a header cell names, or None."""
    found = _column_match(text)
    return found[0] if found else None


def _column_match(text: str) -> tuple[str, int] | None:
    """The column a header cell names and how closely (the earlier its name in the column's list,
    the closer): of two cells naming one column, the closer wins (`Ngày tháng văn bản` over a bare
    `Ngày`, `Ngày ban hành` over `Ngày ký`)."""
    key = column_key(text)
    if not key:
        return None
    for alias, name in _ALIASES:
        # A one-word name is the whole cell (`Số`, not `Số lượng bản`; `Ngày`, not `Ngày chuyển`).
        if key == alias or (" " in alias and key.startswith(alias + " ")):
            return name, -COLUMNS[name].index(alias)
    return None


# -- reading ------------------------------------------------------------------------------


def read_register(path: Path, lang: str = "vi") -> RegisterFile:
    """Every row of the register, typed, with its file, sheet and row; every problem at once."""
    if not is_file(path):
        raise InputError.single(path, msg("not_found", lang))
    suffix = path.suffix.lower()
    problems = Collector()
    rows: list[RegisterRow] = []
    if suffix == ".csv":
        separator: list[str] = []
        tables_list = [(str(path), _csv_rows(path, problems, lang, separator))]
    elif suffix == ".xlsx":
        separator = []
        tables_list = list(_xlsx_tables(path, lang))
    else:
        raise InputError.single(path, msg("not_register", lang), hint=msg("not_register_hint", lang))
    found = False
    first_failure: list[Any] = []
    for where, table in tables_list:
        header_problems = Collector()
        sheet_rows = _table_rows(where, table, header_problems, problems, lang, separator)
        if sheet_rows is None:
            if not first_failure:
                first_failure = header_problems.problems
            continue
        found = True
        rows += sheet_rows
    if not found:
        problems.extend(first_failure or [])
        if not problems.problems:
            problems.add(path, msg("no_header", lang, rows=HEADER_SCAN), hint=msg("no_header_hint", lang))
    problems.raise_if_any(InputError)
    return RegisterFile(str(path), tuple(rows))


def _csv_rows(path: Path, problems: Collector, lang: str, separator: list[str]) -> Iterator[tuple[int, list[Any]]]:
    """The CSV file's rows with their line numbers; the separator it uses is put in `separator`."""
    lines = text_lines(path)
    first = next(lines, None)
    if first is None:
        return
    skipped = 0
    stated = _SEP.match(first)
    if stated:
        delimiter, skipped = stated.group(1), 1
        first = next(lines, None)
        if first is None:
            return
    else:
        delimiter = max((",", ";", "\t"), key=first.count)
    separator.append(delimiter)
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter, strict=True)
    try:
        for row in reader:
            yield reader.line_num + skipped, row
    except csv.Error as error:
        reason = parse_reason(str(error)).text(lang)
        problems.add(path, msg("invalid_csv", lang, error=reason), line=reader.line_num + skipped)


def _xlsx_tables(path: Path, lang: str) -> Iterator[tuple[str, Iterator[tuple[int, list[Any]]]]]:
    from openpyxl import load_workbook

    from scorer.loading.xlsx_ import check_zip

    try:
        check_zip(path)
    except ScorerError as error:
        from scorer.loading.xlsx_ import UNREADABLE

        if error.problems and error.problems[0].message == UNREADABLE:
            raise InputError.single(path, msg("unreadable", lang), hint=msg("unreadable_hint", lang)) from None
        raise
    try:
        book = load_workbook(str(path), read_only=True, data_only=True, keep_links=False)
    except Exception:  # openpyxl raises anything at all on a malformed part
        raise InputError.single(path, msg("unreadable", lang), hint=msg("unreadable_hint", lang)) from None
    try:
        sheets = [s for s in book.worksheets if not s.title.startswith("_")]
        for sheet in sheets:
            where = f"{path}[{nfc(sheet.title)}]" if len(sheets) > 1 else str(path)
            sheet.reset_dimensions()
            rows = []
            for number, cells in enumerate(sheet.iter_rows(), start=1):
                if number > MAX_RECORDS + HEADER_SCAN:
                    rows.append((number, [None]))  # past the limit: _table_rows reports it
                    break
                rows.append((number, [_cell_value(c) for c in cells[:MAX_COLUMNS]]))
            yield where, iter(rows)
    except ScorerError:
        raise
    except Exception:
        raise InputError.single(path, msg("unreadable", lang), hint=msg("unreadable_hint", lang)) from None
    finally:
        book.close()


class _ErrorValue(str):
    """An Excel error value (`#REF!`), kept apart from text."""


def _cell_value(cell: Any) -> Any:
    value = cell.value
    if getattr(cell, "data_type", None) == "e" and value is not None:
        return _ErrorValue(value)
    if isinstance(value, str):
        return nfc(value)
    return value


def _table_rows(
    where: str,
    table: Iterator[tuple[int, list[Any]]],
    header_problems: Collector,
    problems: Collector,
    lang: str,
    separator: list[str],
) -> list[RegisterRow] | None:
    """The rows of one sheet (or the CSV file) below its header; None when no header is found (the
    reason in `header_problems`). In a CSV file (`separator` holds its separator) a row with values
    past the header's last column is refused: a summary holding the separator without quotes splits
    into fields the header line does not have, and the document would be read from the wrong cells."""
    head: list[tuple[int, list[Any]]] = []
    for item in table:
        head.append(item)
        if len(head) >= HEADER_SCAN:
            break
    found = _find_header(head)
    if found is None:
        header_problems.add(where, msg("no_header", lang, rows=HEADER_SCAN), hint=msg("no_header_hint", lang))
        return None
    first, last, columns, names = found
    header_line = head[first][0]
    # Two cells naming one column as closely: ambiguous, refused; else the closer one is it.
    by_name: dict[str, int] = {}
    for index, name in sorted(columns.items()):
        if name in by_name:
            mine, theirs = _column_match(names[index]), _column_match(names[by_name[name]])
            if mine is not None and theirs is not None and mine[1] > theirs[1]:
                by_name[name] = index
            elif mine == theirs and name not in ("row_no", "received", "note"):
                header_problems.add(
                    where,
                    msg("twice", lang, name=COLUMN_TITLES.get(name, name), a=names[by_name[name]], b=names[index]),
                    line=header_line,
                    hint=msg("twice_hint", lang),
                )
            continue
        by_name[name] = index
    if "symbol" not in by_name and "number" in by_name and "code" not in by_name:
        by_name["symbol"] = by_name.pop("number")  # a column `Số` holding `121/BC-VPUB` whole
    missing = [n for n in ("date", "summary") if n not in by_name]
    if "symbol" not in by_name and not ("number" in by_name and "code" in by_name):
        missing.insert(0, "symbol")
    found_names = ", ".join(f"'{names[i]}'" for i in sorted(names) if names[i]) or "-"
    for name in missing:
        header_problems.add(
            where,
            msg("missing_column", lang, name=COLUMN_TITLES[name], found=found_names),
            line=header_line,
            field=COLUMN_TITLES[name],
            hint=msg(
                "missing_column_hint",
                lang,
                name=COLUMN_TITLES[name],
                variants=(VARIANTS if lang == "en" else VARIANTS_VI)[name],
            ),
        )
    if header_problems.problems:
        # A sheet with some of the register's columns is the register, told what it lacks.
        problems.extend(header_problems.problems)
        header_problems.problems = []
        return []
    label = {name: names[index] for name, index in by_name.items()}
    width = max(len(cells) for _, cells in head[first : last + 1])  # the header line's fields, named or not
    rows: list[RegisterRow] = []
    count = 0
    for line, cells in itertools.chain(head[last + 1 :], table):
        if not any(_text(c) for c in cells):
            continue
        if separator and len(cells) > width:
            sep = "tab" if separator[0] == "\t" else separator[0]
            problems.add(
                where,
                msg("too_wide", lang, cells=len(cells), columns=width, sep=sep),
                line=line,
                hint=msg("too_wide_hint", lang, sep=sep),
            )
            continue
        if all(_COLUMN_NUMBER.match(_text(c)) for c in cells if _text(c)) and not rows:
            continue  # the form's column numbers, (1) (2) (3), under its header
        count += 1
        if count > MAX_RECORDS:
            problems.add(where, msg("too_many", lang, n=_grouped(MAX_RECORDS, lang)), line=line)
            break
        row = _row(where, line, cells, by_name, label, problems, lang)
        if row is not None:
            rows.append(row)
    return rows


def _find_header(head: list[tuple[int, list[Any]]]) -> tuple[int, int, dict[int, str], dict[int, str]] | None:
    """The header block: the row naming most register columns, with the header rows right above or
    below it (a merged group cell over two rows); per column, the lowest cell that names it."""
    recognised = [{i: column_of(_text(c)) for i, c in enumerate(cells) if isinstance(c, str)} for _, cells in head]
    counts = [len({n for n in r.values() if n}) for r in recognised]
    if not counts or max(counts) < 2:
        return None
    best = counts.index(max(counts))
    first = last = best
    while first > 0 and counts[first - 1] >= 1 and not _looks_like_data(head[first - 1][1]):
        first -= 1
    while last + 1 < len(head) and counts[last + 1] >= 1 and not _looks_like_data(head[last + 1][1]):
        last += 1
    columns: dict[int, str] = {}
    names: dict[int, str] = {}
    for index in range(first, last + 1):
        for column, name in recognised[index].items():
            text = _text(head[index][1][column])
            if name:
                if (
                    column in columns
                    and columns[column] in ("symbol", "summary", "date")
                    and name in ("number", "kind")
                ):
                    continue  # `Số, ký hiệu` over `Số` / `Ngày`: keep the wider name's meaning
                columns[column] = name
                names[column] = text
            elif text and column not in names:
                names[column] = text
    # Columns under a merged group cell: `Số, ký hiệu` spanning `Số` and `Ký hiệu` below it.
    return first, last, columns, names


def _looks_like_data(cells: list[Any]) -> bool:
    return any(isinstance(c, (dt.date, int, float)) and not isinstance(c, bool) for c in cells) or any(
        "/" in _text(c) and any(ch.isdigit() for ch in _text(c)) for c in cells
    )


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).replace("\xa0", " ").split())


def _row(
    where: str,
    line: int,
    cells: list[Any],
    by_name: dict[str, int],
    label: dict[str, str],
    problems: Collector,
    lang: str,
) -> RegisterRow | None:
    def cell(name: str) -> Any:
        index = by_name.get(name)
        return cells[index] if index is not None and index < len(cells) else None

    ok = True
    for name, index in by_name.items():
        value = cells[index] if index < len(cells) else None
        if isinstance(value, _ErrorValue):
            problems.add(where, msg("error_value", lang, value=value), line=line, field=label[name])
            ok = False
        elif isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            problems.add(where, msg("too_long", lang, n=_grouped(MAX_CELL_CHARS, lang)), line=line, field=label[name])
            ok = False
    if not ok:
        return None
    if "symbol" in by_name:
        symbol = _text(cell("symbol"))
    else:
        number, code = _text(cell("number")), _text(cell("code"))
        symbol = f"{number}/{code}" if number and code else number or code
    summary = _text(cell("summary"))
    raw_date = cell("date")
    date_text = _text(raw_date)
    kind = _text(cell("kind"))
    if kind and summary and not fold(summary).startswith(fold(kind)):
        # `Báo cáo` + `Công tác CCHC ...` reads `Báo cáo công tác CCHC ...` (`CCHC ...` stays).
        lead = summary[0].lower() if len(summary) > 1 and summary[1].islower() else summary[0]
        summary = f"{kind} {lead}{summary[1:]}"
    elif kind and not summary:
        summary = kind
    if not symbol and not date_text and not summary:
        return None  # a heading row inside the register (`Tháng 01/2024`): no document
    field_of = {n: label.get(n, COLUMN_TITLES.get(n, n)) for n in ("date", "summary")}
    symbol_field = label.get("symbol") or label.get("number") or COLUMN_TITLES["symbol"]
    if not date_text:
        problems.add(where, msg("no_date", lang), line=line, field=field_of["date"], hint=msg("no_date_hint", lang))
        return None
    date = _date(raw_date, where, line, field_of["date"], problems, lang)
    if date is None:
        return None
    if not symbol:
        problems.add(where, msg("no_symbol", lang), line=line, field=symbol_field, hint=msg("no_symbol_hint", lang))
        return None
    if not summary:
        problems.add(
            where, msg("no_summary", lang), line=line, field=field_of["summary"], hint=msg("no_summary_hint", lang)
        )
        return None
    return RegisterRow(
        where=where,
        line=line,
        symbol=symbol,
        date=date,
        summary=summary,
        signer=_text(cell("signer")) or None,
        recipients=_text(cell("recipients")) or None,
    )


def _date(value: Any, where: str, line: int, field: str, problems: Collector, lang: str) -> dt.date | None:
    """An Excel date or date-time (its time dropped), or `dd/mm/yyyy` text (`-` or `.` between,
    a time after it), or `yyyy-mm-dd`; anything else a located error."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # A date column Excel stored as its serial number (a cell formatted as General).
        if 20_000 <= value <= 80_000:
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        problems.add(
            where, msg("number_as_text", lang, value=value), line=line, field=field, hint=msg("no_date_hint", lang)
        )
        return None
    text = _text(value)
    match = _ISO.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _DMY.match(text)
        if not match:
            problems.add(
                where, msg("bad_date", lang, value=text), line=line, field=field, hint=msg("no_date_hint", lang)
            )
            return None
        day, month, year = (int(g) for g in match.groups())
        if len(match.group(3)) != 4:
            problems.add(where, msg("bad_date", lang, value=text), line=line, field=field, hint=msg("short_year", lang))
            return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        hint = msg("no_date_hint", lang)
        if month > 12 and day <= 12:
            try:
                dt.date(year, day, month)
                hint = msg("month_first", lang, fixed=f"{month:02d}/{day:02d}/{year}")
            except ValueError:
                pass
        problems.add(where, msg("not_a_day", lang, value=text), line=line, field=field, hint=hint)
        return None


# -- the rules ----------------------------------------------------------------------------


def load_register_rules(paths: list[Path]) -> RegisterRules:
    """The register rules: the shipped table, then a province's own files, whose rules come first
    (a province's phrasing wins) and whose symbol kinds and periods are added."""
    from pydantic import ValidationError

    from scorer.loading.problems import problems_of

    merged: RegisterRules | None = None
    for path in paths:
        data, lines = read_yaml(path)
        try:
            rules = RegisterRules.model_validate(data)
        except ValidationError as error:
            raise InputError(problems_of(error, str(path), lines)) from None
        merged = rules if merged is None else merged.extended_by(rules)
    if merged is None:
        from scorer.errors import msg as keyed

        raise InputError.single("rules/register.yaml", keyed("register_no_rules"))
    return merged

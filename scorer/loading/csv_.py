"""CSV evidence, streamed row by row: a header row, one record per row, lists written `a;b`.

A file saved by Excel in a Vietnamese locale is separated by semicolons and writes decimals with a
comma (`0,63`): the separator is read from the header (`,`, `;` or a tab; or from Excel's `sep=;`
first line), and in a file not separated by commas a number's comma is its decimal mark. A number that could be either (`1.234`: a thousands mark, or a decimal point) is
refused rather than guessed.
"""

from __future__ import annotations

import csv
import itertools
import re
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from scorer.problem_messages import parse_reason
from scorer.errors import Collector, Grouped, msg
from scorer.loading.criteria import field_kind
from scorer.loading.files import MAX_CELL_CHARS, MAX_COLUMNS, MAX_RECORDS, nfc, text_lines
from scorer.loading.heads import Heads, read_heads, read_type, read_value
from scorer.models.columns import ROW_NUMBER, field_of
from scorer.loading.origin import RawRecord
from scorer.loading.names import record_type
from scorer.loading.yaml_ import LineMap
from scorer.models.evidence import LIST_FIELDS, RECORD_TYPES

LIST_SPLIT = re.compile(r"\s*;\s*")
_SEP = re.compile(r"^sep=(.)\r?\n?$")
_DECIMAL_COMMA = re.compile(r"^[+-]?[0-9]+,[0-9]+%?$")
_GROUPED = re.compile(r"^[+-]?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?%?$")


def _numeric(annotation: Any, kinds: tuple[type, ...] = (int, float)) -> bool:
    if annotation is bool:
        return False
    if annotation in kinds:
        return True
    return any(_numeric(arg, kinds) for arg in typing.get_args(annotation))


DATE_FIELDS = {
    kind: frozenset(name for name, info in model.model_fields.items() if field_kind(info.annotation)[0] == "date")
    for kind, model in RECORD_TYPES.items()
}
# Whole-number fields (counts): `1.250` or `1,250` there can only be 1250, a count has no fraction.
WHOLE_FIELDS = {
    kind: frozenset(
        name for name, info in model.model_fields.items() if _numeric(info.annotation, (int,)) and name != "date"
    )
    for kind, model in RECORD_TYPES.items()
}
_WHOLE_GROUPED = re.compile(r"^[0-9]{1,3}(?:([.,])[0-9]{3})(?:\1[0-9]{3})*$")
NUMERIC_FIELDS = {
    kind: frozenset(name for name, info in model.model_fields.items() if _numeric(info.annotation))
    for kind, model in RECORD_TYPES.items()
}


def csv_records(path: Path, problems: Collector) -> Iterator[RawRecord]:
    """Each row as raw data with its origin; problems of single rows are collected, not raised."""
    lines = text_lines(path)
    first = next(lines, None)
    if first is None:
        return
    skipped = 0
    stated = _SEP.match(first)
    if stated:  # Excel's own first line, `sep=;`, names the separator
        delimiter, skipped = stated.group(1), 1
        first = next(lines, None)
        if first is None:
            return
    else:
        delimiter = max((",", ";", "\t"), key=first.count)  # a tie goes to the comma
    # In a file not separated by commas (Excel in a locale with a decimal comma), `0,63` is 0.63.
    semicolons = delimiter != ","
    # strict: a quote left open is an error, not a field that swallows the rows after it.
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        problems.add(path, msg("invalid_csv", detail=parse_reason(str(error))), line=1)
        return
    if not header:
        return
    written = [nfc(h.strip()) for h in header]
    bad = len(problems.problems)
    if len(written) > MAX_COLUMNS:
        problems.add(path, msg("too_many_columns", limit=MAX_COLUMNS), line=1 + skipped)
        return
    # A file named after a type (`reports.csv`, `bao-cao.csv`: one sheet saved alone) needs no
    # column, and holds that type's columns alone.
    typed = any(field_of(head) == "type" for head in written)
    named = record_type(path.stem) if not typed else None
    heads = read_heads(written, named, str(path), 1 + skipped, problems, csv=True)
    if heads is None:
        return
    header = heads.fields
    if "type" not in header and named is None:
        problems.add(path, msg("no_type_column"), line=1 + skipped, hint=msg("no_type_column_hint"))
    if len(problems.problems) > bad:
        return
    rows = 0
    order = _DateOrder()
    try:
        for row in reader:
            line = reader.line_num + skipped
            if not any(cell.strip() for cell in row):
                continue
            rows += 1
            if rows > MAX_RECORDS:
                problems.add(path, msg("too_many_records", limit=Grouped(MAX_RECORDS)), line=line)
                return
            if len(row) != len(header):
                problems.add(path, msg("row_cells", cells=len(row), header=len(header)), line=line)
                continue
            record = _record(path, heads, row, line, semicolons, problems, named)
            if record is not None:
                order.saw(record, line)
                yield record, heads.origin(str(path), str(record.get("type")), line), LineMap({(): line})
    except csv.Error as error:
        problems.add(path, msg("invalid_csv", detail=parse_reason(str(error))), line=reader.line_num + skipped)
    order.report(path, problems, heads)


_DMY = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")


class _DateOrder:
    """A file a spreadsheet set to English (US) wrote: its dates month first (`6/14/2024`). Read day
    first, `6/14/2024` is no day and is refused, but `6/7/2024` would silently be 6 July: in a file
    that shows one date month first, every date that reads both ways is in doubt and refused."""

    def __init__(self) -> None:
        self.month_first: str | None = None
        self.doubtful: dict[str, tuple[int, int, str]] = {}  # column -> (count, first line, text)

    def saw(self, record: dict[str, Any], line: int) -> None:
        for name in DATE_FIELDS.get(str(record.get("type")), ()):
            value = record.get(name)
            match = _DMY.match(value) if isinstance(value, str) else None
            if match is None:
                continue
            first, second = int(match.group(1)), int(match.group(2))
            if second > 12 and first <= 12:
                self.month_first = self.month_first or str(value)
            elif first <= 12 and second <= 12 and first != second:
                count, at, text = self.doubtful.get(name, (0, line, str(value)))
                self.doubtful[name] = (count + 1, at, text)

    def report(self, path: Path, problems: Collector, heads: Heads) -> None:
        if self.month_first is None:
            return
        for name, (count, line, text) in self.doubtful.items():
            shown = heads.written.get(name, name)
            problems.add(
                path,
                msg("month_first_text", count=count, date=text, text=self.month_first),
                line=line,
                field=shown,
                hint=msg("month_first_text_hint"),
            )


def _record(
    path: Path,
    heads: Heads,
    row: list[str],
    line: int,
    semicolons: bool,
    problems: Collector,
    named: str | None = None,
) -> dict[str, Any] | None:
    header = heads.fields
    record: dict[str, Any] = {} if named is None else {"type": named}
    kind = named if named is not None else read_type(row[header.index("type")].strip())
    numeric = NUMERIC_FIELDS.get(kind, frozenset())
    whole = WHOLE_FIELDS.get(kind, frozenset())
    shown = heads.shown(kind)
    ok = True
    for name, cell in zip(header, row):
        cell = cell.strip()
        if cell == "" or name == ROW_NUMBER:
            continue
        if not name:
            problems.add(path, msg("value_no_column"), line=line)
            ok = False
            continue
        if len(cell) > MAX_CELL_CHARS:
            problems.add(
                path, msg("value_too_long", limit=Grouped(MAX_CELL_CHARS)), line=line, field=shown.get(name, name)
            )
            ok = False
            continue
        if name in whole and _WHOLE_GROUPED.match(cell):
            cell = cell.replace(".", "").replace(",", "")  # 1.250 or 1,250 of a count: 1250
        elif semicolons and name in numeric:
            if _GROUPED.match(cell):
                problems.add(
                    path,
                    msg("grouped_number", value=cell),
                    line=line,
                    field=shown.get(name, name),
                    hint=msg("grouped_number_hint"),
                )
                ok = False
                continue
            if _DECIMAL_COMMA.match(cell):
                cell = cell.replace(",", ".")
        value: Any = LIST_SPLIT.split(cell) if name in LIST_FIELDS else cell
        known, value = read_value(kind, name, value, shown.get(name, name), str(path), line, problems)
        if not known:
            ok = False
            continue
        record[name] = value
    return record if ok else None

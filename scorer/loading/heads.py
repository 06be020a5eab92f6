"""A sheet's or a CSV file's column heads and fixed values read back through the table of
`scorer.models.columns`: the Vietnamese heads and labels the template writes (with or without
marks, any case) and the English field names and values, to the fields and values of a record.

A head or a label no entry reads is an error naming the file, the sheet, the row and the column,
with the nearest head or label as a hint; a problem about a column names it by its head as written.
"""

from __future__ import annotations

from typing import Any

from scorer.errors import Collector, Msg, msg
from scorer.loading.names import record_type
from scorer.loading.yaml_ import shorten
from scorer.models.inputs import Origin
from scorer.models import columns
from scorer.models.evidence import RECORD_TYPES


class Heads:
    """One header row read: each column's field ("" for a column without a head), and the head as
    written, by field."""

    def __init__(self, fields: list[str], written: list[str]) -> None:
        self.fields = fields
        self.written = {field: head for field, head in zip(fields, written) if field and field != columns.ROW_NUMBER}
        # A field the sheet has no column for is named as the template would: in Vietnamese when
        # the sheet's heads are.
        self.lang = "vi" if any(columns.key(h) != f for f, h in self.written.items()) else "en"
        self._shown: dict[str | None, dict[str, str]] = {}

    def shown(self, kind: str | None) -> dict[str, str]:
        """Each field of a record of `kind` by the head a problem names it with."""
        if kind not in self._shown:
            table = dict(self.written)
            if kind in RECORD_TYPES:
                for field in columns.fields(kind):
                    table.setdefault(field, columns.head(kind, field, self.lang))
            self._shown[kind] = table
        return self._shown[kind]

    def origin(self, where: str, kind: str | None, line: int) -> Origin:
        return Origin(where, line, self.shown(kind))


def read_heads(
    header: list[str], kind: str | None, where: str, line: int, problems: Collector, csv: bool = False
) -> Heads | None:
    """The fields a header row names, or None (with its problems added) when a head is no column
    of a sheet of `kind` (None: of any type) or two heads name one field."""
    fields: list[str] = []
    bad = len(problems.problems)
    for number, head in enumerate(header, start=1):
        if not head:
            fields.append("")
            continue
        field = columns.field_of(head)
        if field == columns.ROW_NUMBER:  # "STT": the sheet's own row numbers, not evidence
            fields.append(field)
            continue
        if field is None or (kind is not None and field != "type" and field not in columns.fields(kind)):
            choices = columns.head_choices(kind)
            near = columns.closest(head, choices)
            english = columns.head_choices(kind, "en")
            hint: Msg
            if near is not None:
                hint = msg("did_you_mean", name=near)
            elif kind is None:  # the columns of every type: too many to list
                hint = msg("columns_of_types")
            else:
                hint = msg("columns_are", names=_both(english, columns.head_choices(kind, "vi"), "; "))
            problems.add(
                where,
                msg(
                    "unknown_column_csv" if csv else "unknown_column",
                    column=_letter(number),
                    name=shorten(head),
                ),
                line=line,
                hint=hint,
            )
            fields.append("")
            continue
        if field in fields:
            problems.add(where, msg("column_twice", name=shorten(head)), line=line)
        fields.append(field)
    if len(problems.problems) > bad:
        return None
    return Heads(fields, header)


def _both(english: list[str], vietnamese: list[str], sep: str = ", ") -> Msg:
    """A list shown in the reader's language."""
    return msg("set_title", en=sep.join(english), vi=sep.join(vietnamese))


def read_type(value: Any) -> Any:
    """A row's type as written in a `type` column: the type, or its plural or Vietnamese name."""
    return (record_type(value) or value) if isinstance(value, str) else value


def read_value(
    kind: str | None, field: str, value: Any, shown: str, where: str, line: int, problems: Collector
) -> tuple[bool, Any]:
    """A cell's value with its label read as the field's value: (True, value), or (False, None)
    with the problem added when it is none of the field's values."""
    if field == "type":
        return True, read_type(value)
    if kind not in RECORD_TYPES or field not in RECORD_TYPES[kind].model_fields:
        return True, value
    try:
        return True, columns.value_of(kind, field, value)
    except columns.Unknown as unknown:
        typed = str(unknown.args[0])
        near = columns.nearest_label(kind, field, typed)
        hint = (
            msg("did_you_mean", name=near)
            if near is not None
            else msg(
                "values_are",
                values=_both(columns.label_choices(kind, field, "en"), columns.label_choices(kind, field, "vi"), "; "),
            )
        )
        problems.add(where, msg("unknown_label", value=shorten(typed)), line=line, field=shown, hint=hint)
        return False, None


def _letter(number: int) -> str:
    """A spreadsheet's name of column `number` (1: A, 27: AA), without importing openpyxl for a CSV."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters

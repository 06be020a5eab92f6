"""Plain-text tables that fit the terminal: `tabulate` with the text columns wrapped narrower until
each line fits the width the terminal reports (COLUMNS, or the terminal's own size; 80 at least).
Output to a pipe or a file keeps its full width: the command line sets the width (`set_width`) only
for a terminal or a COLUMNS it was given."""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from collections.abc import Sequence
from typing import Any

from tabulate import tabulate as _tabulate

MINIMUM = 80
# A column is never wrapped narrower than this (a date, a short word stays whole).
NARROWEST = 10
_width: int | None = None


def terminal_width() -> int | None:
    """COLUMNS when set, else the terminal's width when printing to one, else None (no limit)."""
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit():
        return max(MINIMUM, int(columns))
    if sys.stdout.isatty():
        return max(MINIMUM, shutil.get_terminal_size().columns)
    return None


def set_width(width: int | None) -> None:
    global _width
    _width = width


def width() -> int | None:
    return _width


def _natural(cells: Sequence[Any]) -> int:
    return max((len(line) for cell in cells for line in str(cell if cell is not None else "").splitlines()), default=0)


def tabulate(rows: Sequence[Sequence[Any]], headers: Sequence[str] = (), **kwargs: Any) -> str:
    """`tabulate.tabulate` (plain formats), with `maxcolwidths` narrowed so the table fits `width()`."""
    rows = [list(row) for row in rows]
    if _width is None or not rows:
        return str(_tabulate(rows, headers, **kwargs))
    text = str(_tabulate(rows, headers, **kwargs))
    if max(len(line) for line in text.splitlines()) <= _width:
        return text
    columns = len(headers) or len(rows[0])
    given = list(kwargs.pop("maxcolwidths", None) or [None] * columns)
    given += [None] * (columns - len(given))
    natural = [_natural([row[i] for row in rows if i < len(row)]) for i in range(columns)]
    limits = [min(n, g) if g else n for n, g in zip(natural, given)]
    # Only text columns wrap: a column of short values (numbers, dates, ids) keeps its width.
    wrappable = [i for i, n in enumerate(natural) if n > NARROWEST + 2]
    heads = [str(h) for h in headers]
    while wrappable:
        kwargs_now = dict(kwargs, maxcolwidths=limits)
        if heads:
            kwargs_now["maxheadercolwidths"] = [max(limits[i], NARROWEST) for i in range(columns)]
        text = str(_tabulate(rows, heads, **kwargs_now))
        over = max(len(line) for line in text.splitlines()) - _width
        if over <= 0:
            return text
        widest = max(wrappable, key=lambda i: limits[i])
        if limits[widest] <= NARROWEST:
            break
        limits[widest] = max(NARROWEST, limits[widest] - max(1, min(over, limits[widest] // 4)))
    return _records(rows, heads, _width)


def _records(rows: Sequence[Sequence[Any]], heads: list[str], limit: int) -> str:
    """A table too wide for the terminal even with its text wrapped, as one block per row: the
    first two cells on the first line, then `head: value` for the others, wrapped to the width."""
    blocks = []
    for row in rows:
        cells = ["" if cell is None else " ".join(str(cell).split()) for cell in row]
        first = " ".join(c for c in cells[:2] if c)
        lines = textwrap.wrap(first, limit, subsequent_indent="    ") or [""]
        rest = [f"{head}: {cell}" if head else cell for head, cell in zip(heads[2:], cells[2:]) if cell]
        # The short fields on shared lines, a long one (a remedy) on its own.
        short = " · ".join(item for item in rest if len(item) <= limit // 2)
        lines += textwrap.wrap(short, limit, initial_indent="    ", subsequent_indent="    ")
        for item in (item for item in rest if len(item) > limit // 2):
            lines += textwrap.wrap(item, limit, initial_indent="    ", subsequent_indent="      ")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def wrap(text: str) -> str:
    """Prose lines longer than the width, wrapped (tables already fit); nothing when no width is set."""
    if _width is None:
        return text
    out = []
    for line in text.split("\n"):
        if len(line) <= _width:
            out.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip())]
        out += textwrap.wrap(line, _width, subsequent_indent=indent + "  ", break_on_hyphens=False) or [""]
    return "\n".join(out)

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

import tabulate as _tabulate_module
from tabulate import tabulate as _tabulate_text

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


class _Wrap(_tabulate_module._CustomTextWrap):  # type: ignore[misc]
    """tabulate's wrapper, measuring a word without a terminal code as its length: what tabulate's
    own measure (codes stripped by a regular expression, then counted) gives it, without running
    the expression once per word; a word with a code, or wide characters counted by wcwidth
    where that is installed, is measured by tabulate."""

    @staticmethod
    def _len(item: str) -> int:
        if type(item) is str and "\x1b" not in item and not _tabulate_module.wcwidth:
            return len(item)
        return int(_tabulate_module._CustomTextWrap._len(item))


def _tabulate(rows: Sequence[Sequence[Any]], headers: Sequence[str] = (), **kwargs: Any) -> Any:
    """`tabulate.tabulate`, with the cells wrapped to `maxcolwidths` as tabulate wraps them (its
    `_wrap_text_to_colwidths`, step for step) by `_Wrap`. Only for text cells (`disable_numparse`),
    the only tables this package wraps; anything else is left to tabulate."""
    widths = kwargs.get("maxcolwidths")
    if not widths or kwargs.get("disable_numparse") is not True or not isinstance(widths, list) or not rows:
        return _tabulate_text(rows, headers, **kwargs)
    if any(_tabulate_module._is_separating_line(row) for row in rows):
        return _tabulate_text(rows, headers, **kwargs)
    columns = len(rows[0])
    widths = (widths + [None] * columns)[:columns]
    wrapped = []
    for row in rows:
        cells = []
        for cell, width in zip(row, widths):
            if width is None:
                cells.append(cell)
                continue
            if cell is None:
                text = kwargs.get("missingval", _tabulate_module._DEFAULT_MISSINGVAL)
            elif cell == "" or _tabulate_module._isnumber(cell):
                text = str(cell)
            else:
                text = str(_tabulate_module._type(cell, False)(cell))
            wrapper = _Wrap(
                width=width,
                break_long_words=kwargs.get("break_long_words", _tabulate_module._BREAK_LONG_WORDS),
                break_on_hyphens=kwargs.get("break_on_hyphens", _tabulate_module._BREAK_ON_HYPHENS),
            )
            cells.append("\n".join("\n".join(wrapper.wrap(line)) for line in text.splitlines() if line.strip() != ""))
        wrapped.append(cells)
    return _tabulate_text(wrapped, headers, **{k: v for k, v in kwargs.items() if k != "maxcolwidths"})


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

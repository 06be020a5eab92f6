"""The columns every writer shows for the same rows, each defined once: its heading's message key,
how its value is read from a row, and whether it is a points figure (right-aligned, written with the
reader's decimal sign, two decimals in a workbook) or a date. The writers add their own frames (a
terminal's column widths, a sheet's), and the rows that are no list of like items (the total, the
bonus and penalty lines, the index) stay theirs, through `cells`."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from scorer.messages import date, num, pick, t
from scorer.models.prediction import AreaResult, ComponentResult, Risk
from scorer.render.cells import reason_text
from scorer.render.marks import marked


@dataclass(frozen=True)
class Column:
    key: str  # the heading's message key
    value: Callable[[Any, str], Any]  # (row, lang) -> the value as data: a number stays a number
    points: bool = False  # a points figure
    is_date: bool = False
    marks: bool = False  # the column that carries a what-if run's mark
    brief: bool = True  # shown in the reading formats too, not only in the data formats (csv)
    wrap: int | None = None  # a terminal table's widest line
    width: int = 10  # a workbook's column width

    def text(self, row: Any, lang: str) -> str:
        """The value as a reader sees it: points with the decimal sign, a date as the language writes it."""
        value = self.value(row, lang)
        if self.points:
            return num(value, lang)
        if self.is_date:
            return date(value, lang)
        return "" if value is None else str(value)


def _figure(name: str) -> Column:
    get = attrgetter(name)
    return Column(name, lambda row, lang: get(row), points=True)


FIGURES = tuple(_figure(name) for name in ("max", "low", "expected", "high", "last_year"))

AREA_COLUMNS: tuple[Column, ...] = (
    Column("area", lambda a, lang: a.id),
    Column("title", lambda a, lang: pick(a, "title", lang), marks=True),
    *FIGURES,
)

COMPONENT_COLUMNS: tuple[Column, ...] = (
    Column("components", lambda c, lang: pick(c, "title", lang)),
    *FIGURES,
)

RISK_COLUMNS: tuple[Column, ...] = (
    Column("criterion", lambda r, lang: r.criterion, width=9),
    Column("title", lambda r, lang: pick(r, "title", lang), marks=True, wrap=34, width=40),
    Column("at_stake", lambda r, lang: r.at_stake, points=True, width=10),
    Column("worst_case", lambda r, lang: r.worst_case, points=True, width=10),
    Column("reason", lambda r, lang: reason_text(r, lang), wrap=14, width=16),
    Column("owner", lambda r, lang: r.owner_division, wrap=22, width=24),
    Column("cooperating", lambda r, lang: "; ".join(r.cooperating_divisions), brief=False),
    Column("deadline", lambda r, lang: r.deadline, is_date=True, width=12),
    Column("remedy", lambda r, lang: pick(r, "remedy", lang), wrap=46, width=60),
)

# The columns of a list read on screen, on paper or in a workbook (the data formats add the rest).
RISK_BRIEF = tuple(c for c in RISK_COLUMNS if c.brief)


def heads(columns: Sequence[Column], lang: str) -> list[str]:
    return [t(c.key, lang) for c in columns]


def texts(
    columns: Sequence[Column],
    row: AreaResult | ComponentResult | Risk,
    row_id: str,
    what_if: Collection[str],
    lang: str,
    escape: Callable[[str], str] = str,
) -> list[str]:
    """A row's cells as text, each escaped for its format, the marking column marked in a what-if run."""
    out = []
    for c in columns:
        cell = escape(c.text(row, lang))
        out.append(marked(cell, row_id, what_if, lang) if c.marks else cell)
    return out


def values(columns: Sequence[Column], row: Any, lang: str) -> list[Any]:
    """A row's cells as data (numbers and dates as themselves), for the csv and workbook writers."""
    return [c.value(row, lang) for c in columns]


def aligns(columns: Sequence[Column]) -> tuple[str, ...]:
    """A terminal table's alignment: points to the right, the rest to the left."""
    return tuple("right" if c.points else "left" for c in columns)

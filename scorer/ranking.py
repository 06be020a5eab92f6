"""Ranking several units: by expected total, best first; equal totals share a rank ("4/20")."""

from __future__ import annotations

from typing import NamedTuple

from scorer.models.prediction import RankRow, UnitPrediction


class RankEntry(NamedTuple):
    """What the ranking keeps of a unit, so a streamed run can let the unit itself go."""

    unit: str
    unit_name: str
    low: float
    expected: float
    high: float
    class_: str | None


def rank(units: list[UnitPrediction]) -> list[RankRow]:
    """Units by expected total, best first; equal totals share a rank ("4/20")."""
    return rank_rows([rank_entry(u) for u in units])


def rank_entry(u: UnitPrediction) -> RankEntry:
    return RankEntry(u.unit, u.unit_name, u.total.low, u.total.expected, u.total.high, u.total.class_.expected)


def rank_rows(entries: list[RankEntry]) -> list[RankRow]:
    """Each row built once, with its rank: equal expected totals share the rank of the first."""
    ordered = sorted(entries, key=lambda r: (-r.expected, r.unit))
    rows: list[RankRow] = []
    for position, entry in enumerate(ordered, start=1):
        same = rows and rows[-1].expected == entry.expected
        rows.append(RankRow(rank=rows[-1].rank if same else position, of=len(entries), **entry._asdict()))
    return rows

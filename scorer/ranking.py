"""Ranking several units: by expected total, best first; equal totals share a rank ("4/20")."""

from __future__ import annotations

from scorer.models.prediction import RankRow, UnitPrediction


def rank(units: list[UnitPrediction]) -> list[RankRow]:
    """Units by expected total, best first; equal totals share a rank ("4/20")."""
    return rank_rows([rank_entry(u) for u in units])


def rank_entry(u: UnitPrediction) -> RankRow:
    """What the ranking keeps of a unit, so a streamed run can let the unit itself go."""
    return RankRow(
        rank=0,
        of=0,
        unit=u.unit,
        unit_name=u.unit_name,
        low=u.total.low,
        expected=u.total.expected,
        high=u.total.high,
        class_=u.total.class_.expected,
    )


def rank_rows(entries: list[RankRow]) -> list[RankRow]:
    ordered = sorted(entries, key=lambda r: (-r.expected, r.unit))
    rows: list[RankRow] = []
    for position, entry in enumerate(ordered, start=1):
        same = rows and rows[-1].expected == entry.expected
        rows.append(entry.model_copy(update={"rank": rows[-1].rank if same else position, "of": len(entries)}))
    return rows

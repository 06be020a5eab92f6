"""Ranking several units: by expected index (points over the applicable maximum, the total when
every row applies), best first; equal ones share a rank ("4/20")."""

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
    # The unit's expected index (`index` would shadow tuple.index).
    percent: float | None = None


def rank(units: list[UnitPrediction]) -> list[RankRow]:
    """Units by expected total, best first; equal totals share a rank ("4/20")."""
    return rank_rows([rank_entry(u) for u in units])


def rank_entry(u: UnitPrediction) -> RankEntry:
    percent = u.index.expected if u.index is not None else None
    return RankEntry(u.unit, u.unit_name, u.total.low, u.total.expected, u.total.high, u.total.class_.expected, percent)


def rank_rows(entries: list[RankEntry]) -> list[RankRow]:
    """Each row built once, with its rank: equal expected indexes share the rank of the first."""

    def key(r: RankEntry) -> float:
        return r.percent if r.percent is not None else r.expected

    ordered = sorted(entries, key=lambda r: (-key(r), r.unit))
    rows: list[RankRow] = []
    for position, entry in enumerate(ordered, start=1):
        same = rows and key(ordered[position - 2]) == key(entry)
        fields = entry._asdict()
        fields["index"] = fields.pop("percent")
        rows.append(RankRow(rank=rows[-1].rank if same else position, of=len(entries), **fields))
    return rows

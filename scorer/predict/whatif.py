"""What-if runs: the prediction without the hypothetical records, and what they change."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from scorer.models.inputs import UnitYear
from scorer.models.prediction import Change, Figure
from scorer.models.scored import ScoredUnit


def without_hypothetical(data: UnitYear) -> UnitYear:
    return replace(data, evidence=data.evidence.without_hypothetical())


def compare(before: ScoredUnit, after: ScoredUnit) -> list[Change]:
    """The total, then every area and criterion whose figures the hypothetical evidence moves."""

    def figure(x: Any) -> Figure:
        return Figure.model_construct(max=x.max, low=x.low, expected=x.expected, high=x.high)

    pairs: list[tuple[str, str, str, Any, Any]] = [("total", "Tổng cộng", "Total", before.total, after.total)]
    pairs += [(a.id, a.title, a.title_en, a, b) for a, b in zip(before.areas, after.areas)]
    pairs += [(a.id, a.title, a.title_en, a, b) for a, b in zip(before.criteria, after.criteria)]
    return [
        Change.model_construct(id=key, title=title, title_en=title_en, without=figure(x), with_=figure(y))
        for key, title, title_en, x, y in pairs
        if key == "total" or figure(x) != figure(y)
    ]

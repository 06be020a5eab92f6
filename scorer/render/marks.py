"""Which rows of a what-if run rest on hypothetical evidence, so every format can mark them row by row."""

from __future__ import annotations

from collections.abc import Collection

from scorer.messages import t
from scorer.models.prediction import UnitPrediction

TOTAL = ""


def what_if_rows(unit: UnitPrediction) -> frozenset[str]:
    """Ids of the criteria that use a hypothetical record, of their areas and components, and `TOTAL`
    when any does."""
    if not unit.hypothetical:
        return frozenset()
    hypothetical = set(unit.hypothetical)
    criteria = {c.id for c in unit.criteria if hypothetical.intersection(c.evidence)}
    parts = {part for c in unit.criteria if c.id in criteria for part in (c.area, str(c.source))}
    return frozenset(criteria | parts | ({TOTAL} if criteria else set()))


def marked(text: str, row: str, rows: Collection[str], lang: str) -> str:
    """`text` with the hypothetical mark when `row` rests on what-if evidence."""
    return f"{text} [{t('hypothetical_mark', lang)}]" if row in rows else text

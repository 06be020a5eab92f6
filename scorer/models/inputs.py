"""What the loader hands the computation: one unit-year's evidence, with where each record was read.

Plain frozen containers rather than pydantic models: their contents (records, units, official
results) are the validated models of `models/evidence.py`, and a province builds thousands of them.
No I/O here: `loading` fills them, `predict` reads them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from scorer.models.evidence import EvidenceRecord, Official, Unit


@dataclass(frozen=True)
class Origin:
    """Where an evidence record was read: its file and line (YAML) or row (CSV), and for a sheet or
    a CSV file its heads as written, by field (a problem names a column by its head)."""

    path: str
    line: int
    heads: Mapping[str, str] | None = field(default=None, compare=False, hash=False, repr=False)

    def shown(self, name: str | None) -> str | None:
        """A problem's field (`criteria.0`) as the file names it (`Tiêu chí.0` on a Vietnamese sheet)."""
        if name is None or not self.heads:
            return name
        first, dot, rest = name.partition(".")
        return self.heads.get(first, first) + dot + rest


@dataclass(frozen=True)
class EvidenceSet:
    """One unit-year's evidence. A plain container: the records themselves are pydantic models."""

    records: tuple[EvidenceRecord, ...]
    origins: dict[str, Origin]
    missing_attachments: frozenset[str] = frozenset()
    hypothetical: frozenset[str] = frozenset()

    def merged(self, other: EvidenceSet) -> EvidenceSet:
        return EvidenceSet(
            self.records + other.records,
            {**self.origins, **other.origins},
            self.missing_attachments | other.missing_attachments,
            self.hypothetical | other.hypothetical,
        )

    def without_hypothetical(self) -> EvidenceSet:
        kept = tuple(r for r in self.records if r.id not in self.hypothetical)
        return EvidenceSet(kept, self.origins, self.missing_attachments)

    def until(self, day: dt.date) -> EvidenceSet:
        """The records dated by `day`: the folder as it stood that day."""
        kept = tuple(r for r in self.records if r.date <= day)
        return EvidenceSet(kept, self.origins, self.missing_attachments, self.hypothetical)


EMPTY_EVIDENCE = EvidenceSet((), {})


@dataclass(frozen=True)
class UnitYear:
    """Everything known about one unit for the predicted year."""

    unit: Unit
    evidence: EvidenceSet
    last_year: EvidenceSet
    last_official: Official | None = None


@dataclass(frozen=True)
class LoadedCase:
    """One criteria test case (`models/cases.Case`) with its records validated, and its line."""

    case: Any
    line: int
    evidence: EvidenceSet
    last_year: EvidenceSet

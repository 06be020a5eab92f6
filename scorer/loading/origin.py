"""What a reader yields (a raw record and where it was read) and what the evidence loader returns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scorer.loading.yaml_ import LineMap
from scorer.models.evidence import EvidenceRecord


@dataclass(frozen=True)
class Origin:
    """Where an evidence record was read: its file and line (YAML) or row (CSV, sheet)."""

    path: str
    line: int


RawRecord = tuple[Any, Origin, LineMap]


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


EMPTY_EVIDENCE = EvidenceSet((), {})

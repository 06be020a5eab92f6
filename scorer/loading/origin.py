"""What a reader yields (a raw record and where it was read) and what the evidence loader returns."""

from __future__ import annotations

from typing import Any

from scorer.loading.yaml_ import LineMap

# The loader's results are models (scorer.models.inputs); importable from here as before.
from scorer.models.inputs import EMPTY_EVIDENCE, EvidenceSet, Origin  # noqa: F401

RawRecord = tuple[Any, Origin, LineMap]

"""A unit scored: what `predict` hands `risks` (and `backtest`, `plan`, `scorer test`).

Plain objects, built once per criterion per unit with every figure final; `risks.assess` adds the
reasons and the at-risk list and builds the `UnitPrediction` (models/prediction.py) in one go. The
attribute names are the prediction's, so a reader of one reads the other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from scorer.models.prediction import (
    AdjustmentResult,
    AreaResult,
    Index,
    NodeResult,
    ProofStatus,
    Provenance,
    ClassThreshold,
    ComponentResult,
    EvidenceUse,
    MetricValue,
    ObligationRow,
    SatisfactionIndex,
    Total,
)


@dataclass
class ScoredCriterion:
    """A criterion's result but its reasons: `CriterionResult`'s fields, in its order (the risks
    add `reasons`, its last field, and build the result from `vars()` in one step)."""

    max: float
    low: float
    expected: float
    high: float
    id: str
    title: str
    title_en: str
    area: str
    source: str
    owner: str
    owners: list[str]
    cooperating: list[str]
    deadline: dt.date
    next_deadline: dt.date | None
    status: str
    rule: dict[str, Any]
    overdue: int
    metrics: list[MetricValue]
    survey_basis: str | None
    evidence: list[str]
    unsupported: list[str]
    evidence_used: list[EvidenceUse]
    obligations: list[ObligationRow]
    proofs: list[ProofStatus]
    not_applicable_reason: str | None
    parent: str | None
    method_text: str | None
    remedy: str
    remedy_en: str


@dataclass(slots=True)
class ScoredUnit:
    unit: str
    unit_name: str
    year: int
    as_of: dt.date
    criteria_set: str
    final: bool
    hypothetical: list[str]
    total: Total
    components: list[ComponentResult]
    areas: list[AreaResult]
    criteria: list[ScoredCriterion]
    classes: list[ClassThreshold]
    satisfaction: SatisfactionIndex | None
    provenance: Provenance | None = None
    index: Index | None = None
    bonus: AdjustmentResult | None = None
    penalty: AdjustmentResult | None = None
    nodes: list[NodeResult] | None = None

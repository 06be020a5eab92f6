"""A unit scored: what `predict` hands `risks` (and `backtest`, `plan`, `form`, `scorer test`).

Every criterion's result is final (built once, with its reasons); `risks.assess` adds the at-risk
list (and the what-if comparison) and builds the `UnitPrediction` (models/prediction.py) from these
fields, whose names are the prediction's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from scorer.models.prediction import (
    AdjustmentResult,
    AreaResult,
    Index,
    NodeResult,
    Provenance,
    ClassThreshold,
    ComponentResult,
    CriterionResult,
    SatisfactionIndex,
    Total,
)


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
    criteria: list[CriterionResult]
    classes: list[ClassThreshold]
    satisfaction: SatisfactionIndex | None
    provenance: Provenance | None = None
    index: Index | None = None
    bonus: AdjustmentResult | None = None
    penalty: AdjustmentResult | None = None
    nodes: list[NodeResult] = field(default_factory=list)

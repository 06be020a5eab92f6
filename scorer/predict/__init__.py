"""As-of prediction: every criterion, area, component and the total in three scenarios, the likely
range, and how much the evidence already secures (docs/contract.md 3).

The package by what it does: `context` (the evidence as of the date, the unit's own record),
`scenarios` (obligations and values: met, missed or pending, and the chance of a pending one),
`surveys` (rows the unit cannot self-score), `compiled` (the criteria set compiled once per run:
each criterion's points per set of figures, the rows that do not apply), `work` (a criterion's
scenarios, records and obligations as of the date), `result` (its result with reasons, metrics and
proofs), `unit` (the unit loop), `sums` (areas, components, the total, the likely range and what
is secured), `whatif` (hypothetical records).
"""

from scorer.predict.compiled import Scoring, engine_for, not_applicable
from scorer.predict.context import effective_as_of, is_supported
from scorer.predict.surveys import wilson
from scorer.predict.unit import PROJECTIONS, predict_unit
from scorer.predict.whatif import compare, without_hypothetical

__all__ = [
    "PROJECTIONS",
    "Scoring",
    "compare",
    "effective_as_of",
    "engine_for",
    "is_supported",
    "not_applicable",
    "predict_unit",
    "wilson",
    "without_hypothetical",
]

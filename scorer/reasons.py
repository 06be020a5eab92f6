"""Why a criterion falls short of its maximum: the reasons a result carries, most actionable first.

A pure function of a criterion's figures, so `predict` gives each result its reasons as it builds it
(once, complete) and `risks` reads them for the at-risk rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from scorer.models.prediction import ProofStatus

REASONS = (
    "overdue",
    "no_evidence",
    "unsupported",
    "missing_evidence",
    "missing_proof",
    "below_band",
    "below_target",
    "pending",
    "survey_estimate",
)


def reasons(
    *,
    status: str,
    maximum: float,
    low: float,
    expected: float,
    high: float,
    shortfall: str | None,
    survey_basis: str | None,
    overdue: int,
    evidence: Sequence[str],
    unsupported: Sequence[str],
    proofs: Sequence[ProofStatus],
    no_evidence: bool = False,
    obligations: Mapping[str, int] | None = None,
) -> list[str]:
    """Every reason that applies, in the order of REASONS (the first is the at-risk row's `reason`).
    `shortfall` is the reason the row's rule kind gives a row below its max (scoring/kinds.py);
    `obligations` counts a row's obligations by status (None: it reads none).

    Each says what is true of the row, never one as the consequence of another: `overdue` only for
    an obligation past due and missed (late or missing), `pending` for obligations still ahead (or,
    with none, a row not yet due), the shortfall only where a figure reported falls short (an
    obligation filed but not conforming; a value on record below the band), never for obligations
    not yet due, which the low scenario counts as missed, nor for a row with nothing on record."""
    if status == "not_applicable":
        return []
    found: set[str] = set()
    # Point figures are floats; `exact(a) < exact(b)` is `a < b` for them (a float's shortest
    # decimal form keeps its order), so they are compared as they are.
    if any(not p.evidence for p in proofs):
        found.add("missing_proof")
    if survey_basis is not None:
        if survey_basis != "official":
            found.add("survey_estimate")
        elif expected < maximum:
            found.add("below_target")
        return [r for r in REASONS if r in found]
    if obligations is not None:
        if obligations.get("late", 0) + obligations.get("missing", 0):
            found.add("overdue")
        if obligations.get("pending", 0):
            found.add("pending")
        if obligations.get("nonconforming", 0) and low < maximum and shortfall is not None:
            found.add(shortfall)
    elif overdue:
        found.add("overdue")
    if no_evidence:
        # Nothing recorded yet: the row's points are not secured, however the rest of the unit does.
        found.add("no_evidence")
    if unsupported and high > expected:
        found.add("unsupported")
    if len(unsupported) == len(evidence) and expected < maximum and not no_evidence:
        found.add("missing_evidence")
    if low < maximum and obligations is None:
        if shortfall is not None and not no_evidence:
            found.add(shortfall)
        if status == "pending":
            found.add("pending")
    if status == "short" and shortfall is None and not no_evidence:
        # A rule met or not (binary): a row short of it lacks the evidence that meets it.
        found.add("missing_evidence")
    if not found and low < maximum and shortfall is not None:
        found.add(shortfall)  # short for no reason above: say so rather than nothing
    return [r for r in REASONS if r in found]

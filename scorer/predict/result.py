"""A criterion's result from its work and points: its status, reasons, metrics (each distinct one
built once per run), proofs and, for `explain`, the records used with file and line."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from scorer.engine import Condition
from scorer.messages import how
from scorer.models.criteria import Criterion
from scorer.models.evidence import EvidenceRecord
from scorer.models.prediction import CriterionResult, EvidenceUse, MetricValue, ObligationRow, ProofStatus
from scorer.predict.context import Context, unsupported_why
from scorer.predict.scenarios import Scenarios, chance
from scorer.predict.work import Work
from scorer.reasons import reasons
from scorer.scoring import exact, round_points


def criterion_result(
    ctx: Context,
    w: Work,
    verdicts: list[list[frozenset[Condition]]],
    memo: dict[tuple[Any, ...], MetricValue],
    marked: Sequence[EvidenceRecord] | None = None,
) -> tuple[CriterionResult, float]:
    """The criterion's result, and the spread (a standard deviation, in points) of its outcome.
    `marked`: the unit's records marked as a proof (`proof: <id>`), when the caller has them."""
    compiled = w.compiled
    criterion = compiled.criterion
    sd = 0.0
    if w.not_applicable is not None:
        low = expected = high = secured = 0.0
    elif w.nothing_arose:
        # Nothing arose (không phát sinh): full points by the decision's own rule. Until the cut-off,
        # something may still arise, so nothing of it is secured.
        expected = high = float(round_points(exact(criterion.max), criterion.max))
        low = secured = high if ctx.settled else 0.0
    else:
        got = compiled.scores(w.scenarios, verdicts)
        low, expected, high, sd = got.low, got.expected, got.high, got.sd
        # Secured: what the evidence already holds whatever comes (a survey estimate holds nothing).
        secured = 0.0 if (w.survey_basis is not None and w.survey_basis != "official") else low
    by_id = ctx.by_id
    ids = [rid for rid in w.record_ids if rid in by_id]
    proofs = _proofs(ctx, criterion, ids, marked) if criterion.proofs else []
    if proofs:
        # A proof document the row's metrics do not read (the dialogue's invitation) is still
        # evidence of the row: it is listed, and cited where the row's documents are.
        ids += sorted({rid for p in proofs for rid in p.evidence} - set(ids))
    if w.not_applicable is None and any(not p.evidence for p in proofs):
        low, expected, high, sd, proofs = _unproven(ctx, criterion.max, expected, high, sd, proofs)
        secured = 0.0
    unsupported = [rid for rid in ids if rid in ctx.unsupported] if ctx.unsupported else []
    detail = ctx.detail
    full = w.not_applicable is not None or low >= criterion.max
    if w.not_applicable is not None:
        status = "not_applicable"
    else:
        status = "not_arising" if w.nothing_arose else _status(w, full)
    # A row that does not apply leaves the maxima: the index is over the applicable rows.
    maximum = 0.0 if w.not_applicable is not None else criterion.max
    no_evidence = w.not_applicable is None and w.survey_basis is None and not w.evidenced and not ids
    why = reasons(
        status=status,
        maximum=maximum,
        low=low,
        expected=expected,
        high=high,
        shortfall=compiled.rule.shortfall,
        survey_basis=w.survey_basis,
        overdue=w.overdue,
        evidence=ids,
        unsupported=unsupported,
        proofs=proofs,
        no_evidence=no_evidence,
        obligations=Counter(o.status for o in w.obligations) if w.obligations else None,
    )
    # In the model's field order (Out.from_values' quick path). Each result has lists of its own: a
    # frozen model still lets a caller change a list's items.
    result = CriterionResult.from_values(
        {
            "max": maximum,
            "low": low,
            "expected": expected,
            "high": high,
            "id": criterion.id,
            "title": criterion.title,
            "title_en": criterion.title_en,
            "area": compiled.area,
            "source": compiled.source,
            "owner": compiled.owners[0],
            "owners": list(compiled.owners),
            "owner_division": ctx.data.unit.division(compiled.owners[0]),
            "cooperating": list(criterion.cooperating),
            "deadline": compiled.deadline,
            "next_deadline": w.next_deadline,
            "status": status,
            "rule": criterion.rule,
            "not_arising": criterion.not_arising,
            "overdue": w.overdue,
            "metrics": [
                _metric_value(n, s, memo, compiled.shares[n], compiled.titles.get(n)) for n, s in w.scenarios.items()
            ],
            "survey_basis": w.survey_basis,
            "evidence": ids,
            "unsupported": unsupported,
            "evidence_used": sorted((_use(ctx, rid) for rid in ids), key=lambda u: (u.date, u.id)) if detail else [],
            "obligations": [
                ObligationRow.model_construct(
                    label=o.label,
                    due=o.due,
                    status=o.status,
                    record=o.record_id,
                    title=ctx.by_id[o.record_id].title if o.record_id == o.label and o.record_id in ctx.by_id else None,
                )
                for o in w.obligations
            ]
            if detail
            else [],
            "proofs": proofs,
            "not_applicable_reason": w.not_applicable,
            "parent": compiled.parent,
            "method_text": criterion.method_text,
            "remedy": ctx.data.unit.fill(criterion.remedy),
            "remedy_en": ctx.data.unit.fill(criterion.remedy_en, "en"),
            "secured": secured,
            "no_evidence": no_evidence,
            "nothing_arose": w.nothing_arose,
            "reasons": why,
        }
    )
    return result, sd


def _unproven(
    ctx: Context, maximum: float, expected: float, high: float, sd: float, proofs: list[ProofStatus]
) -> tuple[float, float, float, float, list[ProofStatus]]:
    """A row with a declared proof still missing scores nothing at the appraisal (the form gives it
    none): its low is 0, and at the cut-off so is everything. Before it, the proof may still be
    filed: expected is the row's expected points times the chance of that, worked out as for any
    one-off document not yet filed (predict.scenarios.chance), and each missing proof says that
    chance and what it rests on."""
    if ctx.settled:
        return 0.0, 0.0, 0.0, 0.0, proofs
    odds = chance(ctx, started=False)
    p = odds.p
    mean = expected * p
    spread = math.sqrt(max(0.0, p * (sd * sd + expected * expected) - mean * mean))
    params = {**odds.params, "chance": p}
    with_chance = [proof if proof.evidence else proof.model_copy(update={"params": params}) for proof in proofs]
    return 0.0, float(round_points(Decimal(repr(mean)), maximum)), high, spread, with_chance


def _metric_value(
    name: str,
    s: Scenarios,
    memo: dict[tuple[Any, ...], MetricValue],
    share: bool,
    titles: tuple[str, str] | None = None,
) -> MetricValue:
    params = s.params
    figures = (s.low, s.expected, s.high, *params.values()) if params else (s.low, s.expected, s.high)
    # Keyed by value and type: 3 == 3.0, but they print apart too.
    key: tuple[Any, ...] = (name, titles, s.basis, *params, *figures, *map(type, figures))
    if 0.0 in figures:  # 0.0 == -0.0, but they print apart: tell them apart
        key += tuple(math.copysign(1.0, v) for v in figures)
    found = memo.get(key)
    if found is None:
        if len(memo) > 100_000:
            memo.clear()
        found = memo[key] = _new_metric_value(name, s, share, titles)
    return found


def _new_metric_value(name: str, s: Scenarios, share: bool, titles: tuple[str, str] | None) -> MetricValue:
    params = {k: round(v, 4) for k, v in s.params.items()}
    return MetricValue.build(  # in the model's field order (Out.build's quick path)
        name=name,
        low=round(s.low, 4),
        expected=round(s.expected, 4),
        high=round(s.high, 4),
        basis=s.basis,
        params=params,
        how=how(s.basis, params, "en", share),
        title=titles[0] if titles else None,
        title_en=titles[1] if titles else None,
        share=share,
    )


def _proofs(
    ctx: Context, criterion: Criterion, used: list[str], marked: Sequence[EvidenceRecord] | None = None
) -> list[ProofStatus]:
    """Each proof the row lists, with the records (dated by the as-of date, with a document number)
    that are it: used by the row or naming it, and marked `proof: <id>` (of `marked`, the unit's
    records with a proof, when given)."""
    found = []
    candidates = ctx.by_id.values() if marked is None else marked
    for proof in criterion.proofs:
        records = [
            r.id
            for r in candidates
            if r.proof == proof.id
            and (r.id in used or criterion.id in r.criteria)
            and (r.date <= ctx.as_of or r.id in ctx.data.evidence.hypothetical)
            and r.document_no
            and r.document_no.strip()
        ]
        found.append(
            ProofStatus.build(id=proof.id, title=proof.title, title_en=proof.title_en, evidence=sorted(records))
        )
    return found


def _status(w: Work, full: bool) -> str:
    if w.survey_basis is not None:
        return "official" if w.survey_basis == "official" else "estimate"
    if full:
        return "full"
    return "pending" if w.pending else "short"


def _use(ctx: Context, record_id: str) -> EvidenceUse:
    record = ctx.by_id[record_id]
    origin = ctx.data.evidence.origins[record_id]
    return EvidenceUse(
        id=record.id,
        type=record.type,
        date=record.date,
        document_no=record.document_no,
        title=record.title,
        file=origin.path,
        line=origin.line,
        supported=(why := unsupported_why(record, ctx.data.evidence)) is None,
        unsupported=why,
        hypothetical=record.id in ctx.data.evidence.hypothetical,
        locator=record.locator,
    )

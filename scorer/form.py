"""The self-assessment form ("Biểu tự đánh giá"): what the evidence supports on the as-of date, row
by row, with the documents that prove it, why a row is below its maximum, and the appraisal's
points once they are known.

The self-score is never an expected value: it is the evidence as it stands on the day (the `as_is`
reading of predict.unit.PROJECTIONS: what is done is credited, what is lost or recorded against the
unit is deducted, and nothing still to come is hoped for or feared), after the cut-off the final
score. Points that rest on absence alone (nothing arose, no violation recorded) are claimed only
once the year is over: no document shows them before. Survey-scored rows carry
no self-score (the province's survey scores them) and never cite a survey as proof: an internal
pilot survey proves nothing to the appraisal.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Literal

from scorer.models.criteria import CriteriaSet
from scorer.models.evidence import Official, Unit
from scorer.models.form import Cut, Form, FormRow, ProofLine
from scorer.models.prediction import AdjustmentResult, CriterionResult, EvidenceUse, UnitPrediction
from scorer.models.scored import ScoredUnit
from scorer.scoring import exact


def _proof_lines(c: CriterionResult) -> list[ProofLine]:
    """The proof documents of a row: per declared proof when the criteria set declares them (a
    proof with no evidence is said missing), else the numbered records the row used."""
    uses = {u.id: u for u in c.evidence_used if _citable(u)}
    proofs = getattr(c, "proofs", None)
    if proofs:
        lines: list[ProofLine] = []
        for proof in proofs:
            found = [uses[rid] for rid in proof.evidence if rid in uses]
            if found:
                lines += _documents(found)
            else:
                lines.append(ProofLine(missing=proof.title, missing_en=proof.title_en or proof.title))
        return lines
    return _documents(list(uses.values()))


def _citable(use: EvidenceUse) -> bool:
    """A record the form may cite: real, supported, not a survey, and a document a reader can find
    (a number, or at least a title)."""
    return bool(use.document_no or use.title) and use.supported and not use.hypothetical and use.type != "survey"


def _documents(uses: list[EvidenceUse]) -> list[ProofLine]:
    """One line per document number: the earliest record of it (a plan's later records are
    snapshots of its progress), in date order; a record without a number by its own line."""
    first: dict[str, EvidenceUse] = {}
    for use in sorted(uses, key=lambda u: (u.date, u.id)):
        key = " ".join(str(use.document_no).split()) if use.document_no else f"\0{use.id}"
        first.setdefault(key, use)
    return [
        ProofLine(number=u.document_no and number, date=u.date, title=u.title, locator=u.locator)
        for number, u in first.items()
    ]


def _sum(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return float(sum((exact(v) for v in known), Decimal(0))) if known else None


def build_form(
    scored: UnitPrediction,
    as_is: ScoredUnit | UnitPrediction,
    unit: Unit,
    cs: CriteriaSet,
    official: Official | None,
    explanations: dict[str, str],
) -> Form:
    results = {c.id: c for c in scored.criteria}
    standing = {c.id: c for c in as_is.criteria}
    appraised = official.appraised if official else {}
    notes = official.appraisal_notes if official else {}
    rows: list[FormRow] = []
    cuts: list[Cut] = []
    for area in cs.areas:
        children: list[FormRow] = []
        groups_done: set[str] = set()
        area_rows: list[FormRow] = []
        nodes = {n.id: n for n in area.nodes()}
        for criterion in area.leaves():
            c = results[criterion.id]
            parent = criterion.id.rsplit(".", 1)[0]
            if parent != area.id and parent not in groups_done:
                groups_done.add(parent)
                heading = area.headings.get(parent) or nodes.get(parent)
                area_rows.append(
                    FormRow(
                        level="group",
                        id=parent,
                        title=heading.title if heading else "",
                        title_en=heading.title_en if heading else "",
                        max=0,
                    )
                )
            row = _criterion_row(
                c, standing[c.id], scored.final, appraised.get(c.id), notes.get(c.id), explanations.get(c.id)
            )
            area_rows.append(row)
            children.append(row)
            if row.self_score is not None and row.appraised is not None and row.appraised < row.self_score:
                cuts.append(
                    Cut(
                        id=c.id,
                        title=c.title,
                        title_en=c.title_en,
                        self_score=row.self_score,
                        appraised=row.appraised,
                        difference=float(exact(row.appraised) - exact(row.self_score)),
                        appraisal_note=row.appraisal_note,
                        explanation=explanations.get(c.id),
                    )
                )
        area_rows = [_group_totals(r, children) if r.level == "group" else r for r in area_rows]
        # The applicable maximum: a row that does not apply to the unit counts 0 (issue 10).
        applicable = float(sum((exact(c.max) for c in children), Decimal(0)))
        rows.append(_total_row("area", area.id, area.title, area.title_en, applicable, children))
        rows += area_rows
    criteria_rows = [r for r in rows if r.level == "criterion"]
    scale = float(sum((exact(r.max) for r in criteria_rows), Decimal(0)))
    whole = _total_row("total", "", "", "", scale, criteria_rows)
    # Bonus and penalty points (issue 10), outside the scale: a line each, counted in the total.
    adjustments: list[tuple[AdjustmentResult | None, int, Literal["bonus", "penalty"]]] = [
        (as_is.bonus, 1, "bonus"),
        (as_is.penalty, -1, "penalty"),
    ]
    for block, sign, level in adjustments:
        if block is None:
            continue
        points = float(sign * exact(block.expected))
        rows.append(
            FormRow(
                level=level,
                id="+" if sign > 0 else "−",
                title=block.title,
                title_en=block.title_en,
                max=block.max or 0,
                self_score=points,
            )
        )
        if whole.self_score is not None:
            whole = whole.model_copy(update={"self_score": float(exact(whole.self_score) + exact(points))})
    rows.append(whole)
    return Form(
        unit=scored.unit,
        unit_name=scored.unit_name,
        parent=unit.parent,
        place=unit.place,
        signer_position=unit.signer.position if unit.signer else None,
        signer_name=unit.signer.name if unit.signer else None,
        year=scored.year,
        as_of=scored.as_of,
        final=scored.final,
        criteria_set=scored.criteria_set,
        criteria_title=cs.title,
        criteria_title_en=cs.title_en,
        rows=rows,
        cuts=cuts,
    )


def _criterion_row(
    c: CriterionResult,
    as_is: CriterionResult,
    final: bool,
    appraised: float | None,
    note: str | None,
    words: str | None,
) -> FormRow:
    """A criterion's row: `c` as predicted (status, reasons, proofs), scored `as_is` (the same
    criterion read as the evidence stands that day; at the cut-off, the final score)."""
    survey = c.source != "appraisal"
    # Issue 10's `not_applicable` status, read only when the prediction carries it.
    not_applicable = (getattr(c, "not_applicable_reason", None) or "") if c.status == "not_applicable" else None
    score = None if survey or c.status == "not_applicable" else as_is.expected
    proofs = [] if survey else _proof_lines(c)
    reasons = [r for r in c.reasons if r != "survey_estimate"]
    # Không phát sinh: full points by the decision's own rule (a `not_arising: full` row with no
    # record), or a row full with no record at all because nothing it counts arose (no violation).
    nothing_arose = c.status == "not_arising"
    if nothing_arose:
        score = c.max
    elif score is not None and score >= c.max:
        # Full points only where the evidence shows them: a declared proof still missing gives the
        # row none (the appraisal would not count it); a row with no record at all is full because
        # nothing it counts arose this year (a violation not recorded), and says so.
        if any(p.missing is not None for p in proofs):
            score, reasons = 0.0, ["missing_proof"]
        elif not proofs:
            nothing_arose = not c.evidence
            if not nothing_arose:
                score, reasons = 0.0, ["missing_evidence"]
    # Before the cut-off nothing has arisen so far, which no document shows: full points that rest
    # on absence alone are claimed only once the year is over. The row holds none and says it is
    # full if nothing arises all year.
    so_far = nothing_arose and not final
    if so_far:
        score, reasons, nothing_arose = 0.0, ["not_arisen_yet"], False
    below = score is not None and score < c.max
    return FormRow(
        level="criterion",
        id=c.id,
        title=c.title,
        title_en=c.title_en,
        max=c.max,
        self_score=score,
        survey=survey,
        not_applicable=not_applicable,
        proofs=proofs,
        explanation=words
        if (below or nothing_arose or so_far or (appraised is not None and score is not None and appraised < score))
        else None,
        reasons=reasons if below or so_far else [],
        nothing_arose=nothing_arose,
        method_text=c.method_text,
        rule=None if survey else c.rule,
        not_arising=c.not_arising,
        metric_titles={m.name: (m.title or m.name, m.title_en or m.name) for m in c.metrics},
        shares=[m.name for m in c.metrics if m.share],
        pending_until=(c.next_deadline or c.deadline) if below and c.status == "pending" and not so_far else None,
        appraised=appraised,
        appraisal_note=note,
    )


def _group_totals(row: FormRow, children: list[FormRow]) -> FormRow:
    mine = [c for c in children if c.id.startswith(row.id + ".")]
    return _total_row("group", row.id, row.title, row.title_en, math.fsum(c.max for c in mine), mine)


def _total_row(level: str, rid: str, title: str, title_en: str, maximum: float, children: list[FormRow]) -> FormRow:
    """A heading row: its maximum, the self-scores of the rows under it (survey rows have none),
    and the appraised points when every self-scored row under it has been appraised."""
    scored = [c for c in children if c.self_score is not None]
    appraised = [c.appraised for c in scored]
    return FormRow(
        level=level,  # type: ignore[arg-type]
        id=rid,
        title=title,
        title_en=title_en,
        max=maximum,
        self_score=_sum([c.self_score for c in scored]),
        survey_max=_sum([c.max for c in children if c.survey]) or 0,
        appraised=_sum(appraised) if scored and all(a is not None for a in appraised) else None,
    )

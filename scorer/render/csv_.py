"""CSV for spreadsheets: UTF-8 with a BOM so Excel reads the Vietnamese right, one header row,
and every text cell that a spreadsheet would run as a formula made inert with a leading `'`."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from scorer.messages import pick, provenance_text, t
from scorer.models.prediction import CriterionResult, Prediction, Risk, UnitPrediction
from scorer.render.marks import TOTAL, what_if_rows
from scorer.render.cells import reason_text

BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> Any:
    """Numbers stay numbers; text that starts like a formula is prefixed with `'`."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def write(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([cell(h) for h in header])
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return BOM + out.getvalue()


def render_prediction(prediction: Prediction, lang: str) -> str:
    header = [
        "unit",
        "year",
        "as_of",
        "level",
        "id",
        t("title", lang),
        t("max", lang),
        t("low", lang),
        t("expected", lang),
        t("high", lang),
        t("last_year", lang),
        t("status", lang),
        t("owner", lang),
        t("deadline", lang),
    ]
    if not any(unit.hypothetical for unit in prediction.units):
        return write(header, (row for unit in prediction.units for row in _unit_rows(unit, lang)))
    # A what-if run: a last column marks, row by row, each figure that rests on hypothetical evidence.
    return write(
        header + ["what_if"],
        (row + [_mark(row, what_if_rows(unit), lang)] for unit in prediction.units for row in _unit_rows(unit, lang)),
    )


def _mark(row: list[Any], what_if: frozenset[str], lang: str) -> str:
    level, row_id = row[3], row[4]
    key = TOTAL if level == "total" else str(row_id)
    return t("hypothetical_mark", lang) if key in what_if else ""


def _unit_rows(unit: UnitPrediction, lang: str) -> Iterable[list[Any]]:
    head = [unit.unit, unit.year, unit.as_of.isoformat()]
    total = unit.total
    yield head + [
        "total",
        "",
        t("total", lang),
        total.max,
        total.low,
        total.expected,
        total.high,
        total.last_year,
        total.class_.expected,
        "",
        "",
    ]
    if total.likely is not None:
        yield head + ["likely", "", t("likely", lang), total.max, total.likely.low, None, total.likely.high] + [""] * 4
    if total.known is not None:
        known = total.known
        yield head + [
            "secured",
            "",
            t("secured", lang),
            total.max,
            None,
            known.secured,
            None,
            None,
            t("no_evidence_count", lang).format(n=known.no_evidence),
            "",
            "",
        ]
    if unit.index is not None:
        idx = unit.index
        yield head + ["index", "", t("index", lang), 100, idx.low, idx.expected, idx.high, None, "", "", ""]
    for block, name in ((unit.bonus, "bonus"), (unit.penalty, "penalty")):
        if block is not None:
            yield (
                head
                + [name, "", pick(block, "title", lang), block.max, block.low, block.expected, block.high]
                + [""] * 4
            )
    yield head + ["criteria_set", unit.criteria_set, provenance_text(unit.provenance, lang)] + [""] * 8
    for part in unit.components:
        yield head + [
            "component",
            part.id,
            pick(part, "title", lang),
            part.max,
            part.low,
            part.expected,
            part.high,
            part.last_year,
            "",
            "",
            "",
        ]
    for a in unit.areas:
        yield head + ["area", a.id, pick(a, "title", lang), a.max, a.low, a.expected, a.high, a.last_year, "", "", ""]
    for c in unit.criteria:
        yield head + [
            "criterion",
            c.id,
            pick(c, "title", lang),
            c.max,
            c.low,
            c.expected,
            c.high,
            None,
            t(f"status.{c.status}", lang) + (f": {c.not_applicable_reason}" if c.not_applicable_reason else ""),
            c.owner,
            c.deadline.isoformat(),
        ]


def render_risks(units: list[UnitPrediction], lang: str) -> str:
    header = [
        "unit",
        "as_of",
        t("criterion", lang),
        t("title", lang),
        t("at_stake", lang),
        t("worst_case", lang),
        t("reason", lang),
        t("owner", lang),
        t("cooperating", lang),
        t("deadline", lang),
        t("remedy", lang),
        t("criteria_set", lang),
    ]
    if not any(unit.hypothetical for unit in units):
        return write(header, (_risk_row(u, r, lang) for u in units for r in u.risks))
    return write(
        header + ["what_if"],
        (
            _risk_row(u, r, lang) + [t("hypothetical_mark", lang) if r.criterion in what_if_rows(u) else ""]
            for u in units
            for r in u.risks
        ),
    )


def _risk_row(unit: UnitPrediction, r: Risk, lang: str) -> list[Any]:
    return [
        unit.unit,
        unit.as_of.isoformat(),
        r.criterion,
        pick(r, "title", lang),
        r.at_stake,
        r.worst_case,
        reason_text(r, lang),
        r.owner_division,
        "; ".join(r.cooperating_divisions),
        r.deadline.isoformat() if r.deadline else "",
        pick(r, "remedy", lang),
        provenance_text(unit.provenance, lang),
    ]


def render_explanations(found: list[tuple[UnitPrediction, CriterionResult]], lang: str) -> str:
    header = [
        "unit",
        t("criterion", lang),
        "id",
        "type",
        t("date", lang),
        t("document_no", lang),
        t("file", lang),
        "line",
        "supported",
        "hypothetical",
        t("title", lang),
    ]
    rows = [
        [
            u.unit,
            c.id,
            e.id,
            e.type,
            e.date.isoformat(),
            e.document_no,
            e.file,
            e.line,
            e.supported,
            e.hypothetical,
            e.title,
        ]
        for u, c in found
        for e in c.evidence_used
    ]
    return write(header, rows)

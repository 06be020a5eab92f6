"""CSV for spreadsheets: UTF-8 with a BOM so Excel reads the Vietnamese right, one header row,
and every text cell that a spreadsheet would run as a formula made inert with a leading `'`."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from scorer.messages import date, pick, provenance_text, status_words, t
from scorer.render import collect
from scorer.models.prediction import CriterionResult, Prediction, Risk, UnitPrediction
from scorer.render.marks import TOTAL, what_if_rows
from scorer.render.columns import FIGURES, RISK_COLUMNS, heads, values

BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any, lang: str = "en") -> Any:
    """Numbers stay numbers (with a decimal comma in Vietnamese, as a spreadsheet set to Vietnamese
    reads them); dates as the language writes them; text that starts like a formula is prefixed
    with `'`."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    if isinstance(value, float) and lang == "vi":
        return repr(value).replace(".", ",")
    if isinstance(value, dt.date):
        return date(value, lang)
    return "" if value is None else value


def write(header: Sequence[str], rows: Iterable[Sequence[Any]], lang: str = "en") -> str:
    """Comma-separated in English; in Vietnamese `;` between fields, since the comma is the decimal sign."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", delimiter=";" if lang == "vi" else ",")
    writer.writerow([cell(h, lang) for h in header])
    for row in rows:
        writer.writerow([cell(v, lang) for v in row])
    return BOM + out.getvalue()


def render_prediction(prediction: Prediction, lang: str) -> str:
    header = [
        t("csv.unit", lang),
        t("csv.year", lang),
        t("csv.as_of", lang),
        t("csv.level", lang),
        t("record_id", lang),
        t("title", lang),
        *heads(FIGURES, lang),
        t("status", lang),
        t("owner", lang),
        t("deadline", lang),
    ]
    if not any(unit.hypothetical for unit in prediction.units):
        return write(header, (_level(row, lang) for unit in prediction.units for row in _unit_rows(unit, lang)), lang)
    # A what-if run: a last column marks, row by row, each figure that rests on hypothetical evidence.
    return write(
        header + [t("csv.what_if", lang)],
        (
            _level(row, lang) + [_mark(row, what_if_rows(unit), lang)]
            for unit in prediction.units
            for row in _unit_rows(unit, lang)
        ),
        lang,
    )


def _level(row: list[Any], lang: str) -> list[Any]:
    """A row's level in words in Vietnamese (`lĩnh vực`, not `area`); a component by its title alone."""
    if lang != "vi":
        return row
    level = row[3]
    return row[:3] + [t(f"csv.level.{level}", lang), "" if level == "component" else row[4]] + row[5:]


def _mark(row: list[Any], what_if: frozenset[str], lang: str) -> str:
    level, row_id = row[3], row[4]
    key = TOTAL if level == "total" else str(row_id)
    return t("hypothetical_mark", lang) if key in what_if else ""


def _unit_rows(unit: UnitPrediction, lang: str) -> Iterable[list[Any]]:
    head = [unit.unit, unit.year, unit.as_of]
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
            status_words(c, lang) + (f": {c.not_applicable_reason}" if c.not_applicable_reason else ""),
            c.owner_division or c.owner,
            c.deadline,
        ]


def render_risks(units: list[UnitPrediction], lang: str) -> str:
    header = [t("csv.unit", lang), t("csv.as_of", lang), *heads(RISK_COLUMNS, lang), t("criteria_set", lang)]
    if not any(unit.hypothetical for unit in units):
        return write(header, (_risk_row(u, r, lang) for u in units for r in u.risks), lang)
    return write(
        header + [t("csv.what_if", lang)],
        (
            _risk_row(u, r, lang) + [t("hypothetical_mark", lang) if r.criterion in what_if_rows(u) else ""]
            for u in units
            for r in u.risks
        ),
        lang,
    )


def _risk_row(unit: UnitPrediction, r: Risk, lang: str) -> list[Any]:
    return [unit.unit, unit.as_of, *values(RISK_COLUMNS, r, lang), provenance_text(unit.provenance, lang)]


def render_explanations(found: list[tuple[UnitPrediction, CriterionResult]], lang: str) -> str:
    header = [
        t("csv.unit", lang),
        t("criterion", lang),
        t("record_id", lang),
        t("csv.type", lang),
        t("date", lang),
        t("document_no", lang),
        t("file", lang),
        t("csv.line", lang),
        t("csv.supported", lang),
        t("csv.hypothetical", lang),
        t("title", lang),
    ]
    rows = [
        [
            u.unit,
            c.id,
            e.id,
            e.type,
            e.date,
            e.document_no,
            e.file,
            e.line,
            t("yes" if e.supported else "no", lang) if lang == "vi" else e.supported,
            t("yes" if e.hypothetical else "no", lang) if lang == "vi" else e.hypothetical,
            e.title,
        ]
        for u, c in found
        for e in c.evidence_used
    ]
    return write(header, rows, lang)


# -- the writer interface (scorer.render.formats): the same function for the same document -------


def prediction(units: Iterable[UnitPrediction], lang: str, detail: bool = True) -> Iterator[str]:
    """The prediction document in pieces."""
    yield render_prediction(collect(units), lang)


def risks(units: list[UnitPrediction], lang: str) -> str:
    return render_risks(units, lang)


def explanations(found: list[tuple[UnitPrediction, CriterionResult]], lang: str) -> str:
    return render_explanations(found, lang)

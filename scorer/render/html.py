"""A self-contained HTML report: no script, no network, every text escaped, charts as inline SVG,
laid out to print on A4.

Two charts answer what a table answers slowly: where each area stands against its maximum (the
low-high range, the expected point and last year's mark), and where the total falls among the
class bands."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from html import escape

from scorer.messages import (
    date,
    how,
    metric_words,
    num,
    obligation_words,
    class_line,
    known_line,
    pick,
    provenance_text,
    rule_words,
    satisfaction_line,
    t,
    upper_first,
)
from scorer.render import collect
from scorer.models.prediction import AreaResult, CriterionResult, Prediction, RankRow, Risk, Total, UnitPrediction
from scorer.render.marks import TOTAL, marked, what_if_rows
from scorer.render.cells import adjustment_row, index_values, reason_text

CSS = """
@page { size: A4; margin: 14mm 12mm; }
body { font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; color: #1d2733; margin: 24px auto; max-width: 1000px; font-size: 13px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 22px 0 8px; border-bottom: 1px solid #c9d3df; }
.meta { color: #4d5b6a; margin: 0 0 12px; } .whatif { background: #fff4d6; padding: 6px 10px; border-left: 4px solid #e0a800; }
.total { display: flex; gap: 24px; align-items: center; } .big { font-size: 40px; font-weight: 700; }
.range { color: #4d5b6a; } table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid #d5dde6; padding: 4px 6px; vertical-align: top; text-align: left; }
td.d { white-space: nowrap; }
th { background: #eef2f6; } td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
svg text { font-family: inherit; font-size: 11px; fill: #1d2733; } .legend { color: #4d5b6a; font-size: 11px; }
section.unit + section.unit { page-break-before: always; } tr { page-break-inside: avoid; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } }
"""

BAND_COLOURS = ["#d64545", "#e8913a", "#e8c93a", "#7cc36b", "#2e9d5b", "#1f7a8c"]


def page(title: str, body: str, lang: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
        f"<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def render_prediction(prediction: Prediction, lang: str, detail: bool = True) -> str:
    """Several units give the ranking, then each unit only with `detail`."""
    parts = []
    if len(prediction.units) > 1:
        parts.append(ranking(prediction.ranking, lang))
    if detail or len(prediction.units) == 1:
        parts += [unit_section(u, lang) for u in prediction.units]
    title = prediction.units[0].unit_name if len(prediction.units) == 1 else t("ranking", lang)
    return page(f"{title} · PAR Index", "\n".join(parts), lang)


def meta(unit: UnitPrediction, lang: str) -> str:
    text = f"{t('year', lang)} {unit.year} · {t('as_of', lang)} {date(unit.as_of, lang)}" + (
        f" · {t('final', lang)}" if unit.final else ""
    )
    out = f'<h1>{escape(unit.unit_name)}</h1>\n<p class="meta">{escape(text)}</p>'
    out += f'\n<p class="meta" id="provenance">{escape(provenance_text(unit.provenance, lang))}</p>'
    if unit.hypothetical:
        out += f'\n<p class="whatif">{escape(t("what_if", lang))}: {escape(", ".join(unit.hypothetical))}</p>'
    return out


def unit_section(unit: UnitPrediction, lang: str) -> str:
    total = unit.total
    klass = total.class_.expected or "–"
    headline = (
        f'<div class="total"><div><div class="big" id="total-expected" data-value="{total.expected:.2f}">'
        f'{num(total.expected, lang)}</div><div class="range">{escape(t("low", lang))} {num(total.low, lang)} – '
        f"{escape(t('high', lang))} {num(total.high, lang)} · {escape(t('class', lang))}: <b>{escape(klass)}</b></div></div>"
        f"{total_chart(total, unit, lang)}</div>"
    )
    return "\n".join(
        [
            f'<section class="unit" id="unit-{escape(unit.unit)}">',
            meta(unit, lang),
            headline,
            f"<h2>{escape(t('area', lang))}</h2>",
            area_chart(unit.areas, lang),
            area_table(unit, lang),
            f"<h2>{escape(t('components', lang))}</h2>",
            component_table(unit, lang),
            f'<p class="known">{escape(class_line(unit.total, lang))}</p>',
            f'<p class="known">{escape(known)}</p>' if (known := known_line(unit.total, lang)) else "",
            f'<p class="sipas">{escape(sipas)}</p>' if (sipas := satisfaction_line(unit, lang)) else "",
            f"<h2>{escape(t('risks', lang))} ({len(unit.risks)})</h2>",
            risk_table(unit.risks, lang, what_if_rows(unit)),
            "</section>",
        ]
    )


def total_chart(total: Total, unit: UnitPrediction, lang: str) -> str:
    """The 0-100 scale in class bands, the low-high range, the expected mark and last year's."""
    width, left, right = 560, 10, 550

    def x(v: float) -> float:
        return left + (right - left) * max(0.0, min(v, total.max)) / total.max

    bands = sorted(_classes(unit), key=lambda b: b[1])
    shapes = []
    for i, (name, low) in enumerate(bands):
        high = bands[i + 1][1] if i + 1 < len(bands) else total.max
        colour = BAND_COLOURS[min(i, len(BAND_COLOURS) - 1)]
        shapes.append(
            f'<rect x="{x(low):.1f}" y="18" width="{x(high) - x(low):.1f}" height="14" fill="{colour}" opacity="0.35"/>'
        )
        shapes.append(f'<text x="{(x(low) + x(high)) / 2:.1f}" y="14" text-anchor="middle">{escape(name)}</text>')
    shapes.append(
        f'<rect x="{x(total.low):.1f}" y="36" width="{max(x(total.high) - x(total.low), 1):.1f}" height="8" fill="#3b6ea5"/>'
    )
    if total.likely is not None:
        # The likely range, over the [low, high] bounds: where the total ends four times in five.
        shapes.append(
            f'<rect class="likely" x="{x(total.likely.low):.1f}" y="33" '
            f'width="{max(x(total.likely.high) - x(total.likely.low), 1):.1f}" height="14" fill="#0b2f57" opacity="0.45"/>'
        )
    shapes.append(f'<circle cx="{x(total.expected):.1f}" cy="40" r="6" fill="#0b2f57"/>')
    if total.last_year is not None:
        shapes.append(
            f'<line x1="{x(total.last_year):.1f}" x2="{x(total.last_year):.1f}" y1="16" y2="50" stroke="#222" stroke-dasharray="3,2"/>'
        )
    for tick in range(0, int(total.max) + 1, 10):
        shapes.append(f'<text x="{x(tick):.1f}" y="62" text-anchor="middle">{tick}</text>')
    label = f"{t('total', lang)}: {num(total.expected, lang)}"
    return (
        f'<svg role="img" aria-label="{escape(label)}" width="{width}" height="70" viewBox="0 0 {width} 70">'
        + "".join(shapes)
        + "</svg>"
    )


def _classes(unit: UnitPrediction) -> list[tuple[str, float]]:
    return [(band.name, band.min) for band in unit.classes]


def area_chart(areas: list[AreaResult], lang: str) -> str:
    """One row per area on a common points scale: max, low-high range, expected, last year."""
    scale = max(a.max for a in areas)
    row, label_w, bar_w = 26, 300, 380
    height = row * len(areas) + 30

    def x(v: float) -> float:
        return label_w + bar_w * v / scale

    shapes = []
    for i, a in enumerate(areas):
        y = 10 + i * row
        title = pick(a, "title", lang)
        short = title if len(title) <= 44 else title[:43].rstrip() + "…"
        shapes.append(
            f'<text x="{label_w - 8}" y="{y + 14}" text-anchor="end">{escape(a.id)}. {escape(short)}'
            f"<title>{escape(title)}</title></text>"
        )
        shapes.append(f'<rect x="{label_w}" y="{y + 4}" width="{x(a.max) - label_w:.1f}" height="14" fill="#e3e9f0"/>')
        shapes.append(
            f'<rect x="{x(a.low):.1f}" y="{y + 7}" width="{max(x(a.high) - x(a.low), 1):.1f}" height="8" fill="#8fb3d9"/>'
        )
        shapes.append(
            f'<circle cx="{x(a.expected):.1f}" cy="{y + 11}" r="5" fill="#0b2f57"><title>{escape(num(a.expected, lang))}</title></circle>'
        )
        if a.last_year is not None:
            shapes.append(
                f'<line x1="{x(a.last_year):.1f}" x2="{x(a.last_year):.1f}" y1="{y + 2}" y2="{y + 20}" stroke="#c0392b" stroke-width="2"/>'
            )
        shapes.append(
            f'<text x="{x(a.max) + 6:.1f}" y="{y + 15}">{escape(num(a.expected, lang))} / {escape(num(a.max, lang))}</text>'
        )
    legend = (
        f'<p class="legend">■ {escape(t("max", lang))} · <span style="color:#8fb3d9">■</span> {escape(t("low", lang))}–'
        f'{escape(t("high", lang))} · ● {escape(t("expected", lang))} · <span style="color:#c0392b">|</span> {escape(t("last_year", lang))}</p>'
    )
    return (
        f'<svg role="img" aria-label="{escape(t("area", lang))}" width="{label_w + bar_w + 90}" height="{height}" '
        f'viewBox="0 0 {label_w + bar_w + 90} {height}">' + "".join(shapes) + "</svg>\n" + legend
    )


def _cells(*values: float | None, lang: str) -> str:
    return "".join(f'<td class="n">{num(v, lang)}</td>' for v in values)


def area_table(unit: UnitPrediction, lang: str) -> str:
    heads = [t(k, lang) for k in ("area", "title", "max", "low", "expected", "high", "last_year")]
    what_if = what_if_rows(unit)
    rows = [
        f"<tr><td>{escape(a.id)}</td><td>{escape(marked(pick(a, 'title', lang), a.id, what_if, lang))}</td>"
        f"{_cells(a.max, a.low, a.expected, a.high, a.last_year, lang=lang)}</tr>"
        for a in unit.areas
    ]
    total = unit.total
    for block, sign in ((unit.bonus, "+"), (unit.penalty, "−")):
        if block is not None:
            rows.append(
                "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in adjustment_row(block, sign, lang)) + "</tr>"
            )
    rows.append(
        f"<tr><th></th><th>{escape(marked(t('total', lang), TOTAL, what_if, lang))}</th>{_cells(total.max, total.low, total.expected, total.high, total.last_year, lang=lang)}</tr>"
    )
    if unit.index is not None:
        cells = "".join(f'<td class="n">{num(v, lang)}%</td>' for v in index_values(unit))
        rows.append(
            f'<tr id="index"><th></th><th>{escape(t("index", lang))}</th><td class="n">100%</td>{cells}<td></td></tr>'
        )
    return _table(heads, rows)


def component_table(unit: UnitPrediction, lang: str) -> str:
    heads = [t(k, lang) for k in ("components", "max", "low", "expected", "high", "last_year")]
    rows = [
        f"<tr><td>{escape(pick(c, 'title', lang))}</td>{_cells(c.max, c.low, c.expected, c.high, c.last_year, lang=lang)}</tr>"
        for c in unit.components
    ]
    return _table(heads, rows)


def risk_table(risks: list[Risk], lang: str, what_if: frozenset[str] = frozenset()) -> str:
    if not risks:
        return f"<p>{escape(t('no_risks', lang))}</p>"
    heads = [
        t(k, lang) for k in ("criterion", "title", "at_stake", "worst_case", "reason", "owner", "deadline", "remedy")
    ]
    rows = [
        f"<tr><td>{escape(r.criterion)}</td><td>{escape(marked(pick(r, 'title', lang), r.criterion, what_if, lang))}</td>{_cells(r.at_stake, r.worst_case, lang=lang)}"
        f"<td>{escape(reason_text(r, lang))}</td><td>{escape(r.owner_division)}</td><td class='d'>{escape(date(r.deadline, lang))}</td>"
        f"<td>{escape(pick(r, 'remedy', lang))}</td></tr>"
        for r in risks
    ]
    return _table(heads, rows, table_id="risks")


def _table(heads: list[str], rows: list[str], table_id: str | None = None) -> str:
    attribute = f' id="{table_id}"' if table_id else ""
    head = "".join(f"<th>{escape(h)}</th>" for h in heads)
    return f"<table{attribute}><thead><tr>{head}</tr></thead><tbody>\n" + "\n".join(rows) + "\n</tbody></table>"


def ranking(rows: list[RankRow], lang: str) -> str:
    heads = [t(k, lang) for k in ("rank", "unit", "low", "expected", "high", "class")]
    body = [
        f"<tr><td>{r.rank}/{r.of}</td><td>{escape(r.unit_name)}</td>{_cells(r.low, r.expected, r.high, lang=lang)}"
        f"<td>{escape(r.class_ or '–')}</td></tr>"
        for r in rows
    ]
    return f"<section><h1>{escape(t('ranking', lang))}</h1>{_table(heads, body)}</section>"


def render_risk_lists(units: list[UnitPrediction], lang: str) -> str:
    body = "\n".join(
        f'<section class="unit">{meta(u, lang)}<h2>{escape(t("risks", lang))} ({len(u.risks)})</h2>'
        f"{risk_table(u.risks, lang, what_if_rows(u))}</section>"
        for u in units
    )
    return page(t("risks", lang), body, lang)


def render_explanations(found: list[tuple[UnitPrediction, CriterionResult]], lang: str) -> str:
    sections = [explanation_section(unit, c, lang) for unit, c in found]
    return page(f"{found[0][1].id} · PAR Index", "\n".join(sections), lang)


def explanation_section(unit: UnitPrediction, c: CriterionResult, lang: str) -> str:
    """One criterion of one unit: rule, points, metrics, obligations, evidence used, why not full."""
    metrics = [
        f"<tr><td>{escape(upper_first(metric_words(m, lang)))}</td>{_cells(m.low, m.expected, m.high, lang=lang)}<td>{escape(how(m.basis, m.params, lang))}</td></tr>"
        for m in c.metrics
    ]
    uses = [
        f"<tr><td>{escape(e.id)}</td><td>{escape(date(e.date, lang))}</td><td>{escape(e.document_no or '–')}</td>"
        f"<td><code>{escape(e.file)}:{e.line}</code></td><td>{escape(e.title or '')}</td>"
        f"<td>{escape(', '.join(([t('unsupported_mark', lang)] if not e.supported else []) + ([t('hypothetical_mark', lang)] if e.hypothetical else [])))}</td></tr>"
        for e in c.evidence_used
    ]
    why = (
        escape(t("full_points", lang))
        if c.low >= c.max
        else escape(", ".join(t(f"reason.{r}", lang) for r in c.reasons) or "–")
        + f"<br><b>{escape(t('remedy', lang))}:</b> {escape(pick(c, 'remedy', lang))}"
    )
    return "\n".join(
        [
            f'<section class="unit">{meta(unit, lang)}',
            f"<h2>{escape(c.id)} {escape(pick(c, 'title', lang))}</h2>",
            f"<p>{escape(t('not_applicable', lang))}: {escape(c.not_applicable_reason)}</p>"
            if c.not_applicable_reason
            else "",
            f"<p><b>{escape(t('method_text', lang))}:</b><br>{'<br>'.join(escape(x) for x in c.method_text.splitlines())}</p>"
            if c.method_text
            else "",
            _table(
                [t("record_id", lang), t("proofs", lang), t("evidence", lang)],
                [
                    f"<tr><td>{escape(p.id)}</td><td>{escape(pick(p, 'title', lang))}</td>"
                    f"<td>{escape(', '.join(p.evidence) or t('proof_missing', lang))}</td></tr>"
                    for p in c.proofs
                ],
            )
            if c.proofs
            else "",
            f"<p>{escape(t('rule', lang))}: {escape(rule_words(c, lang))}<br>{escape(t('points', lang))}: "
            f'{escape(t("low", lang))} {num(c.low, lang)} · {escape(t("expected", lang))} <b id="criterion-expected">{num(c.expected, lang)}</b> · '
            f"{escape(t('high', lang))} {num(c.high, lang)}</p>",
            _table([t(k, lang) for k in ("metric", "low", "expected", "high", "how")], metrics),
            _table(
                [t(k, lang) for k in ("obligation", "deadline", "status")] + [t("record_id", lang)],
                [
                    f"<tr><td>{escape(upper_first(obligation_words(o.label, lang)))}</td><td class='d'>{escape(date(o.due, lang))}</td>"
                    f"<td>{escape(t('obligation.' + o.status, lang))}</td><td>{escape(o.record or '–')}</td></tr>"
                    for o in c.obligations
                ],
            )
            if c.obligations
            else "",
            f"<h2>{escape(t('evidence', lang))} ({len(c.evidence_used)})</h2>",
            _table(
                [t("record_id", lang), t("date", lang), t("document_no", lang), t("file", lang), t("title", lang), ""],
                uses,
            )
            if uses
            else f"<p>{escape(t('no_evidence', lang))}</p>",
            f"<h2>{escape(t('why_not_full', lang))}</h2><p>{why}</p></section>",
        ]
    )


# -- the writer interface (scorer.render.formats): the same function for the same document -------


def prediction(units: Iterable[UnitPrediction], lang: str, detail: bool = True) -> Iterator[str]:
    """The prediction document in pieces."""
    yield render_prediction(collect(units), lang, detail)


def risks(units: list[UnitPrediction], lang: str) -> str:
    return render_risk_lists(units, lang)


def explanations(found: list[tuple[UnitPrediction, CriterionResult]], lang: str) -> str:
    return render_explanations(found, lang)

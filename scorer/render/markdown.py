"""Markdown, for pasting into a report or a wiki: the same content as the tables, as pipe tables."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from tabulate import tabulate

from scorer.messages import (
    class_line,
    date,
    how,
    known_line,
    metric_figures,
    metric_words,
    num,
    obligation_words,
    pick,
    proof_words,
    provenance_text,
    result_reasons,
    rule_words,
    satisfaction_line,
    status_words,
    t,
    upper_first,
    use_marks,
)
from scorer.render import collect
from scorer.models.plan import RemediationPlan
from scorer.models.prediction import CriterionResult, Prediction, Risk, UnitPrediction
from scorer.render.marks import TOTAL, marked, what_if_rows
from scorer.render.columns import AREA_COLUMNS, COMPONENT_COLUMNS, FIGURES, RISK_BRIEF, heads, texts
from scorer.render.cells import adjustment_row, index_values


def _table(rows: list[list[str]], heads: list[str]) -> str:
    return tabulate(rows, heads, tablefmt="github", disable_numparse=True)


_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]~|#"} | {"<": "&lt;", ">": "&gt;", "\n": " ", "\r": " "})


def esc(text: str) -> str:
    """Text as itself in Markdown: no emphasis, link, code, HTML or table cell can be started by it."""
    return text.translate(_SPECIAL)


_esc = esc


def _code(text: str) -> str:
    """A code span: nothing inside is read as Markdown, but a backtick would close it and a pipe end the cell."""
    return "`" + text.replace("`", "'").replace("|", "\\|").replace("\n", " ") + "`"


def header(unit: UnitPrediction, lang: str) -> str:
    lines = [
        f"# {_esc(unit.unit_name)} — {t('year', lang)} {unit.year}",
        "",
        f"{t('as_of', lang)} {date(unit.as_of, lang)}" + (f" · {t('final', lang)}" if unit.final else ""),
        "",
        f"*{_esc(provenance_text(unit.provenance, lang))}*",
    ]
    if unit.hypothetical:
        lines += ["", f"**{t('what_if', lang)}:** {_esc(', '.join(unit.hypothetical))}"]
    return "\n".join(lines)


def render_prediction(prediction: Prediction, lang: str, detail: bool = True) -> str:
    """Several units give the ranking, then each unit only with `detail`."""
    parts = []
    if len(prediction.units) > 1:
        rows = [
            [
                f"{r.rank}/{r.of}",
                _esc(r.unit_name),
                num(r.low, lang),
                num(r.expected, lang),
                num(r.high, lang),
                r.class_ or "–",
            ]
            for r in prediction.ranking
        ]
        parts.append(
            f"# {t('ranking', lang)}\n\n"
            + _table(
                rows,
                [
                    t("rank", lang),
                    t("unit", lang),
                    t("low", lang),
                    t("expected", lang),
                    t("high", lang),
                    t("class", lang),
                ],
            )
        )
    if detail or len(prediction.units) == 1:
        parts += [render_unit(u, lang) for u in prediction.units]
    return "\n\n".join(parts) + "\n"


def render_unit(unit: UnitPrediction, lang: str) -> str:
    what_if = what_if_rows(unit)
    rows = [texts(AREA_COLUMNS, a, a.id, what_if, lang, _esc) for a in unit.areas]
    total = unit.total
    for block, sign in ((unit.bonus, "+"), (unit.penalty, "−")):
        if block is not None:
            rows.append([_esc(cell) for cell in adjustment_row(block, sign, lang)])
    rows.append(
        ["", marked(f"**{t('total', lang)}**", TOTAL, what_if, lang), *(f"**{c.text(total, lang)}**" for c in FIGURES)]
    )
    if unit.index is not None:
        rows.append(["", t("index", lang), "100%", *(f"{num(v, lang)}%" for v in index_values(unit)), ""])
    components = [texts(COMPONENT_COLUMNS, c, c.id, (), lang, _esc) for c in unit.components]
    lines = [class_line(total, lang), known_line(total, lang), satisfaction_line(unit, lang)]
    return "\n\n".join(
        [
            header(unit, lang),
            _table(rows, heads(AREA_COLUMNS, lang)),
            _table(components, heads(COMPONENT_COLUMNS, lang)),
            "\n\n".join(_esc(line) for line in lines if line),
            render_risks(unit.risks, lang, what_if),
        ]
    )


def render_risks(risks: list[Risk], lang: str, what_if: frozenset[str] = frozenset()) -> str:
    title = f"## {t('risks', lang)} ({len(risks)})"
    if not risks:
        return f"{title}\n\n{t('no_risks', lang)}"
    rows = [texts(RISK_BRIEF, r, r.criterion, what_if, lang, _esc) for r in risks]
    return f"{title}\n\n" + _table(rows, heads(RISK_BRIEF, lang))


def render_risk_lists(units: list[UnitPrediction], lang: str) -> str:
    return "\n\n".join(f"{header(u, lang)}\n\n{render_risks(u.risks, lang, what_if_rows(u))}" for u in units) + "\n"


def render_explanations(found: list[tuple[UnitPrediction, CriterionResult]], lang: str) -> str:
    return "\n\n".join(render_explanation(u, c, lang) for u, c in found) + "\n"


def render_explanation(unit: UnitPrediction, c: CriterionResult, lang: str) -> str:
    lines = [
        header(unit, lang),
        "",
        f"## {c.id} {_esc(pick(c, 'title', lang))}",
        "",
        f"- {t('max', lang)}: {num(c.max, lang)}",
        f"- {t('status', lang)}: {status_words(c, lang)}",
        f"- {t('deadline', lang)}: {date(c.deadline, lang)}",
        f"- {t('rule', lang)}: {rule_words(c, lang)}",
        *([f"- {t('not_applicable', lang)}: {_esc(c.not_applicable_reason)}"] if c.not_applicable_reason else []),
        *([f"- {t('method_text', lang)}: {_esc(c.method_text)}"] if c.method_text else []),
        *(f"- {t('proofs', lang)}: {proof_words(p, lang, mark=lambda s: f'**{s}**', esc=_esc)}" for p in c.proofs),
        f"- {t('points', lang)}: {t('low', lang)} {num(c.low, lang)} · {t('expected', lang)} {num(c.expected, lang)} · "
        f"{t('high', lang)} {num(c.high, lang)}",
        "",
    ]
    metrics = [
        [
            _esc(upper_first(metric_words(m, lang))),
            *metric_figures(m, lang),
            _esc(how(m.basis, m.params, lang, m.share)),
        ]
        for m in c.metrics
    ]
    lines += [
        _table(metrics, [t("metric", lang), t("low", lang), t("expected", lang), t("high", lang), t("how", lang)]),
        "",
    ]
    if c.obligations:
        rows = [
            [
                _esc(upper_first(obligation_words(o.label, lang, o.title))),
                date(o.due, lang),
                t(f"obligation.{o.status}", lang),
                _esc(o.record or "–"),
            ]
            for o in c.obligations
        ]
        lines += [
            _table(rows, [t("obligation", lang), t("deadline", lang), t("status", lang), t("record_id", lang)]),
            "",
        ]
    lines += [f"### {t('evidence', lang)} ({len(c.evidence_used)})", ""]
    if c.evidence_used:
        rows = [
            [
                _esc(e.id),
                date(e.date, lang),
                _esc(e.document_no or "–"),
                _code(f"{e.file}:{e.line}"),
                _esc(e.title or ""),
                ", ".join(use_marks(e, lang)),
            ]
            for e in c.evidence_used
        ]
        heads = [t(k, lang) for k in ("record_id", "date", "document_no", "file", "title", "use_note")]
        if not any(row[-1] for row in rows):  # the notes column only when a record is marked
            rows, heads = [row[:-1] for row in rows], heads[:-1]
        lines.append(
            _table(
                rows,
                heads,
            )
        )
    else:
        lines.append(t("no_evidence", lang))
    lines += ["", f"### {t('why_not_full', lang)}", ""]
    if c.low >= c.max:
        lines.append(t("full_points", lang))
    else:
        lines.append(", ".join(result_reasons(c, lang)) or "–")
        lines += ["", f"**{t('remedy', lang)}:** {_esc(pick(c, 'remedy', lang))}"]
    return "\n".join(lines)


# -- the writer interface (scorer.render.formats): the same function for the same document -------


def prediction(units: Iterable[UnitPrediction], lang: str, detail: bool = True) -> Iterator[str]:
    """The prediction document in pieces."""
    yield render_prediction(collect(units), lang, detail)


def risks(units: list[UnitPrediction], lang: str) -> str:
    return render_risk_lists(units, lang)


def explanations(found: list[tuple[UnitPrediction, CriterionResult]], lang: str) -> str:
    return render_explanations(found, lang)


def plan(plans: list[RemediationPlan], lang: str) -> str:
    """The plan in Markdown, every unit's after the other (scorer.render.plan writes one)."""
    from scorer.render import plan as plan_writer

    return "\n".join(plan_writer.render_plan(p, lang) for p in plans)

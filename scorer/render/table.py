"""Plain-text tables for the terminal: the score table, then the at-risk list a division head reads."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from scorer.render.fit import tabulate

from scorer.messages import (
    class_line,
    component_words,
    date,
    figure,
    how,
    known_line,
    metric_figures,
    metric_words,
    named,
    num,
    obligation_words,
    pick,
    proof_words,
    provenance_text,
    result_reasons,
    rule_text,
    rule_words,
    satisfaction_line,
    status_words,
    t,
    upper_first,
    use_marks,
)
from scorer.models.prediction import Change, CriterionResult, RankRow, Risk, UnitPrediction
from scorer.render.cells import adjustment_row, index_values
from scorer.render.columns import AREA_COLUMNS, COMPONENT_COLUMNS, FIGURES, RISK_BRIEF, aligns, heads, texts
from scorer.ranking import RankEntry, rank_entry, rank_rows
from scorer.render.marks import TOTAL, marked, what_if_rows

if TYPE_CHECKING:  # the other commands' results: a prediction does not build their models
    from scorer.models.backtest import Backtest
    from scorer.models.cases import TestReport
    from scorer.models.diff import CriteriaDiff

_FORMAT = "simple"


def stream_prediction(units: Iterable[UnitPrediction], lang: str, detail: bool = True) -> Iterator[str]:
    """The same text as `render_prediction`, keeping each unit's text rather than the unit itself.
    Without `detail`, several units give the ranking alone (one unit is always shown whole)."""
    entries: list[RankEntry] = []
    texts: list[str] = []
    for unit in units:
        entries.append(rank_entry(unit))
        if detail or not texts:
            texts.append(render_unit(unit, lang))
    if len(entries) > 1:
        yield render_ranking(rank_rows(entries), lang) + ("\n\n" if detail else "\n")
        if not detail:
            return
    yield "\n\n".join(texts) + "\n"


def header(unit: UnitPrediction, lang: str) -> str:
    line = (
        f"{unit.unit_name} ({unit.unit}) · {t('year', lang)} {unit.year} · {t('as_of', lang)} {date(unit.as_of, lang)}"
    )
    if unit.final:
        line += f" · {t('final', lang)}"
    line += f"\n{provenance_text(unit.provenance, lang)}"
    if unit.hypothetical:
        line += f"\n{t('what_if', lang)}: {', '.join(unit.hypothetical)}"
    return line


def render_unit(unit: UnitPrediction, lang: str) -> str:
    what_if = what_if_rows(unit)
    rows = [texts(AREA_COLUMNS, a, a.id, what_if, lang) for a in unit.areas]
    total = unit.total
    for block, sign in ((unit.bonus, "+"), (unit.penalty, "−")):
        if block is not None:
            rows.append(adjustment_row(block, sign, lang))
    rows.append(["", marked(t("total", lang), TOTAL, what_if, lang), *(c.text(total, lang) for c in FIGURES)])
    if unit.index is not None:
        rows.append(["", t("index", lang), "100%", *(f"{num(v, lang)}%" for v in index_values(unit)), ""])
    areas = tabulate(
        rows, heads(AREA_COLUMNS, lang), tablefmt=_FORMAT, disable_numparse=True, colalign=aligns(AREA_COLUMNS)
    )
    components = tabulate(
        [texts(COMPONENT_COLUMNS, c, c.id, (), lang) for c in unit.components],
        heads(COMPONENT_COLUMNS, lang),
        tablefmt=_FORMAT,
        disable_numparse=True,
        colalign=aligns(COMPONENT_COLUMNS),
    )
    lines = [class_line(total, lang), known_line(total, lang), satisfaction_line(unit, lang)]
    parts = [header(unit, lang), areas, components, "\n".join(line for line in lines if line)]
    if unit.what_if is not None:
        parts.append(render_changes(unit.what_if, lang))
    return "\n\n".join(parts + [render_risks(unit.risks, lang, what_if)])


def render_changes(changes: list[Change], lang: str) -> str:
    rows = [
        [
            c.id,
            pick(c, "title", lang),
            num(c.without.expected, lang),
            num(c.with_.expected, lang),
            num(c.with_.expected - c.without.expected, lang),
            f"{num(c.without.low, lang)}–{num(c.without.high, lang)}",
            f"{num(c.with_.low, lang)}–{num(c.with_.high, lang)}",
        ]
        for c in changes
    ]
    heads = [
        "",
        t("title", lang),
        t("without", lang),
        t("with", lang),
        "±",
        f"{t('low', lang)}–{t('high', lang)} ({t('without', lang)})",
        f"{t('low', lang)}–{t('high', lang)} ({t('with', lang)})",
    ]
    return f"{t('change', lang)}\n" + tabulate(
        rows, heads, tablefmt=_FORMAT, disable_numparse=True, maxcolwidths=[None, 40] + [None] * 5
    )


def render_risks(risks: list[Risk], lang: str, what_if: frozenset[str] = frozenset()) -> str:
    title = f"{t('risks', lang)} ({len(risks)})"
    if not risks:
        return f"{title}\n{t('no_risks', lang)}"
    rows = [texts(RISK_BRIEF, r, r.criterion, what_if, lang) for r in risks]
    table = tabulate(
        rows,
        heads(RISK_BRIEF, lang),
        tablefmt=_FORMAT,
        disable_numparse=True,
        maxcolwidths=[c.wrap for c in RISK_BRIEF],
        colalign=aligns(RISK_BRIEF),
    )
    return f"{title}\n{table}"


def render_ranking(ranking: list[RankRow], lang: str) -> str:
    rows = [
        [
            f"{r.rank}/{r.of}",
            r.unit_name,
            num(r.low, lang),
            num(r.expected, lang),
            num(r.high, lang),
            f"{num(r.index, lang)}%",
            r.class_ or "–",
        ]
        for r in ranking
    ]
    heads = [
        t("rank", lang),
        t("unit", lang),
        t("low", lang),
        t("expected", lang),
        t("high", lang),
        t("index_short", lang),
        t("class", lang),
    ]
    return f"{t('ranking', lang)}\n" + tabulate(rows, heads, tablefmt=_FORMAT, disable_numparse=True)


def render_backtests(checks: list[Backtest], lang: str) -> str:
    return "\n\n".join(render_backtest(check, lang) for check in checks) + "\n"


def render_backtest(check: Backtest, lang: str) -> str:
    head = f"{t('backtest', lang)}: {check.unit_name} ({check.unit}) · {t('year', lang)} {check.year}"
    head += f"\n{provenance_text(check.provenance, lang)}"
    rows = [
        [
            a.id,
            pick(a, "title", lang),
            num(a.max, lang),
            num(a.scored, lang),
            num(a.official, lang),
            num(a.difference, lang),
            num(a.lost, lang),
            num(a.itemised, lang),
            num(a.unitemised, lang),
        ]
        for a in check.areas
    ]
    rows.append(
        [
            "",
            t("total", lang),
            "100.00" if lang == "en" else "100,00",
            num(check.total.scored, lang),
            num(check.total.official, lang),
            num(check.total.difference, lang),
            "",
            "",
            "",
        ]
    )
    heads = [
        t("area", lang),
        t("title", lang),
        t("max", lang),
        t("scored", lang),
        t("official", lang),
        t("difference", lang),
        t("lost", lang),
        t("itemised", lang),
        t("unitemised", lang),
    ]
    areas = tabulate(rows, heads, tablefmt=_FORMAT, disable_numparse=True, maxcolwidths=[None, 40] + [None] * 7)
    component_rows = [
        [component_words(c.id, lang), num(c.scored, lang), num(c.official, lang), num(c.difference, lang)]
        for c in check.components
    ]
    components = tabulate(
        component_rows,
        [t("components", lang), t("scored", lang), t("official", lang), t("difference", lang)],
        tablefmt=_FORMAT,
        disable_numparse=True,
    )
    deduction_rows = [
        [
            d.area,
            pick(d, "title", lang),
            ", ".join(d.criteria),
            num(d.points, lang),
            num(d.scored_loss, lang),
            t("matches", lang) if d.matches else t("mismatch", lang),
        ]
        for d in check.deductions
    ]
    deductions = tabulate(
        deduction_rows,
        [
            t("area", lang),
            t("deductions_check", lang),
            t("criterion", lang),
            t("itemised", lang),
            t("scored", lang),
            "",
        ],
        tablefmt=_FORMAT,
        disable_numparse=True,
        maxcolwidths=[None, 48] + [None] * 4,
    )
    if check.gaps:
        gaps = f"{t('gaps', lang)}:\n" + "\n".join(
            f"  {t('area', lang)} {g.id} ({pick(g, 'title', lang)}): {num(g.unitemised, lang)}"
            + (" ← " + ", ".join(f"{u.criterion} −{num(u.lost, lang)}" for u in g.unexplained) if g.unexplained else "")
            for g in check.gaps
        )
    else:
        gaps = t("no_gaps", lang)
    verdict = t("reproduced" if check.reproduced else "not_reproduced", lang)
    criteria = _criterion_checks(check, lang)
    summary = f"{t('total', lang)}: {num(check.total.scored, lang)} {t('versus', lang)} {num(check.total.official, lang)}: {verdict}"
    return "\n\n".join([head, areas, components, deductions, gaps, criteria, summary])


def _criterion_checks(check: Backtest, lang: str) -> str:
    if not check.criteria:
        return t("no_appraised", lang)
    amounts = {
        "appraisal_cut": lambda c: c.appraisal_minus_self,
        "appraisal_raised": lambda c: c.appraisal_minus_self,
        "rules_below": lambda c: c.scored_minus_appraised,
        "rules_above": lambda c: c.scored_minus_appraised,
        "unsupported": lambda c: c.scored - (c.self_score or 0),
        "agree": lambda c: 0,
    }
    rows = [
        [
            c.id,
            pick(c, "title", lang),
            num(c.max, lang),
            num(c.self_score, lang),
            num(c.appraised, lang),
            num(c.scored, lang),
            "; ".join(t(f"diff.{d}", lang).format(n=num(abs(amounts[d](c)), lang)) for d in c.differences),
        ]
        for c in check.criteria
    ]
    heads = [
        t("criterion", lang),
        t("title", lang),
        t("max", lang),
        t("self_score", lang),
        t("appraised", lang),
        t("scored", lang),
        t("differences", lang),
    ]
    table = tabulate(rows, heads, tablefmt=_FORMAT, disable_numparse=True, maxcolwidths=[None, 36] + [None] * 4 + [40])
    return f"{t('criteria_check', lang)}\n{table}"


def render_explanations(found: list[tuple[UnitPrediction, CriterionResult]], lang: str) -> str:
    return "\n\n".join(render_explanation(unit, criterion, lang) for unit, criterion in found) + "\n"


def render_explanation(unit: UnitPrediction, c: CriterionResult, lang: str) -> str:
    lines = [header(unit, lang), "", f"{c.id} {pick(c, 'title', lang)}"]
    lines.append(
        f"{t('max', lang)} {num(c.max, lang)} · {t('status', lang)}: {status_words(c, lang)} · "
        f"{t('deadline', lang)} {date(c.deadline, lang)}"
    )
    if c.not_applicable_reason is not None:
        lines.append(f"{t('not_applicable', lang)}: {c.not_applicable_reason}")
    lines.append(f"{t('rule', lang)}: {rule_words(c, lang)}")
    if c.method_text:
        lines += [f"{t('method_text', lang)}:", *(f"  {line}" for line in c.method_text.splitlines())]
    if c.proofs:
        lines.append(f"{t('proofs', lang)}:")
        lines += [f"  {proof_words(p, lang)}" for p in c.proofs]
    if c.survey_basis:
        lines.append(f"{t('survey_basis', lang)}: {t('survey_basis.' + c.survey_basis, lang)}")
    metric_rows = [
        [
            upper_first(metric_words(m, lang)),
            *metric_figures(m, lang),
            how(m.basis, m.params, lang, m.share),
        ]
        for m in c.metrics
    ]
    lines += [
        "",
        tabulate(
            metric_rows,
            [t("metric", lang), t("low", lang), t("expected", lang), t("high", lang), t("how", lang)],
            tablefmt=_FORMAT,
            disable_numparse=True,
            maxcolwidths=[None, None, None, None, 60],
        ),
    ]
    if c.obligations:
        rows = [
            [
                upper_first(obligation_words(o.label, lang, o.title)),
                date(o.due, lang),
                t(f"obligation.{o.status}", lang),
                o.record or "–",
            ]
            for o in c.obligations
        ]
        lines += [
            "",
            tabulate(
                rows,
                [t("obligation", lang), t("deadline", lang), t("status", lang), t("record_id", lang)],
                tablefmt=_FORMAT,
                disable_numparse=True,
            ),
        ]
    lines += [
        "",
        f"{t('points', lang)}: {t('low', lang)} {num(c.low, lang)} · {t('expected', lang)} {num(c.expected, lang)} · "
        f"{t('high', lang)} {num(c.high, lang)}",
    ]
    lines += ["", f"{t('evidence', lang)} ({len(c.evidence_used)}):"]
    if c.evidence_used:
        rows = []
        for use in c.evidence_used:
            marks = use_marks(use, lang)
            rows.append(
                [
                    use.id,
                    date(use.date, lang),
                    use.document_no or "–",
                    f"{use.file}:{use.line}",
                    use.title or "",
                    ", ".join(marks),
                ]
            )
        heads = [t(k, lang) for k in ("record_id", "date", "document_no", "file", "title", "use_note")]
        widths = [None, None, None, None, 44, None]
        if not any(row[-1] for row in rows):  # the marks column only when a record is marked
            rows, heads, widths = [row[:-1] for row in rows], heads[:-1], widths[:-1]
        lines.append(tabulate(rows, heads, tablefmt=_FORMAT, disable_numparse=True, maxcolwidths=widths))
    else:
        lines.append(t("no_evidence", lang))
    lines += ["", f"{t('why_not_full', lang)}:"]
    missing = [pick(p, "title", lang) for p in c.proofs if not p.evidence]
    if c.status == "not_applicable":
        lines.append(f"{t('not_applicable', lang)}: {c.not_applicable_reason}")
    elif c.low >= c.max:
        lines.append(t("full_points", lang))
        if missing:
            lines.append(f"{t('missing_proofs', lang)}: {', '.join(missing)}")
    else:
        lines.append(", ".join(result_reasons(c, lang)) if c.reasons else "–")
        lines.append(f"{t('remedy', lang)}: {pick(c, 'remedy', lang)}")
    return "\n".join(lines)


def render_test_report(report: TestReport, lang: str = "en") -> str:
    lines = []
    for case in report.cases:
        if case.passed:
            continue
        lines.append(f"{t('cases.fail', lang)} {case.file}:{case.line}: {case.name}")
        for m in case.mismatches:
            got = "–" if m.actual is None else num(m.actual, lang)
            lines.append(
                "     "
                + t("cases.mismatch", lang).format(
                    criterion=m.criterion,
                    scenario=t(m.scenario, lang).lower(),
                    expected=num(m.expected, lang),
                    got=got,
                )
            )
    for coverage in report.coverage:
        tested = coverage.criteria - len(coverage.untested)
        line = t("cases.coverage", lang).format(set=coverage.criteria_set, tested=tested, of=coverage.criteria)
        lines.append(
            line + (t("cases.untested", lang).format(ids=", ".join(coverage.untested)) if coverage.untested else "")
        )
    failed = sum(1 for c in report.cases if not c.passed)
    lines.append(t("cases.summary", lang).format(passed=len(report.cases) - failed, failed=failed))
    return "\n".join(lines) + "\n"


def render_risk_lists(units: list[UnitPrediction], lang: str) -> str:
    return "\n\n".join(f"{header(u, lang)}\n\n{render_risks(u.risks, lang, what_if_rows(u))}" for u in units) + "\n"


def _changed(change: str, value: Any, maximum: float | None, lang: str, titles: dict[str, str]) -> str:
    """One side of a criterion's change, in words."""
    if value is None:
        return "–"
    if change == "rule":
        return named(rule_text(value, maximum or 0.0, lang), titles)
    if change in ("added", "removed"):
        return t("diff.max", lang).format(max=figure(value, lang))
    if change == "max":
        return figure(value, lang)
    return str(value)


def render_diff(result: CriteriaDiff, lang: str) -> str:
    head = f"{result.old} -> {result.new}"
    if not result.changes and not result.metrics:
        return f"{head}\n{t('no_changes', lang)}\n"
    titles = {name: pair[0] if lang == "vi" else pair[1] for name, pair in result.titles.items()}
    rows = [
        [
            c.criterion,
            pick(c, "title", lang),
            t(f"change.{c.change}", lang),
            _changed(c.change, c.old, c.old_max, lang, titles),
            _changed(c.change, c.new, c.new_max, lang, titles),
            num(c.points, lang) if c.points else "",
        ]
        for c in result.changes
    ]
    parts = [
        head,
        tabulate(
            rows,
            [
                t("criterion", lang),
                t("title", lang),
                t("change_kind", lang),
                t("old", lang),
                t("new", lang),
                t("points", lang),
            ],
            tablefmt=_FORMAT,
            disable_numparse=True,
            maxcolwidths=[None, 30, None, 40, 40, None],
        ),
    ]
    if result.metrics:
        metric_rows = [
            [upper_first(titles.get(m.metric, m.metric)), t(f"change.{m.change}", lang), ", ".join(m.criteria)]
            for m in result.metrics
        ]
        parts.append(
            tabulate(metric_rows, [t("metric", lang), t("change_kind", lang), t("criterion", lang)], tablefmt=_FORMAT)
        )
    moved = math.fsum(c.points for c in result.changes)
    parts.append(f"{t('maxima_moved', lang)}: {num(moved, lang)}")
    return "\n\n".join(parts) + "\n"


# -- the writer interface (scorer.render.formats): the same function for the same document -------


def prediction(units: Iterable[UnitPrediction], lang: str, detail: bool = True) -> Iterator[str]:
    """The prediction, unit by unit as they come (a province never sits in memory at once)."""
    return stream_prediction(units, lang, detail)


def risks(units: list[UnitPrediction], lang: str) -> str:
    return render_risk_lists(units, lang)


def explanations(found: list[tuple[UnitPrediction, CriterionResult]], lang: str) -> str:
    return render_explanations(found, lang)

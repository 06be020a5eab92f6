"""A self-contained HTML report: no script, no network, every text escaped, charts as inline SVG,
laid out to print on A4.

The report is written by Jinja templates (templates/report/, escaped by default), the same ones the
web service's unit, risks and criterion pages include: `words(lang)` gives a template everything it
reads (the catalogue's words, numbers and dates in the reader's language, the shared columns, the
charts' geometry). This module only picks the template and hands it the results.

Two charts answer what a table answers slowly: where each area stands against its maximum (the
low-high range, the expected point and last year's mark), and where the total falls among the
class bands."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from scorer import messages
from scorer.models.prediction import AreaResult, CriterionResult, Total, UnitPrediction
from scorer.render import collect
from scorer.render.cells import adjustment_row, index_values, reason_text
from scorer.render.columns import AREA_COLUMNS, COMPONENT_COLUMNS, FIGURES, RISK_BRIEF, Column, heads, texts
from scorer.render.marks import TOTAL, marked, what_if_rows

TEMPLATES = Path(__file__).parent / "templates"
# The report's templates, for an environment that also holds other pages (the web service's).
LOADER = FileSystemLoader(TEMPLATES)

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


@cache
def environment() -> Environment:
    """The report's own environment: escaped by default, templates compiled once per process."""
    return Environment(loader=LOADER, autoescape=True, keep_trailing_newline=True)


@dataclass(frozen=True)
class Chart:
    """A chart's rows, its height, and `x`, which places a number of points on its scale."""

    x: Callable[[float], float]
    rows: list[tuple[Any, ...]]
    height: int
    ticks: tuple[int, ...] = ()


def total_chart(total: Total, unit: UnitPrediction) -> Chart:
    """The 0-100 scale in class bands: a row per band (name, low, high, colour), a tick per 10 points."""
    left, right = 10, 550

    def x(v: float) -> float:
        return left + (right - left) * max(0.0, min(v, total.max)) / total.max

    bands = sorted(((band.name, band.min) for band in unit.classes), key=lambda b: b[1])
    rows = [
        (name, low, bands[i + 1][1] if i + 1 < len(bands) else total.max, BAND_COLOURS[min(i, len(BAND_COLOURS) - 1)])
        for i, (name, low) in enumerate(bands)
    ]
    return Chart(x, rows, 70, tuple(range(0, int(total.max) + 1, 10)))


AREA_LABEL, AREA_BAR, AREA_ROW = 300, 380, 26


def area_chart(areas: list[AreaResult], lang: str) -> Chart:
    """A row per area on a common points scale: the area, its line's top, its title and a short one."""
    scale = max(a.max for a in areas)

    def x(v: float) -> float:
        return AREA_LABEL + AREA_BAR * v / scale

    rows = []
    for i, a in enumerate(areas):
        title = messages.pick(a, "title", lang)
        rows.append((a, 10 + i * AREA_ROW, title, title if len(title) <= 44 else title[:43].rstrip() + "…"))
    return Chart(x, rows, AREA_ROW * len(areas) + 30)


def words(lang: str) -> dict[str, Any]:
    """What a report template reads, in the reader's language."""
    return {
        "lang": lang,
        "t": lambda key, **values: messages.t(key, lang).format(**values) if values else messages.t(key, lang),
        "num": partial(messages.num, lang=lang),
        "date": partial(messages.date, lang=lang),
        "pick": partial(messages.pick, lang=lang),
        "provenance": partial(messages.provenance_text, lang=lang),
        "r": Words(lang),
    }


class Words:
    """The report's own helpers, bound to a language (`r.` in the templates)."""

    AREA_COLUMNS = AREA_COLUMNS
    COMPONENT_COLUMNS = COMPONENT_COLUMNS
    FIGURES = FIGURES
    RISK_COLUMNS = RISK_BRIEF
    TOTAL = TOTAL
    AREA_LABEL, AREA_BAR = AREA_LABEL, AREA_BAR

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def heads(self, columns: Sequence[Column]) -> list[str]:
        return heads(columns, self.lang)

    def cells(
        self, columns: Sequence[Column], row: Any, row_id: str = "", what_if: Collection[str] = ()
    ) -> list[tuple[Column, str]]:
        """A row's cells through the shared columns, each with its column (a points figure or a date)."""
        return list(zip(columns, texts(columns, row, row_id, what_if, self.lang)))

    def marked(self, text: str, row: str, rows: Collection[str]) -> str:
        return marked(text, row, rows, self.lang)

    def what_if(self, unit: UnitPrediction) -> frozenset[str]:
        return what_if_rows(unit)

    def reason(self, risk: Any) -> str:
        return reason_text(risk, self.lang)

    def adjustment(self, block: Any, sign: str) -> list[str]:
        return adjustment_row(block, sign, self.lang)

    def index(self, unit: UnitPrediction) -> tuple[float, float, float]:
        return index_values(unit)

    def class_line(self, total: Total) -> str:
        return messages.class_line(total, self.lang)

    def known_line(self, total: Total) -> str | None:
        return messages.known_line(total, self.lang)

    def satisfaction_line(self, unit: UnitPrediction) -> str | None:
        return messages.satisfaction_line(unit, self.lang)

    def rule(self, c: CriterionResult) -> str:
        return messages.rule_words(c, self.lang)

    def metric(self, m: Any) -> str:
        return messages.upper_first(messages.metric_words(m, self.lang))

    def obligation(self, label: str, title: str | None = None) -> str:
        return messages.upper_first(messages.obligation_words(label, self.lang, title))

    def reasons(self, c: CriterionResult) -> list[str]:
        return messages.result_reasons(c, self.lang)

    def use_marks(self, use: Any) -> list[str]:
        """A record's marks in the evidence used: not supported, hypothetical."""
        return messages.use_marks(use, self.lang)

    def how(self, basis: str, params: dict[str, float | int], share: bool = False) -> str:
        return messages.how(basis, params, self.lang, share)

    def figures(self, m: Any) -> list[str]:
        return messages.metric_figures(m, self.lang)

    def total_chart(self, unit: UnitPrediction) -> Chart:
        return total_chart(unit.total, unit)

    def area_chart(self, areas: list[AreaResult]) -> Chart:
        return area_chart(areas, self.lang)


def render(name: str, lang: str, **context: Any) -> str:
    """The template `name` (under templates/) with the report's words and style in `lang`."""
    return environment().get_template(name).render(**words(lang), css=Markup(CSS), **context)


# -- the writer interface (scorer.render.formats): the same function for the same document -------


def prediction(units: Iterable[UnitPrediction], lang: str, detail: bool = True) -> Iterator[str]:
    """The prediction document in pieces: several units give the ranking, then each unit only with
    `detail`."""
    whole = collect(units)
    title = whole.units[0].unit_name if len(whole.units) == 1 else messages.t("ranking", lang)
    yield render(
        "report/prediction.html",
        lang,
        prediction=whole,
        detail=detail,
        title=f"{title} · {messages.t('par_index', lang)}",
    )


def risks(units: list[UnitPrediction], lang: str) -> str:
    return render("report/risks.html", lang, units=units, title=messages.t("risks", lang))


def explanations(found: list[tuple[UnitPrediction, CriterionResult]], lang: str) -> str:
    return render(
        "report/explanations.html", lang, found=found, title=f"{found[0][1].id} · {messages.t('par_index', lang)}"
    )

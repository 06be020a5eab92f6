"""One writer per format, each fed the same result objects; writers return text and never print.

This module picks the writer for a command's `--format`; the CLI only passes what it got."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from scorer.models.prediction import CriterionResult, Prediction, UnitPrediction
from scorer.ranking import rank
from scorer.render import csv_, html, json_, markdown, table

FORMATS = ("table", "json", "csv", "md", "html")


def prediction(units: Iterable[UnitPrediction], fmt: str, lang: str, detail: bool = True) -> Iterator[str]:
    """The prediction document in pieces; json and table stream unit by unit, the others collect.
    `detail=False`: over several units, the table, md and html give the ranking alone."""
    if fmt == "json":
        yield from json_.stream_prediction(units)
    elif fmt == "table":
        yield from table.stream_prediction(units, lang, detail)
    else:
        collected = list(units)
        whole = Prediction(units=collected, ranking=rank(collected))
        if fmt == "csv":
            yield csv_.render_prediction(whole, lang)
        else:
            yield (markdown.render_prediction if fmt == "md" else html.render_prediction)(whole, lang, detail)


def risk_lists(units: list[UnitPrediction], fmt: str, lang: str) -> str:
    if fmt == "json":
        return json_.risk_lists(units)
    return {
        "table": table.render_risk_lists,
        "csv": csv_.render_risks,
        "md": markdown.render_risk_lists,
        "html": html.render_risk_lists,
    }[fmt](units, lang)


def explanations(found: list[tuple[UnitPrediction, CriterionResult]], fmt: str, lang: str) -> str:
    if fmt == "json":
        return json_.explanations(found)
    return {
        "table": table.render_explanations,
        "csv": csv_.render_explanations,
        "md": markdown.render_explanations,
        "html": html.render_explanations,
    }[fmt](found, lang)

"""One writer per format, each fed the same result objects; writers return text and never print.

This module picks the writer for a command's `--format`; the CLI only passes what it got. Each
writer is imported when it is picked, so a run loads only the writer it uses."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scorer.models.prediction import CriterionResult, UnitPrediction

FORMATS = ("table", "json", "csv", "md", "html")


def prediction(units: Iterable[UnitPrediction], fmt: str, lang: str, detail: bool = True) -> Iterator[str | bytes]:
    """The prediction document in pieces; json and table stream unit by unit, the others collect.
    JSON comes as UTF-8 bytes (as pydantic writes it), the other formats as text.
    `detail=False`: over several units, the table, md and html give the ranking alone."""
    if fmt == "json":
        from scorer.render import json_

        return json_.stream_prediction(units)
    if fmt == "table":
        from scorer.render import table

        return table.stream_prediction(units, lang, detail)
    return _collected(units, fmt, lang, detail)


def _collected(units: Iterable[UnitPrediction], fmt: str, lang: str, detail: bool) -> Iterator[str]:
    """The formats written from the whole prediction at once; a generator, so that the units are
    only predicted when the output is written (as the streamed formats are)."""
    from scorer.models.prediction import Prediction
    from scorer.ranking import rank

    collected = list(units)
    whole = Prediction(units=collected, ranking=rank(collected))
    if fmt == "csv":
        from scorer.render import csv_

        yield csv_.render_prediction(whole, lang)
    elif fmt == "md":
        from scorer.render import markdown

        yield markdown.render_prediction(whole, lang, detail)
    else:
        from scorer.render import html

        yield html.render_prediction(whole, lang, detail)


def _writer(fmt: str) -> Any:
    """The writer module of a text format, imported now."""
    module = {"table": "table", "json": "json_", "csv": "csv_", "md": "markdown", "html": "html"}[fmt]
    return importlib.import_module(f"scorer.render.{module}")


def risk_lists(units: list[UnitPrediction], fmt: str, lang: str) -> str:
    writer = _writer(fmt)
    if fmt == "json":
        return writer.risk_lists(units)  # type: ignore[no-any-return]
    name = {"table": "render_risk_lists", "csv": "render_risks"}.get(fmt, "render_risk_lists")
    return getattr(writer, name)(units, lang)  # type: ignore[no-any-return]


def explanations(found: list[tuple[UnitPrediction, CriterionResult]], fmt: str, lang: str) -> str:
    writer = _writer(fmt)
    if fmt == "json":
        return writer.explanations(found)  # type: ignore[no-any-return]
    return writer.render_explanations(found, lang)  # type: ignore[no-any-return]

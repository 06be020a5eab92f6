"""One writer per format, each fed the same result objects; writers return text and never print.

`formats.FORMATS` lists the formats, their writer modules and the documents each writes; every
writer module offers the same function for the same document (`prediction`, `risks`,
`explanations`), so this module picks the writer and calls it, with no branch per format. Each
writer is imported when it is picked, so a run loads only the writer it uses."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from scorer.render.formats import choices, writer

if TYPE_CHECKING:
    from scorer.models.prediction import CriterionResult, Prediction, UnitPrediction

FORMATS = choices("prediction")


def prediction(units: Iterable[UnitPrediction], fmt: str, lang: str, detail: bool = True) -> Iterator[str | bytes]:
    """The prediction document in pieces; json and table stream unit by unit, the others collect.
    JSON comes as UTF-8 bytes (as pydantic writes it), the other formats as text.
    `detail=False`: over several units, the table, md and html give the ranking alone."""
    return writer(fmt).prediction(units, lang, detail)  # type: ignore[no-any-return]


def risk_lists(units: list[UnitPrediction], fmt: str, lang: str) -> str:
    return writer(fmt).risks(units, lang)  # type: ignore[no-any-return]


def explanations(found: list[tuple[UnitPrediction, CriterionResult]], fmt: str, lang: str) -> str:
    return writer(fmt).explanations(found, lang)  # type: ignore[no-any-return]


def collect(units: Iterable[UnitPrediction]) -> Prediction:
    """The units as one prediction with its ranking, for the formats written from the whole. Called
    as the output is written (the writers' `prediction` are generators), so units are predicted then."""
    from scorer.models.prediction import Prediction
    from scorer.ranking import rank

    collected = list(units)
    return Prediction(units=collected, ranking=rank(collected))

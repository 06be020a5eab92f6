"""JSON output: the `scorer.prediction/1` contract (docs/contract.md 5), byte-identical for the same input.

Models are serialised by pydantic's own (compiled) serialiser: the standard library's encoder
falls back to pure Python as soon as it indents, and was the largest single cost of a province."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel, TypeAdapter

from scorer.models.prediction import SCHEMA, CriterionResult, UnitPrediction
from scorer.ranking import RankEntry, rank_entry, rank_rows
from scorer.render.marks import TOTAL, what_if_rows

_ANY = TypeAdapter(Any)
# A unit is written where the whole document puts it (four spaces in, under "units"): serialised
# inside that frame in one pass, and cut out of it.
_FRAME = TypeAdapter(dict[str, list[UnitPrediction]])
_HEAD = b'{\n  "units": [\n    '
_TAIL = b"\n  ]\n}"


def dumps(value: BaseModel | list[Any] | dict[str, Any]) -> str:
    if isinstance(value, BaseModel):
        text = value.model_dump_json(indent=2, by_alias=True)
    else:
        text = _ANY.dump_json(value, indent=2, by_alias=True).decode("utf-8")
    return text + "\n"


def stream_prediction(units: Iterable[UnitPrediction]) -> Iterator[bytes]:
    """The `scorer.prediction/1` document in UTF-8 pieces, one unit at a time, byte for byte what
    `dumps` gives for the whole `Prediction`; only the ranking's rows are kept until the end. Bytes,
    as pydantic writes them: a unit's JSON is never decoded to text and encoded again."""
    entries: list[RankEntry] = []
    yield b'{\n  "schema": "%s",\n  "units": [' % SCHEMA.encode()
    for i, unit in enumerate(units):
        entries.append(rank_entry(unit))
        yield b",\n    " if i else b"\n    "
        yield _unit_json(unit)
    rows = rank_rows(entries)
    tail = _ANY.dump_json([r.model_dump(by_alias=True) for r in rows], indent=2).replace(b"\n", b"\n  ")
    yield (b"\n  ]" if entries else b"]") + b',\n  "ranking": ' + tail + b"\n}\n"


def _unit_json(unit: UnitPrediction) -> bytes:
    """A unit as JSON, indented as the document holds it; in a what-if run each row that rests on a hypothetical record (criterion,
    area, component, total, risk) says so with `"hypothetical": true`."""
    if not unit.hypothetical:
        framed = _FRAME.dump_json({"units": [unit]}, indent=2, by_alias=True)
        return framed[len(_HEAD) : -len(_TAIL)]
    data = unit.model_dump(mode="json", by_alias=True)
    marks = what_if_rows(unit)
    data["total"]["hypothetical"] = TOTAL in marks
    for key, field in (("criteria", "id"), ("areas", "id"), ("components", "id"), ("risks", "criterion")):
        for row in data[key]:
            row["hypothetical"] = str(row[field]) in marks
    return _ANY.dump_json(data, indent=2).replace(b"\n", b"\n    ")


def prediction(units: Iterable[UnitPrediction], lang: str = "", detail: bool = True) -> Iterator[bytes]:
    """The prediction as UTF-8 JSON, unit by unit; the same bytes in every language."""
    return stream_prediction(units)


def risks(units: list[UnitPrediction], lang: str = "") -> str:
    return risk_lists(units)


def risk_lists(units: list[UnitPrediction]) -> str:
    return dumps(
        [
            {
                "unit": u.unit,
                "as_of": u.as_of.isoformat(),
                "risks": [
                    r.model_dump(mode="json")
                    | ({"hypothetical": r.criterion in what_if_rows(u)} if u.hypothetical else {})
                    for r in u.risks
                ],
            }
            for u in units
        ]
    )


def explanations(found: list[tuple[UnitPrediction, CriterionResult]], lang: str = "") -> str:
    """Unlike the prediction, an explanation carries the remedy and each record used, with its line."""
    return dumps(
        [
            {
                "unit": u.unit,
                "year": u.year,
                "as_of": u.as_of.isoformat(),
                "criteria_set": u.criteria_set,
                "criterion": {
                    **c.model_dump(mode="json"),
                    "remedy": c.remedy,
                    "remedy_en": c.remedy_en,
                    "evidence_used": [e.model_dump(mode="json") for e in c.evidence_used],
                    "obligations": [o.model_dump(mode="json") for o in c.obligations],
                },
            }
            for u, c in found
        ]
    )

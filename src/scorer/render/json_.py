"""JSON output: the `scorer.prediction/1` contract (DESIGN.md 5), byte-identical for the same input.

Models are serialised by pydantic's own (compiled) serialiser: the standard library's encoder
falls back to pure Python as soon as it indents, and was the largest single cost of a province."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, TypeAdapter

_ANY = TypeAdapter(Any)


def dumps(value: BaseModel | list[Any] | dict[str, Any]) -> str:
    if isinstance(value, BaseModel):
        text = value.model_dump_json(indent=2, by_alias=True)
    else:
        text = _ANY.dump_json(value, indent=2, by_alias=True).decode("utf-8")
    return text + "\n"

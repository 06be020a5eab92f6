"""JSON output: the `scorer.prediction/1` contract (DESIGN.md 5), byte-identical for the same input."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel


def dumps(model: BaseModel | list[Any] | dict[str, Any]) -> str:
    data = model.model_dump(mode="json", by_alias=True) if isinstance(model, BaseModel) else model
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"

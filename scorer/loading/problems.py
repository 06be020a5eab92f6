"""Pydantic's validation errors as located problems: file, line, field, message, "did you mean"."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import ValidationError

from scorer.errors import Problem, did_you_mean
from scorer.loading.yaml_ import LineMap, shorten
from scorer.models.criteria import Loc


def problems_of(
    error: ValidationError, path: str, lines: LineMap, model: Any = None, tag: str | None = None
) -> list[Problem]:
    """Pydantic's errors as located problems; `tag` is a discriminated union's tag, left off the field."""
    problems = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        if tag is not None and loc[:1] == (tag,):
            loc = loc[1:]
        kind = item["type"]
        field = ".".join(str(part) for part in loc) or None
        message = item["msg"]
        hint = None
        if kind == "extra_forbidden":
            message = "unknown field"
            parent = model_at(model, loc[:-1])
            if parent is not None:
                hint = did_you_mean(str(loc[-1]), parent.model_fields)
        elif kind == "missing":
            message = "missing (required)"
        elif kind.startswith("value_error"):
            message = message.removeprefix("Value error, ")
        elif "input" in item and kind not in ("model_type", "dict_type", "list_type"):
            message = f"{message}, got {shorten(repr(item['input']))}"
            if kind == "less_than_equal" and item.get("ctx", {}).get("le") == 1:
                hint = _percentage_hint(item["input"])
        problems.append(Problem(path, message, line=lines.line(loc), field=field, hint=hint))
    return problems


def model_at(model: Any, loc: Loc) -> Any:
    for part in loc:
        if model is None or isinstance(part, int) or not hasattr(model, "model_fields"):
            return model if hasattr(model, "model_fields") else None
        annotation = model.model_fields.get(part)
        if annotation is None:
            return None
        model = _first_model(annotation.annotation)
    return model


def _first_model(annotation: Any) -> Any:
    if hasattr(annotation, "model_fields"):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _first_model(arg)
        if found is not None:
            return found
    return None


def _percentage_hint(value: Any) -> str | None:
    """For a share typed as a percentage (`90` for 0.9): what to write instead."""
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite() or not 2 <= number <= 100:
        return None
    shown = format(number.normalize(), "f")
    return f"{shown} looks like a percentage: write {format((number / 100).normalize(), 'f')} (or {shown}%)"

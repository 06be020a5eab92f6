"""Pydantic's validation errors as located problems: file, line, field, message, "did you mean"."""

from __future__ import annotations

import types
import typing
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
        parent, tags = _walk(model, loc[:-1])
        # A rule's or a metric's kind is pydantic's tag in `loc`, not a place in the file.
        loc = tuple(part for i, part in enumerate(loc) if i not in tags)
        # A criterion or a criterion node (criteria.Member): the union's tag is not a field.
        loc = tuple(p for i, p in enumerate(loc) if not (p in ("node", "leaf") and i and isinstance(loc[i - 1], int)))
        kind = item["type"]
        field = ".".join(str(part) for part in loc) or None
        message = item["msg"]
        hint = None
        if kind == "extra_forbidden":
            message = "unknown field"
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
            elif kind in ("float_parsing", "int_parsing", "decimal_parsing"):
                hint = _decimal_comma_hint(item["input"])
        problems.append(Problem(path, message, line=lines.line(loc), field=field, hint=hint))
    return problems


def model_at(model: Any, loc: Loc) -> Any:
    """The model at `loc` inside `model`, or None."""
    return _walk(model, loc)[0]


def _walk(model: Any, loc: Loc) -> tuple[Any, set[int]]:
    """Follow `loc` through fields, lists, mappings and tagged unions (a rule's or a metric's
    `kind`): the model reached, and which parts of `loc` were union tags rather than places."""
    node, tags, i = model, set(), 0
    while i < len(loc) and node is not None:
        origin, args = typing.get_origin(node), typing.get_args(node)
        if origin is typing.Annotated:
            node = args[0]
        elif origin in (list, tuple, dict):
            node, i = args[-1] if args else None, i + 1
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in args if hasattr(a, "model_fields")]
            tagged = [m for m in members if loc[i] in _tags(m)]
            if tagged:
                node = tagged[0]
                tags.add(i)
                i += 1
            else:
                node = members[0] if members else None
        elif hasattr(node, "model_fields"):
            field = node.model_fields.get(loc[i]) if isinstance(loc[i], str) else None
            node, i = (field.annotation if field else None), i + 1
        else:
            node = None
    return (_first_model(node) if node is not None else None), tags


def _tags(model: Any) -> tuple[Any, ...]:
    kind = model.model_fields.get("kind")
    return typing.get_args(kind.annotation) if kind is not None else ()


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


def _decimal_comma_hint(value: Any) -> str | None:
    """For a number written with a decimal comma (`0,63`) where a point is expected."""
    text = str(value).strip()
    if text.count(",") != 1 or "." in text:
        return None
    candidate = text.replace(",", ".")
    try:
        Decimal(candidate)
    except (InvalidOperation, ValueError):
        return None
    return f"write {candidate} with a decimal point, or save the CSV with ';' between fields"

"""Pydantic's validation errors as located problems: file, line, field, message, "did you mean"."""

from __future__ import annotations

import re
import types
import typing
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import ValidationError

from scorer.errors import Invalid, Msg, Problem, Text, did_you_mean, msg
from scorer.models.message import number_hint
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
        message, hint = pydantic_message(item)
        if kind == "extra_forbidden" and parent is not None:
            hint = did_you_mean(str(loc[-1]), parent.model_fields)
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


# Pydantic's error types worded by key (the catalogue's `pydantic.<type>`), with its context's values.
_KEYED = frozenset(
    {
        "int_parsing",
        "int_type",
        "int_from_float",
        "float_parsing",
        "float_type",
        "decimal_parsing",
        "bool_parsing",
        "bool_type",
        "string_type",
        "list_type",
        "dict_type",
        "model_type",
        "date_type",
        "date_parsing",
        "finite_number",
        "less_than_equal",
        "less_than",
        "greater_than_equal",
        "greater_than",
        "literal_error",
        "enum",
        "string_too_short",
        "string_too_long",
        "string_pattern_mismatch",
        "too_short",
        "too_long",
        "union_tag_invalid",
        "union_tag_not_found",
    }
)
# Errors about a whole mapping or list: its value is not repeated after the message.
_WHOLE = ("model_type", "dict_type", "list_type", "union_tag_invalid", "union_tag_not_found")


def pydantic_message(item: Any) -> tuple[Text, Text | None]:
    """One of pydantic's errors as (message, hint) by key; a type not in the catalogue keeps
    pydantic's English words."""
    kind = item["type"]
    ctx = item.get("ctx") or {}
    hint: Text | None = None
    if kind == "extra_forbidden":
        return msg("unknown_field"), None
    if kind == "missing":
        return msg("missing"), None
    if kind.startswith("value_error"):
        error = ctx.get("error")
        if isinstance(error, Invalid):
            return error.msg, None
        return str(item["msg"]).removeprefix("Value error, "), None
    message: Text = item["msg"]
    if kind in _KEYED:
        # English in pydantic's own words; Vietnamese from the catalogue, with the same values.
        values = {k: _context(v) for k, v in ctx.items() if k != "error"}
        message = msg(f"pydantic.{kind}", en=str(item["msg"]), **values)
    if kind == "union_tag_invalid":  # a rule's or a metric's kind misspelt: the kind meant
        hint = did_you_mean(str(ctx.get("tag")), re.findall(r"'([^']*)'", str(ctx.get("expected_tags", ""))))
    if "input" in item and kind not in _WHOLE:
        message = msg("got", message=message, value=shorten(repr(item["input"])))
        if kind == "less_than_equal" and ctx.get("le") == 1:
            hint = number_hint(item["input"], 0, 1)
        elif kind in ("float_parsing", "int_parsing", "decimal_parsing"):
            hint = _decimal_comma_hint(item["input"], whole=kind == "int_parsing")
        elif kind == "string_type" and isinstance(item["input"], (int, float)) and not isinstance(item["input"], bool):
            # `criterion: 8.1` in YAML is a number: an id or a code is text, written in quotes (the
            # number is not repeated: 1.10 has already become 1.1)
            hint = msg("quote_text_hint")
    return message, hint


def _context(value: Any) -> Any:
    """A value of pydantic's context as a message shows it: `'a', 'b' or 'c'` as the choices."""
    if isinstance(value, str) and " or " in value:
        first, last = value.rsplit(" or ", 1)
        return msg("choices", first=first, last=last)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # le=1 is 1.0 in pydantic's context, 1 in its message
    return value if isinstance(value, (str, int, float)) else str(value)


def _decimal_comma_hint(value: Any, whole: bool = False) -> Msg | None:
    """For a number written with a comma where a point is expected: `0,63` has a decimal comma;
    `1,234` may have one, or a thousands mark (as English writes it): both readings named, unless
    the field takes whole numbers only (`whole`), where the thousands mark is the only one."""
    text = str(value).strip()
    if text.count(",") != 1 or "." in text:
        return None
    candidate = text.replace(",", ".")
    try:
        Decimal(candidate)
    except (InvalidOperation, ValueError):
        return None
    if re.fullmatch(r"[+-]?[0-9]{1,3},[0-9]{3}", text):
        thousands = text.replace(",", "")
        if whole:
            return msg("thousands_comma_hint", typed=text, value=thousands)
        return msg("comma_either_hint", typed=text, thousands=thousands, decimal=candidate)
    return msg("decimal_comma_hint", value=candidate)

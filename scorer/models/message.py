"""A message by key: what a problem says, as data, worded only where it is shown.

A loader or a model says `msg("duplicate_id", id=..., first=Place(path, line))`; the catalogue
(`scorer.problem_messages`) words it in English or Vietnamese when the CLI, `validate`, the web or
the API shows it. A validator raises `Invalid(msg(...))`, a ValueError pydantic reports as
`value_error` with the `Msg` kept for the loader to take back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, TypeAlias

# How a path is shown to its reader: as it is (the CLI), or by its name in the unit (the web).
Namer: TypeAlias = Callable[[str], str]


@dataclass(frozen=True)
class Msg:
    """A message by its key in the catalogue and its parameters: a parameter may itself be a `Msg`
    or a `Place`, worded in the same language."""

    key: str
    params: tuple[tuple[str, object], ...] = ()

    def __str__(self) -> str:
        """The English text (an exception's message, a log line); the edges word it with `text`."""
        return self.text("en")

    def text(self, lang: str = "en", name: Namer | None = None) -> str:
        from scorer.problem_messages import render  # the catalogue: strings only, no stage

        return render(self, lang, name)


def msg(key: str, /, **params: object) -> Msg:
    """The message `key` with its parameters (lists become tuples: a problem is hashable)."""
    return Msg(key, tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))


@dataclass(frozen=True)
class Place:
    """A file and line named inside a message (`first at reports.csv:7`): shown through the reader's
    namer, as the problem's own path is."""

    path: str
    line: int | None = None

    def text(self, name: Namer | None = None) -> str:
        shown = name(self.path) if name is not None else self.path
        return shown if self.line is None else f"{shown}:{self.line}"

    def __str__(self) -> str:
        return self.text()


class Grouped(int):
    """A count shown with thousands marks: 200,000 in English, 200.000 in Vietnamese."""


class Figure(str):
    """A number as a person writes it (`84.1`, no thousands mark): with a decimal comma in Vietnamese."""


# A message or hint: a `Msg`, or text already worded (the same in each language).
Text: TypeAlias = str | Msg


class Invalid(ValueError):
    """A validator's refusal, by key: pydantic reports it as a `value_error` and keeps it in the
    error's context, where the loader takes the `Msg` back."""

    def __init__(self, message: Msg) -> None:
        super().__init__(str(message))
        self.msg = message


def number_hint(value: Any, low: float = 0, high: float = 1) -> Msg | None:
    """Why a whole number outside 0..1 (a share or a rate) may be there, every reading
    named and none chosen: `85` is a percentage typed as one (0.85), or `0.085` that a spreadsheet
    set to Vietnamese read as 85 ('.' is its thousands mark); `996` can only be `0.996`."""
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite() or low <= number <= high or (low, high) != (0, 1):
        return None
    if number != number.to_integral_value():  # 87.5: no thousands mark makes a fraction
        if 1 < number <= 100:
            return msg("percentage_hint", value=Figure(_plain(number)), fraction=Figure(_plain(number / 100)))
        return None
    whole = int(number)
    as_thousands = Decimal(whole) / 1000 if 1 <= whole <= 1000 else None
    as_percentage = Decimal(whole) / 100 if 2 <= whole <= 100 else None
    if as_thousands is not None and not low <= as_thousands <= high:
        as_thousands = None
    if as_thousands is None and as_percentage is None:
        return None
    if as_thousands is None:
        return msg("percentage_hint", value=Figure(whole), fraction=Figure(_plain(as_percentage)))
    written = f"{as_thousands:.3f}"  # as it was typed: 0.085, 1.000
    comma = "1" if whole == 1000 else written.replace(".", ",")
    read = msg("thousands_hint", typed=written, value=whole, comma=comma)
    if as_percentage is None:
        return read
    return msg("percentage_or_thousands", value=Figure(whole), fraction=Figure(_plain(as_percentage)), thousands=read)


def _plain(number: Decimal | None) -> str:
    return format(number.normalize(), "f") if number is not None else ""


def count_hint(value: float) -> Msg | None:
    """A count written `1.234`: no count has a fraction, so '.' can only have marked thousands."""
    text = repr(float(value))
    whole, _, fraction = text.partition(".")
    if len(fraction) != 3 or not whole.isdigit():
        return None
    return msg("count_thousands_hint", typed=text, value=whole + fraction)

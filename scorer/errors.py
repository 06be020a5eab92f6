"""Errors users can act on: each names the file, the line or row, the field and what was expected.

The library raises; only the CLI prints, and it prints every problem of a run at once. Every error
is a `ScorerError` carrying `Problem`s, and says by its class what kind of input was wrong:

| class            | raised when                                                              | exit |
|------------------|--------------------------------------------------------------------------|------|
| `ScorerError`    | the base: catch it to catch them all                                     | 1    |
| `InputError`     | an evidence file, `unit.yaml`, `official.yaml` or a test-case file is wrong | 1 |
| `CriteriaError`  | a criteria set is wrong, or missing from the rules folder               | 1    |
| `SelectionError` | the command names what the inputs do not have: a unit, a criterion, a year | 1 |
| `OutputError`    | the output file cannot be written                                        | 1    |

Where the reader knows it, a problem also carries its source line and column: the CLI prints that
line under the error with a caret under the offending key or cell, as semgrep does for rule files.
The first line of each error stays `path:line: field: message (hint)`.

A problem's message and hint are keys with their parameters (`Msg`), worded only where they are
shown, in the reader's language (`Problem.text(lang)`), from the catalogue in
`scorer.problem_messages`. `str(problem)` is the English text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from scorer.models.message import Grouped, Invalid, Msg, Namer, Place, Text, msg

__all__ = ["Grouped", "Invalid", "Msg", "Place", "Text", "msg"]


def wording(text: Text | None, lang: str = "en", name: Namer | None = None) -> str:
    """A message or hint in `lang` (a plain string is already worded, the same in each language)."""
    if text is None:
        return ""
    return text.text(lang, name) if isinstance(text, Msg) else text


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input, located as precisely as the format allows."""

    path: str
    message: Text
    line: int | None = None
    field: str | None = None
    hint: Text | None = None
    # The text of `line` in the file, and the span (0-based column, width) to underline in it.
    source: str | None = None
    column: int | None = None
    width: int = 1

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: str = "en", name: Namer | None = None) -> str:
        """`path:line: field: message (hint)` in `lang`, each path shown through `name`."""
        where = Place(self.path, self.line).text(name)
        message = wording(self.message, lang, name)
        text = f"{where}: {self.field}: {message}" if self.field else f"{where}: {message}"
        return f"{text} ({wording(self.hint, lang, name)})" if self.hint else text

    def wording(self, lang: str = "en", name: Namer | None = None) -> str:
        """The message and its hint alone, `message (hint)`, in `lang`."""
        message = wording(self.message, lang, name)
        return f"{message} ({wording(self.hint, lang, name)})" if self.hint else message

    def excerpt(self) -> list[str]:
        """The source line with a caret under the span, when the reader knew them:

        5 |   taks_done: 1
          |   ^^^^^^^^^
        """
        if self.source is None or self.line is None:
            return []
        gutter = " " * len(str(self.line))
        lines = [f"  {self.line} | {self.source}"]
        if self.column is not None:
            lines.append(f"  {gutter} | {' ' * self.column}{'^' * max(self.width, 1)}")
        return lines


class ScorerError(Exception):
    """Bad input: one or more problems, all reported together (exit 1)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems), key=_problem_order)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, path: str | Path, message: Text, **kwargs: object) -> Self:
        return cls([Problem(str(path), message, **kwargs)])  # type: ignore[arg-type]


class InputError(ScorerError):
    """An evidence file, a `unit.yaml`, an `official.yaml` or a criteria test-case file is wrong."""


class CriteriaError(ScorerError):
    """A criteria set is wrong (shape, names, maxima), or there is none where one was looked for."""


class SelectionError(ScorerError):
    """The command names something the inputs do not have: a unit, a criterion, a year."""


class OutputError(ScorerError):
    """The output cannot be written where it was asked to go."""


def _problem_order(problem: Problem) -> tuple[str, int, str, str]:
    return (problem.path, problem.line or 0, problem.field or "", str(problem.message))


def reason(error: BaseException) -> Text:
    """Why the system or the database refused, in the catalogue's words where it has them
    (problem_messages.os_reason, db_reason): for the modules that reach the library only through
    its edges (the web service)."""
    from scorer.problem_messages import db_reason  # the catalogue, loaded only when something failed

    return db_reason(error)


def did_you_mean(name: str, choices: Iterable[str]) -> Msg | None:
    """A hint naming the closest known name, or None when nothing is close."""
    import difflib  # only a run with a problem needs it

    close = difflib.get_close_matches(str(name), sorted(choices), n=1, cutoff=0.6)
    return msg("did_you_mean", name=close[0]) if close else None


class Collector:
    """Gathers problems while a whole input is checked, then raises them together."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str | Path, message: Text, **kwargs: object) -> None:
        self.problems.append(Problem(str(path), message, **kwargs))  # type: ignore[arg-type]

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    def raise_if_any(self, kind: type[ScorerError] = ScorerError) -> None:
        if self.problems:
            raise kind(self.problems)


class UsageError(Exception):
    """A command-line option that cannot be right (exit 2): the CLI prints it with the usage line."""

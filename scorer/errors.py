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
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Self


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input, located as precisely as the format allows."""

    path: str
    message: str
    line: int | None = None
    field: str | None = None
    hint: str | None = None
    # The text of `line` in the file, and the span (0-based column, width) to underline in it.
    source: str | None = None
    column: int | None = None
    width: int = 1

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

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
    def single(cls, path: str | Path, message: str, **kwargs: object) -> Self:
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
    return (problem.path, problem.line or 0, problem.field or "", problem.message)


def did_you_mean(name: str, choices: Iterable[str]) -> str | None:
    """A hint naming the closest known name, or None when nothing is close."""
    import difflib  # only a run with a problem needs it

    close = difflib.get_close_matches(str(name), sorted(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


class Collector:
    """Gathers problems while a whole input is checked, then raises them together."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str | Path, message: str, **kwargs: object) -> None:
        self.problems.append(Problem(str(path), message, **kwargs))  # type: ignore[arg-type]

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    def raise_if_any(self, kind: type[ScorerError] = ScorerError) -> None:
        if self.problems:
            raise kind(self.problems)


class UsageError(Exception):
    """A command-line option that cannot be right (exit 2): the CLI prints it with the usage line."""

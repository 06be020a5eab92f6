"""Errors users can act on: each names the file, the line or row, the field and what was expected.

The library raises; only the CLI prints, and it prints every problem of a run at once.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input, located as precisely as the format allows."""

    path: str
    message: str
    line: int | None = None
    field: str | None = None
    hint: str | None = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class ScorerError(Exception):
    """Bad input: one or more problems, all reported together (exit 1)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems), key=_problem_order)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, path: str | Path, message: str, **kwargs: object) -> ScorerError:
        return cls([Problem(str(path), message, **kwargs)])  # type: ignore[arg-type]


def _problem_order(problem: Problem) -> tuple[str, int, str, str]:
    return (problem.path, problem.line or 0, problem.field or "", problem.message)


def did_you_mean(name: str, choices: Iterable[str]) -> str | None:
    """A hint naming the closest known name, or None when nothing is close."""
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

    def raise_if_any(self) -> None:
        if self.problems:
            raise ScorerError(self.problems)


class UsageError(Exception):
    """A command-line option that cannot be right (exit 2): the CLI prints it with the usage line."""

"""The source line under an error, with a caret under its key, cell or column (semgrep style).

A public reader is wrapped with `reads(kind)`: its problems are raised as `kind` (an `InputError`, a
`CriteriaError`, ...), each with the text of its line and the span to underline, where its file is a
YAML or CSV file that can be read again. Only the error path reads a file a second time.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import ParamSpec, TypeVar

from scorer.errors import Problem, ScorerError
from scorer.loading.files import MAX_FILE_BYTES

P = ParamSpec("P")
R = TypeVar("R")
_SOURCE_SUFFIXES = (".yaml", ".yml", ".csv")
_SHOWN = 160  # characters of a source line shown under an error


def reads(kind: type[ScorerError]) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """A public reader's problems raised as `kind`, each with its source line where the file is text."""

    def wrap(func: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(func)
        def reader(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return func(*args, **kwargs)
            except ScorerError as error:
                raise kind(with_sources(error.problems)) from None

        return reader

    return wrap


def with_sources(problems: Iterable[Problem]) -> list[Problem]:
    """Each problem with the text of its line and the span to underline (the key of the field in
    YAML, its cell in CSV, else the line), where its file is a text file we can read again."""
    texts: dict[str, list[str]] = {}
    found = []
    for problem in problems:
        if problem.source is not None or problem.line is None:
            found.append(problem)
            continue
        if problem.path not in texts:
            texts[problem.path] = _source_lines(problem.path)
        lines = texts[problem.path]
        if not 0 < problem.line <= len(lines):
            found.append(problem)
            continue
        text = lines[problem.line - 1]
        if problem.column is not None:
            column, width = problem.column, 1
        else:
            column, width = _span(text, problem.field, lines[0] if problem.path.lower().endswith(".csv") else None)
        if column >= _SHOWN:
            text, column, width = text[:_SHOWN] + " ...", 0, 0
        found.append(dataclasses.replace(problem, source=text[:_SHOWN], column=column, width=width))
    return found


def _source_lines(path: str) -> list[str]:
    file = Path(path)
    if file.suffix.lower() not in _SOURCE_SUFFIXES:
        return []
    try:
        if file.is_symlink() or not file.is_file() or file.stat().st_size > MAX_FILE_BYTES:
            return []
        return file.read_bytes().decode("utf-8-sig", errors="replace").expandtabs(4).splitlines()
    except (OSError, ValueError):
        return []


def _span(text: str, field: str | None, header: str | None) -> tuple[int, int]:
    """Where on its line a field's problem is: the YAML key, or the CSV cell under its column."""
    start = len(text) - len(text.lstrip())
    whole = (start, len(text.strip()) or 1)
    if not field:
        return whole
    key = field.rsplit(".", 1)[-1]
    if header is None:
        match = re.search(rf"(?<![\w-]){re.escape(key)}\s*:", text)
        return (match.start(), len(key)) if match else whole
    if '"' in text or '"' in header:
        return whole
    names, cells = header.split(","), text.split(",")
    if key not in names or names.index(key) >= len(cells):
        return whole
    index = names.index(key)
    return sum(len(cell) + 1 for cell in cells[:index]), max(len(cells[index]), 1)

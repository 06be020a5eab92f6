"""The two ways a YAML list of records is built agree: `yaml_records` without marks (every
province's evidence, built by the quick loop of `_Events.quick`) and with marks (built by
`_Events.build`, which keeps every value's line) yield the same records with the same lines,
and stop at the same record with the same error, whatever the text: anchors and aliases, tags,
merge and duplicate keys, keys that are not names, depth and size past the limits, broken YAML."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scorer.errors import ScorerError
from scorer.loading import yaml_
from scorer.loading.yaml_ import yaml_records

CLEAN = [
    "1", "-7", "0x1F", "0o17", "1_000", "1.5", ".inf", "-.inf", "1e3", "yes", "No", "on", "~", "null", "true",
    "abc", "id", "type", "2024-01-02", "12/03/2024", "'quoted'", '"double"', "''", "'<<'", "x y", "!!str 5",
    "!!int 7", "!!float 1", "!!bool yes", "!!null ''", "! b",
]  # fmt: skip
ODD = ["<<", "!!int x", "!!binary aGk=", "!!timestamp 2024-01-01", "!foo a", "!!str", "!!map {}", "!!set {a}"]
SCALARS = st.one_of(st.sampled_from(CLEAN), st.sampled_from(CLEAN), st.sampled_from(CLEAN), st.sampled_from(ODD))
ANCHORS = ["&a ", "&b ", "&c "]
ALIASES = ["*a", "*b", "*c", "*d"]
# A record's keys: mostly names (some repeated), now and then a merge key, a list or a null.
FIELDS = ["id", "type", "date", "x", "y", "z", "1"] * 3 + ["<<", "[k]", "~"]
TAGS = ["", "", "", "", "", "", "!!seq ", "!!map ", "!x "]


@st.composite
def nodes(draw: st.DrawFn, depth: int = 0) -> str:
    """A YAML value in flow style, perhaps anchored, perhaps an alias, perhaps nested deep."""
    kind = draw(st.sampled_from(["scalar"] * 4 + ["alias"] + ["list", "map"] * 2 * (depth < 6)))
    anchor = draw(st.sampled_from(["", "", "", "", *ANCHORS]))
    if kind == "scalar":
        return anchor + draw(SCALARS)
    if kind == "alias":
        return draw(st.sampled_from(ALIASES))
    items = draw(st.lists(nodes(depth + 1), max_size=4))
    if kind == "list":
        return f"{anchor}{draw(st.sampled_from(TAGS))}[{', '.join(items)}]"
    keys = draw(st.lists(st.one_of(SCALARS, SCALARS, nodes(depth + 1)), min_size=len(items), max_size=len(items)))
    pairs = ", ".join(f"{key}: {value}" for key, value in zip(keys, items))
    return f"{anchor}{draw(st.sampled_from(TAGS))}{{{pairs}}}"


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A list of records in block style, each a mapping (mostly) of flow values, perhaps broken."""
    records = []
    for _ in range(draw(st.integers(0, 5))):
        if draw(st.integers(0, 5)) == 0:
            records.append(f"- {draw(nodes(1))}")
            continue
        fields = draw(st.lists(st.tuples(st.sampled_from(FIELDS), nodes(2)), max_size=5))
        lines = [f"  {key}: {value}" for key, value in fields] or ["  {}"]
        records.append("-" + lines[0][1:] + "".join(f"\n{line}" for line in lines[1:]))
    text = "\n".join(records) + "\n"
    if draw(st.booleans()):
        text = "records:\n" + "".join(f"  {line}\n" for line in text.splitlines())
    if draw(st.integers(0, 9)) == 0:
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] + draw(st.sampled_from(["]", "}", ": :", "\t", "- ", "'", "\n---\n- 1\n"])) + text[cut:]
    return text


def outcome(path: Path, marks: bool) -> tuple[list[tuple[str, int]], Any]:
    """The records read before the end or the first error, and that error's problems."""
    read: list[tuple[str, int]] = []
    try:
        for item, line, _lines in yaml_records(path, marks=marks):
            read.append((repr(item), line))  # repr: a NaN equals itself, and key order counts
    except ScorerError as error:
        return read, error.problems
    return read, None


@contextlib.contextmanager
def limits(nodes: int, depth: int) -> Iterator[None]:
    with mock.patch.object(yaml_, "MAX_YAML_NODES", nodes), mock.patch.object(yaml_, "MAX_YAML_DEPTH", depth):
        yield


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=documents(), nodes=st.sampled_from([2_000_000, 40, 12, 3]), depth=st.sampled_from([64, 4, 2]))
def test_the_quick_records_are_the_marked_records(text: str, nodes: int, depth: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "e.yaml"
        path.write_text(text, encoding="utf-8")
        with limits(nodes, depth):
            assert outcome(path, marks=False) == outcome(path, marks=True)


@pytest.mark.parametrize(
    "text",
    [
        "- {a: &x [1, 2, 3], b: *x, c: *x}\n",  # aliases count the values they repeat
        "- a: 1\n  a: 2\n",
        "- {<<: {a: 1}}\n",
        "- {[1]: 2}\n",
        "- {a: !!python/object x}\n",
        "- [[[[[1]]]]]\n",
        "- x: {a: {b: {c: 1}}}\n",  # a scalar one level too deep, in a mapping
        "- x: [[[1]]]\n",  # and in a list
        "- {a: *nowhere}\n",
        "- {&k a: 1, b: *k}\n",  # a key's anchor is not kept
        "- a: " + "x" * 32_768 + "\n",
        "- a: 1\n- b: [2\n",
        "-] id: !!bool yes\n  id: *d\n",  # a tag's word it cannot read (found by hypothesis)
        "- {a: !!bool maybe}\n",
        "- type: [!!int ]7]\n- 1\n",  # a tag on nothing (found by hypothesis)
    ],
)
def test_the_quick_records_fail_as_the_marked_ones(tmp_path: Path, text: str) -> None:
    path = tmp_path / "e.yaml"
    path.write_text(text, encoding="utf-8")
    with limits(8, 4):
        quick, marked = outcome(path, marks=False), outcome(path, marks=True)
    assert quick == marked
    assert quick[1] is not None, "each of these is an error within the limits"


def document_outcome(path: Path, marks: bool) -> tuple[str | None, Any]:
    try:
        data, _lines = yaml_.read_yaml(path, marks=marks)
    except ScorerError as error:
        return None, error.problems
    return repr(data), None


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=nodes(), nodes=st.sampled_from([2_000_000, 40, 12, 3]), depth=st.sampled_from([64, 4, 2]))
def test_a_quick_document_is_the_marked_document(text: str, nodes: int, depth: int) -> None:
    """`read_yaml` without marks (criteria sets, unit.yaml, official.yaml) builds what it builds with them."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "d.yaml"
        path.write_text(text + "\n", encoding="utf-8")
        with limits(nodes, depth):
            assert document_outcome(path, marks=False) == document_outcome(path, marks=True)


def test_every_shipped_yaml_file_reads_the_same_and_finds_the_same_lines_without_marks() -> None:
    from tests.conftest import ROOT

    paths = sorted(p for folder in ("rules", "evidence", "examples") for p in (ROOT / folder).rglob("*.yaml"))
    assert len(paths) > 10
    for path in paths:
        quick, later = yaml_.read_yaml(path, marks=False)
        marked, lines = yaml_.read_yaml(path, marks=True)
        assert repr(quick) == repr(marked), path
        for loc, line in list(lines.lines.items())[:: max(1, len(lines.lines) // 50)]:
            assert later.line(loc) == line, (path, loc)
            if loc:
                assert later.within(loc[:1]).line(loc[1:]) == line, (path, loc)

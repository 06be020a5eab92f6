"""Random structures and bytes thrown at the loader: a clean error or a result, never a traceback."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scorer import api
from scorer.errors import ScorerError
from scorer.models.evidence import RECORD_TYPES
from tests.conftest import RULES

FIELDS = sorted({f for model in RECORD_TYPES.values() for f in model.model_fields} | {"records", "x"})
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(),
    st.text(max_size=12),
    st.sampled_from(
        ["2024-03-12", "12/03/2024", "31/02/2024", "q1", "par", "plan", "report", "survey", "1.8", "nan", "-1"]
    ),
    st.sampled_from(sorted(RECORD_TYPES)),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=6)), inner, max_size=6),
    ),
    max_leaves=25,
)
RECORDS = st.lists(
    st.fixed_dictionaries(
        {
            "id": st.text(min_size=1, max_size=6),
            "type": st.sampled_from(sorted(RECORD_TYPES)),
            "date": st.sampled_from(["2024-03-12", "12/03/2024"]),
        },
        optional={f: SCALARS for f in FIELDS if f not in ("id", "type", "date")},
    ),
    max_size=6,
)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def run_on(write) -> None:
    root = Path(tempfile.mkdtemp())
    try:
        unit = root / "evidence" / "u"
        (unit / "2024").mkdir(parents=True)
        (unit / "unit.yaml").write_text("id: u\nname: U\n", encoding="utf-8")
        write(unit / "2024")
        try:
            api.predict(api.Request(evidence=root / "evidence", rules=RULES, as_of=dt.date(2024, 9, 30)))
        except ScorerError as error:
            assert error.problems and all(p.path and p.message for p in error.problems)
    finally:
        shutil.rmtree(root)


@FUZZ
@given(VALUES)
def test_random_structures(value):
    run_on(lambda folder: (folder / "e.yaml").write_text(yaml.safe_dump(value, allow_unicode=True), encoding="utf-8"))


@FUZZ
@given(RECORDS)
def test_random_records(records):
    run_on(lambda folder: (folder / "e.yaml").write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8"))


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes_as_yaml_and_csv(data):
    def write(folder: Path) -> None:
        (folder / "e.yaml").write_bytes(data)
        (folder / "f.csv").write_bytes(b"id,type,date\n" + data)
        (folder / "g.xlsx").write_bytes(b"PK\x03\x04" + data)

    run_on(write)


@FUZZ
@given(
    st.lists(
        st.lists(st.sampled_from(["", "a", "plan", "report", "2024-01-01", "q1", "x;y", '"', ",", "\n"]), max_size=7),
        max_size=5,
    )
)
def test_random_csv_rows(rows):
    text = "id,type,date,kind,period,due,submitted,tasks_total\n" + "\n".join(",".join(r) for r in rows)
    run_on(lambda folder: (folder / "e.csv").write_text(text, encoding="utf-8"))


CRITERIA = yaml.safe_load((RULES / "criteria_2024.yaml").read_text(encoding="utf-8"))


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, prefix + (i,))


PATHS = [p for p in _paths(CRITERIA) if p]


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(PATHS), VALUES), min_size=1, max_size=3))
def test_mutated_criteria_sets(mutations):
    import copy

    data = copy.deepcopy(CRITERIA)
    for path, value in mutations:
        node = data
        try:
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    root = Path(tempfile.mkdtemp())
    try:
        (root / "rules").mkdir()
        (root / "rules" / "criteria_2024.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        try:
            api.predict(
                api.Request(
                    evidence=Path(__file__).resolve().parent.parent / "evidence",
                    rules=root / "rules",
                    as_of=dt.date(2024, 9, 30),
                )
            )
        except ScorerError as error:
            assert error.problems
    finally:
        shutil.rmtree(root)

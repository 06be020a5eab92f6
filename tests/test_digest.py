"""The output bytes are pinned: a redesign of the core must not move a single one.

A synthetic province (scorer.synthetic, fixed seeds; every third unit has last year's evidence too)
and the shipped evidence, through `scorer predict --format json` (and the table, which reads every
figure), each reduced to a sha256. Where a change moves the output on purpose, the digest moves in
that commit and its message says why."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from scorer import synthetic
from scorer.cli import main
from tests.conftest import EVIDENCE, RULES

AS_OF = "2024-09-30"
PINNED = {
    "synthetic-json": "7061a9e198610cedb995dd72018443f3e48f83cf38e0750f76b3acce502bb875",
    "synthetic-table": "2ab3c44bfa4bc1b502a6892d750db8f3f9c42b34154e58caebcfe2ac1bf33357",
    "shipped-json": "c0506a47376acc045d2de5ac6999bd834d8e1340f3c81d6c9471cb53bf3d8da6",
    "shipped-2023-json": "89573411c8ed5c6b52fd01603db95b454864c52996280976c0e2f7c807253999",
}


@pytest.fixture(scope="module")
def province(tmp_path_factory, cs2024, cs2023) -> Path:
    root = tmp_path_factory.mktemp("province") / "evidence"
    synthetic.write_province(root, cs2024, units=36, per_unit=60, seed=7)
    for n in range(0, 36, 3):
        folder = root / f"unit-{n:05d}" / "2023"
        folder.mkdir()
        rows = synthetic.records(cs2023, 50, 1_000 + n)
        text = yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=1000)
        (folder / "evidence.yaml").write_text(text, encoding="utf-8")
    return root


def _digest(runner, args: list[str]) -> str:
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    return hashlib.sha256(result.output.encode("utf-8")).hexdigest()


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("synthetic-json", ["--format", "json"]),
        ("synthetic-table", ["--format", "table", "--detail"]),
    ],
)
def test_synthetic_province_output_is_pinned(runner, province, name, args):
    common = ["predict", "--evidence", str(province), "--rules", str(RULES), "--as-of", AS_OF]
    got = _digest(runner, common + args)
    assert got == PINNED[name], f"{name}: {got}"


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("shipped-json", ["--as-of", AS_OF]),
        ("shipped-2023-json", ["--year", "2023", "--as-of", "2023-12-31"]),
    ],
)
def test_shipped_evidence_output_is_pinned(runner, name, args):
    common = ["predict", "--evidence", str(EVIDENCE), "--rules", str(RULES), "--format", "json"]
    got = _digest(runner, common + args)
    assert got == PINNED[name], f"{name}: {got}"

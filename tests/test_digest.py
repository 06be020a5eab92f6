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
    "synthetic-json": "60310f0599ba863a5dc495a6b6df34f24209b3481f6dbeab8e62798205b55d42",
    "synthetic-table": "cf52afaf9bee4bbd4c67786ba8c388ac37c1587b3b5ead6ae0616b600377e4c3",
    "shipped-json": "85e0818c2357c98c16acce9ad1a869832d10d31774b949e7e97a12f74d3915b8",
    "shipped-2023-json": "ad93089757c31b58aad4f5715d042d00c6534a67689d707cf2fa35f319fe179b",
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

"""Every report format in both languages, compared with golden files under tests/golden/ so that a
reviewer reads the diff. Regenerate with SCORER_UPDATE_GOLDEN=1."""

from __future__ import annotations

import os
import shlex

import pytest

from scorer.cli import main
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
AS_OF = "--as-of 2024-09-30"
COMMANDS = {
    "predict": f"predict {AS_OF}",
    "risks": f"risks {AS_OF}",
    "explain-1.2": f"explain 1.2 {AS_OF}",
}
EXTENSIONS = {"table": "txt", "json": "json", "csv": "csv", "md": "md", "html": "html"}
CASES = [(name, fmt, lang) for name in COMMANDS for fmt in EXTENSIONS for lang in ("en", "vi")]
CASES += [("plan-2023", "md", lang) for lang in ("en", "vi")] + [
    ("backtest-2023", "table", lang) for lang in ("en", "vi")
]
EXTRA = {"plan-2023": "plan --year 2023", "backtest-2023": "backtest --year 2023"}


@pytest.mark.parametrize("name, fmt, lang", CASES, ids=[f"{n}-{f}-{l}" for n, f, l in CASES])
def test_output_matches_its_golden_file(runner, monkeypatch, name, fmt, lang):
    monkeypatch.chdir(ROOT)
    command = COMMANDS.get(name) or EXTRA[name]
    args = (
        shlex.split(command)
        + ["--lang", lang]
        + (["--format", fmt] if name in COMMANDS or name.startswith("plan") else [])
    )
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    path = GOLDEN / f"{name}.{lang}.{EXTENSIONS[fmt]}"
    if os.environ.get("SCORER_UPDATE_GOLDEN"):
        path.write_bytes(result.stdout_bytes)
    assert path.exists(), f"no golden file {path.name}: run with SCORER_UPDATE_GOLDEN=1"
    assert result.stdout_bytes == path.read_bytes(), f"{path.name} differs: review, then SCORER_UPDATE_GOLDEN=1"

"""The README's output blocks are the real output of the commands above them.

Regenerate with SCORER_UPDATE_README=1; otherwise any drift fails."""

from __future__ import annotations

import os
import re
import shlex

import pytest
from click.testing import CliRunner

from scorer.cli import main
from tests.conftest import ROOT

BLOCK = re.compile(r"(<!-- scorer: (?P<args>[^>]*) -->\n```\n)(?P<body>.*?)(```)", re.S)


# The README and the reference under docs/ hold the commands' real output in blocks.
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_readme_output_blocks_match_the_tool(monkeypatch, path):
    monkeypatch.chdir(ROOT)
    # What a user sees: the default language (Vietnamese), an 80-column terminal.
    monkeypatch.delenv("SCORER_LANG", raising=False)
    text = path.read_text(encoding="utf-8")
    runner = CliRunner()

    def run(match: re.Match[str]) -> str:
        result = runner.invoke(main, shlex.split(match["args"]), env={"COLUMNS": "80"}, prog_name="scorer")
        assert result.exit_code == 0, result.output
        return match.group(1) + result.output + match.group(4)

    fresh = BLOCK.sub(run, text)
    if os.environ.get("SCORER_UPDATE_README"):
        path.write_text(fresh, encoding="utf-8")
    assert fresh == text, f"{path.name}: output blocks drifted: rerun with SCORER_UPDATE_README=1"


def test_the_readme_is_short_and_has_output_blocks():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert BLOCK.search(text) and len(text.splitlines()) < 250


def test_readme_has_the_help_of_every_command():
    import click

    documented = {m["args"] for path in DOCUMENTS for m in BLOCK.finditer(path.read_text(encoding="utf-8"))}

    def commands(group: click.Group, prefix: str) -> list[str]:
        found = []
        for name, command in group.commands.items():
            if isinstance(command, click.Group):
                found += commands(command, f"{prefix}{name} ")
            else:
                found.append(f"{prefix}{name} --help")
        return found

    wanted = {"--help"} | set(commands(main, ""))
    assert wanted <= documented, sorted(wanted - documented)

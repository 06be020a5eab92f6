"""The layers hold: models import no stage and no formatting; writers read models, messages and the
ranking only, so importing a writer never loads the engine. Checked on the source (every import,
at the top or inside a function) and, for the engine, in a fresh interpreter."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "scorer"
LIBRARIES = {
    "models": {"pydantic", "pydantic_core", "annotated_types", "typing_extensions"},
    # the HTML report's templates (Jinja2, which escapes through markupsafe)
    "render": {"pydantic", "tabulate", "openpyxl", "docx", "jinja2", "markupsafe"},
}
OURS = {
    "models": ("scorer.models",),
    "render": ("scorer.models", "scorer.messages", "scorer.ranking", "scorer.render"),
}
# The one documented exception: checking a criteria set names the closest known name on a typo
# (errors.did_you_mean, difflib only); it raises nothing and formats no output.
# A keyed message (models/message.py) is worded from the catalogue of problems, strings alone.
EXCEPTIONS = {("models/criteria.py", "scorer.errors"), ("models/message.py", "scorer.problem_messages")}


def imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                name = f"{base}.{node.module}" if node.module else base
            else:
                name = node.module or ""
            # `from scorer import predict` imports scorer.predict: name each imported thing.
            found += [(node.lineno, f"{name}.{alias.name}") for alias in node.names]
    return found


def forbidden(layer: str, path: Path) -> list[str]:
    relative = path.relative_to(PACKAGE).as_posix()
    bad = []
    for line, name in imports(path):
        top = name.split(".")[0]
        if top in sys.stdlib_module_names or top in LIBRARIES[layer]:
            continue
        if any(name == ours or name.startswith(ours + ".") for ours in OURS[layer]):
            continue
        if any(relative == where and name.startswith(module + ".") for where, module in EXCEPTIONS):
            continue
        bad.append(f"{relative}:{line}: imports {name}")
    return bad


@pytest.mark.parametrize("layer", ["models", "render"])
def test_layer_imports_only_what_it_may(layer):
    files = sorted((PACKAGE / layer).glob("*.py"))
    assert files
    problems = [problem for path in files for problem in forbidden(layer, path)]
    assert problems == []


def test_the_walk_catches_a_forbidden_import(tmp_path):
    sample = PACKAGE / "render" / "_sample_for_test.py"
    try:
        sample.write_text("def f():\n    from scorer import predict\n    from ..engine import RuleEngine\n")
        assert forbidden("render", sample) == [
            "render/_sample_for_test.py:2: imports scorer.predict",
            "render/_sample_for_test.py:3: imports scorer.engine.RuleEngine",
        ]
    finally:
        sample.unlink()


def test_importing_every_writer_loads_no_stage_and_not_the_engine():
    code = (
        "import sys, scorer.render, scorer.render.xlsx, scorer.render.docx_, scorer.render.plan\n"
        "stages = ['durable_rules_engine', 'scorer.engine', 'scorer.predict', 'scorer.loading', 'scorer.api',\n"
        "          'scorer.backtest', 'scorer.cases', 'scorer.diff', 'scorer.plan', 'scorer.risks', 'scorer.reasons',\n"
        "          'yaml']\n"
        "print(sorted(m for m in stages if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "[]"


# What each command may import; the Office writers (50 and 20 ms) and the other commands' stages
# are loaded only by the commands that run them.
NOT_FOR_PREDICT = [
    "openpyxl",
    "docx",
    "jinja2",
    "scorer.render.csv_",
    "scorer.render.html",
    "scorer.render.markdown",
    "scorer.render.xlsx",
    "scorer.render.docx_",
    "scorer.render.plan",
    "scorer.backtest",
    "scorer.diff",
    "scorer.plan",
    "scorer.cases",
    "scorer.schema",
    "scorer.models.backtest",
    "scorer.models.diff",
    "scorer.models.plan",
    "scorer.models.cases",
    "scorer.form",
    "scorer.models.form",
    "scorer.track",
    "scorer.target",
    "scorer.models.track",
    "scorer.models.target",
]


def _loaded_after(args: list[str]) -> set[str]:
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['scorer', *{args!r}]\n"
        "try:\n"
        "    runpy.run_module('scorer', run_name='__main__')\n"
        "except SystemExit as done:\n"
        "    assert not done.code, done.code\n"
        "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return set(done.stderr.split())


def test_help_imports_no_writer_no_stage_and_no_library_but_click():
    loaded = _loaded_after(["--help"])
    ours = sorted(m for m in loaded if m.startswith("scorer"))
    # the help's language (scorer.project: SCORER_LANG, a project file) and its Vietnamese words; errors'
    # Problem carries its message by key (scorer.models.message, dataclasses only); the list of formats
    # (it imports no writer) gives the --format choices
    assert {"scorer", "scorer.cli", "scorer.errors", "scorer.models", "scorer.models.message"} <= set(ours)
    allowed = {"scorer", "scorer.cli", "scorer.errors", "scorer.helptext", "scorer.project", "scorer.models"}
    assert set(ours) <= allowed | {"scorer.models.message", "scorer.render", "scorer.render.formats"}
    assert not {"pydantic", "yaml", "durable_rules_engine", "tabulate", "openpyxl", "docx"} & loaded


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_predict_imports_no_writer_it_does_not_run(fmt):
    loaded = _loaded_after(["predict", "--as-of", "2024-09-30", "--format", fmt])
    assert "scorer.predict" in loaded and "durable_rules_engine" in loaded
    assert [m for m in NOT_FOR_PREDICT if m in loaded] == []
    other = {"table": "scorer.render.json_", "json": "scorer.render.table"}[fmt]
    assert other not in loaded


def test_the_command_line_names_the_writers_formats_and_schema_kinds_it_does_not_import():
    from scorer import cli, render, schema

    assert cli.FORMATS == render.FORMATS
    assert cli.SCHEMA_KINDS == schema.KINDS


def test_pydantic_model_modules_do_not_postpone_their_annotations():
    """Postponed annotations are compiled from text for every field as pydantic builds a class: a
    cost at the start of every run (scorer/models/__init__.py)."""
    postponing = [
        path.name
        for path in sorted((ROOT / "scorer" / "models").glob("*.py"))
        if "BaseModel" in (text := path.read_text(encoding="utf-8")) or "(Out)" in text or "(Strict)" in text
        if "from __future__ import annotations" in text
    ]
    assert postponing == []

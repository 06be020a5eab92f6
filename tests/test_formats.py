"""One list of formats (scorer.render.formats): every writer module offers the function of each
document its format writes, the command line's choices and -o inference come from the list, and no
writer is picked by name with getattr."""

from __future__ import annotations

import ast

import pytest

from scorer import cli
from scorer.render import formats
from tests.conftest import ROOT

FUNCTIONS = {"prediction": "prediction", "risks": "risks", "explanations": "explanations", "plan": "plan"}


@pytest.mark.parametrize("fmt", list(formats.FORMATS))
def test_every_writer_offers_the_function_of_each_document_it_writes(fmt):
    module = formats.writer(fmt)
    for document in formats.FORMATS[fmt].documents & set(FUNCTIONS):
        assert callable(vars(module).get(FUNCTIONS[document])), (fmt, document)


def test_the_command_line_is_built_from_the_list():
    assert cli.FORMATS == formats.choices("prediction") == ("table", "json", "csv", "md", "html")
    assert cli.PREDICT_FORMATS == (*cli.FORMATS, "xlsx")
    assert cli.PLAN_FORMATS == ("md", "docx")
    assert formats.by_extension(".MARKDOWN") == "md" and formats.by_extension(".txt") is None
    assert formats.file_name("van-phong", "docx") == "van-phong.docx"


def test_no_writer_module_is_read_with_getattr():
    for path in [ROOT / "scorer" / "cli.py", *sorted((ROOT / "scorer" / "render").glob("*.py"))]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", None) == "getattr"]
        for call in calls:
            target = ast.unparse(call.args[0])
            assert "writer" not in target and "module" not in target, (path.name, target)

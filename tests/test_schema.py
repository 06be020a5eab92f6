"""The committed JSON Schemas are what `scorer schema` prints, and every shipped file passes them."""

from __future__ import annotations

import json

import jsonschema
import pytest

from scorer import schema
from scorer.cli import main
from scorer.loading import read_yaml
from tests.conftest import ROOT

FILES = {
    "criteria": ["rules/criteria_*.yaml", "examples/*/criteria_*.yaml"],
    "cases": ["rules/tests/*.yaml"],
    "unit": ["evidence/*/unit.yaml", "examples/*/evidence/*/unit.yaml"],
    "official": ["evidence/*/*/official.yaml"],
    "evidence": ["evidence/*/*/[!o]*.yaml", "examples/*/evidence/*/*/[!o]*.yaml"],
}


@pytest.mark.parametrize("kind", schema.KINDS)
def test_committed_schema_is_current(runner, kind):
    result = runner.invoke(main, ["schema", kind])
    assert result.exit_code == 0
    committed = (ROOT / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert result.output == committed, f"regenerate: scorer schema {kind} > schema/{kind}.schema.json"


@pytest.mark.parametrize("kind", schema.KINDS)
def test_shipped_files_pass_their_schema(kind):
    validator = jsonschema.Draft202012Validator(
        json.loads((ROOT / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    )
    paths = [p for pattern in FILES[kind] for p in sorted(ROOT.glob(pattern))]
    assert paths
    for path in paths:
        data, _ = read_yaml(path)
        errors = list(validator.iter_errors(data))
        assert not errors, f"{path}: {errors[0].message}"
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=") and first.endswith(f"schema/{kind}.schema.json")


def test_the_evidence_schema_accepts_both_date_forms():
    validator = jsonschema.Draft202012Validator(schema.schema("evidence"))
    record = {"id": "a", "type": "plan", "kind": "par", "date": "12/03/2024"}
    assert not list(validator.iter_errors([record]))
    assert list(validator.iter_errors([{**record, "date": "March 12"}]))

"""Every command and every writer, in both languages, over one criteria set: what tests/test_kinds.py
runs for each rule kind (and, in a copy of the package, for a kind added as a newcomer would).

    python tests/everything.py RULES EVIDENCE YEAR AS_OF WORK

prints one line per failure (command, and the exception or the output that names one) and exits 1
if any. A refusal with a clear error (a year with no official.yaml for `backtest`) is no failure;
a traceback, an exception other than the CLI's own exit, or a rule put in words as a Python
`KeyError` is.
"""

from __future__ import annotations

import copy
import shutil
import sys
import traceback
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

LANGS = ("en", "vi")
PASSWORD = "correct horse battery"
# Commands whose every run must succeed (exit 0); the others may refuse, clearly.
MUST_RUN = {"predict", "risks", "explain", "validate", "plan", "form", "target", "criteria"}


def _first_of_each_kind(criteria: Path) -> dict[str, str]:
    from scorer.loading import load_criteria

    found: dict[str, str] = {}
    for criterion in load_criteria(criteria).criteria():
        if criterion.rule is not None:
            found.setdefault(criterion.rule.kind, criterion.id)
    return found


def _other_rules(criteria: Path, target: Path) -> Path:
    """The set with every rule that reads a metric replaced by a binary one on that metric: diffed
    against the set, each row's rule is put in words on both sides."""
    from scorer.loading import load_criteria
    from scorer.scoring import kind_of

    cs = load_criteria(criteria)
    reads = {c.id: kind_of(c.rule).metrics() for c in cs.criteria() if c.rule is not None}
    data = yaml.safe_load(criteria.read_text(encoding="utf-8"))
    changed = copy.deepcopy(data)

    def walk(rows: list[dict[str, Any]]) -> None:
        for row in rows:
            walk(row.get("criteria", []))
            metrics = reads.get(str(row.get("id")))
            if "rule" in row and metrics:
                min_ = 0 if row["rule"].get("kind") == "binary" and row["rule"].get("min") == 1 else 1
                row["rule"] = {"kind": "binary", "metric": metrics[0], "min": min_}

    for area in changed["areas"]:
        walk(area["criteria"])
    target.write_text(yaml.safe_dump(changed, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def run_everything(rules: Path, evidence: Path, year: int, as_of: str, work: Path) -> tuple[list[str], int]:
    """Every command and writer in both languages; returns the failures and the number of runs."""
    from scorer.cli import main
    from scorer import loading
    from scorer.loading import load_criteria

    runner = CliRunner()
    criteria = rules / f"criteria_{year}.yaml"
    base = ["--evidence", str(evidence), "--rules", str(rules), "--year", str(year)]
    dated = [*base, "--as-of", as_of]
    runs: list[tuple[str, list[str]]] = []
    scale = load_criteria(criteria).scale
    for lang in LANGS:
        for fmt in ("table", "json", "csv", "md", "html"):
            runs.append(("predict", ["predict", *dated, "--detail", "--lang", lang, "--format", fmt]))
            runs.append(("risks", ["risks", *dated, "--lang", lang, "--format", fmt]))
            for cid in _first_of_each_kind(criteria).values():
                runs.append(("explain", ["explain", cid, *dated, "--lang", lang, "--format", fmt]))
        runs.append(("predict", ["predict", *dated, "--detail", "--lang", lang, "-o", str(work / f"p-{lang}.xlsx")]))
        for fmt in ("table", "json", "html"):
            runs.append(("backtest", ["backtest", *base, "--lang", lang, "--format", fmt]))
        # The plan and the form are one unit's documents: one of each per unit.
        for unit in (f.name for f in loading.unit_folders(evidence)):
            mine = [*dated, "--unit", unit, "--lang", lang]
            runs.append(("plan", ["plan", *mine, "--format", "md"]))
            runs.append(("plan", ["plan", *mine, "-o", str(work / f"plan-{unit}-{lang}.docx")]))
            runs.append(("form", ["form", *mine, "-o", str(work / f"form-{unit}-{lang}.xlsx")]))
        for fmt in ("table", "json"):
            runs.append(("target", ["target", str(scale), *dated, "--lang", lang, "--format", fmt]))
        other = _other_rules(criteria, work / "other.yaml")
        for fmt in ("table", "json"):
            runs.append(("criteria", ["criteria", "diff", str(other), str(criteria), "--lang", lang, "--format", fmt]))
    runs.append(("validate", ["validate", *base]))
    failures = []
    for command, args in runs:
        result = runner.invoke(main, args, catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            trace = "".join(traceback.format_exception(result.exception)).strip().splitlines()[-1]
            failures.append(f"{' '.join(args)}: {trace}")
        elif "Traceback" in result.output or "KeyError" in result.output:
            failures.append(f"{' '.join(args)}: {result.output[-300:]}")
        elif command in MUST_RUN and result.exit_code != 0:
            failures.append(f"{' '.join(args)}: exit {result.exit_code}: {result.output[-300:]}")
    failures += _web(rules, evidence, year, as_of, work)
    return failures, len(runs)


def _web(rules: Path, evidence: Path, year: int, as_of: str, work: Path) -> list[str]:
    """The web's criterion page of every row of every unit, and the unit and risk pages."""
    import datetime as dt

    from starlette.testclient import TestClient

    from scorer import loading
    from scorer.serve import server
    from scorer.serve.app import Config, create_app

    data = work / "data"
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir()
    server.add_user(data, "admin", PASSWORD, [], True, None)
    day = dt.date.fromisoformat(as_of)
    client = TestClient(create_app(Config(evidence=evidence, rules=rules, data=data, today=lambda: day)))
    response = client.post("/login", data={"username": "admin", "password": PASSWORD}, follow_redirects=False)
    if response.status_code != 303:
        return [f"web login: {response.status_code}"]
    ids = [c.id for c in loading.load_criteria(rules / f"criteria_{year}.yaml").criteria()]
    failures = []
    for unit in (f.name for f in loading.unit_folders(evidence)):
        for lang in LANGS:
            paths = [f"/units/{unit}", f"/units/{unit}/risks", *(f"/units/{unit}/criteria/{cid}" for cid in ids)]
            for path in paths:
                page = client.get(path, params={"lang": lang, "year": year})
                if page.status_code != 200 or "Traceback" in page.text:
                    failures.append(f"web {path}?lang={lang}: {page.status_code}")
    return failures


if __name__ == "__main__":
    rules_, evidence_, year_, as_of_, work_ = sys.argv[1:6]
    found, count = run_everything(Path(rules_), Path(evidence_), int(year_), as_of_, Path(work_))
    print(f"{count} runs, {len(found)} failed")
    for line in found:
        print(line)
    sys.exit(1 if found else 0)

"""Whole provinces and huge units through the real pipeline, each in a subprocess with a timeout."""

from __future__ import annotations

import json

import pytest

from tests.conftest import RULES
from tests.test_engine import run_isolated

pytestmark = pytest.mark.slow


def test_five_thousand_units_of_forty_records_in_one_run(tmp_path):
    """A national-scale run through the real command: 5,000 units in one engine, one process."""
    out = run_isolated(
        f"""
        import json, resource, subprocess, sys
        from pathlib import Path
        from scorer import synthetic
        from scorer.loading import load_criteria
        cs = load_criteria(Path({str(RULES / "criteria_2024.yaml")!r}))
        root = synthetic.write_province(Path({str(tmp_path)!r}) / "evidence", cs, units=5000, per_unit=40)
        target = Path({str(tmp_path)!r}) / "prediction.json"
        done = subprocess.run([sys.executable, "-m", "scorer", "predict", "--evidence", str(root), "--rules",
                               {str(RULES)!r}, "--as-of", "2024-09-30", "--format", "json", "--output", str(target)],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        data = json.loads(target.read_text(encoding="utf-8"))
        units = data["units"]
        print(json.dumps({{
            "schema": data["schema"], "units": len(units), "ranking": len(data["ranking"]), "of": data["ranking"][0]["of"],
            "ordered": all(f["low"] <= f["expected"] <= f["high"] <= f["max"]
                           for u in units for f in u["criteria"] + u["areas"] + u["components"] + [u["total"]]),
            "sums": all(round(sum(a["expected"] for a in u["areas"]), 2) == u["total"]["expected"] for u in units),
            "risk_fields": all({{"criterion", "at_stake", "worst_case", "reason", "owner_division", "deadline", "remedy"}} <= set(r)
                               for u in units for r in u["risks"]),
            "child_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024,
        }}))
    """,
        timeout=1800,
    )
    summary = json.loads(out)
    assert summary["schema"] == "scorer.prediction/1"
    assert summary["units"] == summary["ranking"] == summary["of"] == 5000
    assert summary["ordered"] and summary["sums"] and summary["risk_fields"]
    # Units stream through: memory is the output's, not the province's evidence or predictions.
    assert summary["child_rss_mb"] < 1500, summary


def test_one_unit_with_one_hundred_thousand_records(tmp_path):
    out = run_isolated(
        f"""
        import datetime as dt, json, yaml
        from pathlib import Path
        from scorer import api
        root = Path({str(tmp_path)!r}) / "evidence"
        (root / "big" / "2024").mkdir(parents=True)
        (root / "big" / "unit.yaml").write_text("id: big\\nname: Big\\n")
        # 100,000 assigned tasks: 50,000 identical on-time ones and 50,000 identical late ones.
        rows = ["id,type,date,due,completed,document_no"]
        rows += [f"t{{i}},assigned_task,2024-02-01,2024-02-10,{{'2024-02-09' if i % 2 else '2024-02-12'}},1/VP" for i in range(100_000)]
        (root / "big" / "2024" / "tasks.csv").write_text("\\n".join(rows) + "\\n")
        result = api.predict(api.Request(evidence=root, rules=Path({str(RULES)!r}), as_of=dt.date(2024, 12, 31)))
        c = next(c for c in result.units[0].criteria if c.id == "1.7")
        print(json.dumps({{"evidence": len(c.evidence), "expected": c.expected}}))
    """,
        timeout=900,
    )
    summary = json.loads(out)
    assert summary == {"evidence": 100_000, "expected": 0.25}


def test_one_yaml_unit_of_one_hundred_thousand_records_stays_under_500_mib(tmp_path):
    """The YAML is read event by event (never as a tree of nodes): peak memory of the real command."""
    out = run_isolated(
        f"""
        import json, resource, subprocess, sys
        from pathlib import Path
        from scorer import synthetic
        from scorer.loading import load_criteria
        cs = load_criteria(Path({str(RULES / "criteria_2024.yaml")!r}))
        root = Path({str(tmp_path)!r}) / "evidence"
        synthetic.write_unit(root, "big", cs, 100_000, 3)
        done = subprocess.run([sys.executable, "-m", "scorer", "predict", "--evidence", str(root), "--rules",
                               {str(RULES)!r}, "--as-of", "2024-09-30", "--format", "json",
                               "--output", str(Path({str(tmp_path)!r}) / "out.json")], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
    """,
        timeout=900,
    )
    assert int(out) < 500, f"{out} MiB"

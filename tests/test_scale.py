"""Whole provinces and huge units through the real pipeline, each in a subprocess with a timeout."""

from __future__ import annotations

import json

import pytest

from tests.conftest import RULES
from tests.test_engine import run_isolated

pytestmark = pytest.mark.slow


def test_three_thousand_units_in_one_run(tmp_path):
    out = run_isolated(f"""
        import datetime as dt, json, resource
        from pathlib import Path
        from scorer import api, synthetic
        from scorer.loading import load_criteria
        from scorer.render import json_
        cs = load_criteria(Path({str(RULES / "criteria_2024.yaml")!r}))
        root = synthetic.write_province(Path({str(tmp_path)!r}) / "evidence", cs, units=3000, per_unit=12)
        result = api.predict(api.Request(evidence=root, rules=Path({str(RULES)!r}), as_of=dt.date(2024, 9, 30)))
        data = json.loads(json_.dumps(result))
        print(json.dumps({{"units": len(data["units"]), "ranking": len(data["ranking"]),
                          "ordered": all(c["low"] <= c["expected"] <= c["high"] for u in data["units"] for c in u["criteria"]),
                          "of": data["ranking"][0]["of"],
                          "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}}))
    """, timeout=900)
    summary = json.loads(out)
    assert summary["units"] == summary["ranking"] == summary["of"] == 3000
    assert summary["ordered"]


def test_one_unit_with_one_hundred_thousand_records(tmp_path):
    out = run_isolated(f"""
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
    """, timeout=900)
    summary = json.loads(out)
    assert summary == {"evidence": 100_000, "expected": 0.25}

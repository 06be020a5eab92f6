"""Synthetic units in the docs/contract.md evidence format, for tests and the benchmark (never `evidence/`).

Deterministic for a seed: the same call writes the same bytes.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import yaml

from scorer.models.criteria import CriteriaSet, SurveyRule

PLAN_KINDS = ["par", "inspection", "communication", "it", "training", "legal_review", "law_monitoring"]
FORMS = ["portal", "news", "conference", "contest", "social", "other"]


def record(kind: str, index: int, rng: random.Random, cs: CriteriaSet) -> dict[str, Any]:
    """One plausible record of type `kind`, numbered `index`."""
    year = cs.year
    day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(0, 360))
    base: dict[str, Any] = {"id": f"{kind}-{index}", "type": kind, "date": day.isoformat()}
    if rng.random() < 0.9:
        base["document_no"] = f"{index}/{rng.choice(['KH', 'BC', 'QĐ', 'TB'])}-SYN"
    if kind == "plan":
        total = rng.randint(1, 30)
        base.update(kind=rng.choice(PLAN_KINDS), tasks_total=total, tasks_done=rng.randint(0, total))
    elif kind == "report":
        due = dt.date(year, rng.choice([3, 6, 9, 12]), 15)
        base.update(period=rng.choice(["q1", "h1", "q3", "year"]), due=due.isoformat())
        if rng.random() < 0.85:
            base["submitted"] = (due + dt.timedelta(days=rng.randint(-5, 3))).isoformat()
    elif kind == "inspection":
        total = rng.randint(1, 20)
        findings = rng.randint(0, 10)
        base.update(
            units_total=total,
            units_inspected=rng.randint(0, total),
            findings=findings,
            findings_resolved=rng.randint(0, findings),
        )
    elif kind == "initiative":
        status = rng.choice(["proposed", "applied", "recognized"])
        base["status"] = status
        if status == "recognized":
            base["recognized_by"] = f"{index}/QĐ-HĐSK"
    elif kind == "dialogue":
        base.update(
            chaired_by_head=rng.random() < 0.6,
            audience=rng.sample(["staff", "citizens", "businesses"], rng.randint(1, 3)),
        )
    elif kind == "communication":
        base.update(form=rng.choice(FORMS), count=rng.randint(1, 20))
    elif kind == "assigned_task":
        due = day + dt.timedelta(days=14)
        base["due"] = due.isoformat()
        if rng.random() < 0.9:
            base["completed"] = (due + dt.timedelta(days=rng.randint(-7, 2))).isoformat()
    elif kind == "indicator":
        name = rng.choice(sorted(cs.indicators))
        # A value of the indicator's declared kind: a rate 0..1, a percent or score, a whole count.
        kind_of = cs.indicators[name].kind.value
        if kind_of == "count":
            value = float(int(rng.uniform(0, 3)))
        elif kind_of in ("score", "percent"):
            value = round(rng.uniform(50, 95), 1)
        else:
            value = round(rng.uniform(0.4, 1.0), 3)
        base.update(name=name, value=value)
    elif kind == "document":
        base["kind"] = rng.choice(sorted(cs.document_kinds))
    elif kind == "violation":
        base.update(kind=rng.choice(["recruitment", "discipline"]), severity=rng.choice(["minor", "serious"]))
    return base


WEIGHTS = {
    "plan": 8,
    "report": 4,
    "inspection": 2,
    "initiative": 2,
    "dialogue": 1,
    "communication": 5,
    "assigned_task": 30,
    "indicator": 25,
    "document": 20,
    "violation": 1,
}


def records(cs: CriteriaSet, count: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    kinds = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()), k=count)
    result = [record(kind, i, rng, cs) for i, kind in enumerate(kinds)]
    surveys = [c for c in cs.criteria() if isinstance(c.rule, SurveyRule)]
    for i, criterion in enumerate(surveys[: max(0, min(len(surveys), count // 10))]):
        assert isinstance(criterion.rule, SurveyRule)
        result.append(
            {
                "id": f"survey-{i}",
                "type": "survey",
                "instrument": criterion.rule.instrument,
                "source": rng.choice(["official", "internal"]),
                "criterion": criterion.id,
                "share": round(rng.uniform(0.7, 1.0), 3),
                "respondents": rng.randint(20, 400),
                "date": dt.date(cs.year, 11, 30).isoformat(),
            }
        )
    return result


def write_unit(root: Path, unit_id: str, cs: CriteriaSet, count: int, seed: int, files: int = 1) -> Path:
    """A unit folder with `count` records spread over `files` YAML files of its year folder."""
    folder = root / unit_id
    year = folder / str(cs.year)
    year.mkdir(parents=True, exist_ok=True)
    unit = {
        "id": unit_id,
        "name": f"Đơn vị thử nghiệm {unit_id}",
        "group": "department",
        "divisions": {"organisation": "Văn phòng", "information": "Phòng CNTT"},
    }
    (folder / "unit.yaml").write_text(yaml.safe_dump(unit, allow_unicode=True, sort_keys=False), encoding="utf-8")
    rows = records(cs, count, seed)
    for part in range(files):
        chunk = rows[part::files]
        text = yaml.safe_dump(chunk, allow_unicode=True, sort_keys=False, width=1000)
        (year / f"evidence-{part}.yaml").write_text(text, encoding="utf-8")
    return folder


def write_province(root: Path, cs: CriteriaSet, units: int, per_unit: int, seed: int = 1) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for n in range(units):
        write_unit(root, f"unit-{n:05d}", cs, per_unit, seed * 100_003 + n)
    return root

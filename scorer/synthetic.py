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


# -- histories: a unit's year grown month by month at a known pace ----------------------------

PROGRESS_PLANS = ("par", "it", "training", "legal_review", "law_monitoring")


def _month_end(year: int, month: int) -> dt.date:
    return (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)


def history(cs: CriteriaSet, seed: int) -> list[dict[str, Any]]:
    """One unit's evidence for the year of `cs`, as it would be filed month by month: each plan filed
    in January with nothing done and reported at every month end, its tasks done at a steady pace
    that ends the year at a known share (`note: pace ...`); inspection coverage, digitisation and
    disbursement grow the same way; on-time rates and other levels stay at a known value; the
    documents are issued on a known day each; the official surveys come in December."""
    rng = random.Random(seed)
    year = cs.year
    rows: list[dict[str, Any]] = []
    progress_indicators = {
        str(m.where["name"])
        for m in cs.metrics.values()
        if m.type == "indicator" and m.projection == "progress" and isinstance(m.where.get("name"), str)
    }

    def add(**fields: Any) -> None:
        fields["date"] = fields["date"].isoformat()
        fields.setdefault("document_no", f"{len(rows) + 1}/BC-SYN")
        rows.append(fields)

    year_end = dt.date(year, 12, 31)

    def paced(final: float, start: dt.date, day: dt.date) -> float:
        """The share done on `day` at the steady pace that reaches `final` at the year's end."""
        return final * max(0, (day - start).days) / (year_end - start).days

    for kind in PROGRESS_PLANS:
        total, final = rng.randint(8, 24), rng.choice([0.8, 0.85, 0.9, 0.95, 1.0])
        filed = dt.date(year, 1, rng.randint(5, 25))
        add(id=f"kh-{kind}", type="plan", kind=kind, date=filed, tasks_total=total, tasks_done=0)
        for month in range(2, 13):
            # Progress is reported at each month end, the last time with the annual report (10/12).
            day = _month_end(year, month - 1) if month < 12 else dt.date(year, 12, 10)
            done = int(total * paced(final, filed, day) + 1e-9)
            add(
                id=f"kh-{kind}-{month:02d}",
                type="plan",
                kind=kind,
                date=day,
                tasks_total=total,
                tasks_done=done,
                note=f"pace {final}",
            )
    add(id="kh-comm", type="plan", kind="communication", date=dt.date(year, 1, 20), tasks_total=6, tasks_done=0)
    add(id="kh-insp", type="plan", kind="inspection", date=dt.date(year, 2, 1), tasks_total=4, tasks_done=0)
    units, coverage = rng.randint(8, 14), rng.choice([0.3, 0.4, 0.5, 0.6])
    start = dt.date(year, 1, 1)
    for month in range(1, 13):
        day = _month_end(year, month)
        add(
            id=f"kt-{month:02d}",
            type="inspection",
            date=day,
            units_total=units,
            units_inspected=min(units, int(units * paced(coverage, start, day) + 1e-9)),
            findings=month,
            findings_resolved=month - 1,
        )
    levels = {name: rng.choice([0.8, 0.9, 0.95, 1.0]) for name in sorted(cs.indicators)}
    finals = {name: rng.choice([0.6, 0.7, 0.8, 0.95]) for name in sorted(progress_indicators)}
    for month in range(1, 13):
        day = _month_end(year, month)
        for name in sorted(cs.indicators):
            if name in finals:
                value = round(paced(finals[name], start, day), 3)
            elif name == "staff_over_quota":
                value = 0
            elif name == "service_index_766":
                value = round(80 + 15 * levels[name], 1)
            else:
                value = levels[name]
            filed = day if month < 12 else dt.date(year, 12, 20)
            add(id=f"ct-{name}-{month:02d}", type="indicator", date=filed, name=name, value=value, period_end=day)
    for period, month in (("q1", 3), ("h1", 6), ("q3", 9), ("year", 12)):
        due = dt.date(year, month, 15)
        late = rng.random() < 0.2
        sent = due + dt.timedelta(days=3 if late else -2)
        add(id=f"bc-{period}", type="report", date=sent, period=period, due=due, submitted=sent)
    for n in range(1, 49):
        given = dt.date(year, 1, 2) + dt.timedelta(days=7 * (n - 1))
        due = given + dt.timedelta(days=14)
        completed = due + dt.timedelta(days=2 if rng.random() < 0.05 else -1)
        add(id=f"nv-{n:02d}", type="assigned_task", date=given, due=due, completed=completed)
    for kind in sorted(cs.document_kinds):
        if rng.random() < 0.92:
            add(id=f"vb-{kind}", type="document", kind=kind, date=dt.date(year, rng.randint(1, 11), rng.randint(1, 28)))
    for i, form in enumerate(rng.sample(FORMS[:5], 3)):
        add(id=f"tt-{i}", type="communication", date=dt.date(year, 4 * i + 3, 10), form=form, count=rng.randint(2, 9))
    add(
        id="dt-head",
        type="dialogue",
        date=dt.date(year, rng.randint(5, 11), 12),
        chaired_by_head=rng.random() < 0.8,
        audience=["staff", "citizens"],
    )
    status = rng.choice(["applied", "recognized"])
    initiative: dict[str, Any] = {"id": "sk-1", "type": "initiative", "date": dt.date(year, 9, 5), "status": status}
    if status == "recognized":
        initiative["recognized_by"] = "12/QĐ-HĐSK"
    add(**initiative)
    for criterion in cs.criteria():
        if isinstance(criterion.rule, SurveyRule):
            rows.append(
                {
                    "id": f"ks-{criterion.id}",
                    "type": "survey",
                    "instrument": criterion.rule.instrument,
                    "source": "official",
                    "criterion": criterion.id,
                    "share": round(rng.uniform(0.82, 0.98), 3),
                    "date": dt.date(year, 12, 20).isoformat(),
                }
            )
    return rows


def write_history(root: Path, unit_id: str, cs: CriteriaSet, seed: int) -> Path:
    """A unit folder holding one synthetic history (`history`) for the year of `cs`."""
    folder = root / unit_id
    (folder / str(cs.year)).mkdir(parents=True, exist_ok=True)
    unit = {"id": unit_id, "name": f"Đơn vị mô phỏng {unit_id}", "group": "department", "divisions": {}}
    (folder / "unit.yaml").write_text(yaml.safe_dump(unit, allow_unicode=True, sort_keys=False), encoding="utf-8")
    text = yaml.safe_dump(history(cs, seed), allow_unicode=True, sort_keys=False, width=1000)
    (folder / str(cs.year) / "evidence.yaml").write_text(text, encoding="utf-8")
    return folder

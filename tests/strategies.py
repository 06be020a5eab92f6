"""Hypothesis strategies over generated units and records (issue 22.3), for any test that needs a
unit's year as the forecast sees it and one more record that meets an obligation or shows a miss.

A unit is drawn from a synthetic history (scorer.synthetic, any kind) thinned at random, possibly
to nothing, with or without last year's folder, and an as-of date in the year; a record is drawn
against that as-of date, dated on or before it, so that the forecast reads it.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from scorer import synthetic
from scorer.models.criteria import CriteriaSet
from scorer.models.rules import SurveyRule

YEAR = 2024
PERIODS = {"q1": "report_q1_due", "h1": "report_h1_due", "q3": "report_q3_due", "year": "report_year_due"}


@dataclass
class GeneratedUnit:
    records: list[dict[str, Any]]
    last_year: list[dict[str, Any]] | None
    as_of: dt.date
    label: str = ""
    extra: list[dict[str, Any]] = field(default_factory=list)

    def write(self, root: Path, unit_id: str = "u") -> Path:
        """The unit's folder (unit.yaml, this year's records and `extra`, last year's if any)."""
        folder = root / unit_id
        (folder / str(YEAR)).mkdir(parents=True, exist_ok=True)
        unit = {"id": unit_id, "name": f"Đơn vị {unit_id}", "group": "department"}
        (folder / "unit.yaml").write_text(yaml.safe_dump(unit, allow_unicode=True), encoding="utf-8")
        rows = self.records + self.extra
        (folder / str(YEAR) / "evidence.yaml").write_text(_dump(rows), encoding="utf-8")
        if self.last_year is not None:
            (folder / str(YEAR - 1)).mkdir(exist_ok=True)
            (folder / str(YEAR - 1) / "evidence.yaml").write_text(_dump(self.last_year), encoding="utf-8")
        return folder


def _dump(rows: list[dict[str, Any]]) -> str:
    return yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=1000) if rows else "[]\n"


def as_of_dates(year: int = YEAR) -> st.SearchStrategy[dt.date]:
    return st.dates(dt.date(year, 1, 15), dt.date(year, 12, 20))


@st.composite
def units(draw: st.DrawFn, cs: CriteriaSet, last: CriteriaSet) -> GeneratedUnit:
    """A unit's records: a synthetic history of any kind, each record kept at a drawn rate (0: a
    unit with no evidence at all), last year's history or none, and the as-of date."""
    kind = draw(st.sampled_from(synthetic.KINDS))
    seed = draw(st.integers(1, 10_000))
    keep = draw(st.sampled_from([0.0, 0.05, 0.3, 0.7, 1.0]))
    thin = random.Random(draw(st.integers(0, 2**32 - 1)))
    records = [r for r in synthetic.history(cs, seed, kind) if keep and thin.random() < keep]
    last_year = None
    if draw(st.booleans()):
        last_year = synthetic.history(last, seed, synthetic.last_year_kind(seed, kind))
    as_of = draw(as_of_dates(cs.year))
    return GeneratedUnit(records, last_year, as_of, f"{kind} seed {seed} kept {keep}")


def _day(draw: st.DrawFn, start: dt.date, end: dt.date) -> dt.date:
    return draw(st.dates(start, max(start, end)))


@st.composite
def meeting_records(draw: st.DrawFn, cs: CriteriaSet, as_of: dt.date) -> dict[str, Any]:
    """One record, dated on or before `as_of`, that meets an obligation: a report sent on time, a
    task done on time, a document issued, a plan done in full, an indicator at its best, the head's
    dialogue, a recognised initiative, a form of communication, an official survey at full marks."""
    start = dt.date(cs.year, 1, 1)
    day = _day(draw, start, as_of)
    base: dict[str, Any] = {"id": "added", "date": day, "document_no": "99/BC-ADD"}
    what = draw(
        st.sampled_from(
            ["report", "task", "document", "plan", "indicator", "dialogue", "initiative", "communication", "survey"]
        )
    )
    if what == "report":
        period = draw(st.sampled_from(sorted(PERIODS)))
        due = cs.calendar[PERIODS[period]]
        sent = _day(draw, start, min(due, as_of))
        base.update(type="report", date=sent, period=period, due=due, submitted=sent)
    elif what == "task":
        due = _day(draw, start + dt.timedelta(days=1), cs.cutoff)
        done = _day(draw, start, min(due, as_of))
        base.update(type="assigned_task", date=min(done, day), due=due, completed=done)
    elif what == "document":
        base.update(type="document", kind=draw(st.sampled_from(sorted(cs.document_kinds))))
    elif what == "plan":
        total = draw(st.integers(1, 30))
        kind = draw(st.sampled_from([*synthetic.PROGRESS_PLANS, "communication", "inspection"]))
        base.update(type="plan", kind=kind, tasks_total=total, tasks_done=total)
    elif what == "indicator":
        name = draw(st.sampled_from(sorted(cs.indicators)))
        kind_of = cs.indicators[name].kind.value
        best = 0.0 if kind_of == "count" else 100.0 if kind_of in ("score", "percent") else 1.0
        base.update(type="indicator", name=name, value=best, period_end=day)
    elif what == "dialogue":
        base.update(type="dialogue", chaired_by_head=True, audience=["staff", "citizens", "businesses"])
    elif what == "initiative":
        base.update(type="initiative", status="recognized", recognized_by="1/QĐ-HĐSK")
    elif what == "communication":
        base.update(type="communication", form=draw(st.sampled_from(synthetic.FORMS)), count=draw(st.integers(1, 9)))
    else:
        surveyed = [c for c in cs.criteria() if isinstance(c.rule, SurveyRule)]
        criterion = draw(st.sampled_from(surveyed))
        assert isinstance(criterion.rule, SurveyRule)
        base.update(
            type="survey", instrument=criterion.rule.instrument, source="official", criterion=criterion.id, share=1.0
        )
    return _plain(base)


@st.composite
def missing_records(draw: st.DrawFn, cs: CriteriaSet, as_of: dt.date) -> dict[str, Any]:
    """One record, dated on or before `as_of`, that shows a miss: a report sent late or not as
    required, a task overdue or done late, a violation, an indicator at its worst, a plan with
    nothing done."""
    start = dt.date(cs.year, 1, 1)
    day = _day(draw, start, as_of)
    base: dict[str, Any] = {"id": "added", "date": day, "document_no": "99/BC-ADD"}
    what = draw(st.sampled_from(["report", "task", "violation", "indicator", "plan"]))
    due_passed = [p for p, name in PERIODS.items() if cs.calendar[name] < as_of]
    if what == "report" and due_passed:
        period = draw(st.sampled_from(due_passed))
        due = cs.calendar[PERIODS[period]]
        if draw(st.booleans()):
            sent = _day(draw, due + dt.timedelta(days=1), as_of)
            base.update(type="report", date=sent, period=period, due=due, submitted=sent)
        else:
            sent = _day(draw, start, due)
            base.update(type="report", date=sent, period=period, due=due, submitted=sent, conforms=False)
    elif what in ("report", "task"):
        due = _day(draw, start, as_of - dt.timedelta(days=1))
        base.update(type="assigned_task", date=min(day, due), due=due)
        if draw(st.booleans()) and due + dt.timedelta(days=1) <= as_of:
            base["completed"] = _day(draw, due + dt.timedelta(days=1), as_of)
    elif what == "violation":
        base.update(
            type="violation",
            kind=draw(st.sampled_from(["recruitment", "discipline"])),
            severity=draw(st.sampled_from(["minor", "serious"])),
        )
    elif what == "indicator":
        name = draw(st.sampled_from(sorted(cs.indicators)))
        kind_of = cs.indicators[name].kind.value
        worst = 5.0 if kind_of == "count" else 0.0
        base.update(type="indicator", name=name, value=worst, period_end=day)
    elif as_of > cs.calendar["plan_due"]:
        # Nothing done, filed after the plan was due (so it does not count as the plan issued on time).
        day = _day(draw, cs.calendar["plan_due"] + dt.timedelta(days=1), as_of)
        kind = draw(st.sampled_from(list(synthetic.PROGRESS_PLANS)))
        base.update(type="plan", date=day, kind=kind, tasks_total=draw(st.integers(1, 30)), tasks_done=0)
    else:
        base.update(type="violation", kind="discipline", severity="serious")
    return _plain(base)


def _plain(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in record.items()}

"""Synthetic units in the docs/contract.md evidence format, for tests and the benchmark (never `evidence/`).

Deterministic for a seed: the same call writes the same bytes.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from scorer.models.criteria import CriteriaSet
from scorer.scoring.kinds import survey_instrument

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
        base["kind"] = rng.choice(_document_kinds(cs))
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


def _document_kinds(cs: CriteriaSet) -> list[str]:
    """The document kinds a unit files under the set, in name order: the dialogue's records only
    where the set names them as the dialogue's proofs (every set inherits the kind from the
    product's vocabulary; the 2023 model names no such proofs)."""
    proofs = any(p.id.startswith("dialogue-") for c in cs.criteria() for p in c.proofs)
    return sorted(k for k in cs.document_kinds if k != "dialogue_record" or proofs)


def records(cs: CriteriaSet, count: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    kinds = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()), k=count)
    result = [record(kind, i, rng, cs) for i, kind in enumerate(kinds)]
    surveys = [c for c in cs.criteria() if survey_instrument(c)]
    for i, criterion in enumerate(surveys[: max(0, min(len(surveys), count // 10))]):
        result.append(
            {
                "id": f"survey-{i}",
                "type": "survey",
                "instrument": survey_instrument(criterion),
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


# -- histories: one unit's year as it was filed, of a known kind, scored at the cut-off ---------
#
# A history is drawn from its seed alone: the kind sets how the unit behaves (its pace over the year,
# what it never files, how its surveys and its last quarter turn out) and the seed draws every figure
# and date within that. Nothing here reads the forecast, and the forecast reads nothing here but the
# records: the final a history is held to is what scoring its full year gives at the cut-off.
# Last year's folder is another history of the same unit: its quality, indicator levels and
# satisfaction are the same traits, and, one assumption stated (`PERSISTENCE`), its pace is this
# year's pace with chance 0.8 (else drawn again).

KINDS = ("steady", "late_rush", "stalled", "early", "never_files", "new_unit", "high_surveys", "bad_news")
PACES = ("steady", "late_rush", "stalled", "early")
PROGRESS_PLANS = ("par", "it", "training", "legal_review", "law_monitoring")
# What a unit can leave unfiled for a whole year besides a document or an indicator.
HABITS = ("dialogue", "initiative", "communication", "inspection", "assigned_task", "plan:communication")
# The chance that a unit worked at last year's pace this year too (late rush, stalled, early, steady):
# an assumption of these histories, as real units keep their staff and their ways from year to
# year (docs/commands.md, "Held to account"); otherwise last year's pace is drawn again.
PERSISTENCE = 0.8


@dataclass(frozen=True)
class Profile:
    """How one synthetic unit behaves over one year (drawn by `profile`)."""

    kind: str
    pace: str  # steady | late_rush | stalled | early
    turn: dt.date  # late_rush: the rush begins; early: the work is done; stalled: it stops
    # Never filed this year: "document:<kind>", "indicator:<name>", "plan:<kind>", a HABIT, "report:<period>".
    never: frozenset[str]
    on_time: float  # chance that a report or an assigned task is on time
    cadence: int  # months between progress filings
    surveys: tuple[float, float]  # the official survey shares are drawn in this range
    bad_news: bool  # a violation or a falling indicator after September
    quality: float  # how good the unit is at its work, 0 to 1, the same every year


def profile(cs: CriteriaSet, seed: int | str, kind: str) -> Profile:
    """The behaviour of a unit of `kind` for the year of `cs`, drawn from `seed`."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of history {kind!r}: one of {', '.join(KINDS)}")
    rng = random.Random(f"profile-{kind}-{cs.year}-{seed}")
    year = cs.year
    pace = kind if kind in PACES else ("steady" if kind != "new_unit" else rng.choice(PACES))
    if pace == "late_rush":
        turn = dt.date(year, 9, 1) + dt.timedelta(days=rng.randint(0, 50))
    elif pace == "early":
        turn = dt.date(year, 4, 15) + dt.timedelta(days=rng.randint(0, 110))
    elif pace == "stalled":
        turn = dt.date(year, 4, 1) + dt.timedelta(days=rng.randint(0, 140))
    else:
        turn = dt.date(year, 12, 10)
    # Every unit forgets a few things now and then; a never-filing unit leaves whole sets unfiled.
    things = (
        [f"document:{k}" for k in _document_kinds(cs)]
        + [f"indicator:{n}" for n in sorted(cs.indicators)]
        + [f"plan:{k}" for k in PROGRESS_PLANS]
        + list(HABITS)
        + [f"report:{p}" for p in ("q1", "h1", "q3", "year")]
    )
    # What a never-filing unit leaves unfiled: for half of them mostly the same things every year
    # (habits, a few things more or less each year), for the others different things each year.
    share = rng.uniform(0.0, 0.05)
    habits = random.Random(f"traits-{seed}-habits")
    rate = habits.uniform(0.2, 0.45) if kind == "never_files" else 0.0
    habitual = habits.random() < 0.5

    def left(thing: str) -> bool:
        draw = random.Random(f"traits-{seed}-never-{thing}").random() if habitual else rng.random()
        return draw < rate * rng.uniform(0.7, 1.3)

    never = frozenset(t for t in things if rng.random() < share or left(t))
    if kind == "never_files" and not never:
        never = frozenset([rng.choice(things)])
    # How good the unit is at its work, kept from year to year (0 to 1): it raises the chances of
    # what it does on time and in full, and how satisfied its respondents are.
    quality = random.Random(f"traits-{seed}-quality").random()
    on_time = {"early": rng.uniform(0.9, 1.0), "late_rush": rng.uniform(0.4, 0.8)}.get(
        pace, 0.75 + 0.24 * (quality + rng.random()) / 2
    )
    surveys = (0.97, 0.99) if kind == "high_surveys" else (0.78, 0.96)
    return Profile(kind, pace, turn, never, on_time, rng.choice([1, 1, 2, 3]), surveys, kind == "bad_news", quality)


def history(cs: CriteriaSet, seed: int | str, kind: str = "steady") -> list[dict[str, Any]]:
    """One unit's evidence for the year of `cs`, as a unit of `kind` would file it month by month
    (plans with their progress, the four reports, inspections, initiatives, the head's dialogue,
    communication, assigned tasks, indicators, documents, violations and surveys)."""
    rng = random.Random(f"history-{kind}-{cs.year}-{seed}")
    return _year(cs, profile(cs, seed, kind), rng, lambda key: random.Random(f"traits-{seed}-{key}"))


def pace_of(kind: str) -> str | None:
    """The pace a kind of unit works at (None: a new unit's is drawn with its profile)."""
    if kind in PACES:
        return kind
    return None if kind == "new_unit" else "steady"


def last_year_kind(seed: int | str, kind: str, persistence: float = PERSISTENCE) -> str:
    """The kind a unit was last year: mostly the same habits (a never-filing unit was one last year
    too, seven times in ten), and with chance `persistence` the same pace as this year (the same
    staff working the same way); otherwise its pace drawn again. At `persistence` 0 last year's
    timing says nothing of this year's."""
    rng = random.Random(f"last-{kind}-{seed}")
    if kind == "never_files" and rng.random() < 0.7:
        return "never_files"
    drawn = rng.choice(["steady", "steady", "early", "late_rush", "stalled"])
    # A draw of its own, so that the rest of the history is the same whatever `persistence` is.
    kept = pace_of(kind)
    if kept is not None and random.Random(f"last-pace-{kind}-{seed}").random() < persistence:
        return kept
    return drawn


def write_history(
    root: Path,
    unit_id: str,
    cs: CriteriaSet,
    seed: int | str,
    kind: str = "steady",
    last: CriteriaSet | None = None,
    persistence: float = PERSISTENCE,
) -> Path:
    """A unit folder holding one synthetic history of `kind` for the year of `cs`, and with `last`
    (the set of the year before) last year's history too (its kind by `last_year_kind`), except for
    a `new_unit`."""
    folder = root / unit_id
    (folder / str(cs.year)).mkdir(parents=True, exist_ok=True)
    unit = {"id": unit_id, "name": f"Đơn vị mô phỏng {unit_id}", "group": "department", "divisions": {}}
    (folder / "unit.yaml").write_text(yaml.safe_dump(unit, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (folder / str(cs.year) / "evidence.yaml").write_text(_dump(history(cs, seed, kind)), encoding="utf-8")
    if last is not None and kind != "new_unit":
        (folder / str(last.year)).mkdir(exist_ok=True)
        rows = history(last, seed, last_year_kind(seed, kind, persistence))
        (folder / str(last.year) / "evidence.yaml").write_text(_dump(rows), encoding="utf-8")
    return folder


def _dump(rows: list[dict[str, Any]]) -> str:
    """Records as YAML, by libyaml where PyYAML has it (the same text, some ten times faster)."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(rows, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def _year(
    cs: CriteriaSet, p: Profile, rng: random.Random, trait: Callable[[str], random.Random]
) -> list[dict[str, Any]]:
    """The year's records. `trait(key)` draws what a unit keeps from year to year (the level of each
    indicator, how satisfied its respondents are), the same in every year; `rng` everything else."""
    year = cs.year
    start, last_day = dt.date(year, 1, 1), dt.date(year, 12, 12)
    due = {name: day for name, day in cs.calendar.items()}
    rows: list[dict[str, Any]] = []

    def add(**fields: Any) -> None:
        for key, value in fields.items():
            if isinstance(value, dt.date):
                fields[key] = value.isoformat()
        if rng.random() < 0.97:
            fields.setdefault("document_no", f"{len(rows) + 1}/{rng.choice(['BC', 'KH', 'QĐ', 'TB'])}-SYN")
        rows.append(fields)

    def frac(a: dt.date, b: dt.date, day: dt.date) -> float:
        return min(1.0, max(0.0, (day - a).days / max(1, (b - a).days)))

    def curve(final: float) -> Any:
        """The share done by a day: the unit's pace to `final`, bent by a random exponent."""
        bend = rng.uniform(0.7, 1.5)
        slow = rng.uniform(0.03, 0.25)

        def share(day: dt.date) -> float:
            if p.pace == "early":
                return final * frac(start, p.turn, day) ** bend
            if p.pace == "late_rush":
                if day < p.turn:
                    return final * slow * frac(start, p.turn, day) ** bend
                return final * (slow + (1 - slow) * frac(p.turn, last_day, day))
            if p.pace == "stalled":
                return final * frac(start, last_day, min(day, p.turn)) ** bend
            return final * frac(start, last_day, day) ** bend

        return share

    def when(early: tuple[int, int] = (1, 6), spread: tuple[int, int] = (2, 11)) -> dt.date | None:
        """The day a one-off thing is done at the unit's pace (None: a stalled unit never gets to it)."""
        if p.pace == "early":
            lo, hi = dt.date(year, early[0], 10), p.turn
        elif p.pace == "late_rush":
            lo, hi = p.turn, dt.date(year, 12, 20)
        else:
            lo, hi = dt.date(year, spread[0], 1), dt.date(year, spread[1], 28)
        day = lo + dt.timedelta(days=rng.randint(0, max(0, (hi - lo).days)))
        return None if p.pace == "stalled" and day > p.turn else day

    def filings(first: int) -> list[tuple[dt.date, dt.date]]:
        """(period end, filed on) of each progress filing from month `first`: every `cadence`
        months, the last with the annual report; a stalled unit goes quiet after its stop (or not)."""
        quiet = p.pace == "stalled" and rng.random() < 0.6
        out = []
        for month in range(first, 12, p.cadence):
            end = _month_end(year, month)
            if quiet and end > p.turn:
                break
            out.append((end, end + dt.timedelta(days=rng.randint(0, 8))))
        if not (quiet and p.turn < dt.date(year, 12, 1)):
            out.append((dt.date(year, 12, 10), dt.date(year, 12, rng.randint(5, 14))))
        return out

    # Plans: filed in January (a late unit may file late), progress reported at the unit's cadence.
    for kind in PROGRESS_PLANS:
        if f"plan:{kind}" in p.never:
            continue
        total = rng.randint(6, 30)
        share = curve(1.0 if rng.random() < 0.2 + 0.6 * p.quality else rng.choice([0.7, 0.8, 0.85, 0.9, 0.95]))
        late = p.pace == "late_rush" and rng.random() < 0.5
        issued = dt.date(year, 1, 3) + dt.timedelta(days=rng.randint(20, 70) if late else rng.randint(0, 25))
        add(id=f"kh-{kind}", type="plan", kind=kind, date=issued, tasks_total=total, tasks_done=0)
        for end, filed in filings(issued.month + 1):
            add(
                id=f"kh-{kind}-{end.month:02d}-{end.day:02d}",
                type="plan",
                kind=kind,
                date=filed,
                tasks_total=total,
                tasks_done=min(total, int(total * share(end) + 1e-9)),
            )
    if "plan:communication" not in p.never:
        add(id="kh-tt", type="plan", kind="communication", date=when((1, 2), (1, 4)) or start, tasks_total=6)
    # Inspections: a plan, then the coverage and the findings to date, at quarter ends.
    if "inspection" not in p.never:
        add(id="kh-kt", type="plan", kind="inspection", date=dt.date(year, 1, rng.randint(10, 31)), tasks_total=4)
        units = rng.randint(5, 15)
        covered = curve(min(1.0, rng.uniform(0.2, 1.0) + 0.3 * p.quality))
        resolve = rng.uniform(0.5, 1.0)
        for end, filed in filings(3)[:: max(1, 3 // p.cadence)]:
            inspected = min(units, int(units * covered(end) + 1e-9))
            findings = inspected * rng.randint(1, 2)
            add(
                id=f"kt-{end.month:02d}-{end.day:02d}",
                type="inspection",
                date=filed,
                units_total=units,
                units_inspected=inspected,
                findings=findings,
                findings_resolved=int(findings * resolve),
            )
    # The four reports, each on time or late (a stalled unit misses most after its stop).
    for period, name in (
        ("q1", "report_q1_due"),
        ("h1", "report_h1_due"),
        ("q3", "report_q3_due"),
        ("year", "report_year_due"),
    ):
        deadline = due[name]
        if f"report:{period}" in p.never or (p.pace == "stalled" and deadline > p.turn and rng.random() < 0.7):
            continue
        on_time = rng.random() < (0.3 if p.pace == "stalled" and deadline > p.turn else p.on_time)
        sent = (
            deadline - dt.timedelta(days=rng.randint(0, 10))
            if on_time
            else deadline + dt.timedelta(days=rng.randint(1, 15))
        )
        report: dict[str, Any] = {"period": period, "due": deadline, "submitted": sent}
        if rng.random() < 0.05:
            report["conforms"] = False
        add(id=f"bc-{period}", type="report", date=sent, **report)
    # Tasks assigned by the province through the year, each done on time, late or never.
    if "assigned_task" not in p.never:
        for n in range(rng.randint(8, 40)):
            given = start + dt.timedelta(days=rng.randint(0, 330))
            deadline = given + dt.timedelta(days=rng.randint(10, 30))
            chance = 0.3 if p.pace == "stalled" and deadline > p.turn else p.on_time
            roll = rng.random()
            task: dict[str, Any] = {"due": deadline}
            if roll < chance:
                task["completed"] = deadline - dt.timedelta(days=rng.randint(0, 9))
            elif roll < chance + (1 - chance) * 0.7:
                task["completed"] = deadline + dt.timedelta(days=rng.randint(1, 20))
            add(id=f"nv-{n:02d}", type="assigned_task", date=given, **task)
    # Indicators: progress figures grow at the unit's pace; levels hold near a value of their kind.
    progress = {
        str(m.where["name"])
        for m in cs.metrics.values()
        if m.type == "indicator" and m.projection == "progress" and isinstance(m.where.get("name"), str)
    }
    falling = rng.choice(
        sorted(n for n in cs.indicators if n not in progress and cs.indicators[n].kind.value == "rate")
    )
    bad = rng.sample(["violation", "falls"], rng.choice([1, 2])) if p.bad_news else []
    levels = {}
    for name in sorted(cs.indicators):
        own = trait(f"indicator-{name}")
        best = own.random() < 0.2 + 0.6 * p.quality
        levels[name] = 1.0 if best else own.choice([0.7, 0.8, 0.9, 0.95, 1.0]) * own.uniform(0.9, 1.0)
    for name in sorted(cs.indicators):
        if f"indicator:{name}" in p.never:
            continue
        kind_of = cs.indicators[name].kind.value
        share = curve(rng.uniform(0.5, 1.0)) if name in progress else None
        level = min(1.0, levels[name] + rng.uniform(-0.05, 0.05))
        first = rng.randint(1, 3) if p.pace != "late_rush" else rng.randint(1, 10)
        fall = (
            dt.date(year, 10, 1) + dt.timedelta(days=rng.randint(0, 60)) if "falls" in bad and name == falling else None
        )
        for end, filed in filings(first):
            if share is not None:
                value: float = round(share(end), 3)
            elif kind_of == "count":
                value = 0 if level > 0.8 else 1
            elif kind_of in ("score", "percent"):
                value = round(60 + 38 * level, 1)
            else:
                value = round(min(1.0, max(0.0, level + rng.uniform(-0.03, 0.03))), 3)
                if fall is not None and filed >= fall:
                    value = round(level * rng.uniform(0.4, 0.75), 3)
            add(
                id=f"ct-{name}-{end.month:02d}-{end.day:02d}",
                type="indicator",
                date=filed,
                name=name,
                value=value,
                period_end=end,
            )
    if "violation" in bad or rng.random() < 0.05:
        # Bad news after September; now and then a violation earlier in the year, for anyone.
        struck = dt.date(year, 10, 1) + dt.timedelta(days=rng.randint(0, 80))
        if "violation" not in bad:
            struck = dt.date(year, 2, 1) + dt.timedelta(days=rng.randint(0, 180))
        add(
            id="vp-1",
            type="violation",
            date=struck,
            kind=rng.choice(["recruitment", "discipline"]),
            severity=rng.choice(["minor", "serious"]),
        )
    # Documents, each issued once on a day at the unit's pace.
    for kind in _document_kinds(cs):
        if f"document:{kind}" in p.never or kind == "dialogue_record":
            continue
        day = when()
        if day is not None:
            add(id=f"vb-{kind}", type="document", kind=kind, date=day)
    # Communication in a few forms, the head's dialogue with its records, an initiative.
    if "communication" not in p.never:
        for i, form in enumerate(rng.sample(FORMS[:5], rng.randint(1 + round(2 * p.quality), 5))):
            day = when()
            if day is not None:
                add(id=f"tt-{i}", type="communication", date=day, form=form, count=rng.randint(1, 12))
    day = when((3, 6), (4, 11))
    if "dialogue" not in p.never and day is not None:
        add(id="dt-1", type="dialogue", date=day, chaired_by_head=rng.random() < 0.85, audience=["staff", "citizens"])
        if "dialogue_record" in _document_kinds(cs) and "document:dialogue_record" not in p.never:
            for proof, offset in (("dialogue-invitation", -7), ("dialogue-minutes", 0), ("dialogue-conclusions", 10)):
                if rng.random() < 0.9:
                    on = min(day + dt.timedelta(days=offset), dt.date(year, 12, 30))
                    add(
                        id=f"vb-{proof}",
                        type="document",
                        kind="dialogue_record",
                        date=on,
                        proof=proof,
                        criteria=["1.6"],
                    )
    day = when((2, 5), (3, 10))
    if "initiative" not in p.never and day is not None:
        add(id="sk-1", type="initiative", date=day, status="applied")
        later = day + dt.timedelta(days=rng.randint(30, 120))
        if (
            rng.random() < 0.3 + 0.5 * p.quality
            and later <= dt.date(year, 12, 20)
            and not (p.pace == "stalled" and later > p.turn)
        ):
            add(
                id="sk-1-cn",
                type="initiative",
                date=later,
                status="recognized",
                recognized_by=f"{rng.randint(1, 99)}/QĐ-HĐSK",
            )
    # Surveys: now and then an internal one mid-year, the official results in December.
    satisfaction = 0.79 + 0.16 * (0.6 * p.quality + 0.4 * trait("surveys").random())
    for criterion in cs.criteria():
        instrument = survey_instrument(criterion)
        if instrument is None:
            continue
        # Near the unit's own level, year after year (the high-survey kind: 0.97-0.99 this year).
        lo, hi = p.surveys
        final = round(
            min(
                hi,
                max(lo, satisfaction + trait(f"survey-{criterion.id}").uniform(-0.03, 0.03) + rng.uniform(-0.05, 0.05)),
            ),
            3,
        )
        if p.kind == "high_surveys":
            final = round(rng.uniform(lo, hi), 3)
        if rng.random() < 0.3:
            add(
                id=f"ks-nb-{criterion.id}",
                type="survey",
                instrument=instrument,
                source="internal",
                criterion=criterion.id,
                share=round(min(1.0, max(0.0, final + rng.uniform(-0.05, 0.05))), 3),
                respondents=rng.randint(30, 200),
                date=dt.date(year, 7, rng.randint(1, 28)),
            )
        add(
            id=f"ks-{criterion.id}",
            type="survey",
            instrument=instrument,
            source="official",
            criterion=criterion.id,
            share=final,
            date=dt.date(year, 12, 20),
        )
    return rows

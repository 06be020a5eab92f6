"""The track record that holds the forecast to account (issue 22.7): synthetic histories of every
kind of unit (scorer.synthetic.KINDS), each replayed with `scorer backtest --track` (through the
library) and held against its own final, plus the shipped 2023 history and the template unit with
three reports:

    .venv/bin/python bench/track_record.py                 # the README's table (15 units per kind)
    .venv/bin/python bench/track_record.py --units 60      # more units per kind (seeds 1-60)
    .venv/bin/python bench/track_record.py --seeds 101-160 # other seeds
    .venv/bin/python bench/track_record.py --persistence 0 # last year's pace drawn again every time

Per kind and per quarter's end (31/03, 30/06, 30/09 and 30/11, the last month end before the
cut-off): MAE and bias of expected against the final; coverage and mean width of `likely` (n/a
while the prediction gives none) and of [low, high]; the at-risk list's recall (of the criteria that
end the year below max, the share the list held that day) and precision (of the criteria listed,
the share that end below max), pooled over the units. tests/test_track.py checks that the README
holds this table.

A history's final is what scoring its full year gives at the cut-off; the histories are drawn
from their seeds alone (scorer/synthetic.py) and the forecast sees only their records, as of each day.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scorer import api, synthetic  # noqa: E402
from scorer.loading import load_criteria  # noqa: E402
from scorer.models.track import Track, TrackRow, UnitTrack  # noqa: E402
from scorer.track import likely_range, quarter_days, scorecard  # noqa: E402

YEAR = 2024  # replayed, with 2023 as last year (a new unit has none)
SHIPPED_YEAR = 2023
UNITS = 15  # per kind, seeds 1-15
TEMPLATE_AS_OF = dt.date(YEAR, 9, 30)


def seeds_of(units: int = UNITS, seeds: str | None = None) -> list[int]:
    if seeds:
        first, _, last = seeds.partition("-")
        return list(range(int(first), int(last or first) + 1))
    return list(range(1, units + 1))


def synthetic_track(
    root: Path,
    seeds: list[int],
    kinds: tuple[str, ...] = synthetic.KINDS,
    persistence: float = synthetic.PERSISTENCE,
) -> Track:
    """Every kind's histories over `seeds`, replayed; last year's pace is this year's with chance
    `persistence` (scorer.synthetic.PERSISTENCE)."""
    cs = load_criteria(ROOT / "rules" / f"criteria_{YEAR}.yaml")
    last = load_criteria(ROOT / "rules" / f"criteria_{YEAR - 1}.yaml")
    for kind in kinds:
        for seed in seeds:
            synthetic.write_history(root, f"{kind}-{seed:04d}", cs, seed, kind, last=last, persistence=persistence)
    # Only the days the table reads are replayed (and the cut-off, the final).
    return api.track(api.Request(evidence=root, rules=ROOT / "rules", year=YEAR), days=quarter_days(YEAR))


def kind_of(unit: UnitTrack) -> str:
    return unit.unit.rsplit("-", 1)[0]


def shipped_track() -> Track:
    return api.track(api.Request(evidence=ROOT / "evidence", rules=ROOT / "rules", year=SHIPPED_YEAR))


def _num(value: float | None, digits: int = 2, signed: bool = False) -> str:
    if value is None:
        return "n/a"
    return f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.0f}%"


def _line(label: str, row: TrackRow) -> str:
    cells = [
        label,
        row.as_of.strftime("%d/%m"),
        str(row.units),
        _num(row.mae),
        _num(row.bias, signed=True),
        _pct(row.likely_coverage),
        _num(row.likely_width),
        _pct(row.band_coverage),
        _num(row.band_width),
        _num(row.recall),
        _num(row.precision),
    ]
    return "| " + " | ".join(cells) + " |"


HEAD = [
    "| history | as of | units | MAE | bias | likely covers | likely width | [low, high] covers | width"
    " | at-risk recall | precision |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
]


def table(shipped: Track, units: Track, seeds: list[int]) -> str:
    lines = list(HEAD)
    groups: dict[str, list[UnitTrack]] = {}
    for unit in units.units:
        groups.setdefault(kind_of(unit), []).append(unit)
    for kind in synthetic.KINDS:
        for row in scorecard(groups.get(kind, [])):
            lines.append(_line(kind.replace("_", " "), row))
    label = f"all {len(units.units)} ({len(groups)} kinds × seeds {seeds[0]}–{seeds[-1]})"
    lines.extend(_line(label, row) for row in scorecard(units.units))
    lines.extend(_line(f"shipped {SHIPPED_YEAR} (worked back from the result)", row) for row in shipped.record)
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Template:
    low: float
    expected: float
    high: float
    likely: tuple[float, float] | None
    classes: str
    risks: int
    bare: list[str]  # applicable criteria with no evidence, where absence is not full marks
    listed: set[str]


def template_case(root: Path) -> Template:
    """The issue's new user: a unit made from `scorer template` that filed the first three PAR
    reports on time, as of 30/09: its forecast, and which criteria without evidence its list holds."""
    import yaml

    folder = root / "so-noi-vu"
    (folder / str(YEAR)).mkdir(parents=True)
    unit = {"id": "so-noi-vu", "name": "Sở Nội vụ", "group": "department"}
    (folder / "unit.yaml").write_text(yaml.safe_dump(unit, allow_unicode=True), encoding="utf-8")
    reports = [
        {
            "id": f"bc-{period}",
            "type": "report",
            "date": f"{YEAR}-{month:02d}-10",
            "document_no": f"{n}/BC-SNV",
            "period": period,
            "due": f"{YEAR}-{month:02d}-15",
            "submitted": f"{YEAR}-{month:02d}-10",
        }
        for n, (period, month) in enumerate((("q1", 3), ("h1", 6), ("q3", 9)), 1)
    ]
    (folder / str(YEAR) / "evidence.yaml").write_text(yaml.safe_dump(reports), encoding="utf-8")
    cs = load_criteria(ROOT / "rules" / f"criteria_{YEAR}.yaml")
    request = api.Request(evidence=root, rules=ROOT / "rules", year=YEAR, as_of=TEMPLATE_AS_OF)
    prediction = api.predict(request).units[0]
    total = prediction.total
    declared = {c.id: c for c in cs.criteria()}
    # Absence is full marks only where the decision says so: a deduction with no violation recorded,
    # and a row the set marks `not_arising: full` where nothing arose (before the cut-off, only
    # where last year had nothing either: a unit with no last year has every such row to come).
    bare = [
        c.id
        for c in prediction.criteria
        if c.status not in ("not_applicable", "not_arising")
        and not c.evidence
        and set(declared[c.id].evidence) != {"violation"}
    ]
    return Template(
        low=total.low,
        expected=total.expected,
        high=total.high,
        likely=likely_range(total),
        classes=f"{total.class_.low} / {total.class_.expected} / {total.class_.high}",
        risks=len(prediction.risks),
        bare=bare,
        listed={r.criterion for r in prediction.risks},
    )


def template_table(case: Template) -> str:
    likely = f"{case.likely[0]:.2f}–{case.likely[1]:.2f}" if case.likely else "n/a"
    return (
        f"| template unit, 3 reports, as of {TEMPLATE_AS_OF:%d/%m/%Y} | low / expected / high | likely | class"
        " | at-risk rows | criteria without evidence | of them on the list |\n"
        "|---|---|---|---|---|---|---|\n"
        f"| so-noi-vu | {case.low:.2f} / {case.expected:.2f} / {case.high:.2f} | {likely} | {case.classes}"
        f" | {case.risks} | {len(case.bare)} | {len(set(case.bare) & case.listed)} |\n"
    )


def template_unit(root: Path) -> str:
    return template_table(template_case(root))


def _met(ok: bool | None) -> str:
    return "n/a" if ok is None else ("met" if ok else "NOT met")


def verdict(units: Track, case: Template) -> str:
    """The issue's bars (22, "Done when"), each with the figure that meets it or not."""
    groups: dict[str, list[UnitTrack]] = {}
    for unit in units.units:
        groups.setdefault(kind_of(unit), []).append(unit)
    rows = {kind: {r.as_of.strftime("%d/%m"): r for r in scorecard(members)} for kind, members in groups.items()}
    every = {r.as_of.strftime("%d/%m"): r for r in scorecard(units.units)}
    biases = [(abs(r.bias), r.bias, kind, day) for kind, by in rows.items() for day, r in by.items()]
    mid = max((b for b in biases if b[3] in ("30/06", "30/09")), default=None)
    over = max(biases, key=lambda b: b[1], default=None)
    points = [p for u in units.units for p in u.points[:-1]]  # the quarter ends, not the cut-off
    likely = [
        (u.final, p.likely_low, p.likely_high)
        for u in units.units
        for p in u.points[:-1]
        if p.likely_low is not None and p.likely_high is not None
    ]
    likely_share = sum(1 for final, lo, hi in likely if lo <= final <= hi) / len(likely) if likely else None
    band_share = sum(1 for p in points if p.within) / len(points)
    kinds_band = ", ".join(
        f"{k.replace('_', ' ')} {100 * sum(1 for u in groups.get(k, []) for p in u.points[:-1] if p.within) / max(1, sum(len(u.points) - 1 for u in groups.get(k, []))):.0f}%"
        for k in ("high_surveys", "bad_news")
    )
    q3 = every["30/09"]
    not_listed = [c for c in case.bare if c not in case.listed]
    lines = [
        "Issue 22's bars, on these histories:",
        "",
        f"- bias of expected within ±2 for every kind at 30/06 and 30/09: {_met(mid[0] <= 2 if mid else None)}"
        + (f" (worst {mid[1]:+.2f}, {mid[2].replace('_', ' ')} at {mid[3]})" if mid else ""),
        f"- MAE at 30/09 ≤ 4 overall: {_met(q3.mae <= 4)} ({q3.mae:.2f})",
        f"- no kind over +3 at any quarter: {_met(over[1] <= 3 if over else None)}"
        + (f" (worst {over[1]:+.2f}, {over[2].replace('_', ' ')} at {over[3]})" if over else ""),
        f"- likely covers the final in 70–90% of unit-quarters: {_met(0.7 <= likely_share <= 0.9 if likely_share is not None else None)}"
        + (f" ({100 * likely_share:.0f}%)" if likely_share is not None else ""),
        f"- likely's mean width ≤ 15 at 30/09: {_met(q3.likely_width <= 15 if q3.likely_width is not None else None)}"
        + (f" ({q3.likely_width:.2f})" if q3.likely_width is not None else ""),
        f"- [low, high] covers the final in ≥ 98% of unit-quarters: {_met(band_share >= 0.98)}"
        f" ({100 * band_share:.1f}%; {kinds_band})",
        f"- at-risk recall ≥ 0.9 at 30/09 with precision ≥ 0.5: "
        f"{_met((q3.recall or 0) >= 0.9 and (q3.precision or 0) >= 0.5)}"
        f" (recall {_num(q3.recall)}, precision {_num(q3.precision)})",
        f"- the template unit with 3 reports expected below 50: {_met(case.expected < 50)} ({case.expected:.2f})",
        f"- and every criterion without evidence on its list: {_met(not not_listed)}"
        f" ({len(case.bare) - len(not_listed)} of {len(case.bare)}"
        + (f"; not listed: {', '.join(not_listed[:6])}{', …' if len(not_listed) > 6 else ''})" if not_listed else ")"),
    ]
    return "\n".join(lines) + "\n"


def _share(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a chance between 0 and 1")
    return value


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=UNITS, help="units per kind (seeds 1..N)")
    parser.add_argument("--seeds", help="a range of seeds, e.g. 101-160 (instead of --units)")
    parser.add_argument(
        "--persistence",
        type=_share,
        default=synthetic.PERSISTENCE,
        help=f"chance that last year's pace is this year's (default {synthetic.PERSISTENCE}; 0: drawn again)",
    )
    args = parser.parse_args(argv)
    seeds = seeds_of(args.units, args.seeds)
    with tempfile.TemporaryDirectory() as folder:
        units = synthetic_track(Path(folder) / "histories", seeds, persistence=args.persistence)
        case = template_case(Path(folder) / "template")
        print(table(shipped_track(), units, seeds), end="")
        print()
        print(template_table(case), end="")
        print()
        print(verdict(units, case), end="")


if __name__ == "__main__":
    main()

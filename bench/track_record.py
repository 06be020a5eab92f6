"""The track record that holds the forecast to account (issue 22.7): synthetic histories of every
kind of unit (scorer.synthetic.KINDS), each replayed with `scorer backtest --track` (through the
library) and held against its own final, plus the shipped 2023 history and the template unit with
three reports:

    .venv/bin/python bench/track_record.py                 # the README's table (15 units per kind)
    .venv/bin/python bench/track_record.py --units 60      # more units per kind (seeds 1-60)
    .venv/bin/python bench/track_record.py --seeds 101-160 # other seeds

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


def synthetic_track(root: Path, seeds: list[int], kinds: tuple[str, ...] = synthetic.KINDS) -> Track:
    cs = load_criteria(ROOT / "rules" / f"criteria_{YEAR}.yaml")
    last = load_criteria(ROOT / "rules" / f"criteria_{YEAR - 1}.yaml")
    for kind in kinds:
        for seed in seeds:
            synthetic.write_history(root, f"{kind}-{seed:04d}", cs, seed, kind, last=last)
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


def template_unit(root: Path) -> str:
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
    unit_prediction = api.predict(request).units[0]
    total = unit_prediction.total
    declared = {c.id: c for c in cs.criteria()}
    # Absence is full marks only where the decision says so: a deduction with no violation recorded,
    # and a row the set marks `not_arising: full`.
    bare = [
        c.id
        for c in unit_prediction.criteria
        if c.status != "not_applicable"
        and not c.evidence
        and set(declared[c.id].evidence) != {"violation"}
        and getattr(declared[c.id], "not_arising", None) != "full"
    ]
    listed = {r.criterion for r in unit_prediction.risks}
    likely = likely_range(total)
    classes = total.class_
    return (
        f"| template unit, 3 reports, as of {TEMPLATE_AS_OF:%d/%m/%Y} | low / expected / high | likely | class"
        " | at-risk rows | criteria without evidence | of them on the list |\n"
        "|---|---|---|---|---|---|---|\n"
        f"| so-noi-vu | {total.low:.2f} / {total.expected:.2f} / {total.high:.2f}"
        f" | {f'{likely[0]:.2f}–{likely[1]:.2f}' if likely else 'n/a'}"
        f" | {classes.low} / {classes.expected} / {classes.high} | {len(unit_prediction.risks)}"
        f" | {len(bare)} | {len(set(bare) & listed)} |\n"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=UNITS, help="units per kind (seeds 1..N)")
    parser.add_argument("--seeds", help="a range of seeds, e.g. 101-160 (instead of --units)")
    args = parser.parse_args(argv)
    seeds = seeds_of(args.units, args.seeds)
    with tempfile.TemporaryDirectory() as folder:
        units = synthetic_track(Path(folder) / "histories", seeds)
        print(table(shipped_track(), units, seeds), end="")
        print()
        print(template_unit(Path(folder) / "template"), end="")


if __name__ == "__main__":
    main()

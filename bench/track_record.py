"""The track record's error by quarter under the first release's projection rules and under the
unit's-pace rules, over the shipped 2023 history and over synthetic histories (scorer.synthetic):

    .venv/bin/python bench/track_record.py            # prints the README's before/after table

Each history is replayed with `scorer backtest --track --compare` (through the library); a row
gives the mean absolute error of expected by quarter of the as-of date, averaged over the units,
and the coverage of [low, high]. tests/test_track.py checks that the README holds this table.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scorer import api, synthetic  # noqa: E402
from scorer.loading import load_criteria  # noqa: E402
from scorer.models.track import Track, TrackSummary  # noqa: E402

SEEDS = range(1, 9)
YEAR = 2023


def synthetic_track(root: Path, seeds: range = SEEDS) -> Track:
    cs = load_criteria(ROOT / "rules" / f"criteria_{YEAR}.yaml")
    for seed in seeds:
        synthetic.write_history(root, f"synthetic-{seed:02d}", cs, seed)
    return api.track(api.Request(evidence=root, rules=ROOT / "rules", year=YEAR), compare=True)


def shipped_track() -> Track:
    return api.track(api.Request(evidence=ROOT / "evidence", rules=ROOT / "rules", year=YEAR), compare=True)


def _row(label: str, rules: str, summaries: list[TrackSummary]) -> str:
    cells = []
    for quarter in range(4):
        values = [s.by_quarter[quarter].mae for s in summaries if s.by_quarter[quarter].mae is not None]
        cells.append(f"{sum(values) / len(values):.2f}")
    cells.append(f"{sum(s.mae for s in summaries) / len(summaries):.2f}")
    cells.append(f"{100 * sum(s.coverage for s in summaries) / len(summaries):.0f}%")
    return f"| {label} | {rules} | " + " | ".join(cells) + " |"


def table(shipped: Track, synthetic_units: Track) -> str:
    lines = [
        "| history | projection rules | Q1 | Q2 | Q3 | Q4 | year | coverage |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for label, track in (
        (f"shipped {YEAR} ({len(shipped.units)} unit)", shipped),
        (f"synthetic {YEAR} ({len(synthetic_units.units)} units, seeds {SEEDS[0]}–{SEEDS[-1]})", synthetic_units),
    ):
        lines.append(_row(label, "first release", [u.baseline for u in track.units if u.baseline]))
        lines.append(_row(label, "unit's pace", [u.summary for u in track.units]))
    return "\n".join(lines) + "\n"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        print(table(shipped_track(), synthetic_track(Path(folder))), end="")


if __name__ == "__main__":
    main()

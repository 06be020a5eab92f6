"""The track record (`backtest --track`): the closed year replayed day by day, and the projection
rules it holds to account."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scorer import api, synthetic
from scorer.cli import main
from scorer.errors import ScorerError
from scorer.models.track import SCHEMA
from tests.conftest import EVIDENCE, OFFICE, ROOT, RULES, write_unit
from tests.test_html import browse, ink, needs_browser

ARGS = ["backtest", "--evidence", str(EVIDENCE), "--rules", str(RULES), "--year", "2023", "--track"]


@pytest.fixture(scope="module")
def shipped():
    return api.track(api.Request(evidence=EVIDENCE, rules=RULES, year=2023), compare=True)


def test_table_has_a_row_per_month_end_and_deadline_and_the_summary(runner):
    result = runner.invoke(main, ARGS)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == (
        "Track record: Văn phòng UBND tỉnh (van-phong-ubnd-tinh) · Year 2023 · criteria_2023.yaml · Total"
    )
    assert lines[1] == "Final at the cut-off 88.09 (Tốt) · published 88.09"
    rows = [line for line in lines if line[:4] == "2023"]
    assert len(rows) == 16  # 12 month ends and 4 report deadlines (plan_due is 31/01, cutoff 31/12)
    assert rows[-1].split()[:6] == ["2023-12-31", "cutoff,", "year_end", "88.09", "88.09", "88.09"]
    assert "Mean absolute error of expected: Q1 " in result.output
    assert "Coverage: the final lay within [low, high] on 16 of 16 days (100%)" in result.output
    assert "We would have known by 2023-12-31" in result.output


def test_json_is_the_track_contract(runner):
    result = runner.invoke(main, ARGS + ["--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["schema"] == SCHEMA == "scorer.track/1" and set(data) == {"schema", "units"}
    unit = data["units"][0]
    assert {"unit", "year", "final", "published", "points", "coverage", "mae"} <= set(unit)
    assert (unit["unit"], unit["year"], unit["final"], unit["published"]) == (OFFICE, 2023, 88.09, 88.09)
    days = [p["as_of"] for p in unit["points"]]
    assert days == sorted(days) and days[0] == "2023-01-31" and days[-1] == "2023-12-31"
    for point in unit["points"]:
        assert {"as_of", "low", "expected", "high"} <= set(point)
        assert point["low"] <= point["expected"] <= point["high"], point
    assert unit["points"][-1]["expected"] == unit["final"]
    assert 0 <= unit["coverage"] <= 1 and unit["mae"] > 0


def test_each_point_is_the_prediction_of_that_day(shipped):
    unit = shipped.units[0]
    for point in unit.points[::5]:
        request = api.Request(evidence=EVIDENCE, rules=RULES, year=2023, unit=OFFICE, as_of=point.as_of)
        total = api.predict(request).units[0].total
        assert (point.low, point.expected, point.high) == (total.low, total.expected, total.high)


def test_a_synthetic_history_grows_at_its_stated_pace(cs2023):
    rows = synthetic.history(cs2023, 3)
    plan = [r for r in rows if r["type"] == "plan" and r["kind"] == "par"]
    done = [r["tasks_done"] for r in plan]
    assert done[0] == 0 and done == sorted(done) and len(plan) == 12
    final = float(plan[-1]["note"].split()[-1])
    assert abs(done[-1] / plan[-1]["tasks_total"] - final) <= 1 / plan[-1]["tasks_total"]
    assert synthetic.history(cs2023, 3) == rows


def test_html_chart_is_one_file_without_script(runner, tmp_path):
    out = tmp_path / "track.html"
    result = runner.invoke(main, ARGS + ["--format", "html", "--lang", "vi", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "<script" not in text and "http://" not in text and "https://" not in text
    assert 'id="band"' in text and 'id="expected"' in text and 'id="final"' in text
    assert 'stroke-dasharray="6,4"' in text and "88,09" in text


@needs_browser
def test_chromium_renders_the_track_chart(runner, tmp_path):
    page = tmp_path / "track.html"
    assert runner.invoke(main, ARGS + ["--format", "html", "-o", str(page)]).exit_code == 0
    dom = browse(page, tmp_path, "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert 'id="final-score" data-value="88.09"' in dom.stdout and dom.stdout.count("<circle") == 16
    shot = browse(page, tmp_path, f"--screenshot={tmp_path / 'shot.png'}", "--window-size=1000,900")
    assert shot.returncode == 0, shot.stderr[-2000:]
    assert ink((tmp_path / "shot.png").read_bytes()) > 0.05


def test_a_year_not_closed_is_refused(tmp_path):
    write_unit(tmp_path, "u", {2024: [{"id": "x", "type": "plan", "kind": "par", "date": "2024-01-10"}]})
    request = api.Request(evidence=tmp_path, rules=RULES, year=2024, today=dt.date(2024, 10, 1))
    with pytest.raises(ScorerError) as caught:
        api.track(request)
    assert [str(p) for p in caught.value.problems] == [
        "criteria_2024.yaml: year: the 2024 year is not closed: its data cut-off is 2024-12-31 "
        "(a track record replays a closed year; use predict for this one)"
    ]


@pytest.mark.parametrize("extra", [["--format", "html"], ["--compare"]])
def test_html_and_compare_need_track(runner, extra):
    result = runner.invoke(main, ["backtest", "--evidence", str(EVIDENCE), "--rules", str(RULES), *extra])
    assert result.exit_code == 2
    assert "Error: --format html and --compare need --track" in result.output


def test_real_subprocess_writes_the_track_json(tmp_path):
    out = tmp_path / "track.json"
    done = subprocess.run(
        [sys.executable, "-m", "scorer", *ARGS, "--format", "json", "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(Path(out).read_text(encoding="utf-8"))["units"][0]["points"][-1]["expected"] == 88.09


def test_explain_names_the_projection_each_metric_used(runner):
    args = ["--evidence", str(EVIDENCE), "--rules", str(RULES), "--as-of", "2024-09-30"]
    progress = runner.invoke(main, ["explain", "7.1.1", *args, "--format", "json"])
    level = runner.invoke(main, ["explain", "3.5.1", *args, "--format", "json"])
    assert progress.exit_code == 0 and level.exit_code == 0, progress.output + level.output
    # 10 of 16 tasks on 10/09, 253 days into the year: 0.625 + 0.625 / 253 x 96 days to 15/12 = 0.8622
    assert "progress: 0.625 to date, 0.8622 by the deadline at the unit's pace since the year began (253 days)" in (
        progress.output
    )
    assert "level: 0.996 to date; it can still fall before the cut-off" in level.output


def test_a_criterion_with_no_evidence_is_never_presumed_met(tmp_path):
    write_unit(tmp_path, "empty", {2024: []})
    write_unit(tmp_path, "started", {2024: [{"id": "x", "type": "plan", "kind": "par", "date": "2024-01-10"}]})
    request = api.Request(evidence=tmp_path, rules=RULES, year=2024, as_of=dt.date(2024, 9, 30))
    units = {u.unit: u for u in api.predict(request).units}
    empty = {c.id: c for c in units["empty"].criteria}
    started = {c.id: c for c in units["started"].criteria}
    # Nothing recorded of the e-archive (7.2.5) in either: however much else a unit files, a row
    # with no evidence is never counted as met (a plan with no task done is no pace of work either).
    for unit in (empty, started):
        assert unit["7.2.5"].expected == 0 and unit["7.2.5"].metrics[0].basis == "no_record"
        assert unit["7.2.5"].reasons[0] == "no_evidence"
    assert units["empty"].total.expected <= units["started"].total.expected

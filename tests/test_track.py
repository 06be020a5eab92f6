"""The track record (`backtest --track`): the closed year replayed day by day, and the projection
rules it holds to account."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from scorer import api, synthetic
from scorer.cli import main
from scorer.errors import ScorerError
from scorer.models.track import SCHEMA, Track, TrackPoint, TrackSummary, UnitTrack
from scorer.render import track as render_track
from scorer.track import likely_range, scorecard
from tests.conftest import EVIDENCE, OFFICE, ROOT, RULES, write_unit
from tests.test_html import browse, ink, needs_browser

ARGS = ["backtest", "--evidence", str(EVIDENCE), "--rules", str(RULES), "--year", "2023", "--track"]


def _bench():
    spec = importlib.util.spec_from_file_location("track_record", ROOT / "bench" / "track_record.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def shipped():
    return api.track(api.Request(evidence=EVIDENCE, rules=RULES, year=2023), compare=True)


@pytest.fixture(scope="module")
def synthetic_units(tmp_path_factory):
    bench = _bench()
    return bench.synthetic_track(tmp_path_factory.mktemp("histories"), bench.seeds_of())


def test_table_has_a_row_per_month_end_and_deadline_and_the_summary(runner):
    result = runner.invoke(main, ARGS)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == ("Track record: Văn phòng UBND tỉnh (van-phong-ubnd-tinh) · Year 2023 · Total")
    assert lines[1] == "Final at the cut-off 88.09 (Tốt) · published 88.09"
    end = lines.index(
        "Track record over 1 unit(s), as of each quarter's end (the fourth: the last month end before the cut-off)"
    )
    rows = [line for line in lines[:end] if line[:4] == "2023"]
    assert len(rows) == 16  # 12 month ends and 4 report deadlines (plan_due is 31/01, cutoff 31/12)
    # the day's deadlines in words, never their calendar keys
    assert rows[-1].startswith("2023-12-31  data cut-off, year end  88.09       88.09   88.09    88.09")
    # Likely (at the cut-off nothing is left to chance), the day's at-risk rows, and of the 24
    # criteria that end below max, those the list already held.
    assert rows[-1].split()[-3:] == ["88.09–88.09", "24", "24/24"]
    assert [line.split()[:2] for line in lines[end:] if line[:4] == "2023"] == [
        ["2023-03-31", "1"],
        ["2023-06-30", "1"],
        ["2023-09-30", "1"],
        ["2023-11-30", "1"],
    ]
    assert "Mean absolute error of expected: Q1 " in result.output
    assert "Coverage: the final lay within [low, high] on 16 of 16 days (100%)" in result.output
    assert "We would have known by 2023-12-31" in result.output


def test_json_is_the_track_contract(runner):
    result = runner.invoke(main, ARGS + ["--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["schema"] == SCHEMA == "scorer.track/1" and set(data) == {"schema", "units", "record"}
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


def test_compare_replays_with_every_pending_thing_presumed_done(shipped):
    # The shipped 2023 history was worked back from the result (its indicators are all dated in
    # December): honest rules are well below the final through the year there, presumed ones near
    # it. The comparison is what honesty costs on such a history, not a measure of skill.
    before, after = shipped.units[0].baseline, shipped.units[0].summary
    assert before is not None and before.projection == "presumed" and after.projection == "honest"
    assert all(new.mae >= old.mae for old, new in zip(before.by_quarter, after.by_quarter))


def test_readme_holds_the_track_record_of_a_fresh_run(shipped, synthetic_units, tmp_path):
    """Rewrite the README's table with SCORER_UPDATE_README=1 (after a change to the forecast)."""
    bench = _bench()
    case = bench.template_case(tmp_path)
    fresh = "\n".join(
        [
            bench.table(shipped, synthetic_units, bench.seeds_of()),
            bench.template_table(case),
            bench.verdict(synthetic_units, case),
        ]
    )
    block = re.compile(r"(<!-- track-record: bench/track_record.py -->\n)(.*?)(<!-- /track-record -->)", re.S)
    # The README's reference under docs/ holds it (docs/commands.md, "Is the forecast any good?").
    documents = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    path = next((p for p in documents if block.search(p.read_text(encoding="utf-8"))), ROOT / "README.md")
    readme = path.read_text(encoding="utf-8")
    assert block.search(readme), "no track-record block in the README or docs/"
    if os.environ.get("SCORER_UPDATE_README"):
        readme = block.sub(lambda m: m.group(1) + fresh + m.group(3), readme)
        path.write_text(readme, encoding="utf-8")
    assert block.search(readme).group(2) == fresh, fresh  # type: ignore[union-attr]
    assert "evidence was worked back from the published result" in " ".join(readme.split())


def test_every_kind_is_measured_per_quarter_against_its_own_final(synthetic_units):
    bench = _bench()
    units = synthetic_units.units
    assert {bench.kind_of(u) for u in units} == set(synthetic.KINDS) and len(units) == 15 * len(synthetic.KINDS)
    for unit in units:
        days = [p.as_of.isoformat() for p in unit.points]
        assert days == ["2024-03-31", "2024-06-30", "2024-09-30", "2024-11-30", "2024-12-31"]
        # The final is the full year's expected at the cut-off (low and high may still differ by a
        # record with no document number, which only `high` counts).
        assert unit.points[-1].expected == unit.final, unit.unit
        assert all(p.low <= p.expected <= p.high for p in unit.points)
    # The kinds differ where they are meant to: stalled and never-filing units end below steady ones.
    mean = {k: sum(u.final for u in units if bench.kind_of(u) == k) / 15 for k in synthetic.KINDS}
    assert mean["stalled"] < mean["steady"] - 10 and mean["never_files"] < mean["steady"] - 5, mean


def test_html_chart_is_one_file_without_script(runner, tmp_path):
    out = tmp_path / "track.html"
    result = runner.invoke(main, ARGS + ["--format", "html", "--lang", "vi", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "<script" not in text and "http://" not in text and "https://" not in text
    assert 'id="band"' in text and 'id="expected"' in text and 'id="final"' in text
    # The likely band the prediction gives; the record over the units after the unit.
    assert 'id="likely"' in text and '<table id="record-table">' in text
    assert "Độ tin cậy của dự báo trên 1 đơn vị, tại cuối mỗi quý" in text and '<td class="n">30/09/2023</td>' in text
    assert 'stroke-dasharray="6,4"' in text and "88,09" in text
    # The page's words from the catalogue, none in English: its title too
    assert "<title>Độ tin cậy của dự báo qua năm · Chỉ số CCHC</title>" in text and "PAR Index" not in text
    assert "<h2>Độ tin cậy của dự báo trên 1 đơn vị" in text and "<th>Tính đến ngày</th>" in text


def test_the_track_page_is_written_from_its_template(runner, tmp_path):
    """templates/track/track.html writes the page: the chart's geometry from the code, every word
    escaped in the reader's language (English on request)."""
    from scorer.render.track import TEMPLATE

    assert (Path(render_track.__file__).parent / "templates" / TEMPLATE).is_file()
    out = tmp_path / "track.html"
    result = runner.invoke(main, ARGS + ["--format", "html", "--compare", "--lang", "en", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "<title>Track record · PAR Index</title>" in text
    assert '<table id="comparison">' in text and '<table id="points">' in text
    assert "quarter&#39;s end" in text and "quarter's end" not in text
    assert text.count("<circle") == 16 and 'id="final-score" data-value="88.09"' in text


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
    assert "progress: 62.5% to date, 86.2% by the deadline at the unit's pace since the year began (253 days)" in (
        progress.output
    )
    assert "level: 99.6% to date; it can still fall before the cut-off" in level.output


def test_a_criterion_with_no_evidence_is_never_presumed_met(tmp_path):
    write_unit(tmp_path, "empty", {2024: []})
    write_unit(tmp_path, "started", {2024: [{"id": "x", "type": "plan", "kind": "par", "date": "2024-01-10"}]})
    request = api.Request(evidence=tmp_path, rules=RULES, year=2024, as_of=dt.date(2024, 9, 30))
    units = {u.unit: u for u in api.predict(request).units}
    empty = {c.id: c for c in units["empty"].criteria}
    started = {c.id: c for c in units["started"].criteria}
    # Nothing recorded of the e-archive (7.2.5) in either: however much else a unit files, a row
    # with no evidence is never counted as met (a plan with no task done is no pace of work either).
    # Nothing this year to go by: the prior's even chance, weighed at 2 against this year's pace
    # (nothing) at 6 three quarters into the year: 0.125 of 0.5 points.
    for unit in (empty, started):
        assert unit["7.2.5"].expected == 0.06 and unit["7.2.5"].metrics[0].basis == "no_record"
        assert unit["7.2.5"].reasons[0] == "no_evidence"
    assert units["empty"].total.expected <= units["started"].total.expected


# -- the histories the track record is measured on ----------------------------------------------


def _period_end(record: dict) -> dt.date:
    month, day = record["id"].rsplit("-", 2)[-2:]
    return dt.date(int(record["date"][:4]), int(month), int(day))


def _progress(rows: list[dict], kind: str) -> list[tuple[dt.date, float]]:
    plans = [r for r in rows if r["type"] == "plan" and r["kind"] == kind and r["id"] != f"kh-{kind}"]
    return [(_period_end(r), r["tasks_done"] / r["tasks_total"]) for r in plans]


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_each_kind_of_history_behaves_as_named(cs2024, seed):
    for kind in synthetic.KINDS:
        assert synthetic.history(cs2024, seed, kind) == synthetic.history(cs2024, seed, kind)
    profiles = {kind: synthetic.profile(cs2024, seed, kind) for kind in synthetic.KINDS}
    rows = {kind: synthetic.history(cs2024, seed, kind) for kind in synthetic.KINDS}
    for kind, records in rows.items():
        assert all(r["date"].startswith("2024-") for r in records), kind
    # Stalled: no progress after the day it stopped, and nothing issued after it.
    stalled = profiles["stalled"]
    for plan in synthetic.PROGRESS_PLANS:
        after = {share for day, share in _progress(rows["stalled"], plan) if day >= stalled.turn}
        assert len(after) <= 1, (plan, after)
    documents = [r for r in rows["stalled"] if r["type"] == "document" and "proof" not in r]
    assert all(dt.date.fromisoformat(r["date"]) <= stalled.turn for r in documents)
    # Late rush: at most a quarter of any plan done before the rush; early: documents before the turn.
    rush = profiles["late_rush"].turn
    for plan in synthetic.PROGRESS_PLANS:
        assert all(share <= 0.25 + 1 / 6 for day, share in _progress(rows["late_rush"], plan) if day < rush)
    early = [r for r in rows["early"] if r["type"] == "document" and "proof" not in r]
    assert early and all(dt.date.fromisoformat(r["date"]) <= profiles["early"].turn for r in early)
    # Never files: what it never files is nowhere in its records.
    never = profiles["never_files"].never
    assert len(never) >= 1
    filed = {f"{r['type']}:{r.get('kind') or r.get('name')}" for r in rows["never_files"]}
    assert not {t for t in never if t.startswith(("document:", "indicator:"))} & filed
    # High surveys come in at 0.97-0.99; others not above 0.96.
    official = [r["share"] for r in rows["high_surveys"] if r["type"] == "survey" and r["source"] == "official"]
    assert official and all(0.97 <= s <= 0.99 for s in official)
    assert all(r["share"] <= 0.96 for r in rows["steady"] if r["type"] == "survey" and r["source"] == "official")
    # Bad news after September: a violation, or a level that falls from where it stood on 30/09.
    bad = rows["bad_news"]
    late_violation = [r for r in bad if r["type"] == "violation" and r["date"] > "2024-09-30"]
    fell = []
    for name in {r["name"] for r in bad if r["type"] == "indicator"}:
        values = [(r["period_end"], r["value"]) for r in bad if r["type"] == "indicator" and r["name"] == name]
        before = [v for day, v in values if day <= "2024-09-30"]
        if before and values[-1][1] < 0.8 * before[-1]:
            fell.append(name)
    assert late_violation or fell


def test_a_new_unit_has_no_last_year_and_the_others_have_one(cs2024, cs2023, tmp_path):
    synthetic.write_history(tmp_path, "new", cs2024, 4, "new_unit", last=cs2023)
    synthetic.write_history(tmp_path, "old", cs2024, 4, "steady", last=cs2023)
    assert not (tmp_path / "new" / "2023").exists() and (tmp_path / "new" / "2024" / "evidence.yaml").is_file()
    assert (tmp_path / "old" / "2023" / "evidence.yaml").is_file()
    for year in ("2023", "2024"):
        result = CliRunner().invoke(
            main, ["validate", "--evidence", str(tmp_path), "--rules", str(RULES), "--year", year]
        )
        assert result.exit_code == 0 and result.output.startswith(f"OK: criteria_{year}.yaml"), result.output


def test_last_year_keeps_this_years_pace_with_the_stated_chance(cs2024, cs2023, tmp_path):
    """Habits persist (scorer.synthetic.PERSISTENCE, 0.8): last year's pace is this year's with that
    chance, else drawn again as before; at 0 last year's timing says nothing of this year's."""
    assert synthetic.PERSISTENCE == 0.8
    seeds = range(1, 401)
    for kind in ("late_rush", "stalled", "early"):
        kept = sum(synthetic.last_year_kind(s, kind) == kind for s in seeds) / len(seeds)
        drawn = sum(synthetic.last_year_kind(s, kind, 0.0) == kind for s in seeds) / len(seeds)
        # 0.8, and the redrawn fifth lands on the same pace one time in five: 0.84; drawn alone: 0.2.
        assert 0.79 <= kept <= 0.89 and 0.14 <= drawn <= 0.26, (kind, kept, drawn)
        assert all(synthetic.last_year_kind(s, kind, 1.0) == kind for s in seeds)
    # Habits other than the pace stay as they were: a never-filing unit was one last year seven times
    # in ten, whatever the persistence; the others keep their steady pace.
    for persistence in (0.0, 1.0):
        never = sum(synthetic.last_year_kind(s, "never_files", persistence) == "never_files" for s in seeds)
        assert 0.64 <= never / len(seeds) <= 0.76
    assert {synthetic.last_year_kind(s, "bad_news", 1.0) for s in seeds} == {"steady"}
    # Only last year's kind moves with the persistence: this year's records are the same bytes.
    a = synthetic.write_history(tmp_path / "a", "u", cs2024, 7, "late_rush", last=cs2023, persistence=0.0)
    b = synthetic.write_history(tmp_path / "b", "u", cs2024, 7, "late_rush", last=cs2023, persistence=1.0)
    assert (a / "2024" / "evidence.yaml").read_bytes() == (b / "2024" / "evidence.yaml").read_bytes()
    last = synthetic.history(cs2023, 7, "late_rush")
    assert (b / "2023" / "evidence.yaml").read_text(encoding="utf-8") == synthetic._dump(last)


def test_the_bench_takes_a_persistence_between_0_and_1(capsys):
    bench = _bench()
    with pytest.raises(SystemExit) as caught:
        bench.main(["--persistence", "1,5"])
    assert caught.value.code == 2
    assert "--persistence: '1,5' is not a chance between 0 and 1" in capsys.readouterr().err


def test_an_unknown_kind_is_named(cs2024):
    with pytest.raises(ValueError) as caught:
        synthetic.history(cs2024, 1, "lazy")
    assert str(caught.value) == (
        "unknown kind of history 'lazy': one of steady, late_rush, stalled, early, never_files, new_unit, "
        "high_surveys, bad_news"
    )


# -- the measures -------------------------------------------------------------------------------


def _unit(final: float, points: list[tuple[str, float, float, float, tuple[float, float] | None, list[str]]], below):
    return UnitTrack(
        unit="u",
        unit_name="U",
        year=2024,
        criteria_set="criteria_2024.yaml",
        measure="total",
        final=final,
        final_class=None,
        published=None,
        points=[
            TrackPoint(
                as_of=dt.date.fromisoformat(day),
                low=low,
                expected=expected,
                high=high,
                error=expected - final,
                within=low <= final <= high,
                likely_low=likely[0] if likely else None,
                likely_high=likely[1] if likely else None,
                at_risk=listed,
            )
            for day, low, expected, high, likely, listed in points
        ],
        coverage=1.0,
        mae=0.0,
        summary=TrackSummary(projection="honest", mae=0.0, coverage=1.0, by_quarter=[], known_by=None),
        below_max=below,
    )


def test_the_scorecard_pools_units_as_of_each_quarter_end():
    a = _unit(80, [("2024-09-30", 60, 85, 95, (78, 88), ["1.1", "1.2", "2.1"])], ["1.1", "1.2", "3.1", "4.1"])
    b = _unit(70, [("2024-09-30", 72, 76, 90, (74, 80), ["1.2"])], ["5.1"])
    (row,) = scorecard([a, b])
    assert row.as_of == dt.date(2024, 9, 30) and row.units == 2
    assert (row.mae, row.bias) == (5.5, 5.5)  # errors +5 and +6
    assert (row.likely_coverage, row.likely_width) == (0.5, 8.0)  # a's 78-88 holds 80, b's 74-80 misses 70
    assert (row.band_coverage, row.band_width) == (0.5, 26.5)  # b's low 72 is above its final
    # Held: a's 1.1 and 1.2 of the 5 criteria ending below max; listed: 4, of which 2 end below max.
    assert (row.recall, row.precision) == (0.4, 0.5)


def test_likely_is_na_until_the_prediction_gives_it():
    a = _unit(80, [("2024-03-31", 60, 85, 95, None, [])], [])
    (row,) = scorecard([a])
    assert (row.likely_coverage, row.likely_width, row.recall, row.precision) == (None, None, None, None)
    assert likely_range(SimpleNamespace(likely=None)) is None and likely_range(SimpleNamespace()) is None
    assert likely_range(SimpleNamespace(likely=SimpleNamespace(low=70.5, high=81))) == (70.5, 81.0)
    assert likely_range(SimpleNamespace(likely={"low": 70.5, "high": 81})) == (70.5, 81.0)


def test_the_cli_sums_up_every_unit_as_of_each_quarter_end(cs2024, cs2023, tmp_path):
    for kind in ("steady", "stalled"):
        synthetic.write_history(tmp_path, kind, cs2024, 2, kind, last=cs2023)
    args = ["backtest", "--evidence", str(tmp_path), "--rules", str(RULES), "--year", "2024", "--track"]
    track = api.track(api.Request(evidence=tmp_path, rules=RULES, year=2024))
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    text = result.output
    head = "Track record over 2 unit(s), as of each quarter's end (the fourth: the last month end before the cut-off)"
    assert head in text
    table = text[text.index(head) :].splitlines()
    heads = "As of · Units · MAE · Bias · Likely covers · Likely width · [low, high] covers · [low, high] width"
    assert [h.strip() for h in table[2].split("  ") if h.strip()] == (
        heads + " · At-risk recall · At-risk precision"
    ).split(" · ")
    row = track.record[2]
    assert table[6].split()[:4] == ["2024-09-30", "2", f"{row.mae:.2f}", f"{row.bias:+.2f}"]
    vi = CliRunner().invoke(main, [*args, "--lang", "vi"]).output
    assert "Độ tin cậy của dự báo trên 2 đơn vị, tại cuối mỗi quý" in vi and "Tỷ lệ báo trước" in vi
    assert any(line.split()[:2] == ["30/09/2024", "2"] for line in vi.splitlines())
    data = json.loads(CliRunner().invoke(main, [*args, "--format", "json"]).output)
    assert [r["as_of"] for r in data["record"]] == ["2024-03-31", "2024-06-30", "2024-09-30", "2024-11-30"]
    assert data["record"][2]["recall"] == row.recall and data["units"][0]["below_max"]
    assert all("at_risk" in p and "likely_low" in p for p in data["units"][0]["points"])


def test_a_likely_range_is_drawn_and_printed_where_the_prediction_gives_one():
    unit = _unit(
        80,
        [("2024-06-30", 60, 85, 95, (78, 88), ["1.1"]), ("2024-12-31", 80, 80, 80, (80, 80), [])],
        ["1.1"],
    )
    track = Track(units=[unit], record=scorecard([unit]))
    page = render_track.render(track, "html", "vi")
    assert 'id="likely"' in page and "78,00–88,00" in page
    text = render_track.render(track, "table", "en")
    row = next(line for line in text.splitlines() if line.startswith("2024-06-30"))
    assert row.split()[-3:] == ["78.00–88.00", "1", "1/1"]
    (line,) = [line for line in text.splitlines()[-5:] if line.startswith("2024-06-30")]
    assert line.split() == ["2024-06-30", "1", "5.00", "+5.00", "100%", "10.00", "100%", "35.00", "1.00", "1.00"]

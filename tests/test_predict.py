from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scorer import api, messages, synthetic
from scorer.predict import wilson
from scorer.render import json_
from tests.conftest import EVIDENCE, OFFICE, RULES, write_unit

D = dt.date
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def office(as_of: D, year: int = 2024, **kwargs):
    request = api.Request(evidence=EVIDENCE, rules=RULES, year=year, unit=OFFICE, as_of=as_of, **kwargs)
    return api.predict(request).units[0]


def by_id(unit):
    return {c.id: c for c in unit.criteria}


# -- the Office's story ----------------------------------------------------------------------


def test_office_2023_is_reproduced_to_the_hundredth():
    unit = office(D(2023, 12, 31), year=2023)
    assert (unit.total.low, unit.total.expected, unit.total.high) == (88.09, 88.09, 88.09)
    assert [a.expected for a in unit.areas] == [6.58, 10.11, 14.0, 11.97, 11.45, 11.24, 13.35, 9.39]
    assert {c.id: c.expected for c in unit.components} == {
        "appraisal": 61.2,
        "leaders_survey": 17.5,
        "citizens_survey": 9.39,
    }


def test_at_risk_on_30_september_names_2023_losses_not_yet_remedied():
    unit = office(D(2024, 9, 30))
    risks = {r.criterion: r for r in unit.risks}
    # Lost in 2023 and still open: the IT plan, the PAR plan's completion, e-archiving, recognition of the
    # initiative (applied, not yet recognised), the inspection share, online applications.
    # The chance of work not yet done is the ceiling, 0.8: on 30/09/2023, 28 of the 32 criteria then
    # without evidence got some by the year's end (the 2023 folder, worked back from the result, is
    # dated late), and that development corrects the Office's slow pace of one-off work this year.
    # The IT plan: 10 of 16 tasks on 10/09, 253 days into the year; at that pace 86.2% by the annual
    # report (15/12), give or take half the 23.7 points to come: 74.3% (no band) or 98.1% (the 80% band,
    # 1 of 2 points), or done at the chance of work not yet done, at where its pace leads (86.2%, above
    # last year's 73.3%: the 80% band): expected 0.9 (no correction from last year's pace: its 2023
    # plan had no task done on file by 30/09/2023).
    assert risks["7.1.1"].at_stake == 1.1 and risks["7.1.1"].reason == "below_band"
    assert by_id(unit)["7.1.1"].metrics[0].basis == "progress"
    # The PAR plan at 68.2% on 13/09, 93.0% at its pace since January: 80.6% (0.5) or 100% (2), or done
    # at last year's share (95%, the 90% band) at 0.8: expected 1.05.
    assert risks["1.1.2"].at_stake == 0.95 and risks["1.1.2"].worst_case == 2.0
    # Initiatives: applied (1 point), none recognised yet: the other point at the chance of work not
    # yet done (0.8), never as done.
    assert risks["1.5"].at_stake == 0.2 and risks["1.5"].worst_case == 1.0
    # E-archiving: nothing filed (nor last year), never counted as done.
    assert risks["7.2.5"].at_stake == 0.1 and risks["7.2.5"].reason == "no_evidence"
    assert risks["1.3.1"].at_stake == 0.27
    assert risks["7.3.2"].at_stake == 0.42
    assert risks["2.6"].reason == "survey_estimate" and risks["2.6"].at_stake == 0.89
    # The contest was held but its evidence is not filed: it counts only in `high`.
    assert risks["1.4.2"].reason == "unsupported" and risks["1.4.2"].at_stake == 0.45
    # The H1 report went four days late.
    assert risks["1.2"].reason == "overdue"
    # Remedied in 2024: the head's dialogue and paperless meetings; the dialogue's minutes, one of
    # its proofs (2024), are not yet filed, so 1.6 stays listed for that: without them the row
    # scores nothing (its worst case, 1), and they are expected at the unit's pace (0,20 at stake).
    assert "7.2.4" not in risks
    assert (risks["1.6"].reason, risks["1.6"].at_stake, risks["1.6"].worst_case, risks["1.6"].missing_proofs) == (
        "missing_proof",
        0.2,
        1.0,
        ["Biên bản hội nghị đối thoại"],
    )
    assert risks["7.1.1"].owner_division == "Trung tâm Thông tin"


def test_risks_are_sorted_by_points_at_stake_then_deadline():
    risks = office(D(2024, 9, 30)).risks
    keys = [(-r.at_stake, -r.worst_case, r.deadline) for r in risks]
    assert keys == sorted(keys)


def test_horizon_brings_near_deadlines_into_the_list():
    near = {r.criterion for r in office(D(2024, 9, 30), horizon=80).risks}
    far = {r.criterion for r in office(D(2024, 9, 30), horizon=0).risks}
    assert "1.2" in near and far <= near


def test_owner_filter(cs2024):
    risks = office(D(2024, 9, 30), owner="information").risks
    led = {c.id: c.owners for c in cs2024.criteria()}
    assert risks and all("information" in led[r.criterion] for r in risks)
    # 5.8 has two leads, the organisation division first: the information centre sees it too
    assert {r.owner for r in risks} == {"information", "organisation"}
    assert {r.criterion for r in risks if r.owner == "organisation"} == {"5.8"}


def test_at_the_cut_off_nothing_is_pending():
    unit = office(D(2024, 12, 31))
    for c in unit.criteria:
        assert c.status != "pending"
        if c.source == "appraisal":
            assert c.low == c.expected, c.id
            if c.high != c.expected:
                assert c.unsupported, c.id
    assert by_id(unit)["1.4.2"].high == 0.5 and by_id(unit)["1.4.2"].expected == 0.0


def test_as_of_never_passes_the_cut_off():
    assert office(D(2025, 6, 1)).as_of == D(2024, 12, 31)


def test_evidence_after_the_as_of_date_is_ignored():
    early = by_id(office(D(2024, 8, 1)))
    late = by_id(office(D(2024, 9, 30)))
    assert "dt-2024" not in early["1.6"].evidence and "dt-2024" in late["1.6"].evidence
    # the dialogue of 22/08 counts only from its day; its minutes, a declared proof, are still
    # missing on 30/09, so its low stays 0 (docs/evidence.md, proofs)
    assert early["1.6"].expected < late["1.6"].expected and late["1.6"].low == 0 and late["1.6"].high == 1


def test_survey_estimate_from_the_internal_survey_is_bounded_by_what_a_survey_can_return():
    # 95% of 186: expected 9.5 of 10; a survey can still return a full share (high 10) or come in
    # below its Wilson interval (0.909-0.973): low is the share less the set's bound_margin, 0.2.
    c = by_id(office(D(2024, 9, 30)))["8.1"]
    assert c.survey_basis == "internal"
    assert (c.low, c.expected, c.high) == (7.5, 9.5, 10.0)


@pytest.mark.parametrize(
    "events, n, low, high",
    [
        # Newcombe RG, "Two-sided confidence intervals for the single proportion: comparison of seven
        # methods", Statistics in Medicine 17 (1998) 857-872, Table II, method 3 (Wilson score, 95%).
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ],
)
def test_wilson_interval_agrees_with_published_values(events, n, low, high):
    assert tuple(round(bound, 4) for bound in wilson(events / n, n, 1.96)) == (low, high)


def test_survey_estimate_from_last_years_official_share():
    # Last year's official 0.86 of 3 points: expected 2.58; bounds 0.66 x 3 and a full share.
    c = by_id(office(D(2024, 9, 30)))["5.8"]
    assert c.survey_basis == "last_year"
    assert (c.low, c.expected, c.high) == (1.98, 2.58, 3.0)


def test_wilson_interval_narrows_with_respondents():
    small, large = wilson(0.9, 20, 1.96), wilson(0.9, 2000, 1.96)
    assert small[0] < large[0] < 0.9 < large[1] < small[1]


def test_what_if_evidence_is_marked_and_counted(tmp_path):
    extra = tmp_path / "what-if.yaml"
    extra.write_text(
        yaml.safe_dump(
            [
                {
                    "id": "wi-sk",
                    "type": "initiative",
                    "date": "2024-09-20",
                    "status": "recognized",
                    "recognized_by": "345/QĐ-HĐSK",
                    "document_no": "345/QĐ-HĐSK",
                }
            ]
        ),
        encoding="utf-8",
    )
    unit = office(D(2024, 9, 30), what_if=(extra,))
    assert unit.hypothetical == ["wi-sk"]
    assert by_id(unit)["1.5"].expected == 2.0


# -- properties on units the tests make ------------------------------------------------------


def predict_dir(evidence: Path, as_of: D, year: int = 2024):
    return api.predict(api.Request(evidence=evidence, rules=RULES, year=year, as_of=as_of))


def as_of_dates():
    return st.dates(D(2024, 1, 1), D(2025, 1, 31))


@SETTINGS
@given(seed=st.integers(0, 10_000), count=st.integers(0, 80), as_of=as_of_dates())
def test_scenarios_are_ordered_and_add_up(tmp_path_factory, cs2024, seed, count, as_of):
    root = tmp_path_factory.mktemp("units")
    synthetic.write_unit(root, "u", cs2024, count, seed)
    unit = predict_dir(root, as_of).units[0]
    for figure in [*unit.criteria, *unit.areas, *unit.components, unit.total]:
        assert 0 <= figure.low <= figure.expected <= figure.high <= figure.max
    for area in unit.areas:
        members = [c for c in unit.criteria if c.area == area.id]
        for s in ("low", "expected", "high"):
            assert round(sum(getattr(c, s) for c in members), 2) == getattr(area, s)
    for s in ("low", "expected", "high"):
        assert round(sum(getattr(a, s) for a in unit.areas), 2) == getattr(unit.total, s)
        assert round(sum(getattr(c, s) for c in unit.components), 2) == getattr(unit.total, s)
    for risk in unit.risks:
        assert risk.reason in risk.reasons and risk.at_stake <= risk.worst_case


MET = st.one_of(
    st.builds(
        lambda p, d: {"type": "report", "period": p, "due": d, "submitted": d, "document_no": "9/BC"},
        st.sampled_from(["q1", "h1", "q3", "year"]),
        st.dates(D(2024, 1, 1), D(2024, 12, 15)),
    ),
    st.builds(
        lambda d: {"type": "assigned_task", "due": d, "completed": d, "document_no": "9/VP"},
        st.dates(D(2024, 1, 1), D(2024, 12, 31)),
    ),
    st.builds(
        lambda d: {"type": "plan", "kind": "par", "date": d, "document_no": "1/KH"},
        st.dates(D(2024, 1, 1), D(2024, 1, 31)),
    ),
)


@SETTINGS
@given(seed=st.integers(0, 10_000), met=MET, as_of=as_of_dates())
def test_evidence_of_a_met_obligation_never_lowers_any_scenario(tmp_path_factory, cs2024, seed, met, as_of):
    root = tmp_path_factory.mktemp("units")
    base = synthetic.records(cs2024, 40, seed)
    record = {"id": "met-1", "date": met.get("submitted") or met.get("completed") or met["date"], **met}
    write_unit(root, "u", {2024: base})
    before = predict_dir(root, as_of).units[0]
    write_unit(root, "u", {2024: base + [record]})
    after = predict_dir(root, as_of).units[0]
    for old, new in zip(before.criteria, after.criteria):
        for s in ("low", "expected", "high"):
            assert getattr(new, s) >= getattr(old, s), (old.id, s)


@SETTINGS
@given(
    seed=st.integers(0, 10_000), shuffle=st.randoms(use_true_random=False), files=st.integers(1, 4), as_of=as_of_dates()
)
def test_record_order_and_file_split_never_change_a_figure(tmp_path_factory, cs2024, seed, shuffle, files, as_of):
    records = synthetic.records(cs2024, 60, seed)
    one = tmp_path_factory.mktemp("one")
    write_unit(one, "u", {2024: records})
    many = tmp_path_factory.mktemp("many")
    folder = write_unit(many, "u", {})
    (folder / "2024").mkdir()
    shuffled = records[:]
    shuffle.shuffle(shuffled)
    for part in range(files):
        chunk = shuffled[part::files]
        (folder / "2024" / f"part-{part}.yaml").write_text(yaml.safe_dump(chunk, allow_unicode=True), encoding="utf-8")
    assert json_.dumps(predict_dir(one, as_of)) == json_.dumps(predict_dir(many, as_of))


def test_same_input_gives_byte_identical_json():
    request = api.Request(evidence=EVIDENCE, rules=RULES, as_of=D(2024, 9, 30))
    assert json_.dumps(api.predict(request)) == json_.dumps(api.predict(request))


def test_identical_records_are_counted_twice(tmp_path, cs2024):
    task = {"type": "assigned_task", "date": "2024-02-01", "due": "2024-02-10", "document_no": "1/VP"}
    late = {**task, "completed": "2024-02-12"}
    on_time = {**task, "completed": "2024-02-09"}
    write_unit(tmp_path, "u", {2024: [{"id": "a", **late}, {"id": "b", **on_time}, {"id": "c", **on_time}]})
    c = by_id(predict_dir(tmp_path, D(2024, 12, 31)).units[0])["1.7"]
    assert c.expected == round(0.5 * 2 / 3, 2)


def test_what_if_shows_the_change_against_the_prediction_without_it(tmp_path):
    extra = tmp_path / "what-if.csv"
    extra.write_text(
        "id,type,date,period,due,submitted,document_no\nwi-year,report,10/12/2024,year,15/12/2024,10/12/2024,270/BC-VPUB\n",
        encoding="utf-8",
    )
    unit = office(D(2024, 9, 30), what_if=(extra,))
    changes = {c.id: c for c in unit.what_if}
    # Without it, the annual report is pending at the Office's chance (0.78: the reports' 2 of 3 on
    # time, moved by its record last year and the unit's): 1 - 0.25 x 1.22 = 0.69.
    assert changes["1.2"].without.expected == 0.69 and changes["1.2"].with_.expected == 0.75
    assert changes["total"].with_.expected - changes["total"].without.expected == pytest.approx(0.06)


def test_what_if_id_clash_is_an_error(tmp_path):
    extra = tmp_path / "what-if.yaml"
    extra.write_text("- {id: dt-2024, type: dialogue, date: 2024-10-01}\n", encoding="utf-8")
    with pytest.raises(Exception, match="id 'dt-2024' is already used by"):
        office(D(2024, 9, 30), what_if=(extra,))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), as_of=as_of_dates())
def test_yaml_csv_and_xlsx_give_the_same_figures(tmp_path_factory, cs2024, seed, as_of):
    from tests.conftest import write_csv, write_xlsx

    records = synthetic.records(cs2024, 50, seed)
    outputs = []
    for kind in ("yaml", "csv", "xlsx"):
        root = tmp_path_factory.mktemp(kind)
        folder = write_unit(root, "u", {})
        (folder / "2024").mkdir()
        target = folder / "2024" / f"evidence.{kind}"
        if kind == "yaml":
            target.write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")
        else:
            (write_csv if kind == "csv" else write_xlsx)(target, records)
        outputs.append(json_.dumps(predict_dir(root, as_of)))
    assert outputs[0] == outputs[1] == outputs[2]


def test_streamed_json_is_byte_for_byte_the_whole_document(tmp_path, cs2024):
    for n in range(3):
        synthetic.write_unit(tmp_path, f"u{n}", cs2024, 30, n)
    request = api.Request(evidence=tmp_path, rules=RULES, as_of=D(2024, 9, 30))
    whole = json_.dumps(api.predict(request))
    assert b"".join(json_.stream_prediction(api.predict_units(request))).decode("utf-8") == whole
    ranking = __import__("json").loads(whole)["ranking"]
    # competition ranks: a unit's rank is one more than the number of units strictly ahead of it
    # (the synthetic data's totals depend on the criteria set's declared names, so ties can occur)
    assert [r["rank"] for r in ranking] == [1 + sum(o["expected"] > r["expected"] for o in ranking) for r in ranking]
    assert len(ranking) == 3


def test_regression_missing_report_names_the_same_record_whatever_the_file_order(tmp_path, cs2024):
    # Found by the order property: with two unsent Q1 reports, the one named depended on file order.
    unsent = [
        {
            "id": f"report-{n}",
            "type": "report",
            "date": "2024-02-01",
            "period": "q1",
            "due": "2024-03-15",
            "document_no": f"{n}/BC",
        }
        for n in (30, 31)
    ]
    outputs = []
    for order in (unsent, unsent[::-1]):
        root = tmp_path / str(len(outputs))
        write_unit(root, "u", {2024: order})
        outputs.append(json_.dumps(predict_dir(root, D(2024, 11, 24))))
    assert outputs[0] == outputs[1]


# -- work begun lately: its own pace, not the window's average -------------------------------------


def _documents(days: list[D]) -> list[dict]:
    kinds = ["legal_dissemination_plan", "one_stop_assignment", "internal_procedures", "working_rules", "job_positions"]
    return [
        {"id": f"vb-{n}", "type": "document", "date": day, "document_no": f"{n}/QĐ", "kind": kind}
        for n, (kind, day) in enumerate(zip(kinds, days), 1)
    ]


def _no_record(unit) -> list:
    return [m for c in unit.criteria for m in c.metrics if m.basis == "no_record"]


def test_work_begun_in_the_last_weeks_is_expected_at_the_pace_it_began_at(tmp_path):
    """A unit that began its one-off work in September (the year-end rush) is going at the pace it
    began at: its five documents in the last 30 days count as such, not as five in 60 days. The same
    five documents issued in August count at the 60 days' pace, and the forecast is lower."""
    as_of = D(2024, 9, 30)
    write_unit(tmp_path / "rush", "u", {2024: _documents([D(2024, 9, d) for d in (5, 10, 15, 20, 25)])})
    write_unit(tmp_path / "august", "u", {2024: _documents([D(2024, 8, d) for d in (5, 10, 15, 20, 25)])})
    rush, august = (predict_dir(tmp_path / name, as_of).units[0] for name in ("rush", "august"))
    assert {(m.params["recent"], m.params["window"]) for m in _no_record(rush)} == {(5, 30)}
    assert {(m.params["recent"], m.params["window"]) for m in _no_record(august)} == {(5, 60)}
    assert "5 criteria with work done in the last 30 days" in _no_record(rush)[0].how
    assert min(m.params["chance"] for m in _no_record(rush)) > max(m.params["chance"] for m in _no_record(august))
    assert rush.total.expected > august.total.expected
    # Nothing is counted as done for it: low is the same, and no criterion without evidence is met.
    assert rush.total.low == august.total.low


def test_a_quarterly_progress_figure_is_carried_forward_until_the_unit_goes_quiet(tmp_path):
    """Progress reported each quarter is not 'gone quiet' two months after its last figure: the PAR
    plan at 50% on 31/07 is still carried at its pace on 30/09 (61 days on; `quiet_days` is 90),
    and no longer on 15/11 (107 days on)."""
    plan = {"type": "plan", "kind": "par", "tasks_total": 20, "document_no": "1/KH"}
    records = [
        {**plan, "id": "kh", "date": D(2024, 1, 10), "tasks_done": 0},
        {**plan, "id": "kh-07", "date": D(2024, 7, 31), "tasks_done": 10},
    ]
    write_unit(tmp_path, "u", {2024: records})

    def projected(as_of: D) -> set[float]:
        unit = predict_dir(tmp_path, as_of).units[0]
        return {m.params["projected"] for c in unit.criteria for m in c.metrics if m.basis == "progress"}

    assert projected(D(2024, 9, 30)) and all(p > 0.5 for p in projected(D(2024, 9, 30)))
    assert projected(D(2024, 11, 15)) == {0.5}


# -- last year's pace: how the unit's year went on from the same day last year -------------------


def test_last_years_pace_tells_a_unit_that_rushes_from_one_that_finishes_early(tmp_path, cs2024, cs2023):
    """The same records this year, as of 30/06, with two last years: one that rushed at the year's
    end (most of what was missing on 30/06/2023 came by its end) and one that had finished its work by
    mid-May (nothing came after). Work with no evidence yet is expected at the first's pace, far
    above the second's, and counted as met in neither; explain says where the chance came from."""
    this_year = synthetic.history(cs2024, 5, "steady")
    this_year = [r for r in this_year if r["date"] <= "2024-03-31"]
    write_unit(tmp_path / "rushed", "u", {2024: this_year, 2023: synthetic.history(cs2023, 3, "late_rush")})
    write_unit(tmp_path / "early", "u", {2024: this_year, 2023: synthetic.history(cs2023, 2, "early")})
    write_unit(tmp_path / "new", "u", {2024: this_year})
    as_of = D(2024, 6, 30)
    rushed, early, new = (predict_dir(tmp_path / name, as_of).units[0] for name in ("rushed", "early", "new"))
    late = {(m.params["then_late"], m.params["then_missing"]) for m in _no_record(rushed)}
    ((came, missing),) = late
    assert came / missing > 0.8, late
    ((came, missing),) = {(m.params["then_late"], m.params["then_missing"]) for m in _no_record(early)}
    assert came / missing < 0.2, (came, missing)
    assert min(m.params["chance"] for m in _no_record(rushed)) > max(m.params["chance"] for m in _no_record(early))
    assert rushed.total.expected > early.total.expected
    # Never counted as met: the chance lifts expected only.
    assert all(m.low == 0 for unit in (rushed, early) for m in _no_record(unit))
    # A unit with no last year goes by this year's pace and the prior alone.
    assert not any("then_missing" in m.params for m in _no_record(new))
    # Last year 31 of the 31 criteria with no evidence on 30/06/2023 got some by its end, when its pace
    # on that day said none would (0): its record, 31 of 31 against the prior's 0.5 at 2, is 0.9697;
    # this criterion was not met last year (0 of 1 against that at 2): 0.6465. This year's pace (none
    # lately) corrected by last year's shortfall, read on 30/06, 31/05 and 01/05/2023 (31 of 31, 33 of
    # 33, 37 of 37 came, the pace 0 each day: 31/33, 33/35, 37/39, mean 0.9437), weighs
    # 2 x 0.497 / 0.503 = 1.98 (half the year gone) against 2: 0.7942.
    metric = _no_record(rushed)[0]
    assert (metric.params["then_late"], metric.params["then_missing"], metric.params["chance"]) == (31, 31, 0.7942)
    assert metric.how == (
        "no evidence yet; chance of it being done in time 79.42%: at last year's pace (31 of the 31 criteria with "
        "no evidence on this day last year got some by the year's end) and the unit's recent pace (0 criteria with "
        "work done in the last 60 days; 24 of 52 have evidence)"
    )
    assert messages.how(metric.basis, metric.params, "vi") == (
        "chưa có minh chứng; khả năng hoàn thành kịp thời 79,42%: theo nhịp năm trước (31/31 tiêu chí chưa có "
        "minh chứng vào ngày này năm trước đã có minh chứng trước khi hết năm) và nhịp độ gần đây của đơn vị (0 tiêu "
        "chí có việc hoàn thành trong 60 ngày qua; 24/52 tiêu chí đã có minh chứng)"
    )


def _one_stop(root: Path, rules: Path, unit: str):
    request = api.Request(evidence=root, rules=rules, year=2024, unit=unit, as_of=D(2024, 6, 30))
    criterion = by_id(api.predict(request).units[0])["3.3"]
    (metric,) = criterion.metrics
    return criterion, metric


def test_work_the_unit_did_late_last_year_too_may_be_expected_above_the_ceiling(cs2024, cs2023, tmp_path):
    """A unit that rushed at the end of last year and has not begun this year's one-stop document by
    30/06: last year too it had none on that day and got it by the year's end (as did all 31 criteria
    then without evidence), so the chance may pass the ceiling (0.8), up to `late_ceiling` (0.95):
    still never as done. A new unit with the same year has no such record: the ceiling holds."""
    root = tmp_path / "evidence"
    synthetic.write_history(root, "rushed", cs2024, 3, "late_rush", last=cs2023, persistence=1.0)
    synthetic.write_history(root, "new", cs2024, 3, "late_rush")
    criterion, metric = _one_stop(root, RULES, "rushed")
    assert (metric.basis, metric.params["chance"], metric.params["late_ceiling"]) == ("no_record", 0.95, 0.95)
    assert criterion.no_evidence and criterion.expected == 1.42 < criterion.max == 1.5
    assert metric.how.endswith(
        "above the ceiling, up to 95%: last year too it had no evidence on this day and got some by the year's end"
    )
    _, new = _one_stop(root, RULES, "new")
    assert new.params["chance"] <= 0.8 and "late_ceiling" not in new.params
    # A set whose late_ceiling is its ceiling lifts nothing.
    rules = tmp_path / "rules"
    rules.mkdir()
    for year in (2023, 2024):
        text = (RULES / f"criteria_{year}.yaml").read_text(encoding="utf-8")
        (rules / f"criteria_{year}.yaml").write_text(text.replace("late_ceiling: 0.95", "late_ceiling: 0.8"), "utf-8")
    _, flat = _one_stop(root, rules, "rushed")
    assert flat.params["chance"] == 0.8 and "late_ceiling" not in flat.params


# -- "không phát sinh": absence of evidence is not evidence before the cut-off -----------------------

_Q1 = {"type": "report", "period": "q1", "document_no": "1/BC"}


def _arising(root: Path, last_year: list[dict] | None, as_of: D):
    """2.4 (unlawful documents handled, `not_arising: full`) of a unit with only its Q1 report this
    year, and `last_year`'s records (None: no last year)."""
    this = [{**_Q1, "id": "bc-q1", "date": D(2024, 3, 12), "due": D(2024, 3, 15), "submitted": D(2024, 3, 12)}]
    years = {2024: this} | ({2023: last_year} if last_year is not None else {})
    write_unit(root, "u", years)
    unit = predict_dir(root, as_of).units[0]
    return unit, by_id(unit)["2.4"]


_HANDLED_2023 = {
    "id": "ct-2023",
    "type": "indicator",
    "name": "unlawful_docs_handled_rate",
    "date": D(2023, 12, 10),
    "document_no": "9/BC",
    "value": 1.0,
}
_Q1_2023 = {**_Q1, "id": "bc-q1", "date": D(2023, 3, 12), "due": D(2023, 3, 15), "submitted": D(2023, 3, 12)}


def test_a_row_that_arose_last_year_is_work_to_come_not_nothing_arisen(tmp_path):
    """Unlawful documents were handled last year; none is on file by 30/09 this year. That is work
    with no evidence yet, not "nothing arose": expected at its chance (never as done), on the at-risk
    list as "no evidence", and explain says why. Where last year had none either, nothing has arisen
    so far (full points expected, nothing secured). A unit with no last year knows nothing of it:
    the set's prior governs, as for any work with no evidence. At the cut-off, none on file is
    "không phát sinh": full points in every case."""
    as_of = D(2024, 9, 30)
    unit, arose = _arising(tmp_path / "arose", [_Q1_2023, _HANDLED_2023], as_of)
    (metric,) = arose.metrics
    assert arose.status == "pending" and not arose.nothing_arose and arose.no_evidence
    assert metric.basis == "arising" and metric.low == 0 and 0 < metric.params["chance"] < 1
    assert arose.low == 0 and 0 < arose.expected < arose.max == arose.high
    risk = {r.criterion: r for r in unit.risks}["2.4"]
    assert risk.reason == "no_evidence" and risk.gap is not None and risk.gap.value is None
    assert metric.how.startswith(
        "no evidence yet; it arose last year, so it is work to come, not 'nothing arose', until the cut-off; "
        "chance of it being done in time"
    )
    assert messages.how(metric.basis, metric.params, "vi").startswith(
        "chưa có minh chứng; năm trước có phát sinh nên đến thời điểm chốt số liệu chưa coi là không phát sinh; "
        "khả năng hoàn thành kịp thời"
    )
    _, quiet = _arising(tmp_path / "quiet", [_Q1_2023], as_of)
    assert quiet.status == "not_arising" and quiet.nothing_arose and not quiet.no_evidence
    assert (quiet.low, quiet.expected, quiet.high) == (0, quiet.max, quiet.max)
    _, new = _arising(tmp_path / "new", None, as_of)
    ((fresh,),) = [new.metrics]
    assert new.status == "pending" and new.no_evidence and new.expected < new.max
    assert fresh.basis == "arising_new" and "then_missing" not in fresh.params
    assert messages.how(fresh.basis, fresh.params, "vi").startswith(
        "chưa có minh chứng; chưa có số liệu năm trước nên đến thời điểm chốt số liệu chưa coi là không phát sinh"
    )
    # Filing this year's figure at full never lowers a scenario (the forecast stays monotone).
    handled = {**_HANDLED_2023, "id": "ct-2024", "date": D(2024, 9, 20)}
    write_unit(
        tmp_path / "filed",
        "u",
        {
            2024: [_Q1_2023 | {"date": D(2024, 3, 12), "due": D(2024, 3, 15), "submitted": D(2024, 3, 12)}, handled],
            2023: [_Q1_2023, _HANDLED_2023],
        },
    )
    filed = by_id(predict_dir(tmp_path / "filed", as_of).units[0])["2.4"]
    assert (filed.low, filed.expected, filed.high) >= (arose.low, arose.expected, arose.high)
    assert filed.expected == filed.max > arose.expected
    for name, last_year in (("arose", [_Q1_2023, _HANDLED_2023]), ("quiet", [_Q1_2023]), ("new", None)):
        _, final = _arising(tmp_path / f"{name}-final", last_year, D(2024, 12, 31))
        assert final.status == "not_arising" and (final.low, final.expected, final.high) == (final.max,) * 3


def test_last_years_development_is_read_over_the_weeks_this_years_pace_is_read_over(cs2024, cs2023, tmp_path):
    """A unit that rushed at the end of both years, its rush begun on 01/09 last year and not yet this
    year by 30/09 (it begins on 15/10). On 30/09 last year it was rushing already, so its pace then
    foretold what came: read on that day alone, last year says nothing of a rush to come, and work
    with no evidence yet is expected at this year's pace (none). Read also 30 and 60 days earlier
    (`last_window_days`, the span this year's pace is read over), before last year's rush, it says
    the unit rushes in the autumn: the chance rises, still never as done."""
    root = tmp_path / "evidence"
    synthetic.write_history(root, "u", cs2024, 102, "late_rush", last=cs2023, persistence=1.0)
    assert synthetic.profile(cs2023, 102, "late_rush").turn == D(2023, 9, 1)
    assert synthetic.profile(cs2024, 102, "late_rush").turn == D(2024, 10, 15)
    same_day = tmp_path / "rules"
    same_day.mkdir()
    for year in (2023, 2024):
        text = (RULES / f"criteria_{year}.yaml").read_text(encoding="utf-8")
        assert "last_window_days: 60" in text
        (same_day / f"criteria_{year}.yaml").write_text(
            text.replace("last_window_days: 60", "last_window_days: 0"), "utf-8"
        )

    def forecast(rules: Path):
        request = api.Request(evidence=root, rules=rules, year=2024, as_of=D(2024, 9, 30))
        return api.predict(request).units[0]

    window, alone = forecast(RULES), forecast(same_day)
    chances = {
        name: {m.params["chance"] for m in _no_record(unit)} for name, unit in (("window", window), ("alone", alone))
    }
    assert max(chances["alone"]) < 0.5 < min(chances["window"]), chances
    assert window.total.expected > alone.total.expected + 5
    assert window.total.low == alone.total.low  # never counted as done

"""`scorer target`: the fewest remedies that reach a target, on the shipped 2024 evidence and on
synthetic units."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from decimal import Decimal

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scorer import api, synthetic
from scorer.cli import main
from scorer.models.target import SCHEMA
from tests.conftest import EVIDENCE, OFFICE, ROOT, RULES

SEPT = dt.date(2024, 9, 30)
ARGS = ["--evidence", str(EVIDENCE), "--rules", str(RULES), "--as-of", "30/09/2024"]


def office(goal: float):
    request = api.Request(evidence=EVIDENCE, rules=RULES, year=2024, unit=OFFICE, as_of=SEPT)
    return api.target(request, goal).units[0]


def test_a_reachable_target_is_reached_by_the_last_action_and_not_before():
    unit = office(95)
    assert unit.reachable and unit.expected == 91.46
    cumulative = [a.cumulative for a in unit.actions]
    assert cumulative == sorted(cumulative) and len(set(cumulative)) == len(cumulative)
    assert cumulative[-1] >= 95 > (cumulative[-2] if len(cumulative) > 1 else unit.expected)
    # The largest gains come first, so no shorter list reaches the target.
    gains = [a.gain for a in unit.actions]
    assert gains == sorted(gains, reverse=True)
    assert [a.criterion for a in unit.actions] == ["7.1.1", "1.1.2", "3.5.1", "1.4.2", "7.3.2", "1.3.1"]
    assert all(a.deadline >= SEPT for a in unit.actions)


def test_99_is_unreachable_with_the_best_total_and_its_class(runner):
    unit = office(99)
    assert not unit.reachable and (unit.best, unit.best_class) == (97.24, "Xuất sắc")
    total = sum((Decimal(str(a.gain)) for a in unit.actions), Decimal(str(unit.expected)))
    assert float(total) == unit.best == unit.actions[-1].cumulative
    result = runner.invoke(main, ["target", "99", *ARGS])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[2] == (
        "Expected 91.46; the target 99.00 cannot be reached: the best reachable is 97.24 (Xuất sắc), "
        "with every action below."
    )


def test_points_lost_for_good_are_listed_apart():
    unit = office(95)
    lost = {x.criterion: x.lost for x in unit.lost}
    # The half-year report went late (0.25 of 1.2), an assigned task was finished late (1.7).
    assert lost == {"1.2": 0.25, "1.7": 0.01}
    # 1.2 is also an action: the annual report, still to come, is worth its on-time share.
    assert "1.2" in {a.criterion for a in office(99).actions}


def test_a_target_already_reached_needs_nothing(runner):
    # Only a target the forecast's low reaches (64.64: nothing more done) needs nothing more.
    unit = office(60)
    assert unit.reachable and unit.actions == [] and unit.low == 64.64
    result = runner.invoke(main, ["target", "60", *ARGS])
    assert "Expected 91.46 already reaches the target 60.00: no action is needed." in result.output
    assert "With nothing more done" not in result.output


def test_a_target_the_expected_reaches_on_work_still_to_come_says_so(runner):
    # 85 is below the expected (91.46) but above the low (64.64): the expected counts on the reports,
    # plans and figures still to come. "No action is needed" would tell a unit it may stop.
    unit = office(85)
    assert unit.reachable and unit.actions == [] and unit.rests_on_work_to_come()
    lines = runner.invoke(main, ["target", "85", *ARGS, "--lang", "vi"]).output.splitlines()
    assert lines[2:5] == [
        "Điểm dự kiến 91,46 chỉ đạt mục tiêu 85,00 nếu các việc còn lại được hoàn thành như dự báo.",
        "",
        "Nếu không làm thêm gì, điểm chỉ còn 64,64 (Trung bình): điểm dự kiến đã tính cả các việc còn lại (các "
        "tiêu chí có nguy cơ mất điểm).",
    ]


def test_a_unit_behind_is_never_told_it_needs_nothing(runner, tmp_path):
    # A new unit with its three quarterly reports and nothing else, at 31/03: whatever target its
    # expected reaches, the low (nothing more done) is far below, and the answer says so.
    folders = ["--evidence", str(tmp_path / "evidence"), "--rules", str(RULES)]
    assert runner.invoke(main, ["init", "so-xay-dung", "--name", "Sở Xây dựng", *folders]).exit_code == 0
    (tmp_path / "evidence" / "so-xay-dung" / "2024" / "reports.csv").write_text(
        "id,type,date,period,due,submitted,document_no,title\n"
        "bc1,report,12/03/2024,q1,15/03/2024,12/03/2024,38/BC-SXD,Báo cáo quý I\n",
        encoding="utf-8",
    )
    request = api.Request(evidence=tmp_path / "evidence", rules=RULES, year=2024, as_of=dt.date(2024, 3, 31))
    everything = api.target(request, 100).units[0]
    goal = round(everything.expected - 1)
    unit = api.target(request, goal).units[0]
    assert unit.reachable and unit.low is not None and unit.low < goal
    output = runner.invoke(main, ["target", str(goal), *folders, "--as-of", "31/03/2024", "--lang", "vi"]).output
    assert "không cần thêm nhiệm vụ" not in output
    assert "Nếu không làm thêm gì, điểm chỉ còn" in output


def test_the_best_and_the_forecasts_high_are_one_figure_apart_by_the_surveys(runner):
    # The Office at 30/09: every open action done gives 97,24; the survey rows at their best add
    # 2,50, which is the forecast's high (99,74). Both commands now say the same thing.
    unit = office(95)
    assert (unit.best, unit.survey_upside, unit.high) == (97.24, 2.5, 99.74)
    predicted = json.loads(runner.invoke(main, ["predict", *ARGS, "--format", "json"]).output)
    assert predicted["units"][0]["total"]["high"] == unit.high
    result = runner.invoke(main, ["target", "95", *ARGS, "--lang", "vi"])
    assert (
        "Các tiêu chí khảo sát được tính ở mức dự kiến; nếu kết quả khảo sát đạt mức cao nhất, được thêm tối "
        "đa 2,50 điểm (99,74, bằng mức Cao của dự báo)."
    ) in result.output


def test_at_the_cut_off_an_unreachable_target_lists_no_action_and_says_so(runner, tmp_path):
    # A unit with no evidence, at the year's cut-off: nothing is open, the expected is the best, and
    # the sentence does not point at a list of actions that is not there.
    folders = ["--evidence", str(tmp_path / "evidence"), "--rules", str(RULES)]
    done = runner.invoke(main, ["init", "so-tu-phap", "--name", "Sở Tư pháp", *folders])
    assert done.exit_code == 0, done.output
    args = [*folders, "--as-of", "31/12/2024"]
    predicted = json.loads(runner.invoke(main, ["predict", *args, "--format", "json"]).output)["units"][0]["total"]
    result = runner.invoke(main, ["target", "60", *args, "--lang", "vi"])
    assert result.exit_code == 0, result.output
    expected = f"{predicted['expected']:.2f}".replace(".", ",")
    high = f"{predicted['high']:.2f}".replace(".", ",")
    lines = result.output.splitlines()
    assert lines[2] == (
        f"Điểm dự kiến {expected}; không thể đạt mục tiêu 60,00: không còn nhiệm vụ nào còn hạn, điểm dự kiến là "
        "mức cao nhất có thể đạt (Yếu)."
    )
    assert f"({high}, bằng mức Cao của dự báo)." in result.output
    assert "dưới đây" not in result.output


def test_json_is_the_target_contract(runner):
    result = runner.invoke(main, ["target", "95", *ARGS, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["schema"] == SCHEMA == "scorer.target/1" and set(data) == {"schema", "units"}
    unit = data["units"][0]
    assert {"unit", "target", "reachable", "best", "actions"} <= set(unit)
    assert (unit["unit"], unit["target"], unit["reachable"], unit["best"]) == (OFFICE, 95.0, True, 97.24)
    first = unit["actions"][0]
    assert {"criterion", "gain", "cumulative", "deadline", "owner"} <= set(first)
    assert (first["criterion"], first["gain"], first["cumulative"], first["deadline"], first["owner"]) == (
        "7.1.1",
        1.1,
        92.56,
        "2024-12-31",
        "information",
    )


def test_vietnamese_table(runner):
    result = runner.invoke(main, ["target", "95", *ARGS, "--lang", "vi"])
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == (
        "Mục tiêu 95,00: Văn phòng UBND tỉnh (van-phong-ubnd-tinh) · Năm 2024 · Tính đến ngày 30/09/2024 · Tổng điểm"
    )
    assert "Điểm đã mất, không thể khắc phục (2)" in result.output


def test_plan_with_a_target_has_the_path_section(runner, tmp_path):
    result = runner.invoke(main, ["plan", *ARGS, "--target", "95"])
    assert result.exit_code == 0, result.output
    assert "### 3. Path to the target of 95 points (as of 2024-09-30)" in result.output
    assert "| 3 | 3.5.1 | Dossiers settled early or on time | 0.5 | 94.01 | 2024-12-31 |" in result.output
    out = tmp_path / "plan.docx"
    result = runner.invoke(main, ["plan", *ARGS, "--target", "99", "--lang", "vi", "--format", "docx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert "3. Lộ trình đạt mục tiêu 99 điểm (tính đến ngày 30/09/2024)" in texts
    assert any(t.startswith("Điểm dự kiến 91,46; không thể đạt 99 điểm") for t in texts)
    heads = [[c.text for c in table.rows[0].cells] for table in document.tables]
    assert ["TT", "Tiêu chí", "Nội dung", "Điểm tăng thêm", "Điểm lũy kế", "Thời hạn", "Đơn vị chủ trì"] in heads


def test_plan_without_a_target_has_no_path_section(runner):
    result = runner.invoke(main, ["plan", *ARGS])
    assert result.exit_code == 0 and "Path to the target" not in result.output


@pytest.mark.parametrize(
    "value, message",
    [
        ("0", "Error: Invalid value for 'TARGET': 0.0 is not in the range 0<x<=100."),
        ("100.5", "Error: Invalid value for 'TARGET': 100.5 is not in the range 0<x<=100."),
        ("ninety", "Error: Invalid value for 'TARGET': 'ninety' is not a valid float range."),
    ],
)
def test_a_mistyped_target_is_a_usage_error(runner, value, message):
    result = runner.invoke(main, ["target", value, *ARGS])
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == message


SETTINGS = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(seed=st.integers(0, 10_000), day=st.integers(0, 364), goal=st.floats(50, 100))
def test_properties_on_synthetic_units(tmp_path_factory, cs2024, seed, day, goal):
    root = tmp_path_factory.mktemp("units")
    synthetic.write_history(root, "u", cs2024, seed)
    as_of = dt.date(2024, 1, 1) + dt.timedelta(days=day)
    unit = api.target(api.Request(evidence=root, rules=RULES, year=2024, as_of=as_of), goal).units[0]
    # No action is past its deadline.
    assert all(a.deadline >= unit.as_of for a in unit.actions)
    # Each cumulative is the one before plus the gain; they rise.
    running = Decimal(str(unit.expected))
    for action in unit.actions:
        assert action.gain > 0
        running += Decimal(str(action.gain))
        assert float(running) == action.cumulative
    if unit.reachable:
        assert (unit.actions[-1].cumulative if unit.actions else unit.expected) >= goal
        before = unit.actions[-2].cumulative if len(unit.actions) > 1 else unit.expected
        assert not unit.actions or before < goal
    else:
        # The gains of every action add up to the best total, and it falls short.
        assert float(running) == unit.best < goal
    # The surveys' upside is what stands between the best and the forecast's high, with whatever a
    # row past its deadline could still bring (listed as lost): never above the high.
    assert unit.high is not None and unit.best + unit.survey_upside <= unit.high + 0.005
    everything = api.target(api.Request(evidence=root, rules=RULES, year=2024, as_of=as_of), 100).units[0]
    assert everything.best == unit.best
    if not everything.reachable:
        total = sum((Decimal(str(a.gain)) for a in everything.actions), Decimal(str(everything.expected)))
        assert float(total) == everything.best


def test_real_subprocess_prints_the_target_json():
    done = subprocess.run(
        [sys.executable, "-m", "scorer", "target", "99", *ARGS, "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    unit = json.loads(done.stdout)["units"][0]
    assert (unit["reachable"], unit["best"]) == (False, 97.24)


def test_at_the_cut_off_nothing_is_said_to_rest_on_work_to_come(runner):
    # At 31/12 the low sits below the expected for the surveys alone: no work is still to come, so
    # neither "only if the work still to come is done" nor "with nothing more done" is said.
    args = ["--evidence", str(EVIDENCE), "--rules", str(RULES), "--as-of", "31/12/2024"]
    request = api.Request(evidence=EVIDENCE, rules=RULES, year=2024, unit=OFFICE, as_of=dt.date(2024, 12, 31))
    unit = api.target(request, 80).units[0]
    assert unit.final and unit.low is not None and unit.low < 80 <= unit.expected
    assert not unit.rests_on_work_to_come()
    for goal in ("80", "90"):
        output = runner.invoke(main, ["target", goal, *args]).output
        assert "only if the work still to come" not in output and "With nothing more done" not in output

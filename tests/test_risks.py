"""The at-risk list: every reason code of docs/contract.md section 4 is reachable on the Office's evidence,
and the rules for being at risk hold row by row."""

from __future__ import annotations

import datetime as dt

import pytest

from scorer import api
from scorer.reasons import REASONS
from tests.conftest import EVIDENCE, OFFICE, RULES

AS_OF = dt.date(2024, 9, 30)


def office(**kwargs):
    return api.predict(api.Request(evidence=EVIDENCE, rules=RULES, unit=OFFICE, as_of=AS_OF, **kwargs)).units[0]


def test_every_reason_code_is_reachable(tmp_path):
    # The Office's evidence reaches every reason but one: none of its rows rests on undocumented
    # evidence alone. A unit whose one communication plan has no document number reaches it.
    unit = office()
    assert {reason for risk in unit.risks for reason in risk.reasons} == set(REASONS) - {"missing_evidence"}
    assert {risk.reason for risk in unit.risks} >= set(REASONS) - {"pending", "missing_evidence"}
    folder = tmp_path / "u" / "2024"
    folder.mkdir(parents=True)
    (tmp_path / "u" / "unit.yaml").write_text("id: u\nname: U\n", encoding="utf-8")
    (folder / "e.yaml").write_text("- {id: p, type: plan, kind: communication, date: 2024-02-01}\n", encoding="utf-8")
    bare = api.predict(api.Request(evidence=tmp_path, rules=RULES, as_of=AS_OF)).units[0]
    assert "missing_evidence" in {r.criterion: r for r in bare.risks}["1.4.1"].reasons


# The at-risk rule (docs/contract.md section 4) worked by hand on the Office's figures as of 30/09/2024
# (low / expected / max, and the next deadline): literal cases, not the rule computed again.
AT_RISK_CASES = [
    # criterion, horizon in days, at risk, why
    ("1.2", 30, True, "expected 0.69 below its max 1.0"),
    ("8.1", 30, True, "a survey estimate: expected 9.5 below its max 10"),
    ("1.6", 30, True, "1.0 of 1.0, but the minutes of its dialogue are missing"),
    ("1.1.1", 365, False, "0.5 of 0.5 even at worst"),
    ("1.4.1", 365, False, "0.5 of 0.5 even at worst, whatever the horizon"),
    (
        "2.1",
        30,
        False,
        "2.0 of 2.0 expected; 1.5 at worst (its share can fall), but its deadline 31/12/2024 is 92 days away",
    ),
    ("2.1", 91, False, "one day short of the deadline"),
    ("2.1", 92, True, "the deadline within the horizon, and the worst case 0.5 below its max"),
    ("7.3.5", 30, True, "no evidence yet: 0.8 of 1.0 expected, 0.0 at worst"),
]


@pytest.mark.parametrize(
    "criterion, horizon, at_risk, why", AT_RISK_CASES, ids=[f"{c}-{h}d" for c, h, *_ in AT_RISK_CASES]
)
def test_at_risk_rule_on_literal_cases(criterion, horizon, at_risk, why):
    assert (criterion in {r.criterion for r in office(horizon=horizon).risks}) == at_risk, why


def test_the_offices_risks_at_30_days_row_by_row():
    """Each row's reasons, points at stake (max - expected) and worst case (max - low), read by hand
    off the criterion figures of the golden prediction."""
    rows = {r.criterion: (r.reasons, r.at_stake, r.worst_case) for r in office(horizon=30).risks}
    assert rows["1.2"] == (["overdue", "pending"], 0.31, 0.5)  # no target missed by the report ahead
    assert rows["1.6"] == (["missing_proof", "pending"], 0.2, 1.0)
    assert rows["7.2.5"] == (["no_evidence", "pending"], 0.1, 0.5)
    assert rows["8.1"] == (["survey_estimate"], 0.5, 2.5)
    assert sorted(rows) == sorted(
        "1.1.2 1.2 1.3.1 1.3.2 1.4.2 1.5 1.6 1.7 1.8 2.2 2.3 2.4 2.6 3.1 3.5.1 4.3.2 4.5 4.6 4.7 5.3 5.4 5.6 5.7 "
        "5.8 6.1 6.6 6.7 7.1.1 7.1.2 7.2.1 7.2.2 7.2.5 7.3.2 7.3.3 7.3.5 8.1".split()
    )


def test_a_missing_proof_is_named_in_its_risk_row():
    unit = office()
    row = next(r for r in unit.risks if r.criterion == "1.6")
    assert (row.reason, row.at_stake, row.missing_proofs) == ("missing_proof", 0.2, ["Biên bản hội nghị đối thoại"])


def test_owners_are_the_units_division_names():
    unit = office()
    names = {
        "organisation": "Phòng Tổ chức - Hành chính - Quản trị",
        "information": "Trung tâm Thông tin",
        "service_centre": "Trung tâm Phục vụ Hành chính công",
        "all_divisions": "Các phòng, ban, đơn vị trực thuộc Văn phòng",
    }
    for risk in unit.risks:
        assert risk.owner_division == names[risk.owner]
        assert risk.cooperating_divisions == [names[r] for r in risk.cooperating]

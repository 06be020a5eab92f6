"""The at-risk list: every reason code of docs/contract.md section 4 is reachable on the Office's evidence,
and the rules for being at risk hold row by row."""

from __future__ import annotations

import datetime as dt

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


def test_each_row_is_at_risk_for_a_stated_reason():
    unit = office(horizon=30)
    criteria = {c.id: c for c in unit.criteria}
    for risk in unit.risks:
        c = criteria[risk.criterion]
        near = c.next_deadline is not None and c.next_deadline <= AS_OF + dt.timedelta(days=30)
        missing = [p.title for p in c.proofs if not p.evidence]
        assert c.expected < c.max or (c.low < c.max and near) or missing
        assert risk.missing_proofs == missing
        assert risk.at_stake == round(c.max - c.expected, 2) and risk.worst_case == round(c.max - c.low, 2)
        assert risk.reason == risk.reasons[0] and risk.reasons == [r for r in REASONS if r in risk.reasons]
    at_risk = {r.criterion for r in unit.risks}
    for c in unit.criteria:
        if c.id not in at_risk:
            near = c.next_deadline is not None and c.next_deadline <= AS_OF + dt.timedelta(days=30)
            assert c.expected == c.max and not (c.low < c.max and near), c.id
            assert all(p.evidence for p in c.proofs), c.id


def test_a_missing_proof_is_named_in_its_risk_row():
    unit = office()
    row = next(r for r in unit.risks if r.criterion == "1.6")
    assert (row.reason, row.at_stake, row.missing_proofs) == ("missing_proof", 0.0, ["Biên bản hội nghị đối thoại"])


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

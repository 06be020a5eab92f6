"""`scorer serve`: the records drafted from the register, accepted or rejected on the unit's evidence page."""

from __future__ import annotations

import yaml

from tests.conftest import RULES
from tests.test_serve import OFFICE as WEB_UNIT
from tests.test_serve import audit, client, data, evidence, login, users  # noqa: F401  (the fixtures)


def test_the_evidence_page_lists_drafted_records_to_accept_or_reject(client, evidence):  # noqa: F811
    from scorer import api

    register = evidence.parent / "r.csv"
    register.write_text(
        "Số, ký hiệu;Ngày tháng;Trích yếu\n"
        "250/BC-VPUB;12/09/2024;Báo cáo công tác cải cách hành chính năm 2024\n"
        "300/QĐ-VPUB;20/09/2024;Quyết định công nhận sáng kiến cấp cơ sở năm 2024\n",
        encoding="utf-8",
    )
    result = api.register_import(api.Request(evidence=evidence, rules=RULES, year=2024, unit=WEB_UNIT), register)
    path = evidence / WEB_UNIT / "2024" / "so-van-ban.yaml"
    path.write_text(result.text, encoding="utf-8")
    csrf = login(client)
    url = f"/units/{WEB_UNIT}/evidence/2024"
    page = client.get(url).text
    assert "Bản ghi lập từ sổ đăng ký văn bản, chờ rà soát" in page
    assert 'id="drafted-svb-2024-250-bc-vpub"' in page and 'id="drafted-svb-2024-300-qd-vpub"' in page
    # each named by what it is in words, not by the type's code
    assert (
        '<span class="meta">(Báo cáo: Năm)</span>' in page
        and '<span class="meta">(Sáng kiến: Đã được công nhận)</span>' in page
    )
    assert "(report)" not in page and "(initiative)" not in page
    answer = client.post(
        url + "/review",
        data={"csrf": csrf, "record": "svb-2024-300-qd-vpub", "action": "accept"},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    assert client.get(answer.headers["location"]).text.count("Đã chấp nhận bản ghi.") == 1
    answer = client.post(
        url + "/review",
        data={"csrf": csrf, "record": "svb-2024-250-bc-vpub", "action": "reject"},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert [(r["id"], r.get("review")) for r in records] == [("svb-2024-300-qd-vpub", None)]
    assert 'id="drafted-' not in client.get(url).text
    again = client.post(url + "/review", data={"csrf": csrf, "record": "svb-2024-250-bc-vpub", "action": "reject"})
    assert again.status_code == 409
    assert [row["action"] for row in audit(evidence.parent / "data")[:3]][1:] == ["review_reject", "review_accept"]

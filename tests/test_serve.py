"""`scorer serve` through Starlette's test client: every rule of the contract, refusals included."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from scorer.messages import num
from scorer.cli import main
from scorer.serve import server
from scorer.serve.app import Config, create_app
from scorer.serve.store import Store
from tests.conftest import OFFICE, RULES, write_unit, error_lines

PASSWORD = "correct horse battery"
OTHER = "so-noi-vu"
AS_OF = dt.date(2024, 9, 30)
URL = f"/api/units/{OFFICE}/evidence/2024"
GOOD = (
    b"- id: extra-news\n  type: communication\n  date: 2024-05-02\n  form: news\n  count: 3\n  document_no: 7/TB-VP\n"
)
BAD = b"- id: bad-report\n  type: report\n  date: 2024-13-01\n  period: q9\n"


@pytest.fixture
def evidence(office_copy: Path) -> Path:
    write_unit(office_copy, OTHER, {2024: []}, name="Sở Nội vụ")
    return office_copy


@pytest.fixture(scope="session")
def users(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three accounts, hashed once (argon2 is slow on purpose)."""
    folder = tmp_path_factory.mktemp("users")
    server.add_user(folder, "lan", PASSWORD, [OFFICE], False, None)
    server.add_user(folder, "minh", PASSWORD, [OTHER], False, None)
    server.add_user(folder, "sonv", PASSWORD, [], True, None)
    return folder


@pytest.fixture
def data(users: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(users, folder)
    return folder


def make_client(evidence: Path, data: Path, **config: Any) -> TestClient:
    app = create_app(Config(evidence=evidence, rules=RULES, data=data, today=lambda: AS_OF, **config))
    return TestClient(app, base_url=config.pop("base_url", "http://testserver"))


@pytest.fixture
def client(evidence: Path, data: Path) -> TestClient:
    return make_client(evidence, data)


def login(client: TestClient, name: str = "lan", password: str = PASSWORD) -> str:
    response = client.post("/login", data={"username": name, "password": password}, follow_redirects=False)
    assert response.status_code == 303, response.text
    return str(client.get("/api/session").json()["csrf"])


def upload(client: TestClient, name: str, content: bytes, csrf: str | None, url: str = URL) -> Any:
    """An API upload by a script that asks for English (the API answers in Vietnamese by default)."""
    headers = {"Accept-Language": "en", **({"X-CSRF-Token": csrf} if csrf is not None else {})}
    return client.post(url, files={"file": (name, content)}, headers=headers)


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def audit(data: Path) -> list[dict[str, Any]]:
    store = Store(data)
    try:
        return store.audit_log()
    finally:
        store.close()


# -- sessions ------------------------------------------------------------------------------


def _sample(path: str) -> str:
    """A route's path with its parameters filled in (a unit the users hold)."""
    values = {"{unit}": OFFICE, "{year:year}": "2024", "{version:id}": "1", "{criterion}": "1.2", "{name}": "x.csv"}
    for key, value in values.items():
        path = path.replace(key, value)
    return path.replace("{kind}", "report.html")


def test_the_route_table_says_what_every_route_needs() -> None:
    from scorer.serve.app import ROUTES

    app = create_app(Config(evidence=RULES, rules=RULES, data=Path("/nonexistent-never-written")))
    assert len(app.routes) == len(ROUTES) >= 19
    for route in app.routes:
        spec = route.endpoint.spec  # type: ignore[attr-defined]
        assert spec.unit == ("{unit}" in route.path) and spec.write == ("POST" in route.methods) or spec.public
    assert {r.path for r in app.routes if r.endpoint.spec.public} == {"/", "/login"}  # type: ignore[attr-defined]


def test_every_route_refuses_without_a_session(client: TestClient, data: Path) -> None:
    routes = [r for r in client.app.app.routes if not r.endpoint.spec.public]  # type: ignore[attr-defined]
    assert len(routes) >= 16
    for route in routes:
        [method] = route.methods - {"HEAD"}
        path = _sample(route.path)
        response = client.request(method, path, files={"file": ("x.yaml", GOOD)} if method == "POST" else None)
        assert response.status_code == 401, path
        if path.startswith("/api/"):
            assert response.json()["error"] == "Vui lòng đăng nhập.", path
        else:
            assert 'name="password"' in response.text, path  # the login form, in place
        assert audit(data)[0]["action"] == "no_session", path


def test_every_unit_route_refuses_another_units_user(client: TestClient, data: Path) -> None:
    csrf = login(client, "minh")
    routes = [r for r in client.app.app.routes if r.endpoint.spec.unit]  # type: ignore[attr-defined]
    for route in routes:
        [method] = route.methods - {"HEAD"}
        files = {"file": ("x.yaml", GOOD)} if method == "POST" else None
        response = client.request(method, _sample(route.path), files=files, headers={"X-CSRF-Token": csrf})
        assert response.status_code == 403, route.path
        assert audit(data)[0]["action"] == "other_unit", route.path


def test_every_write_refuses_without_the_token(client: TestClient, data: Path) -> None:
    login(client)
    routes = [r for r in client.app.app.routes if r.endpoint.spec.write]  # type: ignore[attr-defined]
    assert {r.path for r in routes} >= {"/logout", "/api/units/{unit}/evidence/{year:year}"}
    for route in routes:
        response = client.post(_sample(route.path), files={"file": ("x.yaml", GOOD)}, data={"csrf": "wrong"})
        assert response.status_code == 403, route.path
        assert audit(data)[0]["action"] == "csrf", route.path


def test_administrators_pages_refuse_a_unit_user(client: TestClient, data: Path) -> None:
    login(client)
    routes = [r for r in client.app.app.routes if r.endpoint.spec.admin]  # type: ignore[attr-defined]
    assert [r.path for r in routes] == ["/audit"]
    for route in routes:
        assert client.get(route.path).status_code == 403


def test_login_sets_an_httponly_samesite_cookie_and_the_session_names_the_units(client: TestClient) -> None:
    response = client.post("/login", data={"username": "lan", "password": PASSWORD}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/province"
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
    session = client.get("/api/session").json()
    assert session["user"] == "lan" and session["units"] == [OFFICE] and len(session["csrf"]) >= 32


def test_admin_session_lists_every_unit(client: TestClient) -> None:
    login(client, "sonv")
    assert client.get("/api/session").json()["units"] == [OTHER, OFFICE]


@pytest.mark.parametrize("how", ["https", "option"])
def test_cookie_is_secure_behind_tls(evidence: Path, data: Path, how: str) -> None:
    if how == "https":
        client = TestClient(
            create_app(Config(evidence=evidence, rules=RULES, data=data)), base_url="https://testserver"
        )
    else:
        client = make_client(evidence, data, secure_cookies=True)
    response = client.post("/login", data={"username": "lan", "password": PASSWORD}, follow_redirects=False)
    assert "Secure" in response.headers["set-cookie"]


def test_wrong_password_is_refused_logged_and_rate_limited(client: TestClient, data: Path) -> None:
    for _ in range(10):
        response = client.post("/login", data={"username": "lan", "password": "wrong password"})
        assert response.status_code == 401
        assert "Sai tên đăng nhập hoặc mật khẩu." in response.text
    # the right password no longer helps until the window passes
    response = client.post("/login", data={"username": "lan", "password": PASSWORD}, follow_redirects=False)
    assert response.status_code == 429
    rows = audit(data)
    assert rows[0]["action"] == "login_rate_limited" and response.headers["retry-after"] == "900"
    # ten failures from one address within the minute: one row of the audit, counted ten times
    assert [(r["action"], r["count"]) for r in rows[1:]] == [("login_failed", 10)]
    assert "scorer_session" not in response.headers.get("set-cookie", "")


def test_unknown_user_is_refused_like_a_wrong_password(client: TestClient) -> None:
    response = client.post("/login", data={"username": "nobody", "password": PASSWORD})
    assert response.status_code == 401


def test_login_from_another_site_is_refused(client: TestClient) -> None:
    response = client.post(
        "/login", data={"username": "lan", "password": PASSWORD}, headers={"Origin": "https://evil.example"}
    )
    assert response.status_code == 403


def test_login_returns_to_a_local_page_only(client: TestClient) -> None:
    response = client.post(
        "/login",
        data={"username": "lan", "password": PASSWORD, "next": "//evil.example/x"},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/province"


def test_logout_needs_the_token_and_ends_the_session(client: TestClient) -> None:
    csrf = login(client)
    assert client.post("/logout", data={}).status_code == 403
    assert client.post("/logout", data={"csrf": csrf}, follow_redirects=False).status_code == 303
    assert client.get("/api/session").status_code == 401


def test_a_forged_cookie_opens_nothing(client: TestClient) -> None:
    client.cookies.set("scorer_session", "A" * 43)
    assert client.get("/api/session").status_code == 401


# -- access across units ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        f"/api/units/{OFFICE}/prediction",
        URL,
        f"/units/{OFFICE}",
        f"/units/{OFFICE}/risks",
        f"/units/{OFFICE}/criteria/1.2",
        f"/units/{OFFICE}/evidence/2024",
        f"/units/{OFFICE}/evidence/2024/template.xlsx",
        f"/units/{OFFICE}/download/report.html",
        f"/units/{OFFICE}/download/plan.docx",
    ],
)
def test_another_units_pages_are_forbidden(client: TestClient, data: Path, path: str) -> None:
    login(client, "minh")
    assert client.get(path).status_code == 403
    assert audit(data)[0]["action"] == "other_unit" and audit(data)[0]["user"] == "minh"


def test_upload_to_another_unit_is_forbidden_and_writes_nothing(client: TestClient, evidence: Path) -> None:
    csrf = login(client, "minh")
    before = tree(evidence)
    assert upload(client, "x.yaml", GOOD, csrf).status_code == 403
    assert tree(evidence) == before


def test_unknown_unit_is_forbidden_to_a_user_and_not_found_for_the_admin(client: TestClient) -> None:
    login(client)
    assert client.get("/api/units/nowhere/prediction").status_code == 403
    login(client, "sonv")
    assert client.get("/api/units/nowhere/prediction").status_code == 404
    assert client.get(f"/api/units/{OFFICE}/prediction").status_code == 200


def test_province_shows_a_user_their_units_and_the_admin_all(client: TestClient) -> None:
    login(client)
    page = client.get("/province").text
    assert "Văn phòng UBND tỉnh" in page and "Sở Nội vụ" not in page
    assert "<tr><td>1/2</td>" in page  # the rank in the whole province
    # Where the criteria set comes from, and the index the ranking goes by (issue 10).
    assert '<p class="meta" id="provenance">Chấm theo bộ tiêu chí mô phỏng' in page and "%</td>" in page
    evidence = client.get(f"/units/{OFFICE}/evidence/2024").text
    assert '<p class="meta" id="provenance">Chấm theo bộ tiêu chí mô phỏng' in evidence
    login(client, "sonv")
    page = client.get("/province").text
    assert "Văn phòng UBND tỉnh" in page and "Sở Nội vụ" in page and "1/2" in page and "2/2" in page


# -- the prediction -------------------------------------------------------------------------


@pytest.mark.parametrize("as_of", [None, "2024-06-30", "30/03/2024"])
def test_prediction_is_exactly_what_the_cli_prints(client: TestClient, runner: CliRunner, as_of: str | None) -> None:
    login(client)
    response = client.get(f"/api/units/{OFFICE}/prediction", params={"as_of": as_of} if as_of else None)
    args = ["predict", "--format", "json", "--unit", OFFICE, "--rules", str(RULES), "--as-of", as_of or "2024-09-30"]
    cli = runner.invoke(main, args + ["--evidence", str(client.app.state.service.config.evidence)])  # type: ignore[attr-defined]
    assert cli.exit_code == 0, cli.output
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    assert response.text == cli.output
    assert json.loads(response.text)["units"][0]["as_of"] == dt.date.isoformat(
        dt.datetime.strptime(as_of, "%d/%m/%Y").date()
        if as_of and "/" in as_of
        else dt.date.fromisoformat(as_of or "2024-09-30")
    )


def test_a_bad_date_is_refused(client: TestClient) -> None:
    login(client)
    response = client.get(f"/api/units/{OFFICE}/prediction", params={"as_of": "2024-02-30"})
    assert response.status_code == 400
    assert response.json()["error"] == "Ngày không hợp lệ: ghi 30/09/2024 hoặc 2024-09-30."
    english = {"Accept-Language": "en-GB,en;q=0.9,vi;q=0.5"}
    response = client.get(f"/api/units/{OFFICE}/prediction", params={"as_of": "2024-02-30"}, headers=english)
    assert response.json()["error"] == "Not a date: write 2024-09-30 or 30/09/2024."
    # the date is read whole: what follows a good date does not pass
    response = client.get(f"/api/units/{OFFICE}/prediction", params={"as_of": "2024-06-30" + "x" * 30})
    assert response.status_code == 400


def test_the_forecast_moves_after_an_accepted_upload(client: TestClient) -> None:
    csrf = login(client)
    before = client.get(f"/api/units/{OFFICE}/prediction").json()["units"][0]["total"]["expected"]
    records = "\n".join(
        f"- id: news-{i}\n  type: communication\n  date: 2024-0{1 + i % 8}-10\n  form: {form}\n  count: 5\n"
        f"  document_no: {i}/TB-VP"
        for i, form in enumerate(["portal", "news", "conference", "contest", "social"] * 4)
    )
    records += "\n- id: par-initiative-x\n  type: initiative\n  date: 2024-04-01\n  status: recognized\n"
    records += "  recognized_by: 5/QĐ-HĐSK\n  document_no: 5/QĐ-HĐSK\n"
    assert upload(client, "more.yaml", records.encode(), csrf).status_code == 201
    after = client.get(f"/api/units/{OFFICE}/prediction").json()["units"][0]["total"]["expected"]
    assert after > before


# -- uploads ------------------------------------------------------------------------------


def test_write_without_or_with_a_wrong_token_is_forbidden(client: TestClient, evidence: Path, data: Path) -> None:
    login(client)
    before = tree(evidence)
    assert upload(client, "x.yaml", GOOD, None).status_code == 403
    assert upload(client, "x.yaml", GOOD, "not-the-token").status_code == 403
    other = make_client(evidence, data)
    assert upload(client, "x.yaml", GOOD, login(other, "lan") + "x").status_code == 403
    assert tree(evidence) == before
    assert audit(data)[0]["action"] == "csrf"


def test_a_form_field_token_does_not_stand_in_for_the_api_header(client: TestClient) -> None:
    csrf = login(client)
    response = client.post(URL, files={"file": ("x.yaml", GOOD)}, data={"csrf": csrf})
    assert response.status_code == 403


def test_accepted_upload_lands_in_the_year_folder(client: TestClient, evidence: Path, data: Path) -> None:
    csrf = login(client)
    response = upload(client, "x.yaml", GOOD, csrf)
    assert response.status_code == 201, response.text
    assert response.json()["name"] == "x.yaml" and response.json()["records"] == 1
    assert (evidence / OFFICE / "2024" / "x.yaml").read_bytes() == GOOD
    assert not list((evidence / OFFICE / "2024").glob(".*"))  # no staging file left behind
    assert audit(data)[0]["action"] == "upload" and audit(data)[0]["detail"] == "2024/x.yaml"
    listed = {f["name"]: f for f in client.get(URL).json()["files"]}
    assert listed["x.yaml"]["records"] == 1 and listed["x.yaml"]["uploaded_by"] == "lan"
    rows = (evidence / OFFICE / "2024" / "reports.csv").read_text(encoding="utf-8-sig").strip().splitlines()
    assert listed["reports.csv"]["records"] == len(rows) - 1 and listed["reports.csv"]["uploaded_by"] is None


@pytest.mark.parametrize(
    "given, stored",
    [
        ("../../x.yaml", "x.yaml"),
        ("..\\..\\x.yaml", "x.yaml"),
        ("/etc/cron.d/x.yaml", "x.yaml"),
        ("C:\\Users\\lan\\Desktop\\Báo cáo quý.YAML", "Báo cáo quý.yaml"),
        ("..x.yml", "x.yml"),
        ("a;b$(c).csv", "a_b_(c).csv"),
    ],
)
def test_upload_names_are_reduced_to_a_safe_base_name(
    client: TestClient, evidence: Path, given: str, stored: str
) -> None:
    csrf = login(client)
    outside = tree(evidence.parent)
    content = GOOD if not stored.endswith(".csv") else b"id,type,date,form,count\nc1,communication,2024-02-02,news,1\n"
    response = upload(client, given, content, csrf)
    assert response.status_code == 201, response.text
    assert response.json()["name"] == stored
    assert (evidence / OFFICE / "2024" / stored).read_bytes() == content
    listed = {f["name"]: f for f in client.get(URL).json()["files"]}
    assert client.get(listed[stored]["download"]).content == content
    added = set(tree(evidence.parent)) - set(outside)
    assert added == {f"evidence/{OFFICE}/2024/{stored}"} | {a for a in added if a.startswith("data/")}


@pytest.mark.parametrize(
    "given, message",
    [
        ("x.exe", "not an evidence file: the name must end in .xlsx, .csv, .yaml, .yml"),
        ("x.xls", "not an evidence file: the name must end in .xlsx, .csv, .yaml, .yml"),
        ("notes.txt", "not an evidence file: the name must end in .xlsx, .csv, .yaml, .yml"),
        ("../..", "not an evidence file: the name must end in .xlsx, .csv, .yaml, .yml"),
        (".yaml", "not an evidence file: the name must end in .xlsx, .csv, .yaml, .yml"),
        ("official.yaml", "official.yaml holds the published results; it is not uploaded as evidence"),
        (
            "explanations.yaml",
            "explanations.yaml is not an evidence file; it is kept on the server by the administrator",
        ),
    ],
)
def test_bad_upload_names_are_refused_and_nothing_is_written(
    client: TestClient, evidence: Path, data: Path, given: str, message: str
) -> None:
    csrf = login(client)
    before = tree(evidence)
    response = upload(client, given, GOOD, csrf)
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["message"] == message
    assert tree(evidence) == before
    assert audit(data)[0]["action"] == "upload_refused"


@pytest.mark.parametrize("raw", [b"x.yaml\x00", b"x\x00/../../evil.yaml", b"x.yaml\x00.png", b"a\x1bb.yaml"])
def test_a_control_character_in_the_raw_name_is_refused(client: TestClient, evidence: Path, raw: bytes) -> None:
    """Clients percent-encode a NUL; a hand-made request need not, so the name is checked as it arrives."""
    csrf = login(client)
    before = tree(evidence)
    body = (
        b'--B\r\nContent-Disposition: form-data; name="file"; filename="' + raw + b'"\r\n'
        b"Content-Type: application/octet-stream\r\n\r\n" + GOOD + b"\r\n--B--\r\n"
    )
    response = client.post(
        URL,
        content=body,
        headers={"X-CSRF-Token": csrf, "Content-Type": "multipart/form-data; boundary=B", "Accept-Language": "en"},
    )
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["message"] == "the file name contains a control character"
    assert tree(evidence) == before


def test_a_file_with_problems_is_refused_with_each_problem_located(client: TestClient, evidence: Path) -> None:
    csrf = login(client)
    before = tree(evidence)
    response = upload(client, "bad.yaml", BAD, csrf)
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"file": "bad.yaml", "sheet": None, "row": 1, "field": "due", "message": "missing (required)"},
        {
            "file": "bad.yaml",
            "sheet": None,
            "row": 3,
            "field": "date",
            "message": "'2024-13-01' is not a day of the calendar",
        },
        {
            "file": "bad.yaml",
            "sheet": None,
            "row": 4,
            "field": "period",
            "message": "Input should be 'q1', 'h1', 'q3', 'year' or 'other', got 'q9'",
        },
    ]
    assert tree(evidence) == before
    # exactly what `scorer validate` says of the unit with the file put in place by hand
    (evidence / OFFICE / "2024" / "bad.yaml").write_bytes(BAD)
    cli = CliRunner().invoke(main, ["validate", "--evidence", str(evidence), "--rules", str(RULES), "--unit", OFFICE])
    where = f"{evidence}/{OFFICE}/2024/"
    assert cli.exit_code == 1
    assert error_lines(cli.output) == [
        f"Error: {where}{e['file']}:{e['row']}: {e['field']}: {e['message']}" for e in response.json()["errors"]
    ]


def test_validation_is_of_the_whole_unit_a_clashing_id_names_both_files(client: TestClient, evidence: Path) -> None:
    csrf = login(client)
    clash = b"- id: bc-cchc-q1-2024\n  type: communication\n  date: 2024-05-02\n  form: news\n  count: 1\n"
    response = upload(client, "zz.yaml", clash, csrf)
    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["file"] == "zz.yaml" and error["field"] == "id"
    assert error["message"].startswith("duplicate id 'bc-cchc-q1-2024' (first at ")
    assert "reports.csv" in error["message"]
    assert not (evidence / OFFICE / "2024" / "zz.yaml").exists()


def test_a_workbook_mistake_names_the_sheet_and_row(client: TestClient) -> None:
    csrf = login(client)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "communication"
    sheet.append(["id", "date", "form", "count", "document_no"])
    sheet.append(["wb-1", "2024-03-01", "news", 2, "1/TB"])
    sheet.append(["wb-2", "2024-03-02", "newspaper", 2, "2/TB"])
    buffer = io.BytesIO()
    book.save(buffer)
    response = upload(client, "so-lieu.xlsx", buffer.getvalue(), csrf)
    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["file"] == "so-lieu.xlsx" and error["sheet"] == "communication" and error["row"] == 3
    assert error["field"] == "form"


def test_a_replaced_file_is_kept_as_an_earlier_version(client: TestClient, evidence: Path, data: Path) -> None:
    csrf = login(client)
    original = (evidence / OFFICE / "2024" / "reports.csv").read_bytes()
    changed = original.replace(b"38/BC-VPUB", b"38/BC-VPUB-2")
    assert upload(client, "reports.csv", changed, csrf).json()["replaced"] is True
    assert (evidence / OFFICE / "2024" / "reports.csv").read_bytes() == changed
    again = changed.replace(b"38/BC-VPUB-2", b"38/BC-VPUB-3")
    assert upload(client, "reports.csv", again, csrf).status_code == 201
    listed = {f["name"]: f for f in client.get(URL).json()["files"]}["reports.csv"]
    assert [v["replaced_by"] for v in listed["versions"]] == ["lan", "lan"]
    assert listed["versions"][1]["uploaded_by"] is None  # the file that was on the server first
    kept = [client.get(v["download"]).content for v in listed["versions"]]
    assert kept == [changed, original]
    other = make_client(evidence, data)
    login(other, "minh")
    assert other.get(f"/units/{OFFICE}/evidence/2024/versions/{listed['versions'][0]['version']}").status_code == 403
    assert other.get(f"/units/{OTHER}/evidence/2024/versions/{listed['versions'][0]['version']}").status_code == 404


def test_a_refused_replacement_leaves_the_file_and_its_history_as_they_were(
    client: TestClient, evidence: Path, data: Path
) -> None:
    csrf = login(client)
    before = tree(evidence)
    broken = b"id,type,date,period,due\nbc-x,report,31/02/2024,q1,15/03/2024\n"
    response = upload(client, "reports.csv", broken, csrf)
    assert response.status_code == 422
    assert response.json()["errors"][0] == {
        "file": "reports.csv",
        "sheet": None,
        "row": 2,
        "field": "date",
        "message": "'31/02/2024' is not a day of the calendar",
    }
    assert tree(evidence) == before
    listed = {f["name"]: f for f in client.get(URL).json()["files"]}
    assert listed["reports.csv"]["versions"] == [] and not (data / "versions").exists()


def test_an_upload_larger_than_the_bound_is_refused(evidence: Path, data: Path) -> None:
    client = make_client(evidence, data, max_upload=1024)
    csrf = login(client)
    before = tree(evidence)
    response = upload(client, "big.yaml", GOOD + b"#" * 200_000, csrf)
    assert response.status_code == 413
    assert tree(evidence) == before


def test_upload_to_a_year_without_criteria_set_is_not_found(client: TestClient, evidence: Path) -> None:
    csrf = login(client)
    response = upload(client, "x.yaml", GOOD, csrf, url=f"/api/units/{OFFICE}/evidence/2031")
    assert response.status_code == 404
    assert not (evidence / OFFICE / "2031").exists()


def test_a_worker_process_gives_the_same_answers(evidence: Path, data: Path) -> None:
    """`scorer serve` predicts and validates in a worker process; the answers are the same."""
    in_thread, worker = make_client(evidence, data), make_client(evidence, data, workers=1)
    try:
        csrf = login(worker)
        login(in_thread)
        path = f"/api/units/{OFFICE}/prediction"
        assert worker.get(path).text == in_thread.get(path).text
        refused = upload(worker, "bad.yaml", BAD, csrf)
        assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "due"
        assert upload(worker, "x.yaml", GOOD, csrf).json()["records"] == 1
    finally:
        worker.app.app.state.service.run.close()  # type: ignore[attr-defined]


# -- pages -------------------------------------------------------------------------------------


def test_pages_are_vietnamese_by_default_and_english_on_request(client: TestClient) -> None:
    login(client)
    page = client.get(f"/units/{OFFICE}")
    assert page.status_code == 200 and '<html lang="vi">' in page.text and "Tổng cộng" in page.text
    assert 'id="total-expected" data-value="91.46"' in page.text and "<svg" in page.text
    english = client.get(f"/units/{OFFICE}", params={"lang": "en"})
    assert '<html lang="en">' in english.text and "Total" in english.text
    assert '<html lang="en">' in client.get("/province").text  # remembered


def test_the_evidence_page_says_how_much_of_the_forecast_is_known(client: TestClient) -> None:
    login(client)
    page = client.get(f"/units/{OFFICE}/evidence/2024").text
    total = client.get(f"/units/{OFFICE}/download/prediction.json").json()["units"][0]["total"]
    known = page.split('id="known">', 1)[1].split("</p>", 1)[0]
    secured, likely = total["known"]["secured"], total["likely"]
    assert f"minh chứng đã có cho {num(secured, 'vi')}/100,00 điểm" in known
    assert f"{total['known']['no_evidence']} tiêu chí chưa có minh chứng" in known
    assert f"Nhiều khả năng đạt {num(likely['low'], 'vi')}–{num(likely['high'], 'vi')} điểm" in known
    assert f"Xếp loại: {total['class']['low']} (thấp) / {total['class']['expected']} (dự kiến)" in page


def test_pages_carry_security_headers_and_no_script(client: TestClient) -> None:
    login(client)
    page = client.get(f"/units/{OFFICE}")
    assert page.headers["x-frame-options"] == "DENY" and page.headers["cache-control"] == "no-store"
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert "<script" not in page.text


def test_every_form_carries_the_csrf_token(client: TestClient) -> None:
    csrf = login(client)
    page = client.get(f"/units/{OFFICE}/evidence/2024").text
    assert page.count(f'name="csrf" value="{csrf}"') == 2  # logout and upload


def test_risk_list_filters_by_division_and_links_each_row_to_its_explanation(
    client: TestClient, evidence: Path
) -> None:
    login(client)
    page = client.get(f"/units/{OFFICE}/risks", params={"division": "Trung tâm Thông tin"}).text
    assert f'href="/units/{OFFICE}/criteria/7.1.1"' in page
    assert f'href="/units/{OFFICE}/criteria/1.1.2"' not in page  # another division's
    explanation = client.get(f"/units/{OFFICE}/criteria/1.2").text
    assert 'id="criterion-expected">0,69<' in explanation and "38/BC-VPUB" in explanation
    assert "<code>2024/reports.csv:2</code>" in explanation and str(evidence) not in explanation


def test_the_upload_form_shows_each_problem_and_accepts_the_corrected_file(client: TestClient) -> None:
    csrf = login(client)
    url = f"/units/{OFFICE}/evidence/2024"
    refused = client.post(url, files={"file": ("bad.yaml", BAD)}, data={"csrf": csrf})
    assert refused.status_code == 422
    assert "Tệp chưa được chấp nhận" in refused.text
    assert "<td>&#39;2024-13-01&#39; không phải là ngày có thật</td>" in refused.text
    english = client.post(url + "?lang=en", files={"file": ("bad.yaml", BAD)}, data={"csrf": csrf})
    assert "<td>&#39;2024-13-01&#39; is not a day of the calendar</td>" in english.text
    assert client.post(url, files={"file": ("bad.yaml", BAD)}).status_code == 403  # the form needs its token
    client.get(url, params={"lang": "vi"})
    accepted = client.post(url, files={"file": ("good + new.yaml", GOOD)}, data={"csrf": csrf})
    assert accepted.status_code == 200 and "Đã nhận good + new.yaml: 1 bản ghi." in accepted.text
    assert "Đã nhận" not in client.get(url, params={"uploaded": "Mật khẩu đã hết hạn", "records": "1"}).text


def test_the_evidence_page_warns_of_a_report_uploaded_with_no_day_sent(client: TestClient) -> None:
    csrf = login(client)
    url = f"/units/{OFFICE}/evidence/2024"
    unsent = b"- {id: bc-thang-10, type: report, period: other, date: 2024-09-20, due: 2024-09-25}\n"
    accepted = client.post(url, files={"file": ("bc.yaml", unsent)}, data={"csrf": csrf})
    assert accepted.status_code == 200 and "Đã nhận bc.yaml: 1 bản ghi." in accepted.text
    page = client.get(url).text
    assert "<h2>Cần xem lại</h2>" in page
    assert (
        '<tr><td>bc.yaml</td><td>–</td><td class="n">1</td><td>submitted</td>'
        "<td>báo cáo &#39;bc-thang-10&#39; chưa ghi ngày gửi: được tính là chưa gửi (nếu đã gửi, ghi ngày gửi báo cáo)</td></tr>"
    ) in page
    assert "has no date sent: it counts as not sent" in client.get(url, params={"lang": "en"}).text
    late = b"- {id: bc-q3, type: report, period: q3, date: 2024-09-12, due: 2024-09-15, submitted: 2025-09-24}\n"
    assert client.post(url, files={"file": ("bc.yaml", late)}, data={"csrf": csrf}).status_code == 200
    page = client.get(url, params={"lang": "vi"}).text
    assert "<td>submitted</td><td>ngày 24/09/2025 muộn hơn ngày chốt số liệu năm 2024 (31/12/2024)" in page
    sent = unsent.replace(b"}", b", submitted: 2024-09-24}")
    assert client.post(url, files={"file": ("bc.yaml", sent)}, data={"csrf": csrf}).status_code == 200
    assert 'id="warnings"' not in client.get(url, params={"lang": "vi"}).text


def test_downloads_open_in_their_applications(client: TestClient, evidence: Path, tmp_path: Path) -> None:
    login(client)
    base = f"/units/{OFFICE}/download/"
    report = client.get(base + "report.html")
    assert report.headers["content-disposition"] == f'attachment; filename="{OFFICE}-report.html"'
    assert 'data-value="91.46"' in report.text
    assert client.get(base + "prediction.json").text == client.get(f"/api/units/{OFFICE}/prediction").text
    (tmp_path / "f.xlsx").write_bytes(client.get(base + "form.xlsx").content)
    cli = tmp_path / "cli.xlsx"
    args = ["form", "--unit", OFFICE, "--evidence", str(evidence), "--rules", str(RULES), "--as-of", "2024-09-30"]
    assert CliRunner().invoke(main, [*args, "--lang", "vi", "-o", str(cli)]).exit_code == 0
    served, printed = openpyxl.load_workbook(tmp_path / "f.xlsx"), openpyxl.load_workbook(cli)
    assert served.sheetnames == printed.sheetnames
    assert [list(r) for r in served.active.values] == [list(r) for r in printed.active.values]
    (tmp_path / "p.docx").write_bytes(client.get(base + "plan.docx").content)
    assert any("KẾ HOẠCH" in p.text for p in docx.Document(str(tmp_path / "p.docx")).paragraphs)
    (tmp_path / "t.xlsx").write_bytes(client.get(f"/units/{OFFICE}/evidence/2024/template.xlsx").content)
    assert "Báo cáo" in openpyxl.load_workbook(tmp_path / "t.xlsx").sheetnames  # the web speaks Vietnamese
    assert client.get(base + "passwd").status_code == 404
    files = f"/units/{OFFICE}/evidence/2024/files/"
    assert client.get(files + "reports.csv").content == (evidence / OFFICE / "2024" / "reports.csv").read_bytes()
    for name in ["..%2F..%2Funit.yaml", "..%2Fofficial.yaml", "unit.yaml", "%2Fetc%2Fpasswd"]:
        assert client.get(files + name).status_code == 404


# -- the commands --------------------------------------------------------------------------------


def test_user_add_reads_the_password_from_stdin(runner: CliRunner, tmp_path: Path) -> None:
    args = ["user", "add", "hoa", "--unit", OFFICE, "--password-stdin", "--data", str(tmp_path)]
    result = runner.invoke(main, args, input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert result.output == f"added hoa: {OFFICE}\n"
    store = Store(tmp_path)
    user = store.user("hoa")
    assert user is not None and user.units == (OFFICE,) and user.hash.startswith("$argon2id$")
    again = runner.invoke(main, args, input=PASSWORD + "\n")
    assert again.exit_code == 1
    assert again.output.endswith("NAME: user 'hoa' exists already\n")


def test_user_passwd_ends_the_sessions_and_user_list_names_the_units(
    runner: CliRunner, client: TestClient, data: Path
) -> None:
    login(client)
    new = ["user", "passwd", "lan", "--password-stdin", "--data", str(data)]
    assert runner.invoke(main, new, input="a new long password\n").output == "password of lan set\n"
    assert client.get("/api/session").status_code == 401
    assert client.post("/login", data={"username": "lan", "password": PASSWORD}).status_code == 401
    login(client, "lan", "a new long password")
    listed = runner.invoke(main, ["user", "list", "--data", str(data)])
    assert listed.output == f"lan: {OFFICE}\nminh: {OTHER}\nsonv: every unit (admin)\n"
    unknown = runner.invoke(main, ["user", "passwd", "lam", "--password-stdin", "--data", str(data)], input="x" * 12)
    assert unknown.exit_code == 1
    assert unknown.output == f"Error: {data}/scorer.sqlite3: NAME: no user 'lam' (did you mean 'lan'?)\n"


def test_user_add_asks_for_the_password_twice(runner: CliRunner, tmp_path: Path) -> None:
    args = ["user", "add", "hoa", "--admin", "--data", str(tmp_path)]
    mismatch = runner.invoke(main, args, input=f"{PASSWORD}\nsomething else\n{PASSWORD}\n{PASSWORD}\n")
    assert mismatch.exit_code == 0, mismatch.output
    assert "Error: The two entered values do not match." in mismatch.output
    assert mismatch.output.endswith("added hoa: every unit\n")


@pytest.mark.parametrize(
    "args, password, error",
    [
        (
            ["hoa", "--unit", OFFICE],
            "short",
            "Error: password: at least 10 characters (spaces at either end not counted)",
        ),
        (["hoa"], PASSWORD, "Error: --unit: a user needs at least one --unit, or --admin"),
        (["hoa", "--unit", "../x"], PASSWORD, "Error: --unit: '../x' is not a unit id (the unit folder's name)"),
        (
            ["hoa/x", "--admin"],
            PASSWORD,
            "Error: NAME: 'hoa/x' is not a user name: letters, digits, . _ @ - (at most 64)",
        ),
        (
            ["hoa", "--unit", "van-phong-ubnd", "--evidence", "evidence"],
            PASSWORD,
            "Error: evidence: --unit: no unit 'van-phong-ubnd' (did you mean 'van-phong-ubnd-tinh'?)",
        ),
    ],
)
def test_user_add_refuses_bad_input(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], password: str, error: str
) -> None:
    monkeypatch.chdir(RULES.parent)
    result = runner.invoke(main, ["user", "add", *args, "--password-stdin", "--data", str(tmp_path)], input=password)
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == error


def test_a_missing_extra_is_a_clear_error(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("scorer.serve.missing", lambda: ["starlette", "uvicorn"])
    result = runner.invoke(main, ["serve", "--data", "x"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: this command needs starlette, uvicorn: pip install 'scorer[serve]' "
        "(from a checkout: pip install -e '.[serve]')\n"
    )


def test_help_does_not_import_the_web_stack() -> None:
    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom scorer.cli import main\n"
        "assert CliRunner().invoke(main, ['--help']).exit_code == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('starlette', 'uvicorn', 'jinja2', 'argon2', 'multipart', 'scorer')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "starlette" not in out and "uvicorn" not in out and "argon2" not in out and "scorer.serve" not in out


def post_expected(content: bytes) -> dict[str, Any]:
    return {
        "name": "x.yaml",
        "path": "2024/x.yaml",
        "records": 1,
        "sha256": hashlib.sha256(content).hexdigest(),
        "size": len(content),
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(evidence: Path, data: Path, *extra: str, output: Any = subprocess.DEVNULL) -> tuple[Any, str]:
    """`scorer serve` as its own process on a free loopback port, once it answers."""
    port = _free_port()
    scorer = Path(sys.executable).parent / "scorer"
    command = [str(scorer), "serve", "--evidence", str(evidence), "--rules", str(RULES), "--data", str(data)]
    process = subprocess.Popen([*command, "--port", str(port), *extra], stdout=output, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):  # up to a minute on a loaded machine
        try:
            urllib.request.urlopen(base + "/login", timeout=1)
            break
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    return process, base


def test_serve_as_a_real_process_on_loopback(evidence: Path, data: Path) -> None:
    process, base = _start(evidence, data, output=subprocess.PIPE)
    try:
        jar = CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        body = b"username=lan&password=" + PASSWORD.replace(" ", "+").encode()
        opener.open(base + "/login", data=body, timeout=10)
        session = json.loads(opener.open(base + "/api/session", timeout=10).read())
        assert session["user"] == "lan" and session["units"] == [OFFICE]
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(base + f"/api/units/{OFFICE}/prediction", timeout=10)
        assert refused.value.code == 401

        def post(name: str, content: bytes, csrf: str | None) -> tuple[int, Any]:
            body = (
                b'--B\r\nContent-Disposition: form-data; name="file"; filename="'
                + name.encode()
                + b'"\r\n\r\n'
                + content
                + b"\r\n--B--\r\n"
            )
            headers = {"Content-Type": "multipart/form-data; boundary=B", **({"X-CSRF-Token": csrf} if csrf else {})}
            try:
                answer = opener.open(urllib.request.Request(base + URL, body, headers), timeout=60)
                return answer.status, json.loads(answer.read())
            except urllib.error.HTTPError as error:
                return error.code, json.loads(error.read())

        # through the worker processes `scorer serve` starts
        assert post("x.yaml", GOOD, None)[0] == 403
        status, refused_upload = post("bad.yaml", BAD, session["csrf"])
        assert status == 422 and [e["row"] for e in refused_upload["errors"]] == [1, 3, 4]
        assert post("../../x.yaml", GOOD, session["csrf"]) == (201, {**post_expected(GOOD), "replaced": False})
        assert post("../../x.yaml", GOOD.replace(b"count: 3", b"count: 4"), session["csrf"])[1]["replaced"]
        assert not (evidence / "x.yaml").exists() and not (evidence.parent / "x.yaml").exists()
        listed = {f["name"]: f for f in json.loads(opener.open(base + URL, timeout=10).read())["files"]}
        assert opener.open(base + listed["x.yaml"]["versions"][0]["download"], timeout=10).read() == GOOD
        assert process.poll() is None
    finally:
        process.terminate()
        process.wait(timeout=10)
    output = process.stdout.read().decode() if process.stdout else ""
    assert "Uvicorn running on http://127.0.0.1:" in output


def test_the_audit_log_is_for_administrators(client: TestClient) -> None:
    login(client, "minh")
    client.get(f"/api/units/{OFFICE}/prediction")
    assert client.get("/audit").status_code == 403
    login(client, "sonv")
    page = client.get("/audit").text
    assert '<td>other_unit</td><td class="n">403</td><td>van-phong-ubnd-tinh</td>' in page
    assert "<td>not_admin</td>" in page and 'href="/audit"' in page


def test_the_cache_is_keyed_by_the_evidence_the_criteria_set_and_the_day(evidence: Path, tmp_path: Path) -> None:
    from scorer.serve.cache import PredictionCache

    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    cache = PredictionCache(evidence, rules)
    first = cache.prediction(OFFICE, 2024, AS_OF, AS_OF)
    assert cache.prediction(OFFICE, 2024, AS_OF, AS_OF) is first and (cache.hits, cache.misses) == (1, 1)
    (evidence / OFFICE / "scan.pdf").write_bytes(b"%PDF")  # an attachment: by name, size and time
    cache.prediction(OFFICE, 2024, AS_OF, AS_OF)
    with (rules / "criteria_2024.yaml").open("a", encoding="utf-8") as criteria:
        criteria.write("# a comment changes the set's digest\n")
    cache.prediction(OFFICE, 2024, AS_OF, AS_OF)
    cache.prediction(OFFICE, 2024, dt.date(2024, 6, 30), AS_OF)
    assert cache.misses == 4
    reports = evidence / OFFICE / "2024" / "reports.csv"
    reports.write_bytes(reports.read_bytes().replace(b"38/BC-VPUB", b""))  # an evidence file: by content
    assert cache.prediction(OFFICE, 2024, AS_OF, AS_OF).total.expected < first.total.expected


@pytest.mark.parametrize("trusted", [True, False])
def test_forwarded_proto_is_believed_only_from_a_trusted_proxy(evidence: Path, data: Path, trusted: bool) -> None:
    process, base = _start(evidence, data, *(["--trusted-proxy", "127.0.0.1"] if trusted else []))
    try:
        body = b"username=lan&password=" + PASSWORD.replace(" ", "+").encode()
        headers = {"X-Forwarded-Proto": "https", "Accept": "application/json"}
        answer = urllib.request.urlopen(urllib.request.Request(base + "/login", body, headers), timeout=10)
        assert ("Secure" in answer.headers["set-cookie"]) is trusted
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_concurrent_uploads_of_one_file_lose_nothing(evidence: Path, data: Path) -> None:
    """Four officers replace the same file at once, three times each: the last accepted upload is on
    disk, every other accepted one is kept as a version with its bytes, nothing is half-written."""
    import threading

    clients = [make_client(evidence, data) for _ in range(4)]
    tokens = [login(c) for c in clients]
    accepted: list[bytes] = []
    lock = threading.Lock()

    def send(i: int) -> None:
        for n in range(3):
            content = GOOD.replace(b"count: 3", f"count: {10 * i + n + 1}".encode())
            response = upload(clients[i], "shared.yaml", content, tokens[i])
            assert response.status_code == 201, response.text
            with lock:
                accepted.append(content)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(accepted) == 12
    on_disk = (evidence / OFFICE / "2024" / "shared.yaml").read_bytes()
    listed = {f["name"]: f for f in clients[0].get(URL).json()["files"]}["shared.yaml"]
    kept = [clients[0].get(v["download"]).content for v in listed["versions"]]
    assert sorted(kept + [on_disk]) == sorted(accepted)
    assert not list((evidence / OFFICE / "2024").glob(".*")) and not list((data / "staging").iterdir())


def test_the_web_reaches_the_library_only_through_api() -> None:
    """The service's modules import the library's `api` (and the types, messages and writers it
    shows), never a stage such as `loading`, `predict` or `engine`."""
    from tests.test_layers import PACKAGE, imports

    allowed = ("scorer.api", "scorer.errors", "scorer.messages", "scorer.models", "scorer.render", "scorer.serve")
    bad = [
        f"{path.name}:{line}: {name}"
        for path in sorted((PACKAGE / "serve").glob("*.py"))
        for line, name in imports(path)
        if name.startswith("scorer") and not any(name == a or name.startswith(a + ".") for a in allowed)
    ]
    assert bad == []


def test_the_web_pages_and_the_html_report_are_written_by_the_same_templates(
    client: TestClient, evidence: Path, runner: CliRunner
) -> None:
    """The unit page holds the `--format html` report's unit section byte for byte, and the risks
    page its at-risk table, each row's id and title linking to the criterion's explanation."""
    login(client)
    common = [
        "--evidence",
        str(evidence),
        "--rules",
        str(RULES),
        "--unit",
        OFFICE,
        "--as-of",
        AS_OF.isoformat(),
        "--lang",
        "vi",
    ]
    report = runner.invoke(main, ["predict", *common, "--format", "html"]).output
    section = report[report.index('<section class="unit"') : report.index("</section>") + len("</section>")]
    assert section.count("<table") == 3 and section in client.get(f"/units/{OFFICE}").text
    risks = runner.invoke(main, ["risks", *common, "--format", "html"]).output
    table = risks[risks.index('<table id="risks">') : risks.index("</table>") + len("</table>")]
    page = client.get(f"/units/{OFFICE}/risks").text
    shown = page[page.index('<table id="risks">') : page.index("</table>") + len("</table>")]
    links = re.findall(r'<a href="([^"]*)">', shown)
    assert len(links) == 2 * (table.count("<tr>") - 1) and links[0].startswith(f"/units/{OFFICE}/criteria/")
    assert re.sub(r'<a href="[^"]*">|</a>', "", shown) == table

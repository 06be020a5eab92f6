"""Problems by key: every message the loaders raise has English and Vietnamese with the same
values, is worded where it is shown (the CLI, the web page, the API) in the reader's language, and
names the files the reader touched, never a staging copy."""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pytest

from scorer import problem_messages
from scorer.errors import Msg, Place, Problem, msg
from tests.conftest import ROOT
from tests.test_serve import OFFICE, client, data, evidence, login, upload, users  # noqa: F401

SOURCE = ROOT / "scorer"
# Keys made from a value (`kind.rate`, `folder_rules`, ...): each family's members, as listed.
FAMILIES = {
    "kind.": ("rate", "percent", "count", "score"),
    "folder_": ("evidence", "rules"),
    "cannot_read_": ("word", "excel"),
    "differs_": ("title", "date", "title_date"),
    "notice.": ("prediction", "risks", "explanation", "track", "backtest", "target", "plan", "form", "template"),
    "cs.block.": ("bonus", "penalty"),
    "yaml_kind.": ("int", "float", "bool"),
    "cs.names.": ("indicator", "document"),
    "cs.holds.": ("number", "date", "bool", "enum", "list", "text"),
    "cs.range.": ("exists", "on_time_share"),
    "one_unit_document_": ("form", "plan"),
}


def test_every_message_has_both_languages_with_the_same_values():
    for key, entry in problem_messages.MESSAGES.items():
        assert set(entry) == {"en", "vi"}, key
        english, vietnamese = problem_messages.fields(entry["en"]), problem_messages.fields(entry["vi"])
        if key.startswith("pydantic."):
            assert english == {"en"} and vietnamese <= {
                "le",
                "lt",
                "ge",
                "gt",
                "expected",
                "min_length",
                "max_length",
                "pattern",
                "actual_length",
                "discriminator",
                "tag",
                "expected_tags",
            }, key
        elif key.startswith("parse_error.") or key in ("os_error.other", "db_error.other"):
            # a parser's or the system's reason: its own words in English, ours in Vietnamese
            assert english == {"en"} and vietnamese <= {"code"}, key
        elif key != "set_title":  # a set's title, in each language its own
            assert english == vietnamese, key
        assert entry["vi"] != entry["en"] or key == "set_title" or not re.search("[a-z]{4}", entry["en"]), key


def test_every_key_the_code_names_is_in_the_catalogue():
    named = set()
    for path in SOURCE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if "\ndef msg(" in text:  # a module wording its own messages (the register import's)
            continue
        named |= set(re.findall(r'\bmsg\(\s*"([a-z0-9_.]+)"', text))
        for prefix in re.findall(r'\bmsg\(\s*f"([a-z_.]+)\{', text):
            if prefix != "pydantic.":
                named |= {prefix + member for member in FAMILIES[prefix]}
    assert named, "no keys found"
    assert sorted(named - set(problem_messages.MESSAGES)) == []


def test_a_problem_is_worded_in_the_readers_language_with_its_paths_named_for_the_reader():
    problem = Problem(
        "/srv/data/staging/u-1/2024/a.xlsx[plan]",
        msg("duplicate_id", id="kh-1", first=Place("/srv/data/staging/u-1/2024/plans.yaml", 3)),
        line=2,
        field="id",
    )
    assert str(problem) == (
        "/srv/data/staging/u-1/2024/a.xlsx[plan]:2: id: duplicate id 'kh-1' "
        "(first at /srv/data/staging/u-1/2024/plans.yaml:3)"
    )

    def name(path: str) -> str:
        return path.rsplit("/", 1)[-1]

    assert problem.text("vi", name) == "a.xlsx[plan]:2: id: trùng mã 'kh-1' (đã có tại plans.yaml:3)"


def test_the_cli_words_problems_in_the_language_asked(runner, office_copy):
    from scorer.cli import main
    from tests.conftest import RULES

    path = office_copy / OFFICE / "2024" / "extra.yaml"
    path.write_text("- {id: kh-cchc-2024, type: plan, kind: par, date: 2024-01-10, title: Kế hoạch}\n", "utf-8")
    args = ["predict", "--evidence", str(office_copy), "--rules", str(RULES), "--as-of", "2024-09-30"]
    vietnamese = runner.invoke(main, [*args, "--lang", "vi"])
    assert vietnamese.exit_code == 1
    plans = office_copy / OFFICE / "2024" / "plans.yaml"
    assert f"{plans}:3: id: trùng mã 'kh-cchc-2024' (đã có tại {path}:1)" in vietnamese.output
    english = runner.invoke(main, [*args, "--lang", "en"])
    assert f"Error: {plans}:3: id: duplicate id 'kh-cchc-2024' (first at {path}:1)" in english.output


def _plan_book(record_id: str) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Kế hoạch"
    sheet.append(["id", "kind", "date", "title", "document_no"])
    sheet.append([record_id, "par", "2024-02-01", "Kế hoạch mới", "9/KH-VP"])
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def test_an_upload_repeating_an_id_names_the_upload_and_the_file_already_there(client):  # noqa: F811
    csrf = login(client)
    refused = upload(client, "minh-chung.xlsx", _plan_book("kh-cchc-2024"), csrf)
    assert refused.status_code == 422
    body = refused.json()
    assert body["errors"] == [
        {
            "file": "minh-chung.xlsx",
            "sheet": "Kế hoạch",
            "row": 2,
            "field": "id",
            "message": "duplicate id 'kh-cchc-2024': plans.yaml:3 on the server already has it",
        }
    ]
    assert "staging" not in refused.text
    vietnamese = client.post(
        f"/api/units/{OFFICE}/evidence/2024",
        files={"file": ("minh-chung.xlsx", _plan_book("kh-cchc-2024"))},
        headers={"X-CSRF-Token": csrf, "Accept-Language": "vi-VN,vi;q=0.9,en;q=0.5"},
    )
    assert vietnamese.json()["errors"][0]["message"] == (
        "trùng mã 'kh-cchc-2024': plans.yaml:3 trên máy chủ đã có mã này"
    )
    assert vietnamese.json()["error"] != body["error"]
    page = client.post(
        f"/units/{OFFICE}/evidence/2024",
        files={"file": ("minh-chung.xlsx", _plan_book("kh-cchc-2024"))},
        data={"csrf": csrf},
    )
    assert "trùng mã &#39;kh-cchc-2024&#39;: plans.yaml:3 trên máy chủ đã có mã này" in page.text
    assert "staging" not in page.text


def test_an_upload_in_a_sheet_named_in_vietnamese_is_accepted(client):  # noqa: F811
    csrf = login(client)
    assert upload(client, "minh-chung.xlsx", _plan_book("kh-moi-2024"), csrf).status_code == 201


@pytest.mark.parametrize("key", sorted(problem_messages.MESSAGES))
def test_every_message_words_in_both_languages(key):
    entry = problem_messages.MESSAGES[key]
    values = {name: "x" for name in problem_messages.fields(entry["en"]) | problem_messages.fields(entry["vi"])}
    for lang in ("en", "vi"):
        assert Msg(key, tuple(values.items())).text(lang)


def test_no_regular_expression_turns_english_vietnamese():
    text = (SOURCE / "messages.py").read_text(encoding="utf-8")
    assert "PROBLEM_PHRASES_VI" not in text and "re.compile" not in text
    assert isinstance(Path, type)


def test_api_errors_honour_accept_language(client):  # noqa: F811
    # Vietnamese unless the request prefers English (what a user reads is Vietnamese by default)
    english = client.get("/api/session", headers={"Accept-Language": "en-US,en;q=0.9"}).json()["error"]
    assert client.get("/api/session").json()["error"] != english
    vietnamese = client.get("/api/session", headers={"Accept-Language": "vi-VN,vi;q=0.9"}).json()["error"]
    assert client.get("/api/session").json()["error"] == vietnamese
    preferred = client.get("/api/session", headers={"Accept-Language": "en;q=0.4, vi;q=0.8"}).json()["error"]
    assert vietnamese != english and vietnamese == preferred
    assert re.search("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", vietnamese.lower())
    assert client.get("/api/session", headers={"Accept-Language": "fr, en;q=0.5"}).json()["error"] == english


def test_a_hint_in_vietnamese_writes_numbers_as_a_vietnamese_spreadsheet_takes_them():
    from scorer.errors import wording
    from scorer.models.message import number_hint

    assert wording(number_hint(87.5), "vi") == "có phải là 0,875 (87,5%)? ghi 0,875 hoặc 87,5%"
    assert wording(number_hint(87.5), "en") == "is it 0.875 (87.5%)? write 0.875 or 87.5%"
    assert wording(number_hint(85), "vi") == (
        "có phải là 0,85 (85%)? ghi 0,85 hoặc 85%; hoặc: 0.085 bị đọc thành 85? bảng tính đặt ngôn ngữ tiếng Việt coi '.' "
        "là dấu phân cách hàng nghìn: ghi 0,085 hoặc định dạng cột là văn bản (Text)"
    )

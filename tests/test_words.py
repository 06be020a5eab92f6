"""The refusals whose words came from elsewhere (the system, a parser, the database, click's usage
errors) worded by the catalogue: Vietnamese by default, English on request, exact text."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from scorer.cli import main
from tests.conftest import EVIDENCE, RULES, error_lines, write_unit

AS_OF = ["--as-of", "2024-09-30"]


def _evidence_file(tmp_path: Path, name: str, text: str) -> Path:
    unit = write_unit(tmp_path / "ev", "u", {})
    (unit / "2024").mkdir()
    (unit / "2024" / name).write_text(text, encoding="utf-8")
    return unit / "2024" / name


@pytest.mark.parametrize(
    ("name", "text", "vi", "en"),
    [
        (
            "e.yaml",
            "- id: a\n  type: plan\n  title: Kế hoạch: CCHC\n",
            "3: YAML không hợp lệ: dấu ':' không dùng được ở đây (một giá trị có dấu ':' phải đặt trong ngoặc kép)",
            "3: invalid YAML: mapping values are not allowed in this context",
        ),
        (
            "e.yaml",
            "- id: a\n\ttype: plan\n",
            "2: YAML không hợp lệ: có ký tự tab: chỉ thụt lề bằng dấu cách",
            "2: invalid YAML: found a tab character that violates indentation",
        ),
        (
            "e.yaml",
            "- {id: a, type: plan\n",
            "2: YAML không hợp lệ: dấu ngoặc mở mà không đóng đúng chỗ",
            "2: invalid YAML: did not find expected ',' or '}'",
        ),
        (
            "e.yaml",
            "- {id: a, type: plan, date: 2024-01-01, tasks_total: !!int x}\n",
            "1: 'x' không phải số nguyên hợp lệ",
            "1: 'x' is not a valid int",
        ),
        (
            "e.yaml",
            "- {id: b, type: survey, date: 2024-05-01, instrument: citizens, source: internal, criterion: 8.1, share: 0.9}\n",
            "1: criterion: Giá trị phải là văn bản, nhận được 8.1 (ghi trong dấu nháy đúng như đã gõ, '1.10' chứ không "
            "phải 1.10, để YAML đọc là văn bản)",
            "1: criterion: Input should be a valid string, got 8.1 (write it in quotes as typed, '1.10' not 1.10, so "
            "that YAML reads it as text)",
        ),
        (
            "e.csv",
            'id,type,date\n"a,plan,2024-01-01\n',
            "2: CSV không hợp lệ: dấu ngoặc kép mở mà không đóng",
            "2: invalid CSV: unexpected end of data",
        ),
    ],
)
def test_a_parser_s_reason_is_worded_in_the_run_s_language(runner, tmp_path, name, text, vi, en):
    path = _evidence_file(tmp_path, name, text)
    for lang, expected in (("vi", f"Lỗi: {path}:{vi}"), ("en", f"Error: {path}:{en}")):
        result = runner.invoke(
            main, ["validate", "--evidence", str(tmp_path / "ev"), "--rules", str(RULES), "--lang", lang]
        )
        assert result.exit_code == 1
        assert error_lines(result.output)[0] == expected


def test_a_project_file_that_is_not_toml_is_named_by_its_line(runner, tmp_path, monkeypatch, vietnamese_default):
    (tmp_path / "scorer.toml").write_text('evidence = "ev"\nlang = \n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["validate"])
    assert result.exit_code == 1
    assert error_lines(result.output) == [f"Lỗi: {tmp_path / 'scorer.toml'}:2: không đọc được tệp TOML: sai cú pháp"]
    result = runner.invoke(main, ["validate", "--lang", "en"])
    assert error_lines(result.output) == [
        f"Error: {tmp_path / 'scorer.toml'}:2: not a readable TOML file: Invalid value"
    ]


@pytest.mark.parametrize(
    ("args", "vi", "en"),
    [
        (
            ["predict", "--format", "md", "-o", "x.xlsx"],
            "--format md không khớp với --output x.xlsx: tệp .xlsx chứa định dạng xlsx",
            "--format md does not match --output x.xlsx: a .xlsx file holds xlsx",
        ),
        (
            ["risks", "-o", "x.docx"],
            "lệnh này không ghi được tệp .docx (--format table|json|csv|md|html); "
            "hãy đặt tên tệp --output có đuôi phù hợp",
            "this command cannot write a .docx file (--format table|json|csv|md|html); "
            "give --output a matching extension",
        ),
        (
            ["predict", "--format", "xlsx"],
            "--format xlsx cần --output TỆP",
            "--format xlsx needs --output FILE",
        ),
        (
            ["plan", "--year", "2023", "--format", "docx"],
            "--format docx cần --output TỆP",
            "--format docx needs --output FILE",
        ),
        (
            ["form"],
            "biểu tự đánh giá là sổ tính: cần --output TỆP.xlsx",
            "the form is a workbook: it needs --output FILE.xlsx",
        ),
        (
            ["backtest", "--compare"],
            "--format html và --compare cần có --track",
            "--format html and --compare need --track",
        ),
    ],
)
def test_usage_errors_in_the_run_s_language(runner, args, vi, en, monkeypatch, vietnamese_default):
    monkeypatch.chdir(EVIDENCE.parent)
    result = runner.invoke(main, args)
    assert result.exit_code == 2, result.output
    assert result.output.endswith(f"\nLỗi: {vi}\n")
    result = runner.invoke(main, [*args, "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert result.output.endswith(f"\nError: {en}\n")


def test_a_usage_error_as_a_person_runs_it(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "scorer", "predict", *AS_OF, "--format", "md", "-o", str(tmp_path / "x.docx")],
        capture_output=True,
        text=True,
        cwd=EVIDENCE.parent,
        env={k: v for k, v in os.environ.items() if k != "SCORER_LANG"},
    )
    assert run.returncode == 2
    assert run.stderr.endswith(
        f"\nLỗi: --format md không khớp với --output {tmp_path / 'x.docx'}: tệp .docx chứa định dạng docx\n"
    )


def test_a_file_that_is_no_database_is_named_in_words(runner, tmp_path, vietnamese_default):
    data = tmp_path / "data"
    data.mkdir()
    (data / "scorer.sqlite3").write_bytes(b"not a database at all" * 100)
    result = runner.invoke(main, ["user", "list", "--data", str(data)])
    assert result.exit_code == 1
    assert error_lines(result.output) == [
        f"Lỗi: {data / 'scorer.sqlite3'}: cơ sở dữ liệu của dịch vụ bị hỏng hoặc không phải một cơ sở dữ liệu "
        "(tệp không phải là cơ sở dữ liệu) (khôi phục tệp từ bản sao lưu, hoặc chuyển tệp đi nơi khác để bắt đầu "
        "lại khi chưa có người dùng)"
    ]
    result = runner.invoke(main, ["user", "list", "--data", str(data)], env={"SCORER_LANG": "en"})
    assert error_lines(result.output) == [
        f"Error: {data / 'scorer.sqlite3'}: the service's database is damaged or not one "
        "(the file is not a database) (restore it from a backup, or move it away to start with no users)"
    ]


def test_the_database_s_reasons_are_all_in_the_catalogue():
    from scorer.problem_messages import MESSAGES, db_reason

    for code in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_FULL):
        error = sqlite3.DatabaseError("x")
        error.sqlite_errorcode = code  # type: ignore[attr-defined]
        reason = db_reason(error)
        assert not isinstance(reason, str) and reason.key in MESSAGES
        assert reason.text("vi") != reason.text("en")
    # an error the catalogue does not word keeps its code in Vietnamese and its words in English
    other = sqlite3.DatabaseError("something new")
    assert db_reason(other).text("vi") == "lỗi cơ sở dữ liệu (?)"
    assert db_reason(other).text("en") == "something new"


def test_a_province_s_register_rules_are_checked_in_the_run_s_language(runner, tmp_path, vietnamese_default):
    rules = tmp_path / "so-dang-ky.yaml"
    rules.write_text(
        "rules:\n  - id: x\n    record: {id: a}\n    kinds: [KH]\n  - id: y\n    record: {type: plan}\n",
        encoding="utf-8",
    )
    args = ["register", "import", str(tmp_path / "so.xlsx"), "--unit", "van-phong-ubnd-tinh"]
    args += ["--evidence", str(EVIDENCE), "--rules", str(RULES), "--register-rules", str(rules)]
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    assert error_lines(result.output) == [
        f"Lỗi: {rules}:2: rules.0: record cần có 'type' (plan, report, inspection, ...)",
        f"Lỗi: {rules}:5: rules.1: mỗi quy tắc cần 'kinds' hoặc 'all' (nếu không sẽ khớp với mọi văn bản)",
    ]
    result = runner.invoke(main, [*args, "--lang", "en"])
    assert error_lines(result.output) == [
        f"Error: {rules}:2: rules.0: record needs its 'type' (plan, report, inspection, ...)",
        f"Error: {rules}:5: rules.1: a rule needs 'kinds' or 'all' (it would match every document)",
    ]


def test_a_register_csv_s_reason_is_worded_in_the_run_s_language(runner, tmp_path, vietnamese_default):
    register = tmp_path / "so.csv"
    register.write_text('Số, ký hiệu;Ngày tháng;Trích yếu\n"12/KH-VP;12/03/2024;Kế hoạch\n', encoding="utf-8")
    args = ["register", "import", str(register), "--unit", "van-phong-ubnd-tinh", "-o", str(tmp_path / "x.yaml")]
    args += ["--evidence", str(EVIDENCE), "--rules", str(RULES)]
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    assert error_lines(result.output) == [f"Lỗi: {register}:2: tệp CSV không hợp lệ: dấu ngoặc kép mở mà không đóng"]
    result = runner.invoke(main, [*args, "--lang", "en"])
    assert error_lines(result.output) == [f"Error: {register}:2: invalid CSV: unexpected end of data"]


def test_the_web_service_s_commands_speak_vietnamese_by_default(runner, tmp_path, vietnamese_default):
    args = ["user", "add", "hoa", "--unit", "van-phong-ubnd-tinh", "--password-stdin", "--data", str(tmp_path)]
    password = "một câu mật khẩu đủ dài\n"
    result = runner.invoke(main, args, input=password)
    assert result.exit_code == 0, result.output
    assert result.output == "Đã thêm người dùng hoa: van-phong-ubnd-tinh\n"
    again = runner.invoke(main, args, input=password)
    assert again.exit_code == 1
    assert error_lines(again.output) == [f"Lỗi: {tmp_path / 'scorer.sqlite3'}: NAME: người dùng 'hoa' đã có"]
    passwd = ["user", "passwd", "hoa", "--password-stdin", "--data", str(tmp_path)]
    assert runner.invoke(main, passwd, input="một câu mật khẩu mới khác\n").output == "Đã đặt mật khẩu mới cho hoa\n"
    served = runner.invoke(main, ["serve", "--data", str(tmp_path), "--rules", str(tmp_path / "khong-co")])
    assert served.exit_code == 1
    assert error_lines(served.output) == [
        f"Lỗi: {tmp_path / 'khong-co'}: không tìm thấy thư mục bộ tiêu chí (ghi --rules THƯ_MỤC, thư mục chứa các "
        "bộ tiêu chí)"
    ]


@pytest.mark.parametrize(
    ("args", "vi"),
    [
        (["target", "ninety"], "Giá trị không hợp lệ cho 'TARGET': 'ninety' không phải là một số."),
        (
            ["predict", "--as-of", "31/02/2024"],
            "Giá trị không hợp lệ cho '--as-of': '31/02/2024' không phải là ngày có thật",
        ),
    ],
)
def test_a_value_click_refuses_is_worded_in_vietnamese(runner, args, vi, monkeypatch, vietnamese_default):
    monkeypatch.chdir(EVIDENCE.parent)
    result = runner.invoke(main, args)
    assert result.exit_code == 2, result.output
    assert result.output.endswith(f"\nLỗi: {vi}\n")


def test_a_file_that_is_not_a_mapping_says_what_it_needs_in_words(runner, tmp_path, vietnamese_default):
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "a.yaml").write_text("- name: x\n", encoding="utf-8")
    result = runner.invoke(main, ["test", str(cases), "--rules", str(RULES)])
    assert error_lines(result.output)[0] == (
        f"Lỗi: {cases / 'a.yaml'}:1: cần một bảng tên: giá trị có 'criteria' và 'cases'"
    )
    result = runner.invoke(main, ["test", str(cases), "--rules", str(RULES), "--lang", "en"])
    assert (
        error_lines(result.output)[0] == f"Error: {cases / 'a.yaml'}:1: expected a mapping with 'criteria' and 'cases'"
    )
    unit = tmp_path / "ev" / "u"
    unit.mkdir(parents=True)
    (unit / "unit.yaml").write_text("- u\n", encoding="utf-8")
    result = runner.invoke(main, ["validate", "--evidence", str(tmp_path / "ev"), "--rules", str(RULES)])
    assert error_lines(result.output)[0] == f"Lỗi: {unit / 'unit.yaml'}:1: cần một bảng tên: giá trị có id và name"


def test_points_in_a_vietnamese_message_have_a_decimal_comma(runner, office_copy, tmp_path, vietnamese_default):
    import yaml

    folder = office_copy / "van-phong-ubnd-tinh" / "2023"
    official = yaml.safe_load((folder / "official.yaml").read_text(encoding="utf-8"))
    official["appraised"]["1.3.1"] = 1.5
    (folder / "official.yaml").write_text(yaml.safe_dump(official, allow_unicode=True, sort_keys=False), "utf-8")
    args = [
        "form",
        "--evidence",
        str(office_copy),
        "--rules",
        str(RULES),
        "--year",
        "2023",
        "-o",
        str(tmp_path / "f.xlsx"),
    ]
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    (error,) = [line for line in result.output.splitlines() if line.startswith("Lỗi:")]
    assert error.endswith("appraised.1.3.1: 1,5 điểm lớn hơn điểm tối đa 1 của tiêu chí 1.3.1"), error
    result = runner.invoke(main, [*args, "--lang", "en"])
    (error,) = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert error.endswith("appraised.1.3.1: 1.5 points are more than criterion 1.3.1's maximum 1"), error


# A title cut off mid-phrase: "… chuyển đổi số năm" read as a plan of a year never named.
DANGLING = ("năm", "của", "và", "về", "cho", "các")


@pytest.mark.parametrize("year", [2023, 2024])
def test_no_criterion_title_ends_in_a_dangling_word(year):
    """Every title the forecast, the risks, the form and the plan print, of both shipped sets: none
    ends in a word that waits for the next ('năm' unless 'hằng năm', 'của', 'và', ...)."""
    from scorer.loading import load_criteria
    from scorer.loading.vocabulary import product_vocabulary

    cs = load_criteria(RULES / f"criteria_{year}.yaml")
    titles = {f"area {a.id}": a.title for a in cs.areas}
    titles |= {f"heading {h}": n.title for a in cs.areas for h, n in a.headings.items()}
    titles |= {n.id: n.title for n in cs.nodes()}
    titles |= {c.id: c.title for c in cs.criteria()}
    titles |= {f"vocabulary {k}": v.title for k, v in product_vocabulary().criteria.items()}
    dangling = {}
    for where, title in titles.items():
        words = title.rstrip(" .:;,").split()
        if words[-1].lower() in DANGLING and words[-2:] != ["hằng", "năm"]:
            dangling[where] = title
    assert dangling == {}
    found = cs.criterion("7.1.1")
    assert found is not None and found.title.endswith("chuyển đổi số hằng năm")

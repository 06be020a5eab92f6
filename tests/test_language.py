"""Vietnamese by default, English on request (--lang, SCORER_LANG, the project file), and every
command works from any folder of the project."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from scorer.cli import main
from tests.conftest import ROOT

AS_OF = ["--as-of", "2024-09-30"]


@pytest.fixture
def project(tmp_path):
    """A copy of the shipped project (rules and evidence), with a subfolder to work from."""
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    shutil.copytree(ROOT / "evidence", tmp_path / "evidence")
    (tmp_path / "work" / "notes").mkdir(parents=True)
    return tmp_path


def test_predict_without_lang_is_vietnamese(runner, vietnamese_default, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(main, ["predict", *AS_OF])
    assert result.exit_code == 0, result.output
    assert "Tổng cộng" in result.output and "Total" not in result.output
    assert "91,46" in result.output and "91.46" not in result.output


@pytest.mark.parametrize("how", ["flag", "env", "file"])
def test_english_is_chosen_by_flag_environment_or_project_file(runner, vietnamese_default, monkeypatch, project, how):
    monkeypatch.chdir(project)
    args = ["predict", *AS_OF]
    if how == "flag":
        args += ["--lang", "en"]
    elif how == "env":
        monkeypatch.setenv("SCORER_LANG", "en")
    else:
        (project / "scorer.toml").write_text('lang = "en"\n', encoding="utf-8")
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Total" in result.output and "91.46" in result.output


def test_the_flag_wins_over_the_environment(runner, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("SCORER_LANG", "en")
    result = runner.invoke(main, ["predict", *AS_OF, "--lang", "vi"])
    assert "Tổng cộng" in result.output


def test_a_mistyped_environment_language_is_a_usage_error(runner, monkeypatch, tmp_path):
    """Refused in Vietnamese (no language is chosen), or in the project file's language."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("SCORER_LANG", "vn")
    result = runner.invoke(main, ["predict", *AS_OF])
    assert result.exit_code == 2
    assert result.output.endswith(
        "\nLỗi: SCORER_LANG=vn không phải là ngôn ngữ: đặt là vi (tiếng Việt) hoặc en (tiếng Anh)\n"
    )
    (tmp_path / "scorer.toml").write_text('lang = "en"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["predict", *AS_OF])
    assert result.exit_code == 2
    assert result.output.endswith("\nError: SCORER_LANG=vn is not a language: set it to vi or en\n")


def test_commands_run_from_a_subfolder_of_the_project(runner, vietnamese_default, monkeypatch, project):
    monkeypatch.chdir(project / "work" / "notes")
    result = runner.invoke(main, ["explain", "1.2", *AS_OF])
    assert result.exit_code == 0, result.output
    # evidence files are named as the user reaches them from here
    assert "../../evidence/van-phong-ubnd-tinh/2024/reports.csv:2" in result.output
    validated = runner.invoke(main, ["validate"])
    assert validated.exit_code == 0, validated.output
    assert validated.output.startswith("Hợp lệ: criteria_2024.yaml (66 tiêu chí), 1 đơn vị")


def test_a_project_file_names_the_folders(runner, monkeypatch, project):
    (project / "data").mkdir()
    shutil.move(project / "rules", project / "data" / "bo-tieu-chi")
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.scorer]\nrules = "data/bo-tieu-chi"\nlang = "en"\n', encoding="utf-8"
    )
    monkeypatch.chdir(project / "work")
    monkeypatch.delenv("SCORER_LANG")
    result = runner.invoke(main, ["predict", *AS_OF])
    assert result.exit_code == 0, result.output
    assert "Total" in result.output


def test_a_project_file_with_an_unknown_key_is_named(runner, monkeypatch, project):
    (project / "scorer.toml").write_text('rule = "rules"\n', encoding="utf-8")
    monkeypatch.chdir(project)
    result = runner.invoke(main, ["predict", *AS_OF])
    assert result.exit_code == 1
    assert f"{project / 'scorer.toml'}: unknown key 'rule' (the keys are evidence, rules and lang)" in result.output


@pytest.mark.parametrize("args", [["predict"], ["validate", "--year", "2024"], ["predict", "--as-of", "30/09/2024"]])
def test_outside_a_project_the_error_says_where_it_looked(runner, vietnamese_default, monkeypatch, tmp_path, args):
    """With a year or without, the same words: a year's set named by its path in a folder that is
    not there would send the officer looking for one file, where no rules folder was found at all."""
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert first.startswith("Lỗi: rules: ")
    assert f"không có scorer.toml, [tool.scorer] hay thư mục rules/ ở {tmp_path}, {tmp_path.parent}" in first


def test_errors_and_validate_speak_the_language(runner, vietnamese_default, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(main, ["predict", "--unit", "van-phong"])
    assert result.exit_code == 1
    assert result.output.startswith("Lỗi: evidence: ")
    english = runner.invoke(main, ["predict", "--unit", "van-phong", "--lang", "en"])
    assert english.output.startswith("Error: evidence: no unit 'van-phong'")


def test_a_real_subprocess_from_a_subfolder_is_vietnamese(project):
    env = {k: v for k, v in __import__("os").environ.items() if k != "SCORER_LANG"}
    done = subprocess.run(
        [sys.executable, "-m", "scorer", "risks", *AS_OF],
        cwd=project / "work",
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert "Tiêu chí có nguy cơ mất điểm" in done.stdout


TABLE_COMMANDS = [
    ["predict", *AS_OF],
    ["predict", "--year", "2023"],
    ["risks", *AS_OF],
    ["explain", "1.2", *AS_OF],
    ["explain", "1.7", *AS_OF],
    ["target", "95", *AS_OF],
    ["backtest", "--year", "2023"],
    ["backtest", "--year", "2023", "--track"],
    ["criteria", "diff", "rules/criteria_2023.yaml", "rules/criteria_2024.yaml"],
    ["test"],
]


@pytest.mark.parametrize("columns", [80, 120])
@pytest.mark.parametrize("args", TABLE_COMMANDS, ids=[" ".join(a[:2]) for a in TABLE_COMMANDS])
def test_tables_fit_the_terminal(runner, vietnamese_default, monkeypatch, args, columns):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(main, args, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    widest = max(len(line) for line in result.output.splitlines())
    assert widest <= columns, [line for line in result.output.splitlines() if len(line) > columns][:3]


def test_a_narrow_terminal_is_read_as_80_and_a_pipe_keeps_the_full_width(runner, vietnamese_default, monkeypatch):
    monkeypatch.chdir(ROOT)
    narrow = runner.invoke(main, ["risks", *AS_OF], env={"COLUMNS": "40"}).output
    assert max(len(line) for line in narrow.splitlines()) <= 80
    assert "Nhiệm vụ, giải pháp: Theo dõi tiến độ" in narrow  # every field is still there
    full = runner.invoke(main, ["risks", *AS_OF]).output
    assert max(len(line) for line in full.splitlines()) > 150


def test_an_output_file_keeps_the_full_width(runner, vietnamese_default, monkeypatch, tmp_path):
    monkeypatch.chdir(ROOT)
    target = tmp_path / "risks.txt"
    assert runner.invoke(main, ["risks", *AS_OF, "-o", str(target)], env={"COLUMNS": "80"}).exit_code == 0
    assert max(len(line) for line in target.read_text(encoding="utf-8").splitlines()) > 150


def test_help_is_vietnamese_by_default_and_english_on_request(runner, vietnamese_default):
    from scorer import helptext

    page = runner.invoke(main, ["predict", "--help"], prog_name="scorer").output
    assert page.startswith("Cách dùng: scorer predict [TÙY_CHỌN]")
    assert "Tùy chọn:" in page and "Thư mục chứa thư mục các đơn vị" in page and "[mặc định: 30;" in page
    assert "Options:" not in page and "Folder of unit folders" not in page
    top = runner.invoke(main, ["--help"], prog_name="scorer").output
    assert "Lệnh:" in top and "Hiện hướng dẫn này rồi thoát." in top
    english = runner.invoke(main, ["predict", "--help", "--lang", "en"], prog_name="scorer").output
    assert english.startswith("Usage: scorer predict [OPTIONS]") and "Folder of unit folders" in english
    assert runner.invoke(main, ["--help"], env={"SCORER_LANG": "en"}).output.count("Commands:") == 1
    # every command has its Vietnamese description
    import click

    def paths(group: click.Group, prefix: str = "") -> list[str]:
        found = []
        for name, command in group.commands.items():
            found.append(f"{prefix}{name}")
            if isinstance(command, click.Group):
                found += paths(command, f"{prefix}{name} ")
        return found

    assert sorted(set(paths(main)) - set(helptext.COMMANDS)) == []


def test_init_starts_a_unit_that_validates_and_predicts(runner, vietnamese_default, monkeypatch, tmp_path):
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    (tmp_path / "notes").mkdir()
    monkeypatch.chdir(tmp_path / "notes")
    result = runner.invoke(main, ["init", "so-tu-phap", "--name", "Sở Tư pháp"])
    assert result.exit_code == 0, result.output
    unit = tmp_path / "evidence" / "so-tu-phap"
    text = (unit / "unit.yaml").read_text(encoding="utf-8")
    assert 'kind: "Sở"' in text and 'organisation: "Bộ phận tổ chức, hành chính của đơn vị"' in text
    assert "# chủ trì tiêu chí 1.1.1, 1.1.2" in text
    import openpyxl

    # The year's workbook is the Vietnamese template: sheets and heads in Vietnamese, with the guide.
    book = openpyxl.load_workbook(unit / "2024" / "evidence.xlsx")
    assert book.sheetnames[0] == "_hướng dẫn" and "Báo cáo" in book.sheetnames
    assert [c.value for c in book["Báo cáo"][1]][:5] == [
        "Mã số",
        "Số, ký hiệu văn bản",
        "Ngày ban hành",
        "Trích yếu",
        "Kỳ báo cáo",
    ]
    assert result.output.startswith("Đã tạo ../evidence/so-tu-phap/unit.yaml")
    assert runner.invoke(main, ["validate"]).exit_code == 0
    risks = runner.invoke(main, ["risks", "--format", "md"])
    assert risks.exit_code == 0 and "của Sở" in risks.output and "Văn phòng" not in risks.output
    again = runner.invoke(main, ["init", "so-tu-phap", "--name", "Sở Tư pháp"])
    assert again.exit_code == 1
    assert again.output.startswith("Lỗi: ") and "đơn vị này đã có: init chỉ tạo đơn vị mới" in again.output
    bad = runner.invoke(main, ["init", "Sở Tư pháp", "--name", "Sở Tư pháp"])
    assert bad.exit_code == 1 and "chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ: so-tu-phap)" in bad.output
    english = runner.invoke(main, ["init", "Sở Tư pháp", "--name", "Sở Tư pháp", "--lang", "en"])
    assert english.exit_code == 1 and "lower-case letters, digits and hyphens (e.g. so-tu-phap)" in english.output


def test_init_where_no_project_is_starts_one_with_the_model_sets(runner, vietnamese_default, monkeypatch, tmp_path):
    # A new officer's first command, in an empty folder: it used to send them to `scorer init`.
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["init", "so-noi-vu", "--name", "Sở Nội vụ"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "Chưa có dự án ở đây hay thư mục trên: đã tạo dự án ở đây, với các bộ tiêu chí mẫu trong rules/ "
        "(mới nhất là năm 2024: đưa quyết định của tỉnh vào bằng `scorer criteria import`) và tệp scorer.toml."
    )
    for name in ("criteria_2023.yaml", "criteria_2024.yaml", "register.yaml"):
        assert (tmp_path / "rules" / name).read_bytes() == (ROOT / "rules" / name).read_bytes()
    assert (tmp_path / "scorer.toml").read_text(encoding="utf-8").splitlines()[1:] == [
        'evidence = "evidence"',
        'rules = "rules"',
        'lang = "vi"',
    ]
    assert (tmp_path / "evidence" / "so-noi-vu" / "2024" / "evidence.xlsx").is_file()
    assert runner.invoke(main, ["validate"]).exit_code == 0
    forecast = runner.invoke(main, ["predict", "--as-of", "2024-09-30", "--format", "json"])
    assert forecast.exit_code == 0 and json.loads(forecast.output)["units"][0]["unit"] == "so-noi-vu"
    # The next unit joins the project now found here: nothing is copied again.
    (tmp_path / "rules" / "criteria_2024.yaml").touch()
    second = runner.invoke(main, ["init", "so-tu-phap", "--name", "Sở Tư pháp", "--lang", "en"])
    assert second.exit_code == 0 and second.output.startswith("Wrote evidence/so-tu-phap/unit.yaml")


@pytest.mark.parametrize(
    ("args", "vietnamese"),
    [
        (["predict", "--formt", "json"], "Lỗi: Không có tùy chọn '--formt'. Có phải là '--format'?"),
        (["explain"], "Lỗi: Thiếu tham số 'CRITERION_ID'."),
        (["predict", "--year", "abc"], "Lỗi: Giá trị không hợp lệ cho '--year': 'abc' không phải là số nguyên."),
        (["predict", "--format", "xlsx"], "Lỗi: --format xlsx cần --output TỆP"),
        (["init", "x"], "Lỗi: Thiếu tùy chọn '--name'."),
    ],
)
def test_usage_errors_are_vietnamese_by_default(runner, vietnamese_default, monkeypatch, args, vietnamese):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(main, args, prog_name="scorer")
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert lines[0].startswith("Cách dùng: scorer ") and lines[-1] == vietnamese
    assert f"Thử 'scorer {args[0]} --help' để xem hướng dẫn." in lines
    english = runner.invoke(main, [*args, "--lang", "en"], prog_name="scorer")
    assert english.exit_code == 2 and english.output.splitlines()[-1].startswith("Error: ")


def test_an_unknown_owner_is_refused_in_the_runs_language(runner, vietnamese_default, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(main, ["risks", "--owner", "organisaton", "--as-of", "2024-09-30"])
    assert result.exit_code == 2
    line = result.output.strip().splitlines()[-1]
    assert line.startswith("Lỗi: --owner 'organisaton' không phải là vai trò chủ trì hay tên một phòng, ban.")
    assert line.endswith("(có phải là 'organisation'?).") and "Roles" not in line

"""`scorer criteria import`: appendix tables in both layouts, written as real .docx and .xlsx files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from decision_tables import (
    DECISION_TEXT,
    HEAD,
    OPTION_ROWS,
    TEXT_HEAD,
    TEXT_ROWS,
    write_docx,
    write_docx_split,
    write_xlsx,
)
from conftest import error_lines
from scorer.cli import main
from scorer.importer import band_min, fold, parse_points, text_options

ROOT = Path(__file__).resolve().parent.parent


def imported(runner, source: Path, tmp_path: Path) -> tuple[dict[str, Any], Any]:
    target = tmp_path / "draft.yaml"
    # No known sets: what the table alone gives (tests/test_wiring.py copies from rules/).
    result = runner.invoke(
        main, ["criteria", "import", str(source), "-o", str(target), "--rules", str(tmp_path / "none")]
    )
    assert result.exit_code == 0, result.output
    return yaml.safe_load(target.read_text(encoding="utf-8")), result


def tree(data: dict[str, Any]) -> list[tuple[str, float, str | None]]:
    """(id, max, rule kind or None for a node) for every area, criterion and sub-criterion."""
    rows: list[tuple[str, float, str | None]] = []
    for area in data["areas"]:
        rows.append((area["id"], area["max"], None))
        for member in area["criteria"]:
            if "criteria" in member:
                rows.append((member["id"], member["max"], None))
                rows += [(c["id"], c["max"], (c.get("rule") or {}).get("kind")) for c in member["criteria"]]
            else:
                rows.append((member["id"], member["max"], (member.get("rule") or {}).get("kind")))
    return rows


def leaf(data: dict[str, Any], cid: str) -> dict[str, Any]:
    for area in data["areas"]:
        for member in area["criteria"]:
            for c in member.get("criteria", [member]):
                if c["id"] == cid:
                    return c
    raise KeyError(cid)


OPTION_TREE = [
    ("1", 10, None),
    ("1.1", 5, None),
    ("1.1.1", 1, "timeliness"),
    ("1.1.2", 1, "binary"),
    ("1.1.3", 3, "bands"),
    ("1.2", 2, None),
    ("1.2.1", 1, "all_or_nothing"),
    ("1.2.2", 1, "binary"),
    ("1.3", 3, "deductions"),
    ("2", 6, None),
    ("2.1", 4, "linear"),
    ("2.2", 2, "survey"),
]


def test_options_as_rows_in_a_word_table(runner, tmp_path):
    source = write_docx(tmp_path / "qd.docx", HEAD, OPTION_ROWS, DECISION_TEXT)
    data, result = imported(runner, source, tmp_path)
    assert tree(data) == OPTION_TREE
    assert error_lines(result.stderr)[-1].startswith("Wrote ")
    assert data["provenance"] == {
        "kind": "decision",
        "number": "123/QĐ-UBND",
        "date": "2025-03-12",
        "issuer": "ỦY BAN NHÂN DÂN TỈNH MẪU",
    }
    assert (data["year"], data["scale"], data["decision"]) == (2025, 16, "123/QĐ-UBND")
    plan = leaf(data, "1.1.1")
    assert plan["rule"] == {"kind": "timeliness", "metric": "TODO", "on_time": 1, "late": 0.5, "missing": 0}
    assert plan["method_text"] == "Ban hành đúng thời hạn: 1\nBan hành chậm: 0,5\nKhông ban hành: 0"
    assert plan["proofs"] == [{"id": "p1", "title": "Kế hoạch CCHC năm"}]
    assert leaf(data, "1.1.3")["rule"]["bands"] == [{"min": 0.9, "points": 3}, {"min": 0.7, "points": 1.5}]
    assert leaf(data, "1.3")["rule"] == {"kind": "deductions", "metric": "TODO", "step": 0.5}
    dossiers = leaf(data, "2.1")
    assert dossiers["not_arising"] == "full" and dossiers["rule"]["target"] == 1
    survey = leaf(data, "2.2")
    assert (survey["source"], survey["rule"]) == ("citizens_survey", {"kind": "survey", "instrument": "citizens"})
    assert data["components"]["citizens_survey"]["max"] == 2 and data["components"]["appraisal"]["max"] == 14
    assert data["bonus"]["max"] == 2 and data["bonus"]["items"][0]["title"] == "Sáng kiến CCHC được UBND tỉnh công nhận"
    assert all("owner and remedy" in leaf(data, cid)["todo"] for cid, _, kind in OPTION_TREE if kind)


def test_text_in_a_column_of_a_workbook(runner, tmp_path):
    source = write_xlsx(tmp_path / "qd.xlsx", TEXT_HEAD, TEXT_ROWS, ["PHỤ LỤC", "Bộ tiêu chí đánh giá năm 2025", ""])
    data, _ = imported(runner, source, tmp_path)
    assert tree(data) == [
        ("1", 6, None),
        ("1.1", 3, None),
        ("1.1.1", 1, "timeliness"),
        ("1.1.2", 2, "bands"),
        ("1.2", 1, "all_or_nothing"),
        ("1.3", 2, "binary"),
        ("2", 4, None),
        ("2.1", 2.5, "linear"),
        ("2.2", 1.5, "survey"),
    ]
    assert leaf(data, "1.1.2")["method_text"] == "Trên 90%: 2; từ 70% đến 90%: 1; dưới 70%: 0"
    assert leaf(data, "1.1.2")["rule"]["bands"] == [{"above": 0.9, "points": 2}, {"min": 0.7, "points": 1}]
    assert leaf(data, "1.1.1")["rule"]["late"] == 0.5
    assert [p["title"] for p in leaf(data, "1.3")["proofs"]] == ["Giấy mời", "Biên bản", "Thông báo kết luận"]
    assert leaf(data, "2.2")["rule"]["instrument"] == "leaders" and leaf(data, "2.2")["source"] == "leaders_survey"
    assert data["year"] == 2025 and data["scale"] == 10


def test_a_table_with_extra_columns_blank_rows_a_two_row_header_and_column_numbers(runner, tmp_path):
    head = ["Số TT", "Nội dung đánh giá", "Điểm", "Ghi chú khác", "Hướng dẫn chấm điểm"]
    sub = ["", "", "Tối đa", "", ""]
    numbers = ["(1)", "(2)", "(3)", "(4)", "(5)"]
    rows = [
        sub,
        numbers,
        ["I.", "Lĩnh vực một", "4", "x", ""],
        ["", "", "", "", ""],
        ["1.", "Tiêu chí một", "1,5", "", "Có: 1,5; không: 0"],
        ["2", "Tiêu chí hai", "2,5", "", "Mỗi lần chậm trừ 0,25 điểm"],
        head,
        ["II", "Lĩnh vực hai", "1", "", ""],
        ["1", "Khảo sát", "1", "", "Điều tra XHH"],
    ]
    source = write_xlsx(tmp_path / "t.xlsx", head, rows, numbers=False)
    data, result = imported(runner, source, tmp_path)
    assert tree(data) == [
        ("1", 4, None),
        ("1.1", 1.5, "binary"),
        ("1.2", 2.5, "deductions"),
        ("2", 1, None),
        ("2.1", 1, "survey"),
    ]
    assert "Warning" not in result.stderr


def test_numbering_without_roman_areas_and_with_area_prefixed_criteria(runner, tmp_path):
    arabic = [
        ["1", "Lĩnh vực", "2"],
        ["1.1", "Tiêu chí", "2"],
        ["1.1.1", "Thành phần một", "1"],
        ["1.1.2", "Thành phần hai", "1"],
    ]
    data, _ = imported(runner, write_docx(tmp_path / "a.docx", HEAD, arabic), tmp_path)
    assert [(i, m) for i, m, _ in tree(data)] == [("1", 2), ("1.1", 2), ("1.1.1", 1), ("1.1.2", 1)]
    prefixed = [["I", "Lĩnh vực", "2"], ["1.1", "Tiêu chí", "2"], ["1.1.1", "Một", "1"], ["1.1.2", "Hai", "1"]]
    data, _ = imported(runner, write_docx(tmp_path / "b.docx", HEAD, prefixed), tmp_path)
    assert [(i, m) for i, m, _ in tree(data)] == [("1", 2), ("1.1", 2), ("1.1.1", 1), ("1.1.2", 1)]


def test_a_table_split_across_pages_lettered_sub_criteria_and_merged_labels(runner, tmp_path):
    head = ["STT", "Tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm"]
    first = [
        ["A. ĐIỂM ĐÁNH GIÁ QUA THẨM ĐỊNH", "", "", ""],
        ["I. CÔNG TÁC CHỈ ĐẠO", "", "3", ""],
        ["1", "Kế hoạch", "3", ""],
        [
            "a",
            "Ban hành kế hoạch",
            "1",
            "Ban hành đúng hạn (1 điểm); ban hành chậm (0,5 điểm); không ban hành (0 điểm)",
        ],
    ]
    second = [
        ["b", "Thực hiện kế hoạch", "2", "Đạt 100%: 2; từ 80% đến dưới 100%: 1; dưới 80%: 0"],
        ["II", "THỦ TỤC HÀNH CHÍNH", "1", ""],
        ["1", "Công khai thủ tục", "1", "Công khai đầy đủ: 1; không đầy đủ: 0"],
        ["C", "ĐIỂM TRỪ", "", ""],
        ["1", "Mỗi vụ vi phạm", "1", "Mỗi vụ vi phạm trừ 1 điểm"],
    ]
    data, result = imported(runner, write_docx_split(tmp_path / "s.docx", head, first, second), tmp_path)
    assert "Warning" not in result.stderr, result.stderr
    assert tree(data) == [
        ("1", 3, None),
        ("1.1", 3, None),
        ("1.1.1", 1, "timeliness"),
        ("1.1.2", 2, "bands"),
        ("2", 1, None),
        ("2.1", 1, "binary"),
    ]
    assert leaf(data, "1.1.2")["rule"]["bands"] == [{"min": 1.0, "points": 2}, {"min": 0.8, "points": 1}]
    assert data["penalty"]["items"][0]["title"] == "Mỗi vụ vi phạm"


def test_a_row_the_importer_cannot_read_is_reported_and_kept(runner, tmp_path):
    rows = [["I", "Lĩnh vực", "2"], ["1", "Tiêu chí", "2"], ["1.1.1.1", "Quá sâu", "1"], ["1a?", "Lạ", "1"]]
    data, result = imported(runner, write_docx(tmp_path / "c.docx", HEAD, rows), tmp_path)
    warnings = [line for line in error_lines(result.stderr) if line.startswith("Warning")]
    assert warnings == [
        f"Warning: {tmp_path / 'c.docx'}: table 1, row 4: cannot read this row "
        "(STT '1.1.1.1' is deeper than area / criterion / sub-criterion): 1.1.1.1 | Quá sâu | 1",
        f"Warning: {tmp_path / 'c.docx'}: table 1, row 5: cannot read this row "
        "(STT '1a?' is not a roman numeral, a number or a dotted number): 1a? | Lạ | 1",
    ]
    assert any("Quá sâu" in item for item in data["todo"]) and any("Lạ" in item for item in data["todo"])


def test_maxima_read_with_decimal_commas_and_checked_by_validate(runner, tmp_path):
    rows = [["I", "Lĩnh vực", "3,5"], ["1", "Tiêu chí", "2,5"], ["1.1", "Một", "1,25"], ["1.2", "Hai", "1"]]
    data, _ = imported(runner, write_docx(tmp_path / "d.docx", HEAD, rows), tmp_path)
    assert [m for _, m, _ in tree(data)] == [3.5, 2.5, 1.25, 1]
    result = runner.invoke(main, ["validate", "--criteria", str(tmp_path / "draft.yaml")])
    assert result.exit_code == 1
    errors = error_lines(result.stderr)
    assert any(e.endswith("areas.0.max: area 1 has max 3.5 but its criteria add up to 2.5") for e in errors)
    assert any(
        e.endswith("areas.0.criteria.0.max: criterion 1.1 has max 2.5 but its sub-criteria add up to 2.25")
        for e in errors
    )


def test_validate_on_a_draft_lists_every_row_still_to_finish(runner, tmp_path):
    imported(runner, write_docx(tmp_path / "qd.docx", HEAD, OPTION_ROWS, DECISION_TEXT), tmp_path)
    result = runner.invoke(main, ["validate", "--criteria", str(tmp_path / "draft.yaml")])
    assert result.exit_code == 1
    rows = [line for line in error_lines(result.stderr) if ": to finish: " in line]
    finished = [line.split(": to finish: ")[1].split(":")[0] for line in rows]
    assert finished == [
        "bonus b1 Sáng kiến CCHC được UBND tỉnh công nhận",
        "1.1.1 Ban hành kế hoạch CCHC năm",
        "1.1.2 Xác định đầy đủ nhiệm vụ, bố trí kinh phí thực hiện",
        "1.1.3 Mức độ thực hiện kế hoạch CCHC",
        "1.2.1 Thực hiện chế độ báo cáo định kỳ",
        "1.2.2 Nội dung báo cáo theo đúng hướng dẫn",
        "1.3 Kiểm tra công tác cải cách hành chính",
        "2.1 Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn",
        "2.2 Sự hài lòng của người dân, tổ chức",
        "classes",
    ]
    assert rows[1] == (
        # 76: a draft outside the project has no $schema line above its header
        f"Error: {tmp_path / 'draft.yaml'}:76: areas.0.criteria.0.criteria.0: to finish: 1.1.1 Ban hành kế hoạch "
        "CCHC năm: metric: an obligation metric (on_time_share) with its due date; owner and remedy"
    )


def test_the_worked_example_is_the_draft_of_its_decision_finished(runner, tmp_path):
    """The README's example: importing the shipped table gives the tree of the finished set."""
    data, _ = imported(runner, ROOT / "examples/tinh-mau/quyet-dinh-mau.docx", tmp_path)
    finished = yaml.safe_load((ROOT / "examples/tinh-mau/criteria_2025.yaml").read_text(encoding="utf-8"))
    assert tree(data) == tree(finished)
    for area in finished["areas"]:
        for member in area["criteria"]:
            for c in member.get("criteria", [member]):
                assert leaf(data, c["id"])["method_text"] == c["method_text"]


def test_no_criteria_table_is_an_error(runner, tmp_path):
    source = write_docx(tmp_path / "empty.docx", ["A", "B"], [["x", "y"]])
    result = runner.invoke(main, ["criteria", "import", str(source), "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 1
    assert error_lines(result.stderr) == [
        f"Error: {source}: no table with a criteria column (Tiêu chí / Nội dung) and a maximum column (Điểm tối đa)"
    ]
    assert not (tmp_path / "x.yaml").exists()


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("qd.pdf", b"%PDF-1.4", "expected a Word (.docx) or Excel (.xlsx) file (save the decision as .docx)"),
        ("qd.docx", b"not a zip", "cannot read this file as a Word document"),
        ("qd.xlsx", b"not a zip", "cannot read this file as an Excel workbook"),
    ],
)
def test_files_that_are_not_decisions(runner, tmp_path, name, content, message):
    source = tmp_path / name
    source.write_bytes(content)
    result = runner.invoke(main, ["criteria", "import", str(source), "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 1 and error_lines(result.stderr) == [f"Error: {source}: {message}"]


def test_import_as_a_real_process(tmp_path):
    source = write_docx(tmp_path / "qd.docx", HEAD, OPTION_ROWS, DECISION_TEXT)
    target = tmp_path / "draft.yaml"
    done = subprocess.run(
        [sys.executable, "-m", "scorer", "criteria", "import", str(source), "-o", str(target)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert tree(yaml.safe_load(target.read_text(encoding="utf-8"))) == OPTION_TREE


@pytest.mark.parametrize(
    "text, points",
    [("0,5", 0.5), ("1.5", 1.5), ("2 điểm", 2), ("+5", 5), ("", None), ("một", None), ("1-2", None)],
)
def test_points_read_with_decimal_commas(text, points):
    assert parse_points(text) == points


@pytest.mark.parametrize(
    "text, minimum",
    [
        ("Từ 90% trở lên", 0.9),
        ("trên 90%", 0.9),
        ("Từ 70% đến dưới 90%", 0.7),
        ("Dưới 70%", 0.0),
        ("Đạt 100%", 1.0),
        ("Không có phần trăm", None),
    ],
)
def test_band_minimum_of_a_percentage_phrase(text, minimum):
    assert band_min(text) == minimum


def test_scoring_text_split_into_options():
    options = text_options("Ban hành đúng thời hạn: 1; ban hành chậm: 0,5; không ban hành: 0")
    assert [(o.text, o.points) for o in options] == [
        ("Ban hành đúng thời hạn", 1),
        ("ban hành chậm", 0.5),
        ("không ban hành", 0),
    ]
    assert fold("Điểm tối đa") == "diem toi da"


@pytest.mark.parametrize(
    "text, rule",
    [
        ("Trừ 0,5 điểm/01 đơn vị chưa kiểm tra", {"kind": "deductions", "metric": "TODO", "step": 0.5}),
        ("Mỗi báo cáo chậm trừ 0,25 điểm, tối thiểu 0", {"kind": "deductions", "metric": "TODO", "step": 0.25}),
        (
            "Ban hành kịp thời: 1; ban hành chậm: 0,5; không ban hành: 0",
            {"kind": "timeliness", "metric": "TODO", "on_time": 1, "late": 0.5, "missing": 0},
        ),
        ("Điểm = A/B x điểm tối đa", {"kind": "linear", "metric": "TODO", "target": 1}),
        ("Có: 1; Không: 0", {"kind": "binary", "metric": "TODO", "min": 1}),
        ("Đầy đủ cả 04 báo cáo: 1; thiếu 01 báo cáo trở lên: 0", {"kind": "all_or_nothing", "metric": "TODO"}),
        ("Đánh giá qua điều tra xã hội học", {"kind": "survey", "instrument": "leaders"}),
        ("Tốt: 1; Khá: 0,5; Trung bình: 0,25; Yếu: 0", None),
        (
            "1 điểm: ban hành đúng hạn; 0,5 điểm: ban hành chậm; 0 điểm nếu không ban hành",
            {"kind": "timeliness", "metric": "TODO", "on_time": 1, "late": 0.5, "missing": 0},
        ),
        (
            "- Ban hành đúng thời hạn: 1 điểm\n- Ban hành chậm: 0,5 điểm\n- Không ban hành: 0 điểm",
            {"kind": "timeliness", "metric": "TODO", "on_time": 1, "late": 0.5, "missing": 0},
        ),
    ],
)
def test_common_phrasings_give_their_rule(text, rule):
    from scorer.importer import infer_rule

    found, notes, _ = infer_rule("Tiêu chí", 1, text, text_options(text))
    assert found == rule
    assert notes, "every rule leaves the person finishing it a note"


@pytest.mark.parametrize("stated, scale", [("16", 16), ("18", 16), ("20", 20)], ids=["areas", "with bonus", "wrong"])
def test_the_stated_total_is_the_scale_unless_it_is_the_areas_with_the_bonus(runner, tmp_path, stated, scale):
    rows = OPTION_ROWS[:-1] + [["", "Tổng cộng", stated]]
    data, _ = imported(runner, write_docx(tmp_path / "qd.docx", HEAD, rows, DECISION_TEXT), tmp_path)
    assert data["scale"] == scale
    result = runner.invoke(main, ["validate", "--criteria", str(tmp_path / "draft.yaml")])
    wrong = [line for line in error_lines(result.stderr) if "not the scale" in line]
    assert bool(wrong) == (stated == "20")


LABELS = ["I", "II", "V", "1", "2", "1.1", "1.2", "2.1", "1.1.1", "a", "b", "", "-", "A", "x9", "A. PHẦN"]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(LABELS),
            st.text(alphabet="abc xyzđĐ", min_size=0, max_size=8),
            st.sampled_from(["", "1", "0,5", "2", "x"]),
        ),
        max_size=25,
    )
)
def test_no_row_is_dropped(rows):
    """Whatever the table, the importer does not fail, and every row with a title ends up in the
    draft (as a row, an option's text or a todo) or in the problems it reports."""
    from scorer.importer import draft, render_draft

    table = [(1, HEAD[:3])] + [
        (i, [label, f"T{i} {title}", points]) for i, (label, title, points) in enumerate(rows, 2)
    ]
    result = draft([("table 1", table)], [], "qd.docx")
    text = render_draft(result.data, "qd.docx", 0, 0, None, "en") + "\n".join(str(p.message) for p in result.problems)
    for i, (label, _title, _points) in enumerate(rows, 2):
        if label not in ("A", "A. PHẦN"):  # a part heading ("A.", "PHẦN") is a heading, not a row
            assert f"T{i} " in text or f"T{i}" in text, (i, rows)


def test_merged_cells_in_a_workbook(runner, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["BỘ TIÊU CHÍ NĂM 2025"])
    sheet.merge_cells("A1:E1")
    sheet.append(["STT", "Nội dung", "Điểm", None, "Cách tính điểm"])
    sheet.append([None, None, "Tối đa", "Tự chấm", None])
    for column in ("A", "B", "E"):
        sheet.merge_cells(f"{column}2:{column}3")
    sheet.merge_cells("C2:D2")
    sheet.append(["I", "LĨNH VỰC MỘT", 3, None, None])
    sheet.append(["1", "Tiêu chí có hai thành phần", 3, None, None])
    sheet.append(["1.1", "Thành phần một", 1, None, "Đúng hạn: 1; chậm: 0,5; không: 0"])
    sheet.append(["1.2", "Thành phần hai", 2, None, "Đạt từ 90% trở lên: 2\nTừ 50% đến dưới 90%: 1\nDưới 50%: 0"])
    sheet.append(["Tổng cộng", None, 3, None, None])
    sheet.merge_cells("A8:B8")
    book.save(tmp_path / "m.xlsx")
    data, result = imported(runner, tmp_path / "m.xlsx", tmp_path)
    assert "Warning" not in result.stderr, result.stderr
    assert tree(data) == [("1", 3, None), ("1.1", 3, None), ("1.1.1", 1, "timeliness"), ("1.1.2", 2, "bands")]
    assert leaf(data, "1.1.2")["method_text"] == "Đạt từ 90% trở lên: 2\nTừ 50% đến dưới 90%: 1\nDưới 50%: 0"
    assert data["scale"] == 3 and data["year"] == 2025


def test_merged_cells_in_a_word_table(runner, tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Số: 45/QĐ-UBND")
    table = document.add_table(rows=2, cols=5)
    top, bottom = table.rows[0].cells, table.rows[1].cells
    for c, text in enumerate(["STT", "Tiêu chí", "Điểm", "", "Phương pháp chấm điểm"]):
        top[c].text = text
    bottom[2].text, bottom[3].text = "Tối đa", "Tự chấm"
    for c in (0, 1, 4):
        top[c].merge(bottom[c])
    top[2].merge(top[3])
    for row in [
        ["I", "LĨNH VỰC", "2", "", ""],
        ["1", "Tiêu chí một", "2", "", "Mỗi nhiệm vụ chậm trừ 0,5 điểm"],
    ]:
        cells = table.add_row().cells
        for c, text in enumerate(row):
            cells[c].text = text
    document.save(str(tmp_path / "w.docx"))
    data, result = imported(runner, tmp_path / "w.docx", tmp_path)
    assert "Warning" not in result.stderr, result.stderr
    assert tree(data) == [("1", 2, None), ("1.1", 2, "deductions")]
    assert data["decision"] == "45/QĐ-UBND"


def test_a_table_without_an_stt_column_numbers_its_titles(runner, tmp_path):
    head = ["Lĩnh vực, tiêu chí", "Điểm tối đa", "Cách tính điểm"]
    rows = [
        ["I. CÔNG TÁC CHỈ ĐẠO", "3", ""],
        ["1. Kế hoạch", "3", ""],
        ["a) Ban hành kế hoạch", "1", "Đúng hạn: 1; chậm: 0,5; không: 0"],
        ["b) Thực hiện kế hoạch", "2", "Từ 90% trở lên: 2; dưới 90%: 0"],
    ]
    data, result = imported(runner, write_docx(tmp_path / "n.docx", head, rows), tmp_path)
    assert "Warning" not in result.stderr, result.stderr
    assert tree(data) == [("1", 3, None), ("1.1", 3, None), ("1.1.1", 1, "timeliness"), ("1.1.2", 2, "bands")]
    assert leaf(data, "1.1.1")["title"] == "Ban hành kế hoạch"


def _phrasing_table() -> list[tuple[str, dict[str, Any]]]:
    """The README's table of phrasings, each row a scoring text and the rule it gives."""
    # The README's reference under docs/ holds it (docs/criteria.md).
    readme = "\n".join(
        p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    )
    rows = re.findall(r'^   \| "([^"]+)" \| `(\{kind: [^`]+\})` \|$', readme, flags=re.MULTILINE)
    return [(text, yaml.safe_load(rule)) for text, rule in rows]


PHRASINGS = _phrasing_table()


def test_the_readme_lists_every_phrasing_the_issue_names():
    kinds = [rule["kind"] for _, rule in PHRASINGS]
    assert len(PHRASINGS) >= 19
    assert {"timeliness", "all_or_nothing", "linear", "bands", "binary", "deductions", "survey"} == set(kinds)


@pytest.mark.parametrize("text, rule", PHRASINGS, ids=[text[:40] for text, _ in PHRASINGS])
def test_each_phrasing_of_the_readme_gives_its_rule(text, rule):
    from scorer.importer import infer_rule

    found, notes, _ = infer_rule("Tiêu chí", 1, text, text_options(text))
    assert found == rule
    assert notes


@pytest.mark.parametrize(
    "text, note",
    [
        ("Trên 90%: 1; dưới 90%: 0", "the decision's bands leave a gap at 90% (no band holds it): check the edges"),
        (
            "Từ 90% trở lên: 1; từ 70% đến 90%: 0,5; dưới 70%: 0",
            "the decision's bands overlap at 90% (two bands hold it): the draft gives the higher",
        ),
    ],
)
def test_bands_that_leave_a_gap_or_overlap_say_so(text, note):
    from scorer.importer import infer_rule

    _, notes, _ = infer_rule("Tiêu chí", 1, text, text_options(text))
    assert note in [n.text("en") for n in notes]


def test_a_row_with_no_scoring_text_says_so():
    from scorer.importer import infer_rule

    found, notes, _ = infer_rule("Tiêu chí", 1, "", [])
    assert found is None
    assert [n.text("en") for n in notes] == ["rule: no scoring text in the table: write the rule"]
    assert [n.text("vi") for n in notes] == ["rule: bảng không ghi cách tính điểm: hãy viết cách tính"]


CA_MAU_TREE = [
    ("1", 8, None),
    ("1.1", 5, None),
    ("1.1.1", 1, "timeliness"),
    ("1.1.2", 1, "binary"),
    ("1.1.3", 1, "binary"),
    ("1.1.4", 2, "bands"),
    ("1.2", 3, None),
    ("1.2.1", 1, "all_or_nothing"),
    ("1.2.2", 1, "binary"),
    ("1.2.3", 1, "linear"),
]


@pytest.mark.parametrize("layout", ["rows.docx", "text.xlsx"])
def test_the_ca_mau_excerpt_has_every_leaf_row_wired_in_both_layouts(runner, tmp_path, layout):
    from decision_tables import CA_MAU_ROWS, CA_MAU_TEXT

    if layout == "rows.docx":
        source = write_docx(tmp_path / "qd.docx", HEAD, CA_MAU_ROWS, DECISION_TEXT)
    else:
        source = write_xlsx(tmp_path / "qd.xlsx", TEXT_HEAD[:4], CA_MAU_TEXT, ["PHỤ LỤC", "năm 2025", ""])
    data, _ = imported(runner, source, tmp_path)
    assert tree(data) == CA_MAU_TREE
    assert leaf(data, "1.1.1")["rule"] == {
        "kind": "timeliness",
        "metric": "TODO",
        "on_time": 1,
        "late": 0.5,
        "missing": 0,
    }
    assert leaf(data, "1.1.4")["rule"]["bands"] == [{"above": 0.9, "points": 2}, {"min": 0.7, "points": 1}]
    assert leaf(data, "1.2.1")["rule"] == {"kind": "all_or_nothing", "metric": "TODO"}
    assert leaf(data, "1.2.3")["rule"] == {"kind": "linear", "metric": "TODO", "target": 1}


def test_the_draft_s_notes_are_vietnamese_by_default(runner, tmp_path, vietnamese_default):
    """The officer who finishes a draft reads its notes, its header and the rows it could not read
    in Vietnamese unless English is asked for; `validate` lists the rows still to finish the same way."""
    rows = [*OPTION_ROWS, ["1a?", "Lạ", "1"]]
    source = write_docx(tmp_path / "qd.docx", HEAD, rows, DECISION_TEXT)
    data, result = imported(runner, source, tmp_path)
    text = (tmp_path / "draft.yaml").read_text(encoding="utf-8")
    assert "# Bản nháp bộ tiêu chí nhập từ qd.docx bằng lệnh `scorer criteria import`." in text
    assert leaf(data, "1.1.1")["todo"] == [
        "metric: một số liệu về nghĩa vụ (on_time_share) kèm hạn của nó",
        "owner và remedy (đơn vị chủ trì và biện pháp khắc phục)",
    ]
    assert "classes: đối chiếu tên các mức xếp loại và ngưỡng điểm với quyết định" in data["todo"]
    warnings = [line for line in error_lines(result.stderr) if line.startswith("Cảnh báo")]
    assert warnings == [
        f"Cảnh báo: {source}: bảng 1, dòng {len(rows) + 1}: không đọc được dòng này "
        "(STT '1a?' không phải số La Mã, số, hay số có dấu chấm (như 1.1)): 1a? | Lạ | 1"
    ]
    validated = runner.invoke(main, ["validate", "--criteria", str(tmp_path / "draft.yaml")])
    assert validated.exit_code == 1
    assert any(
        line.endswith(
            "areas.0.criteria.0.criteria.0: còn phải hoàn thiện: 1.1.1 Ban hành kế hoạch CCHC năm: metric: một số "
            "liệu về nghĩa vụ (on_time_share) kèm hạn của nó; owner và remedy (đơn vị chủ trì và biện pháp khắc phục)"
        )
        for line in error_lines(validated.stderr)
    ), validated.stderr
    english = runner.invoke(
        main, ["criteria", "import", str(source), "-o", str(tmp_path / "en.yaml"), "--lang", "en", "--rules", "none"]
    )
    assert english.exit_code == 0, english.output
    assert "owner and remedy" in (tmp_path / "en.yaml").read_text(encoding="utf-8")

"""The documents a unit files or sends (the plan in Word, the form and the forecast workbook in
Excel), opened back as a person would: every table within the page's text width, no file, tool or
command name, no internal identifier, and the form's full-mark rows each backed by a proof or
marked "không phát sinh"."""

from __future__ import annotations

import re

import docx
import openpyxl
import pytest

from scorer.cli import main
from tests.conftest import ROOT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# What a document a head signs never names: our files, our tool, our commands, our identifiers.
FORBIDDEN = re.compile(
    r"scorer|\.ya?ml|\.csv|\.xlsx|criteria_20|official\.yaml|evidence/|--[a-z]|"
    r"reports_missed|par_plan|_due\b|period=|appraisal|leaders_survey|citizens_survey"
)
PLANS = {
    "published": ["plan", "--year", "2023"],
    "forecast": ["plan", "--as-of", "2024-09-30"],
    "target": ["plan", "--as-of", "2024-09-30", "--target", "95"],
    "unreachable": ["plan", "--as-of", "2024-09-30", "--target", "99.9"],
}


def _docx_texts(document) -> list[str]:
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for section in document.sections:
        texts += [p.text for p in section.header.paragraphs]
    return texts


@pytest.fixture(autouse=True)
def _vietnamese(vietnamese_default, monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("name", list(PLANS))
def test_every_plan_table_fits_the_text_width(runner, tmp_path, name):
    target = tmp_path / "plan.docx"
    result = runner.invoke(main, [*PLANS[name], "-o", str(target)])
    assert result.exit_code == 0, result.output
    document = docx.Document(str(target))
    assert document.tables
    for table in document.tables:
        section = document.sections[-1]
        text_width = (section.page_width - section.left_margin - section.right_margin) / 635  # twips
        grid = [int(col.get(f"{W}w")) for col in table._tbl.tblGrid.iter(f"{W}gridCol")]
        assert sum(grid) <= text_width + 1, (name, grid, text_width)
        # every cell's own width agrees with its column's
        for row in table.rows:
            for cell, width in zip(row.cells, grid):
                assert abs(cell.width / 635 - width) <= 1
    texts = _docx_texts(document)
    bad = [text for text in texts if FORBIDDEN.search(text)]
    assert bad == [], name
    assert not any("SOCIALIST" in text for text in texts)


def test_the_forecast_plan_says_it_is_a_forecast(runner, tmp_path):
    target = tmp_path / "plan.docx"
    assert runner.invoke(main, [*PLANS["forecast"], "-o", str(target)]).exit_code == 0
    document = docx.Document(str(target))
    text = "\n".join(_docx_texts(document))
    assert "Điểm dự kiến" in text and "tổng điểm dự kiến đạt 91,46 điểm" in text
    assert "Điểm thẩm định" not in text and "Trừ " not in text and "đạt được" not in text
    # the summary (trích yếu) has its short rule beneath
    paragraphs = [p.text for p in document.paragraphs]
    subject = next(i for i, p in enumerate(paragraphs) if p.startswith("Khắc phục tồn tại"))
    assert set(paragraphs[subject + 1]) == {"—"}


@pytest.mark.parametrize("args", [["--year", "2024", "--as-of", "2024-09-30"], ["--year", "2023"]])
def test_the_form_names_no_file_or_tool_and_backs_every_full_row(runner, tmp_path, args):
    target = tmp_path / "form.xlsx"
    result = runner.invoke(main, ["form", *args, "-o", str(target)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(target)
    texts = [c.value for sheet in book.worksheets for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert [text for text in texts if FORBIDDEN.search(text)] == []
    sheet = book.worksheets[0]
    heads = [c.value for c in sheet[6]]
    assert "Cách tính điểm" in heads
    column = {head: i for i, head in enumerate(heads)}
    rows = [row for row in sheet.iter_rows(min_row=7, values_only=True) if isinstance(row[0], str)]
    ids = [row[0] for row in rows if re.fullmatch(r"\d+(\.\d+)+", row[0])]
    groups = {i for i in ids if any(other.startswith(i + ".") for other in ids)}
    full = 0
    for row in rows:
        stt, top, own = row[0], row[column["Điểm tối đa"]], row[column["Điểm tự đánh giá"]]
        if stt not in ids or stt in groups or own is None or top is None or own < top:
            continue
        full += 1
        proofs = row[column["Tài liệu kiểm chứng (số, ký hiệu; ngày; trích yếu)"]] or ""
        notes = row[column["Ghi chú"]] or ""
        why = row[column["Giải trình"]] or ""
        # full with a document to show, or because nothing arose: for the year once it is over,
        # so far (and said so) before the cut-off
        arose_nothing = "Không phát sinh" in notes or why.startswith("Đến nay chưa phát sinh")
        assert (proofs and "Thiếu:" not in proofs) or arose_nothing, stt
        assert row[column["Cách tính điểm"]], stt
    assert full > 10


def test_the_forecast_workbook_is_headed_as_expected_points_and_prints(runner, tmp_path):
    target = tmp_path / "du-kien.xlsx"
    assert runner.invoke(main, ["predict", "--as-of", "2024-09-30", "-o", str(target)]).exit_code == 0
    book = openpyxl.load_workbook(target)
    for sheet in book.worksheets:
        assert int(sheet.page_setup.paperSize) == 9 and sheet.page_setup.orientation == "landscape"
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
        assert sheet.print_title_rows
        for row in sheet.iter_rows(min_row=3):
            for cell in row[2:4]:
                if isinstance(cell.value, float):
                    assert cell.number_format == "0.00"
    heads = [c.value for c in book.worksheets[0][2]]
    assert "Điểm dự kiến" in heads and "Điểm tự đánh giá" not in heads
    texts = [c.value for sheet in book.worksheets for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert [text for text in texts if FORBIDDEN.search(text)] == []


def test_a_proof_carries_its_page_or_section(runner, office_copy, tmp_path):
    reports = office_copy / "van-phong-ubnd-tinh" / "2024" / "reports.csv"
    lines = reports.read_text(encoding="utf-8").splitlines()
    lines[0] += ",locator"
    lines[1] += ",tr. 2 mục II"
    lines[2:] = [line + "," for line in lines[2:]]
    reports.write_text("\n".join(lines) + "\n", encoding="utf-8")
    target = tmp_path / "form.xlsx"
    result = runner.invoke(main, ["form", "--evidence", str(office_copy), "--as-of", "2024-09-30", "-o", str(target)])
    assert result.exit_code == 0, result.output
    texts = [c.value for row in openpyxl.load_workbook(target).worksheets[0].iter_rows() for c in row]
    assert any(isinstance(v, str) and "Báo cáo công tác CCHC quý I năm 2024 (tr. 2 mục II)" in v for v in texts)


def test_remedies_and_owners_read_right_for_any_unit(runner, office_copy, tmp_path):
    """Another unit: its own name and kind in every remedy, its roles in words where unit.yaml maps
    no division; nothing of the shipped Office's."""
    folder = office_copy / "van-phong-ubnd-tinh"
    (folder / "unit.yaml").write_text(
        "id: van-phong-ubnd-tinh\nname: Sở Tư pháp\nkind: Sở\nname_en: Department of Justice\nkind_en: Department\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["risks", "--evidence", str(office_copy), "--as-of", "2024-09-30", "--format", "md"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "Văn phòng" not in text and "organisation" not in text and "information" not in text
    assert "Bộ phận tổ chức, hành chính của đơn vị" in text and "của Sở" in text
    english = runner.invoke(
        main, ["risks", "--evidence", str(office_copy), "--as-of", "2024-09-30", "--lang", "en", "--format", "md"]
    )
    words = " ".join(english.output.split())
    assert "Office" not in words and "the Department's" in words
    target = tmp_path / "plan.docx"
    assert (
        runner.invoke(
            main, ["plan", "--evidence", str(office_copy), "--as-of", "2024-09-30", "-o", str(target)]
        ).exit_code
        == 0
    )
    plan = _docx_texts(docx.Document(str(target)))
    remedies = [text.split("Văn bản thực hiện:")[0] for text in plan if text.startswith("- Nhiệm vụ, giải pháp")]
    assert remedies and not any("Văn phòng" in text for text in remedies)  # the evidence's own titles may say it
    assert any("SỞ TƯ PHÁP" in text for text in plan)

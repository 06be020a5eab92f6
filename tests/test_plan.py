"""`scorer plan` regenerates the seed plan's area table and every itemised deduction for 2023."""

from __future__ import annotations

from scorer.cli import main
from tests.conftest import ROOT

SEED_TABLE = [
    "| 1 | Công tác chỉ đạo điều hành | 11,5 | 6,58 | -4,92 |",
    "| 2 | Cải cách thể chế | 11 | 10,11 | -0,89 |",
    "| 3 | Cải cách thủ tục hành chính | 14 | 14 | 0 |",
    "| 4 | Cải cách tổ chức bộ máy hành chính | 12,5 | 11,97 | -0,53 |",
    "| 5 | Cải cách công vụ | 12 | 11,45 | -0,55 |",
    "| 6 | Cải cách tài chính công | 11,5 | 11,24 | -0,26 |",
    "| 7 | Xây dựng chính quyền điện tử, chính quyền số | 17,5 | 13,35 | -4,15 |",
    "| 8 | Tác động của cải cách hành chính đến người dân, tổ chức | 10 | 9,39 | -0,61 |",
    "| | **Tổng cộng** | **100** | **88,09** | **11,91** |",
]
SEED_DEDUCTIONS = [
    "Thực hiện kế hoạch cải cách hành chính (Trừ 01 điểm)",
    "Công tác kiểm tra cải cách hành chính (Trừ 0,3 điểm)",
    "Sáng kiến, giải pháp mới trong cải cách hành chính (Trừ 02 điểm)",
    "Công tác tuyên truyền CCHC (Trừ 0,5 điểm)",
    "Đối thoại giữa người đứng đầu cấp ủy chính quyền với CBCCVC, người dân, doanh nghiệp (Trừ 01 điểm)",
    "Sự năng động, quyết tâm của Lãnh đạo trong cải cách hành chính (Trừ 0,11 điểm)",
    "Chất lượng VBQPPL, VBADQPPL do tỉnh ban hành (Trừ 0,89 điểm)",
    "Sắp xếp, kiện toàn tổ chức bộ máy của các cơ quan, đơn vị (Trừ 0,09 điểm)",
    "Tác động của cải cách hành chính đến quản lý cán bộ, công chức (Trừ 0,21 điểm)",
    "Tuyển dụng viên chức (Trừ 0,04 điểm)",
    "Công tác đào tạo, bồi dưỡng công chức, viên chức (Trừ 0,09 điểm)",
    "Chất lượng đội ngũ công chức, viên chức (Trừ 0,42 điểm)",
    "Tổ chức thực hiện công tác tài chính - ngân sách (Trừ 0,11 điểm)",
    "Ứng dụng công nghệ thông tin (Trừ 02 điểm)",
    "Phát triển các ứng dụng, dịch vụ trong nội bộ cơ quan Nhà nước (Trừ 1,5 điểm)",
    "Phát triển ứng dụng, dịch vụ phục vụ người dân, tổ chức (Trừ 0,65 điểm)",
    "Khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (Trừ 0,61 điểm)",
]


def test_plan_2023_regenerates_the_seed_table_and_deductions(runner, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(main, ["plan", "--year", "2023", "--lang", "vi", "--format", "md"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    start = lines.index("| TT | Nội dung | Điểm tối đa | Điểm thẩm định | Ghi chú |")
    assert lines[start + 2 : start + 11] == SEED_TABLE
    for deduction in SEED_DEDUCTIONS:
        assert deduction in result.output
    assert "Văn phòng UBND tỉnh xếp thứ 04/20 sở, ban, ngành" in result.output
    assert "điểm thẩm định: 61,2 điểm; điểm điều tra xã hội học: 26,89 điểm" in result.output
    assert "xếp thứ 16/20 các sở, ban, ngành" in result.output
    assert "Đơn vị chủ trì thực hiện: Phòng Tổ chức - Hành chính - Quản trị; Trung tâm Thông tin." in result.output


def test_plan_for_an_open_year_drafts_from_the_forecast(runner, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(main, ["plan", "--as-of", "2024-09-30", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "not an official result" in result.output
    assert "Annual IT and digital transformation plan issued and completed (minus 2)" in result.output


def test_plan_docx_holds_the_same_table_and_deductions(runner, tmp_path, monkeypatch):
    import docx

    monkeypatch.chdir(ROOT)
    target = tmp_path / "ke-hoach.docx"
    result = runner.invoke(
        main, ["plan", "--year", "2023", "--lang", "vi", "--format", "docx", "--output", str(target)]
    )
    assert result.exit_code == 0, result.output
    document = docx.Document(str(target))
    (table,) = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["TT", "Nội dung", "Điểm tối đa", "Điểm thẩm định", "Ghi chú"]
    expected = [[c.strip() for c in line.replace("**", "").split("|")[1:-1]] for line in SEED_TABLE]
    assert [[c.strip() for c in row] for row in rows[1:]] == [[c.strip() for c in row] for row in expected]
    text = "\n".join(p.text for p in document.paragraphs)
    for deduction in SEED_DEDUCTIONS:
        assert deduction in text
    assert document.paragraphs[0].text == "KẾ HOẠCH"

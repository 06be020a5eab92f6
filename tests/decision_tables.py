"""Appendix tables of made-up decisions, written as real Word and Excel files, for the importer's tests
(and the worked example of the README, examples/quyet-dinh-mau.docx)."""

from __future__ import annotations

from pathlib import Path

HEAD = [
    "STT",
    "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
    "Điểm tối đa",
    "Điểm tự đánh giá",
    "Tài liệu kiểm chứng",
    "Ghi chú",
]

# Options as rows, without STT, under their sub-criterion (Cà Mau 2013 style).
OPTION_ROWS = [
    ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", "10"],
    ["1", "Kế hoạch cải cách hành chính năm", "5"],
    ["1.1", "Ban hành kế hoạch CCHC năm", "1", "", "Kế hoạch CCHC năm"],
    ["", "Ban hành đúng thời hạn", "1"],
    ["", "Ban hành chậm", "0,5"],
    ["", "Không ban hành", "0"],
    ["1.2", "Xác định đầy đủ nhiệm vụ, bố trí kinh phí thực hiện", "1"],
    ["", "Đầy đủ", "1"],
    ["", "Không đầy đủ", "0"],
    ["1.3", "Mức độ thực hiện kế hoạch CCHC", "3"],
    ["", "Hoàn thành từ 90% kế hoạch trở lên", "3"],
    ["", "Hoàn thành từ 70% đến dưới 90% kế hoạch", "1,5"],
    ["", "Hoàn thành dưới 70% kế hoạch", "0"],
    ["2", "Báo cáo cải cách hành chính định kỳ", "2"],
    ["2.1", "Thực hiện chế độ báo cáo định kỳ", "1"],
    ["", "Đầy đủ, đúng thời hạn cả 04 báo cáo", "1"],
    ["", "Thiếu hoặc chậm 01 báo cáo trở lên", "0"],
    ["2.2", "Nội dung báo cáo theo đúng hướng dẫn", "1"],
    ["", "Đúng hướng dẫn", "1"],
    ["", "Không đúng hướng dẫn", "0"],
    ["3", "Kiểm tra công tác cải cách hành chính", "3"],
    ["", "Mỗi đơn vị trực thuộc không được kiểm tra trong năm trừ 0,5 điểm", ""],
    ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "6"],
    ["1", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", "4"],
    ["", "Điểm = (A/B) x 4; A: số hồ sơ giải quyết đúng hạn, B: tổng số hồ sơ", ""],
    ["", "Không phát sinh hồ sơ: đạt điểm tối đa", ""],
    ["2", "Sự hài lòng của người dân, tổ chức", "2"],
    ["", "Đánh giá qua điều tra xã hội học người dân, tổ chức", ""],
    ["III", "ĐIỂM THƯỞNG", "2"],
    ["1", "Sáng kiến CCHC được UBND tỉnh công nhận", "1"],
    ["", "Tổng cộng", "16"],
]

# An excerpt in the shape of a real provincial appendix (Cà Mau 1880/QĐ-UBND, 2013): area 1,
# criteria 1.1 and 1.2, options as rows under each sub-criterion.
CA_MAU_ROWS = [
    ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", "8"],
    ["1", "Kế hoạch cải cách hành chính", "5"],
    ["1.1", "Ban hành kế hoạch CCHC năm của cơ quan", "1", "", "Kế hoạch CCHC năm"],
    ["", "Ban hành kịp thời", "1"],
    ["", "Ban hành không kịp thời", "0,5"],
    ["", "Không ban hành", "0"],
    ["1.2", "Xác định đầy đủ các nhiệm vụ CCHC trên các lĩnh vực", "1"],
    ["", "Đầy đủ", "1"],
    ["", "Không đầy đủ", "0"],
    ["1.3", "Các nhiệm vụ có kết quả, sản phẩm cụ thể, thời gian hoàn thành", "1"],
    ["", "Có", "1"],
    ["", "Không", "0"],
    ["1.4", "Mức độ thực hiện kế hoạch CCHC", "2"],
    ["", "Thực hiện trên 90% kế hoạch", "2"],
    ["", "Thực hiện từ 70% - 90% kế hoạch", "1"],
    ["", "Thực hiện dưới 70% kế hoạch", "0"],
    ["2", "Báo cáo cải cách hành chính", "3"],
    ["2.1", "Số lượng báo cáo (04 báo cáo: quý I, 6 tháng, quý III, năm)", "1", "", "Các báo cáo CCHC"],
    ["", "Đủ số lượng và đúng thời gian quy định", "1"],
    ["", "Không đủ số lượng hoặc không đúng thời gian quy định", "0"],
    ["2.2", "Chất lượng báo cáo", "1"],
    ["", "Đạt yêu cầu", "1"],
    ["", "Không đạt yêu cầu", "0"],
    ["2.3", "Rà soát văn bản quy phạm pháp luật", "1"],
    ["", "Điểm đánh giá = (Số văn bản đã rà soát / Tổng số văn bản phải rà soát) x 1", ""],
]


def as_text(rows: list[list[str]]) -> list[list[str]]:
    """A table of options as rows turned into the other layout: each row's options as one text
    ("option: points; ...") in a fourth column."""
    out: list[list[str]] = []
    for row in rows:
        if row[0] or not out:
            out.append(row[:3])
            continue
        option = f"{row[1]}: {row[2]}" if len(row) > 2 and row[2] else row[1]
        last = out[-1]
        last[3:] = ["; ".join([*last[3:], option])]
    return out


CA_MAU_TEXT = as_text(CA_MAU_ROWS)

TEXT_HEAD = ["TT", "Tiêu chí", "Điểm tối đa", "Cách tính điểm", "Tài liệu kiểm chứng"]

# The options as sentences in one column.
TEXT_ROWS = [
    ["I", "Công tác chỉ đạo điều hành", "6"],
    ["1", "Kế hoạch CCHC", "3"],
    [
        "1.1",
        "Ban hành kế hoạch CCHC năm",
        "1",
        "Ban hành đúng thời hạn: 1; ban hành chậm: 0,5; không ban hành: 0",
        "Kế hoạch",
    ],
    ["1.2", "Tỷ lệ hoàn thành kế hoạch", "2", "Trên 90%: 2; từ 70% đến 90%: 1; dưới 70%: 0"],
    ["2", "Báo cáo định kỳ", "1", "Đầy đủ, đúng hạn cả 04 báo cáo: 1; thiếu hoặc chậm 01 báo cáo trở lên: 0"],
    [
        "3",
        "Đối thoại của người đứng đầu",
        "2",
        "Có tổ chức đối thoại: 2; không tổ chức: 0",
        "Giấy mời\nBiên bản\nThông báo kết luận",
    ],
    ["II", "Hiện đại hóa hành chính", "4"],
    ["1", "Văn bản đi được ký số", "2,5", "Điểm = (A / B) × điểm tối đa"],
    ["2", "Mức độ hài lòng", "1,5", "Đánh giá qua điều tra xã hội học lãnh đạo sở"],
    ["", "Tổng điểm", "10"],
]


def write_docx(
    path: Path, head: list[str], rows: list[list[str]], paragraphs: list[str] = (), merge_area_rows: bool = True
) -> Path:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    table = document.add_table(rows=1, cols=len(head))
    for c, text in enumerate(head):
        table.rows[0].cells[c].text = text
    for row in rows:
        cells = table.add_row().cells
        for c, text in enumerate(row):
            cells[c].text = text
        if merge_area_rows and row[0] and row[0].isalpha() and row[0].isupper() and len(row) < len(head):
            # An area row spans its title over the empty columns, as decisions often do.
            cells[len(row) - 1].merge(cells[len(head) - 1])
    document.save(str(path))
    return path


def write_docx_split(path: Path, head: list[str], first: list[list[str]], second: list[list[str]]) -> Path:
    """One table broken in two by a page, the second without the header (Word does this when a
    table is pasted from a PDF)."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=len(head))
    for c, text in enumerate(head):
        table.rows[0].cells[c].text = text
    for row in first:
        cells = table.add_row().cells
        for c, text in enumerate(row):
            cells[c].text = text
    document.add_paragraph("")
    rest = document.add_table(rows=0, cols=len(head))
    for row in second:
        cells = rest.add_row().cells
        for c, text in enumerate(row):
            cells[c].text = text
    document.save(str(path))
    return path


def write_xlsx(path: Path, head: list[str], rows: list[list[str]], above: list[str] = (), numbers: bool = True) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Phụ lục"
    for text in above:
        sheet.append([text])
    sheet.append(head)
    for row in rows:
        values: list[object] = []
        for c, text in enumerate(row):
            if numbers and c == 2 and text and "," not in text:
                values.append(float(text) if "." in text else int(text))
            else:
                values.append(text)
        sheet.append(values)
    book.save(str(path))
    return path


DECISION_TEXT = [
    "ỦY BAN NHÂN DÂN TỈNH MẪU",
    "Số: 123/QĐ-UBND",
    "Tỉnh Mẫu, ngày 12 tháng 3 năm 2025",
    "QUYẾT ĐỊNH",
    "Bộ tiêu chí xác định Chỉ số cải cách hành chính các sở, ban, ngành năm 2025",
]

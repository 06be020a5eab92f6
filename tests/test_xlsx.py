"""Workbooks: the template round-trips (filled by this test, validated, scored like the same YAML),
and the self-assessment sheet holds the points and the documents behind them."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest

from scorer.cli import main
from scorer.messages import SHEET_TEXT
from tests.conftest import ROOT, RULES, write_unit

RECORDS = {
    "plan": [
        {
            "id": "kh",
            "date": dt.date(2024, 1, 10),
            "kind": "par",
            "tasks_total": 20,
            "tasks_done": 18,
            "document_no": "05/KH-VP",
        }
    ],
    "report": [
        {
            "id": "q1",
            "date": "12/03/2024",
            "period": "q1",
            "due": dt.date(2024, 3, 15),
            "submitted": dt.date(2024, 3, 12),
            "document_no": "38/BC-VP",
        }
    ],
    "dialogue": [
        {
            "id": "dt",
            "date": dt.date(2024, 8, 22),
            "chaired_by_head": True,
            "audience": "staff;citizens",
            "document_no": "158/TB-VP",
        }
    ],
    "indicator": [
        {
            "id": "ol",
            "date": dt.date(2024, 9, 13),
            "name": "online_applications_rate",
            "value": 0.63,
            "document_no": "64/BC",
        }
    ],
    "survey": [
        {
            "id": "ks",
            "date": dt.date(2024, 8, 30),
            "instrument": "citizens",
            "source": "internal",
            "criterion": "8.1",
            "share": 0.95,
            "respondents": 186,
        }
    ],
}


def as_yaml(records):
    out = []
    for kind, rows in records.items():
        for row in rows:
            plain = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in row.items()}
            if "audience" in plain:
                plain["audience"] = plain["audience"].split(";")
            out.append({"type": kind, **plain})
    return out


# The same records as an officer fills the Vietnamese template: by its heads, with its labels, dates
# as Excel dates and as dd/mm/yyyy text, a document number typed as digits.
FILLED = {
    "Kế hoạch": [
        {
            "Mã số": "kh",
            "Ngày ban hành": dt.date(2024, 1, 10),
            "Loại kế hoạch": "Cải cách hành chính",
            "Tổng số nhiệm vụ": 20,
            "Số nhiệm vụ đã hoàn thành": 18,
            "Số, ký hiệu văn bản": "05/KH-VP",
        }
    ],
    "Báo cáo": [
        {
            "Mã số": "q1",
            "Ngày ban hành": "12/03/2024",
            "Kỳ báo cáo": "Quý I",
            "Hạn báo cáo": dt.date(2024, 3, 15),
            "Ngày gửi": "12/03/2024",
            "Số, ký hiệu văn bản": "38/BC-VP",
            "Đúng mẫu": "Có",
        }
    ],
    "Đối thoại": [
        {
            "Mã số": "dt",
            "Ngày ban hành": dt.date(2024, 8, 22),
            "Người đứng đầu chủ trì": "Có",
            "Đối tượng đối thoại": "Cán bộ, công chức; Người dân",
            "Số, ký hiệu văn bản": "158/TB-VP",
        }
    ],
    "Chỉ số": [
        {
            "Mã số": "ol",
            "Ngày ban hành": dt.date(2024, 9, 13),
            "Tên chỉ số": "Tỷ lệ hồ sơ nộp trực tuyến",  # as the drop-down offers it: online_applications_rate
            "Giá trị": "63%",
            "Số, ký hiệu văn bản": "64/BC",
        }
    ],
    "Khảo sát": [
        {
            "Mã số": "ks",
            "Ngày ban hành": "30/08/2024",
            "Đối tượng khảo sát": "Người dân, tổ chức",
            "Nguồn số liệu": "Tự khảo sát",
            "Tiêu chí khảo sát": "8.1",
            "Tỉ lệ hài lòng": 0.95,
            "Số người trả lời": 186,
        }
    ],
}


def _fill(book, records):
    """Rows typed under the sheet's own heads, as a person fills them in."""
    for name, rows in records.items():
        sheet = book[name]
        header = [c.value for c in sheet[1]]
        assert set(header) >= {head for row in rows for head in row}, name
        for row in rows:
            sheet.append([row.get(head) for head in header])


def _predictions(runner, tmp_path, book, args=()):
    """`validate` and `predict` over a unit holding the filled workbook, and over the same records
    as YAML: both outputs of each."""
    unit = write_unit(tmp_path / "xlsx", "u", {})
    (unit / "2024").mkdir()
    book.save(unit / "2024" / "evidence.xlsx")
    write_unit(tmp_path / "yaml", "u", {2024: as_yaml(RECORDS)})
    outputs = []
    for root in ("xlsx", "yaml"):
        common = ["--evidence", str(tmp_path / root), "--rules", str(RULES), *args]
        validated = runner.invoke(main, ["validate", *common])
        assert validated.exit_code == 0, validated.output
        predicted = runner.invoke(main, ["predict", *common, "--as-of", "2024-09-30", "--format", "json"])
        assert predicted.exit_code == 0, predicted.output
        outputs.append((validated.output, predicted.output))
    return outputs


def test_the_vietnamese_template_filled_in_predicts_as_the_same_yaml(runner, tmp_path, vietnamese_default):
    template = tmp_path / "mau.xlsx"
    result = runner.invoke(main, ["template", "--rules", str(RULES), "--year", "2024", "--output", str(template)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(template)
    assert book.sheetnames == [
        "_hướng dẫn",
        "_lists",
        "Kế hoạch",
        "Báo cáo",
        "Kiểm tra",
        "Sáng kiến",
        "Đối thoại",
        "Tuyên truyền",
        "Nhiệm vụ được giao",
        "Chỉ số",
        "Văn bản",
        "Vi phạm",
        "Khảo sát",
        "_tài liệu kiểm chứng",
    ]
    assert [c.value for c in book["Báo cáo"][1]] == [
        "Mã số",
        "Số, ký hiệu văn bản",
        "Ngày ban hành",
        "Trích yếu",
        "Kỳ báo cáo",
        "Hạn báo cáo",
        "Ngày gửi",
        "Đúng mẫu",
        "Tiêu chí",
        "Tài liệu kiểm chứng",
        "Vị trí trong văn bản",
        "Tệp đính kèm",
        "Ghi chú",
    ]
    _fill(book, FILLED)
    (xlsx_validated, xlsx_predicted), (yaml_validated, yaml_predicted) = _predictions(runner, tmp_path, book)
    assert xlsx_validated == yaml_validated and "5 tài liệu kiểm chứng" in xlsx_validated
    assert xlsx_predicted == yaml_predicted
    unit_result = json.loads(xlsx_predicted)["units"][0]
    # the dialogue typed in the workbook counts (its proofs, not typed, leave the row's points open)
    dialogue = next(c for c in unit_result["criteria"] if c["id"] == "1.6")
    assert [(m["name"], m["low"]) for m in dialogue["metrics"]] == [("head_dialogues", 1.0)]


def test_the_drop_downs_offer_the_labels_the_reader_takes(runner, tmp_path, vietnamese_default):
    template = tmp_path / "mau.xlsx"
    runner.invoke(main, ["template", "--rules", str(RULES), "--year", "2024", "--output", str(template)])
    book = openpyxl.load_workbook(template)
    sheet = book["Báo cáo"]
    heads = [c.value for c in sheet[1]]
    offered = {}
    for check in sheet.data_validations.dataValidation:
        column = str(check.sqref).split(":")[0].rstrip("0123456789")
        source, cells = check.formula1.split("!")
        first, last = cells.replace("$", "").split(":")
        offered[heads[openpyxl.utils.column_index_from_string(column) - 1]] = [
            c.value for row in book[source.strip("'")][f"{first}:{last}"] for c in row
        ]
    assert offered["Kỳ báo cáo"] == ["Quý I", "6 tháng", "Quý III", "Năm", "Khác"]
    assert offered["Đúng mẫu"] == ["Có", "Không"]
    # Every value offered reads back: one row per period, each its own record.
    for number, period in enumerate(offered["Kỳ báo cáo"], start=1):
        row = {"Mã số": f"bc{number}", "Ngày ban hành": dt.date(2024, 3, 10), "Kỳ báo cáo": period}
        sheet.append([row.get(h, dt.date(2024, 3, 15) if h == "Hạn báo cáo" else None) for h in heads])
    unit = write_unit(tmp_path, "u", {})
    (unit / "2024").mkdir()
    book.save(unit / "2024" / "evidence.xlsx")
    result = runner.invoke(main, ["validate", "--evidence", str(tmp_path), "--rules", str(RULES)])
    assert result.exit_code == 0, result.output
    assert "5 tài liệu kiểm chứng" in result.output
    guide = [[c.value for c in row] for row in book["_hướng dẫn"].iter_rows(min_row=3)]
    assert guide[0] == ["Trang tính", "Cột", "Ý nghĩa", "Bắt buộc", "Giá trị", "Ví dụ"]
    assert [
        "Báo cáo",
        "Kỳ báo cáo",
        "Báo cáo định kỳ của kỳ nào",
        "Có",
        "Quý I; 6 tháng; Quý III; Năm; Khác",
        "Quý I",
    ] in guide
    assert ["Đối thoại", "Người đứng đầu chủ trì"] in [row[:2] for row in guide]
    assert ["Báo cáo", "Hạn báo cáo", "Hạn gửi báo cáo theo quy định", "Có", "Ngày", "15/03/2024"] in guide


def test_the_english_template_and_an_older_workbook_still_read(runner, tmp_path):
    template = tmp_path / "t.xlsx"
    result = runner.invoke(
        main, ["template", "--rules", str(RULES), "--year", "2024", "--lang", "en", "--output", str(template)]
    )
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(template)
    _fill(book, RECORDS)
    (xlsx_validated, xlsx_predicted), (yaml_validated, yaml_predicted) = _predictions(
        runner, tmp_path, book, ("--lang", "en")
    )
    assert xlsx_validated == yaml_validated and "5 evidence records" in xlsx_validated
    assert xlsx_predicted == yaml_predicted


def _offered(book, sheet_name, head):
    """The values the drop-down of the column headed `head` offers."""
    sheet = book[sheet_name]
    heads = [c.value for c in sheet[1]]
    for check in sheet.data_validations.dataValidation:
        column = str(check.sqref).split(":")[0].rstrip("0123456789")
        if heads[openpyxl.utils.column_index_from_string(column) - 1] == head:
            source, cells = check.formula1.split("!")
            first, last = cells.replace("$", "").split(":")
            return [c.value for row in book[source.strip("'")][f"{first}:{last}"] for c in row]
    raise KeyError(head)


def test_the_vietnamese_template_offers_indicators_and_document_kinds_by_their_words(
    runner, tmp_path, vietnamese_default
):
    """The drop-downs of indicator names and document kinds offer the set's Vietnamese words, not its
    codes; a workbook filled with the words reads as the same records as one written with the codes
    (and a person who types a code is read as well)."""
    template = tmp_path / "mau.xlsx"
    result = runner.invoke(main, ["template", "--rules", str(RULES), "--year", "2024", "--output", str(template)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(template)
    indicators = _offered(book, "Chỉ số", "Tên chỉ số")
    kinds = _offered(book, "Văn bản", "Loại văn bản")
    assert "Tỷ lệ hồ sơ nộp trực tuyến" in indicators and len(indicators) == 21
    assert "Quy chế làm việc" in kinds
    assert not [v for v in indicators + kinds if "_" in v]
    guide = [[c.value for c in row] for row in book["_hướng dẫn"].iter_rows(min_row=4)]
    (row,) = [row for row in guide if row[:2] == ["Chỉ số", "Tên chỉ số"]]
    assert row[2] == "Tên chỉ số do bộ tiêu chí khai báo (chọn trong danh sách)"
    assert "Tỷ lệ hồ sơ nộp trực tuyến" in row[4] and "online_applications_rate" not in row[4]
    proofs = _offered(book, "Đối thoại", "Tài liệu kiểm chứng")
    assert proofs == [
        "Biên bản hội nghị đối thoại",
        "Giấy mời hội nghị đối thoại",
        "Thông báo kết luận của người đứng đầu",
    ]
    listed = [row for row in book["_tài liệu kiểm chứng"].iter_rows(values_only=True)]
    assert listed[0] == ("Tiêu chí", "Nội dung", "Tài liệu kiểm chứng", "Cách tính điểm theo quyết định")
    assert [r[2] for r in listed[1:]] == [
        "Giấy mời hội nghị đối thoại",
        "Biên bản hội nghị đối thoại",
        "Thông báo kết luận của người đứng đầu",
    ]
    filled = {
        "Chỉ số": [
            {"Mã số": "ol", "Ngày ban hành": dt.date(2024, 9, 13), "Tên chỉ số": "tỷ lệ hồ sơ nộp trực tuyến"},
            {"Mã số": "dti", "Ngày ban hành": dt.date(2024, 9, 13), "Tên chỉ số": "dti_score"},
        ],
        "Văn bản": [{"Mã số": "qc", "Ngày ban hành": dt.date(2024, 2, 1), "Loại văn bản": "Quy chế làm việc"}],
        "Đối thoại": [
            {
                "Mã số": "bb",
                "Ngày ban hành": dt.date(2024, 8, 22),
                "Người đứng đầu chủ trì": "Có",
                "Tài liệu kiểm chứng": "Biên bản hội nghị đối thoại",
                "Tiêu chí": "1.6",
            }
        ],
    }
    filled["Chỉ số"][0]["Giá trị"] = filled["Chỉ số"][1]["Giá trị"] = 0.63
    _fill(book, filled)
    unit = write_unit(tmp_path / "xlsx", "u", {})
    (unit / "2024").mkdir()
    book.save(unit / "2024" / "evidence.xlsx")
    codes = [
        {"id": "ol", "type": "indicator", "date": "2024-09-13", "name": "online_applications_rate", "value": 0.63},
        {"id": "dti", "type": "indicator", "date": "2024-09-13", "name": "dti_score", "value": 0.63},
        {"id": "qc", "type": "document", "date": "2024-02-01", "kind": "working_rules"},
        {
            "id": "bb",
            "type": "dialogue",
            "date": "2024-08-22",
            "chaired_by_head": True,
            "proof": "dialogue-minutes",
            "criteria": ["1.6"],
        },
    ]
    write_unit(tmp_path / "yaml", "u", {2024: codes})
    outputs = []
    for root in ("xlsx", "yaml"):
        args = ["--evidence", str(tmp_path / root), "--rules", str(RULES), "--as-of", "2024-09-30"]
        validated = runner.invoke(main, ["validate", *args[:4]])
        assert validated.exit_code == 0, validated.output
        predicted = runner.invoke(main, ["predict", *args, "--format", "json"])
        assert predicted.exit_code == 0, predicted.output
        outputs.append((validated.output, predicted.output))
    assert outputs[0] == outputs[1]
    assert "4 tài liệu kiểm chứng" in outputs[0][0]
    assert '"dialogue-minutes"' in outputs[0][1]  # the proof's words read as its id
    # the names reached the metrics: the indicator's value is in the forecast
    assert '"online_applications_rate"' in outputs[0][1] or "online_applications" in outputs[0][1]


def test_template_offers_the_declared_names(runner, tmp_path):
    target = tmp_path / "t.xlsx"
    runner.invoke(main, ["template", "--rules", str(RULES), "--output", str(target), "--lang", "en"])
    book = openpyxl.load_workbook(target)
    assert book.sheetnames[0] == "_guide"
    # The indicator names; no proof: none of the set's is recorded as an indicator.
    (check,) = book["indicator"].data_validations.dataValidation
    sheet, cells = check.formula1.split("!")
    first, last = cells.replace("$", "").split(":")
    offered = [c.value for row in book[sheet.strip("'")][f"{first}:{last}"] for c in row]
    assert "online_applications_rate" in offered and len(offered) == 21
    guide = [[c.value for c in row] for row in book["_guide"].iter_rows(min_row=4)]
    assert ["report", "due", "when the report is due", "yes", "a date", "15/03/2024"] in guide
    assert [
        "dialogue",
        "proof",
        "the proof document a criterion asks for that the record is (see the _proofs sheet)",
        "no",
        "dialogue-conclusions; dialogue-invitation; dialogue-minutes",
        "dialogue-conclusions",
    ] in guide
    kinds = next(row for row in guide if row[:2] == ["document", "kind"])
    assert "working_rules (Working rules)" in kinds[4]
    listed = [row for row in book["_proofs"].iter_rows(values_only=True)]
    assert listed[0] == ("Criterion", "Title", "proof", "Proof documents", "The decision's scoring text")
    assert [(r[0], r[2], r[3]) for r in listed[1:]] == [
        ("1.6", "dialogue-invitation", "Invitation to the dialogue"),
        ("1.6", "dialogue-minutes", "Minutes of the dialogue"),
        ("1.6", "dialogue-conclusions", "The head's conclusion notice"),
    ]


def test_self_assessment_sheet(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    target = tmp_path / "tu-danh-gia.xlsx"
    result = runner.invoke(
        main, ["predict", "--as-of", "2024-09-30", "--format", "xlsx", "--lang", "vi", "--output", str(target)]
    )
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(target)
    # Expected points, never headed as the self-assessment (`scorer form` holds evidence-backed points)
    sheet = book["Điểm dự kiến"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert rows["1.2"][2:5] == (1, 0.69, "38/BC-VPUB; 121/BC-VPUB; 189/BC-VPUB")
    assert rows["1"][1] == "Công tác chỉ đạo điều hành" and rows["1"][3] == 8.99
    assert [r for r in sheet.iter_rows(values_only=True)][1] == (
        "TT",
        "Nội dung / tiêu chí",
        "Điểm tối đa",
        "Điểm dự kiến",
        "Tài liệu kiểm chứng",
        "Ghi chú",
        "Cách tính điểm",
    )
    assert rows["1.6"][4] == "149/GM-VPUB; 158/TB-VPUB; thiếu tài liệu kiểm chứng: Biên bản hội nghị đối thoại"
    *_, total, index = sheet.iter_rows(values_only=True)
    assert total[1:4] == ("Tổng cộng", 100, 91.46)
    assert index[1:4] == ("Chỉ số (% điểm tối đa được đánh giá)", 100, 91.46)
    assert "Chấm theo bộ tiêu chí mô phỏng, không phải quyết định của tỉnh" in sheet["A1"].value
    assert book["Nguy cơ mất điểm"]["A2"].value == "7.1.1"


def test_xlsx_needs_an_output_file(runner, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = runner.invoke(main, ["predict", "--format", "xlsx"])
    assert result.exit_code == 2 and "--format xlsx needs --output FILE" in result.output


def _empty_cells_book(path, rows, cols, values_after=0):
    """A workbook whose 'communication' sheet is a header, then rows of styled empty cells (no r=,
    as some generators write them: a few hundred KiB that unpack to 100+ MiB), then records."""
    import zipfile

    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            head + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            head + f'<Relationships xmlns="{package}"><Relationship Id="rId1" Type="{rel}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            head + f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
            '<sheet name="communication" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            head + f'<Relationships xmlns="{package}"><Relationship Id="rId1" Type="{rel}/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>',
        )
        with z.open("xl/worksheets/sheet1.xml", "w") as sheet:
            cell = lambda text: f'<c t="inlineStr"><is><t>{text}</t></is></c>'  # noqa: E731
            sheet.write(f'{head}<worksheet xmlns="{main}"><sheetData>'.encode())
            sheet.write(("<row>" + "".join(cell(h) for h in ("id", "date", "form", "count")) + "</row>").encode())
            empty = ("<row>" + '<c s="0"/>' * cols + "</row>").encode()
            for _ in range(rows):
                sheet.write(empty)
            for i in range(values_after):
                values = "".join(cell(v) for v in (f"c{i}", "2024-03-01", "news")) + "<c><v>2</v></c>"
                sheet.write(f"<row>{values}</row>".encode())
            sheet.write(b"</sheetData></worksheet>")


def test_a_sheet_of_empty_cells_is_refused_before_it_is_parsed(tmp_path):
    """32 MiB of empty cells in a 70 KiB file (the issue's was 120 MiB in 149 KiB): refused by the
    byte scan, which stops at the limit (openpyxl would have parsed every cell on opening the sheet)."""
    import zipfile

    from scorer.errors import Collector, ScorerError, wording
    from scorer.loading.xlsx_ import xlsx_records

    path = tmp_path / "empty.xlsx"
    _empty_cells_book(path, 210, 16384)
    assert sum(p.file_size for p in zipfile.ZipFile(path).infolist()) > 32 * 2**20
    problems = Collector()
    assert list(xlsx_records(path, problems)) == []
    try:
        problems.raise_if_any()
    except ScorerError as error:
        [problem] = error.problems
    assert wording(problem.message, "en") == (
        "more than 100,000 empty cells or 10,000 empty rows after row 1: the sheet is refused before it is read"
    )
    assert wording(problem.hint, "en") == (
        "delete the empty rows and columns below and beside the records (select them, Delete), then save"
    )
    assert wording(problem.message, "vi") == (
        "hơn 100.000 ô trống hoặc 10.000 dòng trống sau dòng 1: trang tính bị từ chối trước khi đọc"
    )


def test_records_after_empty_rows_within_the_limits_are_all_read(tmp_path):
    """No record is dropped unseen: empty rows within the limits are skipped, what follows is read."""
    from scorer.errors import Collector
    from scorer.loading.xlsx_ import xlsx_records

    path = tmp_path / "gap.xlsx"
    _empty_cells_book(path, 9_000, 10, values_after=3)
    records = list(xlsx_records(path, Collector()))
    assert [(r[0]["id"], r[1].line) for r in records] == [("c0", 9_002), ("c1", 9_003), ("c2", 9_004)]


def _filled_unit(runner, tmp_path, edit):
    """A unit whose workbook is the Vietnamese template with one report row, changed by `edit`."""
    template = tmp_path / "mau.xlsx"
    result = runner.invoke(
        main, ["template", "--rules", str(RULES), "--year", "2024", "--lang", "vi", "--output", str(template)]
    )
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(template)
    _fill(book, {"Báo cáo": FILLED["Báo cáo"]})
    edit(book["Báo cáo"])
    unit = write_unit(tmp_path / "ev", "u", {})
    (unit / "2024").mkdir()
    book.save(unit / "2024" / "bao-cao.xlsx")
    return tmp_path / "ev"


def _errors(runner, evidence, lang):
    result = runner.invoke(main, ["validate", "--evidence", str(evidence), "--rules", str(RULES), "--lang", lang])
    assert result.exit_code == 1
    return [line for line in result.output.splitlines() if line.startswith(("Lỗi", "Error"))]


def test_a_misspelt_head_is_named_with_the_head_meant(runner, tmp_path):
    def misspell(sheet):
        sheet["E1"] = "Ky bao kao"  # Kỳ báo cáo

    evidence = _filled_unit(runner, tmp_path, misspell)
    where = f"{evidence}/u/2024/bao-cao.xlsx[Báo cáo]:1"
    assert _errors(runner, evidence, "vi") == [
        f"Lỗi: {where}: cột E, 'Ky bao kao', không phải là cột của trang tính này (có phải là 'Kỳ báo cáo'?)"
    ]
    assert _errors(runner, evidence, "en") == [
        f"Error: {where}: column E, 'Ky bao kao', is no column of this sheet (did you mean 'Kỳ báo cáo'?)"
    ]


def test_a_head_of_nothing_near_lists_the_sheet_s_columns(runner, tmp_path):
    def stray(sheet):
        sheet["N1"] = "Người ký"
        sheet["N2"] = "Nguyễn Văn A"

    evidence = _filled_unit(runner, tmp_path, stray)
    (error,) = _errors(runner, evidence, "vi")
    assert error.startswith(
        f"Lỗi: {evidence}/u/2024/bao-cao.xlsx[Báo cáo]:1: cột N, 'Người ký', không phải là cột của trang tính này "
        "(các cột là: Mã số; Số, ký hiệu văn bản; Ngày ban hành; Trích yếu; Kỳ báo cáo; Hạn báo cáo; Ngày gửi;"
    )


@pytest.mark.parametrize("head", ["STT", "TT", "Số TT", "số thứ tự"])
def test_a_row_number_column_is_read_and_left_aside(runner, tmp_path, head):
    """The first column of every Vietnamese sheet, "STT" (số thứ tự), numbers the rows: it is no
    field, and the records read are those of the sheet without it."""

    def numbered(sheet):
        sheet.insert_cols(1)
        sheet["A1"] = head
        for row in range(2, sheet.max_row + 1):
            sheet.cell(row, 1, row - 1)

    (tmp_path / "stt").mkdir()
    (tmp_path / "plain").mkdir()
    evidence = _filled_unit(runner, tmp_path / "stt", numbered)
    plain = _filled_unit(runner, tmp_path / "plain", lambda sheet: None)
    outputs = []
    for folder in (evidence, plain):
        common = ["--evidence", str(folder), "--rules", str(RULES)]
        validated = runner.invoke(main, ["validate", *common])
        assert validated.exit_code == 0, validated.output
        predicted = runner.invoke(main, ["predict", *common, "--as-of", "2024-09-30", "--format", "json"])
        assert predicted.exit_code == 0, predicted.output
        outputs.append((validated.output.replace(str(folder), ""), predicted.output))
    assert outputs[0] == outputs[1]
    assert "1 evidence records" in outputs[0][0]


def test_a_row_number_column_of_a_csv_is_left_aside(runner, tmp_path):
    unit = write_unit(tmp_path, "u", {})
    (unit / "2024").mkdir()
    (unit / "2024" / "bao-cao.csv").write_text(
        "Số TT;Mã số;Số, ký hiệu văn bản;Ngày ban hành;Kỳ báo cáo;Hạn báo cáo;Ngày gửi;Đúng mẫu\n"
        "1;q1;38/BC-VP;12/03/2024;Quý I;15/03/2024;12/03/2024;Có\n"
        "2;h1;95/BC-VP;10/06/2024;6 tháng;15/06/2024;;Không\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["validate", "--evidence", str(tmp_path), "--rules", str(RULES), "--lang", "vi"])
    assert result.exit_code == 0, result.output
    assert "2 tài liệu kiểm chứng" in result.output
    # A value under a head that names nothing is still refused: only the row number is left aside.
    (unit / "2024" / "bao-cao.csv").write_text(
        "TT;Mã số;Ngày ban hành;Kỳ báo cáo;Hạn báo cáo;Người ký\n1;q1;12/03/2024;Quý I;15/03/2024;A\n",
        encoding="utf-8",
    )
    errors = _errors(runner, tmp_path, "vi")
    assert len(errors) == 1 and "cột F, 'Người ký', không phải là cột của tệp tài liệu kiểm chứng" in errors[0]


def test_heads_and_labels_read_without_marks_in_any_case_and_in_english(runner, tmp_path):
    def plain(sheet):
        sheet["B1"] = "SO, KY HIEU VAN BAN"
        sheet["E1"] = "period"
        sheet["E2"] = "quy i"
        sheet["H2"] = "true"

    evidence = _filled_unit(runner, tmp_path, plain)
    result = runner.invoke(main, ["validate", "--evidence", str(evidence), "--rules", str(RULES), "--lang", "vi"])
    assert result.exit_code == 0, result.output


def test_a_misspelt_value_is_named_by_its_row_and_head_with_the_label_meant(runner, tmp_path):
    def misspell(sheet):
        sheet["E2"] = "Qúy 1l"  # Quý I
        sheet["H2"] = "Khong dung"  # Không

    evidence = _filled_unit(runner, tmp_path, misspell)
    where = f"{evidence}/u/2024/bao-cao.xlsx[Báo cáo]:2"
    assert _errors(runner, evidence, "vi") == [
        f"Lỗi: {where}: Kỳ báo cáo: 'Qúy 1l' không phải là giá trị của cột này (có phải là 'Quý I'?)",
        f"Lỗi: {where}: Đúng mẫu: 'Khong dung' không phải là giá trị của cột này (có phải là 'Không'?)",
    ]


def test_a_value_of_nothing_near_lists_the_labels_in_the_run_s_language(runner, tmp_path):
    def wrong(sheet):
        sheet["E2"] = "giữa kỳ"

    evidence = _filled_unit(runner, tmp_path, wrong)
    where = f"{evidence}/u/2024/bao-cao.xlsx[Báo cáo]:2"
    assert _errors(runner, evidence, "vi") == [
        f"Lỗi: {where}: Kỳ báo cáo: 'giữa kỳ' không phải là giá trị của cột này "
        "(ghi một trong các giá trị: Quý I; 6 tháng; Quý III; Năm; Khác)"
    ]
    assert _errors(runner, evidence, "en") == [
        f"Error: {where}: Kỳ báo cáo: 'giữa kỳ' is not one of this column's values "
        "(write one of: q1; h1; q3; year; other)"
    ]


def test_a_problem_names_the_column_by_its_head(runner, tmp_path):
    def wrong(sheet):
        sheet["F2"] = None  # Hạn báo cáo: required
        sheet["C2"] = "31/02/2024"

    evidence = _filled_unit(runner, tmp_path, wrong)
    errors = _errors(runner, evidence, "vi")
    where = f"{evidence}/u/2024/bao-cao.xlsx[Báo cáo]:2"
    assert f"Lỗi: {where}: Hạn báo cáo: thiếu (bắt buộc)" in errors
    assert any(line.startswith(f"Lỗi: {where}: Ngày ban hành: ") for line in errors), errors


def test_a_csv_saved_from_the_template_reads_its_vietnamese_heads(runner, tmp_path):
    unit = write_unit(tmp_path, "u", {})
    (unit / "2024").mkdir()
    (unit / "2024" / "bao-cao.csv").write_text(
        "Mã số;Số, ký hiệu văn bản;Ngày ban hành;Kỳ báo cáo;Hạn báo cáo;Ngày gửi;Đúng mẫu\n"
        "q1;38/BC-VP;12/03/2024;Quý I;15/03/2024;12/03/2024;Có\n"
        "h1;95/BC-VP;10/06/2024;6 tháng;15/06/2024;;Không\n",
        encoding="utf-8",
    )
    (unit / "2024" / "khac.csv").write_text(
        "Loại hồ sơ,Mã số,Ngày ban hành,Hạn hoàn thành,Ngày hoàn thành\n"
        "Nhiệm vụ được giao,nv1,02/02/2024,30/06/2024,25/06/2024\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["validate", "--evidence", str(tmp_path), "--rules", str(RULES), "--lang", "vi"])
    assert result.exit_code == 0, result.output
    assert "3 tài liệu kiểm chứng" in result.output
    (unit / "2024" / "bao-cao.csv").write_text("Mã số;Ngày ban hành;Ky bao cao;Han bao ca;Hạn nộp\n", encoding="utf-8")
    assert _errors(runner, tmp_path, "vi") == [
        f"Lỗi: {unit}/2024/bao-cao.csv:1: cột D, 'Han bao ca', không phải là cột của tệp tài liệu kiểm chứng "
        "(có phải là 'Hạn báo cáo'?)",
        f"Lỗi: {unit}/2024/bao-cao.csv:1: cột E, 'Hạn nộp', không phải là cột của tệp tài liệu kiểm chứng "
        "(các cột là: Mã số; Số, ký hiệu văn bản; Ngày ban hành; Trích yếu; Kỳ báo cáo; Hạn báo cáo; Ngày gửi; "
        "Đúng mẫu; Tiêu chí; Tài liệu kiểm chứng; Vị trí trong văn bản; Tệp đính kèm; Ghi chú)",
    ]


def test_a_name_the_criteria_set_lacks_is_named_by_its_head(runner, tmp_path):
    def wrong(sheet):
        sheet["I2"] = "1.2; 9.99"  # Tiêu chí

    evidence = _filled_unit(runner, tmp_path, wrong)
    (error,) = _errors(runner, evidence, "vi")
    assert error.startswith(f"Lỗi: {evidence}/u/2024/bao-cao.xlsx[Báo cáo]:2: Tiêu chí: ")


def _offered(book: openpyxl.Workbook, sheet: str, head: str) -> list[str] | None:
    """The values a column's drop-down offers, read back as Excel does (None: no drop-down)."""
    heads = [c.value for c in book[sheet][1]]
    letter = openpyxl.utils.get_column_letter(heads.index(head) + 1)
    checks = [v for v in book[sheet].data_validations.dataValidation if f"{letter}2:{letter}2000" in str(v.sqref)]
    if not checks:
        return None
    (check,) = checks
    source, cells = check.formula1.split("!")
    return [c.value for row in book[source.strip("'")][cells.replace("$", "")] for c in row]


@pytest.mark.parametrize(
    ("lang", "sheets", "head", "proofs"),
    [
        (
            "vi",
            {"report": "Báo cáo", "indicator": "Chỉ số", "dialogue": "Đối thoại", "document": "Văn bản"},
            "Tài liệu kiểm chứng",
            ["Biên bản hội nghị đối thoại", "Giấy mời hội nghị đối thoại", "Thông báo kết luận của người đứng đầu"],
        ),
        (
            "en",
            {"report": "report", "indicator": "indicator", "dialogue": "dialogue", "document": "document"},
            "proof",
            ["dialogue-conclusions", "dialogue-invitation", "dialogue-minutes"],
        ),
    ],
)
def test_template_offers_each_sheet_only_the_proofs_its_records_can_be(runner, tmp_path, lang, sheets, head, proofs):
    """1.6's proofs (the dialogue's invitation, minutes, conclusion notice) are dialogue records and
    documents: the Báo cáo and Chỉ số sheets offer none of them, and their guide says so."""
    target = tmp_path / "t.xlsx"
    result = runner.invoke(main, ["template", "--rules", str(RULES), "--output", str(target), "--lang", lang])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(target)
    assert _offered(book, sheets["dialogue"], head) == proofs
    assert _offered(book, sheets["document"], head) == proofs
    assert _offered(book, sheets["report"], head) is None
    assert _offered(book, sheets["indicator"], head) is None
    guide = {(row[0], row[1]): row for row in book.worksheets[0].iter_rows(min_row=4, values_only=True)}
    none = SHEET_TEXT[lang]["no_proofs"]
    assert guide[(sheets["report"], head)][4:] == (none, None)
    assert guide[(sheets["dialogue"], head)][4] == "; ".join(proofs)


def test_the_guide_s_examples_of_criteria_are_rows_the_set_scores(runner, tmp_path):
    # An officer copies the guide's example "1.2; 1.3" and validate refuses 1.3 (scored by its
    # sub-criteria): every criterion id the guide shows as an example must be one a record may name.
    import re

    from scorer.loading import load_criteria

    cs = load_criteria(RULES / "criteria_2024.yaml")
    scorable = {c.id for c in cs.criteria()}
    texts: list[str] = []
    template = tmp_path / "mau.xlsx"
    for lang in ("vi", "en"):
        result = runner.invoke(
            main, ["template", "--rules", str(RULES), "--year", "2024", "-o", str(template), "--lang", lang]
        )
        assert result.exit_code == 0, result.output
        book = openpyxl.load_workbook(template)
        texts += [str(cell.value) for row in book.worksheets[0].iter_rows() for cell in row if cell.value]
    # Criterion ids as the guide writes them (rates are written 0,63 or 0.63: not ids).
    named = {m for text in texts for m in re.findall(r"(?<![\d.,])[1-9]\.\d+(?:\.\d+)?(?![\d.])", text)}
    assert named and named <= scorable, sorted(named - scorable)


def test_the_guide_says_a_document_without_its_number_earns_nothing_expected(runner, tmp_path, vietnamese_default):
    template = tmp_path / "mau.xlsx"
    result = runner.invoke(main, ["template", "--rules", str(RULES), "--year", "2024", "-o", str(template)])
    assert result.exit_code == 0, result.output
    guide = " ".join(
        str(c.value) for row in openpyxl.load_workbook(template).worksheets[0].iter_rows() for c in row if c.value
    )
    assert (
        "Văn bản không ghi số, ký hiệu (hoặc có ghi tệp đính kèm mà không tìm thấy tệp) là tài liệu chưa đủ căn cứ: "
        "không được tính vào điểm dự kiến." in guide
    )

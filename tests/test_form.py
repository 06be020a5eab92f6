"""`scorer form`: the self-assessment form, opened back as a person would open it (openpyxl)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from scorer import api
from scorer.cli import main
from scorer.loading import load_criteria
from tests.conftest import OFFICE, ROOT, RULES, write_unit
from tests.strategies import units

CS2024, CS2023 = (load_criteria(RULES / f"criteria_{year}.yaml") for year in (2024, 2023))

REPORT = {
    "id": "bc-q1",
    "type": "report",
    "period": "q1",
    "date": "2024-03-12",
    "due": "2024-03-15",
    "submitted": "2024-03-12",
}

# The form is Vietnamese by default, as every command: these tests read its default text.
pytestmark = pytest.mark.usefixtures("vietnamese_default")

HEAD_ROW = 6


def _form(runner, tmp_path, *args, name="form.xlsx"):
    target = tmp_path / name
    result = runner.invoke(main, ["form", *args, "-o", str(target)])
    assert result.exit_code == 0, result.output
    return openpyxl.load_workbook(target)


def _rows(sheet):
    """Data rows by STT (column A), from the row under the heads to the last numbered row; the
    "Cách tính điểm" column (D) is left out (`_methods` reads it)."""
    rows = {}
    for row in sheet.iter_rows(min_row=HEAD_ROW + 1):
        values = [c.value for c in row[:9]]
        del values[3]
        if values[1] is None and values[0] is None:
            break
        rows[values[0] or "total"] = values
    return rows


def _methods(sheet):
    """The "Cách tính điểm" column (D) by STT."""
    return {row[0]: row[3] for row in sheet.iter_rows(min_row=HEAD_ROW + 1, values_only=True) if row[0]}


@pytest.fixture
def form2024(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    return _form(runner, tmp_path, "--year", "2024", "--as-of", "2024-09-30")


def test_form_prints_as_an_a4_landscape_form_with_its_heads_on_every_page(form2024):
    sheet = form2024["Biểu tự đánh giá"]
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4) == 9
    assert sheet.print_title_rows == f"${HEAD_ROW}:${HEAD_ROW}"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
    assert [c.value for c in sheet[HEAD_ROW]] == [
        "STT",
        "Nội dung",
        "Điểm tối đa",
        "Cách tính điểm",
        "Điểm tự đánh giá",
        "Tài liệu kiểm chứng (số, ký hiệu; ngày; trích yếu)",
        "Giải trình",
        "Điểm thẩm định",
        "Ghi chú",
    ]
    assert all(sheet.column_dimensions[letter].width >= 7 for letter in "ABCDEFGHI")
    assert (sheet["A1"].value, sheet["A2"].value) == ("UBND TỈNH ……", "VĂN PHÒNG UBND TỈNH")
    assert sheet["A3"].value == "BIỂU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024"
    assert "Văn phòng UBND tỉnh" in sheet["A4"].value and "30/09/2024" in sheet["A4"].value
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert "CHÁNH VĂN PHÒNG" in texts and "Trần Bình Minh" in texts and "NGƯỜI LẬP BIỂU" in texts
    for row in sheet.iter_rows(min_row=HEAD_ROW + 1, max_row=HEAD_ROW + len(_rows(sheet))):
        for cell in row[2:3] + row[4:5] + row[7:8]:
            if isinstance(cell.value, float | int):
                assert cell.number_format == "0.00"
        assert row[1].alignment.wrap_text or row[1].value is None


def test_form_rows_hold_the_evidence_as_it_stands_and_leave_survey_rows_blank(runner, form2024, monkeypatch):
    """Before the cut-off a row holds what its evidence shows that day (`điểm có căn cứ đến ngày
    này`): what is done is credited, what is lost is deducted, nothing still to come is hoped for
    (so never above the forecast's high) or feared (so never below its low); points that rest on
    absence alone (nothing arose so far) wait for the year's end."""
    monkeypatch.chdir(ROOT)
    result = runner.invoke(main, ["predict", "--as-of", "2024-09-30", "--format", "json"])
    criteria = {c["id"]: c for c in json.loads(result.output)["units"][0]["criteria"]}
    rows = _rows(form2024["Biểu tự đánh giá"])
    rows_method = _methods(form2024["Biểu tự đánh giá"])
    assert set(criteria) <= set(rows)
    assert {"1", "1.1", "1.3", "7.2", "8", "total"} <= set(rows)
    so_far = "Đến nay chưa phát sinh: đạt điểm tối đa nếu cả năm không phát sinh"
    for cid, c in criteria.items():
        stt, title, top, own, proofs, why, appraised, notes = rows[cid]
        assert top == c["max"] and title == c["title"]
        if c["status"] == "not_arising":
            # nothing has arisen so far, which no document shows: none yet, and full for the year
            # only if nothing arises all year, which the row says
            assert own == 0, cid
            assert why == so_far and notes is None, cid
            assert "không phát sinh: " in rows_method[cid], cid
        elif c["source"] == "appraisal":
            assert c["low"] <= own <= c["high"], cid
            if c["proofs"] and any(not p["evidence"] for p in c["proofs"]):
                assert own == 0 and "Thiếu:" in proofs, cid
            if own < top:
                assert why, cid
        else:
            assert own is None and proofs is None, cid
            assert "điều tra xã hội học" in notes, cid
        assert appraised is None
    # 1.2: Q1 and Q3 on time, H1 late (-0,25); the annual report is not due yet and not counted
    assert rows["1.2"][3] == 0.75 and criteria["1.2"]["low"] == 0.5
    assert rows["1.2"][4].splitlines() == [
        "38/BC-VPUB, 12/03/2024: Báo cáo công tác CCHC quý I năm 2024",
        "121/BC-VPUB, 19/06/2024: Báo cáo công tác CCHC 6 tháng đầu năm 2024",
        "189/BC-VPUB, 13/09/2024: Báo cáo công tác CCHC quý III năm 2024",
    ]
    assert "chưa đến hạn (15/12/2024)" in rows["1.2"][5]
    # 3.5.1: 99,6% of dossiers on time is the 98% band's 1,5 today (the forecast's low, 0, is the
    # share the rest of the year could drag it to); 7.3.2: 63% online is 2 x 63/80
    assert (rows["3.5.1"][3], criteria["3.5.1"]["low"]) == (1.5, 0)
    assert rows["7.3.2"][3] == 1.58
    # 5.2 and 5.5: no violation recorded so far shows nothing yet, said as not arisen yet
    assert [rows[cid][3:6:2] for cid in ("5.2", "5.5")] == [[0, so_far], [0, so_far]]
    # 1.7: 36 of the 37 tasks due by 30/09 done on time; the task due in October is not yet counted
    assert rows["1.7"][3] == 0.49
    # the internal pilot survey of 8.1 is never a proof
    texts = " ".join(str(v) for row in rows.values() for v in row if v)
    assert "58/BC-TTPVHCC" not in texts
    # the area row adds up the self-scores of its rows (survey rows have none)
    area1 = [c for c in criteria.values() if c["area"] == "1" and c["source"] == "appraisal"]
    assert rows["1"][3] == pytest.approx(sum(rows[c["id"]][3] for c in area1))


def test_form_after_the_cutoff_is_final_and_carries_the_appraisal(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    book = _form(runner, tmp_path, "--year", "2023")
    sheet = book["Biểu tự đánh giá"]
    assert "(đã chốt số liệu)" in sheet["A4"].value
    rows = _rows(sheet)
    assert rows["1.3.1"][3] == 0.7 and rows["1.3.1"][6] == 0.7
    assert rows["7.3.2"][6] == 1.35
    assert book["Giải trình"]["A7"].value == "Thẩm định không trừ nội dung nào so với điểm tự đánh giá."


NOT_YET = "Đến nay chưa phát sinh: đạt điểm tối đa nếu cả năm không phát sinh"
AROSE = "Không phát sinh trong năm: không có nội dung phải thực hiện, tự đánh giá đạt điểm tối đa"
TASK_2023 = {
    "id": "nv-1",
    "type": "assigned_task",
    "date": "2023-03-01",
    "document_no": "12/UBND-KSTT",
    "due": "2023-03-20",
    "completed": "2023-03-15",
}


@pytest.mark.parametrize(
    "last_year, as_of, own, why, note",
    [
        # Nothing assigned by 30/09, and nothing last year either: nothing has arisen so far.
        (
            [{**REPORT, "date": "2023-03-12", "due": "2023-03-15", "submitted": "2023-03-12"}],
            "2024-09-30",
            0,
            NOT_YET,
            None,
        ),
        # Tasks were assigned last year, or the unit has no last year: the forecast counts a task
        # still to come (tests/test_predict.py); the form says what it says of any row where
        # nothing has arisen so far.
        ([TASK_2023], "2024-09-30", 0, NOT_YET, None),
        (None, "2024-09-30", 0, NOT_YET, None),
        # At the cut-off, no task on record is "không phát sinh": full points, whatever last year had.
        ([TASK_2023], "2024-12-31", 0.5, AROSE, "Không phát sinh"),
        (None, "2024-12-31", 0.5, AROSE, "Không phát sinh"),
    ],
)
def test_a_row_where_nothing_arose_is_full_only_once_the_year_is_over(
    runner, tmp_path, last_year, as_of, own, why, note
):
    # 1.7 (tasks assigned by the province) gives full points when no task was assigned; on 30/09
    # nothing assigned so far shows nothing yet: a task may still come, and the form says so
    # rather than "không phát sinh" for the year.
    years = {2024: [REPORT]} | ({2023: last_year} if last_year else {})
    write_unit(tmp_path / "evidence", "u", years, name="Sở Tư pháp")
    target = tmp_path / "form.xlsx"
    args = ["form", "--evidence", str(tmp_path / "evidence"), "--rules", str(ROOT / "rules"), "--as-of", as_of]
    result = runner.invoke(main, [*args, "--lang", "vi", "-o", str(target)])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(target)["Biểu tự đánh giá"]
    stt, title, top, got, proofs, said, appraised, notes = _rows(sheet)["1.7"]
    assert (top, got, proofs, said, notes) == (0.5, own, None, why, note)
    assert _methods(sheet)["1.7"].endswith("; không phát sinh: 0,5 điểm")


def test_the_scoring_column_says_a_count_as_a_decision_does(form2024):
    methods = _methods(form2024["Biểu tự đánh giá"])
    assert methods["6.2"] == "1,5 điểm nếu có quy chế chi tiêu nội bộ; nếu không có: 0 điểm"
    assert methods["7.2.6"] == "1 điểm nếu có văn bản xác nhận kết nối, chia sẻ dữ liệu (LGSP); nếu không có: 0 điểm"
    assert methods["1.4.1"] == "0,5 điểm nếu có kế hoạch tuyên truyền CCHC; nếu không có: 0 điểm"
    assert methods["5.2"] == "1 điểm nếu không có vi phạm trong tuyển dụng; nếu có: 0 điểm"
    # a count with another threshold, and a share, keep their figures
    assert methods["1.4.2"] == "0,5 điểm nếu số hình thức tuyên truyền CCHC đạt 3 trở lên; nếu không: 0 điểm"
    assert methods["1.1.1"] == "0,5 điểm nếu tỷ lệ kế hoạch CCHC ban hành đúng hạn đạt 100% trở lên; nếu không: 0 điểm"
    assert not [m for m in methods.values() if m and ("văn bản văn bản" in m or "có số " in m)]


def test_rows_the_appraisal_cut_are_listed_with_the_units_explanation(runner, office_copy, tmp_path):
    folder = office_copy / OFFICE / "2023"
    official = yaml.safe_load((folder / "official.yaml").read_text(encoding="utf-8"))
    official["appraised"]["1.2"] = 0.75
    official["appraisal_notes"] = {"1.2": "Báo cáo năm gửi sau hạn"}
    (folder / "official.yaml").write_text(yaml.safe_dump(official, allow_unicode=True), encoding="utf-8")
    (folder / "explanations.yaml").write_text(
        "'1.2': Báo cáo năm gửi đúng hạn ngày 11/12/2023 (số 262/BC-VPUB)\n", encoding="utf-8"
    )
    book = _form(runner, tmp_path, "--evidence", str(office_copy), "--rules", str(ROOT / "rules"), "--year", "2023")
    rows = _rows(book["Biểu tự đánh giá"])
    assert rows["1.2"][3] == 1 and rows["1.2"][6] == 0.75
    assert rows["1.2"][5] == "Báo cáo năm gửi đúng hạn ngày 11/12/2023 (số 262/BC-VPUB)"
    assert rows["1.2"][7] == "Thẩm định: Báo cáo năm gửi sau hạn"
    cuts = book["Giải trình"]
    assert [c.value for c in cuts[HEAD_ROW + 1]] == [
        "1.2",
        "Thực hiện chế độ báo cáo cải cách hành chính định kỳ (quý I, 6 tháng, quý III, năm)",
        1,
        0.75,
        -0.25,
        "Báo cáo năm gửi sau hạn",
        "Báo cáo năm gửi đúng hạn ngày 11/12/2023 (số 262/BC-VPUB)",
    ]
    assert cuts.print_title_rows == f"${HEAD_ROW}:${HEAD_ROW}"


def test_evidence_text_never_becomes_a_formula(runner, office_copy, tmp_path):
    path = office_copy / OFFICE / "2024" / "reports.csv"
    text = path.read_text(encoding="utf-8").replace(
        "Báo cáo công tác CCHC quý I năm 2024", '"=HYPERLINK(""http://x"";""quý I"")"'
    )
    path.write_text(text, encoding="utf-8")
    target = tmp_path / "f.xlsx"
    result = runner.invoke(
        main,
        [
            "form",
            "--evidence",
            str(office_copy),
            "--rules",
            str(ROOT / "rules"),
            "--year",
            "2024",
            "--as-of",
            "2024-09-30",
            "-o",
            str(target),
        ],
    )
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(target)["Biểu tự đánh giá"]
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells and all(c.data_type == "s" for c in cells)
    assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)


def test_form_in_english_is_a_working_copy(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    sheet = _form(runner, tmp_path, "--year", "2024", "--as-of", "2024-09-30", "--lang", "en")["Self-assessment"]
    assert [c.value for c in sheet[HEAD_ROW]][:5] == ["No.", "Content", "Max", "How it is scored", "Self-score"]
    rows = _rows(sheet)
    assert rows["2.6"][7] == "Assessed by the sociological survey, not self-scored"
    assert rows["1.1.1"][1] == "Annual PAR plan issued on time"


@pytest.mark.parametrize(
    "args, message",
    [
        (["--with", "evidence/x.yaml"], "a self-assessment form is what the evidence supports: --with is refused"),
        ([], "the form is a workbook: it needs --output FILE.xlsx"),
        (
            ["-o", "form.docx"],
            "this command cannot write a .docx file (--format xlsx); give --output a matching extension",
        ),
    ],
)
def test_form_usage_errors(runner, monkeypatch, args, message):
    monkeypatch.chdir(ROOT)
    extra = [] if not args or args[0] != "--with" else ["-o", "x.xlsx"]
    result = runner.invoke(main, ["form", "--year", "2024", *args, *extra, "--lang", "en"])
    assert result.exit_code == 2
    assert f"Error: {message}" in result.output
    # Vietnamese by default, usage errors too
    vietnamese = runner.invoke(main, ["form", "--year", "2024", *args, *extra])
    assert vietnamese.exit_code == 2 and vietnamese.output.splitlines()[-1].startswith("Lỗi: ")


@pytest.mark.parametrize(
    "file, content, line",
    [
        (
            "official.yaml",
            None,
            "appraised.9.9: no criterion '9.9' in PAR Index of provincial departments, 2023 (did you mean '3.9'?)",
        ),
        ("official.yaml", "over", "appraised.1.3.1: 5 points are more than criterion 1.3.1's maximum 1"),
        (
            "explanations.yaml",
            "'1.22': x\n",
            "1.22: no criterion '1.22' in PAR Index of provincial departments, 2023 (did you mean '1.2'?)",
        ),
    ],
)
def test_appraisal_and_explanations_name_only_real_criteria(runner, office_copy, tmp_path, file, content, line):
    folder = office_copy / OFFICE / "2023"
    if file == "official.yaml":
        official = yaml.safe_load((folder / file).read_text(encoding="utf-8"))
        if content == "over":
            official["appraised"]["1.3.1"] = 5
        else:
            official["appraised"]["9.9"] = 1
        (folder / file).write_text(yaml.safe_dump(official, allow_unicode=True, sort_keys=False), encoding="utf-8")
    else:
        (folder / file).write_text(content, encoding="utf-8")
    result = runner.invoke(
        main,
        [
            "form",
            "--evidence",
            str(office_copy),
            "--rules",
            str(ROOT / "rules"),
            "--year",
            "2023",
            "--lang",
            "en",
            "-o",
            str(tmp_path / "f.xlsx"),
            "--lang",
            "en",
        ],
    )
    assert result.exit_code == 1
    (error,) = [text for text in result.output.splitlines() if text.startswith("Error:")]  # then its source line
    assert error.startswith(f"Error: {folder / file}:") and error.endswith(line)
    assert not (tmp_path / "f.xlsx").exists()


def test_form_as_a_real_subprocess(tmp_path):
    target = tmp_path / "bieu.xlsx"
    done = subprocess.run(
        [sys.executable, "-m", "scorer", "form", "--year", "2024", "--as-of", "30/09/2024", "-o", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and done.stderr == f"Đã ghi biểu tự đánh giá vào {target}\n"
    assert openpyxl.load_workbook(target).sheetnames == ["Biểu tự đánh giá", "Giải trình"]


def test_declared_proofs_are_listed_per_proof_and_a_missing_one_is_said():
    """With issue 10's `CriterionResult.proofs` (ProofStatus: id, title, title_en, evidence ids), each
    declared proof lists its documents, and one with no evidence is said missing; without it the
    row lists the documents it used."""
    import datetime as dt
    from types import SimpleNamespace

    from scorer.form import _proof_lines
    from scorer.models.prediction import EvidenceUse

    def use(rid, number, day, kind="document"):
        return EvidenceUse(
            id=rid, type=kind, date=day, document_no=number, title=f"t {rid}", file="f", line=1, supported=True
        )

    uses = [
        use("a", "1/QĐ-X", dt.date(2024, 1, 5)),
        use("b", "2/QĐ-X", dt.date(2024, 2, 5)),
        use("s", "9/BC-X", dt.date(2024, 3, 5), kind="survey"),
    ]
    declared = SimpleNamespace(
        evidence_used=uses,
        proofs=[
            SimpleNamespace(id="p1", title="Quy chế", title_en="Rules", evidence=["b"]),
            SimpleNamespace(id="p2", title="Biên bản", title_en="Record", evidence=[]),
            SimpleNamespace(id="p3", title="Khảo sát", title_en="Survey", evidence=["s"]),
        ],
    )
    lines = _proof_lines(declared)  # type: ignore[arg-type]
    assert [(p.number, p.missing) for p in lines] == [("2/QĐ-X", None), (None, "Biên bản"), (None, "Khảo sát")]
    plain = SimpleNamespace(evidence_used=uses)
    assert [p.number for p in _proof_lines(plain)] == ["1/QĐ-X", "2/QĐ-X"]  # type: ignore[arg-type]


@settings(max_examples=20, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(unit=units(CS2024, CS2023))
def test_a_self_score_lies_between_the_forecasts_low_and_high(unit):
    """The evidence as it stands is one of the outcomes the forecast allows: nothing hoped for that
    high would not give, nothing feared that low would not (over generated units of every kind)."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        unit.write(root)
        request = api.Request(evidence=root, rules=RULES, year=2024, as_of=unit.as_of)
        (form,) = api.form(request)
        criteria = {c.id: c for c in api.predict(request).units[0].criteria}
    for row in form.rows:
        if row.level == "criterion" and row.self_score is not None:
            c = criteria[row.id]
            # or none, where the form cannot cite a document for the points (no number, a declared
            # proof missing, or nothing arisen so far): it claims only what it can show
            uncited = row.self_score == 0 and row.reasons[:1] in (
                ["missing_evidence"],
                ["missing_proof"],
                ["not_arisen_yet"],
            )
            assert c.low <= row.self_score <= c.high or uncited, (unit.label, row.id)


def test_a_unit_that_names_no_head_leaves_the_heads_place_and_name_blank_to_fill_in(runner, tmp_path):
    """A form the head signs keeps the head's block (position, "ký, ghi rõ họ tên", name) beside the
    preparer's, blank where unit.yaml names no signer, as the administrative form leaves it."""
    write_unit(tmp_path / "evidence", "u", {2024: [REPORT]}, name="Sở Tư pháp")
    target = tmp_path / "form.xlsx"
    args = ["form", "--evidence", str(tmp_path / "evidence"), "--rules", str(ROOT / "rules"), "--as-of", "2024-09-30"]
    result = runner.invoke(main, [*args, "--lang", "vi", "-o", str(target)])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(target)["Biểu tự đánh giá"]
    bottom = [[c.value for c in row] for row in sheet.iter_rows(min_row=sheet.max_row - 7)]
    heads = next(row for row in bottom if "NGƯỜI LẬP BIỂU" in row)
    assert heads[5] == "……"
    assert ["……" in row for row in bottom].count(True) == 2  # the position, then the name


@pytest.mark.parametrize(
    ("command", "document"),
    [
        (["form", "-o"], "biểu tự đánh giá"),
        (["plan", "--format", "docx", "-o"], "kế hoạch khắc phục"),
    ],
)
def test_a_document_one_unit_files_asks_which_unit_when_there_are_several(runner, office_copy, command, document):
    # A second unit beside the Office: one workbook or plan for both would be filed by neither.
    # (Documents are Vietnamese unless --lang en, their errors too.)
    write_unit(office_copy, "so-tu-phap", {2024: []}, name="Sở Tư pháp")
    out = office_copy.parent / "out"
    args = ["--evidence", str(office_copy), "--rules", str(RULES), "--as-of", "30/09/2024"]
    result = runner.invoke(main, [*command, str(out), *args])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"Lỗi: {office_copy}: {document} là văn bản của một đơn vị, nhưng thư mục minh chứng có 2 đơn vị "
        f"(so-tu-phap, {OFFICE}) (chọn một đơn vị bằng --unit, ví dụ: --unit so-tu-phap)"
    )
    assert not out.exists()
    chosen = runner.invoke(main, [*command, str(out), *args, "--unit", OFFICE])
    assert chosen.exit_code == 0, chosen.output
    assert out.stat().st_size > 0

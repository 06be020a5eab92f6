"""`scorer register import`: the register of outgoing documents drafted as review-marked evidence."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from scorer.cli import main
from scorer.loading.register import load_register_rules
from scorer.register import _key, split_symbol
from tests.conftest import ROOT
from tests.register_phrasings import ALL as WRITTEN_APART
from tests.register_phrasings import SECOND
from tests.registers import generate, write

RULES = ROOT / "rules"
OFFICE = ROOT / "evidence" / "van-phong-ubnd-tinh"


# The register speaks Vietnamese by default, as every command: these tests read its default text.
pytestmark = pytest.mark.usefixtures("vietnamese_default")


def _unit(tmp_path: Path, with_evidence: bool = False) -> Path:
    evidence = tmp_path / "evidence"
    unit = evidence / "u"
    unit.mkdir(parents=True)
    shutil.copy(OFFICE / "unit.yaml", unit / "unit.yaml")
    (unit / "unit.yaml").write_text(
        (OFFICE / "unit.yaml").read_text(encoding="utf-8").replace("van-phong-ubnd-tinh", "u"), encoding="utf-8"
    )
    if with_evidence:
        shutil.copytree(OFFICE / "2024", unit / "2024")
    return evidence


def _import(evidence: Path, register: Path, *extra: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        main,
        [
            "register",
            "import",
            str(register),
            "--unit",
            "u",
            "--year",
            "2024",
            "--evidence",
            str(evidence),
            "--rules",
            str(RULES),
            *extra,
        ],
    )
    return result.exit_code, result.stdout, result.stderr


def _drafted(evidence: Path) -> list[dict]:
    path = evidence / "u" / "2024" / "so-van-ban.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []


def _detail(record: dict) -> tuple[str, str]:
    if record["type"] in ("inspection", "dialogue"):
        return record["type"], ""
    return record["type"], str(record.get("period") or record.get("kind") or record.get("status") or record.get("form"))


@pytest.mark.parametrize(
    ("seed", "name", "layout"), [(1, "r.xlsx", "decree"), (2, "r.xlsx", "export"), (3, "r.csv", "csv")]
)
def test_a_register_of_a_few_hundred_rows_is_drafted_with_its_par_documents_only(tmp_path, seed, name, layout):
    docs = generate(seed)
    register = tmp_path / name
    write(docs, register, layout)
    evidence = _unit(tmp_path)
    code, out, err = _import(evidence, register)
    assert code == 0, err
    records = _drafted(evidence)
    got = {_key(r["document_no"]): r for r in records}
    want = {_key(d.symbol): d.answer for d in docs if d.answer}
    found = [k for k in got if k in want]
    recall, precision = len(found) / len(want), len(found) / len(got)
    right = sum(1 for k in found if _detail(got[k]) == want[k]) / len(found)
    assert recall >= 0.9 and precision >= 0.9 and right >= 0.9, (recall, precision, right)
    assert all(r["date"].year == 2024 for r in records)  # nothing from another year
    assert len(got) == len(records)  # no document drafted twice
    assert all(r["review"] == "needed" for r in records)
    # The draft is evidence the tool reads: validate lists every record for review.
    result = CliRunner().invoke(
        main, ["validate", "--evidence", str(evidence), "--rules", str(RULES), "--year", "2024"]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.count("chưa được rà soát") == len(records)


def test_a_document_already_in_the_evidence_is_not_drafted_again_and_a_second_import_adds_nothing(tmp_path):
    evidence = _unit(tmp_path, with_evidence=True)
    register = tmp_path / "r.csv"
    register.write_text(
        "Số, ký hiệu;Ngày tháng;Trích yếu\n"
        "5/KH-VPUB;10/01/2024;Kế hoạch cải cách hành chính năm 2024 của Văn phòng UBND tỉnh\n"
        "38/BC-VPUB;12/03/2024;Báo cáo công tác CCHC quý I năm 2024\n"
        "250/BC-VPUB;12/12/2024;Báo cáo công tác cải cách hành chính năm 2024\n",
        encoding="utf-8",
    )
    code, out, err = _import(evidence, register, "--report", "--lang", "en")
    assert code == 0, err
    assert [r["id"] for r in _drafted(evidence)] == ["svb-2024-250-bc-vpub"]
    assert "skipped\t\talready in the evidence: kh-cchc-2024" in out
    assert "3 row(s) read: 1 drafted, 2 skipped, 0 unclear." in err
    code, out, err = _import(evidence, register, "--lang", "en")
    assert code == 0, err
    assert [r["id"] for r in _drafted(evidence)] == ["svb-2024-250-bc-vpub"]
    assert "3 row(s) read: 0 drafted, 3 skipped, 0 unclear." in err


def test_a_report_is_drafted_with_its_period_due_day_and_criteria(tmp_path):
    evidence = _unit(tmp_path)
    register = tmp_path / "r.csv"
    register.write_text(
        "Số và ký hiệu,Ngày ban hành,Tên loại và trích yếu nội dung\n"
        "121/BC-VPUB,19/06/2024 14:30,Báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2024\n",
        encoding="utf-8",
    )
    code, _, err = _import(evidence, register)
    assert code == 0, err
    (record,) = _drafted(evidence)
    assert record == {
        "id": "svb-2024-121-bc-vpub",
        "type": "report",
        "review": "needed",
        "date": dt.date(2024, 6, 19),
        "document_no": "121/BC-VPUB",
        "title": "Báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2024",
        "period": "h1",
        "due": dt.date(2024, 6, 15),
        "submitted": dt.date(2024, 6, 19),
        "criteria": ["1.2"],
        "note": "Lập từ sổ đăng ký văn bản (r.csv, dòng 2).",
    }


def test_a_number_the_register_dates_twice_is_a_warning_and_drafted_once(tmp_path):
    evidence = _unit(tmp_path)
    register = tmp_path / "r.csv"
    register.write_text(
        '"Số, ký hiệu",Ngày tháng,Trích yếu\n'
        "38/BC-VPUB,12/03/2024,Báo cáo công tác CCHC quý I năm 2024\n"
        "38/BC-VPUB,13/03/2024,Báo cáo công tác CCHC quý I năm 2024\n",
        encoding="utf-8",
    )
    code, _, err = _import(evidence, register, "--lang", "en")
    assert code == 0, err
    assert len(_drafted(evidence)) == 1
    assert (
        f"Warning: {register}:3: 38/BC-VPUB is dated 13/03/2024 here and 12/03/2024 at row 2: "
        "one number names one document a year" in err
    )


def test_a_bad_date_is_an_error_naming_file_row_and_column_with_a_hint(tmp_path):
    evidence = _unit(tmp_path)
    register = tmp_path / "r.csv"
    register.write_text(
        '"Số, ký hiệu",Ngày tháng,Trích yếu\n'
        "38/BC-VPUB,12/3/24,Báo cáo công tác CCHC quý I năm 2024\n"
        "39/BC-VPUB,03/15/2024,Báo cáo công tác CCHC quý I năm 2024\n"
        "40/BC-VPUB,,Báo cáo\n",
        encoding="utf-8",
    )
    code, _, err = _import(evidence, register)
    assert code == 1
    assert err.splitlines() == [
        f"Lỗi: {register}:2: Ngày tháng: '12/3/24' không phải là ngày tháng (ghi năm đủ bốn chữ số (dd/mm/yyyy), ví dụ 12/03/2024)",
        f"Lỗi: {register}:3: Ngày tháng: '03/15/2024' không có trong lịch (ngày ghi theo thứ tự ngày/tháng/năm (có phải là '15/03/2024'?))",
        f"Lỗi: {register}:4: Ngày tháng: văn bản không có ngày tháng (ghi ngày theo dạng dd/mm/yyyy, ví dụ 12/03/2024)",
    ]
    code, _, err = _import(evidence, register, "--lang", "en")
    assert (
        f"Error: {register}:3: Ngày tháng: '03/15/2024' is not a day of the calendar (dates are day/month/year (did you mean '15/03/2024'?))"
        in err
    )
    assert not (evidence / "u" / "2024").exists()


def test_a_summary_split_by_an_unquoted_comma_is_refused_with_its_row_not_read_from_the_wrong_cells(tmp_path):
    # Typed by hand (or joined by a script) without quotes, a summary holding a comma runs into
    # the signer's column: read as it stands, the plan would be skipped as "Kế hoạch rà soát".
    evidence = _unit(tmp_path)
    register = tmp_path / "r.csv"
    register.write_text(
        "Số ký hiệu,Ngày tháng,Trích yếu,Người ký,\n"
        "30/KH-VPUB,29/01/2024,Kế hoạch rà soát, hệ thống hóa văn bản quy phạm pháp luật năm 2024,A,\n"
        '31/KH-VPUB,30/01/2024,"Kế hoạch tuyên truyền, phổ biến về CCHC năm 2024",A,ghi chú\n',
        encoding="utf-8",
    )
    code, _, err = _import(evidence, register)
    assert code == 1
    assert err.splitlines() == [
        f"Lỗi: {register}:2: dòng có 6 ô, dòng tiêu đề có 5 cột: có ô chứa dấu ',' mà không đặt trong ngoặc kép? "
        "(đặt ô có dấu ',' trong ngoặc kép (\"Kế hoạch rà soát, hệ thống hóa ...\"), "
        "hoặc lưu lại sổ từ Excel dưới dạng CSV UTF-8)"
    ]
    code, _, err = _import(evidence, register, "--lang", "en")
    assert err.splitlines()[0].startswith(f"Error: {register}:2: the row has 6 cells, the header 5: a value with a ','")
    assert not (evidence / "u" / "2024").exists()
    # Quoted, the same row is read whole; a value under the header's unnamed last column is no problem.
    register.write_text(
        register.read_text(encoding="utf-8").replace(
            "Kế hoạch rà soát, hệ thống hóa văn bản quy phạm pháp luật năm 2024",
            '"Kế hoạch rà soát, hệ thống hóa văn bản quy phạm pháp luật năm 2024"',
        ),
        encoding="utf-8",
    )
    code, out, err = _import(evidence, register)
    assert code == 0, err
    assert sorted(_detail(r) for r in _drafted(evidence)) == [("plan", "communication"), ("plan", "legal_review")]


def test_a_missing_column_is_named_with_the_columns_found(tmp_path):
    evidence = _unit(tmp_path)
    register = tmp_path / "r.csv"
    register.write_text("STT,Số và ký hiệu,Trích yếu,Người ký\n1,38/BC-VPUB,Báo cáo,A\n", encoding="utf-8")
    code, _, err = _import(evidence, register, "--lang", "en")
    assert code == 1
    assert err.strip() == (
        f"Error: {register}:1: Ngày tháng: no column 'Ngày tháng' in the header (its columns: 'STT', 'Số và ký hiệu', "
        "'Trích yếu', 'Người ký') (name the column 'Ngày tháng' (or 'Ngày ban hành', 'Ngày văn bản'))"
    )


def test_the_symbol_splits_into_number_kind_and_issuer():
    rules = load_register_rules([RULES / "register.yaml"])
    assert split_symbol("121/BC-VPUB", rules) == split_symbol(" 121 / BC-VPUB ", rules)
    s = split_symbol("121/BC-VPUB", rules)
    assert (s.number, s.kind, s.issuer) == ("121", "BC", "VPUB")
    s = split_symbol("07/QD-VPUB", rules)  # typed without the Đ's stroke
    assert (s.number, s.kind, s.issuer) == ("07", "QĐ", "VPUB")
    s = split_symbol("12/2024/QĐ-UBND", rules)
    assert (s.number, s.year, s.kind, s.issuer) == ("12", "2024", "QĐ", "UBND")
    s = split_symbol("80/VPUB-TH", rules)  # a letter names no kind
    assert (s.number, s.kind, s.issuer) == ("80", None, "VPUB-TH")


def test_a_province_adds_its_own_phrasing_before_the_shipped_table(tmp_path):
    evidence = _unit(tmp_path)
    register = tmp_path / "r.csv"
    register.write_text(
        "Số, ký hiệu;Ngày tháng;Trích yếu\n45/CTr-VPUB;02/02/2024;Chương trình hành động về cải cách công vụ năm 2024\n",
        encoding="utf-8",
    )
    code, _, err = _import(evidence, register)
    assert code == 0 and _drafted(evidence) == []
    extra = tmp_path / "tinh.yaml"
    extra.write_text(
        "schema: scorer.register/1\nrules:\n  - id: cong-vu\n    kinds: [CTr]\n    all: [[cải cách công vụ]]\n"
        "    record: {type: plan, kind: par}\n",
        encoding="utf-8",
    )
    code, _, err = _import(evidence, register, "--register-rules", str(extra))
    assert code == 0, err
    assert [(r["type"], r["kind"]) for r in _drafted(evidence)] == [("plan", "par")]


def test_a_drafted_record_counts_only_in_the_high_scenario_until_accepted(tmp_path):
    evidence = _unit(tmp_path, with_evidence=True)
    (evidence / "u" / "2024" / "reports.csv").unlink()
    register = tmp_path / "r.csv"
    register.write_text(
        '"Số, ký hiệu",Ngày tháng,Trích yếu\n'
        "38/BC-VPUB,12/03/2024,Báo cáo công tác CCHC quý I năm 2024\n"
        "121/BC-VPUB,19/06/2024,Báo cáo công tác CCHC 6 tháng đầu năm 2024\n"
        "189/BC-VPUB,13/09/2024,Báo cáo công tác CCHC quý III năm 2024\n",
        encoding="utf-8",
    )
    assert _import(evidence, register)[0] == 0

    def points() -> dict:
        result = CliRunner().invoke(
            main,
            ["explain", "1.2", "--evidence", str(evidence), "--rules", str(RULES), "--year", "2024", "--unit", "u"]
            + ["--as-of", "30/09/2024", "--format", "json"],
        )
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)[0]["criterion"]

    drafted = points()
    path = evidence / "u" / "2024" / "so-van-ban.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  review: needed\n", ""), encoding="utf-8")
    accepted = points()
    assert len(drafted["unsupported"]) == 3 and accepted["unsupported"] == []
    # explain says why each drafted record is not counted yet; once reviewed, nothing.
    assert {e["unsupported"] for e in drafted["evidence_used"]} == {"to_review"}
    assert {e["unsupported"] for e in accepted["evidence_used"]} == {None}
    assert drafted["high"] == accepted["high"] > drafted["expected"]
    assert drafted["expected"] < accepted["expected"]


def test_the_worked_example_is_what_its_script_makes(tmp_path):
    """The README's example: the shipped accepted draft is the import of the shipped register, and
    both layouts draft the same records."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_register", ROOT / "examples" / "so-van-ban" / "make_register.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    shipped = ROOT / "examples" / "so-van-ban" / "da-duyet" / "van-phong-ubnd-tinh" / "2024" / "so-van-ban.yaml"
    assert script.accepted_draft() == shipped.read_text(encoding="utf-8")
    # Its last year is the Office's shipped 2023, as the hand-typed unit's.
    for last in (shipped.parent.parent / "2023", ROOT / "examples/so-van-ban/evidence/van-phong-ubnd-tinh/2023"):
        assert script.last_year() == {p.name: p.read_text(encoding="utf-8") for p in sorted(last.iterdir())}
    drafts = []
    for name in ("so-van-ban-2024.xlsx", "so-van-ban-2024-export.xlsx"):
        evidence = tmp_path / name / "evidence"
        shutil.copytree(ROOT / "examples" / "so-van-ban" / "evidence", evidence)
        result = CliRunner().invoke(
            main,
            ["register", "import", str(ROOT / "examples" / "so-van-ban" / name), "--unit", "van-phong-ubnd-tinh"]
            + ["--year", "2024", "--evidence", str(evidence), "--rules", str(RULES)],
        )
        assert result.exit_code == 0, result.output
        records = yaml.safe_load(
            (evidence / "van-phong-ubnd-tinh" / "2024" / "so-van-ban.yaml").read_text(encoding="utf-8")
        )
        # The export writes the number as a number (3 for 03) and the summary after the kind.
        drafts.append([(_key(r["document_no"]), r["date"], _detail(r), r.get("criteria")) for r in records])
    # 29 from the register, and the spending rules of 2022 still in force, from the 2023 evidence.
    assert drafts[0] == drafts[1] and len(drafts[0]) == 30


def test_column_variants_an_incoming_register_s_dates_and_a_number_column_holding_the_symbol(tmp_path):
    evidence = _unit(tmp_path)
    register = tmp_path / "r.csv"
    register.write_text(
        "Ngày đến;Số;Ngày;Trích yếu nội dung;Ngày tháng văn bản\n"
        "01/01/2024;38/BC-VPUB;ignored;Báo cáo công tác CCHC quý I năm 2024;12/03/2024\n",
        encoding="utf-8",
    )
    code, _, err = _import(evidence, register)
    assert code == 0, err
    assert [(r["document_no"], r["date"], r["period"]) for r in _drafted(evidence)] == [
        ("38/BC-VPUB", dt.date(2024, 3, 12), "q1")
    ]


def test_two_columns_that_name_one_field_as_closely_are_refused(tmp_path):
    evidence = _unit(tmp_path)
    register = tmp_path / "r.csv"
    register.write_text(
        "Số, ký hiệu;Ngày ban hành;Ngày ban hành (gửi);Trích yếu\n38/BC-VPUB;12/03/2024;13/03/2024;Báo cáo\n",
        encoding="utf-8",
    )
    code, _, err = _import(evidence, register, "--lang", "en")
    assert code == 1
    assert err.strip() == (
        f"Error: {register}:1: two columns are 'Ngày tháng': 'Ngày ban hành' and 'Ngày ban hành (gửi)' "
        "(keep one of them, or rename the other)"
    )


def test_a_drafted_record_is_accepted_or_rejected_in_its_file_the_rest_kept(tmp_path):
    from scorer import api

    evidence = _unit(tmp_path)
    register = tmp_path / "r.csv"
    register.write_text(
        "Số, ký hiệu;Ngày tháng;Trích yếu\n"
        "38/BC-VPUB;12/03/2024;Báo cáo công tác CCHC quý I năm 2024\n"
        "121/BC-VPUB;19/06/2024;Báo cáo công tác CCHC 6 tháng đầu năm 2024\n",
        encoding="utf-8",
    )
    assert _import(evidence, register)[0] == 0
    path = evidence / "u" / "2024" / "so-van-ban.yaml"
    before = path.read_text(encoding="utf-8")
    assert [d.id for d in api.drafted(evidence, "u", 2024)] == ["svb-2024-38-bc-vpub", "svb-2024-121-bc-vpub"]
    name, data = api.register_review(evidence, "u", 2024, "svb-2024-38-bc-vpub", accept=True)
    assert name == "so-van-ban.yaml"
    assert data.decode("utf-8") == before.replace("  review: needed\n", "", 1)
    path.write_bytes(data)
    name, data = api.register_review(evidence, "u", 2024, "svb-2024-121-bc-vpub", accept=False)
    path.write_bytes(data)
    assert [r["id"] for r in _drafted(evidence)] == ["svb-2024-38-bc-vpub"]
    assert "review" not in _drafted(evidence)[0]
    assert api.drafted(evidence, "u", 2024) == []
    with pytest.raises(Exception, match="no record 'svb-2024-38-bc-vpub' waiting for review"):
        api.register_review(evidence, "u", 2024, "svb-2024-38-bc-vpub", accept=True)


# Phrasings written apart from the table, before it was last tuned (measured on them first: recall
# and precision 0.89, type and period 1.00; the table then learnt the two it missed and the two it
# took wrongly). Kept as the table's regression cases.
PHRASINGS = [
    ("01/KH-VPUB", "Triển khai nhiệm vụ cải cách hành chính nhà nước năm 2024 tại Văn phòng", ("plan", "par")),
    ("02/KH-VPUB", "Kế hoạch Cải cách hành chính giai đoạn 2021-2025, năm 2024", ("plan", "par")),
    ("03/BC-VPUB", "Tình hình thực hiện cải cách hành chính Quý 1 năm 2024", ("report", "q1")),
    ("04/BC-VPUB", "Báo cáo kết quả công tác CCHC năm 2024 và phương hướng nhiệm vụ năm 2025", ("report", "year")),
    ("05/BC-VPUB", "Báo cáo CCHC định kỳ 6 tháng năm 2024", ("report", "h1")),
    ("06/BC-VPUB", "Bao cao cong tac cai cach hanh chinh quy III nam 2024", ("report", "q3")),
    ("07/BC-VPUB", "BÁO CÁO KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH 9 THÁNG NĂM 2024", ("report", "q3")),
    ("08/TB-VPUB", "Kết luận của Đoàn kiểm tra công tác cải cách hành chính tại Phòng Tổng hợp", ("inspection", "")),
    ("09/KL-VPUB", "Kết luận kiểm tra CCHC năm 2024 tại Trung tâm Thông tin", ("inspection", "")),
    ("10/KH-VPUB", "Kiểm tra cải cách hành chính, kiểm tra công vụ năm 2024", ("plan", "inspection")),
    ("11/KH-VPUB", "Tuyên truyền về cải cách hành chính năm 2024", ("plan", "communication")),
    ("12/QĐ-VPUB", "Về việc công nhận sáng kiến năm 2024", ("initiative", "recognized")),
    ("13/TB-VPUB", "Thông báo ý kiến kết luận của Chánh Văn phòng tại buổi đối thoại với công chức", ("dialogue", "")),
    ("14/KH-VPUB", "Kế hoạch ứng dụng CNTT trong hoạt động của Văn phòng năm 2024", ("plan", "it")),
    ("15/KH-VPUB", "Kế hoạch bồi dưỡng, tập huấn nghiệp vụ cho công chức năm 2024", ("plan", "training")),
    ("16/QĐ-VPUB", "Quyết định ban hành Quy chế làm việc", ("document", "working_rules")),
    ("17/BC-VPUB", "Báo cáo kết quả rà soát, hệ thống hóa VBQPPL năm 2024", None),
    ("18/QĐ-VPUB", "Quyết định phê duyệt Đề án vị trí việc làm", ("document", "job_positions")),
    ("19/BC-VPUB", "Báo cáo công tác cải cách hành chính tháng 7 năm 2024", ("report", "other")),
    ("20/KH-VPUB", "Kế hoạch cải thiện, nâng cao Chỉ số PAR INDEX, SIPAS năm 2024", ("plan", "par")),
    # a decision that issues the plan: the plan, under the decision's number
    ("12/QĐ-SNV", "Quyết định ban hành Kế hoạch cải cách hành chính năm 2024 của Sở Nội vụ", ("plan", "par")),
    ("13/QĐ-SNV", "Quyết định về việc ban hành Kế hoạch kiểm tra công tác CCHC năm 2024", ("plan", "inspection")),
    (
        "14/QĐ-SYT",
        "Quyết định phê duyệt Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm 2024",
        ("plan", "training"),
    ),
    ("15/QĐ-STC", "V/v ban hành Kế hoạch ứng dụng CNTT, chuyển đổi số năm 2024", ("plan", "it")),
    ("16/QĐ-UBND", "QUYẾT ĐỊNH BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC NĂM 2024", ("plan", "par")),
    # decoys
    ("17/QĐ-VPUB", "Quyết định phê duyệt Kế hoạch lựa chọn nhà thầu gói thầu số hóa hồ sơ một cửa", None),
    ("18/QĐ-VPUB", "Quyết định thành lập Tổ giúp việc triển khai Kế hoạch CCHC năm 2024", None),
    (
        "21/BC-VPUB",
        "Báo cáo kết quả thực hiện Nghị quyết số 19/NQ-CP về cải thiện môi trường kinh doanh quý I năm 2024",
        None,
    ),
    ("22/KH-VPUB", "Kế hoạch tổ chức Hội nghị tập huấn nghiệp vụ công tác CCHC năm 2024", None),
    ("23/QĐ-VPUB", "Quyết định kiện toàn Ban Chỉ đạo cải cách hành chính", None),
    ("24/TB-VPUB", "Thông báo kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với Sở Nội vụ về CCHC", None),
    ("25/BC-VPUB", "Báo cáo tình hình thực hiện nhiệm vụ quý I năm 2024", None),
    ("26/KH-VPUB", "Kế hoạch kiểm tra việc thực hiện quy chế dân chủ năm 2024", None),
    ("27/TTr-VPUB", "Tờ trình ban hành Kế hoạch CCHC năm 2024 của UBND tỉnh", None),
    ("28/QĐ-VPUB", "Quyết định thành lập Hội đồng sáng kiến cấp cơ sở", None),
    ("29/KH-VPUB", "Kế hoạch chuyển đổi số tỉnh năm 2024 (dự thảo trình UBND tỉnh)", None),
]


@pytest.mark.parametrize(("symbol", "summary", "answer"), PHRASINGS + WRITTEN_APART + SECOND)
def test_the_table_reads_clerks_phrasings(symbol, summary, answer):
    from scorer.loading import load_criteria
    from scorer.register import Classifier

    rules = load_register_rules([RULES / "register.yaml"])
    classifier = Classifier(rules, load_criteria(RULES / "criteria_2024.yaml"))
    rule = classifier.rule_for(classifier.kind_of(split_symbol(symbol, rules), summary), summary)
    got = None
    if rule is not None:
        kind = str(rule.record["type"])
        if rule.period:
            got = (kind, classifier.period(summary) or "other")
        elif kind in ("inspection", "dialogue"):
            got = (kind, "")
        else:
            got = (kind, str(rule.record.get("kind") or rule.record.get("status") or rule.record.get("form")))
    assert got == answer


def test_number_and_symbol_in_two_columns_beside_a_count_of_copies(tmp_path):
    evidence = _unit(tmp_path)
    register = tmp_path / "r.csv"
    register.write_text(
        "SỔ ĐĂNG KÝ VĂN BẢN ĐI;;;;;\n"
        "Số;Ký hiệu;Ngày;Loại văn bản;Trích yếu;Số lượng bản\n"
        "38;BC-VPUB;12/03/2024;Báo cáo;Công tác CCHC quý I năm 2024;2\n",
        encoding="utf-8",
    )
    code, _, err = _import(evidence, register)
    assert code == 0, err
    assert [(r["document_no"], r["title"], r["period"]) for r in _drafted(evidence)] == [
        ("38/BC-VPUB", "Báo cáo công tác CCHC quý I năm 2024", "q1")
    ]


def test_a_register_that_is_no_workbook_and_a_unit_that_is_not_there_are_named(tmp_path):
    evidence = _unit(tmp_path)
    bad = tmp_path / "so.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    code, _, err = _import(evidence, bad)
    assert code == 1
    assert err.strip() == f"Lỗi: {bad}: không đọc được tệp .xlsx này (mở bằng Excel và lưu lại dưới dạng .xlsx)"
    result = CliRunner().invoke(
        main, ["register", "import", str(bad), "--unit", "v", "--evidence", str(evidence), "--rules", str(RULES)]
    )
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Lỗi: {evidence}: không có đơn vị 'v'"
    old = tmp_path / "so.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    code, _, err = _import(evidence, old, "--lang", "en")
    assert err.strip() == (
        f"Error: {old}: expected the register as an Excel workbook (.xlsx) or a CSV file "
        "(export the register from the e-office system to Excel, or save it as .xlsx)"
    )


def test_the_empty_template_has_no_review_column(tmp_path):
    import openpyxl

    from scorer.models.columns import field_of

    out = tmp_path / "mau.xlsx"
    result = CliRunner().invoke(main, ["template", "--rules", str(RULES), "--year", "2024", "-o", str(out)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    sheets = [sheet for sheet in book.worksheets if not sheet.title.startswith("_")]
    fields = {field_of(str(cell.value)) for sheet in sheets for cell in sheet[1]}
    assert "document_no" in fields and "review" not in fields and None not in fields


def test_a_register_of_another_year_drafts_nothing_and_says_which_year_it_holds(tmp_path):
    evidence = _unit(tmp_path)
    register = tmp_path / "r.csv"
    register.write_text(
        "Số, ký hiệu;Ngày tháng;Trích yếu\n38/BC-VPUB;12/03/2023;Báo cáo công tác CCHC quý I năm 2023\n",
        encoding="utf-8",
    )
    code, _, err = _import(evidence, register)
    assert code == 0
    assert err.splitlines() == [
        "Cảnh báo: sổ không có văn bản nào của năm 2024: các dòng thuộc năm 2023 (--year có đúng không?)",
        "Đã đọc 1 dòng: lập 0, bỏ qua 1, chưa rõ 0.",
        "Không có bản ghi nào được lập: không ghi tệp.",
    ]
    assert not (evidence / "u" / "2024").exists()


def test_a_register_of_another_issuer_is_told_before_it_is_taken_for_the_units_own(tmp_path):
    # The Office's register (…/BC-VPUB, …/VPUB-TH) imported into a unit whose symbol is STP: the
    # import still drafts (the officer may have a reason) but says most numbers are another's.
    evidence = _unit(tmp_path)
    unit_yaml = evidence / "u" / "unit.yaml"
    register = tmp_path / "r.csv"
    register.write_text(
        "Số, ký hiệu;Ngày tháng;Trích yếu\n"
        "38/BC-VPUB;12/03/2024;Báo cáo công tác CCHC quý I năm 2024\n"
        "80/VPUB-TH;15/03/2024;V/v tổng hợp báo cáo giáo dục\n"
        "12/KH-STP;10/01/2024;Kế hoạch cải cách hành chính năm 2024\n",
        encoding="utf-8",
    )
    unit_yaml.write_text(unit_yaml.read_text(encoding="utf-8").replace("symbol: VPUB", "symbol: STP"), encoding="utf-8")
    code, _, err = _import(evidence, register, "--dry-run")
    assert code == 0
    assert err.splitlines()[0] == (
        "Cảnh báo: 2/3 văn bản năm 2024 trong sổ không mang ký hiệu STP của đơn vị (nhiều nhất: VPUB): đây có đúng "
        "là sổ văn bản đi của đơn vị? (ký hiệu ghi ở symbol trong unit.yaml)"
    )
    # Its own register (most numbers its own), or a unit.yaml with no symbol: nothing to say.
    unit_yaml.write_text(unit_yaml.read_text(encoding="utf-8").replace("symbol: STP", "symbol: VPUB"), encoding="utf-8")
    assert "không mang ký hiệu" not in _import(evidence, register, "--dry-run")[2]
    unit_yaml.write_text(unit_yaml.read_text(encoding="utf-8").replace("symbol: VPUB\n", ""), encoding="utf-8")
    assert "không mang ký hiệu" not in _import(evidence, register, "--dry-run")[2]


def test_an_agency_s_name_is_no_subject_and_a_province_adds_its_own(tmp_path):
    """`Sở Giáo dục và Đào tạo` holds "đào tạo": its PAR plan is no training plan. A province names
    its own agencies in its table (`names`), beside the shipped ones."""
    evidence = _unit(tmp_path)
    register = tmp_path / "r.csv"
    register.write_text(
        "Số, ký hiệu;Ngày tháng;Trích yếu\n"
        "11/KH-SGDĐT;10/01/2024;Kế hoạch cải cách hành chính năm 2024 của Sở Giáo dục và Đào tạo\n"
        "12/KH-TTĐT;11/01/2024;Kế hoạch CCHC năm 2024 của Trung tâm Đào tạo, bồi dưỡng nghiệp vụ\n"
        "13/KH-SGDĐT;12/01/2024;Kế hoạch đào tạo, bồi dưỡng công chức năm 2024 của Sở Giáo dục và Đào tạo\n",
        encoding="utf-8",
    )
    assert _import(evidence, register)[0] == 0
    assert [r["kind"] for r in _drafted(evidence)] == ["par", "training", "training"]
    (evidence / "u" / "2024" / "so-van-ban.yaml").unlink()
    extra = tmp_path / "tinh.yaml"
    extra.write_text("schema: scorer.register/1\nnames: [Trung tâm Đào tạo, bồi dưỡng nghiệp vụ]\n", encoding="utf-8")
    code, _, err = _import(evidence, register, "--register-rules", str(extra))
    assert code == 0, err
    assert [r["kind"] for r in _drafted(evidence)] == ["par", "par", "training"]


def test_a_plan_s_note_names_what_to_fill_in_and_how_its_progress_is_kept(tmp_path):
    evidence = _unit(tmp_path)
    register = tmp_path / "r.csv"
    register.write_text(
        "Số, ký hiệu;Ngày tháng;Trích yếu\n"
        "05/KH-VPUB;10/01/2024;Kế hoạch cải cách hành chính năm 2024\n"
        "176/TB-VPUB;05/09/2024;Thông báo kết luận kiểm tra công tác CCHC tại 04 phòng, đơn vị\n",
        encoding="utf-8",
    )
    assert _import(evidence, register)[0] == 0
    plan, inspection = _drafted(evidence)
    assert "tasks_done" not in plan  # as issued: none done; the progress is a later record
    assert plan["note"] == (
        "Lập từ sổ đăng ký văn bản (r.csv, dòng 2). Cần bổ sung: tasks_total (tổng số nhiệm vụ). Tiến độ: mỗi lần "
        "tổng hợp, thêm một bản ghi cùng số, ký hiệu, ghi ngày tổng hợp và tasks_done (số nhiệm vụ đã hoàn thành)."
    )
    assert inspection["note"] == (
        "Lập từ sổ đăng ký văn bản (r.csv, dòng 3). Cần bổ sung: units_inspected (số đơn vị đã kiểm tra), "
        "units_total (tổng số đơn vị thuộc diện kiểm tra), findings (số tồn tại, hạn chế phát hiện), "
        "findings_resolved (số tồn tại, hạn chế đã khắc phục) (theo trích yếu: units_inspected = 4)."
    )
    (evidence / "u" / "2024" / "so-van-ban.yaml").unlink()
    assert _import(evidence, register, "--lang", "en")[0] == 0
    assert _drafted(evidence)[0]["note"] == (
        "Drafted from the register (r.csv, row 2). To fill in: tasks_total (the plan's tasks). Its progress: each "
        "time it is counted, a record with the same number, the day counted and tasks_done (tasks done)."
    )


def test_the_units_subject_to_inspection_come_from_last_year_beside_the_units_the_summary_gives(tmp_path):
    """ "tại 04 phòng, đơn vị" gives the units inspected; the divisions and units subject to
    inspection are the unit's (10 in the Office's 2023 inspection): taken from last year, named in the
    note to check. Never beside a count the summary does not give (0 of 10 inspected is no figure
    anybody gave), nor past last year's whole, nor when the year has two notices (the latest would
    count its own units as the year's)."""

    def drafted(name: str, *rows: str, lang: str = "vi") -> list[dict]:
        evidence = _unit(tmp_path / name)
        shutil.copytree(OFFICE / "2023", evidence / "u" / "2023")
        register = tmp_path / name / "r.csv"
        register.write_text("Số, ký hiệu;Ngày tháng;Trích yếu\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
        assert _import(evidence, register, "--lang", lang)[0] == 0
        return [r for r in _drafted(evidence) if r["type"] == "inspection"]

    four = "176/TB-VPUB;05/09/2024;Thông báo kết luận kiểm tra công tác CCHC tại 04 phòng, đơn vị"
    (one,) = drafted("one", four)
    assert list(one)[5:9] == ["title", "units_inspected", "units_total", "criteria"]
    assert (one["units_inspected"], one["units_total"]) == (4, 10)
    assert "findings" not in one
    assert one["note"] == (
        "Lập từ sổ đăng ký văn bản (r.csv, dòng 2). Cần bổ sung: findings (số tồn tại, hạn chế phát hiện), "
        "findings_resolved (số tồn tại, hạn chế đã khắc phục). Lấy từ hồ sơ năm 2023 (kt-cchc-2023, "
        "activities.yaml, dòng 3): units_total (tổng số đơn vị thuộc diện kiểm tra) = 10; kiểm tra lại nếu đã "
        "thay đổi."
    )
    (english,) = drafted("en", four, lang="en")
    assert english["note"] == (
        "Drafted from the register (r.csv, row 2). To fill in: findings (findings), findings_resolved (findings "
        "resolved). From the 2023 evidence (kt-cchc-2023, activities.yaml, row 3): units_total (units to inspect) = "
        "10; check it still holds."
    )
    # The count as clerks write it: "đối với", "tại ... cơ quan", straight after the subject.
    for name, summary, count in [
        ("doi-voi", "Thông báo kết luận kiểm tra công tác CCHC đối với 05 phòng, đơn vị trực thuộc", 5),
        ("co-quan", "Kết luận kiểm tra cải cách hành chính tại 3 cơ quan, đơn vị", 3),
        ("after", "Báo cáo kết quả kiểm tra CCHC 06 đơn vị năm 2024", 6),
    ]:
        kind = {"doi-voi": "TB", "co-quan": "KL", "after": "BC"}[name]
        (read,) = drafted(name, f"177/{kind}-VPUB;06/09/2024;{summary}")
        assert (read["units_inspected"], read["units_total"]) == (count, 10), summary
    (plain,) = drafted("plain", "180/TB-VPUB;12/09/2024;Thông báo kết luận kiểm tra công tác cải cách hành chính")
    assert "units_total" not in plain and "units_inspected" not in plain
    (twelve,) = drafted("twelve", "190/TB-VPUB;20/09/2024;Thông báo kết luận kiểm tra công tác CCHC tại 12 phòng")
    assert "units_total" not in twelve and "units_inspected" not in twelve
    assert twelve["note"].endswith("(theo trích yếu: units_inspected = 12).")
    two = drafted("two", four, "201/TB-VPUB;25/09/2024;Thông báo kết luận kiểm tra công tác CCHC tại 02 đơn vị")
    assert [("units_total" in r, "units_inspected" in r) for r in two] == [(False, False), (False, False)]
    assert two[0]["note"] == (
        "Lập từ sổ đăng ký văn bản (r.csv, dòng 2). Cần bổ sung: units_inspected (số đơn vị đã kiểm tra), "
        "units_total (tổng số đơn vị thuộc diện kiểm tra), findings (số tồn tại, hạn chế phát hiện), "
        "findings_resolved (số tồn tại, hạn chế đã khắc phục) (theo trích yếu: units_inspected = 4)."
    )
    assert two[1]["note"].endswith("(theo trích yếu: units_inspected = 2).")


def test_a_dialogue_s_invitation_minutes_and_conclusions_are_drafted_as_the_proofs_they_are(tmp_path):
    """Criterion 1.6 asks for three proofs of the head's dialogue: the invitation, the minutes and the
    head's conclusion notice. Each drafted as the proof it is, serving 1.6; a report on the dialogue
    is no proof of it. Validate reads them as the hand-typed evidence's proofs."""
    evidence = _unit(tmp_path)
    register = tmp_path / "r.csv"
    register.write_text(
        "Số, ký hiệu;Ngày tháng;Trích yếu\n"
        "149/GM-VPUB;12/08/2024;Giấy mời dự Hội nghị đối thoại năm 2024\n"
        "158/TB-VPUB;22/08/2024;Thông báo kết luận của Chánh Văn phòng tại hội nghị đối thoại với công chức\n"
        "03/BB-VPUB;22/08/2024;Biên bản hội nghị Chánh Văn phòng đối thoại với người dân, doanh nghiệp\n"
        "170/BC-VPUB;30/08/2024;Báo cáo kết quả đối thoại với doanh nghiệp năm 2024\n",
        encoding="utf-8",
    )
    code, out, err = _import(evidence, register, "--report")
    assert code == 0, err
    drafted = _drafted(evidence)
    assert [(r["type"], r.get("proof"), r.get("criteria")) for r in drafted] == [
        ("document", "dialogue-invitation", ["1.6"]),
        ("dialogue", "dialogue-conclusions", ["1.6"]),
        ("dialogue", "dialogue-minutes", ["1.6"]),
        ("dialogue", None, None),  # its summary names no head chairing it: no criterion reads it as drafted
    ]
    assert list(drafted[0])[:8] == ["id", "type", "review", "kind", "date", "document_no", "title", "proof"]
    assert (
        out.splitlines()[3]
        == "4\t03/BB-VPUB\t22/08/2024\tđã lập\tsvb-2024-03-bb-vpub (Đối thoại)\ttài liệu kiểm chứng: Biên bản hội nghị đối thoại"
    )
    result = CliRunner().invoke(
        main, ["validate", "--evidence", str(evidence), "--rules", str(RULES), "--unit", "u", "--year", "2024"]
    )
    assert result.exit_code == 0, result.output


def test_a_decision_that_issues_a_plan_is_drafted_as_the_plan_under_its_number(tmp_path):
    """An export with the kind in a column of its own and the number apart from its symbol: the
    decision that issues the PAR plan is the plan (1.1.1, 1.1.2), dated and numbered as the decision;
    the decision approving a contractor plan is no evidence."""
    evidence = _unit(tmp_path)
    register = tmp_path / "r.csv"
    register.write_text(
        "Số;Ký hiệu;Ngày ban hành;Loại văn bản;Trích yếu\n"
        "12;QĐ-VPUB;08/01/2024;Quyết định;Ban hành Kế hoạch cải cách hành chính năm 2024 của Văn phòng\n"
        "31;QĐ-VPUB;20/03/2024;Quyết định;Phê duyệt Kế hoạch lựa chọn nhà thầu gói thầu số hóa hồ sơ\n",
        encoding="utf-8",
    )
    code, out, err = _import(evidence, register, "--report")
    assert code == 0, err
    (plan,) = _drafted(evidence)
    assert (plan["type"], plan["kind"], plan["document_no"], plan["date"]) == (
        "plan",
        "par",
        "12/QĐ-VPUB",
        dt.date(2024, 1, 8),
    )
    assert plan["title"] == "Quyết định ban hành Kế hoạch cải cách hành chính năm 2024 của Văn phòng"
    assert plan["criteria"] == ["1.1.1", "1.1.2"]
    assert out.splitlines()[1:3] == [
        "2\t12/QĐ-VPUB\t08/01/2024\tđã lập\tsvb-2024-12-qd-vpub (Kế hoạch: Cải cách hành chính)\t",
        "3\t31/QĐ-VPUB\t20/03/2024\tbỏ qua\t\tkhông phải tài liệu kiểm chứng CCHC",
    ]


def test_the_figures_no_register_holds_are_named_for_the_officer(tmp_path):
    """An indicator's value, the tasks the province assigned, the unit's own survey: no register
    holds them. The import names the criteria that read them and that the evidence lacks."""
    evidence = _unit(tmp_path)
    register = tmp_path / "r.csv"
    register.write_text(
        "Số, ký hiệu;Ngày tháng;Trích yếu\n38/BC-VPUB;12/03/2024;Báo cáo công tác CCHC quý I năm 2024\n",
        encoding="utf-8",
    )
    code, _, err = _import(evidence, register, "--dry-run")
    assert err.splitlines()[1].endswith(": nhập như trước; --report liệt kê chi tiết.")
    code, out, err = _import(evidence, register, "--report")
    assert code == 0, err
    ids = "1.7, 2.1, 2.4, 3.1, 3.2, 3.4, 3.5.1, 3.5.2, 3.6, 3.7, 4.3.1, 4.3.2, 6.1, 7.1.2, 7.2.1, 7.2.2, 7.2.3, 7.3.1, "
    ids += "7.3.2, 7.3.3, 7.3.4, 7.3.6, 8.1"
    assert err.splitlines()[1] == (
        f"23 tiêu chí cần số liệu mà sổ văn bản không có ({ids}): nhập như trước (danh sách ở trên)."
    )  # --report was given: the list is above, not one option away
    lines = out.splitlines()
    at = lines.index("Số liệu sổ văn bản không có, cán bộ nhập (hồ sơ năm 2024 chưa có):")
    assert len(lines) == at + 24
    assert (
        lines[at + 1]
        == "1.7\tnhiệm vụ được giao (hạn, ngày hoàn thành)\tHoàn thành nhiệm vụ được UBND tỉnh, Chủ tịch UBND tỉnh giao"
    )
    # An indicator by its Vietnamese name, as `explain` names it, never by its code.
    assert (
        "3.2\tchỉ số: Tỷ lệ TTHC được công bố, công khai đúng hạn\tCông bố, công khai thủ tục hành chính đầy đủ, đúng hạn"
        in lines
    )
    assert (
        "2.1\tchỉ số: Tỷ lệ dự thảo VBQPPL trình đúng hạn\tTham mưu xây dựng văn bản quy phạm pháp luật theo chương trình được giao"
        in lines
    )
    assert not any("_rate" in line or "dti_score" in line for line in lines)
    assert lines[-1].startswith("8.1\tkết quả khảo sát của đơn vị (nếu có)\tMức độ hài lòng của người dân")
    # The Office's own figures beside the draft: only the two it has not typed yet.
    other = tmp_path / "office"
    evidence = _unit(other, with_evidence=True)
    (evidence / "u" / "2024" / "reports.csv").unlink()
    code, out, err = _import(evidence, register, "--report", "--lang", "en")
    assert code == 0, err
    assert err.splitlines()[1] == (
        "2 criteria read figures no register holds (2.4, 7.1.2): type them as before (listed above)."
    )
    assert out.splitlines()[-3:] == [
        "Figures no register holds, for the officer to type (the 2024 evidence has none yet):",
        "2.4\tindicator: Unlawful documents handled\tUnlawful documents checked and handled",
        "7.1.2\tindicator: Digital transformation index (share of max)\tDigital transformation index (DTI) result",
    ]


def test_the_report_names_indicators_by_their_titles_through_a_real_pipe(tmp_path):
    """The worked example's `--report`, as a process writes it to a pipe: each figure for the
    officer named in words, Vietnamese by default and English on request, never by its code."""
    import subprocess
    import sys

    evidence = tmp_path / "evidence"
    shutil.copytree(ROOT / "examples" / "so-van-ban" / "evidence", evidence)
    command = [sys.executable, "-m", "scorer", "register", "import"]
    command += [str(ROOT / "examples" / "so-van-ban" / "so-van-ban-2024.xlsx"), "--unit", "van-phong-ubnd-tinh"]
    command += ["--year", "2024", "--evidence", str(evidence), "--rules", str(RULES), "--report", "--dry-run"]
    env = {k: v for k, v in __import__("os").environ.items() if k != "SCORER_LANG"}
    vi = subprocess.run(command, capture_output=True, env=env, cwd=tmp_path, check=True).stdout.decode("utf-8")
    assert "6.1\tchỉ số: Tỷ lệ giải ngân dự toán được giao\tThực hiện, giải ngân dự toán ngân sách được giao\n" in vi
    assert (
        "7.3.4\tchỉ số: Tỷ lệ hồ sơ đồng bộ lên Cổng DVC quốc gia\tĐồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia\n" in vi
    )
    en = subprocess.run(command + ["--lang", "en"], capture_output=True, env=env, cwd=tmp_path, check=True)
    text = en.stdout.decode("utf-8")
    assert "6.1\tindicator: Budget disbursed\tAssigned budget executed and disbursed\n" in text
    assert "_rate" not in vi + text


def test_the_draft_goes_where_output_says_and_nowhere_it_cannot(tmp_path):
    evidence = _unit(tmp_path)
    register = tmp_path / "r.csv"
    register.write_text(
        "Số, ký hiệu;Ngày tháng;Trích yếu\n38/BC-VPUB;12/03/2024;Báo cáo công tác CCHC quý I năm 2024\n",
        encoding="utf-8",
    )
    target = tmp_path / "nhap" / "so-van-ban-quy-1.yaml"
    code, _, err = _import(evidence, register, "-o", str(target))
    assert code == 0, err
    assert [r["document_no"] for r in yaml.safe_load(target.read_text(encoding="utf-8"))] == ["38/BC-VPUB"]
    assert not (evidence / "u" / "2024").exists()
    code, _, err = _import(evidence, register, "-o", str(tmp_path / "so.txt"))
    assert code == 2
    assert (
        err.splitlines()[-1] == f"Lỗi: --output {tmp_path / 'so.txt'}: bản dự thảo là hồ sơ YAML, hãy ghi ra tệp .yaml"
    )
    code, _, err = _import(evidence, register, "-o", str(tmp_path / "so.txt"), "--lang", "en")
    assert (
        err.splitlines()[-1] == f"Error: --output {tmp_path / 'so.txt'}: the draft is YAML evidence, give a .yaml file"
    )
    same = tmp_path / "r.yaml"
    same.write_text("", encoding="utf-8")
    code, _, err = _import(evidence, same, "-o", str(same))
    assert code == 2 and err.splitlines()[-1] == f"Lỗi: --output {same} chính là sổ đăng ký văn bản đang đọc"


def test_a_row_about_another_year_is_skipped_and_says_so(tmp_path):
    """Next year's plan issued in December, last year's report sent in January: rows of this year's
    register, about another year, skipped; a plan to remedy last year's findings is this year's."""
    evidence = _unit(tmp_path)
    register = tmp_path / "r.csv"
    register.write_text(
        "Số, ký hiệu;Ngày tháng;Trích yếu\n"
        "03/BC-VPUB;05/01/2024;Báo cáo công tác cải cách hành chính năm 2023\n"
        "14/KH-VPUB;02/02/2024;Kế hoạch khắc phục tồn tại, hạn chế Chỉ số CCHC năm 2023\n"
        "250/KH-VPUB;26/12/2024;Kế hoạch cải cách hành chính năm 2025\n",
        encoding="utf-8",
    )
    code, out, err = _import(evidence, register, "--report")
    assert code == 0, err
    assert [r["document_no"] for r in _drafted(evidence)] == ["14/KH-VPUB"]
    lines = out.splitlines()
    assert lines[1] == "2\t03/BC-VPUB\t05/01/2024\tbỏ qua\t\tnội dung về năm 2023, không phải năm 2024"
    assert lines[3] == "4\t250/KH-VPUB\t26/12/2024\tbỏ qua\t\tnội dung về năm 2025, không phải năm 2024"


def test_a_document_still_in_force_is_drafted_again_from_last_year_for_the_officer_to_confirm(tmp_path):
    """The internal spending rules of 2022 still apply in 2024: last year's evidence holds them, this
    year's register does not. The import that starts the draft offers them again (to accept, or to
    delete if replaced); a later import does not offer a deleted one again; a register that gives the
    kind anew wins."""
    evidence = _unit(tmp_path)
    shutil.copytree(OFFICE / "2023", evidence / "u" / "2023")
    register = tmp_path / "r.csv"
    register.write_text(
        "Số, ký hiệu;Ngày tháng;Trích yếu\n"
        "38/BC-VPUB;12/03/2024;Báo cáo công tác CCHC quý I năm 2024\n"
        "03/QĐ-VPUB;05/01/2024;Quyết định ban hành Quy chế quản lý, sử dụng tài sản công của Văn phòng\n",
        encoding="utf-8",
    )
    code, out, err = _import(evidence, register, "--report")
    assert code == 0, err
    records = _drafted(evidence)
    carried = [r for r in records if r["date"].year < 2024]
    assert [(r["kind"], r["document_no"]) for r in carried] == [
        ("working_rules", "36/QĐ-VPUB"),
        ("functions_decision", "512/QĐ-UBND"),
        ("job_positions", "1024/QĐ-UBND"),
        ("internal_spending_rules", "02/QĐ-VPUB"),
        ("internal_procedures", "1562/QĐ-UBND"),
        ("delegation_decision", "702/QĐ-UBND"),
        ("one_stop_assignment", "05/QĐ-VPUB"),
        ("autonomy_plan", "552/QĐ-UBND"),
        ("it_security_approval", "1150/QĐ-UBND"),
    ]
    assert all(r["review"] == "needed" for r in carried)
    assert (carried[3]["date"], carried[3]["criteria"]) == (dt.date(2022, 1, 14), ["6.2"])
    assert carried[3]["note"] == (
        "Chép từ hồ sơ năm 2023 (documents.yaml, dòng 15): văn bản ngày 14/01/2022 có hiệu lực đến khi được thay "
        "thế. Năm 2024 vẫn còn hiệu lực: chấp nhận; đã được thay thế hoặc bãi bỏ: xóa bản ghi này."
    )
    assert "asset_rules" not in {r.get("kind") for r in carried}  # the register gives this year's
    assert err.splitlines()[0] == (
        "Đã đọc 2 dòng: lập 2, bỏ qua 0, chưa rõ 0. Lập lại 9 văn bản năm trước còn hiệu lực, từ hồ sơ năm 2023."
    )
    assert "Văn bản năm trước còn hiệu lực? (lập từ hồ sơ năm 2023, cần xác nhận):" in out.splitlines()
    # The officer deletes the working rules (replaced); the next import does not offer them again.
    path = evidence / "u" / "2024" / "so-van-ban.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: svb-2024-36-qd-vpub")
    path.write_text(text[:start] + text[text.index("- id:", start + 1) :], encoding="utf-8")
    code, _, err = _import(evidence, register)
    assert code == 0, err
    assert "36/QĐ-VPUB" not in path.read_text(encoding="utf-8")


def test_the_forecast_gap_the_docs_state_is_what_the_bench_measures(tmp_path):
    """docs/commands.md's table of the draft's forecast against the hand-typed one (issue 21's bar)
    is bench/register_gap.py's measure of today's code."""
    import importlib.util
    import re

    spec = importlib.util.spec_from_file_location("register_gap", ROOT / "bench" / "register_gap.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    hand, scenarios, _rows = bench.forecasts(tmp_path)
    text = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    stated = re.findall(r"^\| ([a-d])\. .*? \| ([0-9.]+) \| ([0-9.]+) \|$", text, re.M)
    measured = [
        (label[0], f"{unit['total']['expected']:.2f}", f"{hand['total']['expected'] - unit['total']['expected']:.2f}")
        for label, unit in scenarios
    ]
    assert stated == measured
    assert f"| typed by hand (the shipped unit) | {hand['total']['expected']:.2f} | |" in text
    # Scenario a criterion by criterion, by where what the draft lacks lives: the bench's table.
    rows, sums = bench.breakdown(hand, scenarios[0][1], bench.draft_of(tmp_path), bench.held_rows())
    lines = bench.table(rows, sums)
    assert "\n".join(lines) in text


def test_report_names_no_rule_of_the_register_table(tmp_path):
    """The worked example's `--report` in both languages: a drafted row says nothing the record beside
    it says ("Kế hoạch: Cải cách hành chính"), and names the proof a dialogue's notice is; never the
    id of the rule that drafted it (`par-plan`, `asset-rules`), which is the table's, not the officer's."""
    rules = yaml.safe_load((ROOT / "rules" / "register.yaml").read_text(encoding="utf-8"))["rules"]
    example = ROOT / "examples" / "so-van-ban"
    for lang in ("vi", "en"):
        args = ["register", "import", str(example / "so-van-ban-2024.xlsx"), "--unit", "van-phong-ubnd-tinh"]
        args += ["--year", "2024", "--evidence", str(example / "evidence"), "--report", "--dry-run", "--lang", lang]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        drafted = [
            line.split("\t") for line in result.stdout.splitlines() if "\tđã lập\t" in line or "\tdrafted\t" in line
        ]
        assert len(drafted) == 29
        reasons = {row[-1] for row in drafted}
        if lang == "vi":
            assert reasons == {
                "",
                "tài liệu kiểm chứng: Giấy mời hội nghị đối thoại",
                "tài liệu kiểm chứng: Thông báo kết luận của người đứng đầu",
            }
        else:
            assert reasons == {"", "proof: Invitation to the dialogue", "proof: The head's conclusion notice"}
        ids = {rule["id"] for rule in rules if "-" in rule["id"]}  # `dialogue` is also an English word
        assert not set(re.findall(r"[\w-]+", result.stdout)) & ids
        assert not any(reason.startswith(("quy tắc", "rule ")) for reason in reasons)

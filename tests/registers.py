"""Registers of outgoing documents with a known answer, for `scorer register import`: a few hundred
rows of one year, PAR documents (in the many ways clerks phrase them) among ordinary letters,
invitations, decisions and reports on other matters, a few rows of the year before and plans for the
year after, written in two column layouts (the decree's form, and an e-office export with a merged
two-row header and the number and symbol in two columns)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Doc:
    symbol: str
    date: dt.date
    summary: str
    kind_name: str
    # The record it should be drafted as: (type, kind / period / status / form), or None.
    answer: tuple[str, str] | None


ISSUER = "VPUB"

# (kind, kind name, summary templates, answer); {Y} the year, {P} a period phrase, {N} a number.
PAR: list[tuple[str, str, list[str], tuple[str, str]]] = [
    (
        "KH",
        "Kế hoạch",
        [
            "Kế hoạch cải cách hành chính năm {Y}",
            "Kế hoạch CCHC nhà nước năm {Y} của Văn phòng UBND tỉnh",
            "Kế hoạch thực hiện công tác cải cách hành chính năm {Y}",
            "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM {Y}",
        ],
        ("plan", "par"),
    ),
    (
        "KH",
        "Kế hoạch",
        [
            "Kế hoạch khắc phục tồn tại, hạn chế Chỉ số CCHC năm {Y0}",
            "Kế hoạch nâng cao Chỉ số cải cách hành chính năm {Y}",
        ],
        ("plan", "par"),
    ),
    (
        "KH",
        "Kế hoạch",
        [
            "Kế hoạch kiểm tra công tác cải cách hành chính năm {Y}",
            "Kế hoạch kiểm tra CCHC, kiểm tra công vụ năm {Y}",
        ],
        ("plan", "inspection"),
    ),
    (
        "KH",
        "Kế hoạch",
        [
            "Kế hoạch thông tin, tuyên truyền cải cách hành chính năm {Y}",
            "Kế hoạch tuyên truyền CCHC năm {Y}",
        ],
        ("plan", "communication"),
    ),
    (
        "KH",
        "Kế hoạch",
        [
            "Kế hoạch ứng dụng công nghệ thông tin, chuyển đổi số năm {Y}",
            "Kế hoạch chuyển đổi số năm {Y} của Văn phòng",
        ],
        ("plan", "it"),
    ),
    ("KH", "Kế hoạch", ["Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm {Y}"], ("plan", "training")),
    (
        "KH",
        "Kế hoạch",
        [
            "Kế hoạch rà soát, hệ thống hóa văn bản quy phạm pháp luật năm {Y}",
            "Kế hoạch rà soát VBQPPL năm {Y}",
        ],
        ("plan", "legal_review"),
    ),
    ("KH", "Kế hoạch", ["Kế hoạch theo dõi tình hình thi hành pháp luật năm {Y}"], ("plan", "law_monitoring")),
    ("KH", "Kế hoạch", ["Kế hoạch phổ biến, giáo dục pháp luật năm {Y}"], ("document", "legal_dissemination_plan")),
    (
        "TB",
        "Thông báo",
        [
            "Thông báo kết luận kiểm tra công tác CCHC tại {N} phòng, đơn vị",
            "Thông báo kết luận kiểm tra công tác cải cách hành chính đối với Trung tâm Thông tin",
        ],
        ("inspection", ""),
    ),
    (
        "KH",
        "Kế hoạch",
        ["Kế hoạch tổ chức Cuộc thi trực tuyến tìm hiểu về cải cách hành chính năm {Y}"],
        ("communication", "contest"),
    ),
    (
        "TB",
        "Thông báo",
        [
            "Thông báo kết luận của Chánh Văn phòng tại Hội nghị đối thoại với công chức, viên chức năm {Y}",
            "Thông báo kết quả Hội nghị đối thoại giữa người đứng đầu với người dân, doanh nghiệp năm {Y}",
        ],
        ("dialogue", ""),
    ),
    ("GM", "Giấy mời", ["Giấy mời dự Hội nghị đối thoại năm {Y}"], ("document", "dialogue_record")),
    ("QĐ", "Quyết định", ["Quyết định công nhận sáng kiến cấp cơ sở năm {Y}"], ("initiative", "recognized")),
    (
        "QĐ",
        "Quyết định",
        ["Quyết định ban hành Quy chế làm việc của Văn phòng UBND tỉnh"],
        ("document", "working_rules"),
    ),
    ("QĐ", "Quyết định", ["Quyết định kiện toàn Trung tâm Thông tin"], ("document", "restructuring_decision")),
    (
        "BC",
        "Báo cáo",
        ["Báo cáo bố trí công chức, viên chức theo vị trí việc làm"],
        ("document", "staffing_by_position"),
    ),
    (
        "QĐ",
        "Quyết định",
        ["Quyết định cử công chức làm việc tại Trung tâm Phục vụ hành chính công tỉnh"],
        ("document", "one_stop_assignment"),
    ),
    (
        "QĐ",
        "Quyết định",
        ["Quyết định ban hành Quy chế chi tiêu nội bộ năm {Y}"],
        ("document", "internal_spending_rules"),
    ),
    (
        "QĐ",
        "Quyết định",
        ["Quyết định ban hành Quy chế quản lý, sử dụng tài sản công của Văn phòng"],
        ("document", "asset_rules"),
    ),
    (
        "QĐ",
        "Quyết định",
        ["Quyết định ban hành Chương trình thực hành tiết kiệm, chống lãng phí năm {Y}"],
        ("document", "thrift_programme"),
    ),
    ("QĐ", "Quyết định", ["Quyết định công bố công khai dự toán ngân sách năm {Y}"], ("document", "budget_disclosure")),
    (
        "BC",
        "Báo cáo",
        ["Báo cáo kết quả triển khai phòng họp không giấy tại Văn phòng"],
        ("document", "paperless_meeting"),
    ),
]

REPORT_PERIODS = [
    ("q1", ["quý I năm {Y}", "quý I/{Y}", "3 tháng đầu năm {Y}"], (3, 5, 14)),
    ("h1", ["6 tháng đầu năm {Y}", "06 tháng đầu năm {Y}"], (6, 5, 18)),
    ("q3", ["quý III năm {Y}", "9 tháng đầu năm {Y}", "quý III/{Y}"], (9, 5, 14)),
    ("year", ["năm {Y}"], (12, 1, 14)),
]
REPORT_LEADS = [
    "Báo cáo công tác cải cách hành chính {P}",
    "Báo cáo kết quả thực hiện công tác CCHC {P}",
    "Báo cáo tình hình, kết quả thực hiện nhiệm vụ cải cách hành chính {P}",
    "BÁO CÁO CÔNG TÁC CCHC {P}",
]

# Ordinary correspondence: (kind, kind name, summary). Several name PAR without being evidence.
ORDINARY: list[tuple[str, str, str]] = [
    ("CV", "Công văn", "V/v góp ý dự thảo Kế hoạch CCHC năm {Y1} của UBND tỉnh"),
    ("CV", "Công văn", "V/v đề nghị cung cấp số liệu phục vụ báo cáo CCHC quý III"),
    ("CV", "Công văn", "V/v cử cán bộ tham dự Hội nghị tập huấn công tác cải cách hành chính"),
    ("CV", "Công văn", "V/v chuẩn bị nội dung phiên họp thường kỳ tháng {M} của UBND tỉnh"),
    ("CV", "Công văn", "V/v tham mưu xử lý kiến nghị của cử tri"),
    ("CV", "Công văn", "V/v đôn đốc thực hiện nhiệm vụ UBND tỉnh giao"),
    ("CV", "Công văn", "V/v thẩm tra hồ sơ trình UBND tỉnh về đầu tư công"),
    ("CV", "Công văn", "V/v tổng hợp báo cáo tình hình kinh tế - xã hội tháng {M}"),
    ("CV", "Công văn", "V/v phối hợp tổ chức Lễ kỷ niệm Ngày Quốc khánh 2/9"),
    ("CV", "Công văn", "V/v trả lời đơn của công dân"),
    ("CV", "Công văn", "V/v hướng dẫn thanh quyết toán kinh phí hội nghị"),
    ("GM", "Giấy mời", "Giấy mời họp rà soát nhiệm vụ cải cách hành chính"),
    ("GM", "Giấy mời", "Giấy mời dự Hội nghị sơ kết công tác 6 tháng đầu năm {Y}"),
    ("GM", "Giấy mời", "Giấy mời họp thẩm định hồ sơ dự án"),
    ("GM", "Giấy mời", "Giấy mời dự Lễ phát động phong trào thi đua"),
    ("QĐ", "Quyết định", "Quyết định nâng bậc lương thường xuyên đối với công chức"),
    ("QĐ", "Quyết định", "Quyết định khen thưởng tập thể, cá nhân có thành tích xuất sắc"),
    ("QĐ", "Quyết định", "Quyết định thành lập Đoàn kiểm tra công tác cải cách hành chính năm {Y}"),
    ("QĐ", "Quyết định", "Quyết định cử công chức đi học lớp bồi dưỡng quản lý nhà nước"),
    ("QĐ", "Quyết định", "Quyết định phê duyệt dự toán mua sắm trang thiết bị"),
    ("QĐ", "Quyết định", "Quyết định thành lập Tổ giúp việc Ban Chỉ đạo chuyển đổi số"),
    ("BC", "Báo cáo", "Báo cáo tình hình kinh tế - xã hội quý III năm {Y}"),
    ("BC", "Báo cáo", "Báo cáo công tác phòng, chống tham nhũng 6 tháng đầu năm {Y}"),
    ("BC", "Báo cáo", "Báo cáo kết quả kiểm tra công tác văn thư, lưu trữ"),
    ("BC", "Báo cáo", "Báo cáo công tác thi đua, khen thưởng năm {Y}"),
    ("BC", "Báo cáo", "Báo cáo tình hình giải ngân vốn đầu tư công tháng {M}"),
    ("KH", "Kế hoạch", "Kế hoạch tổ chức các hoạt động chào mừng Ngày Quốc khánh"),
    ("KH", "Kế hoạch", "Kế hoạch kiểm tra công tác phòng cháy, chữa cháy năm {Y}"),
    ("KH", "Kế hoạch", "Kế hoạch tổ chức Hội nghị tổng kết công tác năm {Y}"),
    ("KH", "Kế hoạch", "Kế hoạch tổ chức Ngày Chuyển đổi số quốc gia 10/10"),
    ("TB", "Thông báo", "Thông báo kết luận của Chủ tịch UBND tỉnh tại cuộc họp về giải phóng mặt bằng"),
    ("TB", "Thông báo", "Thông báo lịch làm việc của Lãnh đạo UBND tỉnh tuần {M}"),
    ("TTr", "Tờ trình", "Tờ trình đề nghị phê duyệt kế hoạch lựa chọn nhà thầu"),
]
OTHER_ORGS = ["Sở Nội vụ", "Sở Tài chính", "UBND huyện", "Sở Kế hoạch và Đầu tư", "Bộ Nội vụ"]


def generate(seed: int, year: int = 2024, rows: int = 300) -> list[Doc]:
    """One register: every PAR document once, the four PAR reports, ordinary rows to `rows`, a few
    rows of December of the year before and January of the next, and next year's plans."""
    rng = random.Random(seed)
    docs: list[tuple[dt.date, str, str, tuple[str, str] | None]] = []

    def day(month: int | None = None) -> dt.date:
        m = month or rng.randint(1, 12)
        return dt.date(year, m, rng.randint(1, 28))

    for kind, _name, templates, answer in PAR:
        if rng.random() < 0.15:
            continue  # a unit does not issue every document every year
        text = rng.choice(templates).format(Y=year, Y0=year - 1, N=f"{rng.randint(2, 9):02d}")
        docs.append((day(), kind, text, answer))
    for period, phrases, (month, low, high) in REPORT_PERIODS:
        lead = rng.choice(REPORT_LEADS)
        text = lead.format(P=rng.choice(phrases).format(Y=year))
        docs.append((dt.date(year, month, rng.randint(low, high)), "BC", text, ("report", period)))
    # Letters and invitations recur; a plan, decision or report on another matter comes once or twice.
    once = [o for o in ORDINARY if o[0] not in ("CV", "GM")]
    for kind, _name, template in once + rng.sample(once, len(once) // 3):
        docs.append((day(), kind, template.format(Y=year, Y1=year + 1, M=rng.randint(1, 12)), None))
    recurring = [o for o in ORDINARY if o[0] in ("CV", "GM")]
    while len(docs) < rows:
        kind, name, template = rng.choice(recurring)
        text = template.format(Y=year, Y1=year + 1, M=rng.randint(1, 12))
        if rng.random() < 0.3 and kind == "CV":
            text += f" gửi {rng.choice(OTHER_ORGS)}"
        docs.append((day(), kind, text, None))
    # Not this year's: a plan for next year issued in December, rows of the year before.
    docs.append((dt.date(year, 12, rng.randint(20, 30)), "KH", f"Kế hoạch cải cách hành chính năm {year + 1}", None))
    docs.append((dt.date(year - 1, 12, rng.randint(10, 28)), "BC", f"Báo cáo công tác CCHC năm {year - 1}", None))
    docs.append((dt.date(year - 1, 12, rng.randint(10, 28)), "KH", f"Kế hoạch kiểm tra công tác CCHC năm {year}", None))
    docs.sort(key=lambda d: d[0])
    out = []
    numbers: dict[int, int] = {}
    names = {k: n for k, n, _, _ in PAR} | {k: n for k, n, _ in ORDINARY}
    for date, kind, text, answer in docs:
        numbers[date.year] = numbers.get(date.year, 0) + 1
        n = numbers[date.year]
        symbol = (
            f"{n}/{ISSUER}-{rng.choice(['TH', 'KT', 'NC', 'HCTC'])}" if kind == "CV" else f"{n:02d}/{kind}-{ISSUER}"
        )
        out.append(Doc(symbol, date, text, names[kind], answer))
    return out


def write(docs: list[Doc], path: Path, layout: str) -> None:
    """`decree`: the decree's form (title rows, one header row, column numbers, Excel dates);
    `export`: an e-office export (a merged two-row header, number and symbol apart, the kind in a
    column of its own, date-times as text). A .csv path writes the decree's columns as text."""
    if path.suffix == ".csv":
        import csv

        with path.open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream, delimiter=";")
            writer.writerow(["STT", "Số và ký hiệu", "Ngày ban hành", "Trích yếu nội dung", "Người ký", "Nơi nhận"])
            for i, d in enumerate(docs, 1):
                writer.writerow([i, d.symbol, d.date.strftime("%d/%m/%Y"), d.summary, "Trần Bình Minh", "Sở Nội vụ"])
        return
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Sổ văn bản đi"
    if layout == "decree":
        sheet.append(["VĂN PHÒNG UBND TỈNH"])
        sheet.append(["SỔ ĐĂNG KÝ VĂN BẢN ĐI"])
        sheet.append([f"Năm {docs[-1].date.year}"])
        sheet.append([])
        sheet.append(
            [
                "STT",
                "Số, ký hiệu văn bản",
                "Ngày tháng văn bản",
                "Tên loại và trích yếu nội dung văn bản",
                "Người ký",
                "Nơi nhận văn bản",
                "Đơn vị, người nhận bản lưu",
                "Số lượng bản",
                "Ghi chú",
            ]
        )
        sheet.append([f"({i})" for i in range(1, 10)])
        for i, d in enumerate(docs, 1):
            sheet.append([i, d.symbol, d.date, d.summary, "Trần Bình Minh", "Sở Nội vụ", "Lưu: VT", 2, None])
            sheet.cell(sheet.max_row, 3).number_format = "dd/mm/yyyy"
    else:
        sheet.append(["STT", "Văn bản", None, None, "Loại văn bản", "Trích yếu", "Người ký", "Nơi nhận"])
        sheet.append([None, "Số", "Ký hiệu", "Ngày ban hành", None, None, None, None])
        sheet.merge_cells("A1:A2")
        sheet.merge_cells("B1:D1")
        sheet.merge_cells("E1:E2")
        sheet.merge_cells("F1:F2")
        sheet.merge_cells("G1:G2")
        sheet.merge_cells("H1:H2")
        for i, d in enumerate(docs, 1):
            number, _, code = d.symbol.partition("/")
            summary = d.summary
            if summary.lower().startswith(d.kind_name.lower() + " "):
                summary = summary[len(d.kind_name) + 1 :]
            when = dt.datetime.combine(d.date, dt.time(8 + i % 9, 5 * (i % 12)))
            stamp = when if i % 2 else when.strftime("%d/%m/%Y %H:%M")
            sheet.append([i, int(number), code, stamp, d.kind_name, summary, "Trần Bình Minh", "Sở Nội vụ"])
    book.save(path)

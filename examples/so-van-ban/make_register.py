"""Build the worked example of `scorer register import`: the Office's 2024 register of outgoing
documents (sổ đăng ký văn bản đi), from its shipped evidence plus the ordinary correspondence that
surrounds it, in two column layouts.

    python examples/so-van-ban/make_register.py

writes, beside this script:
- so-van-ban-2024.xlsx: the layout of Decree 30/2020's appendix (title rows, one header row, the
  column numbers under it, Excel dates);
- so-van-ban-2024-export.xlsx: an e-office export (a merged two-row header, the number and the
  symbol in two columns, the kind in its own column, date-times with the time of signing).

The documents of 2024 the Office issues (its own, `-VPUB`, and the Provincial Committee's it issues
on the Committee's behalf, `-UBND`) are its register's PAR rows, each once, under the summary a
clerk writes (the kind's name first). The centres' reports (`-TTPVHCC`, `-TTTT`) are in their own
registers, and a letter the Office received (`905/STTTT-CNTT`) in its register of incoming documents. Around
them: the letters of its assigned tasks, the letters and invitations of every month, and the
documents of their season on other matters, each dated when an office sends it (the figures for
the Q3 report asked for in early September, the half-year review's invitation in July), with a
fixed seed so the files do not change from run to run.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from scorer.loading import load_evidence  # noqa: E402

KIND_NAMES = {
    "KH": "Kế hoạch",
    "BC": "Báo cáo",
    "TB": "Thông báo",
    "QĐ": "Quyết định",
    "GM": "Giấy mời",
    "TTr": "Tờ trình",
}
# Records that cite a document without being it (a figure, an activity count, a plan's progress).
CITING = {"indicator", "survey", "communication"}
# Letters and invitations an office sends all year round ({M}: the month it is sent).
ORDINARY = [
    ("CV", "V/v chuẩn bị nội dung phiên họp thường kỳ tháng {M} của UBND tỉnh"),
    ("CV", "V/v tham mưu xử lý kiến nghị của cử tri"),
    ("CV", "V/v đôn đốc thực hiện nhiệm vụ UBND tỉnh giao"),
    ("CV", "V/v thẩm tra hồ sơ trình UBND tỉnh về đầu tư công"),
    ("CV", "V/v tổng hợp báo cáo tình hình kinh tế - xã hội tháng {M}"),
    ("CV", "V/v trả lời đơn của công dân"),
    ("CV", "V/v cử cán bộ tham dự Hội nghị tập huấn công tác cải cách hành chính"),
    ("GM", "Giấy mời họp rà soát nhiệm vụ cải cách hành chính"),
    ("GM", "Giấy mời họp thẩm định hồ sơ dự án"),
]
# Documents of their season, each sent once: (kind, summary, first day, last day). Some name PAR
# without being evidence: a request for the figures of a report, comments on the province's draft.
SEASONAL = [
    ("CV", "V/v đề nghị cung cấp số liệu phục vụ báo cáo CCHC quý I", (3, 1), (3, 8)),
    ("CV", "V/v đề nghị cung cấp số liệu phục vụ báo cáo CCHC 6 tháng đầu năm", (6, 1), (6, 8)),
    ("CV", "V/v đề nghị cung cấp số liệu phục vụ báo cáo CCHC quý III", (9, 1), (9, 8)),
    ("GM", "Giấy mời dự Hội nghị sơ kết công tác 6 tháng đầu năm 2024", (7, 1), (7, 20)),
    ("CV", "V/v phối hợp tổ chức Lễ kỷ niệm Ngày Quốc khánh 2/9", (8, 1), (8, 25)),
    ("CV", "V/v góp ý dự thảo Kế hoạch CCHC năm 2025 của UBND tỉnh", (9, 10), (9, 28)),
    ("QĐ", "Quyết định nâng bậc lương thường xuyên đối với công chức", (1, 1), (9, 28)),
    ("QĐ", "Quyết định khen thưởng tập thể, cá nhân có thành tích xuất sắc", (1, 10), (2, 5)),
    ("QĐ", "Quyết định thành lập Đoàn kiểm tra công tác cải cách hành chính năm 2024", (7, 15), (8, 20)),
    ("QĐ", "Quyết định phê duyệt dự toán mua sắm trang thiết bị", (3, 1), (5, 31)),
    ("BC", "Báo cáo công tác phòng, chống tham nhũng 6 tháng đầu năm 2024", (6, 5), (6, 20)),
    ("BC", "Báo cáo kết quả kiểm tra công tác văn thư, lưu trữ", (4, 1), (9, 28)),
    ("BC", "Báo cáo tình hình giải ngân vốn đầu tư công tháng 8", (9, 1), (9, 10)),
    ("KH", "Kế hoạch tổ chức các hoạt động chào mừng Ngày Quốc khánh", (8, 1), (8, 15)),
    ("KH", "Kế hoạch kiểm tra công tác phòng cháy, chữa cháy năm 2024", (2, 15), (4, 30)),
    ("KH", "Kế hoạch tổ chức Ngày Chuyển đổi số quốc gia 10/10", (9, 1), (9, 28)),
    ("TB", "Thông báo kết luận của Chủ tịch UBND tỉnh tại cuộc họp về giải phóng mặt bằng", (1, 1), (9, 28)),
    ("TTr", "Tờ trình đề nghị phê duyệt kế hoạch lựa chọn nhà thầu", (1, 1), (9, 28)),
]


def summary(kind: str, title: str) -> str:
    """The register's summary: the kind's name first, as a clerk writes it."""
    name = KIND_NAMES.get(kind)
    if name is None or title.lower().startswith(name.lower()):
        return title
    if title.startswith(("Quy chế", "Chương trình")):
        return f"{name} ban hành {title}"
    if kind == "TB" and "đối thoại" in title:
        return f"Thông báo kết luận {title[0].lower()}{title[1:]}"
    if kind == "KH":
        return f"Kế hoạch tổ chức {title[0].lower()}{title[1:]}"
    return f"{name} {title[0].lower()}{title[1:]}"


def rows() -> list[tuple[str, dt.date, str, str]]:
    """(number and symbol, date, kind name, summary), in the order of the register (by date)."""
    evidence = load_evidence(ROOT / "evidence" / "van-phong-ubnd-tinh", 2024)
    own: dict[str, tuple[dt.date, str, str]] = {}
    for record in sorted(evidence.records, key=lambda r: (r.type in CITING, r.date, r.id)):
        number = record.document_no
        if not number or record.date.year != 2024 or number in own:
            continue
        tail = number.partition("/")[2]
        kind, _, issuer = tail.partition("-")
        if issuer in ("VPUB", "UBND") and kind in KIND_NAMES:
            own[number] = (record.date, kind, summary(kind, record.title or ""))
        elif kind == "VPUB":  # the letters answering assigned tasks: `80/VPUB-TH`
            text = record.title or ""
            own[number] = (record.date, "CV", f"V/v {text[0].lower()}{text[1:]}")
    rng = random.Random(2024)
    used = {n.partition("/")[0].lstrip("0") + n.partition("/")[2].partition("-")[0] for n in own}
    extra: list[tuple[str, dt.date, str, str]] = []

    def add(kind: str, text: str, date: dt.date) -> None:
        while True:
            n = rng.randint(20, 260)
            key = f"{n}{'VPUB' if kind == 'CV' else kind}"
            if key not in used:
                break
        used.add(key)
        symbol = f"{n}/VPUB-{rng.choice(['TH', 'KT', 'NC'])}" if kind == "CV" else f"{n}/{kind}-VPUB"
        extra.append((symbol, date, "Công văn" if kind == "CV" else KIND_NAMES[kind], text.format(M=date.month)))

    for kind, text, first, last in SEASONAL:
        start, end = dt.date(2024, *first), dt.date(2024, *last)
        add(kind, text, start + dt.timedelta(days=rng.randint(0, (end - start).days)))
    for _ in range(114):
        kind, text = rng.choice(ORDINARY)
        add(kind, text, dt.date(2024, rng.randint(1, 9), rng.randint(1, 28)))
    listed = [(n, d, KIND_NAMES.get(k, "Công văn"), s) for n, (d, k, s) in own.items()] + extra
    return sorted(listed, key=lambda r: (r[1], r[0]))


def write_decree(listed: list[tuple[str, dt.date, str, str]], path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Sổ văn bản đi"
    sheet.append(["VĂN PHÒNG UBND TỈNH"])
    sheet.append(["SỔ ĐĂNG KÝ VĂN BẢN ĐI"])
    sheet.append(["Năm 2024"])
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
    for i, (symbol, date, _kind, text) in enumerate(listed, 1):
        sheet.append([i, symbol, date, text, "Trần Bình Minh", "Sở Nội vụ", "Lưu: VT, TCHCQT", 2, None])
        sheet.cell(sheet.max_row, 3).number_format = "dd/mm/yyyy"
    book.save(path)


def write_export(listed: list[tuple[str, dt.date, str, str]], path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "VanBanDi"
    sheet.append(["STT", "Văn bản", None, None, "Loại văn bản", "Trích yếu", "Người ký", "Nơi nhận"])
    sheet.append([None, "Số", "Ký hiệu", "Ngày ban hành", None, None, None, None])
    for cells in ("A1:A2", "B1:D1", "E1:E2", "F1:F2", "G1:G2", "H1:H2"):
        sheet.merge_cells(cells)
    for i, (symbol, date, kind, text) in enumerate(listed, 1):
        number, _, code = symbol.partition("/")
        if text.lower().startswith(kind.lower() + " "):
            text = text[len(kind) + 1 :]
            text = text[0].upper() + text[1:]
        signed = dt.datetime.combine(date, dt.time(8 + i % 9, 5 * (i % 12)))
        sheet.append([i, int(number), code, signed, kind, text, "Trần Bình Minh", "Sở Nội vụ"])
        sheet.cell(sheet.max_row, 4).number_format = "dd/mm/yyyy hh:mm"
    book.save(path)


def accepted_draft() -> str:
    """The draft the register gives a unit that has its 2023 evidence and none of 2024 yet (a
    document of 2022 still in force is drafted from 2023), every record accepted
    as drafted (its `review: needed` line deleted, nothing filled in): the unit of the example's
    forecast, `da-duyet/`."""
    from scorer import api

    result = api.register_import(
        api.Request(evidence=HERE / "evidence", rules=ROOT / "rules", year=2024, unit="van-phong-ubnd-tinh"),
        HERE / "so-van-ban-2024.xlsx",
    )
    text = "".join(line for line in result.text.splitlines(keepends=True) if line != "  review: needed\n")
    return text.replace("$schema=../../../schema/", "$schema=../../../../../schema/")  # two folders deeper


def last_year() -> dict[str, str]:
    """The Office's shipped 2023 evidence as the example's units hold it (their last year, as the
    hand-typed unit has it): file name -> text, the schema two folders deeper."""
    folder = ROOT / "evidence" / "van-phong-ubnd-tinh" / "2023"
    return {
        path.name: path.read_text(encoding="utf-8").replace(
            "$schema=../../../schema/", "$schema=../../../../../schema/"
        )
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


def main() -> None:
    listed = rows()
    write_decree(listed, HERE / "so-van-ban-2024.xlsx")
    write_export(listed, HERE / "so-van-ban-2024-export.xlsx")
    target = HERE / "da-duyet" / "van-phong-ubnd-tinh" / "2024" / "so-van-ban.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    for unit in (target.parent.parent, HERE / "evidence" / "van-phong-ubnd-tinh"):
        (unit / "2023").mkdir(exist_ok=True)
        for name, text in last_year().items():
            (unit / "2023" / name).write_text(text, encoding="utf-8")
    target.write_text(accepted_draft(), encoding="utf-8")
    print(f"{len(listed)} rows written to {HERE}; the accepted draft to {target}")


if __name__ == "__main__":
    main()

"""The command line's help in Vietnamese (the English is the commands' own docstrings and option
help in cli.py). Plain data: `scorer --help` loads it with click and nothing else.

`COMMANDS` maps a command's path ("" for `scorer` itself, "criteria diff") to its description;
`OPTIONS` gives an option's help by its name, `COMMAND_OPTIONS` where one command says it otherwise.
`WORDS` are click's own words in a help page."""

from __future__ import annotations

COMMANDS: dict[str, str] = {
    "": "Dự báo điểm Chỉ số cải cách hành chính (Chỉ số CCHC) của đơn vị từ tài liệu kiểm chứng, "
    "và việc cần làm với các điểm có nguy cơ mất.",
    "init": "Tạo dự án cho một đơn vị: tệp unit.yaml (các vai trò bộ tiêu chí cần, có giải thích) "
    'và bảng tài liệu kiểm chứng của năm.\n\nVí dụ: scorer init so-tu-phap --name "Sở Tư pháp"',
    "predict": "Bảng điểm theo lĩnh vực (thấp / dự kiến / cao), thành phần điểm, xếp loại, rồi danh sách "
    "tiêu chí có nguy cơ mất điểm.\n\nVí dụ: scorer predict --unit van-phong-ubnd-tinh --as-of 30/09/2024",
    "risks": "Chỉ danh sách tiêu chí có nguy cơ mất điểm, xếp theo số điểm có thể mất.\n\n"
    'Ví dụ: scorer risks --owner "Trung tâm Thông tin" --as-of 30/09/2024',
    "explain": "Một tiêu chí: cách tính điểm, số liệu, tài liệu kiểm chứng đã dùng (tệp và dòng), điểm, "
    "lý do chưa đạt tối đa.\n\nVí dụ: scorer explain 1.2 --as-of 30/09/2024",
    "backtest": "Chấm lại một năm đã chốt và đối chiếu với kết quả công bố (official.yaml), nêu mọi phần "
    "điểm trừ không được nêu rõ.\n\nVí dụ: scorer backtest --year 2023 --track --format html -o do-tin-cay-2023.html",
    "target": "Số nhiệm vụ ít nhất đưa điểm dự kiến lên MỤC_TIÊU, nhiệm vụ nhiều điểm và sớm hạn trước.\n\n"
    "Ví dụ: scorer target 95 --as-of 30/09/2024",
    "validate": "Kiểm tra bộ tiêu chí và tài liệu kiểm chứng; báo mọi lỗi cùng lúc.\n\nVí dụ: scorer validate --year 2024",
    "test": "Chạy các ca kiểm thử của bộ tiêu chí (tài liệu vào, điểm ra) và liệt kê tiêu chí chưa có ca "
    "nào kiểm tra.\n\nVí dụ: scorer test rules/tests",
    "schema": "In JSON Schema của một loại tệp đầu vào, cho trình soạn thảo.\n\n"
    "Ví dụ: scorer schema evidence > schema/evidence.schema.json",
    "plan": "Dự thảo kế hoạch khắc phục theo cấu trúc kế hoạch mẫu, từ kết quả công bố hoặc điểm dự kiến.\n\n"
    "Ví dụ: scorer plan --year 2023 --format docx --output ke-hoach-khac-phuc.docx",
    "form": "Lập Biểu tự đánh giá, chấm điểm dưới dạng bảng tính khổ A4 nằm ngang.\n\n"
    "Ví dụ: scorer form --year 2024 --as-of 30/09/2024 -o bieu-tu-danh-gia.xlsx",
    "criteria": "Làm việc với các bộ tiêu chí.",
    "criteria diff": "Tiêu chí thêm, bỏ, thay đổi giữa hai bộ tiêu chí, và số điểm thay đổi.\n\n"
    "Ví dụ: scorer criteria diff rules/criteria_2023.yaml rules/criteria_2024.yaml",
    "criteria import": "Dự thảo bộ tiêu chí từ bảng phụ lục của quyết định (.docx hoặc .xlsx); liệt kê các "
    "dòng chưa đọc được.\n\nVí dụ: scorer criteria import quyet-dinh-1325.docx -o du-thao.yaml",
    "template": "Tạo bảng tính tài liệu kiểm chứng trống: mỗi loại tài liệu một trang, có cột, danh sách "
    "chọn và trang hướng dẫn.\n\nVí dụ: scorer template --output evidence/don-vi/2025/evidence.xlsx",
    "register": "Tài liệu kiểm chứng dự thảo từ sổ đăng ký văn bản đi.",
    "register import": "Dự thảo tài liệu kiểm chứng, đánh dấu `review: needed`, từ sổ đăng ký văn bản đi (.xlsx "
    "hoặc .csv).\n\nVí dụ: scorer register import so-van-ban.xlsx --unit van-phong-ubnd-tinh",
    "user": "Tài khoản của dịch vụ web (`scorer serve`).",
    "user add": "Thêm người dùng dịch vụ web, gắn với một hoặc nhiều đơn vị (hoặc mọi đơn vị với --admin).\n\n"
    "Ví dụ: printf '%s\\n' \"$MAT_KHAU\" | scorer user add lan --unit van-phong-ubnd-tinh --password-stdin "
    "--data /srv/scorer",
    "user passwd": "Đặt mật khẩu của người dùng; các phiên đang mở của họ kết thúc.\n\n"
    "Ví dụ: scorer user passwd lan --data /srv/scorer/data",
    "user list": "Liệt kê người dùng dịch vụ web và các đơn vị của từng người.\n\n"
    "Ví dụ: scorer user list --data /srv/scorer/data",
    "serve": "Phục vụ dự báo, tải lên tài liệu kiểm chứng và tải về tài liệu qua trình duyệt.\n\n"
    "Ví dụ: scorer serve --data /srv/scorer --port 8000",
}

OPTIONS: dict[str, str] = {
    "--evidence": "Thư mục chứa thư mục các đơn vị [mặc định: thư mục evidence/ của dự án].",
    "--rules": "Thư mục các bộ tiêu chí criteria_<năm>.yaml [mặc định: thư mục rules/ của dự án].",
    "--criteria": "Tệp bộ tiêu chí [mặc định: rules/criteria_<năm>.yaml].",
    "--year": "Năm đánh giá [mặc định: bộ tiêu chí mới nhất].",
    "--unit": "Tên thư mục của một đơn vị [mặc định: mọi đơn vị; form và plan là văn bản của một đơn vị, cần "
    "ghi khi có nhiều đơn vị].",
    "--as-of": "Ngày tính dự báo, 30/09/2024 hoặc 2024-09-30 [mặc định: hôm nay, không quá ngày chốt số liệu].",
    "--lang": "Ngôn ngữ, vi hoặc en [mặc định: biến SCORER_LANG, nếu không có thì theo tệp dự án, nếu không: vi].",
    "--output": "Ghi ra TỆP (ghi trọn vẹn hoặc không ghi gì).",
    "--format": "Định dạng [mặc định: theo đuôi tệp của --output, nếu không: table].",
    "--horizon": "Số ngày tới để xét các thời hạn có nguy cơ.",
    "--detail": "Khi có nhiều đơn vị: bảng của từng đơn vị sau bảng xếp hạng [mặc định: chỉ bảng xếp hạng].",
    "--with": "Tệp tài liệu giả định (YAML, CSV hoặc xlsx) để thêm vào, được đánh dấu là giả định.",
    "--owner": 'Chỉ các tiêu chí do phòng, ban này chủ trì, ghi tên như unit.yaml (ví dụ "Trung tâm Thông tin").',
    "--track": "Chạy lại cả năm tại mỗi cuối tháng và mỗi thời hạn (độ tin cậy của dự báo).",
    "--compare": "Cùng --track: chạy lại cả theo cách dự báo của bản đầu tiên.",
    "--target": "Thêm số nhiệm vụ ít nhất để đạt tổng điểm này (tính đến --as-of).",
    "--name": 'Tên đơn vị như trên văn bản, ví dụ "Sở Tư pháp".',
    "--kind": 'Đơn vị tự gọi mình trong văn bản, ví dụ "Sở" [mặc định: từ đầu của --name].',
    "--admin": "Xem và tải lên cho mọi đơn vị (Sở Nội vụ).",
    "--password-stdin": "Đọc mật khẩu từ dòng đầu của đầu vào chuẩn.",
    "--data": "Thư mục dữ liệu của dịch vụ (người dùng, phiên, nhật ký, phiên bản).",
    "--host": "Địa chỉ lắng nghe.",
    "--port": "Cổng lắng nghe.",
    "--trusted-proxy": "Địa chỉ proxy TLS được tin X-Forwarded-Proto và X-Forwarded-For.",
    "--secure-cookies": "Đánh dấu cookie Secure cả khi không có proxy báo https.",
    "--max-upload-mb": "Dung lượng tối đa của một tệp tải lên (MiB).",
    "--workers": "Số tiến trình chạy dự báo và kiểm tra tệp tải lên (0: trong tiến trình của máy chủ).",
    "--register-rules": "Bảng cách diễn đạt riêng của tỉnh, đọc trước rules/register.yaml (lặp lại được).",
    "--report": "In từng dòng: đã dự thảo, bỏ qua (lý do) hay chưa rõ.",
    "--dry-run": "Đọc và dự thảo, không ghi gì.",
    "--version": "Hiện phiên bản rồi thoát.",
    "--help": "Hiện hướng dẫn này rồi thoát.",
}

COMMAND_OPTIONS: dict[str, dict[str, str]] = {
    "plan": {"--format": "md hoặc docx [mặc định: theo đuôi tệp của --output, nếu không: md]."},
    "form": {"--format": "Định dạng [mặc định: xlsx]."},
    "template": {
        "--format": "xlsx, định dạng duy nhất [mặc định: xlsx].",
        "--criteria": "Bộ tiêu chí có tên chỉ số và loại văn bản để chọn.",
        "--output": "Tệp bảng tính sẽ ghi.",
    },
    "criteria import": {
        "--output": "Tệp YAML dự thảo sẽ ghi.",
        "--report": "In từng dòng: sao chép (từ dòng nào, mức khớp), đã đọc cách tính hay còn phải viết (lý do).",
    },
    "register import": {
        "--unit": "Tên thư mục của đơn vị trong --evidence.",
        "--year": "Năm của tài liệu kiểm chứng [mặc định: bộ tiêu chí mới nhất].",
        "--output": "Tệp dự thảo [mặc định: evidence/ĐƠN_VỊ/NĂM/so-van-ban.yaml].",
    },
    "user add": {
        "--unit": "Một đơn vị (tên thư mục) người dùng làm việc cho; lặp lại cho nhiều đơn vị.",
        "--evidence": "Kiểm tra từng --unit với thư mục tài liệu kiểm chứng này.",
    },
    "test": {"--format": "Định dạng."},
    "criteria diff": {"--format": "Định dạng."},
}

# click's own words on a help page, and what they read in Vietnamese.
WORDS: list[tuple[str, str]] = [
    ("Usage:", "Cách dùng:"),
    ("Options:", "Tùy chọn:"),
    ("Commands:", "Lệnh:"),
    ("Arguments:", "Tham số:"),
    ("[default: ", "[mặc định: "),
    ("[required]", "[bắt buộc]"),
    ("[OPTIONS]", "[TÙY_CHỌN]"),
    ("COMMAND [ARGS]...", "LỆNH [THAM_SỐ]..."),
]

ABORTED = "Đã dừng."

# click's own usage errors, in Vietnamese; the values they quote stay as typed. (The commands' own
# are catalogue messages, worded in the run's language where they are raised.)
USAGE_ERRORS: list[tuple[str, str]] = [
    (r"^No such option '([^']*)'\.", r"Không có tùy chọn '\1'."),
    (r"No such option: (\S+)", r"Không có tùy chọn: \1"),
    (r" Did you mean '([^']*)'\?", r" Có phải là '\1'?"),
    (r"\(Possible options: ([^)]*)\)", r"(Các tùy chọn có thể: \1)"),
    (r"^Missing option '([^']*)'\.", r"Thiếu tùy chọn '\1'."),
    (r"^Missing argument '([^']*)'\.", r"Thiếu tham số '\1'."),
    (r"^Invalid value for '([^']*)': ", r"Giá trị không hợp lệ cho '\1': "),
    (r"'([^']*)' is not one of (.*)\.$", r"'\1' không phải là một trong \2."),
    (r"'([^']*)' is not a valid integer\.", r"'\1' không phải là số nguyên."),
    (r"'([^']*)' is not a valid float\.", r"'\1' không phải là một số."),
    (r"'([^']*)' is not a valid float range\.", r"'\1' không phải là một số."),
    (r"'([^']*)' is not a valid integer range\.", r"'\1' không phải là số nguyên."),
    (r"(\S+) is not in the range (.*)\.$", r"\1 không nằm trong khoảng \2."),
    (r"^Option '([^']*)' requires an argument\.", r"Tùy chọn '\1' cần một giá trị."),
    (r"^No such command '([^']*)'\.", r"Không có lệnh '\1'."),
    (r"^Got unexpected extra arguments? \((.*)\)", r"Thừa tham số (\1)"),
]


def usage_error(message: str) -> str:
    """A usage error in Vietnamese, phrase by phrase; a phrase not listed stays as it is."""
    import re

    for pattern, replacement in USAGE_ERRORS:
        message = re.sub(pattern, replacement, message)
    return message

"""The service's own sentences (refusals that only the web makes), Vietnamese first; the rest of what
a page says comes from `messages`' catalogue. `t` looks here first, then there."""

from __future__ import annotations

from scorer import messages

TEXT: dict[str, dict[str, str]] = {
    "web.storage": {
        "vi": "Máy chủ không ghi được dữ liệu lúc này; quản trị viên đã được ghi nhận lỗi. Vui lòng thử lại sau.",
        "en": "The server cannot write its storage right now; the administrator has the reason. Try again later.",
    },
    "web.busy": {
        "vi": "Máy chủ đang bận xử lý các yêu cầu khác. Vui lòng thử lại sau ít phút.",
        "en": "The server is busy with other work. Try again in a few minutes.",
    },
    "web.too_heavy": {
        "vi": "Tệp hoặc dữ liệu của đơn vị cần quá nhiều thời gian hoặc bộ nhớ để xử lý; hãy chia nhỏ tệp.",
        "en": "The file or the unit's data needs more time or memory than the service gives one task; split the file.",
    },
    "web.changed": {
        "vi": "Tệp đã được người khác thay đổi kể từ khi bạn xem danh sách; hãy tải lại trang và kiểm tra trước khi thay.",
        "en": "Someone changed the file since you listed it; reload the listing and check it before replacing.",
    },
    "web.upload_rate": {
        "vi": "Bạn đã tải lên quá nhiều tệp trong thời gian ngắn. Vui lòng thử lại sau ít phút.",
        "en": "Too many uploads in a short time. Try again in a few minutes.",
    },
    "web.published": {
        "vi": "Kết quả năm này đã được công bố: chỉ quản trị viên được thay đổi tài liệu kiểm chứng.",
        "en": "This year's results are published: only an administrator may change its evidence.",
    },
    "web.internal": {
        "vi": "Máy chủ gặp lỗi khi xử lý yêu cầu; lỗi đã được ghi nhận.",
        "en": "The server failed on this request; the failure is logged.",
    },
    # The province's ranking, when it does not wait for a unit whose prediction is heavy.
    "web.left_out": {
        "vi": "Bảng xếp hạng lúc này chưa có {count} đơn vị: dự báo của đơn vị đang được tính (dữ liệu lớn) hoặc "
        "vượt giới hạn của máy chủ; thứ hạng tính trên các đơn vị còn lại. Tải lại trang sau ít phút.",
        "en": "Units not in the ranking for now: {count}. Their prediction is being computed (large evidence) or "
        "passed the server's bounds; ranks are among the others. Reload the page in a few minutes.",
    },
    "web.pending_computing": {
        "vi": "đang tính dự báo (dữ liệu kiểm chứng lớn)",
        "en": "its prediction is being computed (large evidence)",
    },
    "web.pending_busy": {
        "vi": "máy chủ đang bận, chưa tính được dự báo",
        "en": "the server is busy: not predicted yet",
    },
    "web.pending_time": {
        "vi": "tính dự báo kéo dài quá thời gian máy chủ dành cho một tác vụ; hãy chia nhỏ tệp",
        "en": "its prediction took longer than the service gives one task; split its files",
    },
    "web.pending_cpu": {
        "vi": "tính dự báo cần nhiều thời gian CPU hơn mức máy chủ dành cho một tác vụ; hãy chia nhỏ tệp",
        "en": "its prediction needed more CPU time than the service gives one task; split its files",
    },
    "web.pending_memory": {
        "vi": "tính dự báo cần nhiều bộ nhớ hơn mức máy chủ dành cho một tác vụ; hãy chia nhỏ tệp",
        "en": "its prediction needed more memory than the service gives one task; split its files",
    },
    # What `validate` warns of in the year's files, on the evidence page.
    "web.warnings": {"vi": "Cần xem lại", "en": "To look at"},
    "web.warnings_help": {
        "vi": "Các tệp hợp lệ, nhưng những dòng sau có thể không như đơn vị mong muốn.",
        "en": "The files are valid, but these rows may not say what the unit means.",
    },
    "web.warning": {"vi": "Cảnh báo", "en": "Warning"},
    # The records drafted from the register (`scorer register import`), on the evidence page.
    "web.drafted": {
        "vi": "Bản ghi lập từ sổ đăng ký văn bản, chờ rà soát",
        "en": "Records drafted from the document register, to review",
    },
    "web.drafted_help": {
        "vi": "Đối chiếu từng bản ghi với văn bản. Chấp nhận: bản ghi được tính vào dự báo; "
        "bổ sung sau các trường ghi trong cột Ghi chú. Loại bỏ: xóa bản ghi khỏi tệp.",
        "en": "Check each record against the document. Accept: the forecast counts it; fill in "
        "later what its note names. Reject: the record is removed from its file.",
    },
    "web.accept": {"vi": "Chấp nhận", "en": "Accept"},
    "web.reject": {"vi": "Loại bỏ", "en": "Reject"},
    "web.reviewed_accept": {"vi": "Đã chấp nhận bản ghi.", "en": "The record is accepted."},
    "web.reviewed_reject": {"vi": "Đã loại bỏ bản ghi.", "en": "The record is removed."},
    "web.bad_review": {
        "vi": "Yêu cầu không hợp lệ: cần chọn một bản ghi và Chấp nhận hoặc Loại bỏ.",
        "en": "Not a valid request: name one record, and Accept or Reject.",
    },
    "web.review_gone": {
        "vi": "Bản ghi không còn chờ rà soát hoặc đã được sửa trong tệp; hãy tải lại trang.",
        "en": "The record no longer waits for review, or its file was edited; reload the page.",
    },
}


def t(key: str, lang: str) -> str:
    entry = TEXT.get(key)
    if entry is not None:
        return entry.get(lang) or entry["vi"]
    return messages.t(key, lang)

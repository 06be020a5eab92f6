"""The one message catalogue: every label the reports print, in English and Vietnamese, and the
number and date formats of each language (`88.09` / `88,09`, `2024-09-30` / `30/09/2024`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

LANGS = ("en", "vi")

CATALOGUE: dict[str, dict[str, str]] = {
    "unit": {"en": "Unit", "vi": "Đơn vị"},
    "year": {"en": "Year", "vi": "Năm"},
    "as_of": {"en": "As of", "vi": "Tính đến ngày"},
    "criteria_set": {"en": "Criteria set", "vi": "Bộ tiêu chí"},
    "final": {"en": "final (past the data cut-off)", "vi": "đã chốt số liệu"},
    "what_if": {"en": "WHAT-IF: includes hypothetical evidence", "vi": "GIẢ ĐỊNH: có tài liệu giả định"},
    "area": {"en": "Area", "vi": "Lĩnh vực"},
    "criterion": {"en": "Criterion", "vi": "Tiêu chí"},
    "title": {"en": "Title", "vi": "Nội dung"},
    "max": {"en": "Max", "vi": "Tối đa"},
    "low": {"en": "Low", "vi": "Thấp"},
    "expected": {"en": "Expected", "vi": "Dự kiến"},
    "high": {"en": "High", "vi": "Cao"},
    "last_year": {"en": "Last year", "vi": "Năm trước"},
    "total": {"en": "Total", "vi": "Tổng cộng"},
    "components": {"en": "Components", "vi": "Thành phần điểm"},
    "class": {"en": "Class", "vi": "Xếp loại"},
    "risks": {"en": "At-risk criteria", "vi": "Tiêu chí có nguy cơ mất điểm"},
    "no_risks": {"en": "No criterion at risk.", "vi": "Không có tiêu chí nào có nguy cơ mất điểm."},
    "at_stake": {"en": "At stake", "vi": "Có thể mất"},
    "worst_case": {"en": "Worst case", "vi": "Mất tối đa"},
    "reason": {"en": "Reason", "vi": "Lý do"},
    "owner": {"en": "Owner", "vi": "Đơn vị chủ trì"},
    "cooperating": {"en": "Cooperating", "vi": "Đơn vị phối hợp"},
    "deadline": {"en": "Deadline", "vi": "Thời hạn"},
    "remedy": {"en": "Remedy", "vi": "Nhiệm vụ, giải pháp"},
    "rank": {"en": "Rank", "vi": "Xếp hạng"},
    "ranking": {"en": "Ranking", "vi": "Xếp hạng các đơn vị"},
    "rule": {"en": "Rule", "vi": "Cách tính điểm"},
    "metrics": {"en": "Metrics", "vi": "Số liệu"},
    "metric": {"en": "Metric", "vi": "Số liệu"},
    "how": {"en": "How", "vi": "Cách tính"},
    "evidence": {"en": "Evidence used", "vi": "Tài liệu kiểm chứng"},
    "no_evidence": {"en": "No evidence record.", "vi": "Chưa có tài liệu kiểm chứng."},
    "points": {"en": "Points", "vi": "Điểm"},
    "why_not_full": {"en": "Why not full points", "vi": "Lý do chưa đạt điểm tối đa"},
    "full_points": {"en": "Full points in every scenario.", "vi": "Đạt điểm tối đa ở mọi kịch bản."},
    "status": {"en": "Status", "vi": "Tình trạng"},
    "survey_basis": {"en": "Survey estimate from", "vi": "Ước tính khảo sát từ"},
    "file": {"en": "File", "vi": "Tệp"},
    "date": {"en": "Date", "vi": "Ngày"},
    "document_no": {"en": "Document no.", "vi": "Số văn bản"},
    "unsupported_mark": {"en": "unsupported", "vi": "chưa đủ căn cứ"},
    "hypothetical_mark": {"en": "hypothetical", "vi": "giả định"},
    "change": {"en": "Change with the what-if evidence", "vi": "Thay đổi khi có tài liệu giả định"},
    "without": {"en": "Without", "vi": "Không có"},
    "with": {"en": "With", "vi": "Có"},
    "backtest": {"en": "Backtest against the published results", "vi": "Đối chiếu với kết quả công bố"},
    "scored": {"en": "Scored", "vi": "Chấm lại"},
    "official": {"en": "Published", "vi": "Công bố"},
    "difference": {"en": "Difference", "vi": "Chênh lệch"},
    "lost": {"en": "Lost", "vi": "Bị trừ"},
    "itemised": {"en": "Itemised", "vi": "Nêu rõ"},
    "unitemised": {"en": "Not itemised", "vi": "Không nêu rõ"},
    "gaps": {"en": "Gaps the itemised deductions do not explain", "vi": "Phần điểm trừ không được nêu rõ"},
    "no_gaps": {"en": "Every lost point is itemised.", "vi": "Mọi điểm trừ đều được nêu rõ."},
    "deductions_check": {"en": "Itemised deductions", "vi": "Các nội dung bị trừ điểm"},
    "matches": {"en": "matches", "vi": "khớp"},
    "mismatch": {"en": "MISMATCH", "vi": "KHÔNG KHỚP"},
    # reason codes (DESIGN.md 4)
    "reason.missing_evidence": {"en": "missing evidence", "vi": "thiếu tài liệu kiểm chứng"},
    "reason.pending": {"en": "pending", "vi": "chưa đến hạn"},
    "reason.overdue": {"en": "overdue", "vi": "quá hạn"},
    "reason.below_band": {"en": "below band", "vi": "chưa đạt mức cao nhất"},
    "reason.below_target": {"en": "below target", "vi": "chưa đạt chỉ tiêu"},
    "reason.unsupported": {"en": "unsupported evidence", "vi": "tài liệu chưa đủ căn cứ"},
    "reason.survey_estimate": {"en": "survey estimate", "vi": "ước tính khảo sát"},
    # criterion status
    "status.full": {"en": "full", "vi": "đạt tối đa"},
    "status.pending": {"en": "pending", "vi": "chưa đến hạn"},
    "status.short": {"en": "short", "vi": "bị trừ điểm"},
    "status.official": {"en": "official survey", "vi": "khảo sát chính thức"},
    "status.estimate": {"en": "survey estimate", "vi": "ước tính khảo sát"},
}


def t(key: str, lang: str) -> str:
    entry = CATALOGUE[key]
    return entry.get(lang) or entry["en"]


def num(value: float | None, lang: str, places: int = 2) -> str:
    if value is None:
        return "–"
    text = f"{value:.{places}f}"
    return text.replace(".", ",") if lang == "vi" else text


def date(value: dt.date | None, lang: str) -> str:
    if value is None:
        return "–"
    return value.strftime("%d/%m/%Y") if lang == "vi" else value.isoformat()


def pick(obj: Any, name: str, lang: str) -> str:
    """The Vietnamese field (`title`) for vi, the English one (`title_en`) for en."""
    if lang == "vi":
        return str(getattr(obj, name))
    return str(getattr(obj, f"{name}_en", None) or getattr(obj, name))

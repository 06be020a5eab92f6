"""A province's decision made from the 2024 model set, as a province would reissue it: areas in
another order (so every id changes), titles reworded (abbreviations, other words, other order),
the scoring text written only where the decision words it; for the importer's wiring tests."""

from __future__ import annotations

import re
from pathlib import Path

from scorer.models.criteria import CriteriaSet, CriterionNode

REWORDINGS = [
    (r"cải cách hành chính", "CCHC"),
    (r"thủ tục hành chính", "TTHC"),
    (r"^Ban hành ", "Việc ban hành "),
    (r"^Mức độ ", "Mức "),
    (r"^Tỷ lệ ", "Tỉ lệ "),
    (r"\bđơn vị\b", "cơ quan, đơn vị"),
    (r"\s*\([^)]*\)$", ""),
    (r"\bcủa\b", "thuộc"),
]


def reword(title: str) -> str:
    for pattern, replacement in REWORDINGS:
        title = re.sub(pattern, replacement, title)
    return title


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def province_rows(cs: CriteriaSet) -> list[list[str]]:
    """The model set's rows as a province's table: TT, title, max, scoring text."""
    rows: list[list[str]] = []
    romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    for a, area in enumerate(reversed(cs.areas)):
        rows.append([romans[a], area.title.upper(), _number(area.max), ""])
        for c, member in enumerate(area.criteria, start=1):
            if isinstance(member, CriterionNode):
                rows.append([str(c), reword(member.title), _number(member.max), ""])
                for s, leaf in enumerate(member.criteria, start=1):
                    rows.append([f"{c}.{s}", reword(leaf.title), _number(leaf.max), ""])
            else:
                rows.append([str(c), reword(member.title), _number(member.max), ""])
    rows.append(["", "Tổng cộng", _number(cs.scale), ""])
    return rows


def write_province(path: Path, cs: CriteriaSet) -> Path:
    from decision_tables import TEXT_HEAD, write_docx

    text = ["ỦY BAN NHÂN DÂN TỈNH KHÁC", "Số: 77/QĐ-UBND", "Tỉnh Khác, ngày 10 tháng 02 năm 2024", "QUYẾT ĐỊNH"]
    return write_docx(path, TEXT_HEAD[:4], province_rows(cs), text)

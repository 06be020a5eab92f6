"""Which evidence type a sheet or a file is named after, as people name them: the type itself
(`report`), its plural (`reports`, as the shipped files are named), or its Vietnamese name, with
or without marks and in any case (`Báo cáo`, `bao-cao`, `bao_cao`).

A copy's number or a year after the name is no part of it (`reports (2)`, `Báo cáo 2024`,
`reports_2024`). A sheet named so holds records of that type; a CSV file named so (`reports.csv`, `bao-cao.csv`)
needs no `type` column, as when one sheet of a workbook is saved alone as CSV.
"""

from __future__ import annotations

import re
import unicodedata

from scorer.models.evidence import RECORD_TYPES

# Each type's Vietnamese names, as a person writes them on a sheet tab.
VIETNAMESE = {
    "plan": ("kế hoạch",),
    "report": ("báo cáo",),
    "inspection": ("kiểm tra", "thanh tra, kiểm tra", "kiểm tra, thanh tra"),
    "initiative": ("sáng kiến",),
    "dialogue": ("đối thoại",),
    "communication": ("tuyên truyền", "truyền thông", "thông tin tuyên truyền"),
    "assigned_task": ("nhiệm vụ được giao", "nhiệm vụ giao", "nhiệm vụ"),
    "indicator": ("chỉ số", "chỉ tiêu"),
    "document": ("văn bản",),
    "violation": ("vi phạm",),
    "survey": ("khảo sát",),
}
PLURALS = {kind: kind + "s" for kind in RECORD_TYPES}


def key(name: str) -> str:
    """A name as compared: no marks (đ as d), lower case, `-`, `_`, `,` and spaces as one space."""
    decomposed = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.split(r"[\s_,-]+", plain.casefold().strip()))


_TYPES = {key(name): kind for kind in RECORD_TYPES for name in (kind, PLURALS[kind], *VIETNAMESE.get(kind, ()))}


# What a spreadsheet or a person adds after a name: a copy's number (`reports (2)`), a year or a
# number (`Báo cáo 2024`, `reports_2024`).
_SUFFIX = re.compile(r"(\s*\(\d+\)|\s+\d+)+$")


def record_type(name: str) -> str | None:
    """The evidence type `name` (a sheet's or a file's, without its extension) names, or None."""
    plain = key(name)
    return _TYPES.get(plain) or _TYPES.get(_SUFFIX.sub("", plain))

"""The evidence workbook's words: each type's sheet name, each field's column head and each fixed
value's label, in Vietnamese as an officer writes them, with what the field means and an example.

One table, read by both sides: the template (`scorer.render.xlsx.template`) writes the first head
and label of each entry, the readers (`scorer.loading.xlsx_`, `csv_`) take any of them back (with or without
marks, in any case: compared by `names.key`), and the English field names and values of the YAML
format too, so a workbook of either language (and an older one) reads the same.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import typing
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from scorer.models.criteria import CriteriaSet
from scorer.models.evidence import RECORD_TYPES


@functools.lru_cache(maxsize=8192)
def key(name: str) -> str:
    """A name as compared: no marks (đ as d), lower case, `-`, `_`, `,` and spaces as one space.
    Worked out once per distinct text: sheets and records repeat their heads, labels and names."""
    decomposed = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.split(r"[\s_,-]+", plain.casefold().strip()))


# Each type's Vietnamese names, as a person writes them on a sheet tab (the first is the template's).
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
LIST_SPLIT = re.compile(r"\s*;\s*")


@dataclass(frozen=True)
class Column:
    """A field as a column: its head (first) and other heads read back, what it means in each
    language, and an example value as it is typed."""

    heads: tuple[str, ...]
    vi: str
    en: str
    example: str = ""


# The sheet each type is written to in Vietnamese (names.py reads these and their other names back).
SHEETS = {kind: names[0][:1].upper() + names[0][1:] for kind, names in VIETNAMESE.items()}

# Fields every type has, in the order the template writes them around a type's own fields.
FIRST = ("id", "document_no", "date", "title")
LAST = ("criteria", "proof", "locator", "attachment", "note")

COMMON = {
    "id": Column(
        ("Mã số", "Mã", "Mã hồ sơ"),
        "Mã riêng của dòng, không trùng với dòng nào khác của đơn vị trong năm",
        "the record's own id, used by no other record of the unit that year",
        "BC-Q1",
    ),
    "document_no": Column(
        ("Số, ký hiệu văn bản", "Số, ký hiệu", "Số hiệu văn bản", "Số văn bản"),
        "Số, ký hiệu của văn bản làm tài liệu kiểm chứng",
        "the number of the document that proves the record",
        "38/BC-VPUB",
    ),
    "date": Column(
        ("Ngày ban hành", "Ngày", "Ngày văn bản", "Ngày tháng"),
        "Ngày ban hành văn bản (ô ngày của Excel, hoặc ghi ngày/tháng/năm)",
        "the document's date (an Excel date, or day/month/year)",
        "12/03/2024",
    ),
    "title": Column(
        ("Trích yếu", "Trích yếu nội dung", "Tên văn bản"),
        "Trích yếu nội dung văn bản",
        "what the document is about, as its heading says",
        "Báo cáo công tác cải cách hành chính quý I năm 2024",
    ),
    "criteria": Column(
        ("Tiêu chí", "Mã tiêu chí", "Tiêu chí liên quan"),
        "Mã các tiêu chí, tiêu chí thành phần mà tài liệu chứng minh, cách nhau bằng dấu chấm phẩy",
        "the criteria the record proves, separated by ';'",
        "1.2; 1.3.1",
    ),
    "proof": Column(
        ("Tài liệu kiểm chứng", "Mã tài liệu kiểm chứng"),
        "Tài liệu kiểm chứng mà tiêu chí yêu cầu (chọn trong danh sách; xem trang tính _tài liệu kiểm chứng)",
        "the proof document a criterion asks for that the record is (see the _proofs sheet)",
        "dialogue-minutes",
    ),
    "locator": Column(
        ("Vị trí trong văn bản", "Trang, mục"),
        "Trang, mục của văn bản có nội dung chứng minh",
        "the page or section of the document that proves it",
        "tr. 3, mục II.2",
    ),
    "attachment": Column(
        ("Tệp đính kèm", "Tệp", "Đường dẫn tệp"),
        "Đường dẫn tệp văn bản trong thư mục của đơn vị",
        "the document's file, inside the unit's folder",
        "tai-lieu/bc-q1-2024.pdf",
    ),
    "note": Column(("Ghi chú",), "Ghi chú", "a note", ""),
}

OWN: dict[str, dict[str, Column]] = {
    "plan": {
        "kind": Column(("Loại kế hoạch",), "Kế hoạch về lĩnh vực nào", "what the plan is for", "Cải cách hành chính"),
        "tasks_total": Column(("Tổng số nhiệm vụ",), "Số nhiệm vụ kế hoạch đề ra", "the tasks the plan sets", "20"),
        "tasks_done": Column(
            ("Số nhiệm vụ đã hoàn thành", "Số nhiệm vụ hoàn thành"),
            "Số nhiệm vụ đã hoàn thành đến ngày của dòng này",
            "the tasks done by the record's date",
            "18",
        ),
    },
    "report": {
        "period": Column(("Kỳ báo cáo",), "Báo cáo định kỳ của kỳ nào", "which periodic report it is", "Quý I"),
        "due": Column(
            ("Hạn báo cáo", "Hạn gửi", "Hạn gửi báo cáo"),
            "Hạn gửi báo cáo theo quy định",
            "when the report is due",
            "15/03/2024",
        ),
        "submitted": Column(
            ("Ngày gửi", "Ngày gửi báo cáo"),
            "Ngày thực tế gửi báo cáo (để trống nếu chưa gửi)",
            "when it was sent (empty: not yet)",
            "12/03/2024",
        ),
        "conforms": Column(
            ("Đúng mẫu", "Đúng mẫu quy định"),
            "Báo cáo đúng đề cương, mẫu quy định (để trống là Có)",
            "whether it follows the set form (empty: yes)",
            "Có",
        ),
    },
    "inspection": {
        "units_inspected": Column(
            ("Số cơ quan, đơn vị được kiểm tra", "Số đơn vị được kiểm tra"),
            "Số cơ quan, đơn vị đã kiểm tra",
            "the units inspected",
            "6",
        ),
        "units_total": Column(
            ("Tổng số cơ quan, đơn vị", "Tổng số đơn vị"),
            "Số cơ quan, đơn vị thuộc phạm vi kiểm tra",
            "the units the inspection covers",
            "20",
        ),
        "findings": Column(
            ("Số tồn tại, hạn chế phát hiện", "Số tồn tại phát hiện"),
            "Số tồn tại, hạn chế phát hiện qua kiểm tra",
            "the findings",
            "4",
        ),
        "findings_resolved": Column(
            ("Số tồn tại, hạn chế đã khắc phục", "Số tồn tại đã khắc phục"),
            "Số tồn tại, hạn chế đã được khắc phục",
            "the findings resolved",
            "3",
        ),
    },
    "initiative": {
        "status": Column(("Tình trạng",), "Sáng kiến đang ở bước nào", "how far the initiative got", "Đã áp dụng"),
        "recognized_by": Column(
            ("Văn bản công nhận", "Quyết định công nhận"),
            "Số, ký hiệu văn bản công nhận (bắt buộc khi Tình trạng là Đã được công nhận)",
            "the decision recognising it (needed when recognized)",
            "125/QĐ-UBND",
        ),
    },
    "dialogue": {
        "chaired_by_head": Column(
            ("Người đứng đầu chủ trì",),
            "Người đứng đầu cơ quan chủ trì buổi đối thoại (để trống là Không)",
            "whether the head chaired it (empty: no)",
            "Có",
        ),
        "audience": Column(
            ("Đối tượng đối thoại", "Đối tượng"),
            "Đối thoại với ai, cách nhau bằng dấu chấm phẩy",
            "who the dialogue was with, separated by ';'",
            "Cán bộ, công chức; Người dân",
        ),
    },
    "communication": {
        "form": Column(("Hình thức",), "Hình thức tuyên truyền", "how it was communicated", "Tin, bài"),
        "count": Column(("Số lượng",), "Số tin, bài, hội nghị... (để trống là 1)", "how many (empty: 1)", "12"),
    },
    "assigned_task": {
        "due": Column(("Hạn hoàn thành",), "Hạn hoàn thành nhiệm vụ được giao", "when the task is due", "30/06/2024"),
        "completed": Column(
            ("Ngày hoàn thành",),
            "Ngày hoàn thành thực tế (để trống nếu chưa hoàn thành)",
            "when it was done (empty: not yet)",
            "25/06/2024",
        ),
    },
    "indicator": {
        "name": Column(
            ("Tên chỉ số", "Chỉ số"),
            "Tên chỉ số do bộ tiêu chí khai báo (chọn trong danh sách)",
            "the indicator, as the set names it",
            "",
        ),
        "value": Column(
            ("Giá trị",),
            "Giá trị của chỉ số: tỉ lệ ghi 0,63 hoặc 63%",
            "its value: a rate as 0.63 or 63%",
            "63%",
        ),
        "period_end": Column(
            ("Số liệu đến ngày",), "Số liệu tính đến ngày", "the day the figure runs to", "31/08/2024"
        ),
    },
    "document": {
        "kind": Column(
            ("Loại văn bản",),
            "Loại văn bản do bộ tiêu chí khai báo (chọn trong danh sách)",
            "the kind, as the set names it",
            "",
        ),
    },
    "violation": {
        "kind": Column(("Loại vi phạm",), "Nội dung vi phạm", "what the violation was", "Chậm báo cáo"),
        "severity": Column(("Mức độ",), "Mức độ vi phạm", "how serious it was", "Nhẹ"),
    },
    "survey": {
        "instrument": Column(
            ("Đối tượng khảo sát",), "Khảo sát lấy ý kiến của ai", "whose survey it is", "Người dân, tổ chức"
        ),
        "source": Column(
            ("Nguồn số liệu", "Nguồn"),
            "Kết quả công bố chính thức hay tự khảo sát",
            "official or the unit's own",
            "Tự khảo sát",
        ),
        "criterion": Column(
            ("Tiêu chí khảo sát",),
            "Mã tiêu chí mà tỉ lệ chấm (khi ghi Tỉ lệ hài lòng)",
            "the criterion the share scores (with a share)",
            "8.1",
        ),
        "share": Column(
            ("Tỉ lệ hài lòng", "Tỉ lệ"),
            "Tỉ lệ hài lòng: 0,95 hoặc 95% (ghi cùng Tiêu chí khảo sát, hoặc ghi Câu hỏi và Số phiếu)",
            "the share: 0.95 or 95% (with a criterion; or a question and its answers)",
            "95%",
        ),
        "respondents": Column(("Số người trả lời",), "Số người trả lời phiếu", "how many answered", "186"),
        "question": Column(
            ("Câu hỏi",), "Mã câu hỏi của phiếu (khi ghi Số phiếu theo phương án)", "the question (with answers)", ""
        ),
        "respondent_group": Column(
            ("Nhóm người trả lời",), "Nhóm người trả lời câu hỏi", "the group that answered", ""
        ),
        "answers": Column(
            ("Số phiếu theo phương án",),
            "Số phiếu của mỗi phương án trả lời, dạng phương án=số phiếu, cách nhau bằng dấu chấm phẩy",
            "each answer's count, answer=count separated by ';'",
            "A=12; B=5",
        ),
    },
}

# A column naming each row's type, on a sheet or in a file named after no type.
TYPE_HEADS = ("Loại hồ sơ",)

# Yes and no, as a person writes them; the English words pydantic reads are read too.
YES_NO: dict[str, tuple[str, ...]] = {
    "true": ("Có", "Đúng", "yes", "y", "1", "on"),
    "false": ("Không", "Sai", "no", "n", "0", "off"),
}

# Each fixed value's label (the first is written) and the other words read as it, by type and field.
LABELS: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {
    ("plan", "kind"): {
        "par": ("Cải cách hành chính", "CCHC"),
        "inspection": ("Kiểm tra cải cách hành chính", "Kiểm tra", "Kiểm tra CCHC"),
        "communication": ("Tuyên truyền cải cách hành chính", "Tuyên truyền", "Tuyên truyền CCHC"),
        "it": ("Công nghệ thông tin, chuyển đổi số", "Công nghệ thông tin", "CNTT", "Chuyển đổi số"),
        "training": ("Đào tạo, bồi dưỡng",),
        "legal_review": ("Rà soát văn bản quy phạm pháp luật", "Rà soát văn bản", "Rà soát VBQPPL"),
        "law_monitoring": ("Theo dõi thi hành pháp luật",),
        "other": ("Khác",),
    },
    ("report", "period"): {
        "q1": ("Quý I", "Quý 1"),
        "h1": ("6 tháng", "Sáu tháng", "6 tháng đầu năm"),
        "q3": ("Quý III", "Quý 3", "9 tháng"),
        "year": ("Năm", "Cả năm", "Hằng năm", "Hàng năm"),
        "other": ("Khác",),
    },
    ("initiative", "status"): {
        "proposed": ("Đề xuất", "Đã đề xuất"),
        "applied": ("Đã áp dụng", "Áp dụng"),
        "recognized": ("Đã được công nhận", "Được công nhận", "Đã công nhận"),
    },
    ("dialogue", "audience"): {
        "staff": ("Cán bộ, công chức", "Công chức", "Cán bộ, công chức, viên chức"),
        "citizens": ("Người dân", "Công dân"),
        "businesses": ("Doanh nghiệp",),
    },
    ("communication", "form"): {
        "portal": ("Cổng thông tin điện tử", "Cổng thông tin", "Trang thông tin điện tử"),
        "news": ("Tin, bài", "Tin bài"),
        "conference": ("Hội nghị",),
        "contest": ("Cuộc thi",),
        "social": ("Mạng xã hội",),
        "other": ("Khác",),
    },
    ("violation", "severity"): {"minor": ("Nhẹ",), "serious": ("Nghiêm trọng",)},
    ("survey", "instrument"): {
        "leaders": ("Lãnh đạo, quản lý", "Lãnh đạo"),
        "citizens": ("Người dân, tổ chức", "Người dân"),
    },
    ("survey", "source"): {"official": ("Chính thức", "Công bố chính thức"), "internal": ("Tự khảo sát", "Nội bộ")},
}


# The field that says which kind of its type a record is, by type (a plan's kind, a report's period).
WHICH = {
    "plan": "kind",
    "report": "period",
    "document": "kind",
    "indicator": "name",
    "communication": "form",
    "initiative": "status",
    "survey": "instrument",
    "violation": "kind",
}


def describe(record: Mapping[str, Any], lang: str, cs: CriteriaSet | None = None) -> str:
    """A record's type and which kind of it it is, in words, as a person reads them beside its id
    ("Kế hoạch: Cải cách hành chính", "Văn bản: Quy chế quản lý, sử dụng tài sản công"); a
    document's kind and an indicator by the set's titles when `cs` is given, else by their names."""
    kind = str(record.get("type", ""))
    name = SHEETS.get(kind, kind) if lang == "vi" else kind.replace("_", " ")
    field = WHICH.get(kind)
    value = record.get(field) if field else None
    if value is None:
        return name
    value = str(getattr(value, "value", value))
    labels = LABELS.get((kind, field or ""), {})
    named = None
    if cs is not None:
        named = cs.document_kinds.get(value) if kind == "document" else None
        named = cs.indicators.get(value) if kind == "indicator" else named
    if named is not None:
        return f"{name}: {named.title if lang == 'vi' else named.title_en or named.title}"
    if lang == "vi" and value in labels:
        return f"{name}: {labels[value][0]}"
    return f"{name}: {value}"


def value_kind(kind: str, field: str) -> str:
    """What a free field holds, for the guide: "date", "number", "list" or "text"."""
    annotation = RECORD_TYPES[kind].model_fields[field].annotation
    if typing.get_origin(annotation) is list:
        return "list"
    for arg in (annotation, *typing.get_args(annotation)):
        for inner in (arg, *typing.get_args(arg)):
            if inner is dt.date:
                return "date"
            if inner in (int, float):
                return "number"
    return "text"


def fields(kind: str) -> list[str]:
    """The columns of a type's sheet, in the template's order (`review`, which only a register's
    drafts carry, and the type, which the sheet says, are no columns)."""
    own = [name for name in RECORD_TYPES[kind].model_fields if name not in (*FIRST, *LAST, "type", "review")]
    return [*FIRST, *own, *LAST]


def column(kind: str, field: str) -> Column:
    return OWN.get(kind, {}).get(field) or COMMON[field]


def head(kind: str, field: str, lang: str) -> str:
    """The head the template writes: the Vietnamese words, or in English the field's name."""
    return column(kind, field).heads[0] if lang == "vi" else field


def labels(kind: str, field: str) -> dict[str, tuple[str, ...]]:
    """A fixed-value field's values and their labels ({} for a field of free values)."""
    if (kind, field) in LABELS:
        return LABELS[(kind, field)]
    if RECORD_TYPES[kind].model_fields[field].annotation is bool:
        return YES_NO
    return {}


def label(kind: str, field: str, value: str, lang: str) -> str:
    """A value as the template offers it: its Vietnamese label, or in English the value itself."""
    return labels(kind, field)[value][0] if lang == "vi" else value


# Every head of every field (and the fields' own names) as compared, to the field: a head names one
# field whatever the sheet (tests/test_columns.py checks that none names two).
HEADS: dict[str, str] = {key(name): "type" for name in ("type", *TYPE_HEADS)}
for _kind in RECORD_TYPES:
    for _field in fields(_kind):
        HEADS[key(_field)] = _field
        for _head in column(_kind, _field).heads:
            HEADS[key(_head)] = _field


# The row number every Vietnamese sheet starts with ("STT", số thứ tự): a column of no field, read
# and left aside, whatever it holds.
ROW_NUMBER = "#"
ROW_NUMBER_HEADS = frozenset(key(h) for h in ("STT", "TT", "Số TT", "Số thứ tự", "S.T.T", "S.TT", "No."))


def field_of(head_text: str) -> str | None:
    """The field a column head names (ROW_NUMBER for the row number's column), or None."""
    keyed = key(head_text)
    return ROW_NUMBER if keyed in ROW_NUMBER_HEADS else HEADS.get(keyed)


def head_choices(kind: str | None, lang: str | None = None) -> list[str]:
    """The heads a sheet of `kind` (None: a sheet of any type) takes, as a hint shows them: each
    field's Vietnamese head and its name (with `lang`, only those of that language)."""
    kinds = [kind] if kind is not None else list(RECORD_TYPES)
    shown = {"en": ["type"], "vi": [TYPE_HEADS[0]]} if kind is None else {"en": [], "vi": []}
    for each in kinds:
        for name in fields(each):
            shown["vi"].append(column(each, name).heads[0])
            shown["en"].append(name)
    if lang is not None:
        return list(dict.fromkeys(shown[lang]))
    return list(dict.fromkeys(h for pair in zip(shown["vi"], shown["en"]) for h in pair))


def closest(typed: str, choices: list[str]) -> str | None:
    """The choice nearest to `typed`, compared without marks or case; a choice in the same
    language as the nearest form read back (a misspelt Vietnamese head is offered the Vietnamese)."""
    import difflib  # only a run with a problem needs it

    keyed = {key(choice): choice for choice in reversed(choices)}
    found = difflib.get_close_matches(key(typed), list(keyed), n=1, cutoff=0.6)
    return keyed[found[0]] if found else None


class Unknown(ValueError):
    """A value no label of the field reads as."""


def value_of(kind: str, field: str, value: Any) -> Any:
    """A cell's value as the record takes it: a label (or a list of them) as its value; anything
    else as it is. Raises Unknown for text that is none of the field's values."""
    known = labels(kind, field)
    if not known or not isinstance(value, (str, list)):
        return value
    if isinstance(value, list):
        return [value_of(kind, field, item) for item in value]
    found = _READ.get((kind, field) if (kind, field) in LABELS else ("", "bool"), {}).get(key(value))
    if found is None:
        raise Unknown(value)
    return found


def label_choices(kind: str, field: str, lang: str) -> list[str]:
    """A field's values as a hint lists them: the labels, or in English the values."""
    return [names[0] if lang == "vi" else code for code, names in labels(kind, field).items()]


def nearest_label(kind: str, field: str, typed: str) -> str | None:
    """The label (or the value, when that is nearer) a misspelt value meant."""
    shown = [name for code, names in labels(kind, field).items() for name in (names[0], code)]
    return closest(typed, shown)


_READ: dict[tuple[str, str], dict[str, Any]] = {
    where: {key(name): code for code, names in table.items() for name in (code, *names)}
    for where, table in LABELS.items()
}
_READ[("", "bool")] = {key(name): code == "true" for code, names in YES_NO.items() for name in (code, *names)}

"""`scorer init`: a new unit's unit.yaml, written for the person who fills it in. Every owner role
the criteria set names is listed with what it is and the criteria it leads, ready to be replaced by
the unit's own division; the frame of its documents (Decree 30/2020/NĐ-CP) is there as comments."""

from __future__ import annotations

import re

from scorer.models.criteria import CriteriaSet

UNIT_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
# How a unit calls itself in its documents, by the start of its name (longest first).
KINDS = ("UBND thành phố", "UBND thị xã", "UBND huyện", "Văn phòng", "Thanh tra", "Ban", "Sở")


def kind_of(name: str) -> str:
    """`Sở` for "Sở Tư pháp", `UBND huyện` for "UBND huyện Mẫu"; else the name's first word."""
    for kind in KINDS:
        if name.startswith(kind + " "):
            return kind
    return name.split()[0] if name.split() else name


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def unit_yaml(cs: CriteriaSet, unit_id: str, name: str, kind: str) -> str:
    leads: dict[str, list[str]] = {}
    helps: dict[str, list[str]] = {}
    for criterion in cs.criteria():
        for role in criterion.owners:
            leads.setdefault(role, []).append(criterion.id)
        for role in [*criterion.cooperating, *criterion.implementing]:
            helps.setdefault(role, []).append(criterion.id)
    lines = [
        f"# Đơn vị {name}: tệp do `scorer init` tạo, theo bộ tiêu chí năm {cs.year}.",
        "# id là tên thư mục của đơn vị; name là tên như trên văn bản; kind là cách đơn vị tự gọi mình",
        '# trong văn bản (nhiệm vụ, giải pháp viết "của {kind}").',
        f"id: {unit_id}",
        f"name: {_quoted(name)}",
        f"kind: {_quoted(kind)}",
        "",
        "# Vai trò mà bộ tiêu chí giao chủ trì hoặc phối hợp -> phòng, ban của đơn vị. Thay mỗi giá trị bằng",
        "# tên phòng, ban thực hiện; giá trị để nguyên thì các báo cáo ghi đúng như vậy.",
        "divisions:",
    ]
    roles = list(dict.fromkeys([*leads, *helps]))
    for role in roles:
        named = cs.roles.get(role)
        words = []
        if role in leads:
            words.append(f"chủ trì tiêu chí {', '.join(leads[role])}")
        if role in helps:
            words.append(f"phối hợp, thực hiện tiêu chí {', '.join(helps[role])}")
        lines.append(f"  # {'; '.join(words)}")
        lines.append(f"  {role}: {_quoted(named.title if named else role)}")
    lines += [
        "",
        "# Khung văn bản đơn vị ban hành (Nghị định 30/2020/NĐ-CP): cơ quan cấp trên, ký hiệu trong số văn",
        "# bản (KH-STP), địa danh, người ký, nơi nhận. Bỏ dấu # và điền khi cần.",
        "# parent: UBND TỈNH ...",
        "# symbol: STP",
        "# place: ...",
        "# signer: {position: GIÁM ĐỐC, name: ...}",
        "# recipients:",
        "#   - Sở Nội vụ",
        '#   - "Lưu: VT"',
        "",
        "# Tiêu chí không áp dụng với đơn vị, mỗi tiêu chí kèm lý do:",
        "# not_applicable:",
        '#   "1.3": Đơn vị không có đơn vị trực thuộc để kiểm tra',
        "",
    ]
    return "\n".join(lines)

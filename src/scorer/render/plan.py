"""The remediation plan as Markdown, in the seed plan's words (vi) or their English rendering (en)."""

from __future__ import annotations

import re

from scorer.models.prediction import Out
from scorer.plan import AreaPlan, Plan

TEXT = {
    "vi": {
        "kind": "KẾ HOẠCH",
        "subject": "Khắc phục tồn tại, hạn chế Chỉ số cải cách hành chính; Chỉ số hài lòng về sự phục vụ hành chính năm {year}",
        "basis_published": "Căn cứ kết quả công bố Chỉ số cải cách hành chính năm {year} ({decision}), {unit} xây dựng kế hoạch "
                           "khắc phục tồn tại, hạn chế năm {year} và nâng cao Chỉ số cải cách hành chính năm {next}, cụ thể như sau:",
        "basis_forecast": "Căn cứ kết quả dự báo Chỉ số cải cách hành chính năm {year} (chưa phải kết quả chính thức), {unit} xây dựng "
                          "kế hoạch khắc phục tồn tại, hạn chế, cụ thể như sau:",
        "purpose_h": "I. MỤC ĐÍCH, YÊU CẦU",
        "purpose": "1. Mục đích",
        "purpose_items": [
            "Khắc phục tồn tại, hạn chế trong việc thực hiện Chỉ số Cải cách hành chính; Chỉ số hài lòng của người dân, tổ chức "
            "đối với sự phục vụ của các cơ quan hành chính nhà nước năm {next}.",
            "Xác định nhiệm vụ, giải pháp để nâng cao các chỉ số thành phần, góp phần nâng cao chất lượng công tác chỉ đạo điều hành "
            "và tổ chức thực hiện nhiệm vụ cải cách hành chính, nâng cao hiệu lực, hiệu quả quản lý nhà nước của {unit}.",
            "Nâng cao trách nhiệm của người đứng đầu các phòng, ban, đơn vị trực thuộc trong quá trình triển khai thực hiện nhiệm vụ.",
        ],
        "requirements": "2. Yêu cầu",
        "requirement_items": [
            "Việc thực hiện các nhiệm vụ phải đồng bộ, nghiêm túc và có hiệu quả.",
            "Trưởng các phòng, ban, đơn vị xác định rõ mục tiêu, nhiệm vụ, triển khai thực hiện đảm bảo đúng tiến độ, thời gian.",
        ],
        "content_h": "II. NỘI DUNG",
        "par_h": "1. Chỉ số Cải cách hành chính",
        "result_h": "1.1. Kết quả đánh giá",
        "result_rank": "Năm {year}, {unit} xếp thứ {rank}/{of} sở, ban, ngành. ",
        "result": "Điểm trung bình chung đạt được {total} điểm, trong đó điểm thẩm định: {appraisal} điểm; điểm điều tra xã hội học: "
                  "{survey} điểm (trong đó: khảo sát công chức lãnh đạo quản lý: {leaders} điểm; khảo sát người dân: {citizens} điểm). "
                  "Điểm cụ thể ở từng nội dung như sau:",
        "table": ["TT", "Nội dung", "Điểm tối đa", "Điểm thẩm định", "Ghi chú"],
        "total": "Tổng cộng",
        "remedies_h": "1.2. Nhiệm vụ, giải pháp khắc phục tồn tại, hạn chế",
        "shortcomings": "Tồn tại",
        "deduct": "Trừ {points} điểm",
        "remedy": "Nhiệm vụ, giải pháp khắc phục",
        "lead": "Đơn vị chủ trì thực hiện",
        "cooperating": "Đơn vị phối hợp thực hiện",
        "all_units": "Các phòng, ban, đơn vị",
        "time": "Thời gian thực hiện",
        "ongoing": "Thường xuyên",
        "sipas_h": "2. Chỉ số hài lòng về sự phục vụ hành chính",
        "sipas_result_h": "2.1. Kết quả đánh giá",
        "sipas_result": "Năm {year}, Chỉ số hài lòng về sự phục vụ hành chính của {unit} xếp thứ {rank}/{of} các sở, ban, ngành.",
        "sipas_points": "Năm {year}, điểm khảo sát sự hài lòng của người dân, tổ chức đạt {points} điểm.",
        "sipas_remedies_h": "2.2. Nhiệm vụ, giải pháp nâng cao",
        "implementation_h": "III. TỔ CHỨC THỰC HIỆN",
        "implementation": [
            "Giao {monitor}: theo dõi, đôn đốc, triển khai thực hiện kế hoạch khắc phục Chỉ số cải cách hành chính, Chỉ số hài lòng "
            "của người dân, tổ chức của {unit} năm {year}.",
            "Các phòng, ban, đơn vị triển khai thực hiện nghiêm túc, hiệu quả các nội dung theo kế hoạch./.",
        ],
        "forecast_note": "Bản dự thảo do scorer lập từ dự báo; điểm là điểm dự kiến, không phải kết quả chính thức.",
    },
    "en": {
        "kind": "PLAN",
        "subject": "Remedying the shortcomings of the PAR Index and the satisfaction index (SIPAS), {year}",
        "basis_published": "On the published {year} PAR Index results ({decision}), {unit} sets out this plan to remedy the "
                           "shortcomings of {year} and raise its PAR Index in {next}:",
        "basis_forecast": "On the forecast of the {year} PAR Index (not an official result), {unit} sets out this plan to remedy "
                          "its shortcomings:",
        "purpose_h": "I. PURPOSE AND REQUIREMENTS",
        "purpose": "1. Purpose",
        "purpose_items": [
            "Remedy the shortcomings in the PAR Index and in citizens' and organisations' satisfaction with the administration in {next}.",
            "Set the tasks and measures that raise the component indices and the quality of PAR direction and implementation at {unit}.",
            "Hold the heads of the divisions and units answerable for carrying them out.",
        ],
        "requirements": "2. Requirements",
        "requirement_items": [
            "Tasks are carried out consistently, seriously and effectively.",
            "The heads of divisions and units set clear goals and tasks and keep to the time frame.",
        ],
        "content_h": "II. CONTENT",
        "par_h": "1. PAR Index",
        "result_h": "1.1. Results",
        "result_rank": "In {year}, {unit} ranked {rank} of {of} departments. ",
        "result": "It scored {total} points in all: appraisal {appraisal}; sociological survey {survey} (leaders' survey {leaders}; "
                  "citizens' survey {citizens}). By area:",
        "table": ["No.", "Area", "Max", "Points", "Note"],
        "total": "Total",
        "remedies_h": "1.2. Tasks and measures to remedy the shortcomings",
        "shortcomings": "Shortcomings",
        "deduct": "minus {points}",
        "remedy": "Tasks and measures",
        "lead": "Lead",
        "cooperating": "Cooperating",
        "all_units": "All divisions and units",
        "time": "Time frame",
        "ongoing": "Ongoing",
        "sipas_h": "2. Satisfaction index (SIPAS)",
        "sipas_result_h": "2.1. Results",
        "sipas_result": "In {year}, {unit}'s satisfaction index ranked {rank} of {of} departments.",
        "sipas_points": "In {year}, the citizens' satisfaction survey scored {points} points.",
        "sipas_remedies_h": "2.2. Tasks and measures",
        "implementation_h": "III. IMPLEMENTATION",
        "implementation": [
            "{monitor} monitors and presses the implementation of this plan for {unit}'s {year} PAR Index and satisfaction index.",
            "All divisions and units carry out the plan seriously and effectively.",
        ],
        "forecast_note": "Drafted by scorer from a forecast: points are expected points, not official results.",
    },
}


def _n(value: float, lang: str) -> str:
    """Points as the seed plan writes them: `11,5`, `6,58`, `14`."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "vi" else text


def _deduction(value: float, lang: str) -> str:
    """`01`, `02`, `0,3`: whole points are written with two digits, as in the seed plan."""
    return f"{int(value):02d}" if float(value).is_integer() and lang == "vi" else _n(value, lang)


Block = tuple[str, object]


def render_plan(plan: Plan, lang: str) -> str:
    """The plan as Markdown."""
    lines: list[str] = []
    for kind, content in blocks(plan, lang):
        if kind.startswith("h"):
            lines += [f"{'#' * int(kind[1])} {content}", ""]
        elif kind == "title":
            lines += [f"**{content}**", ""]
        elif kind == "note":
            lines += [f"*{content}*", ""]
        elif kind == "p":
            lines += [str(content), ""]
        elif kind == "bullets":
            lines += [f"- {item}" for item in content] + [""]  # type: ignore[attr-defined]
        elif kind == "assignment":
            if lines and lines[-1] == "":
                lines.pop()  # the assignment lines belong to the list item above them
            lines += [f"  + {item}" for item in content] + [""]  # type: ignore[attr-defined]
        elif kind == "numbered":
            lines += [f"{i}. {item}" for i, item in enumerate(content, start=1)] + [""]  # type: ignore[arg-type]
        elif kind == "table":
            head, *rows = content  # type: ignore[misc]
            lines += [f"| {' | '.join(head)} |", "|" + "---|" * len(head)]
            last = len(rows) - 1
            lines += ["| " + " | ".join(f"**{c}**" if i == last and c else c for c in row).strip() + " |"
                      for i, row in enumerate(rows)]
            lines += [""]
    if lines and lines[-2:] == ["", ""]:
        lines.pop()
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"


def blocks(plan: Plan, lang: str) -> list[Block]:
    """The plan's content in order, for any writer: headings, paragraphs, lists and the area table."""
    x = TEXT[lang]
    unit, year = plan.unit_name, plan.year
    out: list[Block] = [("h1", x["kind"]), ("title", x["subject"].format(year=year))]
    basis = x["basis_published"] if plan.published else x["basis_forecast"]
    out.append(("p", basis.format(year=year, next=year + 1, decision=plan.decision or "", unit=unit)))
    if not plan.published:
        out.append(("note", x["forecast_note"]))
    out += [("h2", x["purpose_h"]), ("h3", x["purpose"]),
            ("bullets", [item.format(next=year + 1, unit=unit) for item in x["purpose_items"]]),
            ("h3", x["requirements"]), ("bullets", list(x["requirement_items"])),
            ("h2", x["content_h"]), ("h3", x["par_h"]), ("h4", x["result_h"])]
    head = x["result_rank"].format(year=year, unit=unit, rank=f"{plan.rank:02d}", of=plan.of) if plan.rank and plan.of else ""
    survey = plan.leaders_survey + plan.citizens_survey
    out.append(("p", head + x["result"].format(total=_n(plan.total, lang), appraisal=_n(plan.appraisal, lang),
                                               survey=_n(survey, lang), leaders=_n(plan.leaders_survey, lang),
                                               citizens=_n(plan.citizens_survey, lang))))
    out.append(("table", _area_rows(plan, lang)))
    out.append(("h4", x["remedies_h"]))
    for number, area in enumerate((a for a in plan.areas if a.shortcomings), start=1):
        out += _area_blocks(area, number, lang)
    out += [("h3", x["sipas_h"]), ("h4", x["sipas_result_h"])]
    if plan.sipas_rank and plan.of:
        out.append(("p", x["sipas_result"].format(year=year, unit=unit, rank=plan.sipas_rank, of=plan.of)))
    else:
        out.append(("p", x["sipas_points"].format(year=year, points=_n(plan.citizens_survey, lang))))
    out += [("h4", x["sipas_remedies_h"]), ("bullets", [plan.citizens_remedy if lang == "vi" else plan.citizens_remedy_en]),
            ("assignment", [f"{x['lead']}: {'; '.join(plan.citizens_lead)}.", f"{x['cooperating']}: {x['all_units']}.",
                            f"{x['time']}: {x['ongoing']}."]),
            ("h2", x["implementation_h"]),
            ("numbered", [item.format(monitor=plan.monitor, unit=unit, year=year) for item in x["implementation"]])]
    return out


def _area_rows(plan: Plan, lang: str) -> list[list[str]]:
    x = TEXT[lang]
    rows = [list(x["table"])]
    for area in plan.areas:
        note = f"-{_n(area.lost, lang)}" if area.lost else "0"
        rows.append([area.id, area.title if lang == "vi" else area.title_en, _n(area.max, lang), _n(area.score, lang), note])
    lost = sum(a.lost for a in plan.areas)
    rows.append(["", x["total"], _n(sum(a.max for a in plan.areas), lang), _n(plan.total, lang), _n(round(lost, 2), lang)])
    return rows


def _area_blocks(area: AreaPlan, number: int, lang: str) -> list[Block]:
    x = TEXT[lang]
    title = area.title if lang == "vi" else area.title_en
    items = "; ".join(
        f"{item.title if lang == 'vi' else item.title_en} ({x['deduct'].format(points=_deduction(item.points, lang))})"
        for item in area.shortcomings
    )
    remedies = " ".join(area.remedies if lang == "vi" else area.remedies_en)
    cooperating = [c for c in area.cooperating if c not in area.lead] or [x["all_units"]]
    return [
        ("h5", f"1.2.{number}. {title}"),
        ("bullets", [f"{x['shortcomings']}: {items}.", f"{x['remedy']}: {remedies}"]),
        ("assignment", [f"{x['lead']}: {'; '.join(area.lead)}.", f"{x['cooperating']}: {'; '.join(cooperating)}.",
                        f"{x['time']}: {x['ongoing']}."]),
    ]


__all__ = ["Out", "render_plan"]

"""The remediation plan as Markdown, in the seed plan's words (vi) or their English rendering (en)."""

from __future__ import annotations

import re
from typing import Any

from scorer.messages import PLAN_TEXT
from scorer.plan import AreaPlan, Plan


def _n(value: float, lang: str) -> str:
    """Points as the seed plan writes them: `11,5`, `6,58`, `14`."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "vi" else text


def _deduction(value: float, lang: str) -> str:
    """`01`, `02`, `0,3`: whole points are written with two digits, as in the seed plan."""
    return f"{int(value):02d}" if float(value).is_integer() and lang == "vi" else _n(value, lang)


Block = tuple[str, Any]


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
            lines += [f"- {item}" for item in content] + [""]
        elif kind == "assignment":
            if lines and lines[-1] == "":
                lines.pop()  # the assignment lines belong to the list item above them
            lines += [f"  + {item}" for item in content] + [""]
        elif kind == "numbered":
            lines += [f"{i}. {item}" for i, item in enumerate(content, start=1)] + [""]
        elif kind == "table":
            head, *rows = content
            lines += [f"| {' | '.join(head)} |", "|" + "---|" * len(head)]
            last = len(rows) - 1
            lines += [
                "| " + " | ".join(f"**{c}**" if i == last and c else c for c in row).strip() + " |"
                for i, row in enumerate(rows)
            ]
            lines += [""]
    if lines and lines[-2:] == ["", ""]:
        lines.pop()
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"


def blocks(plan: Plan, lang: str) -> list[Block]:
    """The plan's content in order, for any writer: headings, paragraphs, lists and the area table."""
    x = PLAN_TEXT[lang]
    unit, year = plan.unit_name, plan.year
    out: list[Block] = [("h1", x["kind"]), ("title", x["subject"].format(year=year))]
    basis = x["basis_published"] if plan.published else x["basis_forecast"]
    out.append(("p", basis.format(year=year, next=year + 1, decision=plan.decision or "", unit=unit)))
    if not plan.published:
        out.append(("note", x["forecast_note"]))
    out += [
        ("h2", x["purpose_h"]),
        ("h3", x["purpose"]),
        ("bullets", [item.format(next=year + 1, unit=unit) for item in x["purpose_items"]]),
        ("h3", x["requirements"]),
        ("bullets", list(x["requirement_items"])),
        ("h2", x["content_h"]),
        ("h3", x["par_h"]),
        ("h4", x["result_h"]),
    ]
    head = (
        x["result_rank"].format(year=year, unit=unit, rank=f"{plan.rank:02d}", of=plan.of)
        if plan.rank and plan.of
        else ""
    )
    survey = plan.leaders_survey + plan.citizens_survey
    out.append(
        (
            "p",
            head
            + x["result"].format(
                total=_n(plan.total, lang),
                appraisal=_n(plan.appraisal, lang),
                survey=_n(survey, lang),
                leaders=_n(plan.leaders_survey, lang),
                citizens=_n(plan.citizens_survey, lang),
            ),
        )
    )
    out.append(("table", _area_rows(plan, lang)))
    out.append(("h4", x["remedies_h"]))
    for number, area in enumerate((a for a in plan.areas if a.shortcomings), start=1):
        out += _area_blocks(area, number, lang)
    out += [("h3", x["sipas_h"]), ("h4", x["sipas_result_h"])]
    if plan.sipas_rank and plan.of:
        out.append(("p", x["sipas_result"].format(year=year, unit=unit, rank=plan.sipas_rank, of=plan.of)))
    else:
        out.append(("p", x["sipas_points"].format(year=year, points=_n(plan.citizens_survey, lang))))
    out += [
        ("h4", x["sipas_remedies_h"]),
        ("bullets", [plan.citizens_remedy if lang == "vi" else plan.citizens_remedy_en]),
        (
            "assignment",
            [
                f"{x['lead']}: {'; '.join(plan.citizens_lead)}.",
                f"{x['cooperating']}: {x['all_units']}.",
                f"{x['time']}: {x['ongoing']}.",
            ],
        ),
        ("h2", x["implementation_h"]),
        ("numbered", [item.format(monitor=plan.monitor, unit=unit, year=year) for item in x["implementation"]]),
    ]
    return out


def _area_rows(plan: Plan, lang: str) -> list[list[str]]:
    x = PLAN_TEXT[lang]
    rows = [list(x["table"])]
    for area in plan.areas:
        note = f"-{_n(area.lost, lang)}" if area.lost else "0"
        rows.append(
            [area.id, area.title if lang == "vi" else area.title_en, _n(area.max, lang), _n(area.score, lang), note]
        )
    lost = sum(a.lost for a in plan.areas)
    rows.append(
        ["", x["total"], _n(sum(a.max for a in plan.areas), lang), _n(plan.total, lang), _n(round(lost, 2), lang)]
    )
    return rows


def _area_blocks(area: AreaPlan, number: int, lang: str) -> list[Block]:
    x = PLAN_TEXT[lang]
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
        (
            "assignment",
            [
                f"{x['lead']}: {'; '.join(area.lead)}.",
                f"{x['cooperating']}: {'; '.join(cooperating)}.",
                f"{x['time']}: {x['ongoing']}.",
            ],
        ),
    ]

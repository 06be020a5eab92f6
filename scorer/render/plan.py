"""The remediation plan as Markdown, in the seed plan's words (vi) or their English rendering (en)."""

from __future__ import annotations

import math
import re
from typing import Any

from scorer.render.cells import PLACEHOLDER
from scorer.render.markdown import esc
from scorer.messages import PLAN_TEXT, date, document_type, provenance_text
from scorer.models.plan import AreaPlan, RemediationPlan, SatisfactionPlan, TimeFrame
from scorer.models.target import UnitTarget


def _n(value: float, lang: str) -> str:
    """Points as the seed plan writes them: `11,5`, `6,58`, `14`."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "vi" else text


def _deduction(value: float, lang: str) -> str:
    """`01`, `02`, `0,3`: whole points are written with two digits, as in the seed plan."""
    return f"{int(value):02d}" if float(value).is_integer() and lang == "vi" else _n(value, lang)


def _rank(value: int, lang: str) -> str:
    """Ranks and counts as the seed plan writes them, `04/20`, `01 bậc`; plain in English."""
    return f"{value:02d}" if lang == "vi" else str(value)


def _d(value: Any) -> str:
    """Dates in documents are day-first in both languages: 17/01/2024."""
    return str(date(value, "vi"))


Block = tuple[str, Any]


def _escaped(content: Any) -> Any:
    """A block's text as itself in Markdown (the blocks are plain text, shared with the .docx)."""
    if isinstance(content, str):
        return esc(content)
    if isinstance(content, (list, tuple)):
        return type(content)(_escaped(part) for part in content)
    return content


def render_plan(plan: RemediationPlan, lang: str) -> str:
    """The plan as Markdown; every text from the inputs is escaped, so none of it can start markup."""
    lines: list[str] = []
    for kind, content in ((kind, _escaped(content)) for kind, content in blocks(plan, lang)):
        if kind == "frame":
            left, right = content
            lines += [f"| {left[0]} | {right[0]} |", "|---|---|"]
            lines += [f"| **{left[1]}** | **{right[1]}** |", f"| {left[2]} | *{right[2]}* |", ""]
        elif kind == "signature":
            recipients, position, name = content
            lines += [f"**{recipients[0]}**", ""] + [f"- {item}" for item in recipients[1:]] + [""]
            lines += [f"**{position}**", "", f"**{name}**", ""] if position else []
        elif kind.startswith("h"):
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


def blocks(plan: RemediationPlan, lang: str) -> list[Block]:
    """The plan's content in order, for any writer: the frame, headings, paragraphs, lists, the area
    table and the signature block."""
    x = PLAN_TEXT[lang]
    unit, year, target = plan.unit_name, plan.year, plan.target_year
    frame = plan.frame
    out: list[Block] = [
        (
            "frame",
            (
                [frame.parent or "", frame.agency, x["number"].format(symbol=frame.symbol or "...")],
                [x["national"], x["motto"], x["place_date"].format(place=frame.place or "...", year=frame.year)],
            ),
        ),
        ("h1", x["kind"]),
        ("title", x["subject"].format(year=year)),
    ]
    if plan.bases:
        items = "; ".join(
            x["basis_item"].format(
                kind=b.kind if lang == "vi" else (b.kind_en or b.kind),
                number=b.number,
                date=_d(b.date),
                issuer=x["basis_issuer"].format(issuer=b.issuer if lang == "vi" else (b.issuer_en or b.issuer))
                if b.issuer
                else "",
                subject=b.subject if lang == "vi" else (b.subject_en or b.subject),
            )
            for b in plan.bases
        )
        out.append(("p", x["bases_lead"] + items + x["bases_tail"].format(unit=unit, year=year, next=target)))
    else:
        basis = x["basis_published"] if plan.published else x["basis_forecast"]
        out.append(("p", basis.format(year=year, next=target, decision=plan.decision or "", unit=unit)))
    if not plan.published:
        note = x["forecast_note"].format(as_of=_d(plan.as_of) if plan.as_of else "...")
        out.append(("note", note + " " + provenance_text(plan.provenance, lang) + "."))
    out += [
        ("h2", x["purpose_h"]),
        ("h3", x["purpose"]),
        ("bullets", [item.format(next=target, unit=unit) for item in x["purpose_items"]]),
        ("h3", x["requirements"]),
        ("bullets", list(x["requirement_items"])),
        ("h2", x["content_h"]),
        ("h3", x["par_h"]),
        ("h4", x["result_h"] if plan.published else x["result_h_forecast"]),
    ]
    head = ""
    if plan.rank and plan.of:
        head = x["result_rank"].format(year=year, unit=unit, rank=_rank(plan.rank, lang), of=plan.of)
        if plan.previous_rank:
            change = plan.previous_rank - plan.rank
            key = "rank_up" if change > 0 else "rank_down" if change < 0 else "rank_same"
            places = (
                _rank(abs(change), lang) if lang == "vi" else f"{abs(change)} place{'s' if abs(change) > 1 else ''}"
            )
            head = head.rstrip(". ") + x[key].format(n=places, last=year - 1) + ". "
    survey = plan.leaders_survey + plan.citizens_survey
    out.append(
        (
            "p",
            head
            + x["result" if plan.published else "result_forecast"].format(
                as_of=_d(plan.as_of) if plan.as_of else "...",
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
    for number, area in enumerate((a for a in plan.areas if a.shortcomings or a.minor), start=1):
        out += _area_blocks(area, number, lang, plan.published)
    out += [("h3", x["sipas_h"]), ("h4", x["sipas_result_h"])]
    out += _satisfaction_blocks(plan.satisfaction, plan, lang)
    if plan.path is not None:
        out += _target_blocks(plan.path, lang)
    out += [
        ("h2", x["implementation_h"]),
        ("numbered", [item.format(monitor=plan.monitor, unit=unit, year=year) for item in x["implementation"]]),
    ]
    # The frame's end (Decree 30/2020): recipients beside the signer. What unit.yaml does not give
    # is left as a blank to fill in, as the header's are, never left out.
    given = list(frame.recipients) or [PLACEHOLDER, x["archive"]]
    recipients = [x["recipients"]] + [f"{r}{'.' if i == len(given) - 1 else ';'}" for i, r in enumerate(given)]
    position, name = frame.signer_position or PLACEHOLDER, frame.signer_name or PLACEHOLDER
    out.append(("signature", (recipients, position, name)))
    return out


def _target_blocks(target: UnitTarget, lang: str) -> list[Block]:
    x = PLAN_TEXT[lang]
    figures = {
        "target": _n(target.target, lang),
        "expected": _n(target.expected, lang),
        "best": _n(target.best, lang),
        "klass": target.best_class or "–",
        "count": len(target.actions),
    }
    if not target.actions and target.reachable:
        lead = x["target_reached_if" if target.rests_on_work_to_come() else "target_reached"]
    elif not target.actions:
        lead = x["target_unreachable_none"]
    else:
        lead = x["target_reachable"] if target.reachable else x["target_unreachable"]
    heading = x["target_h"].format(target=_n(target.target, lang), as_of=date(target.as_of, lang))
    out: list[Block] = [("h3", heading), ("p", lead.format(**figures))]
    if target.rests_on_work_to_come() and target.low is not None:
        out.append(("p", x["target_low"].format(low=_n(target.low, lang), klass=target.low_class or "–")))
    if target.actions:
        rows = [list(x["target_table"])]
        for number, a in enumerate(target.actions, start=1):
            title = a.title if lang == "vi" else a.title_en
            rows.append(
                [
                    str(number),
                    a.criterion,
                    title,
                    _n(a.gain, lang),
                    _n(a.cumulative, lang),
                    date(a.deadline, lang),
                    a.owner_division,
                ]
            )
        gained = math.fsum(a.gain for a in target.actions)
        rows.append(["", "", x["total"], _n(round(gained, 2), lang), _n(target.actions[-1].cumulative, lang), "", ""])
        out.append(("table", rows))
    if extra := target.surveys():
        upside, with_surveys, _ = extra
        out.append(("p", x["target_surveys"].format(upside=_n(upside, lang), with_surveys=_n(with_surveys, lang))))
    if target.lost:
        items = "; ".join(f"{item.criterion} (-{_n(item.lost, lang)})" for item in target.lost)
        out.append(("p", x["target_lost"].format(items=items)))
    return out


def _satisfaction_blocks(s: SatisfactionPlan, plan: RemediationPlan, lang: str) -> list[Block]:
    x = PLAN_TEXT[lang]
    unit = plan.unit_name
    criteria = ", ".join(s.criteria)
    out: list[Block] = []
    if s.rank and s.of:
        text = x["sipas_result"].format(year=s.year, unit=unit, rank=_rank(s.rank, lang), of=s.of).rstrip(".")
        if s.index is not None:
            text += x["sipas_index"].format(index=_n(s.index, lang))
        if plan.published:
            text += x["sipas_drives"].format(points=_n(s.points, lang), max=_n(s.max, lang), criteria=criteria)
        out.append(("p", text + "."))
    elif plan.published:
        out.append(("p", x["sipas_points"].format(year=s.year, points=_n(plan.citizens_survey, lang))))
    if s.estimate is not None and s.estimate_year is not None:
        out.append(
            (
                "p",
                x["sipas_estimate"].format(
                    year=s.estimate_year,
                    index=_n(s.estimate, lang),
                    low=_n(s.estimate_low or 0, lang),
                    high=_n(s.estimate_high or 0, lang),
                    points=_n(s.points, lang),
                    max=_n(s.max, lang),
                    criteria=criteria,
                ),
            )
        )
    out += [
        ("h4", x["sipas_remedies_h"]),
        ("p", s.remedy if lang == "vi" else s.remedy_en),
        (
            "assignment",
            [
                f"{x['lead']}: {', '.join(s.lead)}.",
                f"{x['cooperating']}: {'; '.join(s.cooperating) if s.cooperating else x['all_units']}.",
                f"{x['time']}: {x['ongoing']}.",
            ],
        ),
    ]
    return out


def _area_rows(plan: RemediationPlan, lang: str) -> list[list[str]]:
    x = PLAN_TEXT[lang]
    rows = [list(x["table"] if plan.published else x["table_forecast"])]
    for area in plan.areas:
        note = f"-{_n(area.lost, lang)}" if area.lost else "0"
        rows.append(
            [area.id, area.title if lang == "vi" else area.title_en, _n(area.max, lang), _n(area.score, lang), note]
        )
    for title, title_en, points in plan.adjustments:
        rows.append(["+" if points >= 0 else "−", title if lang == "vi" else title_en, "", _n(points, lang), ""])
    lost = math.fsum(a.lost for a in plan.areas)
    rows.append(
        ["", x["total"], _n(math.fsum(a.max for a in plan.areas), lang), _n(plan.total, lang), _n(round(lost, 2), lang)]
    )
    return rows


def _time(time: list[TimeFrame], lang: str) -> str:
    x = PLAN_TEXT[lang]
    if not time:
        return str(x["ongoing"])
    if len(time) == 1:
        return str(x["before"].format(date=_d(time[0].due)) if time[0].due else x["ongoing"])
    parts = [
        f"{x['before'].format(date=_d(t.due)) if t.due else x['ongoing']} ({x['criteria_of'].format(ids=', '.join(t.criteria))})"
        for t in time
    ]
    text = "; ".join(parts)
    return text[0] + "; ".join(p[:1].lower() + p[1:] for p in parts)[1:] if lang == "vi" else text


def _area_blocks(area: AreaPlan, number: int, lang: str, published: bool = True) -> list[Block]:
    x = PLAN_TEXT[lang]
    title = area.title if lang == "vi" else area.title_en
    deduct = x["deduct"] if published else x["deduct_forecast"]
    named = [(item.title if lang == "vi" else item.title_en, item.points) for item in area.shortcomings]
    if area.minor is not None:
        named.append((x["minor"].format(criteria=", ".join(area.minor.criteria)), area.minor.points))
    items = "; ".join(f"{title} ({deduct.format(points=_deduction(points, lang))})" for title, points in named)
    remedies = " ".join(area.remedies if lang == "vi" else area.remedies_en)
    if area.references:
        cited = "; ".join(
            x["reference"].format(kind=document_type(r.number, lang), number=r.number, date=_d(r.date))
            + (f" ({r.title})" if r.title else "")
            for r in area.references
        )
        remedies = f"{remedies} {x['apply']}: {cited}."
    lines = [f"{x['lead_advising'] if area.lead_advises else x['lead']}: {'; '.join(area.lead)}."]
    if area.implementing:
        lines.append(f"{x['implementing']}: {'; '.join(area.implementing)}.")
    if area.cooperating or not area.implementing:
        lines.append(f"{x['cooperating']}: {'; '.join(area.cooperating) or x['all_units']}.")
    lines.append(f"{x['time']}: {_time(area.time, lang)}.")
    return [
        ("h5", f"1.2.{number}. {title}"),
        (
            "bullets",
            [
                f"{x['shortcomings'] if published else x['shortcomings_forecast']}: {items}.",
                f"{x['remedy']}: {remedies}",
            ],
        ),
        ("assignment", lines),
    ]

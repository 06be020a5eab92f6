"""Excel workbooks: the evidence template officers fill in, and the self-assessment sheet in the form
they know (TT, nội dung / tiêu chí, điểm tối đa, điểm tự đánh giá, tài liệu kiểm chứng, ghi chú)."""

from __future__ import annotations

import io
import typing
from enum import Enum

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from scorer.messages import SHEET_TEXT, date, pick, t
from scorer.models.criteria import CriteriaSet
from scorer.models.evidence import RECORD_TYPES
from scorer.models.prediction import Prediction, UnitPrediction

BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DCE6F1")
AREA_FILL = PatternFill("solid", fgColor="F2F2F2")
WRAP = Alignment(wrap_text=True, vertical="top")
COMMON = ("id", "date", "title", "document_no", "attachment", "criteria", "note")


def _bytes(book: openpyxl.Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _fields(kind: str) -> list[str]:
    model = RECORD_TYPES[kind]
    own = [name for name in model.model_fields if name not in COMMON and name != "type"]
    return list(COMMON[:2]) + own + list(COMMON[2:])


def _allowed(kind: str, field: str, cs: CriteriaSet) -> list[str]:
    if kind == "indicator" and field == "name":
        return sorted(cs.indicators)
    if kind == "document" and field == "kind":
        return sorted(cs.document_kinds)
    annotation = RECORD_TYPES[kind].model_fields[field].annotation
    for arg in (annotation, *typing.get_args(annotation)):
        if isinstance(arg, type) and issubclass(arg, Enum):
            return [member.value for member in arg]
        for inner in typing.get_args(arg):
            if isinstance(inner, type) and issubclass(inner, Enum):
                return [member.value for member in inner]
    if annotation is bool:
        return ["true", "false"]
    return []


def template(cs: CriteriaSet, lang: str) -> bytes:
    """An empty evidence workbook: a sheet per type with its header, drop-down lists where the values
    are fixed, and a guide sheet (skipped when the workbook is read back)."""
    text = SHEET_TEXT[lang]
    book = openpyxl.Workbook()
    guide = book.active
    guide.title = text["guide"]
    guide.append([text["guide_note"]])
    guide.append([])
    guide.append(text["guide_heads"])
    for cell in guide[3]:
        cell.font, cell.fill = BOLD, HEAD_FILL
    lists = book.create_sheet("_lists")
    lists.sheet_state = "hidden"
    for kind in RECORD_TYPES:
        sheet = book.create_sheet(kind)
        fields = _fields(kind)
        sheet.append(fields)
        for column, field in enumerate(fields, start=1):
            sheet.cell(row=1, column=column).font = BOLD
            sheet.cell(row=1, column=column).fill = HEAD_FILL
            sheet.column_dimensions[sheet.cell(row=1, column=column).column_letter].width = max(12, len(field) + 4)
            model_field = RECORD_TYPES[kind].model_fields[field]
            allowed = _allowed(kind, field, cs)
            if allowed and field not in ("criteria", "audience"):
                # Excel caps a literal list at 255 characters, so the values live on a hidden sheet.
                source = lists.max_column + 1 if lists.max_row > 1 or lists["A1"].value else 1
                for row, value in enumerate(allowed, start=1):
                    lists.cell(row=row, column=source, value=value)
                source_letter = lists.cell(row=1, column=source).column_letter
                letter = sheet.cell(row=1, column=column).column_letter
                check = DataValidation(
                    type="list",
                    formula1=f"'_lists'!${source_letter}$1:${source_letter}${len(allowed)}",
                    allow_blank=True,
                )
                check.add(f"{letter}2:{letter}2000")
                sheet.add_data_validation(check)
            guide.append([kind, field, text["yes"] if model_field.is_required() else text["no"], ", ".join(allowed)])
        sheet.freeze_panes = "A2"
    for letter, width in zip("ABCD", (16, 20, 10, 90)):
        guide.column_dimensions[letter].width = width
    return _bytes(book)


def prediction(result: Prediction, lang: str) -> bytes:
    """The self-assessment sheet per unit (expected points, with the evidence's document numbers)
    and the at-risk list."""
    text = SHEET_TEXT[lang]
    book = openpyxl.Workbook()
    book.remove(book.active)
    for unit in result.units:
        suffix = f" ({unit.unit})"[: 31 - len(text["sheet"])] if len(result.units) > 1 else ""
        _assessment(book.create_sheet((text["sheet"] + suffix)[:31]), unit, lang)
        _risks(book.create_sheet((text["risks"] + suffix)[:31]), unit, lang)
    return _bytes(book)


def _assessment(sheet: typing.Any, unit: UnitPrediction, lang: str) -> None:
    text = SHEET_TEXT[lang]
    sheet.append([f"{unit.unit_name} · {t('year', lang)} {unit.year} · {t('as_of', lang)} {date(unit.as_of, lang)}"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(text["heads"])
    for cell in sheet[2]:
        cell.font, cell.fill, cell.alignment = BOLD, HEAD_FILL, WRAP
    for area in unit.areas:
        sheet.append([area.id, pick(area, "title", lang), area.max, area.expected, "", ""])
        for cell in sheet[sheet.max_row]:
            cell.font, cell.fill = BOLD, AREA_FILL
        for c in (c for c in unit.criteria if c.area == area.id):
            documents = "; ".join(
                dict.fromkeys(e.document_no for e in c.evidence_used if e.document_no and e.supported)
            )
            note = ", ".join(t(f"reason.{r}", lang) for r in c.reasons) if c.expected < c.max else ""
            sheet.append([c.id, pick(c, "title", lang), c.max, c.expected, documents, note])
            for cell in sheet[sheet.max_row]:
                cell.alignment = WRAP
    sheet.append(["", t("total", lang), unit.total.max, unit.total.expected, "", unit.total.class_.expected or ""])
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    for column, width in zip("ABCDEF", (8, 60, 10, 12, 40, 30)):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A3"


def _risks(sheet: typing.Any, unit: UnitPrediction, lang: str) -> None:
    heads = [
        t(k, lang) for k in ("criterion", "title", "at_stake", "worst_case", "reason", "owner", "deadline", "remedy")
    ]
    sheet.append(heads)
    for cell in sheet[1]:
        cell.font, cell.fill = BOLD, HEAD_FILL
    for r in unit.risks:
        sheet.append(
            [
                r.criterion,
                pick(r, "title", lang),
                r.at_stake,
                r.worst_case,
                t(f"reason.{r.reason}", lang),
                r.owner_division,
                r.deadline,
                pick(r, "remedy", lang),
            ]
        )
        for cell in sheet[sheet.max_row]:
            cell.alignment = WRAP
    for column, width in zip("ABCDEFGH", (9, 40, 9, 9, 16, 24, 12, 60)):
        sheet.column_dimensions[column].width = width

"""Excel workbooks: the evidence template officers fill in, the expected-points workbook (TT, nội
dung / tiêu chí, điểm tối đa, điểm dự kiến, tài liệu kiểm chứng, ghi chú, cách tính điểm) and the
self-assessment form (`form`)."""

from __future__ import annotations

import io
import typing

import openpyxl
import openpyxl.utils
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation

from scorer.messages import (
    date,
    named,
    num,
    pick,
    provenance_text,
    reason_words,
    result_reasons,
    rule_text,
    rule_words,
    t,
    upper_first,
    FORM_TEXT,
    SHEET_TEXT,
)
from scorer.models import columns
from scorer.models.criteria import CriteriaSet
from scorer.models.evidence import RECORD_TYPES
from scorer.models.form import Form, FormRow
from scorer.models.prediction import Prediction, UnitPrediction
from scorer.render.cells import PLACEHOLDER
from scorer.render.columns import RISK_BRIEF, heads, values

BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DCE6F1")
AREA_FILL = PatternFill("solid", fgColor="F2F2F2")
WRAP = Alignment(wrap_text=True, vertical="top")


def _append(sheet: typing.Any, values: typing.Iterable[typing.Any]) -> None:
    """A row whose text Excel shows and never runs, as in the form (`_put`): every string is stored
    as text, and one that starts like a formula is also marked quoted (openpyxl would otherwise store
    `=...` as a live formula)."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
            if cell.value.startswith(FORMULA_STARTS):
                cell.quotePrefix = True


def _bytes(book: openpyxl.Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _allowed(kind: str, field: str, cs: CriteriaSet, lang: str) -> list[str]:
    """The values a field's drop-down offers: the Vietnamese labels (in English the values), or the
    names the criteria set declares (proofs, indicators, document kinds)."""
    if field == "proof":
        return _declared_names({p.id: p for c in cs.criteria() if kind in _proof_kinds(c) for p in c.proofs}, lang)
    if kind == "indicator" and field == "name":
        return _declared_names(cs.indicators, lang)
    if kind == "document" and field == "kind":
        return _declared_names(cs.document_kinds, lang)
    return columns.label_choices(kind, field, lang)


def _proof_kinds(criterion: typing.Any) -> set[str]:
    """The record types a criterion's proofs are written on: the types of evidence the set declares
    for it (1.6: the dialogue's minutes and conclusion notice are dialogue records, its invitation a
    document), else a document of its own."""
    if not criterion.proofs:
        return set()
    return set(criterion.evidence) or {"document"}


def _declared_names(named: typing.Mapping[str, typing.Any], lang: str) -> list[str]:
    """The names a criteria set declares as the drop-down offers them: in Vietnamese by their titles
    (the readers take a title back as its name; a title two names share, by the name), in English
    by the names."""
    if lang != "vi":
        return sorted(named)
    titles = [str(spec.title) for spec in named.values()]
    shown = [spec.title if titles.count(str(spec.title)) == 1 else name for name, spec in named.items()]
    return sorted(shown, key=columns.key)


def _declared(kind: str, field: str, cs: CriteriaSet, lang: str) -> str:
    """The guide's values of a field whose values the criteria set declares: in Vietnamese their
    titles, in English each name with its title."""
    named: typing.Mapping[str, typing.Any] = cs.indicators if kind == "indicator" else cs.document_kinds
    if lang == "vi":
        return "; ".join(_declared_names(named, lang))
    return "; ".join(f"{name} ({pick(named[name], 'title', lang)})" for name in sorted(named))


def _values(kind: str, field: str, cs: CriteriaSet, lang: str) -> str:
    """What the guide says a column takes."""
    text = SHEET_TEXT[lang]
    if (kind, field) in (("indicator", "name"), ("document", "kind")):
        return _declared(kind, field, cs, lang)
    allowed = _allowed(kind, field, cs, lang)
    if field == "proof" and not allowed:
        return str(text["no_proofs"])
    if allowed:  # a label may hold a comma ("Đào tạo, bồi dưỡng"): the values are kept apart by ';'
        return "; ".join(allowed)
    return str(text["value_kinds"][columns.value_kind(kind, field)])


def _example(kind: str, field: str, cs: CriteriaSet, lang: str) -> str:
    column = columns.column(kind, field)
    allowed = _allowed(kind, field, cs, lang)
    labelled = columns.labels(kind, field)
    if labelled:  # the example as the template offers it: a label, or in English its value
        found = columns.value_of(kind, field, columns.LIST_SPLIT.split(column.example))
        shown = [columns.label(kind, field, str(v).lower() if isinstance(v, bool) else v, lang) for v in found]
        return "; ".join(shown)
    if field == "proof" or not column.example:
        return allowed[0] if allowed else ""
    if lang == "en" and columns.value_kind(kind, field) == "number":
        return column.example.replace(",", ".")
    return column.example


def template(cs: CriteriaSet, lang: str) -> bytes:
    """An empty evidence workbook: a sheet per type (in Vietnamese its Vietnamese name and heads,
    in English the types' and fields' names), drop-down lists where the values are fixed, and a
    guide sheet saying what each column means and takes (skipped when the workbook is read back)."""
    text = SHEET_TEXT[lang]
    book = openpyxl.Workbook()
    guide = book.active
    guide.title = text["guide"]
    _append(guide, [text["guide_note"]])
    _append(guide, [])
    _append(guide, text["guide_heads"])
    for cell in guide[3]:
        cell.font, cell.fill = BOLD, HEAD_FILL
    lists = book.create_sheet("_lists")
    lists.sheet_state = "hidden"
    for kind in RECORD_TYPES:
        sheet = book.create_sheet(columns.SHEETS[kind] if lang == "vi" else kind)
        fields = columns.fields(kind)
        heads = [columns.head(kind, field, lang) for field in fields]
        _append(sheet, heads)
        for number, (field, head) in enumerate(zip(fields, heads), start=1):
            cell = sheet.cell(row=1, column=number)
            cell.font, cell.fill, cell.alignment = BOLD, HEAD_FILL, WRAP
            sheet.column_dimensions[cell.column_letter].width = min(30, max(12, len(head) + 4))
            allowed = _allowed(kind, field, cs, lang)
            if allowed and field not in ("criteria", "audience"):
                # Excel caps a literal list at 255 characters, so the values live on a hidden sheet.
                source = lists.max_column + 1 if lists.max_row > 1 or lists["A1"].value else 1
                for row, value in enumerate(allowed, start=1):
                    _put(lists, row, source, value)
                source_letter = lists.cell(row=1, column=source).column_letter
                check = DataValidation(
                    type="list",
                    formula1=f"'_lists'!${source_letter}$1:${source_letter}${len(allowed)}",
                    allow_blank=True,
                )
                check.add(f"{cell.column_letter}2:{cell.column_letter}2000")
                sheet.add_data_validation(check)
            required = RECORD_TYPES[kind].model_fields[field].is_required()
            column = columns.column(kind, field)
            _append(
                guide,
                [
                    sheet.title,
                    head,
                    column.vi if lang == "vi" else column.en,
                    text["yes"] if required else text["no"],
                    _values(kind, field, cs, lang),
                    _example(kind, field, cs, lang),
                ],
            )
            for cell in guide[guide.max_row]:
                cell.alignment = WRAP
        sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEF", (18, 26, 50, 10, 50, 26)):
        guide.column_dimensions[letter].width = width
    _proofs(book, cs, lang)
    return _bytes(book)


def _proofs(book: openpyxl.Workbook, cs: CriteriaSet, lang: str) -> None:
    """The proof documents each sub-criterion asks for, with the value a record's proof column gives
    (a sheet whose name starts with _, so it is skipped when the workbook is read back)."""
    rows = [(c, p) for c in cs.criteria() for p in c.proofs]
    if not rows:
        return
    sheet = book.create_sheet(SHEET_TEXT[lang]["proofs"])
    proof_head = columns.head("plan", "proof", lang)
    # The value a record's proof column takes, as the drop-down offers it (its words, or its id).
    shown = set(_declared_names({p.id: p for _, p in rows}, lang))
    if lang == "vi":  # the proof is written by its words: one column says both
        _append(sheet, [t("criterion", lang), t("title", lang), proof_head, t("method_text", lang)])
    else:
        _append(sheet, [t("criterion", lang), t("title", lang), proof_head, t("proofs", lang), t("method_text", lang)])
    for cell in sheet[1]:
        cell.font, cell.fill = BOLD, HEAD_FILL
    for c, p in rows:
        if lang == "vi":
            _append(sheet, [c.id, pick(c, "title", lang), p.title if p.title in shown else p.id, c.method_text or ""])
        else:
            _append(sheet, [c.id, pick(c, "title", lang), p.id, pick(p, "title", lang), c.method_text or ""])
    widths = (10, 50, 40, 50) if lang == "vi" else (10, 50, 22, 40, 50)
    for letter, width in zip("ABCDE", widths):
        sheet.column_dimensions[letter].width = width


def prediction(result: Prediction, lang: str) -> bytes:
    """The expected-points workbook per unit (expected points, with the evidence's document numbers;
    never headed as the self-assessment, which `form` writes) and the at-risk list. It states real evidence only: a what-if prediction is refused (the CLI
    says so as a usage error before anything is computed)."""
    if any(unit.hypothetical for unit in result.units):
        raise ValueError("the expected-points workbook is never written from a what-if prediction")
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
    _append(
        sheet,
        [
            f"{unit.unit_name} · {t('year', lang)} {unit.year} · {t('as_of', lang)} {date(unit.as_of, lang)} · "
            + provenance_text(unit.provenance, lang)
        ],
    )
    sheet["A1"].font = Font(bold=True, size=13)
    _append(sheet, text["heads"])
    for cell in sheet[2]:
        cell.font, cell.fill, cell.alignment = BOLD, HEAD_FILL, WRAP
    for area in unit.areas:
        _append(sheet, [area.id, pick(area, "title", lang), area.max, area.expected, "", ""])
        for cell in sheet[sheet.max_row]:
            cell.font, cell.fill = BOLD, AREA_FILL
        nodes = {n.id: n for n in unit.nodes}
        for c in (c for c in unit.criteria if c.area == area.id):
            if c.parent in nodes:
                node = nodes.pop(c.parent)
                _append(sheet, [node.id, pick(node, "title", lang), node.max, node.expected, "", ""])
                for cell in sheet[sheet.max_row]:
                    cell.font = BOLD
            documents = "; ".join(
                dict.fromkeys(e.document_no for e in c.evidence_used if e.document_no and e.supported)
            )
            missing = [pick(p, "title", lang) for p in c.proofs if not p.evidence]
            if missing:
                documents = "; ".join(x for x in (documents, f"{t('missing_proofs', lang)}: {', '.join(missing)}") if x)
            note = ", ".join(result_reasons(c, lang)) if c.expected < c.max else ""
            if c.not_applicable_reason is not None:
                note = f"{t('not_applicable', lang)}: {c.not_applicable_reason}"
            method = c.method_text if c.method_text and lang == "vi" else ""
            if not method and c.status != "not_applicable":
                method = upper_first(rule_words(c, lang))
            _append(sheet, [c.id, pick(c, "title", lang), c.max, c.expected, documents, note, method])
            for cell in sheet[sheet.max_row]:
                cell.alignment = WRAP
    for block, sign in ((unit.bonus, 1), (unit.penalty, -1)):
        if block is not None:
            _append(
                sheet, ["+" if sign > 0 else "−", pick(block, "title", lang), block.max, sign * block.expected, "", ""]
            )
    _append(sheet, ["", t("total", lang), unit.total.max, unit.total.expected, "", unit.total.class_.expected or ""])
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    if unit.index is not None:
        _append(sheet, ["", t("index", lang), 100, unit.index.expected, "", ""])
    _points(sheet, 3, ("C", "D"))
    _print_setup(sheet, 2, PREDICTION_WIDTHS)
    _fit_heights(sheet, 2, PREDICTION_WIDTHS)


def _risks(sheet: typing.Any, unit: UnitPrediction, lang: str) -> None:
    _append(sheet, heads(RISK_BRIEF, lang))
    for cell in sheet[1]:
        cell.font, cell.fill = BOLD, HEAD_FILL
    for r in unit.risks:
        _append(sheet, values(RISK_BRIEF, r, lang))
        for cell in sheet[sheet.max_row]:
            cell.alignment = WRAP
    for index, column in enumerate(RISK_BRIEF, start=1):
        if column.points or column.is_date:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                if column.is_date:
                    cell.number_format = "DD/MM/YYYY"
                elif isinstance(cell.value, (int, float)):
                    cell.number_format = TWO_DECIMALS
    widths = tuple(c.width for c in RISK_BRIEF)
    _print_setup(sheet, 1, widths)
    _fit_heights(sheet, 1, widths)


PREDICTION_WIDTHS = (8, 50, 10, 12, 36, 28, 44)


def _points(sheet: typing.Any, first: int, columns: tuple[str, ...]) -> None:
    """Points stay numbers, shown with two decimals (in the reader's own decimal sign)."""
    for column in columns:
        for (cell,) in sheet.iter_rows(
            min_row=first, min_col=sheet[column + "1"].column, max_col=sheet[column + "1"].column
        ):
            if isinstance(cell.value, (int, float)):
                cell.number_format = TWO_DECIMALS


def _fit_heights(sheet: typing.Any, first: int, widths: tuple[int, ...]) -> None:
    for row in sheet.iter_rows(min_row=first):
        _fit_height(sheet, row[0].row, [cell.value for cell in row], widths)


# -- the self-assessment form ----------------------------------------------------------------

THIN = Side(style="thin", color="000000")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TWO_DECIMALS = "0.00"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORM_WIDTHS = (7, 40, 9, 34, 10, 42, 30, 10, 22)
# The columns of the form that hold points (max, self-score, appraised), shown with two decimals.
FORM_POINTS = (3, 5, 8)
CUT_WIDTHS = (7, 46, 10, 10, 10, 45, 45)
HEAD_ROW = 6
# A row lists at most this many documents (the rest are counted): a cell is not a register.
MAX_PROOF_LINES = 6


def _fit_height(sheet: typing.Any, row: int, values: list[typing.Any], widths: tuple[int, ...], size: int = 11) -> None:
    """Row height for wrapped text, since a spreadsheet that only prints does not recompute it:
    the most lines any cell needs at its column's width, at a line height for the font size."""
    lines = 1
    for value, width in zip(values, widths):
        if isinstance(value, str) and value:
            per_line = max(1, int(width * 1.2))
            lines = max(lines, sum(max(1, -(-len(part) // per_line)) for part in value.split("\n")))
    sheet.row_dimensions[row].height = lines * (size + 3)


def _put(sheet: typing.Any, row: int, column: int, value: typing.Any) -> typing.Any:
    """A cell whose text is never a formula: every string is stored as text, and one that starts
    like a formula is also marked quoted, so no spreadsheet runs what the evidence says."""
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
    return cell


def form(forms: list[Form], lang: str) -> bytes:
    """The self-assessment form of each unit, printable as it is (A4 landscape, the column heads on
    every page), and the explanation list of the rows the appraisal cut."""
    text = FORM_TEXT[lang]
    book = openpyxl.Workbook()
    book.remove(book.active)
    for f in forms:
        suffix = f" ({f.unit})" if len(forms) > 1 else ""
        _form_sheet(book.create_sheet((text["sheet"] + suffix)[:31]), f, lang)
        _cuts_sheet(book.create_sheet((text["cuts_sheet"] + suffix)[:31]), f, lang)
    return _bytes(book)


def _print_setup(sheet: typing.Any, head_row: int, widths: tuple[int, ...]) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5
    sheet.print_title_rows = f"{head_row}:{head_row}"
    sheet.oddFooter.center.text = "&P / &N"
    sheet.freeze_panes = f"A{head_row + 1}"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(index)].width = width


def _heading(sheet: typing.Any, f: Form, lang: str, title: str, columns: int) -> None:
    text = FORM_TEXT[lang]
    last = openpyxl.utils.get_column_letter(columns)
    _put(sheet, 1, 1, (f.parent or "").upper()).font = Font(name="Times New Roman", size=11)
    _put(sheet, 2, 1, f.unit_name.upper()).font = Font(name="Times New Roman", size=11, bold=True)
    _put(sheet, 3, 1, title).font = Font(name="Times New Roman", size=14, bold=True)
    sheet.merge_cells(f"A3:{last}3")
    sheet["A3"].alignment = Alignment(horizontal="center")
    line = text["line"].format(
        unit=f.unit_name,
        as_of=date(f.as_of, "vi"),
        final=text["closed"] if f.final else text["open"],
        criteria=(f.criteria_title if lang == "vi" else f.criteria_title_en) or f.criteria_title,
    )
    _put(sheet, 4, 1, line).font = Font(name="Times New Roman", size=11, italic=True)
    sheet.merge_cells(f"A4:{last}4")
    sheet["A4"].alignment = Alignment(horizontal="center")


def _head_row(sheet: typing.Any, heads: list[str], widths: tuple[int, ...]) -> None:
    _fit_height(sheet, HEAD_ROW, heads, widths)
    for column, head in enumerate(heads, start=1):
        cell = _put(sheet, HEAD_ROW, column, head)
        cell.font = Font(name="Times New Roman", bold=True)
        cell.fill = HEAD_FILL
        cell.border = GRID
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")


def _proof_text(row: FormRow, lang: str) -> str:
    text = FORM_TEXT[lang]
    lines = []
    proofs = row.proofs
    hidden = len(proofs) - MAX_PROOF_LINES + 1 if len(proofs) > MAX_PROOF_LINES else 0
    if hidden:
        proofs = proofs[: MAX_PROOF_LINES - 1]
    for proof in proofs:
        if proof.missing is not None:
            lines.append(text["missing"].format(title=proof.missing if lang == "vi" else proof.missing_en))
        else:
            parts = [proof.number or "", date(proof.date, "vi") if proof.date else ""]
            head = ", ".join(p for p in parts if p)
            line = f"{head}: {proof.title}" if proof.title else head
            lines.append(f"{line} ({proof.locator})" if proof.locator else line)
    if hidden:
        lines.append(text["more"].format(n=hidden, id=row.id))
    return "\n".join(lines)


def _method(row: FormRow, lang: str) -> str:
    """How the row is scored: the decision's own words, else the rule in words."""
    if row.level != "criterion" or row.survey or row.not_applicable is not None:
        return ""
    if row.method_text and lang == "vi":
        return row.method_text
    if row.rule is None:
        return ""
    titles = {name: pair[0] if lang == "vi" else pair[1] for name, pair in row.metric_titles.items()}
    return upper_first(named(rule_text(row.rule, row.max, lang, row.not_arising, shares=row.shares), titles))


def _explanation(row: FormRow, lang: str) -> str:
    if row.nothing_arose:
        return row.explanation or FORM_TEXT[lang]["nothing_arose_reason"]
    if row.explanation:
        return row.explanation
    reasons = reason_words(row.reasons, lang, leave_out=("pending",))
    if row.pending_until is not None:
        reasons.append(FORM_TEXT[lang]["pending"].format(date=date(row.pending_until, "vi")))
    text = "; ".join(reasons)
    return text[:1].upper() + text[1:]


def _notes(row: FormRow, lang: str) -> str:
    text = FORM_TEXT[lang]
    notes = []
    if row.survey:
        notes.append(text["survey"])
    if row.not_applicable is not None:
        notes.append(
            f"{text['not_applicable']}: {row.not_applicable}" if row.not_applicable else text["not_applicable"]
        )
    if row.nothing_arose:
        notes.append(text["nothing_arose"])
    if row.appraisal_note:
        notes.append(text["appraisal_note"].format(note=row.appraisal_note))
    if row.level != "criterion" and row.survey_max:
        notes.append(text["survey_part"].format(points=num(row.survey_max, lang)))
    return "\n".join(notes)


def _form_sheet(sheet: typing.Any, f: Form, lang: str) -> None:
    text = FORM_TEXT[lang]
    _heading(sheet, f, lang, text["title"].format(year=f.year), len(text["heads"]))
    _head_row(sheet, text["heads"], FORM_WIDTHS)
    body = Font(name="Times New Roman", size=11)
    strong = Font(name="Times New Roman", size=11, bold=True)
    r = HEAD_ROW
    for row in f.rows:
        r += 1
        title = row.title if lang == "vi" else row.title_en
        if row.level == "total":
            title = text["total"]
        elif row.level == "group" and not title:
            title = text["group"].format(id=row.id)
        values = [
            row.id,
            title,
            row.max,
            _method(row, lang),
            row.self_score,
            _proof_text(row, lang),
            _explanation(row, lang) if row.level == "criterion" else "",
            row.appraised,
            _notes(row, lang),
        ]
        for column, value in enumerate(values, start=1):
            cell = _put(sheet, r, column, value)
            cell.border = GRID
            cell.font = strong if row.level != "criterion" else body
            cell.alignment = Alignment(
                wrap_text=True, vertical="top", horizontal="center" if column in (1, *FORM_POINTS) else "left"
            )
            if column in FORM_POINTS:
                cell.number_format = TWO_DECIMALS
            if row.level in ("area", "total"):
                cell.fill = AREA_FILL
        _fit_height(sheet, r, values, FORM_WIDTHS)
    _signature(sheet, f, lang, r + 2)
    _print_setup(sheet, HEAD_ROW, FORM_WIDTHS)


def _signature(sheet: typing.Any, f: Form, lang: str, r: int) -> None:
    text = FORM_TEXT[lang]
    _put(sheet, r, 6, text["place_date"].format(place=f.place or "...", year=f.as_of.year)).font = Font(
        name="Times New Roman", size=11, italic=True
    )
    _put(sheet, r + 1, 2, text["preparer"]).font = Font(name="Times New Roman", size=11, bold=True)
    _put(sheet, r + 2, 2, text["sign_note"]).font = Font(name="Times New Roman", size=10, italic=True)
    # The head signs beside the preparer: what unit.yaml does not name is left blank to fill in.
    position = f.signer_position.upper() if f.signer_position else PLACEHOLDER
    _put(sheet, r + 1, 6, position).font = Font(name="Times New Roman", size=11, bold=True)
    _put(sheet, r + 2, 6, text["sign_note"]).font = Font(name="Times New Roman", size=10, italic=True)
    _put(sheet, r + 6, 6, f.signer_name or PLACEHOLDER).font = Font(name="Times New Roman", size=11, bold=True)
    for row in range(r, r + 7):
        for column in (2, 6):
            sheet.cell(row=row, column=column).alignment = Alignment(horizontal="center")


def _cuts_sheet(sheet: typing.Any, f: Form, lang: str) -> None:
    text = FORM_TEXT[lang]
    heads = text["cuts_heads"]
    _heading(sheet, f, lang, text["cuts_title"].format(year=f.year), len(heads))
    _head_row(sheet, heads, CUT_WIDTHS)
    r = HEAD_ROW
    appraised = any(row.appraised is not None for row in f.rows if row.level == "criterion")
    if not f.cuts:
        _put(sheet, r + 1, 1, text["no_cuts"] if appraised else text["no_appraisal"]).font = Font(
            name="Times New Roman", size=11
        )
        sheet.merge_cells(start_row=r + 1, start_column=1, end_row=r + 1, end_column=len(heads))
    for cut in f.cuts:
        r += 1
        values = [
            cut.id,
            cut.title if lang == "vi" else cut.title_en,
            cut.self_score,
            cut.appraised,
            cut.difference,
            cut.appraisal_note or "",
            cut.explanation or "",
        ]
        for column, value in enumerate(values, start=1):
            cell = _put(sheet, r, column, value)
            cell.border = GRID
            cell.font = Font(name="Times New Roman", size=11)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if column in (3, 4, 5):
                cell.number_format = TWO_DECIMALS
        _fit_height(sheet, r, values, CUT_WIDTHS)
    _print_setup(sheet, HEAD_ROW, CUT_WIDTHS)

"""The remediation plan as a Word document in the administrative format of Decree 30/2020/NĐ-CP:
A4 portrait, margins 20 / 20 / 30 / 15 mm (top, bottom, left, right), Times New Roman 14 in black,
the frame (parent and issuing agency, national title and motto, number, place and date) above the
body, page numbers from the second page centred in the top margin, and the recipients beside the
signer's position and name at the end. The content is the Markdown plan's (`render.plan.blocks`)."""

from __future__ import annotations

import io
import math
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Mm, Pt, RGBColor

from scorer.models.plan import RemediationPlan
from scorer.render.plan import blocks

FONT = "Times New Roman"
BODY = Pt(14)
BLACK = RGBColor(0, 0, 0)
SPACE_AFTER = Pt(6)


def _font(run: Any, size: Pt = BODY, bold: bool = False, italic: bool = False) -> Any:
    run.font.name = FONT
    run.font.size = size
    run.font.bold = bold
    run.font.italic = italic
    run.font.color.rgb = BLACK
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    return run


def _para(
    container: Any,
    text: str = "",
    *,
    align: Any = None,
    size: Pt = BODY,
    bold: bool = False,
    italic: bool = False,
    indent: Cm | None = None,
    first: Cm | None = None,
    after: Pt = SPACE_AFTER,
) -> Any:
    paragraph = container.add_paragraph()
    if text:
        _font(paragraph.add_run(text), size, bold, italic)
    if align is not None:
        paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), after
    if indent is not None:
        fmt.left_indent = indent
    if first is not None:
        fmt.first_line_indent = first
    return paragraph


def _widths(table: Any, widths: tuple[Any, ...]) -> None:
    """Column widths that Word and LibreOffice both keep (grid and every cell)."""
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _no_borders(table: Any) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _page_number_header(section: Any) -> None:
    """Page numbers from the second page, centred in the top margin; none on the first."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = _font(paragraph.add_run(), Pt(13))
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _frame(document: Any, content: Any) -> None:
    left, right = content
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, (Cm(6.0), Cm(10.5)))
    a, b = table.rows[0].cells
    a.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    if left[0]:
        _font(a.paragraphs[0].add_run(left[0].upper()), Pt(13))
    _para(a, left[1], align=WD_ALIGN_PARAGRAPH.CENTER, size=Pt(13), bold=True, after=Pt(0))
    _para(a, "————", align=WD_ALIGN_PARAGRAPH.CENTER, size=Pt(11), after=Pt(6))
    _para(a, left[2], align=WD_ALIGN_PARAGRAPH.CENTER, size=Pt(13), after=Pt(0))
    b.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(b.paragraphs[0].add_run(right[0]), Pt(13), bold=True)
    _para(b, right[1], align=WD_ALIGN_PARAGRAPH.CENTER, size=Pt(14), bold=True, after=Pt(0))
    _para(b, "——————————", align=WD_ALIGN_PARAGRAPH.CENTER, size=Pt(11), after=Pt(6))
    _para(b, right[2], align=WD_ALIGN_PARAGRAPH.CENTER, size=Pt(14), italic=True, after=Pt(0))
    _para(document, after=Pt(6))


def _signature(document: Any, content: Any) -> None:
    recipients, position, name = content
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, (Cm(8.5), Cm(8)))
    a, b = table.rows[0].cells
    _font(a.paragraphs[0].add_run(recipients[0]), Pt(12), bold=True, italic=True)
    for item in recipients[1:]:
        _para(a, f"- {item}", size=Pt(11), after=Pt(0))
    b.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    if position:
        _font(b.paragraphs[0].add_run(position.upper()), Pt(14), bold=True)
    for _ in range(4):
        _para(b, after=Pt(0))
    if name:
        _para(b, name, align=WD_ALIGN_PARAGRAPH.CENTER, size=Pt(14), bold=True, after=Pt(0))


# Each table's columns as shares of the text width, by its number of columns: the area table (no.,
# content, max, points, note) and the path to a target (no., criterion, content, gain, cumulative,
# deadline, lead). The content column is the widest; a date keeps to one line.
SHARES = {
    5: (1.2, 8.3, 2.3, 2.5, 2.2),
    7: (0.9, 1.5, 4.6, 1.7, 1.8, 2.6, 3.4),
}
# The column whose text is read as a sentence, left-aligned: the content.
CONTENT = {5: 1, 7: 2}


def text_width(section: Any) -> int:
    """The width between the margins, in EMU."""
    return int(section.page_width - section.left_margin - section.right_margin)


def _table(document: Any, rows: list[list[str]]) -> None:
    columns = len(rows[0])
    table = document.add_table(rows=len(rows), cols=columns)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    shares = SHARES.get(columns, (1.0,) * columns)
    width = text_width(document.sections[-1])
    # Whole twips (635 EMU), rounded down, so the grid never adds up to more than the text width.
    _widths(table, tuple(Emu(int(width * s / math.fsum(shares)) // 635 * 635) for s in shares))
    size = Pt(13) if columns <= 5 else Pt(11)
    content = CONTENT.get(columns, 1)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            paragraph = cell.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if c == content and r else WD_ALIGN_PARAGRAPH.CENTER
            _font(paragraph.add_run(value), size, bold=r in (0, len(rows) - 1))
    _para(document, after=Pt(0))


def render_plan(plans: list[RemediationPlan], lang: str) -> bytes:
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = BODY
    style.font.color.rgb = BLACK
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    _page_number_header(section)
    justify, center = WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER
    for index, plan in enumerate(plans):
        if index:
            document.add_page_break()
        for kind, content in blocks(plan, lang):
            if kind == "frame":
                _frame(document, content)
            elif kind == "signature":
                _signature(document, content)
            elif kind == "h1":
                _para(document, str(content), align=center, bold=True, after=Pt(0))
            elif kind == "title":
                # The summary (trích yếu), with a short rule beneath it (Decree 30/2020/NĐ-CP).
                _para(document, str(content), align=center, bold=True, after=Pt(0))
                _para(document, "——————", align=center, size=Pt(11), after=Pt(12))
            elif kind in ("h2", "h3"):
                _para(document, str(content), align=justify, bold=True, first=Cm(1))
            elif kind in ("h4", "h5"):
                _para(document, str(content), align=justify, bold=True, italic=kind == "h5", first=Cm(1))
            elif kind == "note":
                _para(document, str(content), align=justify, italic=True, first=Cm(1))
            elif kind == "p":
                _para(document, str(content), align=justify, first=Cm(1))
            elif kind in ("bullets", "assignment"):
                for item in content:
                    text = f"+ {item}" if kind == "assignment" else f"- {item}"
                    _para(document, text, align=justify, first=Cm(1))
            elif kind == "numbered":
                for number, item in enumerate(content, start=1):
                    _para(document, f"{number}. {item}", align=justify, first=Cm(1))
            elif kind == "table":
                _table(document, list(content))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def plan(plans: list[RemediationPlan], lang: str) -> bytes:
    """The writer interface (scorer.render.formats): the plan document."""
    return render_plan(plans, lang)

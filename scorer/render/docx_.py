"""The remediation plan as a Word document, from the same content blocks as the Markdown plan."""

from __future__ import annotations

import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from scorer.plan import Plan
from scorer.render.plan import blocks


def render_plan(plans: list[Plan], lang: str) -> bytes:
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    for index, plan in enumerate(plans):
        if index:
            document.add_page_break()
        for kind, content in blocks(plan, lang):
            if kind.startswith("h"):
                heading = document.add_heading(str(content), level=min(int(kind[1]) - 1, 4) or 0)
                if kind == "h1":
                    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif kind == "title":
                paragraph = document.add_paragraph()
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                paragraph.add_run(str(content)).bold = True
            elif kind == "note":
                document.add_paragraph().add_run(str(content)).italic = True
            elif kind == "p":
                document.add_paragraph(str(content))
            elif kind in ("bullets", "assignment"):
                for item in content:
                    text = f"+ {item}" if kind == "assignment" else f"- {item}"
                    document.add_paragraph(text).paragraph_format.left_indent = Pt(18 if kind == "assignment" else 0)
            elif kind == "numbered":
                for number, item in enumerate(content, start=1):
                    document.add_paragraph(f"{number}. {item}")
            elif kind == "table":
                rows = list(content)
                table = document.add_table(rows=len(rows), cols=len(rows[0]))
                table.style = "Table Grid"
                for r, row in enumerate(rows):
                    for c, value in enumerate(row):
                        cell = table.cell(r, c)
                        cell.text = value
                        if r in (0, len(rows) - 1):
                            for run in cell.paragraphs[0].runs:
                                run.bold = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()

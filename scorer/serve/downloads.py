"""What a unit's pages offer to save: the reports (HTML, JSON, the self-assessment form, the plan),
the empty evidence template, an evidence file as it is now, and an earlier version's bytes."""

from __future__ import annotations

from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from scorer import api
from scorer.render import formats, xlsx
from scorer.serve import uploads, work
from scorer.serve.evidence import evidence_year
from scorer.serve.service import Ctx, Refused, download

XLSX = formats.FORMATS["xlsx"].media_type


async def template(ctx: Ctx) -> Response:
    year = evidence_year(ctx, write=True)
    cs = api.load_inputs_criteria(api.Request(rules=ctx.config.rules, year=year))
    data = await run_in_threadpool(xlsx.template, cs, ctx.lang)
    return download(data, f"{ctx.unit}-{year}-evidence-template.xlsx", XLSX)


async def version(ctx: Ctx) -> Response:
    unit, request, config = ctx.unit, ctx.request, ctx.config
    found = ctx.service.store.version(int(request.path_params["version"]))
    if found is None or found.unit != unit or found.archive is None:
        raise Refused(404, "web.not_found", "no_version", unit, request.url.path)
    path = (config.data / found.archive).resolve()
    if not path.is_relative_to((config.data / "versions").resolve()) or not path.is_file():
        raise Refused(404, "web.not_found", "no_version", unit, request.url.path)
    return await _uploaded(ctx, path, f"v{found.id}-{found.name}")


async def current_file(ctx: Ctx) -> Response:
    """The current file, by a name the year folder's listing holds (no path reaches further)."""
    unit, request = ctx.unit, ctx.request
    year = evidence_year(ctx, write=False)
    wanted = request.path_params["name"]
    found = [p for p in api.evidence_files(uploads.year_folder(ctx.config.evidence, unit, year)) if p.name == wanted]
    if not found:
        raise Refused(404, "web.not_found", "no_file", unit, request.url.path)
    return await _uploaded(ctx, found[0], found[0].name)


async def _uploaded(ctx: Ctx, path: Path, name: str) -> Response:
    """An uploaded file as it was given, except that a CSV's or workbook's cells that a spreadsheet
    would run as formulas are made text (done in a worker: a workbook is parsed whole)."""
    safe = await run_in_threadpool(ctx.service.run, work.neutralise, path, unit=ctx.unit)
    return download(path.read_bytes() if safe is None else safe, name, "application/octet-stream")


# A unit's reports to save: each names its document and the format it is written in, whose writer,
# extension and media type come from the one list of formats (scorer.render.formats).
REPORTS = {
    "report.html": ("prediction", "html", "report"),
    "prediction.json": ("prediction", "json", "prediction"),
    "form.xlsx": ("form", "xlsx", "bieu-tu-danh-gia"),
    "plan.docx": ("plan", "docx", "plan"),
}


async def report(ctx: Ctx) -> Response:
    unit, request, service, lang = ctx.unit, ctx.request, ctx.service, ctx.lang
    if request.path_params["kind"] not in REPORTS:
        raise Refused(404, "web.not_found", "no_download", unit, request.url.path)
    document, fmt, stem = REPORTS[request.path_params["kind"]]
    writer = formats.writer(fmt)
    if document == "prediction":
        pieces = writer.prediction([await service.prediction(request, unit)], lang)
        data = b"".join(p if isinstance(p, bytes) else p.encode() for p in pieces)
    else:
        asked = api.Request(
            evidence=ctx.config.evidence,
            rules=ctx.config.rules,
            year=service.year(request),
            unit=unit,
            as_of=service.as_of(request),
            today=ctx.config.today(),
        )
        if document == "form":
            data = writer.form(await run_in_threadpool(api.form, asked), lang)
        else:
            data = writer.plan(await run_in_threadpool(api.plan, asked), lang)
    return download(data, formats.file_name(f"{unit}-{stem}", fmt), formats.FORMATS[fmt].media_type)

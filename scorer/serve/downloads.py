"""What a unit's pages offer to save: the reports (HTML, JSON, the self-assessment form, the plan),
the empty evidence template, an evidence file as it is now, and an earlier version's bytes."""

from __future__ import annotations

from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from scorer import api
from scorer.render import docx_, html, json_, xlsx
from scorer.serve import uploads, work
from scorer.serve.evidence import evidence_year
from scorer.serve.service import Ctx, Refused, download

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


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


async def report(ctx: Ctx) -> Response:
    unit, request, service, lang = ctx.unit, ctx.request, ctx.service, ctx.lang
    kind = request.path_params["kind"]
    if kind not in KINDS:
        raise Refused(404, "web.not_found", "no_download", unit, request.url.path)
    prediction = await service.prediction(request, unit)
    if kind == "report.html":
        return download("".join(html.prediction([prediction], lang)).encode(), f"{unit}-report.html", "text/html")
    if kind == "prediction.json":
        return download(b"".join(json_.stream_prediction([prediction])), f"{unit}-prediction.json", "application/json")
    asked = api.Request(
        evidence=ctx.config.evidence,
        rules=ctx.config.rules,
        year=service.year(request),
        unit=unit,
        as_of=service.as_of(request),
        today=ctx.config.today(),
    )
    if kind == "form.xlsx":
        forms = await run_in_threadpool(api.form, asked)
        return download(xlsx.form(forms, lang), f"{unit}-bieu-tu-danh-gia.xlsx", XLSX)
    plans = await run_in_threadpool(api.plan, asked)
    return download(docx_.render_plan(plans, lang), f"{unit}-plan.docx", DOCX)


KINDS = ("report.html", "prediction.json", "form.xlsx", "plan.docx")

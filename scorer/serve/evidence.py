"""A unit's evidence for one year: the page (files, versions, template, upload form) and the upload
itself, shared by the form and the API. New actions on the page (a row's own form) add a handler
here and a row to `app.ROUTES`; the page's context is built in `page_context` alone."""

from __future__ import annotations

import re
import urllib.parse
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.responses import RedirectResponse, Response

from scorer import api
from scorer.errors import ScorerError, msg
from scorer.serve import uploads, work
from scorer.serve.service import Ctx, Refused, client_ip

# what an upload is told when checking it passed a job's bound
TOO_HEAVY = {
    "time": msg("upload_too_heavy_time"),
    "cpu": msg("upload_too_heavy_cpu"),
    "memory": msg("upload_too_heavy_memory"),
}
IF_MATCH = re.compile(r'^(\*|"?[0-9a-fA-F]{64}"?)$')


def evidence_year(ctx: Ctx, write: bool) -> int:
    """The path's year (four digits, by the route): one with a criteria set, or for reading only,
    one whose folder is there."""
    year = int(ctx.request.path_params["year"])
    years = api.criteria_years(ctx.config.rules)
    exists = uploads.year_folder(ctx.config.evidence, ctx.unit, year).is_dir()
    if year not in years and (write or not exists):
        raise Refused(404, "web.not_found", "no_year", ctx.unit, ctx.request.url.path)
    return year


async def page_context(ctx: Ctx, year: int) -> dict[str, Any]:
    config = ctx.config
    files = await ctx.service.listing(ctx.unit, year)
    forecast = None
    if year in api.criteria_years(config.rules):
        try:
            forecast = await run_in_threadpool(ctx.service.cache.prediction, ctx.unit, year, None, config.today())
        except (ScorerError, work.TooHeavy, work.Busy):
            forecast = None  # the page lists the files all the same
    uploaded = ctx.request.query_params.get("uploaded")
    try:
        # the files' own problems are listed with the files
        attention = await run_in_threadpool(ctx.service.cache.attention, ctx.unit, year)
    except (work.TooHeavy, work.Busy):
        attention = None
    reviewed = ctx.request.query_params.get("reviewed")
    warnings = attention.warnings if attention is not None else []
    return {
        "drafted": attention.drafted if attention is not None else [],
        "warnings": uploads.problem_rows(warnings, config.evidence / ctx.unit, year),
        # the note names the action only: a crafted link cannot make it say more
        "reviewed": reviewed if reviewed in ("accept", "reject") else None,
        "unit_id": ctx.unit,
        "year": year,
        "years": api.criteria_years(config.rules),
        "files": files,
        "forecast": forecast,
        "max_mb": config.max_upload // 2**20,
        # the note names a file of the listing only: a crafted link cannot make it say more
        "uploaded": uploaded if uploaded in [f["name"] for f in files] else None,
        "records": (ctx.request.query_params.get("records") or "")[:9],
        "published": published(ctx, year),
    }


def published(ctx: Ctx, year: int) -> bool:
    """A year whose results are published (its official.yaml is there): read-only but to admins."""
    folder = uploads.year_folder(ctx.config.evidence, ctx.unit, year)
    return any((folder / name).is_file() for name in ("official.yaml", "official.yml"))


async def page(ctx: Ctx) -> Response:
    year = evidence_year(ctx, write=False)
    return ctx.page("evidence.html", **await page_context(ctx, year))


async def accept(ctx: Ctx) -> uploads.Accepted:
    """The upload the guard let through (session, unit, token, length): one file, checked and landed."""
    service, config, unit = ctx.service, ctx.config, ctx.unit
    year = evidence_year(ctx, write=True)
    if published(ctx, year) and not ctx.user.admin:
        raise Refused(403, "web.published", "published_year", unit, f"{year}")
    wait = service.upload_wait(ctx.user.name)
    if wait:
        raise Refused(429, "web.upload_rate", "upload_rate", unit, ctx.user.name, retry_after=wait)
    if_match = ctx.request.headers.get("if-match")
    if if_match is None and ctx.form is not None and isinstance(ctx.form.get("if_match"), str):
        if_match = str(ctx.form.get("if_match")) or None
    if if_match is not None and not IF_MATCH.match(if_match.strip()):
        raise Refused(400, "web.bad_request", "bad_if_match", unit, if_match[:80])
    upload = ctx.form.get("file") if ctx.form is not None else None
    if not isinstance(upload, UploadFile):
        raise Refused(
            422,
            "web.upload_refused",
            "upload_refused",
            unit,
            "no file",
            uploads.refusal(None, msg("upload_no_file")).errors,
        )
    data = await upload.read(config.max_upload + 1)
    if len(data) > config.max_upload:
        raise Refused(413, "web.too_large", "upload_too_large", unit, (upload.filename or "")[:200])
    given = upload.filename or ""
    try:
        accepted = await run_in_threadpool(
            uploads.accept,
            service.store,
            config.evidence,
            config.rules,
            config.data,
            unit,
            year,
            given,
            data,
            ctx.user.name,
            service.run,
            if_match,
            config.keep_versions,
        )
    except uploads.UploadRefused as error:
        raise Refused(error.status, "web.upload_refused", "upload_refused", unit, given[:200], error.errors) from None
    except uploads.Changed:
        raise Refused(409, "web.changed", "upload_changed", unit, given[:200]) from None
    except work.TooHeavy as error:
        row = {
            "file": given[:200],
            "sheet": None,
            "row": None,
            "field": "file",
            "message": TOO_HEAVY[error.bound],
        }
        raise Refused(422, "web.too_heavy", f"upload_too_heavy_{error.bound}", unit, given[:200], [row]) from None
    service.audit(
        "upload", 201, user=ctx.user.name, ip=client_ip(ctx.request), unit=unit, detail=f"{year}/{accepted.name}"
    )
    return accepted


async def upload(ctx: Ctx) -> Response:
    """The page's form: a refusal is shown on the page itself, an accepted file by a note there."""
    try:
        accepted = await accept(ctx)
    except Refused as error:
        if error.status != 422:
            raise
        ctx.service.refused(ctx.request, error)  # logged; shown on the evidence page itself
        year = evidence_year(ctx, write=False)
        return ctx.page("evidence.html", 422, errors=error.errors, **await page_context(ctx, year))
    query = urllib.parse.urlencode({"uploaded": accepted.name, "records": accepted.records})
    return RedirectResponse(f"/units/{ctx.unit}/evidence/{accepted.year}?{query}", status_code=303)


async def review(ctx: Ctx) -> Response:
    """A record drafted from the register (`scorer register import`), accepted (its `review: needed`
    line removed) or rejected (the record removed): its file is changed as an upload of it would
    be, checked with the unit, versioned and audited."""
    service, config, unit = ctx.service, ctx.config, ctx.unit
    year = evidence_year(ctx, write=True)
    form = ctx.form
    record = str(form.get("record") or "")[:120] if form is not None else ""
    action = str(form.get("action") or "") if form is not None else ""
    if action not in ("accept", "reject") or not record:
        raise Refused(400, "web.bad_review", "review_refused", unit, f"{action[:20]} {record}")
    reviewed = await run_in_threadpool(
        service.run,
        work.review,
        config.evidence,
        unit,
        year,
        record,
        action == "accept",
        unit=unit,
        weight=work.weight(config.evidence / unit),
    )
    if isinstance(reviewed, list):
        raise Refused(409, "web.review_gone", "review_refused", unit, str(ScorerError(reviewed))[:200])
    name, data = reviewed
    try:
        await run_in_threadpool(
            uploads.accept,
            service.store,
            config.evidence,
            config.rules,
            config.data,
            unit,
            year,
            name,
            data,
            ctx.user.name,
            service.run,
        )
    except uploads.UploadRefused as error:
        raise Refused(error.status, "web.upload_refused", "review_refused", unit, name, error.errors) from None
    service.audit(
        f"review_{action}",
        200,
        user=ctx.user.name,
        ip=client_ip(ctx.request),
        unit=unit,
        detail=f"{year}/{name} {record}",
    )
    query = urllib.parse.urlencode({"reviewed": action})
    return RedirectResponse(f"/units/{unit}/evidence/{year}?{query}", status_code=303)

"""The pages read in a browser (besides the evidence page, in `evidence`): the province, a unit's
report, its at-risk list, a criterion's explanation, the audit log."""

from __future__ import annotations

import os

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from scorer import api
from scorer.serve import uploads
from scorer.serve.cache import Pending
from scorer.serve.service import Ctx, Refused, query


async def province(ctx: Ctx) -> Response:
    service, request, config = ctx.service, ctx.request, ctx.config
    visible = set(service.units_of(ctx.user))
    units, broken = [], []
    everyone = service.units()
    year, as_of = service.year(request), service.as_of(request)
    # a unit whose prediction is heavy is not waited for: the page says it is left out, and why
    results = await run_in_threadpool(service.cache.without_waiting, everyone, year, as_of, config.today())
    pending: list[tuple[str, str]] = []
    left_out = 0
    for unit, result in zip(everyone, results):
        if isinstance(result, Pending):
            left_out += 1
            if unit in visible:
                pending.append((unit, result.reason))
        elif not isinstance(result, list):
            units.append(result)
        elif unit in visible:
            broken.append((unit, uploads.problem_rows(result, config.evidence / unit, year)))
    rows = [r for r in api.ranked(units) if r.unit in visible]
    return ctx.page(
        "province.html",
        rows=rows,
        broken=broken,
        pending=pending,
        left_out=left_out,
        as_of=units[0].as_of if units else None,
        set_provenance=units[0].provenance if units else None,
        year=year,
    )


async def unit_page(ctx: Ctx) -> Response:
    prediction = await ctx.service.prediction(ctx.request, ctx.unit)
    return ctx.page("unit.html", unit=prediction, query=query(ctx.request))


async def risks_page(ctx: Ctx) -> Response:
    prediction = await ctx.service.prediction(ctx.request, ctx.unit)
    divisions = sorted({r.owner_division for r in prediction.risks})
    chosen = ctx.request.query_params.get("division") or ""
    risks = [r for r in prediction.risks if not chosen or r.owner_division == chosen]
    return ctx.page(
        "risks.html",
        unit=prediction,
        risks=risks,
        divisions=divisions,
        chosen=chosen,
        query=query(ctx.request),
        criterion_url=lambda risk: f"/units/{ctx.unit}/criteria/{risk.criterion}{query(ctx.request)}",
    )


async def criterion_page(ctx: Ctx) -> Response:
    unit, request = ctx.unit, ctx.request
    prediction = await ctx.service.prediction(request, unit)
    found = next((c for c in prediction.criteria if c.id == request.path_params["criterion"]), None)
    if found is None:
        raise Refused(404, "web.not_found", "no_criterion", unit, request.url.path)
    # records are located relative to the unit folder: the server's own paths are not shown
    prefix = str(ctx.config.evidence / unit) + os.sep
    uses = [e.model_copy(update={"file": e.file.removeprefix(prefix)}) for e in found.evidence_used]
    found = found.model_copy(update={"evidence_used": uses})
    return ctx.page("criterion.html", unit=prediction, criterion=found, query=query(request))


async def audit_page(ctx: Ctx) -> Response:
    """The audit log, newest first, for the administrators only."""
    rows = ctx.service.store.audit_log(limit=1000)
    return ctx.page("audit.html", rows=rows)

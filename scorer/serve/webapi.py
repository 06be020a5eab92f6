"""The JSON API that scripts use: a unit's prediction, its evidence listing, an upload."""

from __future__ import annotations

from starlette.responses import JSONResponse, Response

from scorer.render import json_
from scorer.serve import evidence
from scorer.serve.service import Ctx


async def prediction(ctx: Ctx) -> Response:
    found = await ctx.service.prediction(ctx.request, ctx.unit)
    return Response(b"".join(json_.stream_prediction([found])), media_type="application/json")


async def evidence_listing(ctx: Ctx) -> Response:
    year = evidence.evidence_year(ctx, write=False)
    files = await ctx.service.listing(ctx.unit, year)
    return JSONResponse({"unit": ctx.unit, "year": year, "files": files})


async def upload(ctx: Ctx) -> Response:
    accepted = await evidence.accept(ctx)
    return JSONResponse(accepted.public(), status_code=201)

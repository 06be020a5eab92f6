"""The routes: one table, `ROUTES`, where each route says what it needs, and the app built from it.

Every route goes through the guard the table puts in front of its handler: 401 without a session
(unless the route is `public`), 403 for a unit the user does not hold (`unit`), for an
administrators' page (`admin`) or a write without the session's CSRF token (`write`), and every
refusal is logged in the audit table. The handlers live in `sessions`, `pages`, `evidence`,
`webapi` and `downloads`; the work itself is the library's, reached through `scorer.api`."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import anyio.to_thread
from starlette.applications import Starlette
from starlette.convertors import Convertor, register_url_convertor
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Message, Receive, Scope, Send

from scorer.serve import downloads, evidence, pages, sessions, uploads, webapi, work
from scorer.serve.timing import TIMING
from scorer.serve.service import DEFAULT_MAX_UPLOAD, LOG, Config, Ctx, Refused, Service

__all__ = ["DEFAULT_MAX_UPLOAD", "Config", "ROUTES", "Refused", "create_app"]

Handler = Callable[[Ctx], Awaitable[Response]]


@dataclass(frozen=True)
class Guarded:
    """A route and what it needs. `unit` and `write` have no default: a route says both."""

    method: str
    path: str
    handler: Handler
    unit: bool
    write: bool
    admin: bool = False
    public: bool = False

    def __post_init__(self) -> None:
        assert self.unit == ("{unit}" in self.path), f"{self.path}: unit= must say whether it names a unit"
        assert not (self.public and (self.unit or self.write or self.admin)), f"{self.path}: public needs nothing"
        assert self.write == (self.method == "POST") or self.public, f"{self.path}: a POST is a write"


def route(method: str, path: str, handler: Handler, *, unit: bool, write: bool, **needs: bool) -> Guarded:
    return Guarded(method, path, handler, unit, write, **needs)


EVIDENCE = "/units/{unit}/evidence/{year:year}"
ROUTES = [
    route("GET", "/", sessions.home, unit=False, write=False, public=True),
    route("GET", "/login", sessions.login_page, unit=False, write=False, public=True),
    route("POST", "/login", sessions.login, unit=False, write=False, public=True),  # Origin-checked
    route("POST", "/logout", sessions.logout, unit=False, write=True),
    route("GET", "/province", pages.province, unit=False, write=False),
    route("GET", "/audit", pages.audit_page, unit=False, write=False, admin=True),
    route("GET", "/units/{unit}", pages.unit_page, unit=True, write=False),
    route("GET", "/units/{unit}/risks", pages.risks_page, unit=True, write=False),
    route("GET", "/units/{unit}/criteria/{criterion}", pages.criterion_page, unit=True, write=False),
    route("GET", EVIDENCE, evidence.page, unit=True, write=False),
    route("POST", EVIDENCE, evidence.upload, unit=True, write=True),
    route("POST", EVIDENCE + "/review", evidence.review, unit=True, write=True),
    route("GET", EVIDENCE + "/template.xlsx", downloads.template, unit=True, write=False),
    route("GET", EVIDENCE + "/versions/{version:id}", downloads.version, unit=True, write=False),
    route("GET", EVIDENCE + "/files/{name}", downloads.current_file, unit=True, write=False),
    route("GET", "/units/{unit}/download/{kind}", downloads.report, unit=True, write=False),
    route("GET", "/api/session", sessions.api_session, unit=False, write=False),
    route("GET", "/api/units/{unit}/prediction", webapi.prediction, unit=True, write=False),
    route("GET", "/api" + EVIDENCE, webapi.evidence_listing, unit=True, write=False),
    route("POST", "/api" + EVIDENCE, webapi.upload, unit=True, write=True),
]


def guarded(service: Service, spec: Guarded) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        began = time.monotonic()
        timing: dict[str, float] = {}
        TIMING.set(timing)
        request.state.timing = (began, timing)  # a refusal's answer says it too
        unit = str(request.path_params["unit"]) if spec.unit else None
        session = None if spec.public else service.guard(request, unit, admin=spec.admin)
        form = await service.check_write(request, session, unit) if spec.write else None
        response = await spec.handler(Ctx(service, request, session, form))
        response.headers["server-timing"] = server_timing(request)
        return response

    endpoint.spec = spec  # type: ignore[attr-defined]  # what the route test reads
    return endpoint


def server_timing(request: Request) -> str:
    """Where an answer's time went (Server-Timing, milliseconds): the whole handler (`app`) and
    its phases (`scorer.serve.timing`)."""
    began, timing = getattr(request.state, "timing", (time.monotonic(), {}))
    phases = {**timing, "app": time.monotonic() - began}
    return ", ".join(f"{phase};dur={seconds * 1000:.1f}" for phase, seconds in phases.items())


class FourDigits(Convertor[int]):
    """A year in a path: four digits, matched before any conversion (a 5,000-digit number is no route)."""

    regex = "[0-9]{4}"

    def convert(self, value: str) -> int:
        return int(value)

    def to_string(self, value: int) -> str:
        return str(value)


class Id(FourDigits):
    regex = "[0-9]{1,18}"


register_url_convertor("year", FourDigits())
register_url_convertor("id", Id())


def create_app(config: Config) -> Starlette:
    service = Service(config)

    async def on_refused(request: Request, error: Exception) -> Response:
        assert isinstance(error, Refused)
        response = service.refused(request, error)
        response.headers["server-timing"] = server_timing(request)
        return response

    async def on_http(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        key = {404: "web.not_found", 403: "web.forbidden"}.get(error.status_code, "web.bad_request")
        return service.refused(request, Refused(error.status_code, key, f"http_{error.status_code}"))

    async def on_failure(request: Request, error: Exception) -> Response:
        """What the service could not do: storage it cannot write (503, the reason in the log and
        the audit), no worker free or a job past its bounds (503 to try later), anything else
        (500, the traceback in the log): answered, audited, never a bare error page."""
        unit = request.path_params.get("unit")
        if isinstance(error, work.Busy):
            refusal = Refused(503, "web.busy", "busy", unit, request.url.path, retry_after=10)
        elif isinstance(error, work.TooHeavy):
            action = f"job_too_heavy_{error.bound}"
            refusal = Refused(503, "web.too_heavy", action, unit, request.url.path, retry_after=600)
        elif isinstance(error, (uploads.StorageError, OSError, sqlite3.Error)):
            LOG.error("%s %s: storage: %s", request.method, request.url.path, error)
            refusal = Refused(503, "web.storage", "storage_unwritable", unit, str(error)[:300], retry_after=60)
        else:
            LOG.error("%s %s failed", request.method, request.url.path, exc_info=error)
            refusal = Refused(500, "web.internal", "internal_error", unit, f"{type(error).__name__}: {error}"[:300])
        return service.refused(request, refusal)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # a request waiting for a job holds a thread: enough of them that pages never queue for one
        anyio.to_thread.current_default_thread_limiter().total_tokens = 200
        yield
        service.run.close()

    routes = [Route(r.path, guarded(service, r), methods=[r.method]) for r in ROUTES]
    handlers: dict[Any, Any] = {Refused: on_refused, HTTPException: on_http, Exception: on_failure}
    for kind in (work.Busy, work.TooHeavy, uploads.StorageError, OSError, sqlite3.Error):
        handlers[kind] = on_failure  # answered where they are raised, not past the middleware
    app = Starlette(routes=routes, exception_handlers=handlers, lifespan=lifespan)
    app.state.service = service
    return SecurityHeaders(app, hsts=config.secure_cookies)  # type: ignore[return-value]


class SecurityHeaders:
    """Headers on every answer: no framing, no sniffing, no caching of a page that holds a
    unit's data, and a content policy that allows nothing but this site's own forms and the
    report's inline styles (the pages have no script at all)."""

    HEADERS = [
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"DENY"),
        (b"referrer-policy", b"same-origin"),
        (b"cache-control", b"no-store"),
        (
            b"content-security-policy",
            b"default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
            b"frame-ancestors 'none'; base-uri 'none'",
        ),
    ]

    # sent when the service is reached over TLS (or told it is, --secure-cookies): browsers then
    # refuse plain http to this host for a year
    HSTS = (b"strict-transport-security", b"max-age=31536000")

    def __init__(self, app: Starlette, hsts: bool = False) -> None:
        self.app = app
        self.state = app.state
        self.routes = app.routes
        self.hsts = hsts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        secure = self.hsts or scope.get("scheme") == "https"

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + self.HEADERS + ([self.HSTS] if secure else [])
            await send(message)

        await self.app(scope, receive, with_headers)

"""The routes: pages rendered on the server (no script needed) and the JSON API beside them.

Every route goes through `_guard`, which answers 401 without a session, 403 for a unit the user
does not hold or a write without the session's CSRF token, and logs every refusal in the audit
table. The work itself is the library's: `api.validate` for uploads (through `uploads`), the
cached `api.predict_units` for predictions, the report writers for every page and download."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
import urllib.parse
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import Message, Receive, Scope, Send

from scorer import api, loading, messages
from scorer.errors import ScorerError, msg
from scorer.models.evidence import parse_date
from scorer.models.prediction import Prediction, UnitPrediction
from scorer.ranking import rank
from scorer.render import docx_, html, json_, xlsx
from scorer.serve import auth, uploads
from scorer.serve.cache import PredictionCache
from scorer.serve.store import Store, User
from scorer.serve.work import Runner

DEFAULT_MAX_UPLOAD = 20 * 1024 * 1024
LANG_COOKIE = "scorer_lang"
TEMPLATES = Path(__file__).parent / "templates"


def api_lang(request: Request) -> str:
    """The API's language: `?lang=`, else the first of vi and en that Accept-Language prefers
    (by its q weights), else English."""
    asked = request.query_params.get("lang")
    if asked in messages.LANGS:
        return asked
    best, weight = "en", 0.0
    for part in request.headers.get("accept-language", "").split(","):
        tag, _, params = part.strip().partition(";")
        lang = tag.strip().lower().split("-")[0]
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        if lang in messages.LANGS and q > weight:
            best, weight = lang, q
    return best


@dataclass
class Config:
    evidence: Path
    rules: Path
    data: Path
    max_upload: int = DEFAULT_MAX_UPLOAD
    # Secure cookies always (a TLS proxy in front that does not say so); otherwise they are Secure
    # whenever the request arrived over https, which behind a proxy uvicorn learns from
    # X-Forwarded-Proto, and only from the addresses given to `scorer serve --trusted-proxy`.
    secure_cookies: bool = False
    # worker processes for predictions and validations (0: in the calling thread, as the tests do)
    workers: int = 0
    today: Callable[[], dt.date] = field(default=dt.date.today)


class Refused(Exception):
    """A request answered with a refusal: logged, then shown as a page or as JSON."""

    def __init__(
        self,
        status: int,
        key: str,
        action: str,
        unit: str | None = None,
        detail: str | None = None,
        errors: list[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(key)
        self.status, self.key, self.action, self.unit, self.detail = status, key, action, unit, detail
        self.errors = errors


class Service:
    def __init__(self, config: Config) -> None:
        self.config = config
        self.store = Store(config.data)
        self.run = Runner(config.workers)
        self.cache = PredictionCache(config.evidence, config.rules, self.run, config.data)
        self.env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True))

    # -- who is asking

    def lang(self, request: Request) -> str:
        asked = request.query_params.get("lang")
        if asked in messages.LANGS:
            return asked
        kept = request.cookies.get(LANG_COOKIE)
        return kept if kept in messages.LANGS else "vi"

    def session(self, request: Request) -> auth.Session | None:
        return auth.find_session(self.store, request.cookies.get(auth.COOKIE))

    def units(self) -> list[str]:
        try:
            return [f.name for f in loading.unit_folders(self.config.evidence)]
        except ScorerError:
            return []

    def units_of(self, user: User) -> list[str]:
        present = self.units()
        return present if user.admin else [u for u in user.units if u in present]

    def guard(self, request: Request, unit: str | None = None, write: bool = False) -> auth.Session:
        session = self.session(request)
        if session is None:
            raise Refused(401, "web.login_needed", "no_session", unit, request.url.path)
        if unit is not None:
            if not session.user.holds(unit):
                raise Refused(403, "web.forbidden", "other_unit", unit, request.url.path)
            if unit not in self.units():
                raise Refused(404, "web.not_found", "no_unit", unit, request.url.path)
        if write:
            given = request.headers.get("x-csrf-token")
            if given is None and request.method == "POST" and not request.url.path.startswith("/api/"):
                given = request.state.form_csrf if hasattr(request.state, "form_csrf") else None
            if not auth.csrf_ok(session, given):
                raise Refused(403, "web.csrf", "csrf", unit, request.url.path)
        return session

    # -- answering

    def page(self, request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        lang = self.lang(request)
        session = context.pop("session", None) or self.session(request)

        def text(key: str, **values: Any) -> str:
            return messages.t(key, lang).format(**values) if values else messages.t(key, lang)

        other = "en" if lang == "vi" else "vi"
        body = self.env.get_template(name).render(
            t=text,
            num=lambda v: messages.num(v, lang),
            date=lambda v: messages.date(v, lang),
            pick=lambda o, n: messages.pick(o, n, lang),
            problem=lambda m: messages.problem_text(m, lang),
            moment=lambda m: messages.moment(m, lang),
            provenance=lambda p: messages.provenance_text(p, lang),
            lang=lang,
            css=Markup(html.CSS + PAGE_CSS),
            session=session,
            other_lang=other,
            other_lang_url=str(request.url.include_query_params(lang=other)),
            **context,
        )
        response = HTMLResponse(body, status_code=status)
        if request.query_params.get("lang") in messages.LANGS:
            response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, httponly=True, samesite="lax")
        return response

    def refused(self, request: Request, error: Refused) -> Response:
        session = self.session(request)
        self.store.audit(
            error.action,
            error.status,
            user=session.user.name if session else None,
            ip=client_ip(request),
            unit=error.unit,
            detail=error.detail,
        )
        if request.url.path.startswith("/api/"):
            lang = api_lang(request)
            body: dict[str, Any] = {"error": messages.t(error.key, lang)}
            if error.errors is not None:
                body["errors"] = uploads.worded(error.errors, lang)
            return JSONResponse(body, status_code=error.status)
        if error.status == 401:
            return self.page(request, "login.html", 401, message=error.key, next=_local(request.url.path))
        return self.page(request, "error.html", error.status, message=error.key, errors=error.errors)

    def cookie_secure(self, request: Request) -> bool:
        return self.config.secure_cookies or request.url.scheme == "https"

    # -- what is asked about

    def year(self, request: Request) -> int:
        years = api.criteria_years(self.config.rules)
        asked = request.query_params.get("year")
        if asked is None:
            if not years:
                raise Refused(404, "web.not_found", "no_criteria")
            return years[-1]
        if not asked.isdigit() or int(asked) not in years:
            raise Refused(404, "web.not_found", "no_criteria", detail=asked[:20])
        return int(asked)

    def as_of(self, request: Request) -> dt.date | None:
        asked = request.query_params.get("as_of")
        if not asked:
            return None
        try:
            return parse_date(asked[:20])  # type: ignore[no-any-return]
        except ValueError:
            raise Refused(400, "web.bad_date", "bad_date", detail=asked[:20]) from None

    async def prediction(self, request: Request, unit: str) -> UnitPrediction:
        year, as_of = self.year(request), self.as_of(request)
        try:
            return await run_in_threadpool(self.cache.prediction, unit, year, as_of, self.config.today())
        except ScorerError as error:
            rows = uploads.problem_rows(error.problems, self.config.evidence / unit, year)
            raise Refused(422, "web.unit_problems", "unit_problems", unit, errors=rows) from None


PAGE_CSS = """
nav.top { display: flex; gap: 14px; align-items: center; border-bottom: 1px solid #c9d3df; padding: 6px 0 10px; margin-bottom: 12px; flex-wrap: wrap; }
nav.top .right { margin-left: auto; display: flex; gap: 10px; align-items: center; }
nav.top form { display: inline; } button, input[type=submit] { cursor: pointer; }
.note { background: #e8f4ea; border-left: 4px solid #2e9d5b; padding: 6px 10px; }
.alert { background: #fdecea; border-left: 4px solid #d64545; padding: 6px 10px; }
form.inline { display: flex; gap: 8px; align-items: center; margin: 8px 0; flex-wrap: wrap; }
label { font-weight: 600; } .login { max-width: 360px; } .login input { width: 100%; margin: 4px 0 10px; padding: 4px; }
ul.versions { margin: 0; padding-left: 16px; font-size: 12px; color: #4d5b6a; }
"""


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "?"


def _local(target: str | None) -> str:
    """Only a path on this site is a place to return to after logging in."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/province"
    return target


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return origin is None
    parts = urlsplit(origin)
    return parts.netloc == request.headers.get("host") and parts.scheme == request.url.scheme


def create_app(config: Config) -> Starlette:
    service = Service(config)

    async def home(request: Request) -> Response:
        return RedirectResponse("/province" if service.session(request) else "/login", status_code=303)

    async def login_page(request: Request) -> Response:
        if service.session(request):
            return RedirectResponse("/province", status_code=303)
        return service.page(request, "login.html", next=_local(request.query_params.get("next")))

    async def login(request: Request) -> Response:
        # The login form carries no CSRF token (there is no session yet, and scripts post it
        # bare); a cross-site post is refused by its Origin instead, and the cookie is SameSite.
        if not _same_origin(request):
            raise Refused(403, "web.forbidden", "login_cross_origin", detail=request.headers.get("origin"))
        form = await request.form(max_files=0, max_fields=10)
        name, password = str(form.get("username") or "")[:200], str(form.get("password") or "")
        ip = client_ip(request)
        if await run_in_threadpool(auth.rate_limited, service.store, name, ip):
            raise Refused(429, "web.rate_limited", "login_rate_limited", detail=name)
        user = await run_in_threadpool(auth.verify, service.store, name, password)
        if user is None:
            service.store.add_login_failure(name, ip)
            raise Refused(401, "web.bad_login", "login_failed", detail=name)
        service.store.clear_login_failures(name)
        token, session = auth.open_session(service.store, user)
        service.store.audit("login", 200, user=user.name, ip=ip)
        if "application/json" in request.headers.get("accept", ""):
            response: Response = JSONResponse(_session_json(service, session))
        else:
            response = RedirectResponse(_local(str(form.get("next") or "")), status_code=303)
        response.set_cookie(
            auth.COOKIE,
            token,
            max_age=auth.SESSION_HOURS * 3600,
            httponly=True,
            samesite="lax",
            secure=service.cookie_secure(request),
        )
        return response

    async def logout(request: Request) -> Response:
        await _read_form_csrf(request)
        session = service.guard(request, write=True)
        service.store.drop_session(session.token_hash)
        service.store.audit("logout", 200, user=session.user.name, ip=client_ip(request))
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(auth.COOKIE, httponly=True, samesite="lax", secure=service.cookie_secure(request))
        return response

    async def api_session(request: Request) -> Response:
        return JSONResponse(_session_json(service, service.guard(request)))

    async def province(request: Request) -> Response:
        session = service.guard(request)
        visible = set(service.units_of(session.user))
        units, broken = [], []
        everyone = service.units()
        year, as_of = service.year(request), service.as_of(request)
        results = await run_in_threadpool(service.cache.predictions, everyone, year, as_of, config.today())
        for unit, result in zip(everyone, results):
            if not isinstance(result, list):
                units.append(result)
            elif unit in visible:
                broken.append((unit, uploads.problem_rows(result, config.evidence / unit, year)))
        rows = [r for r in rank(units) if r.unit in visible]
        return service.page(
            request,
            "province.html",
            session=session,
            rows=rows,
            broken=broken,
            as_of=units[0].as_of if units else None,
            set_provenance=units[0].provenance if units else None,
            year=year,
        )

    async def unit_page(request: Request) -> Response:
        unit = request.path_params["unit"]
        session = service.guard(request, unit)
        prediction = await service.prediction(request, unit)
        lang = service.lang(request)
        return service.page(
            request,
            "unit.html",
            session=session,
            unit=prediction,
            report=Markup(html.unit_section(prediction, lang)),
            query=_query(request),
        )

    async def risks_page(request: Request) -> Response:
        unit = request.path_params["unit"]
        session = service.guard(request, unit)
        prediction = await service.prediction(request, unit)
        divisions = sorted({r.owner_division for r in prediction.risks})
        chosen = request.query_params.get("division") or ""
        risks = [r for r in prediction.risks if not chosen or r.owner_division == chosen]
        return service.page(
            request,
            "risks.html",
            session=session,
            unit=prediction,
            risks=risks,
            divisions=divisions,
            chosen=chosen,
            query=_query(request),
        )

    async def criterion_page(request: Request) -> Response:
        unit = request.path_params["unit"]
        session = service.guard(request, unit)
        prediction = await service.prediction(request, unit)
        found = next((c for c in prediction.criteria if c.id == request.path_params["criterion"]), None)
        if found is None:
            raise Refused(404, "web.not_found", "no_criterion", unit, request.url.path)
        # records are located relative to the unit folder: the server's own paths are not shown
        prefix = str(config.evidence / unit) + os.sep
        uses = [e.model_copy(update={"file": e.file.removeprefix(prefix)}) for e in found.evidence_used]
        found = found.model_copy(update={"evidence_used": uses})
        section = html.explanation_section(prediction, found, service.lang(request))
        return service.page(
            request, "criterion.html", session=session, unit=prediction, section=Markup(section), query=_query(request)
        )

    def _evidence_year(request: Request, write: bool) -> int:
        year = int(request.path_params["year"])
        years = api.criteria_years(config.rules)
        exists = uploads.year_folder(config.evidence, request.path_params["unit"], year).is_dir()
        if year not in years and (write or not exists):
            raise Refused(404, "web.not_found", "no_year", request.path_params["unit"], request.url.path)
        return year

    async def evidence_page(request: Request, status: int = 200, **extra: Any) -> Response:
        unit = request.path_params["unit"]
        session = service.guard(request, unit)
        year = _evidence_year(request, write=False)
        files = await run_in_threadpool(uploads.list_files, service.store, config.evidence, unit, year)
        forecast = None
        if year in api.criteria_years(config.rules):
            try:
                forecast = await run_in_threadpool(service.cache.prediction, unit, year, None, config.today())
            except ScorerError:
                forecast = None
        return service.page(
            request,
            "evidence.html",
            status,
            session=session,
            unit_id=unit,
            year=year,
            years=api.criteria_years(config.rules),
            files=files,
            forecast=forecast,
            max_mb=config.max_upload // 2**20,
            # the note names a file of the listing only: a crafted link cannot make it say more
            uploaded=uploaded
            if (uploaded := request.query_params.get("uploaded")) in [f["name"] for f in files]
            else None,
            records=(request.query_params.get("records") or "")[:9],
            **extra,
        )

    async def _receive_upload(request: Request) -> tuple[auth.Session, str, int, str, bytes]:
        """The checks before the upload is looked at: session, unit, size, token, one file."""
        unit = request.path_params["unit"]
        service.guard(request, unit, write=request.url.path.startswith("/api/"))
        length = request.headers.get("content-length")
        if length is None or not length.isdigit():
            raise Refused(411, "web.length_required", "upload_no_length", unit)
        if int(length) > config.max_upload + 64 * 1024:
            raise Refused(
                413,
                "web.too_large",
                "upload_too_large",
                unit,
                detail=length,
                errors=[
                    {
                        "file": None,
                        "sheet": None,
                        "row": None,
                        "field": "file",
                        "message": msg("upload_too_large", mib=config.max_upload // 2**20),
                    }
                ],
            )
        form = await request.form(max_files=1, max_fields=5)
        request.state.form_csrf = form.get("csrf")
        session = service.guard(request, unit, write=True)
        year = _evidence_year(request, write=True)
        upload = form.get("file")
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
            raise Refused(413, "web.too_large", "upload_too_large", unit, upload.filename)
        return session, unit, year, upload.filename or "", data

    async def _accept(request: Request) -> tuple[uploads.Accepted, auth.Session, str]:
        session, unit, year, given, data = await _receive_upload(request)
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
                session.user.name,
                service.run,
            )
        except uploads.UploadRefused as error:
            raise Refused(
                error.status, "web.upload_refused", "upload_refused", unit, given[:200], error.errors
            ) from None
        service.store.audit(
            "upload", 201, user=session.user.name, ip=client_ip(request), unit=unit, detail=f"{year}/{accepted.name}"
        )
        return accepted, session, unit

    async def evidence_upload(request: Request) -> Response:
        try:
            accepted, _session, unit = await _accept(request)
        except Refused as error:
            if error.status != 422:
                raise
            service.refused(request, error)  # logged; shown on the evidence page itself
            return await evidence_page(request, 422, errors=error.errors)
        query = urllib.parse.urlencode({"uploaded": accepted.name, "records": accepted.records})
        target = f"/units/{unit}/evidence/{accepted.year}?{query}"
        return RedirectResponse(target, status_code=303)

    async def api_prediction(request: Request) -> Response:
        unit = request.path_params["unit"]
        service.guard(request, unit)
        prediction = await service.prediction(request, unit)
        return Response(b"".join(json_.stream_prediction([prediction])), media_type="application/json")

    async def api_evidence(request: Request) -> Response:
        unit = request.path_params["unit"]
        service.guard(request, unit)
        year = _evidence_year(request, write=False)
        files = await run_in_threadpool(uploads.list_files, service.store, config.evidence, unit, year)
        return JSONResponse({"unit": unit, "year": year, "files": files})

    async def api_upload(request: Request) -> Response:
        accepted, _session, _unit = await _accept(request)
        return JSONResponse(accepted.public(), status_code=201)

    async def template_download(request: Request) -> Response:
        unit = request.path_params["unit"]
        service.guard(request, unit)
        year = _evidence_year(request, write=True)
        cs = api.load_inputs_criteria(api.Request(rules=config.rules, year=year))
        data = await run_in_threadpool(xlsx.template, cs, service.lang(request))
        return _download(data, f"{unit}-{year}-evidence-template.xlsx", XLSX)

    async def version_download(request: Request) -> Response:
        unit = request.path_params["unit"]
        service.guard(request, unit)
        version = service.store.version(int(request.path_params["version"]))
        if version is None or version.unit != unit or version.archive is None:
            raise Refused(404, "web.not_found", "no_version", unit, request.url.path)
        path = (config.data / version.archive).resolve()
        if not path.is_relative_to((config.data / "versions").resolve()) or not path.is_file():
            raise Refused(404, "web.not_found", "no_version", unit, request.url.path)
        return _download(path.read_bytes(), f"v{version.id}-{version.name}", "application/octet-stream")

    async def file_download(request: Request) -> Response:
        """The current file, by a name the year folder's listing holds (no path reaches further)."""
        unit = request.path_params["unit"]
        service.guard(request, unit)
        year = _evidence_year(request, write=False)
        wanted = request.path_params["name"]
        found = [
            p for p in loading.evidence_files(uploads.year_folder(config.evidence, unit, year)) if p.name == wanted
        ]
        if not found:
            raise Refused(404, "web.not_found", "no_file", unit, request.url.path)
        return _download(found[0].read_bytes(), found[0].name, "application/octet-stream")

    async def download(request: Request) -> Response:
        unit = request.path_params["unit"]
        service.guard(request, unit)
        kind = request.path_params["kind"]
        lang = service.lang(request)
        prediction = await service.prediction(request, unit)
        if kind == "report.html":
            whole = Prediction(units=[prediction], ranking=rank([prediction]))
            return _download(html.render_prediction(whole, lang).encode(), f"{unit}-report.html", "text/html")
        if kind == "prediction.json":
            data = b"".join(json_.stream_prediction([prediction]))
            return _download(data, f"{unit}-prediction.json", "application/json")
        asked = api.Request(
            evidence=config.evidence,
            rules=config.rules,
            year=service.year(request),
            unit=unit,
            as_of=service.as_of(request),
            today=config.today(),
        )
        if kind == "form.xlsx":
            forms = await run_in_threadpool(api.form, asked)
            return _download(xlsx.form(forms, lang), f"{unit}-bieu-tu-danh-gia.xlsx", XLSX)
        if kind == "plan.docx":
            plans = await run_in_threadpool(api.plan, asked)
            return _download(docx_.render_plan(plans, lang), f"{unit}-plan.docx", DOCX)
        raise Refused(404, "web.not_found", "no_download", unit, request.url.path)

    async def audit_page(request: Request) -> Response:
        """The audit log, newest first, for the administrators only."""
        session = service.guard(request)
        if not session.user.admin:
            raise Refused(403, "web.forbidden", "not_admin", detail=request.url.path)
        rows = service.store.audit_log(limit=1000)
        return service.page(request, "audit.html", session=session, rows=rows)

    async def on_refused(request: Request, error: Exception) -> Response:
        assert isinstance(error, Refused)
        return service.refused(request, error)

    async def on_http(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        key = {404: "web.not_found", 403: "web.forbidden"}.get(error.status_code, "web.bad_request")
        return service.refused(request, Refused(error.status_code, key, f"http_{error.status_code}"))

    routes = [
        Route("/", home),
        Route("/login", login_page, methods=["GET"]),
        Route("/login", login, methods=["POST"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/province", province),
        Route("/audit", audit_page),
        Route("/units/{unit}", unit_page),
        Route("/units/{unit}/risks", risks_page),
        Route("/units/{unit}/criteria/{criterion}", criterion_page),
        Route("/units/{unit}/evidence/{year:int}", evidence_page, methods=["GET"]),
        Route("/units/{unit}/evidence/{year:int}", evidence_upload, methods=["POST"]),
        Route("/units/{unit}/evidence/{year:int}/template.xlsx", template_download),
        Route("/units/{unit}/evidence/{year:int}/versions/{version:int}", version_download),
        Route("/units/{unit}/evidence/{year:int}/files/{name}", file_download),
        Route("/units/{unit}/download/{kind}", download),
        Route("/api/session", api_session),
        Route("/api/units/{unit}/prediction", api_prediction),
        Route("/api/units/{unit}/evidence/{year:int}", api_evidence, methods=["GET"]),
        Route("/api/units/{unit}/evidence/{year:int}", api_upload, methods=["POST"]),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        service.run.close()

    app = Starlette(routes=routes, exception_handlers={Refused: on_refused, HTTPException: on_http}, lifespan=lifespan)
    app.state.service = service
    return SecurityHeaders(app)  # type: ignore[return-value]


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _download(data: bytes, name: str, media_type: str) -> Response:
    """An attachment; a name beyond ASCII (Vietnamese file names) goes in `filename*` (RFC 6266)."""
    plain = "".join(c if c.isascii() and c.isprintable() and c not in '"\\' else "_" for c in name)
    disposition = f'attachment; filename="{plain}"'
    if plain != name:
        disposition += f"; filename*=UTF-8''{urllib.parse.quote(name, safe='')}"
    return Response(data, media_type=media_type, headers={"Content-Disposition": disposition})


def _query(request: Request) -> str:
    """The as-of and year of this page, to carry over to the links it shows."""
    kept = {k: request.query_params[k] for k in ("as_of", "year") if request.query_params.get(k)}
    return "?" + "&".join(f"{k}={v}" for k, v in kept.items()) if kept else ""


async def _read_form_csrf(request: Request) -> None:
    form = await request.form(max_files=0, max_fields=5)
    request.state.form_csrf = form.get("csrf")


def _session_json(service: Service, session: auth.Session) -> dict[str, Any]:
    return {
        "user": session.user.name,
        "admin": session.user.admin,
        "units": service.units_of(session.user),
        "csrf": session.csrf,
    }


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

    def __init__(self, app: Starlette) -> None:
        self.app = app
        self.state = app.state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + self.HEADERS
            await send(message)

        await self.app(scope, receive, with_headers)

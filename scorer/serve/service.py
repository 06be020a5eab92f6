"""What every handler shares: the configuration, the refusal, who is asking (session, language),
the guard the route table applies, and the answers (a page, a refusal, a download)."""

from __future__ import annotations

import collections
import datetime as dt
import logging
import re
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from scorer import api, messages
from scorer.errors import ScorerError, msg
from scorer.models.prediction import UnitPrediction
from scorer.render import html
from scorer.serve import auth, text, uploads, work
from scorer.serve.cache import PredictionCache
from scorer.serve.store import Store, User
from scorer.serve.work import Runner

DEFAULT_MAX_UPLOAD = 20 * 1024 * 1024
LANG_COOKIE = "scorer_lang"
TEMPLATES = Path(__file__).parent / "templates"
LOG = logging.getLogger("scorer.serve")


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
    # each job's bounds (CPU seconds, memory, wall time, the wait for a free worker)
    limits: work.Limits = field(default_factory=work.Limits)
    # uploads one user may make in UPLOAD_WINDOW (accepted or not), and earlier versions kept per unit
    upload_rate: int = 120
    keep_versions: int = 200


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
        retry_after: int | None = None,
        user: str | None = None,
    ) -> None:
        super().__init__(key)
        self.status, self.key, self.action, self.unit, self.detail = status, key, action, unit, detail
        self.errors = errors
        self.retry_after = retry_after
        self.user = user  # whose account it concerns, when there is no session (a failed login)


UPLOAD_WINDOW = 600.0
UNITS_SECONDS = 1.0


class Service:
    def __init__(self, config: Config) -> None:
        self.config = config
        self.store = Store(config.data, check=True)
        cleaned = uploads.clean_and_reconcile(self.store, config.evidence, config.data)
        for line in cleaned:
            LOG.warning("start: %s", line)
        if cleaned:
            self.audit("start_cleanup", 200, detail="; ".join(cleaned)[:500])
        self.run = Runner(config.workers, config.limits)
        self.cache = PredictionCache(config.evidence, config.rules, self.run, config.data)
        # The service's pages, and the report's parts (templates/report/) that its pages include.
        loader = ChoiceLoader([FileSystemLoader(TEMPLATES), html.LOADER])
        self.env = Environment(loader=loader, autoescape=select_autoescape(default=True))
        self._uploads: dict[str, collections.deque[float]] = {}
        self._units: tuple[int, float, list[str]] | None = None
        self._units_lock = threading.Lock()
        self._uploads_lock = threading.Lock()

    # -- who is asking

    def lang(self, request: Request) -> str:
        """A page's language: `?lang=`, then the cookie; an API answer's: `?lang=`, then
        Accept-Language (Vietnamese unless English is preferred)."""
        asked = request.query_params.get("lang")
        if asked in messages.LANGS:
            return asked
        if request.url.path.startswith("/api/"):
            return accepted_language(request.headers.get("accept-language", ""))
        kept = request.cookies.get(LANG_COOKIE)
        return kept if kept in messages.LANGS else "vi"

    def session(self, request: Request) -> auth.Session | None:
        return auth.find_session(self.store, request.cookies.get(auth.COOKIE))

    def units(self) -> list[str]:
        """The unit folders, listed again when the evidence folder changes or a second has passed
        (every request's guard asks: listing and checking each folder cost a tenth of the
        server's time under load)."""
        try:
            changed = self.config.evidence.stat().st_mtime_ns
        except OSError:
            changed = -1
        moment = time.monotonic()
        with self._units_lock:
            kept = self._units
            if kept is not None and kept[0] == changed and moment - kept[1] < UNITS_SECONDS:
                return list(kept[2])
        try:
            found = api.unit_ids(self.config.evidence)
        except ScorerError:
            found = []
        with self._units_lock:
            self._units = (changed, moment, found)
        return list(found)

    def units_of(self, user: User) -> list[str]:
        present = self.units()
        return present if user.admin else [u for u in user.units if u in present]

    def guard(self, request: Request, unit: str | None = None, admin: bool = False) -> auth.Session:
        """401 without a session; 403 for a unit the user does not hold or an administrators' page;
        404 for a unit that is not there (to an administrator: nobody else learns it)."""
        session = self.session(request)
        if session is None:
            raise Refused(401, "web.login_needed", "no_session", unit, request.url.path)
        if admin and not session.user.admin:
            raise Refused(403, "web.forbidden", "not_admin", detail=request.url.path)
        if unit is not None:
            if not session.user.holds(unit):
                raise Refused(403, "web.forbidden", "other_unit", unit, request.url.path)
            if unit not in self.units():
                raise Refused(404, "web.not_found", "no_unit", unit, request.url.path)
        return session

    async def check_write(self, request: Request, session: auth.Session | None, unit: str | None) -> FormData:
        """A write: the API's token in `X-CSRF-Token` (checked before the body is read), a form's in
        its `csrf` field; the body bounded by its declared length; the form read once, here."""
        is_api = request.url.path.startswith("/api/")
        if is_api and (session is None or not auth.csrf_ok(session, request.headers.get("x-csrf-token"))):
            raise Refused(403, "web.csrf", "csrf", unit, request.url.path)
        length = request.headers.get("content-length")
        if length is None or not length.isdigit() or len(length) > 15:
            raise Refused(411, "web.length_required", "upload_no_length", unit)
        if int(length) > self.config.max_upload + 64 * 1024:
            limit = msg("upload_too_large", mib=self.config.max_upload // 2**20)
            row = {"file": None, "sheet": None, "row": None, "field": "file", "message": limit}
            raise Refused(413, "web.too_large", "upload_too_large", unit, detail=length, errors=[row])
        form = await request.form(max_files=1, max_fields=10)
        if not is_api and session is not None and not auth.csrf_ok(session, _text(form.get("csrf"))):
            raise Refused(403, "web.csrf", "csrf", unit, request.url.path)
        return form

    # -- answering

    def text(self, key: str, lang: str, **values: Any) -> str:
        said = text.t(key, lang)
        return said.format(**values) if values else said

    def page(self, request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        lang = self.lang(request)
        session = context.pop("session", None) or self.session(request)
        other = "en" if lang == "vi" else "vi"
        body = self.env.get_template(name).render(
            t=lambda key, **values: self.text(key, lang, **values),
            num=lambda v: messages.num(v, lang),
            date=lambda v: messages.date(v, lang),
            pick=lambda o, n: messages.pick(o, n, lang),
            problem=lambda m: messages.problem_text(m, lang),
            moment=lambda m: messages.moment(m, lang),
            provenance=lambda p: messages.provenance_text(p, lang),
            known=lambda total: messages.known_line(total, lang),
            class_line=lambda total: messages.class_line(total, lang),
            r=html.Words(lang),
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
        self.audit(
            error.action,
            error.status,
            user=session.user.name if session else error.user,
            ip=client_ip(request),
            unit=error.unit,
            detail=error.detail,
        )
        headers = {"Retry-After": str(error.retry_after)} if error.retry_after is not None else None
        if request.url.path.startswith("/api/"):
            body: dict[str, Any] = {"error": self.text(error.key, self.lang(request))}
            if error.errors is not None:
                body["errors"] = uploads.worded(error.errors, self.lang(request))
            return JSONResponse(body, status_code=error.status, headers=headers)
        if error.status == 401:
            response = self.page(request, "login.html", 401, message=error.key, next=local(request.url.path))
        else:
            response = self.page(request, "error.html", error.status, message=error.key, errors=error.errors)
        response.headers.update(headers or {})
        return response

    def audit(self, action: str, status: int, **row: Any) -> None:
        """An audit row; a database that cannot be written loses the row, never the answer."""
        try:
            self.store.audit(action, status, **row)
        except Exception as error:  # sqlite3.Error, OSError: the storage, not the request
            LOG.error("audit row not written (%s %s %s): %s", action, status, row, error)

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
        if not YEAR.match(asked) or int(asked) not in years:
            raise Refused(404, "web.not_found", "no_criteria", detail=asked[:20])
        return int(asked)

    def as_of(self, request: Request) -> dt.date | None:
        asked = request.query_params.get("as_of")
        if not asked:
            return None
        try:
            if len(asked) > 40:
                raise ValueError(asked)
            return api.parse_day(asked)
        except ValueError:
            raise Refused(400, "web.bad_date", "bad_date", detail=asked[:40]) from None

    async def prediction(self, request: Request, unit: str) -> UnitPrediction:
        year, as_of = self.year(request), self.as_of(request)
        try:
            return await run_in_threadpool(self.cache.prediction, unit, year, as_of, self.config.today())
        except ScorerError as error:
            rows = uploads.problem_rows(error.problems, self.config.evidence / unit, year)
            raise Refused(422, "web.unit_problems", "unit_problems", unit, errors=rows) from None

    async def listing(self, unit: str, year: int) -> list[dict[str, Any]]:
        config = self.config
        return await run_in_threadpool(uploads.list_files, self.store, config.evidence, unit, year, self.run)

    def upload_wait(self, user: str) -> int:
        """0 when the user may upload now (and the upload is counted), else the seconds to wait."""
        moment = time.monotonic()
        with self._uploads_lock:
            times = self._uploads.setdefault(user, collections.deque())
            while times and moment - times[0] > UPLOAD_WINDOW:
                times.popleft()
            if len(times) >= self.config.upload_rate:
                return max(1, int(UPLOAD_WINDOW - (moment - times[0]) + 0.999))
            times.append(moment)
            return 0


@dataclass
class Ctx:
    """What a handler is given: the service, the request, the session the guard found (None on a
    public route), the form a write carried (read once, by the guard) and the unit of the path."""

    service: Service
    request: Request
    session: auth.Session | None
    form: FormData | None = None

    @property
    def config(self) -> Config:
        return self.service.config

    @property
    def unit(self) -> str:
        return str(self.request.path_params["unit"])

    @property
    def user(self) -> User:
        assert self.session is not None, "a public route has no user"
        return self.session.user

    @property
    def lang(self) -> str:
        return self.service.lang(self.request)

    def page(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return self.service.page(self.request, name, status, session=self.session, **context)


YEAR = re.compile(r"^[0-9]{4}$")

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


def accepted_language(header: str) -> str:
    """English when Accept-Language prefers it to Vietnamese; Vietnamese otherwise."""
    best, best_q = "vi", -1.0
    for part in header.split(",")[:20]:
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:7])
            except ValueError:
                q = 0.0
        base = tag.strip().lower().split("-")[0]
        if base in messages.LANGS and q > best_q:
            best, best_q = base, q
    return best


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "?"


def local(target: str | None) -> str:
    """Only a path on this site is a place to return to after logging in."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/province"
    return target


def same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return origin is None
    parts = urlsplit(origin)
    return parts.netloc == request.headers.get("host") and parts.scheme == request.url.scheme


def query(request: Request) -> str:
    """The as-of and year of this page, to carry over to the links it shows."""
    kept = {k: request.query_params[k] for k in ("as_of", "year") if request.query_params.get(k)}
    return "?" + "&".join(f"{k}={v}" for k, v in kept.items()) if kept else ""


def download(data: bytes, name: str, media_type: str) -> Response:
    """An attachment; a name beyond ASCII (Vietnamese file names) goes in `filename*` (RFC 6266)."""
    plain = "".join(c if c.isascii() and c.isprintable() and c not in '"\\' else "_" for c in name)
    disposition = f'attachment; filename="{plain}"'
    if plain != name:
        disposition += f"; filename*=UTF-8''{urllib.parse.quote(name, safe='')}"
    return Response(data, media_type=media_type, headers={"Content-Disposition": disposition})


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None

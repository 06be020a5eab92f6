"""The session routes: the login page and form, logging out, the session's JSON."""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, RedirectResponse, Response

from scorer.serve import auth
from scorer.serve.service import Ctx, Refused, Service, client_ip, local, same_origin


async def home(ctx: Ctx) -> Response:
    return RedirectResponse("/province" if ctx.service.session(ctx.request) else "/login", status_code=303)


async def login_page(ctx: Ctx) -> Response:
    if ctx.service.session(ctx.request):
        return RedirectResponse("/province", status_code=303)
    return ctx.page("login.html", next=local(ctx.request.query_params.get("next")))


async def login(ctx: Ctx) -> Response:
    # The login form carries no CSRF token (there is no session yet, and scripts post it bare); a
    # cross-site post is refused by its Origin instead, and the cookie is SameSite.
    service, request = ctx.service, ctx.request
    if not same_origin(request):
        raise Refused(403, "web.forbidden", "login_cross_origin", detail=(request.headers.get("origin") or "")[:200])
    form = await request.form(max_files=0, max_fields=10)
    name, password = str(form.get("username") or "")[:200], str(form.get("password") or "")
    ip = client_ip(request)
    known = service.store.user(name) is not None
    attempt, wait = await run_in_threadpool(auth.take_attempt, service.store, name, ip)
    if attempt is None:
        raise Refused(
            429,
            "web.rate_limited",
            "login_rate_limited",
            detail=name if known else None,
            retry_after=wait,
            user=name if known else None,
        )
    user = await run_in_threadpool(auth.verify, service.store, name, password)
    if user is None:
        # the name typed is kept only if it is a user's: a password typed there is never stored
        raise Refused(
            401, "web.bad_login", "login_failed", detail=name if known else None, user=name if known else None
        )
    service.store.forgive(attempt)
    service.store.clear_login_failures(user.name)
    token, session = auth.open_session(service.store, user)
    service.audit("login", 200, user=user.name, ip=ip)
    if "application/json" in request.headers.get("accept", ""):
        response: Response = JSONResponse(session_json(service, session))
    else:
        response = RedirectResponse(local(str(form.get("next") or "")), status_code=303)
    response.set_cookie(
        auth.COOKIE,
        token,
        max_age=auth.SESSION_HOURS * 3600,
        httponly=True,
        samesite="lax",
        secure=service.cookie_secure(request),
    )
    return response


async def logout(ctx: Ctx) -> Response:
    session = ctx.session
    assert session is not None
    ctx.service.store.drop_session(session.token_hash)
    ctx.service.audit("logout", 200, user=session.user.name, ip=client_ip(ctx.request))
    response = RedirectResponse("/login", status_code=303)
    secure = ctx.service.cookie_secure(ctx.request)
    response.delete_cookie(auth.COOKIE, httponly=True, samesite="lax", secure=secure)
    return response


async def api_session(ctx: Ctx) -> Response:
    assert ctx.session is not None
    return JSONResponse(session_json(ctx.service, ctx.session))


def session_json(service: Service, session: auth.Session) -> dict[str, Any]:
    return {
        "user": session.user.name,
        "admin": session.user.admin,
        "units": service.units_of(session.user),
        "csrf": session.csrf,
    }

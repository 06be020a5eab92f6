"""The two commands' library side: `scorer user add` and `scorer serve`."""

from __future__ import annotations

from pathlib import Path

from scorer import api, messages
from scorer.errors import Problem, ScorerError, did_you_mean, msg
from scorer.serve import auth
from scorer.serve.store import Store


def add_user(data: Path, name: str, password: str, units: list[str], admin: bool, evidence: Path | None) -> None:
    """A user of the service; with `evidence`, each unit must be one of its folders."""
    if evidence is not None:
        known = api.unit_ids(evidence)
        unknown = [u for u in units if u not in known]
        if unknown:
            raise ScorerError(
                Problem(str(evidence), msg("no_unit_named", unit=u), field="--unit", hint=did_you_mean(u, known))
                for u in unknown
            )
    auth.check_new_user(name, password, units, admin)
    store = Store(data)
    try:
        auth.add_user(store, name, password, units, admin)
    finally:
        store.close()


def set_password(data: Path, name: str, password: str) -> None:
    """A new password; the user's open sessions end."""
    store = Store(data)
    try:
        if store.user(name) is None:
            known = [u.name for u in store.users()]
            raise ScorerError.single(
                store.path, msg("no_user_named", name=name), field="NAME", hint=did_you_mean(name, known)
            )
        auth.check_password(password, name)
        store.set_hash(name, auth.hash_password(password))
        store.drop_sessions(name)
        store.clear_login_failures(name)  # the administrator's reset lifts a lockout
    finally:
        store.close()


def users(data: Path, lang: str = "vi") -> list[tuple[str, str]]:
    """Each user and what they hold."""
    store = Store(data)
    try:
        every = messages.t("cli.user_every_unit", lang)
        return [(u.name, every if u.admin else ", ".join(u.units)) for u in store.users()]
    finally:
        store.close()


def serve(
    evidence: Path,
    rules: Path,
    data: Path,
    host: str,
    port: int,
    trusted_proxies: tuple[str, ...] = (),
    secure_cookies: bool = False,
    max_upload_mb: int = 20,
    workers: int | None = None,
    upload_rate: int = 120,
    keep_versions: int = 200,
    lang: str = "vi",
) -> None:
    import logging

    import uvicorn

    from scorer.serve import work
    from scorer.serve.app import Config, create_app

    logging.basicConfig(level=logging.INFO, format="%(levelname)s:     %(name)s: %(message)s")
    warning = beyond_loopback(host, secure_cookies, lang)
    if warning:
        click_warning(warning)

    api.unit_ids(evidence)  # a wrong --evidence is an error now, not on the first page
    if not rules.is_dir():
        raise ScorerError.single(rules, msg("rules_not_found"), hint=msg("serve_rules_hint"))
    max_upload = min(max_upload_mb * 2**20, api.MAX_FILE_BYTES)
    app = create_app(
        Config(
            evidence=evidence,
            rules=rules,
            data=data,
            max_upload=max_upload,
            secure_cookies=secure_cookies,
            workers=work.machine_workers() if workers is None else workers,
            upload_rate=upload_rate,
            keep_versions=keep_versions,
        )
    )
    uvicorn.run(
        app,
        host=host,
        port=port,
        proxy_headers=bool(trusted_proxies),
        forwarded_allow_ips=list(trusted_proxies) or None,
        server_header=False,
        log_level="info",
        # on SIGTERM or Ctrl-C, requests still waiting for a job get 5 s; then the workers are ended
        timeout_graceful_shutdown=5,
    )


def beyond_loopback(host: str, secure_cookies: bool, lang: str) -> str | None:
    """The warning for a server listening beyond this machine without --secure-cookies, in `lang`."""
    if secure_cookies or _loopback(host):
        return None
    return messages.t("cli.serve_beyond_loopback", lang).format(host=host)


def _loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def click_warning(message: str) -> None:
    import sys

    print(message, file=sys.stderr, flush=True)

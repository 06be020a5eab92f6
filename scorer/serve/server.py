"""The two commands' library side: `scorer user add` and `scorer serve`."""

from __future__ import annotations

from pathlib import Path

from scorer import api
from scorer.errors import Problem, ScorerError, did_you_mean
from scorer.serve import auth
from scorer.serve.store import Store


def add_user(data: Path, name: str, password: str, units: list[str], admin: bool, evidence: Path | None) -> None:
    """A user of the service; with `evidence`, each unit must be one of its folders."""
    if evidence is not None:
        known = api.unit_ids(evidence)
        unknown = [u for u in units if u not in known]
        if unknown:
            raise ScorerError(
                Problem(str(evidence), f"no unit '{u}'", field="--unit", hint=did_you_mean(u, known)) for u in unknown
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
            raise ScorerError.single(store.path, f"no user '{name}'", field="NAME", hint=did_you_mean(name, known))
        auth.check_password(password)
        store.set_hash(name, auth.hash_password(password))
        store.drop_sessions(name)
    finally:
        store.close()


def users(data: Path) -> list[tuple[str, str]]:
    """Each user and what they hold."""
    store = Store(data)
    try:
        return [(u.name, "every unit (admin)" if u.admin else ", ".join(u.units)) for u in store.users()]
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
    workers: int = 1,
) -> None:
    import uvicorn

    from scorer.serve.app import Config, create_app

    api.unit_ids(evidence)  # a wrong --evidence is an error now, not on the first page
    if not rules.is_dir():
        raise ScorerError.single(rules, "rules folder not found")
    max_upload = min(max_upload_mb * 2**20, api.MAX_FILE_BYTES)
    app = create_app(
        Config(
            evidence=evidence,
            rules=rules,
            data=data,
            max_upload=max_upload,
            secure_cookies=secure_cookies,
            workers=workers,
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
    )

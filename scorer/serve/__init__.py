"""`scorer serve`: the same product in a browser, for the officers who cannot install the engine.

An optional extra (`pip install '.[serve]'`): nothing here is imported by `scorer --help` or by any
other command. `missing()` tells the CLI, without importing the web stack, what is not installed.

Modules: `store` (SQLite under --data: users, sessions, audit log, login failures, evidence
versions), `auth` (argon2 hashes, sessions, CSRF, rate limit), `uploads` (safe names, staging,
`scorer validate` on the whole unit, atomic landing, versions), `cache` (predictions per unit keyed
by the digest of its evidence and criteria set), `work` (the worker processes), `service` (the
guard, the language, pages and refusals), `app` (the route table `ROUTES`, each route saying what it
needs, and the app built from it), the handlers in `sessions`, `pages`, `evidence`, `webapi` and
`downloads`, `text` (the service's own sentences) and `templates/` (Jinja2). The web reaches the
library through `scorer.api` only.
"""

from __future__ import annotations

import importlib.util

# module name -> the package that provides it (what `pip install '.[serve]'` installs)
NEEDS = {
    "starlette": "starlette",
    "uvicorn": "uvicorn",
    "jinja2": "jinja2",
    "multipart": "python-multipart",
    "argon2": "argon2-cffi",
}
INSTALL_HINT = "pip install 'scorer[serve]' (from a checkout: pip install -e '.[serve]')"


def missing() -> list[str]:
    """The packages of the `serve` extra that are not installed."""
    return [package for module, package in NEEDS.items() if importlib.util.find_spec(module) is None]

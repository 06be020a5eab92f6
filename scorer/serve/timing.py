"""Where one request's time went, by phase, in seconds: the app sends it back as a `Server-Timing`
header, which the load bench (bench/serve_load.py) reads. Phases: `unit` (waiting for the unit's
job before it), `lock` (a unit's file lock), `queue` (waiting for a worker), `job` (in the worker),
`cpu` (the worker's CPU time), `db` (waiting for the database and using it)."""

from __future__ import annotations

import contextvars
import time

TIMING: contextvars.ContextVar[dict[str, float] | None] = contextvars.ContextVar("scorer_timing", default=None)


def spent(phase: str, since: float) -> float:
    """Adds the time from `since` to now to `phase`; now."""
    moment = time.monotonic()
    add(phase, moment - since)
    return moment


def add(phase: str, seconds: float) -> None:
    timing = TIMING.get()
    if timing is not None:
        timing[phase] = timing.get(phase, 0.0) + seconds

"""One file lock per unit under --data/locks, shared between the server's threads and its worker
processes (flock: each open of the file is its own holder)."""

from __future__ import annotations

import contextlib
import fcntl
import time

from scorer.serve.timing import spent as _spent
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def unit_lock(data: Path, unit: str, kind: str = "write", shared: bool = False) -> Iterator[None]:
    """Two locks per unit. `write`: held by an upload from its check to its landing, so two uploads
    never validate against a state the other is about to change. `read`: held exclusive only while
    an upload's file is renamed into place, and shared while a prediction reads the unit, so that
    a prediction never sees one upload landed beside the state before another's."""
    folder = data / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f"{unit}.{kind}.lock", "a+b") as handle:
        began = time.monotonic()
        fcntl.flock(handle, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
        _spent("lock", began)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)

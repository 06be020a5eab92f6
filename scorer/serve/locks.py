"""One file lock per unit under --data/locks, shared between the server's threads and its worker
processes (flock: each open of the file is its own holder)."""

from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def unit_lock(data: Path, unit: str, shared: bool = False) -> Iterator[None]:
    """Exclusive while an upload is checked and landed; shared while a prediction reads the unit,
    so that it never sees one upload's file beside the state before another's."""
    folder = data / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f"{unit}.lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)

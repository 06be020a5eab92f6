"""The service's heavy work (a prediction, the validation of a unit) in a worker process, so that a
page served from the cache never waits for the interpreter lock behind it.

`Runner(workers=0)` runs the same functions in the calling thread (the tests' app); `scorer serve`
uses worker processes started by `spawn` (no fork of a threaded server), one lane for predictions
and one for validations, so that a stream of uploads never holds up the forecast, nor the reverse. A `ScorerError` does
not cross a process boundary intact, so the functions here return problems instead of raising."""

from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TypeVar

from scorer import api
from scorer.errors import Problem, ScorerError
from scorer.models.prediction import UnitPrediction
from scorer.serve.locks import unit_lock

T = TypeVar("T")


def predict(
    evidence: Path,
    rules: Path,
    unit: str,
    year: int,
    as_of: dt.date | None,
    today: dt.date,
    horizon: int,
    locks: Path | None = None,
) -> UnitPrediction | list[Problem]:
    """One unit's prediction with detail, or the problems that stop it; with `locks` (the data
    folder), read under the unit's reading lock, shared, so no upload lands half way through."""
    request = api.Request(
        evidence=evidence, rules=rules, year=year, unit=unit, as_of=as_of, today=today, horizon=horizon
    )
    with unit_lock(locks, unit, "read", shared=True) if locks is not None else contextlib.nullcontext():
        try:
            return next(iter(api.predict_units(request, detail=True)))
        except ScorerError as error:
            return error.problems


def predict_many(
    evidence: Path,
    rules: Path,
    units: list[str],
    year: int,
    as_of: dt.date | None,
    today: dt.date,
    horizon: int,
    locks: Path | None = None,
) -> list[UnitPrediction | list[Problem]]:
    """Several units in one call (the province's ranking): one trip to the worker, not one each;
    one unit's lock at a time."""
    return [predict(evidence, rules, unit, year, as_of, today, horizon, locks) for unit in units]


def validate(root: Path, rules: Path, year: int, unit: str, name: str) -> tuple[list[Problem], int]:
    """`scorer validate` of one unit under `root`, and the records of its file `name` that year."""
    try:
        api.validate(api.Request(evidence=root, rules=rules, year=year, unit=unit))
        staged = root / unit
        return [], api.count_records(staged, staged / str(year) / name)
    except ScorerError as error:
        return error.problems, 0


def _warm() -> None:
    """Imports the engine and the writers in the worker before the first request needs them."""
    import scorer.api  # noqa: F401  (the engine, the loaders, the prediction)


class Runner:
    def __init__(self, workers: int = 0) -> None:
        self.workers = workers
        self._lock = threading.Lock()
        self._pools: dict[str, ProcessPoolExecutor] = {}
        for lane in LANES if workers else ():
            self._start(lane)

    def _start(self, lane: str) -> ProcessPoolExecutor:
        pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"))
        pool.submit(_warm)
        self._pools[lane] = pool
        return pool

    def __call__(self, function: Callable[..., T], *args: Any, lane: str = "predict") -> T:
        if not self.workers:
            return function(*args)
        for attempt in range(2):
            with self._lock:
                pool = self._pools[lane]
            try:
                return pool.submit(function, *args).result()
            except BrokenProcessPool:
                # a worker that died (killed, out of memory) is replaced once, then the error shows
                with self._lock:
                    if self._pools[lane] is pool:
                        self._start(lane)
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        with self._lock:
            for pool in self._pools.values():
                pool.shutdown(cancel_futures=True)
            self._pools.clear()


LANES = ("predict", "validate")

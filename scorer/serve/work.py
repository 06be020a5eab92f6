"""The service's heavy work (a prediction, the validation of a unit, counting a file's records) in
worker processes, so that a page served from the cache never waits for the interpreter lock behind
it, and so that one unit's file can neither stall the others nor take the machine.

`Runner(workers=0)` runs the same functions in the calling thread (the tests' app); `scorer serve`
starts a pool of `workers` processes (by default one per core) shared by every kind of job. Jobs of
different units run in parallel; one unit has one job at a time (its others wait for it, not for a
worker). Each job is bounded: CPU seconds (RLIMIT_CPU, raised for each job), memory (RLIMIT_AS, set
once in the worker) and wall time (the worker is killed and replaced). A job past a bound raises
`TooHeavy`; no worker free within `queue_wait` raises `Busy`. Workers end with the server, even a
server killed with SIGKILL (Linux's parent-death signal, and a watch on the parent besides).

A `ScorerError` does not cross a process boundary intact, so the functions here return problems
instead of raising."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import multiprocessing
import os
import queue
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar

from scorer import api
from scorer.errors import Problem, ScorerError
from scorer.models.prediction import UnitPrediction
from scorer.serve.locks import unit_lock
from scorer.serve.timing import spent as _spent
from scorer.serve import timing as _timing

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


def validate(root: Path, rules: Path, year: int, unit: str, name: str) -> tuple[list[Problem], int]:
    """`scorer validate` of one unit under `root`, and the records of its file `name` that year."""
    try:
        api.validate(api.Request(evidence=root, rules=rules, year=year, unit=unit))
        staged = root / unit
        return [], api.count_records(staged, staged / str(year) / name)
    except ScorerError as error:
        return error.problems, 0


def attention(evidence: Path, rules: Path, unit: str, year: int) -> api.Attention | None:
    """The unit's records still to review and the warnings on its files, or None when its files
    have problems (the evidence page lists those with the files)."""
    try:
        return api.attention(evidence, unit, year, rules)
    except ScorerError:
        return None


def review(evidence: Path, unit: str, year: int, record: str, accept: bool) -> tuple[str, bytes] | list[Problem]:
    """A drafted record accepted or rejected: its file's name and new bytes, or the problems."""
    try:
        return api.register_review(evidence, unit, year, record, accept)
    except ScorerError as error:
        return error.problems


def count_records(unit_dir: Path, paths: list[Path]) -> list[tuple[int | None, int]]:
    """Each file's records read alone, or None and the number of problems found."""
    counts: list[tuple[int | None, int]] = []
    for path in paths:
        try:
            counts.append((api.count_records(unit_dir, path), 0))
        except ScorerError as error:
            counts.append((None, len(error.problems)))
    return counts


class Busy(Exception):
    """No worker was free in time: try again later."""


class StorageFailed(OSError):
    """A worker could not read or write the server's folders (a lock under --data, evidence)."""


class TooHeavy(Exception):
    """A job went past its bound of CPU time, memory or wall time and was ended."""

    def __init__(self, bound: str) -> None:
        super().__init__(bound)
        self.bound = bound


@dataclass(frozen=True)
class Limits:
    cpu_seconds: int = 60
    memory_mb: int = 2048
    wall_seconds: float = 90.0
    queue_wait: float = 20.0
    # A job on a unit this big (`weight`: its evidence files' bytes) or on a unit whose last job
    # took this much CPU runs in the heavy lane: a worker of its own, at a lower CPU priority, so
    # that the light lane's workers (one per core) and the server itself are never taken by it.
    # 2 MiB is about 30,000 records, far more than a unit keeps in a year.
    heavy_bytes: int = 2 * 2**20
    heavy_cpu: float = 2.0
    heavy_nice: int = 10


def weight(folder: Path, limit: int = 20_000) -> int:
    """What a job on this unit folder will read, in bytes: its evidence files' sizes, a workbook's
    four times (it is compressed). Names and sizes only, so it costs a listing; a folder of more
    than `limit` files weighs as much as any heavy one."""
    total = seen = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            seen += 1
            if seen > limit:
                return 2**62
            suffix = os.path.splitext(name)[1].lower()
            if suffix in api.EVIDENCE_SUFFIXES:
                with contextlib.suppress(OSError):
                    total += os.stat(os.path.join(root, name)).st_size * (4 if suffix == ".xlsx" else 1)
    return total


def machine_workers() -> int:
    """One worker per core this process may use, at least two (one unit's job never holds all)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(2, cores)


# -- the worker's side


def _die_with_parent(parent: int, signalled: bool) -> None:
    """End this worker when the server ends, however it ends. With `signalled` (a worker started
    by the server's main thread), also by Linux's parent-death signal, which comes when the thread
    that started the worker ends: a worker started in a request's thread (a replacement, the heavy
    lane's) has the watch on its parent alone, or it would die with that thread."""
    if signalled:
        with contextlib.suppress(Exception):
            import ctypes

            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _serve(conn: Connection, parent: int, limits: Limits, nice: int = 0, signalled: bool = True) -> None:
    import resource

    _die_with_parent(parent, signalled)
    if nice:
        with contextlib.suppress(OSError):
            os.nice(nice)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the server, which ends us
    with contextlib.suppress(ValueError, OSError):
        memory = limits.memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    with contextlib.suppress(Exception):
        import scorer.api  # noqa: F401  (the engine, the loaders, the prediction: before the first job)
    conn.send(("ready", None))
    while True:
        try:
            function, args = conn.recv()
        except (EOFError, OSError):
            os._exit(0)
        used = resource.getrusage(resource.RUSAGE_SELF)
        before = used.ru_utime + used.ru_stime
        spent = int(before)
        with contextlib.suppress(ValueError, OSError):
            hard = resource.getrlimit(resource.RLIMIT_CPU)[1]
            soft = spent + limits.cpu_seconds
            resource.setrlimit(resource.RLIMIT_CPU, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))
        try:
            answer: tuple[str, Any] = ("ok", function(*args))
        except MemoryError:
            answer = ("heavy", "memory")
        except OSError as error:
            answer = ("storage", f"{type(error).__name__}: {error}")
        except BaseException as error:  # noqa: B036  (the parent shows it; the worker lives on)
            answer = ("error", f"{type(error).__name__}: {error}")
        used = resource.getrusage(resource.RUSAGE_SELF)
        cpu = used.ru_utime + used.ru_stime - before
        try:
            conn.send((*answer, cpu))
        except MemoryError:
            conn.send(("heavy", "memory", cpu))


# -- the server's side


LIGHT, HEAVY = "light", "heavy"


class _Worker:
    def __init__(self, context: Any, limits: Limits, lane: str = LIGHT) -> None:
        self.lane = lane
        self.conn, child = context.Pipe()
        nice = limits.heavy_nice if lane == HEAVY else 0
        signalled = threading.current_thread() is threading.main_thread()
        self.process = context.Process(target=_serve, args=(child, os.getpid(), limits, nice, signalled), daemon=True)
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self, timeout: float) -> bool:
        if not self.ready and self.conn.poll(timeout):
            with contextlib.suppress(EOFError, OSError):
                self.ready = self.conn.recv()[0] == "ready"
        return self.ready

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
            self.process.join(5)
        with contextlib.suppress(Exception):
            self.conn.close()


class Runner:
    """`workers` light-lane processes, and one heavy-lane process started when a heavy job first
    comes (see `Limits.heavy_bytes`)."""

    def __init__(self, workers: int = 0, limits: Limits | None = None) -> None:
        self.workers = workers
        self.limits = limits or Limits()
        self._context = multiprocessing.get_context("spawn")
        self._idle: dict[str, queue.Queue[_Worker]] = {LIGHT: queue.Queue(), HEAVY: queue.Queue()}
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self._units: dict[str, threading.Lock] = {}
        # units whose last job took `heavy_cpu` or more, and when: their jobs go to the heavy lane
        self._slow: dict[str, float] = {}
        self._heavy_started = False
        self._closed = False
        for _ in range(workers):
            self._add(LIGHT)

    def _add(self, lane: str) -> None:
        worker = _Worker(self._context, self.limits, lane)
        with self._lock:
            self._all.append(worker)
        self._idle[lane].put(worker)

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)
            if self._closed:
                return
        self._add(worker.lane)

    def lane(self, unit: str | None, weight: int) -> str:
        """Where a job of this unit and weight runs."""
        if weight >= self.limits.heavy_bytes:
            return HEAVY
        with self._lock:
            slow = self._slow.get(unit) if unit is not None else None
        return HEAVY if slow is not None and time.monotonic() - slow < 3600 else LIGHT

    def _took(self, unit: str | None, lane: str, cpu: float | None) -> None:
        """A unit's job took `cpu` seconds (None: it was ended past a bound)."""
        if unit is None:
            return
        with self._lock:
            if cpu is None or cpu >= self.limits.heavy_cpu:
                self._slow[unit] = time.monotonic()
                while len(self._slow) > 10_000:
                    self._slow.pop(next(iter(self._slow)))
            elif lane == HEAVY:
                self._slow.pop(unit, None)

    @contextlib.contextmanager
    def _unit(self, unit: str | None) -> Iterator[None]:
        """One job per unit at a time: a unit's second job waits for its first, not for a worker."""
        if unit is None:
            yield
            return
        with self._lock:
            lock = self._units.setdefault(unit, threading.Lock())
        began = time.monotonic()
        acquired = lock.acquire(timeout=self.limits.queue_wait)
        _spent("unit", began)
        if not acquired:
            raise Busy(unit)
        try:
            yield
        finally:
            lock.release()

    def __call__(self, function: Callable[..., T], *args: Any, unit: str | None = None, weight: int = 0) -> T:
        """`function(*args)` in a worker: of the light lane, or of the heavy lane for a unit of
        `weight` bytes or more or one whose last job was slow; one job of a unit at a time."""
        if not self.workers:
            return function(*args)
        with self._unit(unit):
            lane = self.lane(unit, weight)
            if lane == HEAVY:
                with self._lock:
                    start, self._heavy_started = not self._heavy_started, True
                if start:
                    self._add(HEAVY)
            began = time.monotonic()
            try:
                worker = self._idle[lane].get(timeout=self.limits.queue_wait)
            except queue.Empty:
                raise Busy("no worker free") from None
            finally:
                began = _spent("queue", began)
            try:
                if not worker.wait_ready(self.limits.queue_wait + 60):
                    raise BrokenPipeError("the worker did not start")
                worker.conn.send((function, args))
                if not worker.conn.poll(self.limits.wall_seconds):
                    self._replace(worker)
                    self._took(unit, lane, None)
                    raise TooHeavy("time")
                kind, value, cpu = worker.conn.recv()
                _spent("job", began)
                _timing.add("cpu", cpu)
                self._took(unit, lane, None if kind == "heavy" else cpu)
            except (EOFError, OSError):
                # ended by the kernel: past its CPU time (SIGXCPU), out of memory, or killed
                worker.process.join(5)
                code = worker.process.exitcode
                self._replace(worker)
                self._took(unit, lane, None)
                raise TooHeavy("cpu" if code == -signal.SIGXCPU else "memory") from None
            except TooHeavy:
                raise
            except BaseException:
                self._replace(worker)
                raise
            self._idle[lane].put(worker)
        if kind == "heavy":
            raise TooHeavy(str(value))
        if kind == "storage":
            raise StorageFailed(str(value))
        if kind == "error":
            raise RuntimeError(f"in a worker: {value}")
        return value  # type: ignore[no-any-return]

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.kill()


# -- downloads of uploaded files

_RISKY = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d[\d.,]*|\.\d+)([eE][+-]?\d+)?%?$")


def _risky(text: str) -> bool:
    """A cell a spreadsheet would run as a formula (a signed number is only a number)."""
    return text.startswith(_RISKY) and not _NUMBER.match(text.strip())


def neutralise(path: Path) -> bytes | None:
    """An uploaded CSV or workbook with every cell a spreadsheet would run as a formula made text
    (`'` before a CSV cell; a workbook's formula kept as its text): None when there is none, and
    the file is served as it is."""
    if path.suffix.lower() == ".csv":
        return _neutralise_csv(path.read_bytes())
    if path.suffix.lower() == ".xlsx":
        return _neutralise_xlsx(path)
    return None


def _neutralise_csv(data: bytes) -> bytes | None:
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data[3 if bom else 0 :].decode("utf-8")
    except UnicodeDecodeError:
        return None  # the loaders refuse it; nothing a spreadsheet would read as ours
    lines = text.splitlines(keepends=True)
    first = lines[0] if lines else ""
    stated = first.startswith("sep=") and len(first.rstrip("\r\n")) == 5
    delimiter = first[4] if stated else max((",", ";", "\t"), key=first.count)
    rows = list(csv.reader(io.StringIO(text[len(first) :] if stated else text, newline=""), delimiter=delimiter))
    if not any(_risky(cell) for row in rows for cell in row):
        return None
    out = io.StringIO(newline="")
    ending = "\r\n" if "\r\n" in first else "\n"
    writer = csv.writer(out, delimiter=delimiter, lineterminator=ending)
    for row in rows:
        writer.writerow(["'" + cell if _risky(cell) else cell for cell in row])
    head = first if stated else ""
    return (b"\xef\xbb\xbf" if bom else b"") + (head + out.getvalue()).encode("utf-8")


def _neutralise_xlsx(path: Path) -> bytes | None:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path)
    except Exception:  # openpyxl raises anything at all on a malformed part
        return None
    changed = False
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" or (isinstance(cell.value, str) and _risky(cell.value)):
                    text = str(cell.value)
                    cell._value, cell.data_type = text, "s"  # a string, even one starting with =
                    cell.quotePrefix = True
                    changed = True
    if not changed:
        return None
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

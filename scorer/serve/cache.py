"""Predictions per unit, keyed by what they depend on: the digest of the unit's files and of the
criteria set, the as-of date and the horizon. A page view after the first costs the digest (file
contents hashed once per size and mtime, the rest by stat) and a lookup.

A prediction is stored only if the digest taken after it is the one taken before, so a file that
changed while it ran can never leave a stale result under a key that may come back."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from scorer import api
from scorer.errors import Problem, ScorerError, msg
from scorer.models.criteria import CriteriaSet
from scorer.models.prediction import UnitPrediction
from scorer.serve import work
from scorer.serve.work import Runner

LOG = logging.getLogger("scorer.serve")
MAX_ENTRIES = 2000
# a unit's evidence read in the server's own thread (the records to review) up to this many bytes
INLINE_BYTES = 256 * 1024
MAX_FILES = 20_000


@dataclass(frozen=True)
class Pending:
    """A unit a page of many units did not wait for: its prediction is being computed in the heavy
    lane (`computing`), ended past a bound (`time`, `cpu`, `memory`) or found no worker (`busy`)."""

    reason: str


class PredictionCache:
    def __init__(self, evidence: Path, rules: Path, run: Runner | None = None, locks: Path | None = None) -> None:
        self.evidence, self.rules, self.locks = evidence, rules, locks
        self.run = run or Runner()
        self._entries: OrderedDict[tuple[object, ...], UnitPrediction] = OrderedDict()
        # the last computation per unit, year, as-of and horizon: when it began, what it found
        self._latest: dict[tuple[object, ...], tuple[float, UnitPrediction | list[Problem]]] = {}
        # a computation ended past its bounds, by key: not tried again until the evidence changes
        # (or an hour passes), so page views of that unit never queue behind the same failure
        self._heavy: dict[tuple[object, ...], tuple[float, str]] = {}
        self._hashes: dict[tuple[str, int, int, int], str] = {}
        self._attention: dict[tuple[str, int, str], api.Attention | None] = {}
        # heavy-lane computations under way for a page that did not wait for them
        self._running: set[tuple[object, ...]] = set()
        # one computation per unit at a time (different units in parallel, in the runner's pool)
        self._units: dict[str, threading.Lock] = {}
        self._lookup = threading.RLock()
        self.hits = 0
        self.misses = 0

    def _content(self, path: Path, stat: os.stat_result) -> str:
        key = (str(path), stat.st_size, stat.st_mtime_ns, stat.st_ino)
        found = self._hashes.get(key)
        if found is None:
            found = hashlib.sha256(path.read_bytes()).hexdigest()
            with self._lookup:
                if len(self._hashes) > 50_000:
                    self._hashes.clear()
                self._hashes[key] = found
        return found

    def digest(self, unit: str, year: int) -> str:
        """Evidence, unit.yaml and official.yaml by content; anything else in the unit folder
        (scans an attachment names) by name, size and mtime; the criteria file by content."""
        h = hashlib.sha256()
        criteria = self.rules / f"criteria_{year}.yaml"
        if criteria.is_file():
            h.update(b"criteria\0" + self._content(criteria, criteria.stat()).encode())
        root = self.evidence / unit
        seen = 0
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            for name in sorted(files):
                seen += 1
                if seen > MAX_FILES:
                    raise ScorerError.single(root, msg("unit_too_many_files", count=MAX_FILES))
                path = Path(folder) / name
                try:
                    stat = path.stat()
                except OSError:
                    continue
                relative = str(path.relative_to(root))
                if name.endswith(".part"):
                    continue
                if path.suffix.lower() in api.EVIDENCE_SUFFIXES:
                    h.update(f"{relative}\0{self._content(path, stat)}\0".encode())
                else:
                    h.update(f"{relative}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
        return h.hexdigest()

    def prediction(
        self, unit: str, year: int, as_of: dt.date | None, today: dt.date, horizon: int = 30
    ) -> UnitPrediction:
        """The unit's prediction with detail (explanations need it; the JSON is the same)."""
        result = self.predictions([unit], year, as_of, today, horizon)[0]
        if isinstance(result, list):
            raise ScorerError(result)
        return result

    def attention(self, unit: str, year: int) -> api.Attention | None:
        """The unit's records still to review and the warnings on its files, read once per state of its evidence (a page view of
        a unit that did not change reads nothing): in the calling thread for a small unit (100
        records take 3 ms, less than a job's round trip, which under load waits for a worker), in
        a worker for a larger one, whose reading would hold the server's interpreter lock."""
        key = (unit, year, self.digest(unit, year))
        with self._lookup:
            if key in self._attention:
                return self._attention[key]
        weight = work.weight(self.evidence / unit)
        if weight < INLINE_BYTES and self.run.lane(unit, weight) == work.LIGHT:
            found = work.attention(self.evidence, self.rules, unit, year)
        else:
            found = self.run(work.attention, self.evidence, self.rules, unit, year, unit=unit, weight=weight)
        with self._lookup:
            self._attention[key] = found
            while len(self._attention) > MAX_ENTRIES:
                self._attention.pop(next(iter(self._attention)))
        return found

    def cached(
        self, unit: str, year: int, as_of: dt.date | None, today: dt.date, horizon: int = 30
    ) -> UnitPrediction | None:
        """The unit's prediction if it is cached for its evidence as it is now; never computes."""
        key = self._key(unit, year, as_of, today, horizon)
        with self._lookup:
            return self._entries.get(key)

    def _key(self, unit: str, year: int, as_of: dt.date | None, today: dt.date, horizon: int) -> tuple[object, ...]:
        request = api.Request(evidence=self.evidence, rules=self.rules, year=year, as_of=as_of, today=today)
        day = api.day_of(_criteria(request), as_of, today)
        return (unit, year, day, horizon, self.digest(unit, year))

    def predictions(
        self, units: list[str], year: int, as_of: dt.date | None, today: dt.date, horizon: int = 30
    ) -> list[UnitPrediction | list[Problem]]:
        """Each unit's prediction, or the problems that stop it. A cached one is answered at once;
        the others are computed in the runner's pool, several units at a time. A request that
        waited for its unit's lock takes what a computation begun after it arrived has just found
        (no state older than the request), so a queue of requests for a unit whose evidence keeps
        changing drains in one computation. A computation past its bounds raises `work.TooHeavy`
        (and so does the same key asked again, until its evidence changes)."""
        found = self._gather(units, year, as_of, today, horizon, wait=True)
        return [found[unit] for unit in units]  # type: ignore[misc]  # never Pending when waiting

    def without_waiting(
        self, units: list[str], year: int, as_of: dt.date | None, today: dt.date, horizon: int = 30
    ) -> list[UnitPrediction | list[Problem] | Pending]:
        """As `predictions`, for a page of many units (the province): a unit whose computation goes
        to the heavy lane is not waited for (it is started, once, and answered `Pending`), nor is
        one past its bounds or with no worker free; the other units are answered as ever."""
        found = self._gather(units, year, as_of, today, horizon, wait=False)
        return [found[unit] for unit in units]

    def _gather(
        self, units: list[str], year: int, as_of: dt.date | None, today: dt.date, horizon: int, wait: bool
    ) -> dict[str, UnitPrediction | list[Problem] | Pending]:
        arrived = time.monotonic()
        keys = {unit: self._key(unit, year, as_of, today, horizon) for unit in units}
        found: dict[str, UnitPrediction | list[Problem] | Pending] = {}
        with self._lookup:
            for unit in units:
                if keys[unit] in self._entries:
                    self._entries.move_to_end(keys[unit])
                    found[unit] = self._entries[keys[unit]]
        self.hits += len(found)
        missing = [unit for unit in units if unit not in found]
        if not wait:
            for unit in list(missing):
                with self._lookup:
                    heavy = self._heavy.get(keys[unit])
                if heavy is not None and time.monotonic() - heavy[0] < 3600:
                    found[unit] = Pending(heavy[1])
                elif self.run.lane(unit, work.weight(self.evidence / unit)) == work.HEAVY:
                    self._background(unit, keys[unit], arrived, as_of, today)
                    found[unit] = Pending("computing")
            missing = [unit for unit in missing if unit not in found]
        if len(missing) == 1 and wait:
            found[missing[0]] = self._compute(missing[0], keys[missing[0]], arrived, as_of, today)
        elif missing:
            width = max(1, min(len(missing), self.run.workers or 1))
            with ThreadPoolExecutor(max_workers=width) as pool:
                futures = {u: pool.submit(self._compute, u, keys[u], arrived, as_of, today) for u in missing}
                for unit, future in futures.items():
                    try:
                        found[unit] = future.result()
                    except work.TooHeavy as error:
                        if wait:
                            raise
                        found[unit] = Pending(error.bound)
                    except work.Busy:
                        if wait:
                            raise
                        found[unit] = Pending("busy")
        return found

    def _background(
        self, unit: str, key: tuple[object, ...], arrived: float, as_of: dt.date | None, today: dt.date
    ) -> None:
        """The unit's prediction computed in a thread of its own (once per key at a time), kept
        in the cache as any other when it is done."""
        with self._lookup:
            if key in self._running:
                return
            self._running.add(key)

        def compute() -> None:
            try:
                self._compute(unit, key, arrived, as_of, today)
            except (work.TooHeavy, work.Busy):
                pass  # past its bounds: remembered by _compute; no worker: a later page asks again
            except Exception:  # nobody waits for this answer: the log has it
                LOG.exception("the prediction of %s", unit)
            finally:
                with self._lookup:
                    self._running.discard(key)

        threading.Thread(target=compute, name=f"prediction of {unit}", daemon=True).start()

    def _compute(
        self, unit: str, key: tuple[object, ...], arrived: float, as_of: dt.date | None, today: dt.date
    ) -> UnitPrediction | list[Problem]:
        _unit, year, day, horizon, digest = key
        assert isinstance(year, int) and isinstance(horizon, int)
        with self._lookup:
            lock = self._units.setdefault(unit, threading.Lock())
        with lock:
            with self._lookup:
                heavy = self._heavy.get(key)
                if heavy is not None and time.monotonic() - heavy[0] < 3600:
                    raise work.TooHeavy(heavy[1])
                latest = self._latest.get((unit, year, day, horizon))
                if latest is not None and latest[0] >= arrived:
                    return latest[1]
                if key in self._entries:
                    return self._entries[key]
            self.misses += 1
            began = time.monotonic()
            try:
                result = self.run(
                    work.predict,
                    self.evidence,
                    self.rules,
                    unit,
                    year,
                    as_of,
                    today,
                    horizon,
                    self.locks,
                    unit=unit,
                    weight=work.weight(self.evidence / unit),
                )
            except work.TooHeavy as error:
                with self._lookup:
                    self._heavy[key] = (time.monotonic(), error.bound)
                raise
            # the digest after, taken outside the lookup lock (it may hash a file, which takes it)
            unchanged = not isinstance(result, list) and self.digest(unit, year) == digest
            with self._lookup:
                self._latest[(unit, year, day, horizon)] = (began, result)
                if unchanged:
                    assert not isinstance(result, list)
                    self._entries[key] = result
                while len(self._entries) > MAX_ENTRIES:
                    self._entries.popitem(last=False)
                while len(self._latest) > MAX_ENTRIES:
                    self._latest.pop(next(iter(self._latest)))
                while len(self._heavy) > MAX_ENTRIES:
                    self._heavy.pop(next(iter(self._heavy)))
            return result


_CRITERIA: dict[tuple[str, int, int], CriteriaSet] = {}


def _criteria(request: api.Request) -> CriteriaSet:
    """The criteria set, parsed again only when its file changes (the effective as-of needs its cut-off)."""
    path, _year = api.criteria_file(request)
    stat = path.stat() if path.is_file() else None
    key = (str(path), stat.st_size if stat else -1, stat.st_mtime_ns if stat else -1)
    if key not in _CRITERIA:
        _CRITERIA[key] = api.load_inputs_criteria(request)
    return _CRITERIA[key]

"""The evidence of one prediction as of its date: the views a metric reads, each metric computed once
per view, and the unit's own record of obligations met so far (what a pending one is expected from)."""

from __future__ import annotations

import math
import datetime as dt
from dataclasses import dataclass
from collections import defaultdict
from collections.abc import Sequence
from enum import Enum
from operator import attrgetter

from scorer import metrics as metric_lib
from scorer.models.criteria import CriteriaSet, Metric, ObligationMetric
from scorer.models.evidence import EvidenceRecord, Survey
from scorer.models.inputs import EvidenceSet, UnitYear

FAR_FUTURE = dt.date(9999, 12, 31)


def effective_as_of(cs: CriteriaSet, as_of: dt.date | None, today: dt.date) -> dt.date:
    """Default today, never past the year's data cut-off."""
    return min(as_of or today, cs.cutoff)


def is_supported(record: EvidenceRecord, evidence: EvidenceSet) -> bool:
    """The appraisal accepts a document it can see: a number, and the attachment if one is named.
    Survey records are results, not documents to appraise, so they are always taken. A record
    drafted from the register is not taken until the officer has reviewed it."""
    return unsupported_why(record, evidence) is None


def unsupported_why(record: EvidenceRecord, evidence: EvidenceSet) -> str | None:
    """Why the appraisal would not accept the record (`is_supported`), None if it would:
    `to_review` (drafted from the register, not reviewed), `no_number` (no document number),
    `attachment_missing` (the file it names is not there)."""
    if record.review is not None:
        return "to_review"
    if isinstance(record, Survey):
        return None
    if not (record.document_no and record.document_no.strip()):
        return "no_number"
    return "attachment_missing" if record.id in evidence.missing_attachments else None


def index_keys_of(cs: CriteriaSet) -> dict[str, str | None]:
    """Per metric, the field of its first `where: {field: value}` filter, which records are indexed by."""
    return {
        name: next((k for k, v in metric.where.items() if isinstance(v, str)), None)
        for name, metric in cs.metrics.items()
    }


def last_year_end(cs: CriteriaSet) -> dt.date:
    """The last day last year's folder may hold: its year's cut-off (this year's a year back, or its
    31 December if later: last year's own set may have cut off later than this year's)."""
    return max(metric_lib.shift(cs.cutoff, -1), dt.date(cs.year - 1, 12, 31))


def last_year_cutoff(cs: CriteriaSet, as_of: dt.date) -> dt.date:
    """Last year's evidence is read as it stood on the as-of date, and never past its own year's end."""
    return min(as_of, last_year_end(cs))


class Record:
    """A tally of obligations: how many were decided and how many of those were met on time."""

    __slots__ = ("met", "decided")

    def __init__(self, met: int = 0, decided: int = 0) -> None:
        self.met, self.decided = met, decided


@dataclass(frozen=True, slots=True)
class Activity:
    """The unit's evidence this year: `evidenced` of `criteria` have some, `recent` of them had a
    one-off thing done in the last `window` days, `left` days remain to the cut-off, and `elapsed`
    is the share of the year gone."""

    evidenced: int
    criteria: int
    recent: int
    window: int
    left: int
    elapsed: float

    def chance(self) -> float:
        """The chance that a criterion with no evidence yet gets some by the cut-off: as many as the
        unit's recent pace of one-off work brings in the days left, of those still missing."""
        missing = self.criteria - self.evidenced
        if missing <= 0 or self.window <= 0:
            return 0.0
        return min(1.0, self.recent / self.window * self.left / missing)


@dataclass(frozen=True, slots=True)
class Development:
    """How the unit's year went on from the same day last year (an actuary's development, read from
    its own last year): of the criteria with no evidence on that day, `late` got some by the year's
    end (`missing` had none on it); `then` is the chance its pace of one-off work on that day gave
    (`Activity.chance` read on last year's evidence), so `late / missing - then` is how far that
    reading fell short of what came; of its obligations, `before` (met on time, decided) fell due by
    that day and `after` after it."""

    late: int
    missing: int
    then: float
    before: tuple[int, int]
    after: tuple[int, int]
    # How far last year's pace fell short of what came (what came weighing as `missing` criteria
    # against the pace, at `strength`), averaged over the readings of `forecast.last_window_days`.
    shortfall: float = 0.0

    def share(self) -> float:
        """The share of the criteria with no evidence on the day that got some by the year's end."""
        return self.late / self.missing if self.missing else 0.0


def _one_off(metric: Metric) -> bool:
    """A thing done once (a document, a dialogue, an initiative, a form of communication), not an
    obligation that falls due anyway or a figure reported along the year."""
    return metric.kind in ("exists", "count", "sum") and metric.projection is None


class Context:
    """The evidence views of one prediction, with each metric computed once per view."""

    def __init__(
        self,
        cs: CriteriaSet,
        data: UnitYear,
        as_of: dt.date,
        detail: bool,
        index_keys: dict[str, str | None] | None = None,
        presume: bool = False,
        criteria: Sequence[tuple[str, tuple[str, ...]]] = (),
        as_is: bool = False,
    ) -> None:
        # Each (non-survey, applicable) criterion's id and the metrics it reads: what `activity` counts.
        self.criteria = criteria
        self.cs, self.data, self.as_of, self.detail, self.presume = cs, data, as_of, detail, presume
        self.index_keys = index_keys if index_keys is not None else index_keys_of(cs)
        self.final = as_of >= cs.cutoff
        # As is (predict.unit.PROJECTIONS): the evidence read as it stands on the day, as if nothing
        # were still to come: what is pending neither earns nor loses. `settled`: nothing to come.
        self.as_is = as_is
        self.settled = self.final or as_is
        what_if = data.evidence.hypothetical
        # One canonical order (date, then id; ids are unique), so no figure or list can depend on the
        # order of records in the files or of the files in the folder.
        now = sorted(
            (r for r in data.evidence.records if r.date <= as_of or (r.id in what_if and r.date <= cs.cutoff)),
            key=_canonical,
        )
        self.by_id = {r.id: r for r in data.evidence.records}
        self.unsupported = {r.id for r in data.evidence.records if not is_supported(r, data.evidence)}
        self.unsupported_types = {self.by_id[rid].type for rid in self.unsupported}
        supported = [r for r in now if r.id not in self.unsupported] if self.unsupported else now
        # Nothing from the future, last year's folder included: a record there dated after the as-of
        # date (or after last year's own cut-off) is not known yet.
        last_cut = last_year_cutoff(cs, as_of)
        last = sorted((r for r in data.last_year.records if r.date <= last_cut), key=_canonical)
        self.views = {"all": _by_type(now), "last": _by_type(last)}
        # The same day last year (`Development`): last year's evidence as it stood then, and on the
        # days before it that last year's development is also read on (`forecast.last_window_days`).
        self.last_day = min(metric_lib.shift(as_of, -1), last_cut)
        self.then_days = {"last_then": self.last_day}
        step, span = cs.forecast.burst_days, cs.forecast.last_window_days
        for k in range(1, span // step + 1):
            day = self.last_day - dt.timedelta(days=k * step)
            # A reading's pace is over a whole `window_days` of last year (none from its first weeks).
            if (day - dt.date(cs.year - 1, 1, 1)).days + 1 >= cs.forecast.window_days:
                self.then_days[f"last_then-{k}"] = day
        self._last_records = last
        # Most units have every record supported: then both views are one, computed once.
        self.same_views = len(supported) == len(now)
        self.views["supported"] = self.views["all"] if self.same_views else _by_type(supported)
        self.has_last_year = bool(last)
        self._cache: dict[tuple[str, str], metric_lib.MetricResult] = {}
        self._matched: dict[tuple[str, str], list[EvidenceRecord]] = {}
        self._supported_only: dict[str, bool] = {}
        self._indexes: dict[tuple[str, str, str], dict[object, list[EvidenceRecord]]] = {}
        self._record: dict[str, Record] = {}
        self._activity: Activity | None = None
        self._development: Development | None = None
        self._last_progress: dict[str, tuple[tuple[dt.date, float] | None, float] | None] = {}
        start = dt.date(cs.year, 1, 1)
        self.elapsed = max((as_of - start).days + 1, 1)
        self.span = max((cs.cutoff - start).days + 1, 1)

    def metric(self, name: str, view: str) -> metric_lib.MetricResult:
        asked = (name, view)
        found = self._cache.get(asked)
        if found is not None:  # a prediction asks for each metric a few times over
            return found
        if view == "supported" and (self.same_views or self._all_supported(name)):
            view = "all"
        key = (name, view)
        if key not in self._cache:
            definition = self.cs.metrics[name]
            records = self._matching(view, name)
            if view == "last":
                result = metric_lib.compute_matched(
                    definition, records, FAR_FUTURE, self.cs, final=True, year_offset=-1
                )
            elif view in self.then_days:
                result = metric_lib.compute_matched(
                    definition, records, self.then_days[view], self.cs, final=False, year_offset=-1
                )
            else:
                result = metric_lib.compute_matched(
                    definition,
                    records,
                    self.as_of,
                    self.cs,
                    final=self.final,
                    hypothetical=self.data.evidence.hypothetical,
                )
            self._cache[key] = result
        found = self._cache[asked] = self._cache[key]
        return found

    def record(self, view: str) -> Record:
        """The unit's obligations decided by the as-of date (`supported` view: this year's, on time
        counting only what the appraisal would take; `last`: last year's, all decided), over every
        obligation the set declares: the unit's own record, what its pending work is expected from."""
        found = self._record.get(view)
        if found is None:
            found = Record()
            for name, definition in self.cs.metrics.items():
                if isinstance(definition, ObligationMetric):
                    obligations = self.metric(name, view).obligations
                    if obligations is not None:
                        found.met += obligations.count("on_time")
                        found.decided += obligations.decided
            self._record[view] = found
        return found

    def activity(self) -> Activity:
        """How the unit's evidence has been coming in this year: how many of its (non-survey)
        criteria have evidence of work done by the as-of date, and how many of them had a one-off thing done
        (a document issued, a dialogue held, an initiative, a form of communication: not a report
        due anyway nor a progress figure) in the last `forecast.window_days`. Both only grow as
        records are added, so the forecast is monotone in its evidence. Once per prediction."""
        if self._activity is None:
            self._activity, _ = self._pace("supported", self.as_of, self.cs.cutoff, dt.date(self.cs.year, 1, 1))
        return self._activity

    def development(self) -> Development | None:
        """How last year went on from the same day (None without a last year): read once per
        prediction from last year's evidence alone, so nothing in it moves with this year's records."""
        if self._development is None and self.has_last_year:
            year = self.cs.year - 1
            end, start = metric_lib.shift(self.cs.cutoff, -1), dt.date(year, 1, 1)
            ended = {cid for cid, names in self.criteria if self._evidenced("last", names)}
            strength = self.cs.forecast.strength
            # Each reading: how far last year's pace on that day fell short of what came by its end
            # (what came weighing as that many criteria against the pace, at `strength`).
            shortfalls, readings = [], {}
            for view, day in self.then_days.items():
                reading, known = readings[view] = self._pace(view, day, end, start)
                came = (len(ended - known) + strength * reading.chance()) / (len(self.criteria) - len(known) + strength)
                shortfalls.append(came - reading.chance())
            then, evidenced = readings["last_then"]
            late = len(ended - evidenced)
            before, after = [0, 0], [0, 0]
            for name, definition in self.cs.metrics.items():
                if isinstance(definition, ObligationMetric):
                    obligations = self.metric(name, "last").obligations
                    for item in obligations.items if obligations is not None else ():
                        tally = before if item.due <= self.last_day else after
                        tally[0] += item.status == "on_time"
                        tally[1] += item.status != "pending"
            self._development = Development(
                late,
                len(self.criteria) - len(evidenced),
                then.chance(),
                (before[0], before[1]),
                (after[0], after[1]),
                math.fsum(shortfalls) / len(shortfalls),
            )
        return self._development

    def last_progress(self, name: str) -> tuple[tuple[dt.date, float] | None, float] | None:
        """A progress metric last year: its latest figure as of the same day (day, value; None if
        none was filed yet) and its figure at the year's end (None without one): how much of last
        year's final was there by the day. Once per metric and prediction."""
        if name not in self._last_progress:
            found = None
            if self.has_last_year:
                definition = self.cs.metrics[name]
                points = metric_lib.snapshots(definition, self.records("last", definition.type))
                if points:
                    then = metric_lib.snapshots(definition, self.records("last_then", definition.type))
                    found = (then[-1] if then else None, points[-1][1])
            self._last_progress[name] = found
        return self._last_progress[name]

    def _evidenced(self, view: str, names: tuple[str, ...]) -> bool:
        """Evidence of work done: a record with something in it (a plan with no task done, an
        indicator at zero, shows none)."""
        return any(self._matching(view, name) and self.metric(name, view).value > 0 for name in names)

    def _pace(self, view: str, as_of: dt.date, cutoff: dt.date, start: dt.date) -> tuple[Activity, set[str]]:
        """The unit's `Activity` on a view as of a day, and the criteria with evidence then."""
        forecast = self.cs.forecast
        elapsed = max((as_of - start).days + 1, 1)
        windows = sorted({min(forecast.window_days, elapsed), min(forecast.burst_days, elapsed)})
        latest: dict[int, int] = dict.fromkeys(windows, 0)
        evidenced: set[str] = set()
        for cid, names in self.criteria:
            if not self._evidenced(view, names):
                continue
            evidenced.add(cid)
            # The day of its latest one-off thing done: within which windows it falls.
            last = max(
                (r.date for name in names if _one_off(self.cs.metrics[name]) for r in self._matching(view, name)),
                default=None,
            )
            if last is not None:
                for window in windows:
                    latest[window] += last > as_of - dt.timedelta(days=window)
        # The faster of the two paces (over `window_days`, over `burst_days`): each only grows as
        # records are added, and so does the larger.
        window = max(windows, key=lambda w: (latest[w] / w, w))
        left = max(0, (cutoff - as_of).days)
        span = max((cutoff - start).days + 1, 1)
        activity = Activity(len(evidenced), len(self.criteria), latest[window], window, left, elapsed / span)
        return activity, evidenced

    def has_matching(self, view: str, name: str) -> bool:
        return bool(self._matching(view, name))

    def _matching(self, view: str, name: str) -> list[EvidenceRecord]:
        """The metric's matching records in the view, filtered once per prediction (the metric,
        `activity` and `has_matching` each read them)."""
        asked = (name, view)
        found = self._matched.get(asked)
        if found is not None:
            return found
        if view == "supported" and (self.same_views or self._all_supported(name)):
            view = "all"  # the very same records, in the same order
        key = (name, view)
        found = self._matched.get(key)
        if found is None:
            definition = self.cs.metrics[name]
            found = metric_lib.matching(definition, self._candidates(view, definition, self.index_keys[name]))
            self._matched[key] = found
        self._matched[asked] = found
        return found

    def _all_supported(self, name: str) -> bool:
        """Whether every record the metric could read is supported: then its supported view reads
        the very same records, in the same order, and is its whole view, computed once."""
        found = self._supported_only.get(name)
        if found is None:
            definition = self.cs.metrics[name]
            found = definition.type not in self.unsupported_types
            if not found:
                candidates = self._candidates("all", definition, self.index_keys[name])
                found = not any(r.id in self.unsupported for r in candidates)
            self._supported_only[name] = found
        return found

    def records(self, view: str, type_name: str) -> list[EvidenceRecord]:
        if view not in self.views and view in self.then_days:
            day = self.then_days[view]
            self.views[view] = _by_type([r for r in self._last_records if r.date <= day])
        return self.views[view].get(type_name, [])

    def _candidates(self, view: str, definition: Metric, key: str | None) -> list[EvidenceRecord]:
        """The records of the metric's type, narrowed by an index on its first `where: {field: value}`
        (`key`: indicators by name, documents by kind): metrics.compute still applies the whole filter."""
        records = self.records(view, definition.type)
        if key is None:
            return records
        slot = (view, definition.type, key)
        if slot not in self._indexes:
            index: dict[object, list[EvidenceRecord]] = defaultdict(list)
            for record in records:
                value = getattr(record, key, None)
                index[value.value if isinstance(value, Enum) else value].append(record)
            self._indexes[slot] = index
        return self._indexes[slot].get(definition.where[key], [])


# A record's place in the canonical order: (date, id), read by C rather than a Python call per record.
_canonical = attrgetter("date", "id")


def _by_type(records: Sequence[EvidenceRecord]) -> dict[str, list[EvidenceRecord]]:
    grouped: dict[str, list[EvidenceRecord]] = defaultdict(list)
    for record in records:
        grouped[record.type].append(record)
    return grouped

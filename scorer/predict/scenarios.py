"""A metric in three scenarios and the spread of its expected value (docs/contract.md 3).

Every obligation and every value a criterion reads is, as of the date, in one of three states:
met by evidence dated by then; missed (its deadline has passed without it); or pending (its deadline
is ahead and nothing says it is met). A pending one is met with a stated chance (`Chance`), worked
out from what is known as of the date, most specific first: the unit's own record this year, its
record last year for the same metric, and only then the criteria set's `forecast.prior`.

- `low`: nothing more is done (pending obligations missed, values stay as they are) and whatever
  can still go wrong without anyone's act does (a level indicator can fall, a violation can be found).
- `high`: everything still possible is done.
- `outcomes`: the values the metric may end at, with their weights; `expected` is their mean.

No value is presumed met without evidence: a value nothing has recorded counts what it is (none),
and only the chance of its being done lifts its expected.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from scorer import metrics as metric_lib
from scorer.models.criteria import Criterion, Metric
from scorer.scoring import Kind
from scorer.predict.context import Context
from scorer.scoring import best_value, worst_value

Outcomes = tuple[tuple[float, float], ...]
# Enumerating every count of pending obligations met is exact and cheap up to this many; past it the
# binomial is folded onto as many evenly spaced counts.
MAX_OUTCOMES = 12


@dataclass(frozen=True, slots=True)
class Chance:
    """The chance that pending work is done in time, and what it rests on (`how.chance.<source>`)."""

    p: float
    source: str
    params: dict[str, float | int]


@dataclass(slots=True)
class Scenarios:
    low: float
    expected: float
    high: float
    basis: str
    params: dict[str, float | int] = field(default_factory=dict)
    outcomes: Outcomes = ()
    chance: Chance | None = None

    def values(self) -> tuple[float, float, float]:
        return (self.low, self.expected, self.high)

    def spread(self) -> Outcomes:
        return self.outcomes or ((self.expected, 1.0),)


def certain(low: float, expected: float, high: float, basis: str, params: dict[str, float | int]) -> Scenarios:
    return Scenarios(low, expected, high, basis, params)


def uncertain(
    low: float, high: float, outcomes: Outcomes, basis: str, params: dict[str, float | int], chance: Chance
) -> Scenarios:
    merged: dict[float, float] = {}
    for value, weight in outcomes:
        if weight > 0:
            merged[value] = merged.get(value, 0.0) + weight
    spread = tuple(sorted(merged.items()))
    expected = math.fsum(v * w for v, w in spread)
    expected = min(max(expected, min(low, high)), max(low, high))
    params = {**params, **chance.params, "chance": chance.p}
    return Scenarios(low, expected, high, basis, params, spread, chance)


def chance(
    ctx: Context,
    own: tuple[int, int] | None = None,
    last: tuple[float, int] | None = None,
    started: bool = True,
) -> Chance:
    """Most specific last: the set's prior, moved by the unit's record last year for this metric
    (`last`: met, decided), then by its record this year over every obligation, then by this
    metric's own obligations decided this year (`own`: met, decided). Each estimate weighs as
    `strength` obligations against the next, narrower one. Where the unit has a last year, how its
    year went on from the same day (`Context.development`) corrects the estimate by
    `forecast.last_pace`: nothing in the correction moves with this year's records."""
    if ctx.presume:
        return Chance(1.0, "presumed", {})
    forecast = ctx.cs.forecast
    strength = forecast.strength
    p, source = forecast.prior, "prior"
    params: dict[str, float | int] = {"prior": forecast.prior}
    development = ctx.development() if forecast.last_pace else None
    if not started and development is not None and development.missing:
        # Work with no evidence yet, last year: the share of the criteria with none on the same day
        # that got some by the year's end, weighing as `last_pace` x that many against the prior.
        weight = forecast.last_pace * development.missing
        p = (weight * development.share() + strength * p) / (weight + strength)
        params.update(then_late=development.late, then_missing=development.missing)
    if last is not None and last[1]:
        p = (last[0] + strength * p) / (last[1] + strength)
        source = "last_year"
        params.update(last_met=last[0], last_decided=last[1])
    if not started:
        # Work with no evidence yet: at the unit's recent pace of one-off work this year, which
        # weighs the more the more of the year is gone (as `strength` x gone / left), against its
        # record last year for the same thing (else the prior). Fixed weights: monotone in the evidence.
        activity = ctx.activity()
        gone = min(activity.elapsed, 0.95)
        weight = strength * gone / (1 - gone)
        pace = activity.chance()
        if development is not None:
            # Corrected by how far the same reading fell short of (or beyond) what came last year
            # (`Development.shortfall`: read on the same day and on the days before it within
            # `last_window_days`, as a unit's timing moves by weeks from year to year): a unit that
            # rushed at the year's end last year is expected to rush again, even if its rush began a
            # few weeks earlier then; one that stopped, to stop. A constant added to this year's
            # pace, read from last year alone: still monotone in this year's records.
            pace = min(1.0, max(0.0, pace + forecast.last_pace * development.shortfall))
            if development.missing:
                params.update(then_late=development.late, then_missing=development.missing, then_pace=development.then)
        p = (pace * weight + p * strength) / (weight + strength)
        params.update(
            evidenced=activity.evidenced, criteria=activity.criteria, recent=activity.recent, window=activity.window
        )
        source = "last_pace" if development is not None and development.missing else "activity"
        ceiling = forecast.ceiling
        if last is not None and last[0] >= last[1] and development is not None and development.missing:
            # The unit's own record of doing this very thing late: last year it had no evidence on
            # this day either (else `last` is None) and got some by the year's end. Work with no
            # evidence may then be expected up to the share of last year's criteria missing that day
            # that came by the end, never above `late_ceiling`: read from last year alone, so still
            # monotone in this year's records.
            lifted = min(max(forecast.late_ceiling, ceiling), development.share())
            if lifted > ceiling and p > ceiling:
                ceiling = lifted
                params["late_ceiling"] = lifted
        return Chance(min(p, ceiling), source, params)
    unit = ctx.record("supported")
    if unit.decided:
        p = (unit.met + strength * p) / (unit.decided + strength)
        source = "this_year"
        params.update(unit_met=unit.met, unit_decided=unit.decided)
    if own is not None and own[1]:
        p = (own[0] + strength * p) / (own[1] + strength)
        source = "this_year_own"
        params.update(own_met=own[0], own_decided=own[1])
    if development is not None and development.before[1] and development.after[1]:
        # Last year, the unit's on-time rate for obligations due after the same day against its rate
        # for those due by it (each weighed against the prior): a unit whose record fell away in the
        # rest of last year is expected to fall away again. A constant added: monotone in this year.
        (met_before, before), (met_after, after) = development.before, development.after
        rate_before = (met_before + strength * forecast.prior) / (before + strength)
        rate_after = (met_after + strength * forecast.prior) / (after + strength)
        p = min(1.0, max(0.0, p + forecast.last_pace * (rate_after - rate_before)))
        source = "last_pace_due"
        params.update(before_met=met_before, before_decided=before, after_met=met_after, after_decided=after)
    return Chance(p, source, params)


def binomial(n: int, p: float) -> list[tuple[float, float]]:
    """(share of n met, weight): the binomial over n pending obligations each met with chance p."""
    if n <= 0:
        return [(1.0, 1.0)]
    weights = [math.comb(n, k) * p**k * (1 - p) ** (n - k) for k in range(n + 1)]
    if n <= MAX_OUTCOMES:
        return [(k / n, w) for k, w in enumerate(weights)]
    folded: dict[float, float] = {}
    for k, w in enumerate(weights):
        slot = round(k * MAX_OUTCOMES / n) / MAX_OUTCOMES
        folded[slot] = folded.get(slot, 0.0) + w
    return sorted(folded.items())


def obligation_scenarios(
    ctx: Context,
    rule: Kind,
    definition: Metric,
    name: str,
    supported: metric_lib.Obligations,
    everything: metric_lib.Obligations,
) -> Scenarios:
    """Obligations met, missed or pending: pending ones missed in `low`, met in `high`, and in the
    expected spread each met with the unit's chance."""
    own = (supported.count("on_time"), supported.decided)
    last = None
    if ctx.has_last_year:
        before = ctx.metric(name, "last").obligations
        if before is not None:
            last = (float(before.count("on_time")), before.decided)
    odds = chance(ctx, own, last)
    kind, empty = definition.kind, definition.empty
    pending = everything.count("pending")
    params: dict[str, float | int] = {s: everything.count(s) for s in metric_lib.STATUSES}
    params["total"] = len(everything.items)
    shares = binomial(supported.count("pending"), odds.p)
    # A rule that reads its obligations' levels itself (on time / late / missing) gives them per share met.
    levels = rule.obligation_levels(supported, everything, 0.0)
    if levels is not None:
        low, high = levels[0], levels[2]
        spread = [(_middle(rule.obligation_levels(supported, everything, share)), w) for share, w in shares]
    else:
        low, high = supported.value(kind, 0.0, empty), everything.value(kind, 1.0, empty)
        spread = [(supported.value(kind, share, empty), w) for share, w in shares]
    if not pending:
        return certain(low, low, high, "obligations", params)
    if ctx.as_is:
        # As it stands: a pending obligation is neither lost nor earned. A count of misses leaves it
        # out; a share or level of obligations met is read over those decided so far, and earns
        # nothing while none is.
        if kind == "missed_count":
            now = supported.value(kind, 1.0, empty)
        else:
            decided = supported.decided_only() if supported.decided else supported
            if levels is not None:
                now = _middle(rule.obligation_levels(decided, decided, 0.0))
            else:
                now = decided.value(kind, 0.0, empty)
        return certain(low, now, high, "obligations", params)
    return uncertain(low, high, tuple(spread), "obligations_pending", params, odds)


def _middle(levels: tuple[float, float, float] | None) -> float:
    assert levels is not None  # the rule gave levels for no share met: it gives them for any
    return levels[1]


def value_scenarios(
    ctx: Context,
    criterion: Criterion,
    definition: Metric,
    name: str,
    deadline: dt.date,
    rising: bool,
    target: float | None,
) -> Scenarios:
    """A value (a count, a share, a document's existence, an indicator) in the three scenarios."""
    supported = ctx.metric(name, "supported")
    everything = ctx.metric(name, "all")
    # Nothing recorded is nothing known: a value with no record is none, whatever the metric's
    # `empty` (which stands for "nothing to divide by" among records that exist, as an inspection
    # with no findings to resolve).
    recorded = bool(supported.record_ids) or ctx.has_matching("supported", name)
    now = supported.value if recorded or not rising else 0.0
    top = everything.value if everything.record_ids or not rising else 0.0
    pending = not ctx.settled and deadline >= ctx.as_of
    if not pending:
        # Never filed (no record at all, supported or not): unknown, scored as nothing, but not a
        # figure of 0 to show the reader.
        filed = not rising or recorded or bool(everything.record_ids) or ctx.has_matching("all", name)
        return certain(now, now, top, "to_date" if filed else "not_filed", {"value": now})
    if not rising:
        return _lower_is_better(ctx, criterion, definition, name, now, top, recorded)
    full = target if target is not None else max(now, top)
    high = max(top, full)
    if now >= full:
        # Reached. A level indicator (a share of the year's dossiers) can still fall: `low` is the
        # share it keeps if every dossier left in the year goes wrong.
        low = now * ctx.elapsed / ctx.span if definition.projection == "level" else now
        return certain(min(low, now), now, high, "reached", {"value": now})
    if definition.projection == "level" and recorded:
        # A level indicator short of its mark stays where it stands, short of a change the unit makes,
        # and can still fall: `low` is the share it keeps if everything left in the year goes wrong.
        low = now * ctx.elapsed / ctx.span
        return certain(min(low, now), now, high, "level", {"value": now})
    # Done (at last year's value, else the mark) at the chance the pace of the unit's work this year
    # and its record last year give; else where its own pace leads, give or take half of what that
    # still adds (nothing moves a thing not started). Starting it never makes it less likely.
    odds = chance(ctx, last=_last_year(ctx, name, full), started=False)
    done = max(now, _last_value(ctx, name, full))
    projected, basis, params = now, ("pending" if recorded else "no_record"), {"value": now, "full": full}
    if recorded and now > 0:
        if definition.projection == "progress":
            paced = _progress(ctx, definition, name, now, deadline)
            if paced is not None:
                projected, params = paced
                basis = "progress_last_pace" if "last_final" in params else "progress"
        elif definition.kind in ("count", "sum"):
            projected = now * ctx.span / ctx.elapsed
            basis, params = "pace", {"value": now, "projected": projected}
    gain = max(0.0, min(projected, full) - now)
    # Done is never less than where its own pace leads (the mean of the two other outcomes): a
    # better chance of its being done never lowers the expected value.
    done = max(done, now + gain)
    rest = 1 - odds.p
    outcomes = ((done, odds.p), (now + gain / 2, rest / 2), (min(full, now + 3 * gain / 2), rest / 2))
    return uncertain(now, high, outcomes, basis, params, odds)


def _last_value(ctx: Context, name: str, full: float) -> float:
    """The value a thing not started this year is expected at once done: last year's, else the mark."""
    if ctx.has_last_year:
        before = ctx.metric(name, "last")
        if before.record_ids:
            return min(before.value, full)
    return full


def _lower_is_better(
    ctx: Context, criterion: Criterion, definition: Metric, name: str, now: float, top: float, recorded: bool
) -> Scenarios:
    """Less is better (violations, staff over quota). Violations counted: what is recorded is what
    the appraisal will find, absence is none found (the decision's own rule), and `low` allows for
    as many still to be found as take every point. A lower-is-better reading not yet filed is pending like any value."""
    worst = worst_value(criterion)
    best = best_value(criterion)
    if definition.kind in ("count", "sum"):
        return certain(max(worst, now), now, top, "violations", {"value": now})
    if recorded:
        return certain(max(worst, now), now, min(now, best), "level", {"value": now})
    odds = chance(ctx, last=_last_year_low(ctx, name, best), started=False)
    return uncertain(worst, best, ((best, odds.p), (worst, 1 - odds.p)), "no_record", {"value": now}, odds)


def _last_year(ctx: Context, name: str, full: float) -> tuple[float, int] | None:
    """Whether last year's evidence, read with this year's set, reached the value for full points.
    Where last year's timing is read (`forecast.last_pace`), one reached by the same day last year
    says nothing of what is still to come this year beyond the unit's pace (None): only one reached
    after that day (it came late) or never counts."""
    if not ctx.has_last_year:
        return None
    before = ctx.metric(name, "last")
    if not (before.record_ids and before.value >= full):
        return (0.0, 1)
    if ctx.cs.forecast.last_pace:
        then = ctx.metric(name, "last_then")
        if then.record_ids and then.value >= full:
            return None
    return (1.0, 1)


def _last_year_low(ctx: Context, name: str, best: float) -> tuple[float, int] | None:
    if not ctx.has_last_year:
        return None
    before = ctx.metric(name, "last")
    if not before.record_ids:
        return (0.0, 1)
    return (1.0 if before.value <= best else 0.0, 1)


def _progress(
    ctx: Context, definition: Metric, name: str, now: float, deadline: dt.date
) -> tuple[float, dict[str, float | int]] | None:
    """A progress share projected to its deadline at the unit's pace since the year began, bounded by
    100%; none once the unit has reported no figure for `forecast.quiet_days`. None while no
    progress is recorded. Only the latest figure and its day count, so a figure added with an
    earlier day never moves it (the forecast stays monotone in its evidence: a pace measured from
    an earlier figure would rise when a lower earlier figure, a miss, is added). Where last year
    had the figure, the projection is corrected by how far the same projection on the same day
    last year fell short of (or beyond) last year's final (`forecast.last_pace`)."""
    snapshots = metric_lib.snapshots(definition, ctx.records("supported", definition.type))
    if not snapshots or now <= 0:
        return None
    day, value = snapshots[-1]
    start = dt.date(ctx.cs.year, 1, 1)
    paced = _paced(ctx, day, value, start, ctx.as_of, min(deadline, ctx.cs.cutoff))
    if paced is None:
        return None
    projected, days = paced
    params: dict[str, float | int] = {"value": value, "days": days}
    forecast = ctx.cs.forecast
    last = ctx.last_progress(name) if forecast.last_pace else None
    if last is not None and last[0] is not None and last[0][1] > 0:
        # Last year's development from the same day (an actuary's chain ladder): its final over its
        # figure that day, applied to this year's figure, weighing `last_pace` against this year's
        # pace. Only where last year had reported some progress by then, as this year's projection
        # needs some: a figure not yet filed, or a plan filed with nothing done, is no figure of the
        # pace. A ratio of last year's figures times this year's: monotone in this year's.
        then, final = last[0][1], last[1]
        developed = value * max(1.0, final / then)
        projected = (1 - forecast.last_pace) * projected + forecast.last_pace * developed
        params.update(last_then=then, last_final=final)
    projected = min(max(1.0, value), max(value, projected))
    params["projected"] = projected
    return projected, params


def _paced(
    ctx: Context, day: dt.date, value: float, start: dt.date, as_of: dt.date, deadline: dt.date
) -> tuple[float, int] | None:
    """A figure of `value` on `day` carried to `deadline` at its pace since `start` (none once it is
    `forecast.quiet_days` old on `as_of`), and the days that pace is measured over."""
    days = (day - start).days
    if days <= 0:
        return None
    slope = value / days
    if (as_of - day).days > ctx.cs.forecast.quiet_days:
        slope = 0.0  # gone quiet: no figure for a whole window
    left = max(0, (deadline - day).days)
    return value + slope * left, days

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
    expected = sum(v * w for v, w in spread)
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
    `strength` obligations against the next, narrower one."""
    if ctx.presume:
        return Chance(1.0, "presumed", {})
    forecast = ctx.cs.forecast
    strength = forecast.strength
    p, source = forecast.prior, "prior"
    params: dict[str, float | int] = {"prior": forecast.prior}
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
        p = (activity.chance() * weight + p * strength) / (weight + strength)
        params.update(
            evidenced=activity.evidenced, criteria=activity.criteria, recent=activity.recent, window=activity.window
        )
        return Chance(min(p, forecast.ceiling), "activity", params)
    unit = ctx.record("supported")
    if unit.decided:
        p = (unit.met + strength * p) / (unit.decided + strength)
        source = "this_year"
        params.update(unit_met=unit.met, unit_decided=unit.decided)
    if own is not None and own[1]:
        p = (own[0] + strength * p) / (own[1] + strength)
        source = "this_year_own"
        params.update(own_met=own[0], own_decided=own[1])
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
    pending = not ctx.final and deadline >= ctx.as_of
    if not pending:
        return certain(now, now, top, "to_date", {"value": now})
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
            paced = _progress(ctx, definition, now, deadline)
            if paced is not None:
                projected, basis, params = paced[0], "progress", paced[1]
        elif definition.kind in ("count", "sum"):
            projected = now * ctx.span / ctx.elapsed
            basis, params = "pace", {"value": now, "projected": projected}
    gain = max(0.0, min(projected, full) - now)
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
    """Whether last year's evidence, read with this year's set, reached the value for full points."""
    if not ctx.has_last_year:
        return None
    before = ctx.metric(name, "last")
    return (1.0 if before.record_ids and before.value >= full else 0.0, 1)


def _last_year_low(ctx: Context, name: str, best: float) -> tuple[float, int] | None:
    if not ctx.has_last_year:
        return None
    before = ctx.metric(name, "last")
    if not before.record_ids:
        return (0.0, 1)
    return (1.0 if before.value <= best else 0.0, 1)


def _progress(
    ctx: Context, definition: Metric, now: float, deadline: dt.date
) -> tuple[float, dict[str, float | int]] | None:
    """A progress share projected to its deadline at the unit's pace since the year began, bounded by
    100%; none once the unit has reported no figure for `forecast.quiet_days`. None while no
    progress is recorded. Only the latest figure and its day count, so a figure added with an
    earlier day never moves it (the forecast stays monotone in its evidence: a pace measured from
    an earlier figure would rise when a lower earlier figure, a miss, is added)."""
    snapshots = metric_lib.snapshots(definition, ctx.records("supported", definition.type))
    if not snapshots or now <= 0:
        return None
    day, value = snapshots[-1]
    days = (day - dt.date(ctx.cs.year, 1, 1)).days
    if days <= 0:
        return None
    slope = value / days
    if (ctx.as_of - day).days > ctx.cs.forecast.quiet_days:
        slope = 0.0  # gone quiet: no figure for a whole window
    left = max(0, (min(deadline, ctx.cs.cutoff) - day).days)
    projected = min(max(1.0, value), value + slope * left)
    return projected, {"value": value, "projected": projected, "days": days}

"""A closed year's track record: the forecast replayed as of every month end and every calendar
deadline, each on the evidence dated up to that day, and held against the final score at the
cut-off (and the published result where known).

One engine and each unit's evidence loaded once serve every day of the replay; `predict_unit` cuts
the evidence at each as-of date itself.
"""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal

from scorer.models.criteria import CriteriaSet
from scorer.models.prediction import UnitPrediction
from scorer.models.track import QuarterError, TrackPoint, TrackRow, TrackSummary, UnitTrack, measure
from scorer.scoring import exact

# Expected is "known" once it stays this close to the final.
KNOWN_WITHIN = Decimal(1)
# The days a track record is summed up on: the ends of the first three quarters, and the last month
# end before the cut-off (at the cut-off itself the forecast is the final by construction).
QUARTER_ENDS = ((3, 31), (6, 30), (9, 30), (11, 30))


def as_of_dates(cs: CriteriaSet) -> list[dt.date]:
    """Every month end of the year and every calendar deadline, up to and including the cut-off."""
    start = dt.date(cs.year, 1, 1)
    days = {dt.date(cs.year, m, calendar.monthrange(cs.year, m)[1]) for m in range(1, 13)}
    days |= set(cs.calendar.values())
    return sorted(d for d in days | {cs.cutoff} if start <= d <= cs.cutoff) or [cs.cutoff]


def summarise(
    cs: CriteriaSet, predictions: list[UnitPrediction], projection: str
) -> tuple[TrackSummary, list[TrackPoint], float]:
    """The points of one replay and what they add up to; the last prediction is at the cut-off."""
    final = measure(predictions[-1])[1].expected
    names: dict[dt.date, list[str]] = {}
    for name, day in sorted(cs.calendar.items()):
        names.setdefault(day, []).append(name)
    points = []
    for p in predictions:
        figure = measure(p)[1]
        error = float(exact(figure.expected) - exact(final))
        likely = likely_range(figure)
        points.append(
            TrackPoint(
                as_of=p.as_of,
                low=figure.low,
                expected=figure.expected,
                high=figure.high,
                deadlines=names.get(p.as_of, []),
                error=error,
                within=figure.low <= final <= figure.high,
                likely_low=likely[0] if likely else None,
                likely_high=likely[1] if likely else None,
                at_risk=[r.criterion for r in p.risks],
            )
        )
    by_quarter = []
    for quarter in range(1, 5):
        errors = [abs(exact(pt.expected) - exact(final)) for pt in points if (pt.as_of.month - 1) // 3 + 1 == quarter]
        mae = float(round(sum(errors, Decimal(0)) / len(errors), 2)) if errors else None
        by_quarter.append(QuarterError(quarter=quarter, points=len(errors), mae=mae))
    every = [abs(exact(pt.expected) - exact(final)) for pt in points]
    known_by = None
    for pt, err in zip(reversed(points), reversed(every)):
        if err > KNOWN_WITHIN:
            break
        known_by = pt.as_of
    summary = TrackSummary(
        projection=projection,
        mae=float(round(sum(every, Decimal(0)) / len(every), 2)),
        coverage=round(sum(1 for pt in points if pt.within) / len(points), 4),
        by_quarter=by_quarter,
        known_by=known_by,
    )
    return summary, points, final


def track_unit(
    cs: CriteriaSet,
    predictions: list[UnitPrediction],
    published: float | None,
    projection: str,
    baseline: list[UnitPrediction] | None = None,
) -> UnitTrack:
    summary, points, final = summarise(cs, predictions, projection)
    last = predictions[-1]
    kind, figure = measure(last)
    band = cs.classify(figure.expected)
    return UnitTrack(
        unit=last.unit,
        unit_name=last.unit_name,
        year=last.year,
        criteria_set=last.criteria_set,
        measure=kind,
        final=final,
        final_class=band.name if band else None,
        published=published if kind == "total" else None,
        points=points,
        coverage=summary.coverage,
        mae=summary.mae,
        summary=summary,
        baseline=summarise(cs, baseline, "presumed")[0] if baseline else None,
        below_max=[c.id for c in last.criteria if c.status != "not_applicable" and c.expected < c.max],
    )


def likely_range(figure: object) -> tuple[float, float] | None:
    """The figure's calibrated range (`likely`: its 10th and 90th percentiles), where it has one."""
    likely = getattr(figure, "likely", None)
    if likely is None:
        return None
    if isinstance(likely, dict):
        low, high = likely.get("low"), likely.get("high")
    else:
        low, high = getattr(likely, "low", None), getattr(likely, "high", None)
    return (float(low), float(high)) if low is not None and high is not None else None


def quarter_days(year: int) -> list[dt.date]:
    return [dt.date(year, month, day) for month, day in QUARTER_ENDS]


def scorecard(units: list[UnitTrack], days: list[dt.date] | None = None) -> list[TrackRow]:
    """How the forecast did over `units` (all of one year) as of each of `days` (the quarter ends)."""
    if not units:
        return []
    rows = []
    for day in days or quarter_days(units[0].year):
        pairs = [(u, p) for u in units for p in u.points if p.as_of == day]
        if not pairs:
            continue
        errors = [exact(p.expected) - exact(u.final) for u, p in pairs]
        likely = [
            (u.final, p.likely_low, p.likely_high)
            for u, p in pairs
            if p.likely_low is not None and p.likely_high is not None
        ]
        below = sum(len(u.below_max) for u, _ in pairs)
        listed = sum(len(p.at_risk) for _, p in pairs)
        hits = sum(len(set(p.at_risk) & set(u.below_max)) for u, p in pairs)
        rows.append(
            TrackRow(
                as_of=day,
                units=len(pairs),
                mae=_mean([abs(e) for e in errors]),
                bias=_mean(errors),
                likely_coverage=_share(sum(1 for final, lo, hi in likely if lo <= final <= hi), len(likely)),
                likely_width=_mean([exact(hi) - exact(lo) for _, lo, hi in likely]) if likely else None,
                band_coverage=_share(sum(1 for _, p in pairs if p.within), len(pairs)) or 0.0,
                band_width=_mean([exact(p.high) - exact(p.low) for _, p in pairs]),
                recall=_share(hits, below),
                precision=_share(hits, listed),
            )
        )
    return rows


def _mean(values: list[Decimal]) -> float:
    return float(round(sum(values, Decimal(0)) / len(values), 2))


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None

"""A unit's sums: each area, component, node and the total from its criteria's rounded points, the
likely range of each sum, what the evidence secures, the bonus and penalty blocks and the
satisfaction index (docs/contract.md 3 and 8)."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from scorer.models.criteria import Adjustment, Component, CriteriaSet
from scorer.models.evidence import Official
from scorer.models.inputs import UnitYear
from scorer.models.prediction import (
    SCENARIOS,
    AdjustmentLine,
    AdjustmentResult,
    AreaResult,
    Classes,
    ComponentResult,
    CriterionResult,
    Figure,
    Index,
    Known,
    Likely,
    NodeResult,
    SatisfactionIndex,
    Total,
)
from scorer.models.scored import ScoredUnit
from scorer.predict.compiled import Scoring
from scorer.predict.context import Context
from scorer.scoring import CENT, exact, round_points, total
from scorer.scoring.points import in_hundredths as hundredths


def known_official(data: UnitYear, cs: CriteriaSet, as_of: dt.date) -> Official | None:
    """Last year's published results, once they are published by the as-of date (and only where
    they were scored on this set's frame: a unit that changed sets has none to compare with)."""
    official = data.last_official
    if official is None or official.year != cs.year - 1 or not cs.compares_with(official):
        return None
    return official if official.published_by(as_of) else None


def assemble(
    cs: CriteriaSet,
    label: str,
    data: UnitYear,
    ctx: Context,
    results: list[CriterionResult],
    spreads: dict[str, float],
    run: Scoring,
) -> ScoredUnit:
    """The unit's sums and its scored whole; `results` are its criteria's, in the run's order
    (`run.criteria`), which says which sums each goes into."""
    official = known_official(data, cs, ctx.as_of)

    # One pass: each criterion's rounded points added, exactly (in whole hundredths), to its area,
    # its component and the total; and its spread, to work out each sum's likely range.
    cents: dict[str, list[int]] = defaultdict(lambda: [0] * 5)
    spread: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for r, compiled in zip(results, run.criteria, strict=True):
        # The applicable maximum: a row that does not apply counts 0 (issue 10).
        low, expected, high, top, secure = (
            hundredths(r.low),
            hundredths(r.expected),
            hundredths(r.high),
            hundredths(r.max),
            hundredths(r.secured),
        )
        sd = spreads[r.id]
        for key in compiled.sums:
            into = cents[key]
            into[0] += low
            into[1] += expected
            into[2] += high
            into[3] += top
            into[4] += secure
            if sd:
                moments = spread[key]
                moments[0] += sd * sd
                moments[1] += sd
    # Each sum as the exact decimal it is (a float of it is the nearest to that exact value).
    sums: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal(0)] * 5)
    sums.update((key, [Decimal(c).scaleb(-2) for c in into]) for key, into in cents.items())
    rho, z = cs.forecast.correlation, run.z

    def figure(key: str) -> dict[str, Any]:
        """The sum's figures, in a result's field order (Out.build's quick path)."""
        low, expected, high, maximum, _ = sums[key]
        return {"max": float(maximum), "low": float(low), "expected": float(expected), "high": float(high)}

    def likely(key: str, figures: dict[str, Any]) -> Likely:
        """The 10th and 90th percentiles (at `forecast.likely` 0.8) of a sum of outcomes that move
        together by `forecast.correlation`: a normal approximation, held within the bounds."""
        low, expected, high = figures["low"], figures["expected"], figures["high"]
        variance, sd_sum = spread[key] if key in spread else (0.0, 0.0)
        sd = math.sqrt((1 - rho) * variance + rho * sd_sum * sd_sum)
        return Likely.build(
            low=float(_cents(max(low, expected - z * sd))), high=float(_cents(min(high, expected + z * sd)))
        )

    areas = []
    for area in cs.areas:
        numbers = figure(area.id)
        areas.append(
            AreaResult.build(
                **numbers,
                id=area.id,
                title=area.title,
                title_en=area.title_en,
                last_year=official.areas.get(area.id) if official else None,
                likely=likely(area.id, numbers),
            )
        )
    components = []
    for component in Component:
        key = "component:" + component.value
        numbers = figure(key)
        components.append(
            ComponentResult.build(
                **numbers,
                id=component.value,
                title=cs.components[component].title,
                title_en=cs.components[component].title_en,
                last_year=getattr(official.components, component.value) if official else None,
                likely=likely(key, numbers),
            )
        )
    totals = figure("total")
    totals["likely"] = likely("total", totals)
    bonus = _adjustment(ctx, cs.bonus, "supported") if cs.bonus else None
    penalty = _adjustment(ctx, cs.penalty, "all") if cs.penalty else None
    blocks = [(cs.bonus, bonus, 1), (cs.penalty, penalty, -1)]

    def extra(scenario: str, adds_to: str) -> Decimal:
        return sum(
            (
                sign * exact(getattr(got, scenario))
                for spec, got, sign in blocks
                if spec and got and spec.adds_to == adds_to
            ),
            Decimal(0),
        )

    for s in SCENARIOS:
        totals[s] = float(exact(totals[s]) + extra(s, "points"))
    shift_low, shift_high = extra("low", "points"), extra("high", "points")
    totals["likely"] = Likely.model_construct(
        low=float(exact(totals["likely"].low) + shift_low), high=float(exact(totals["likely"].high) + shift_high)
    )
    index = {s: float(exact(_percent(totals[s], totals["max"])) + extra(s, "index")) for s in SCENARIOS}
    on = index if cs.classes_on == "index" else totals
    classes_met: dict[str, Any] = {s: (band.name if (band := cs.classify(on[s])) else None) for s in SCENARIOS}
    secured = float(sums["total"][4])
    known = Known.model_construct(
        secured=secured,
        forecast=float(exact(totals["expected"]) - exact(secured)),
        no_evidence=sum(1 for r in results if r.no_evidence),
        criteria=sum(1 for r in results if r.status != "not_applicable"),
    )
    whole = Total.model_construct(
        **totals,
        last_year=official.total if official else None,
        class_=Classes.model_construct(**classes_met),
        known=known,
    )
    return ScoredUnit(
        unit=data.unit.id,
        unit_name=data.unit.name,
        year=cs.year,
        as_of=ctx.as_of,
        criteria_set=label,
        final=ctx.final,
        hypothetical=sorted(data.evidence.hypothetical),
        total=whole,
        components=components,
        areas=areas,
        criteria=results,
        classes=run.classes,
        satisfaction=_satisfaction(cs, official, results),
        provenance=run.provenance,
        index=Index.build(**index),
        bonus=bonus,
        penalty=penalty,
        nodes=[
            NodeResult.build(
                id=node.id,
                title=node.title,
                title_en=node.title_en,
                area=cs.area_of(node.id),
                **figure("node:" + node.id),
            )
            for node in cs.nodes()
        ],
    )


def _cents(value: float) -> Decimal:
    return Decimal(repr(value)).quantize(CENT, rounding=ROUND_HALF_UP)


def _percent(points_: float, maximum: float) -> float:
    if maximum <= 0:
        return 0.0
    return float((exact(points_) * 100 / exact(maximum)).quantize(CENT, rounding=ROUND_HALF_UP))


def _adjustment(ctx: Context, block: Adjustment, view: str) -> AdjustmentResult:
    """Bonus lines count documented records (high: every record); penalty lines count every record
    of a violation, documented or not. The block is capped at its `max`."""
    lines = []
    for item in block.items:
        low = ctx.metric(item.metric, view).value * item.points
        high = ctx.metric(item.metric, "all").value * item.points if view == "supported" else low
        lines.append(
            AdjustmentLine.build(
                id=item.id,
                title=item.title,
                title_en=item.title_en,
                low=float(round_points(exact(low), 1000)),
                expected=float(round_points(exact(low), 1000)),
                high=float(round_points(exact(high), 1000)),
                evidence=sorted(ctx.metric(item.metric, "all").record_ids),
            )
        )
    cap = block.max if block.max is not None else 1000.0
    sums = {s: float(round_points(exact(total([getattr(x, s) for x in lines])), cap)) for s in SCENARIOS}
    return AdjustmentResult.build(title=block.title, title_en=block.title_en, max=block.max, items=lines, **sums)


def _satisfaction(
    cs: CriteriaSet, official: Official | None, results: list[CriterionResult]
) -> SatisfactionIndex | None:
    """The satisfaction index's line, when the criteria set names the criteria it drives."""
    if cs.satisfaction is None:
        return None
    driven = [r for r in results if r.id in cs.satisfaction.criteria]
    top = math.fsum(r.max for r in driven)
    if not driven or not top:
        return None
    points = {"max": top, **{s: total([getattr(r, s) for r in driven]) for s in SCENARIOS}}
    last = official.satisfaction if official else None
    return SatisfactionIndex.build(
        criteria=[r.id for r in driven],
        last_year=last.index if last else None,
        last_rank=last.rank if last else None,
        last_of=last.of if last else None,
        **{s: round(100 * points[s] / top, 1) for s in SCENARIOS},
        basis=driven[0].survey_basis,
        points=Figure.build(**points),
    )

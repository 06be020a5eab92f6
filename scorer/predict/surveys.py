"""Survey rows, which the unit cannot self-score: the year's official share once recorded, else an
estimate (this year's internal survey, then last year's official share, then the set's prior) with
its interval. `high` is a full share, what a survey can return; `low` is the estimate less the set's
`bound_margin`, below its interval; the expected spread is the interval's (a standard deviation of
half its width over z)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

from scorer.models.criteria import Criterion
from scorer.scoring import kinds
from scorer.models.evidence import EvidenceRecord, Survey
from scorer.predict.context import Context
from scorer.predict.scenarios import Scenarios


def wilson(share: float, n: int, z: float) -> tuple[float, float]:
    """The Wilson score interval for a share observed among n respondents."""
    denominator = 1 + z * z / n
    centre = (share + z * z / (2 * n)) / denominator
    half = z * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def survey(ctx: Context, criterion: Criterion) -> tuple[Scenarios, str, list[str]]:
    rule = kinds.Survey.of(criterion)
    defaults = ctx.cs.surveys

    def records(pool: Sequence[EvidenceRecord], source: str) -> list[Survey]:
        found = [
            r
            for r in pool
            if isinstance(r, Survey)
            and r.share is not None
            and r.criterion == criterion.id
            and r.instrument.value == rule.instrument
            and r.source.value == source
        ]
        return sorted(found, key=lambda r: (r.date, r.id))

    instrument = defaults.instruments.get(rule.instrument)
    if instrument is not None:
        asked = {q for q, question in instrument.questions.items() if criterion.id in question.criteria}
        counted = [
            r
            for r in ctx.records("all", "survey")
            if isinstance(r, Survey) and r.answers and r.question in asked and r.instrument.value == rule.instrument
        ]
        if counted and not records(ctx.records("all", "survey"), "official"):
            return _answers(ctx, counted, instrument.scale, defaults.confidence_z)
    official = records(ctx.records("all", "survey"), "official")
    if official:
        s = _share(official[-1])
        return Scenarios(s, s, s, "survey_official", {"share": s}), "official", [official[-1].id]
    internal = records(ctx.records("all", "survey"), "internal")
    if internal:
        record = internal[-1]
        s = _share(record)
        if record.respondents:
            low, high = wilson(s, record.respondents, defaults.confidence_z)
            basis, params = "survey_internal", {"share": s, "respondents": record.respondents}
        else:
            low, high = s - defaults.last_year_margin, s + defaults.last_year_margin
            basis, params = "survey_internal_margin", {"share": s, "margin": defaults.last_year_margin}
        return estimate(ctx, s, low, high, basis, params), "internal", [record.id]
    last = records(ctx.records("last", "survey"), "official")
    if last:
        s, m = _share(last[-1]), defaults.last_year_margin
        scen = estimate(ctx, s, s - m, s + m, "survey_last_year", {"share": s, "margin": m})
        return scen, "last_year", [last[-1].id]
    s, m = defaults.prior_share, defaults.prior_margin
    return estimate(ctx, s, s - m, s + m, "survey_prior", {"share": s, "margin": m}), "prior", []


def estimate(
    ctx: Context, share: float, low: float, high: float, basis: str, params: dict[str, float | int]
) -> Scenarios:
    """An estimated share: its interval gives the expected spread, the bounds are what a survey can
    still return (a full share at best, the estimate less `bound_margin` at worst)."""
    defaults = ctx.cs.surveys
    low, high = max(0.0, min(low, share)), min(1.0, max(high, share))
    sd = (high - low) / (2 * defaults.confidence_z)
    d = min(sd, share, 1 - share)
    outcomes = ((share - d, 0.5), (share + d, 0.5)) if d > 0 else ()
    bound = max(0.0, min(low, share - defaults.bound_margin))
    return Scenarios(bound, share, 1.0, basis, params, outcomes)


def _share(record: Survey) -> float:
    assert record.share is not None  # records() keeps only records with a share
    return record.share


def _answers(
    ctx: Context, counted: list[Survey], scale: dict[str, float], z: float
) -> tuple[Scenarios, str, list[str]]:
    """A pilot survey's answer counts, pooled over the questions that score the row and the
    respondent groups: the estimate is the mean answer weight (A/B/C/D = 100/60/20/0% in one
    province's instrument), the interval the normal one for a mean, clamped to [0, 1]."""
    counts: dict[str, int] = defaultdict(int)
    for record in counted:
        for answer, count in (record.answers or {}).items():
            counts[answer] += count
    n = sum(counts.values())
    mean = math.fsum(scale[a] * c for a, c in counts.items()) / n
    variance = math.fsum(c * (scale[a] - mean) ** 2 for a, c in counts.items()) / n
    half = z * math.sqrt(variance / n)
    scen = estimate(ctx, mean, mean - half, mean + half, "survey_answers", {"share": mean, "respondents": n})
    return scen, "internal", sorted(r.id for r in counted)

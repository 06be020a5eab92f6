"""One unit scored as of a date: every criterion, area, component and the total in three
scenarios, the likely range, and how much of it the evidence already secures (docs/contract.md 3).

The unit loop; the run compiled once in `compiled`, each criterion's work in `work`, its result
in `result`, the sums in `sums`."""

from __future__ import annotations

import datetime as dt

from scorer.models.criteria import CriteriaSet
from scorer.models.inputs import UnitYear
from scorer.models.scored import ScoredUnit
from scorer.predict.compiled import Scoring
from scorer.predict.context import Context
from scorer.predict.result import criterion_result
from scorer.predict.sums import assemble
from scorer.predict.work import Work, prepare


# `honest`: the rules of docs/contract.md 3; `presumed`: every pending obligation and value presumed
# met (the earlier rules' optimism), kept so that `backtest --track --compare` shows what honesty costs;
# `as_is`: the evidence to date as it stands, nothing hoped for and nothing feared (the form's self-score).
PROJECTIONS = ("honest", "presumed", "as_is")


def predict_unit(
    cs: CriteriaSet,
    criteria_label: str,
    data: UnitYear,
    as_of: dt.date,
    engine: Scoring,
    detail: bool = False,
    projection: str = "honest",
) -> ScoredUnit:
    """Every criterion, area, component and the total, each built once with its final figures.
    `detail` adds each criterion's evidence records with file and line (for `explain`);
    `projection` picks the rules for pending work (PROJECTIONS)."""
    exempt = engine.exempt_rows(data.unit)
    # The unit's pace of work is read from what it does, not from what befalls it (violations).
    counted = [
        (c.criterion.id, tuple(c.facts))
        for c in engine.criteria
        if not c.survey and c.rising and c.criterion.id not in exempt
    ]
    ctx = Context(
        cs,
        data,
        as_of,
        detail,
        engine.index_keys,
        presume=projection == "presumed",
        criteria=counted,
        as_is=projection == "as_is",
    )
    work = [
        Work(compiled, {}, None, [], None, False, not_applicable=exempt[compiled.criterion.id])
        if compiled.criterion.id in exempt
        else prepare(ctx, compiled)
        for compiled in engine.criteria
    ]
    # Per metric of each criterion, its low and high values and each outcome's; the engine answers
    # each (fact, value) once per run.
    facts = [
        (w.compiled.facts[name], value)
        for w in work
        for name, scen in w.scenarios.items()
        for value in (scen.low, scen.high, *(v for v, _ in scen.spread()))
    ]
    verdicts = engine.engine.verdicts(facts)
    # The records marked as a proof, found once for every row that lists proofs.
    marked = [r for r in data.evidence.records if r.proof is not None]
    results, spreads = [], {}
    position = 0
    for w in work:
        mine = []
        for scen in w.scenarios.values():
            count = 2 + len(scen.spread())
            mine.append(verdicts[position : position + count])
            position += count
        result, sd = criterion_result(ctx, w, mine, engine.metric_values, marked)
        results.append(result)
        spreads[result.id] = sd
    return assemble(cs, criteria_label, data, ctx, results, spreads, engine)

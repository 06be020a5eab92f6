"""A criterion's work as of the date, before its points: the scenarios of each metric it reads
(or its survey's), the records used, the obligations met, late or pending, and its next deadline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from scorer import metrics as metric_lib
from scorer.predict.compiled import CompiledCriterion
from scorer.predict.context import Context
from scorer.predict.scenarios import Scenarios, obligation_scenarios, value_scenarios
from scorer.predict.surveys import survey
from scorer.scoring import SURVEY


@dataclass
class Work:
    """A criterion's state as of the date, before its points are counted."""

    compiled: CompiledCriterion
    scenarios: dict[str, Scenarios]
    survey_basis: str | None
    record_ids: list[str]
    next_deadline: dt.date | None
    pending: bool
    overdue: int = 0
    obligations: tuple[metric_lib.ObligationStatus, ...] = ()
    not_applicable: str | None = None
    nothing_arose: bool = False
    evidenced: bool = True


def prepare(ctx: Context, compiled: CompiledCriterion) -> Work:
    """The criterion's scenarios per metric (or its survey's), its records, obligations and deadline."""
    criterion = compiled.criterion
    if compiled.survey:
        scen, basis, used = survey(ctx, criterion)
        return Work(compiled, {SURVEY: scen}, basis, used, None, basis != "official")
    scenarios = {}
    # "Không phát sinh" (`not_arising: full`) with nothing on record: before the cut-off it is
    # presumed only where last year's folder had nothing for the row's metrics either; where last
    # year had some (or the unit has no last year to tell), it is work with no evidence yet.
    silent = criterion.not_arising == "full" and not any(_recorded(ctx, name) for name in compiled.inputs)
    arising = silent and not ctx.settled and _arises(ctx, compiled)
    for name, (definition, deadline, rising, target) in compiled.inputs.items():
        supported = ctx.metric(name, "supported")
        everything = ctx.metric(name, "all")
        if arising:
            # Not started: its own chance, at last year's value once done (an obligation share too).
            scen = value_scenarios(ctx, criterion, definition, name, deadline, rising, target)
            scen.basis = "arising" if ctx.has_last_year else "arising_new"
            scenarios[name] = scen
        elif supported.obligations is not None and everything.obligations is not None:
            scenarios[name] = obligation_scenarios(
                ctx, compiled.rule, definition, name, supported.obligations, everything.obligations
            )
        else:
            scenarios[name] = value_scenarios(ctx, criterion, definition, name, deadline, rising, target)
    ids: set[str] = set()
    pending_dues: list[dt.date] = []
    overdue = 0
    obligations: list[metric_lib.ObligationStatus] = []
    for name in scenarios:
        result = ctx.metric(name, "all")
        ids.update(result.record_ids)
        if result.obligations:
            obligations += result.obligations.items
            pending_dues += [i.due for i in result.obligations.items if i.status == "pending"]
            overdue += sum(1 for i in result.obligations.items if i.status in ("late", "missing", "nonconforming"))
    deadline = compiled.deadline
    pending = bool(pending_dues) or (not ctx.final and deadline >= ctx.as_of)
    upcoming = min(pending_dues) if pending_dues else (deadline if deadline >= ctx.as_of else None)
    nothing_arose = silent and not arising
    return Work(
        compiled,
        scenarios,
        None,
        sorted(ids),
        upcoming,
        pending,
        overdue,
        tuple(obligations),
        nothing_arose=nothing_arose,
        evidenced=bool(ids) or nothing_arose or compiled.absence_is_full,
    )


def _recorded(ctx: Context, name: str) -> bool:
    """Whether this year's evidence (as of the date) holds anything the metric reads: a record, or
    an obligation it counts."""
    result = ctx.metric(name, "all")
    return bool(result.record_ids) or bool(result.obligations and result.obligations.items)


def _arises(ctx: Context, compiled: CompiledCriterion) -> bool:
    """Whether a `not_arising: full` row with nothing on record is still work to come before the
    cut-off: last year's folder (as of the date) had a record for one of its metrics, or the unit
    has no last year, where nothing is known and the set's prior governs, as for any work with no
    evidence (docs/criteria.md, "How the forecast is made")."""
    if not ctx.has_last_year:
        return True
    return any(ctx.metric(name, "last").record_ids for name in compiled.inputs)

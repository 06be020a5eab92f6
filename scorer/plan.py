"""The remediation plan ("Kế hoạch khắc phục tồn tại, hạn chế"), drafted in the seed plan's structure.

For a year with published results it restates them (the legal bases, the rank and its change, the
area table, each itemised deduction with its points, the satisfaction index and its rank); for a
year still open it uses the prediction's expected points, and each criterion below its maximum is a
shortcoming ("tồn tại"), with the deadlines still ahead as its time frame. Per area it names the
remedies of the criteria that lost points, the decisions they apply, the lead divisions (several,
in order), the implementing or cooperating ones, and the time frame.
"""

from __future__ import annotations

import math
import datetime as dt
import re
from collections.abc import Sequence

from scorer.models.criteria import CriteriaSet, Criterion
from scorer.models.evidence import Document, Official, Unit
from scorer.models.prediction import CriterionResult
from scorer.models.plan import AreaPlan, Frame, Reference, RemediationPlan, SatisfactionPlan, Shortcoming, TimeFrame
from scorer.models.scored import ScoredUnit
from scorer.models.target import UnitTarget
from scorer.scoring import difference

# The plan's types are models (scorer.models.plan); `Plan` is the name it had here.
Plan = RemediationPlan

_SENTENCE_END = re.compile(r"(?<=\.)\s+")


def _sentences(texts: list[str]) -> list[str]:
    """Each distinct sentence once, in order: criteria of one area share their general remedy and
    add their own, and the plan says each thing once."""
    return list(dict.fromkeys(s for text in texts for s in _SENTENCE_END.split(text.strip()) if s))


def _roles(unit: Unit, roles: list[str], leave_out: Sequence[str] = ()) -> list[str]:
    names = dict.fromkeys(unit.division(r) for r in roles)
    return [n for n in names if n not in leave_out]


def _references(criteria: list[Criterion], documents: list[Document]) -> list[Reference]:
    """The latest numbered document of each kind the criteria cite, in the order they cite them."""
    out: list[Reference] = []
    for kind in dict.fromkeys(k for c in criteria for k in c.references):
        found = [d for d in documents if d.kind == kind and d.document_no]
        if found:
            latest = max(found, key=lambda d: (d.date, d.id))
            out.append(Reference(number=str(latest.document_no), date=latest.date, title=latest.title))
    return out


def _time(scored: ScoredUnit, results: list[CriterionResult]) -> list[TimeFrame]:
    """An open year's time frame: each deadline still ahead with its criteria, then the standing
    tasks (survey-scored rows are what respondents perceive, with no deadline of their own; a task
    whose deadline has passed goes on). A published year's tasks all stand: empty."""
    if scored.final:
        return []
    due: dict[dt.date | None, list[str]] = {}
    for c in results:
        day = c.next_deadline or c.deadline
        key = day if c.source == "appraisal" and day >= scored.as_of else None
        due.setdefault(key, []).append(c.id)
    if list(due) == [None]:
        return []
    return [TimeFrame(due=d, criteria=due[d]) for d in sorted(due, key=lambda d: d or dt.date.max)]


def draft_plan(
    scored: ScoredUnit,
    unit: Unit,
    official: Official | None,
    cs: CriteriaSet,
    documents: list[Document],
    last_official: Official | None = None,
    path: UnitTarget | None = None,
) -> RemediationPlan:
    """`official` is the year's published result (None for an open year); `documents` are the unit's
    decisions the remedies may cite; `last_official` gives an open year its last published ranks."""
    results = {c.id: c for c in scored.criteria}
    definitions = {c.id: c for c in cs.criteria()}
    published = official is not None
    areas = []
    for area in scored.areas:
        score = official.areas.get(area.id, area.expected) if official else area.expected
        minor = None
        if official:
            items = [
                Shortcoming(title=d.title, title_en=d.title_en or d.title, points=d.points, criteria=d.criteria)
                for d in official.deductions
                if d.area == area.id
            ]
        else:
            short = [(c, difference(c.max, c.expected)) for c in scored.criteria if c.area == area.id]
            items = [
                Shortcoming(title=c.title, title_en=c.title_en, points=points, criteria=[c.id])
                for c, points in short
                if points >= cs.shortcoming_threshold
            ]
            # What no row says on its own, said together once it adds up to the threshold (no plan
            # writes down 0,01 points).
            small = [(c.id, points) for c, points in short if 0 < points < cs.shortcoming_threshold]
            together = round(math.fsum(p for _, p in small), 2)
            if small and together >= cs.shortcoming_threshold:
                minor = Shortcoming(title="", title_en="", points=together, criteria=[cid for cid, _ in small])
        # Who leads and what to do: from the shortcomings, or from the small rows where they are all
        # the area lists.
        named = items or ([minor] if minor else [])
        ids = list(dict.fromkeys(cid for item in named for cid in item.criteria if cid in definitions))
        involved = [definitions[cid] for cid in ids]
        lead = _roles(unit, [r for c in involved for r in c.owners])
        implementing = _roles(unit, [r for c in involved for r in c.implementing], lead)
        areas.append(
            AreaPlan(
                id=area.id,
                title=area.title,
                title_en=area.title_en,
                max=area.max,
                score=score,
                lost=difference(area.max, score),
                shortcomings=items,
                minor=minor,
                remedies=_sentences([unit.fill(c.remedy) for c in involved]),
                remedies_en=_sentences([unit.fill(c.remedy_en, "en") for c in involved]),
                references=_references(involved, documents),
                lead=lead,
                lead_advises=bool(implementing),
                cooperating=_roles(unit, [r for c in involved for r in c.cooperating], lead + implementing),
                implementing=implementing,
                time=_time(scored, [results[cid] for cid in ids if cid in results]),
            )
        )
    components = {c.id: c.expected for c in scored.components}
    if official:
        components = {
            "appraisal": official.components.appraisal,
            "leaders_survey": official.components.leaders_survey,
            "citizens_survey": official.components.citizens_survey,
        }
    adjustments = [
        (block.title, block.title_en, sign * block.expected)
        for block, sign in ((scored.bonus, 1), (scored.penalty, -1))
        if block is not None and not published
    ]
    return RemediationPlan(
        provenance=scored.provenance,
        adjustments=adjustments,
        unit=scored.unit,
        unit_name=scored.unit_name,
        year=scored.year,
        target_year=scored.year + 1 if published else scored.year,
        published=published,
        as_of=None if published else scored.as_of,
        decision=official.decision if official else None,
        bases=list(official.bases) if official else [],
        rank=official.rank if official else None,
        of=official.of if official else None,
        previous_rank=official.previous_rank if official else None,
        total=official.total if official else scored.total.expected,
        appraisal=components["appraisal"],
        leaders_survey=components["leaders_survey"],
        citizens_survey=components["citizens_survey"],
        areas=areas,
        satisfaction=_satisfaction(scored, unit, official, last_official, cs),
        monitor=unit.division("organisation"),
        frame=Frame(
            parent=unit.parent,
            agency=unit.name.upper(),
            symbol=unit.symbol,
            place=unit.place,
            year=scored.year + 1 if published else scored.year,
            signer_position=unit.signer.position if unit.signer else None,
            signer_name=unit.signer.name if unit.signer else None,
            recipients=list(unit.recipients),
        ),
        path=path,
    )


def _satisfaction(
    scored: ScoredUnit, unit: Unit, official: Official | None, last: Official | None, cs: CriteriaSet
) -> SatisfactionPlan:
    """The satisfaction index's own section: the published result (this year's, or last year's for
    an open year), this year's estimate from the unit's surveys, and the points it drives."""
    spec = cs.satisfaction
    ids = spec.criteria if spec else [c.id for c in cs.criteria() if c.source.value == "citizens_survey"]
    driven = [c for c in scored.criteria if c.id in ids]
    definitions = [c for c in cs.criteria() if c.id in ids]
    top = math.fsum(c.max for c in driven)
    source = official or last
    result = source.satisfaction if source else None
    lead = _roles(unit, [r for c in definitions for r in c.owners])
    estimate = None
    if not official and top:
        estimate = tuple(
            round(100 * math.fsum(getattr(c, s) for c in driven) / top, 1) for s in ("low", "expected", "high")
        )
    points = math.fsum(c.expected for c in driven)
    return SatisfactionPlan(
        year=source.year if source else scored.year,
        index=result.index if result else None,
        rank=result.rank if result else None,
        of=result.of if result else None,
        estimate_year=None if official else scored.year,
        estimate=estimate[1] if estimate else None,
        estimate_low=estimate[0] if estimate else None,
        estimate_high=estimate[2] if estimate else None,
        points=round(points, 2),
        max=top,
        criteria=list(ids),
        remedy=unit.fill(spec.remedy if spec else (definitions[0].remedy if definitions else "")),
        remedy_en=unit.fill(spec.remedy_en if spec else (definitions[0].remedy_en if definitions else ""), "en"),
        lead=lead,
        cooperating=_roles(unit, [r for c in definitions for r in c.cooperating], lead),
    )

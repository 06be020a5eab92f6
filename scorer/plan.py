"""The remediation plan ("Kế hoạch khắc phục tồn tại, hạn chế"), drafted in the seed plan's structure.

For a year with published results it restates them (the area table, each itemised deduction with its
points, the SIPAS rank); for a year still open it uses the prediction's expected points, and each
criterion below its maximum is a shortcoming ("tồn tại"). Per area it names the remedies of the
criteria that lost points, their lead and cooperating divisions, and the time frame.
"""

from __future__ import annotations

from scorer.models.evidence import Official, Unit
from scorer.models.prediction import Out, UnitPrediction
from scorer.scoring import difference


class Shortcoming(Out):
    title: str
    title_en: str
    points: float
    criteria: list[str]


class AreaPlan(Out):
    id: str
    title: str
    title_en: str
    max: float
    score: float
    lost: float
    shortcomings: list[Shortcoming]
    remedies: list[str]
    remedies_en: list[str]
    lead: list[str]
    cooperating: list[str]


class Plan(Out):
    unit: str
    unit_name: str
    year: int
    published: bool
    decision: str | None
    rank: int | None
    of: int | None
    sipas_rank: int | None
    total: float
    appraisal: float
    leaders_survey: float
    citizens_survey: float
    areas: list[AreaPlan]
    citizens_remedy: str
    citizens_remedy_en: str
    citizens_lead: list[str]
    monitor: str


def draft_plan(scored: UnitPrediction, unit: Unit, official: Official | None) -> Plan:
    criteria = {c.id: c for c in scored.criteria}
    published = official is not None
    areas = []
    for area in scored.areas:
        score = official.areas.get(area.id, area.expected) if official else area.expected
        if official:
            items = [
                Shortcoming(title=d.title, title_en=d.title_en or d.title, points=d.points, criteria=d.criteria)
                for d in official.deductions
                if d.area == area.id
            ]
        else:
            items = [
                Shortcoming(title=c.title, title_en=c.title_en, points=difference(c.max, c.expected), criteria=[c.id])
                for c in scored.criteria
                if c.area == area.id and c.expected < c.max
            ]
        involved = [criteria[cid] for item in items for cid in item.criteria if cid in criteria]
        areas.append(
            AreaPlan(
                id=area.id,
                title=area.title,
                title_en=area.title_en,
                max=area.max,
                score=score,
                lost=difference(area.max, score),
                shortcomings=items,
                remedies=list(dict.fromkeys(c.remedy for c in involved)),
                remedies_en=list(dict.fromkeys(c.remedy_en for c in involved)),
                lead=list(dict.fromkeys(unit.division(c.owner) for c in involved)),
                cooperating=list(dict.fromkeys(unit.division(r) for c in involved for r in c.cooperating)),
            )
        )
    components = {c.id: c.expected for c in scored.components}
    if official:
        components = {
            "appraisal": official.components.appraisal,
            "leaders_survey": official.components.leaders_survey,
            "citizens_survey": official.components.citizens_survey,
        }
    citizens = [c for c in scored.criteria if c.source == "citizens_survey"]
    return Plan(
        unit=scored.unit,
        unit_name=scored.unit_name,
        year=scored.year,
        published=published,
        decision=official.decision if official else None,
        rank=official.rank if official else None,
        of=official.of if official else None,
        sipas_rank=official.sipas_rank if official else None,
        total=official.total if official else scored.total.expected,
        appraisal=components["appraisal"],
        leaders_survey=components["leaders_survey"],
        citizens_survey=components["citizens_survey"],
        areas=areas,
        citizens_remedy=citizens[0].remedy if citizens else "",
        citizens_remedy_en=citizens[0].remedy_en if citizens else "",
        citizens_lead=list(
            dict.fromkeys(unit.division(r) for c in citizens for r in [c.owner, *c.cooperating] if r != "all_divisions")
        ),
        monitor=unit.division("organisation"),
    )

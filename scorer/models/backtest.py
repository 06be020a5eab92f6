"""A closed year scored again and held against its published results (`scorer.backtest`)."""

from scorer.models.prediction import Out, Provenance


class Loss(Out):
    criterion: str
    lost: float


class AreaCheck(Out):
    id: str
    title: str
    title_en: str
    max: float
    scored: float
    official: float | None
    difference: float | None
    lost: float | None
    itemised: float
    unitemised: float | None
    unexplained: list[Loss] = []


class FigureCheck(Out):
    id: str
    scored: float
    official: float
    difference: float


class DeductionCheck(Out):
    area: str
    title: str
    title_en: str | None
    points: float
    criteria: list[str]
    scored_loss: float
    matches: bool


class CriterionCheck(Out):
    """One sub-criterion: what the unit's evidence supports (its self-score), what the appraisal gave,
    what the rules score, and each difference named (`differences`: message keys `diff.<code>`)."""

    id: str
    title: str
    title_en: str
    max: float
    self_score: float | None
    appraised: float | None
    scored: float
    differences: list[str]
    appraisal_minus_self: float | None
    scored_minus_appraised: float | None
    note: str | None = None


class Backtest(Out):
    unit: str
    unit_name: str
    year: int
    criteria_set: str
    provenance: Provenance | None = None
    total: FigureCheck
    components: list[FigureCheck]
    areas: list[AreaCheck]
    deductions: list[DeductionCheck]
    gaps: list[AreaCheck]
    criteria: list[CriterionCheck] = []
    reproduced: bool

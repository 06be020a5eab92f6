"""What changed between two criteria sets (`scorer.diff`)."""

from scorer.models.prediction import Out
from scorer.models.rules import Rule


class CriterionChange(Out):
    """One change to a sub-criterion. `old` and `new` are data, never sentences: the max (a number)
    for `added`, `removed` and `max`; the rule itself (a model) for `rule`, read with `old_max` and
    `new_max`; the calendar name and its day (`cutoff (31/12)`) for `deadline`; else the text of the field.
    Writers put them in words, in the reader's language."""

    criterion: str
    title: str
    title_en: str
    change: str
    old: float | str | Rule | None
    new: float | str | Rule | None
    old_max: float | None
    new_max: float | None
    points: float


class MetricChange(Out):
    metric: str
    change: str
    old: str | None
    new: str | None
    criteria: list[str]


class CriteriaDiff(Out):
    old: str
    new: str
    changes: list[CriterionChange]
    metrics: list[MetricChange]

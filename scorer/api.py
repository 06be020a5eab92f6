"""The library's entry points, one per command: load, then predict, then the risks, in one direction.

The CLI calls exactly one of these and renders what it returns; nothing here prints or exits.
"""

from __future__ import annotations

import os
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from scorer import loading
from scorer.errors import (
    CriteriaError,
    InputError,
    Msg,
    Place,
    Problem,
    ScorerError,
    SelectionError,
    UsageError,
    did_you_mean,
    msg,
)
from scorer.models.columns import describe
from scorer.models.criteria import CriteriaSet, plain_number
from scorer.models.message import Figure
from scorer.models.evidence import Document, Unit
from scorer.models.inputs import EMPTY_EVIDENCE, EvidenceSet, UnitYear
from scorer.models.prediction import CriterionResult, Prediction, RankRow, UnitPrediction
from scorer.models.scored import ScoredUnit
from scorer.predict import Scoring, compare, effective_as_of, engine_for, predict_unit, without_hypothetical
from scorer.predict.context import last_year_end
from scorer.loading.evidence import set_name
from scorer.ranking import rank
from scorer.risks import assess

if TYPE_CHECKING:  # backtest, plan, form, diff, track and target are imported by the commands that run them
    from scorer import importer
    from scorer.models.backtest import Backtest
    from scorer.models.diff import CriteriaDiff
    from scorer.models.form import Form
    from scorer.models.plan import RemediationPlan
    from scorer.models.register import RegisterDraft
    from scorer.models.target import TargetPlan
    from scorer.models.track import Track

_CRITERIA_FILE = re.compile(r"^criteria_(\d{4})\.ya?ml$")


@dataclass(frozen=True)
class Request:
    """What every reporting command is asked: which criteria, which evidence, which day."""

    evidence: Path = Path("evidence")
    rules: Path = Path("rules")
    criteria: Path | None = None
    year: int | None = None
    unit: str | None = None
    as_of: dt.date | None = None
    today: dt.date = field(default_factory=dt.date.today)
    horizon: int = 30
    owner: str | None = None
    what_if: tuple[Path, ...] = ()
    output: Path | None = None
    # The folders searched for a project (scorer.toml, [tool.scorer] or rules/) when none was found.
    looked: tuple[Path, ...] = ()


@dataclass(frozen=True)
class Inputs:
    """The criteria set and the unit folders a run covers; units are loaded one at a time."""

    criteria: CriteriaSet
    label: str
    folders: list[Path]
    what_if: tuple[Path, ...] = ()

    def folder(self, unit_id: str) -> Path:
        """A unit's folder by its id (the folder's name, perhaps stored decomposed, NFD)."""
        return next(f for f in self.folders if loading.nfc(f.name) == unit_id)

    def units(self, seen: dt.date | None = None) -> Iterator[UnitYear]:
        """Each unit's evidence in turn, so a province never sits in memory at once. A bad unit
        does not stop the others being checked; every problem is raised together at the end.
        `seen`: the day a forecast is made as of (`_load_unit_year`); None reads every record."""
        problems: list[Problem] = []
        for folder in self.folders:
            try:
                data = _load_unit_year(folder, self.criteria, self.what_if, seen)
            except ScorerError as error:
                problems += error.problems
                continue
            if not problems:
                yield data
        if problems:
            raise InputError(problems)


def criteria_years(rules: Path) -> list[int]:
    if not loading.is_dir(rules):
        return []
    return sorted(int(m.group(1)) for p in rules.iterdir() if (m := _CRITERIA_FILE.match(p.name)))


def year_notice(request: Request) -> Msg | None:
    """Which year a run scores and why, when nothing chose it (no --year or --criteria) and the
    newest set in the rules folder is older than the year of the day asked for (`--as-of`, else
    today): a newer set is missing. An `--as-of` in a year with no set is scored as of that set's
    cut-off, which the notice says, rather than silently."""
    if request.year is not None or request.criteria is not None:
        return None
    day = request.as_of or request.today
    years = criteria_years(request.rules)
    if not years or years[-1] >= day.year:
        return None
    missing = str(request.rules / f"criteria_{day.year}.yaml")
    if request.as_of is not None:
        return msg(
            "notice.as_of_after_sets",
            year=years[-1],
            rules=str(request.rules),
            day=request.as_of.strftime("%d/%m/%Y"),
            asked=day.year,
            missing=missing,
        )
    return msg("notice.old_year", year=years[-1], rules=str(request.rules), today=day.year, missing=missing)


def criteria_file(request: Request) -> tuple[Path, int | None]:
    """`--criteria` wins; else `rules/criteria_<year>.yaml`, the year defaulting to the newest set."""
    if request.criteria is not None:
        return request.criteria, request.year
    year = request.year
    if not loading.is_dir(request.rules):
        # With a year or without: no set of any year can be found where no rules folder is.
        hint = msg("rules_not_found_hint")
        if request.looked:
            hint = msg("rules_not_found_looked", folders=", ".join(map(str, request.looked)), hint=hint)
        raise CriteriaError.single(request.rules, msg("rules_not_found"), hint=hint)
    if year is None:
        years = criteria_years(request.rules)
        if not years:
            raise CriteriaError.single(request.rules, msg("no_criteria_here"), hint=msg("pass_criteria"))
        year = years[-1]
    path = request.rules / f"criteria_{year}.yaml"
    if not path.exists():
        years = criteria_years(request.rules)
        known = ", ".join(str(y) for y in years)
        raise CriteriaError.single(
            path,
            msg("no_set_for_year", year=year, known=known) if known else msg("no_set_for_year_none", year=year),
            hint=msg("pass_year_or_criteria"),
        )
    return path, year


def load_inputs_criteria(request: Request) -> CriteriaSet:
    """The criteria set a request names, checked, and for the year asked (for the template, which
    may write a new workbook into the evidence folder)."""
    check_output(request, new_evidence=True)
    return _criteria(request)[0]


@dataclass(frozen=True)
class Start:
    """What `scorer init` writes for a new unit: its unit.yaml and the year's empty workbook; and,
    run where no project is, the project itself: the model's criteria sets (`rules_from`) copied
    to `rules`, beside a project file."""

    criteria: CriteriaSet
    unit_file: Path
    unit_yaml: str
    workbook: Path
    rules_from: Path | None = None
    rules: Path | None = None


def init_unit(request: Request, unit_id: str, name: str, kind: str | None = None) -> Start:
    """A new unit's files in the evidence folder, for the year's criteria set; nothing is
    overwritten (an existing unit is refused)."""
    from scorer import starter

    if not starter.UNIT_ID.match(unit_id):
        raise SelectionError.single(unit_id, msg("init_unit_id"), hint=msg("init_unit_id_hint"))
    name = " ".join(name.split())
    if not name:
        raise SelectionError.single(unit_id, msg("init_empty_name"), hint=msg("init_empty_name_hint"))
    rules_from = None
    if request.criteria is None and request.looked and not loading.is_dir(request.rules):
        # No project here or above: this one starts it, with the model's criteria sets.
        from scorer.project import model_rules

        rules_from = model_rules()
    cs = _criteria(replace(request, rules=rules_from) if rules_from else request)[0]
    folder = request.evidence / unit_id
    unit_file = folder / "unit.yaml"
    if loading.is_file(unit_file) or loading.is_dir(folder / str(cs.year)):
        raise SelectionError.single(folder, msg("init_unit_exists"), hint=msg("init_unit_exists_hint"))
    text = starter.unit_yaml(cs, unit_id, name, kind or starter.kind_of(name))
    workbook = folder / str(cs.year) / "evidence.xlsx"
    return Start(cs, unit_file, text, workbook, rules_from, request.rules if rules_from else None)


def _criteria(request: Request) -> tuple[CriteriaSet, Path]:
    path, year = criteria_file(request)
    cs = loading.load_criteria(path)
    if year is not None and cs.year != year:
        raise SelectionError.single(path, msg("set_for_other_year", set_year=cs.year, year=year), field="year")
    return cs, path


def _no_unit(evidence: Path, unit: str, cs: CriteriaSet) -> SelectionError:
    """`--unit` names no unit folder: the hint is the folder of the unit whose name it is, typed
    where the folder's name goes (`--unit "Sở Tư pháp"` for so-tu-phap), else the closest folder."""
    folders = loading.unit_folders(evidence)
    wanted = " ".join(unit.casefold().split())
    for folder in folders:
        try:
            named = loading.load_unit(folder, cs)
        except ScorerError:
            continue
        if wanted in {" ".join(n.casefold().split()) for n in (named.name, named.name_en) if n}:
            return SelectionError.single(
                evidence, msg("no_unit", unit=unit), hint=msg("unit_by_name", unit=folder.name)
            )
    return SelectionError.single(
        evidence, msg("no_unit", unit=unit), hint=did_you_mean(unit, [f.name for f in folders])
    )


def load_inputs(request: Request) -> Inputs:
    """The criteria set (checked) and the selected unit folders; the output checked against them."""
    check_output(request)
    cs, path = _criteria(request)
    unit = loading.nfc(request.unit) if request.unit is not None else None
    folders = loading.unit_folders(request.evidence, unit)
    if unit is not None and not folders:
        raise _no_unit(request.evidence, unit, cs)
    if not folders:
        raise InputError.single(request.evidence, msg("no_unit_folders"))
    return Inputs(cs, path.name, folders, request.what_if)


def check_output(request: Request, new_evidence: bool = False) -> None:
    """Refuse an output file that would overwrite what the run reads (loading.check_output):
    the criteria file, the what-if files, anything in the evidence or rules folders."""
    if request.output is None:
        return
    reads = [*request.what_if]
    try:
        reads.append(criteria_file(request)[0])
    except ScorerError:
        pass  # no criteria file: reported when the run looks for it
    loading.check_output(request.output, request.evidence, request.rules, reads, new_evidence)


@dataclass(frozen=True)
class Validation:
    label: str
    criteria: int
    units: int
    records: int
    warnings: list[Problem] = field(default_factory=list)


def validate(request: Request) -> Validation:
    """Check the criteria set and every selected unit's evidence, as `predict` would; what is
    doubtful but not wrong (one number naming two documents) comes back as warnings."""
    inputs = load_inputs(request)
    counts, warnings = [], []
    for data in inputs.units():
        counts.append(len(data.evidence.records))
        warnings += loading.document_conflicts(data.evidence, data.last_year)
        warnings += loading.to_review(data.evidence)
        warnings += loading.unsent_reports(data.evidence)
        warnings += loading.obligation_dates(data.evidence, inputs.criteria)
        warnings += loading.unused_roles(inputs.folder(data.unit.id), data.unit, inputs.criteria)
        warnings += loading.unresolved(inputs.criteria, data.evidence, data.last_year)
        warnings += _other_frame(inputs.folder(data.unit.id), data, inputs.criteria)
    return Validation(inputs.label, len(inputs.criteria.criteria()), len(counts), sum(counts), warnings)


def _other_frame(folder: Path, data: UnitYear, cs: CriteriaSet) -> list[Problem]:
    """Last year's published results scored on another set's frame (a unit that changed sets):
    predict leaves its last-year column empty rather than set one set's areas beside another's."""
    official = data.last_official
    if official is None or official.year != cs.year - 1 or cs.compares_with(official):
        return []
    message = msg(
        "official_other_set",
        year=official.year,
        theirs=tuple(official.areas) or "–",
        total=Figure(plain_number(official.total)),
        set=set_name(cs),
        ours=tuple(a.id for a in cs.areas),
        scale=Figure(plain_number(cs.scale)),
    )
    return [Problem(str(folder / str(official.year) / "official.yaml"), message, field="areas")]


def _load_unit_year(folder: Path, cs: CriteriaSet, what_if: tuple[Path, ...], seen: dt.date | None = None) -> UnitYear:
    """A unit's evidence for the year and last year's. As of a day (`seen`), last year's folder is
    read as it stood that day: a record dated later is not there yet, so it neither changes the
    forecast nor stops it (it is after last year's own cut-off as well, which `validate` refuses);
    one dated by that day and after last year's cut-off is refused here too.
    Every mistake in the unit is told at once: the records that could be read are checked (names,
    ranges, the cut-off) beside the problems of those that could not, and unit.yaml's beside both."""
    problems: list[Problem] = []
    unit: Unit | None = None
    try:
        unit = _with_roles(loading.load_unit(folder, cs), cs)
    except ScorerError as error:
        problems += error.problems
    evidence, found = loading.read_evidence(folder, cs.year, cs)
    problems += found
    if what_if:
        extra, found = loading.read_evidence_files(folder, list(what_if), hypothetical=True, cs=cs)
        problems += found
        try:
            evidence = _merge_what_if(evidence, extra)
        except ScorerError as error:
            problems += error.problems
    problems += loading.check_evidence(evidence, cs) + loading.check_cutoff(evidence, cs.cutoff)
    last_year, found = (
        loading.read_evidence(folder, cs.year - 1, cs)
        if loading.is_dir(folder / str(cs.year - 1))
        else (EMPTY_EVIDENCE, [])
    )
    problems += found
    if seen is not None:
        last_year = last_year.until(seen)
    problems += loading.check_values(last_year, cs)
    problems += loading.check_cutoff(last_year, last_year_end(cs))
    if problems or unit is None:
        raise InputError(problems)
    official = loading.load_official(folder / str(cs.year - 1) / "official.yaml")
    return UnitYear(unit, loading.resolve_ids(evidence, cs), loading.resolve_ids(last_year, cs), official)


def _with_roles(unit: Unit, cs: CriteriaSet) -> Unit:
    """The unit with every owner role it does not map named by the set's words for the role."""
    missing = {
        role: cs.roles[role].title
        for role in loading.owner_roles(cs)
        if role in cs.roles and role not in unit.divisions
    }
    return unit.model_copy(update={"divisions": {**unit.divisions, **missing}}) if missing else unit


def _merge_what_if(evidence: EvidenceSet, extra: EvidenceSet) -> EvidenceSet:
    clashes = [
        Problem(
            extra.origins[r.id].path,
            msg("what_if_clash", id=r.id, there=Place(evidence.origins[r.id].path)),
            line=extra.origins[r.id].line,
            field="id",
        )
        for r in extra.records
        if r.id in evidence.origins
    ]
    if clashes:
        raise InputError(loading.with_sources(clashes))
    return evidence.merged(extra)


def _as_of(cs: CriteriaSet, request: Request) -> dt.date:
    """The day of the prediction: `--as-of` may not fall before the year it predicts."""
    if request.as_of is not None and request.as_of < dt.date(cs.year, 1, 1):
        raise UsageError(
            msg(
                "as_of_before_year",
                day=request.as_of.isoformat(),
                year=cs.year,
                title=msg("set_title", en=cs.title_en or cs.title, vi=cs.title),
            )
        )
    return effective_as_of(cs, request.as_of, request.today)


def _owner(inputs: Inputs, owner: str | None) -> str | None:
    """`--owner` as given (NFC): an owner role of the criteria set, or a division's name as a unit's
    unit.yaml writes it. Anything else would list nothing, so it is a usage error naming the choices."""
    if owner is None:
        return None
    owner = loading.nfc(owner.strip())
    roles = loading.owner_roles(inputs.criteria)
    names: dict[str, None] = {}
    for folder in inputs.folders:
        try:
            names.update(dict.fromkeys(loading.load_unit(folder).divisions.values()))
        except ScorerError:
            continue  # reported when the unit is loaded
    if owner in roles or owner in names:
        return owner
    hint = did_you_mean(owner, [*roles, *names])
    shown = "; ".join(list(names)[:20]) + ("; …" if len(names) > 20 else "")
    said = msg(
        "owner_unknown",
        owner=owner,
        roles=", ".join(roles),
        divisions=msg("owner_divisions", names=shown) if names else "",
    )
    raise UsageError(msg("owner_unknown_hint", text=said, hint=hint) if hint else said)


@dataclass(frozen=True)
class Run:
    """One run over the selected units: the inputs, the day, and the compiled criteria with their engine."""

    inputs: Inputs
    as_of: dt.date
    scoring: Scoring

    def score(
        self, data: UnitYear, as_of: dt.date | None = None, detail: bool = False, projection: str = "honest"
    ) -> ScoredUnit:
        cs = self.inputs.criteria
        return predict_unit(cs, self.inputs.label, data, as_of or self.as_of, self.scoring, detail, projection)


def each_unit(request: Request, inputs: Inputs | None = None) -> Iterator[tuple[Run, UnitYear]]:
    """Load the inputs, compile the criteria and open one engine, then each unit's evidence in turn:
    the loop predict, backtest, plan and form share. The engine is closed when the loop ends."""
    inputs = inputs or load_inputs(request)
    as_of = _as_of(inputs.criteria, request)
    with engine_for(inputs.criteria) as scoring:
        run = Run(inputs, as_of, scoring)
        for data in inputs.units(as_of):
            yield run, data


def predict_units(
    request: Request, detail: bool = False, progress: Callable[[int, int], None] | None = None
) -> Iterator[UnitPrediction]:
    """Each unit's prediction in turn, with its risks (and its what-if comparison). Nothing is
    yielded once a bad unit is found; every problem of every unit is raised at the end.
    `progress(done, total)` is told after each unit."""
    inputs = load_inputs(request)
    owner = _owner(inputs, request.owner)
    for done, (run, data) in enumerate(each_unit(request, inputs), start=1):
        if progress is not None:
            progress(done, len(inputs.folders))
        scored = run.score(data, detail=detail)
        what_if = compare(run.score(without_hypothetical(data)), scored) if data.evidence.hypothetical else None
        yield assess(scored, data.unit, request.horizon, owner, what_if)


def predict(request: Request, detail: bool = False) -> Prediction:
    results = list(predict_units(request, detail))
    return Prediction(units=results, ranking=rank(results))


def backtest(request: Request) -> list[Backtest]:
    """Score a closed year at its cut-off and hold each unit with an official.yaml against it.
    (An --as-of before the year is refused by the loop, though the cut-off is what is scored.)"""
    from scorer.backtest import backtest_unit

    if request.year is None and request.criteria is None:
        request = replace(request, year=_newest_published_year(request))
    inputs = load_inputs(request)
    cs = inputs.criteria
    checks = []
    for run, data in each_unit(request, inputs):
        official = loading.load_official(inputs.folder(data.unit.id) / str(cs.year) / "official.yaml", cs)
        if official is not None:
            checks.append(backtest_unit(run.score(data, cs.cutoff), official))
    if not checks:
        raise SelectionError.single(request.evidence, msg("no_official", year=cs.year))
    return checks


def track(request: Request, compare: bool = False, days: list[dt.date] | None = None) -> Track:
    """Replay a closed year as of every month end and calendar deadline (or only as of `days`, and
    the cut-off), for each selected unit; `compare` replays it with every pending thing presumed done
    too (the earlier rules' optimism)."""
    from scorer.models.track import Track
    from scorer.track import as_of_dates, scorecard, track_unit

    if request.year is None and request.criteria is None:
        request = replace(request, year=_newest_published_year(request))
    inputs = load_inputs(request)
    cs = inputs.criteria
    if cs.cutoff >= request.today:
        raise ScorerError.single(
            inputs.label,
            msg("year_not_closed", year=cs.year, cutoff=cs.cutoff.isoformat()),
            field="year",
            hint=msg("year_not_closed_hint"),
        )
    replayed = as_of_dates(cs)
    if days is not None:
        replayed = sorted({d for d in days if d.year == cs.year and d < cs.cutoff} | {cs.cutoff})
    units = []
    with engine_for(cs) as engine:
        for data in inputs.units():
            official = loading.load_official(inputs.folder(data.unit.id) / str(cs.year) / "official.yaml", cs)

            def replay(projection: str) -> list[UnitPrediction]:
                return [
                    assess(predict_unit(cs, inputs.label, data, day, engine, projection=projection), data.unit)  # noqa: B023
                    for day in replayed
                ]

            units.append(
                track_unit(
                    cs,
                    replay("honest"),
                    official.total if official else None,
                    "honest",
                    replay("presumed") if compare else None,
                )
            )
    return Track(units=units, record=scorecard(units))


def _newest_published_year(request: Request) -> int:
    years = [
        y
        for y in criteria_years(request.rules)
        if any(loading.is_file(f / str(y) / "official.yaml") for f in loading.unit_folders(request.evidence))
    ]
    if not years:
        raise SelectionError.single(request.evidence, msg("no_official_any"), hint=msg("pass_year"))
    return years[-1]


def explain(request: Request, criterion_id: str) -> list[tuple[UnitPrediction, CriterionResult]]:
    """One criterion of each selected unit, with everything that went into its points."""
    prediction = predict(request, detail=True)
    found = []
    for unit in prediction.units:
        match = next((c for c in unit.criteria if c.id == criterion_id), None)
        if match is None:
            under = [c.id for c in unit.criteria if c.parent == criterion_id]
            if under:
                raise ScorerError.single(
                    unit.criteria_set,
                    msg("scored_by_subcriteria", id=criterion_id, under=tuple(under)),
                )
            known = [c.id for c in unit.criteria]
            raise SelectionError.single(
                unit.criteria_set, msg("no_such_criterion", id=criterion_id), hint=did_you_mean(criterion_id, known)
            )
        found.append((unit, match))
    return found


def _one_unit(request: Request, document: str) -> Inputs:
    """The inputs of a document one unit files (its form, its plan): refused, naming the units,
    where the evidence folder holds several and none was chosen, rather than one file for all."""
    inputs = load_inputs(request)
    if len(inputs.folders) > 1:
        names = sorted(f.name for f in inputs.folders)
        raise SelectionError.single(
            request.evidence,
            msg(f"one_unit_document_{document}", count=len(names), units=", ".join(names)),
            hint=msg("pass_unit", example=names[0]),
        )
    return inputs


def plan(request: Request, target: float | None = None) -> list[RemediationPlan]:
    """The remediation plan of the selected unit: from the published results where the year has
    them, else from the prediction; with `target`, the fewest remedies that reach it, as of the
    as-of date."""
    from scorer.plan import draft_plan
    from scorer.target import plan_target

    inputs = _one_unit(request, "plan")
    cs = inputs.criteria
    if target is not None:
        _check_target(cs, inputs.label, target)
    plans = []
    for run, data in each_unit(request, inputs):
        folder = inputs.folder(data.unit.id)
        official = loading.load_official(folder / str(cs.year) / "official.yaml", cs)
        # Published results count from their publication date: a plan as of an earlier day is
        # drafted from the forecast of that day.
        if official and not official.published_by(request.as_of or request.today):
            official = None
        day = cs.cutoff if official else run.as_of
        scored = run.score(data, day)
        # A plan on published results is written in the next year and cites its decisions too.
        records = list(data.evidence.records)
        if official and loading.is_dir(folder / str(cs.year + 1)):
            records += loading.load_evidence(folder, cs.year + 1).records
        documents = [r for r in records if isinstance(r, Document) and (official or r.date <= day)]
        path = None
        if target is not None:
            now = scored if scored.as_of == run.as_of else run.score(data, run.as_of)
            path = plan_target(assess(now, data.unit), data.unit, cs, target)
        plans.append(draft_plan(scored, data.unit, official, cs, documents, data.last_official, path))
    return plans


def target(request: Request, goal: float) -> TargetPlan:
    """For each selected unit, the fewest remedies that bring its expected figure to `goal`."""
    from scorer.models.target import TargetPlan
    from scorer.target import plan_target

    inputs = load_inputs(request)
    cs = inputs.criteria
    _check_target(cs, inputs.label, goal)
    units = [
        plan_target(assess(run.score(data), data.unit), data.unit, cs, goal) for run, data in each_unit(request, inputs)
    ]
    return TargetPlan(units=units)


def _check_target(cs: CriteriaSet, label: str, goal: float) -> None:
    if not 0 < goal <= cs.scale:
        raise ScorerError.single(
            label,
            msg("target_outside", goal=Figure(f"{goal:g}"), scale=Figure(f"{cs.scale:g}")),
            field="target",
            hint=msg("target_hint", example=Figure(f"{cs.classes[0].min:g}")),
        )


def form(request: Request) -> list[Form]:
    """The self-assessment form of the selected unit: what its evidence supports on the as-of date,
    with the appraisal's points from the year's official.yaml when they are known. Hypothetical
    evidence never enters a form."""
    if request.what_if:
        raise ScorerError.single(request.what_if[0], msg("form_no_what_if"))
    from scorer.form import build_form

    inputs = _one_unit(request, "form")
    cs = inputs.criteria
    forms = []
    for run, data in each_unit(request, inputs):
        folder = inputs.folder(data.unit.id) / str(cs.year)
        official = loading.load_official(folder / "official.yaml", cs)
        # The appraisal's column only from the day its points were known.
        if official and not official.appraised_by(request.as_of or request.today):
            official = None
        words = loading.load_explanations(folder / "explanations.yaml", cs)
        scored = assess(run.score(data, detail=True), data.unit)
        as_is = scored if scored.final else run.score(data, projection="as_is")
        forms.append(build_form(scored, as_is, data.unit, cs, official, words))
    return forms


def schema_reference(output: Path, kind: str = "criteria") -> str | None:
    """The path from a file written at `output` to the project's `schema/<kind>.schema.json`, found
    in a folder above it (a draft in `rules/` reaches `../schema/`), or None outside any project."""
    folder = output.absolute().parent
    for above in (folder, *folder.parents):
        schema = above / "schema" / f"{kind}.schema.json"
        if loading.is_file(schema):
            return os.path.relpath(schema, folder).replace(os.sep, "/")
    return None


def criteria_import(path: Path, known: Path | None = None) -> importer.Draft:
    """A draft criteria set from a decision's appendix table (.docx or .xlsx); with `known`, a
    folder of criteria sets, each row matched to them and the good matches' wiring copied."""
    from scorer import importer, wiring

    decision = loading.read_decision(path)
    result = importer.draft([(t.where, t.rows) for t in decision.tables], decision.text, str(path))
    if not result.data:
        raise ScorerError(result.problems)
    if known is not None and loading.is_dir(known):
        sets = [(p.name, loading.load_criteria(p)) for p in sorted(known.glob("criteria_*.yaml"))]
        result.wiring, notes = wiring.wire(result.data, sets)
        result.problems += [Problem(str(path), note) for note in notes]
    return result


def criteria_diff(old: Path, new: Path) -> CriteriaDiff:
    from scorer.diff import diff

    return diff(loading.load_criteria(old), loading.load_criteria(new), old.name, new.name)


@dataclass(frozen=True)
class RegisterImport:
    """`scorer register import`: the draft, where it goes, and the file's whole text to write there."""

    draft: RegisterDraft
    output: Path
    text: str


def register_import(
    request: Request, register: Path, output: Path | None = None, rules: tuple[Path, ...] = (), lang: str = "vi"
) -> RegisterImport:
    """A unit's register of outgoing documents to review-marked evidence records of one year. The
    unit's evidence of that year (an earlier draft too) is read first: a document already there is
    not drafted again, and an earlier draft's text is kept as the officer left it."""
    from scorer import register as drafting
    from scorer.loading.files import read_text
    from scorer.loading.register import load_register_rules, read_register

    if request.unit is None:
        raise UsageError(drafting.words("give_unit", lang))
    cs, _ = _criteria(request)
    unit = loading.nfc(request.unit)
    folders = loading.unit_folders(request.evidence, unit)
    if not folders:
        raise _no_unit(request.evidence, unit, cs)
    folder = folders[0]
    target = output if output is not None else folder / str(cs.year) / "so-van-ban.yaml"
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise UsageError(drafting.words("output_not_yaml", lang, path=target))
    if loading.same_file(target, register):
        raise UsageError(drafting.words("output_is_register", lang, path=target))
    files = loading.evidence_files(folder / str(cs.year), request.evidence)
    if loading.is_file(target) and not any(loading.same_file(target, f) for f in files):
        files.append(target)
    evidence = loading.load_evidence_files(folder, files, cs=cs)
    table = load_register_rules([request.rules / "register.yaml", *rules])
    rows = read_register(register, lang)
    # Documents still in force are carried from last year's evidence by the import that starts the
    # draft file only: one the officer then deleted (replaced, repealed) is not offered again. A
    # unit's own fields (the units subject to inspection) are read from it by every import.
    last = folder / str(cs.year - 1)
    first = not loading.is_file(target)
    earlier = loading.load_evidence(folder, cs.year - 1) if loading.is_dir(last) else None
    symbol = loading.load_unit(folder, cs).symbol
    result = drafting.draft(
        rows, table, cs, unit, cs.year, evidence, lang, register.name, earlier if first else None, earlier, symbol
    )
    previous = read_text(target) if loading.is_file(target) else None
    return RegisterImport(result, target, drafting.render_yaml(result, lang, previous))


@dataclass(frozen=True)
class Drafted:
    """A record drafted from the register and not reviewed yet, as the evidence page lists it."""

    id: str
    type: str
    file: str
    line: int
    date: dt.date
    document_no: str | None
    title: str | None
    note: str | None
    # Its type and kind in words (models.columns.describe), in Vietnamese and in English.
    kind: str = ""
    kind_en: str = ""


@dataclass(frozen=True)
class Attention:
    """What the evidence page asks the officer to look at in a unit's year: the records drafted from
    the register still to review, and the warnings `validate` gives on that year's files."""

    drafted: list[Drafted]
    warnings: list[Problem]


def attention(evidence: Path, unit: str, year: int, rules: Path | None = None) -> Attention:
    """The unit's records of `year` still marked `review: needed`, in date order, and the warnings
    on its evidence that are not about them (a report with no day sent, one number naming two
    documents; with `rules`, a report's due day that is not the set's, a day sent after the cut-off)."""
    records = loading.load_evidence(evidence / unit, year)
    warnings = loading.unsent_reports(records) + loading.document_conflicts(records)
    cs = None
    if rules is not None and year in criteria_years(rules):
        cs = _criteria(Request(evidence=evidence, rules=rules, year=year))[0]
        warnings += loading.obligation_dates(records, cs)
    drafted = [
        Drafted(
            r.id,
            r.type,
            Path(records.origins[r.id].path).name,
            records.origins[r.id].line,
            r.date,
            r.document_no,
            r.title,
            r.note,
            *(describe(fields, lang, cs) for lang in ("vi", "en")),
        )
        for r in sorted(records.records, key=lambda r: (r.date, r.id))
        if r.review is not None
        for fields in (r.model_dump(),)
    ]
    return Attention(drafted, warnings)


def drafted(evidence: Path, unit: str, year: int) -> list[Drafted]:
    """The unit's records of `year` still marked `review: needed`, in date order."""
    return attention(evidence, unit, year).drafted


def register_review(evidence: Path, unit: str, year: int, record_id: str, accept: bool) -> tuple[str, bytes]:
    """One drafted record accepted (its mark removed) or rejected (the record removed): the name of
    its file and the file's new content, for the caller to land as any evidence file is landed."""
    from scorer import register as drafting
    from scorer.loading.files import read_text

    found = {d.id: d for d in drafted(evidence, unit, year)}
    item = found.get(record_id)
    if item is None:
        raise SelectionError.single(evidence / unit / str(year), msg("no_draft", id=record_id))
    path = evidence / unit / str(year) / item.file
    text = drafting.reviewed(read_text(path), item.line, record_id, accept)
    if text is None:
        raise InputError.single(
            path,
            msg("draft_changed", id=record_id),
            line=item.line,
            hint=msg("draft_changed_hint"),
        )
    return item.file, text.encode("utf-8")


# -- what the web service (scorer.serve) needs beside the commands: it reaches the library only here


def unit_ids(evidence: Path) -> list[str]:
    """The unit folders' names under the evidence folder, in order."""
    return [folder.name for folder in loading.unit_folders(evidence)]


def evidence_files(year_folder: Path) -> list[Path]:
    """The evidence files of one year folder (what `validate` reads there)."""
    return loading.evidence_files(year_folder)


def count_records(unit_folder: Path, path: Path) -> int:
    """The records of one evidence file read alone (a `ScorerError` names its problems)."""
    return len(loading.load_evidence_files(unit_folder, [path]).records)


def day_of(cs: CriteriaSet, as_of: dt.date | None, today: dt.date) -> dt.date:
    """The as-of day a prediction is made at with this criteria set (today, never past the cut-off)."""
    return effective_as_of(cs, as_of, today)


def parse_day(text: str) -> dt.date:
    """A day as a user types it (2024-09-30 or 30/09/2024); ValueError otherwise."""
    from scorer.models.evidence import parse_date

    day = parse_date(text)
    if not isinstance(day, dt.date):
        raise ValueError(text)
    return day


def ranked(units: list[UnitPrediction]) -> list[RankRow]:
    """The units in the province's order (what `predict` ranks)."""
    return rank(units)


NOT_EVIDENCE = loading.NOT_EVIDENCE
EVIDENCE_SUFFIXES = loading.EVIDENCE_SUFFIXES
MAX_FILE_BYTES = loading.MAX_FILE_BYTES

"""The YAML documents beside the evidence: criteria sets, unit.yaml and official.yaml."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Annotated, TypeVar

from pydantic import BaseModel, Field, TypeAdapter, ValidationError

from scorer.errors import CriteriaError, InputError, Problem, ScorerError, Text, did_you_mean, msg
from scorer.models.message import Figure
from scorer.loading.criteria import check_rules, check_types, once_per_set
from scorer.loading.evidence import STRAY_HINT, set_name, stray
from scorer.loading.files import is_file, listdir, nfc, outside_link
from scorer.loading.sources import reads
from scorer.loading.vocabulary import inherit, known_roles
from scorer.loading.problems import problems_of, pydantic_message
from scorer.loading.yaml_ import LineMap, read_yaml, shorten
from scorer.models.criteria import CriteriaSet, Loc, check_criteria_set
from scorer.models.evidence import Official, Unit

M = TypeVar("M", bound=BaseModel)


def load_model(path: Path, model: type[M], expected: Text) -> tuple[M, LineMap]:
    """One YAML mapping validated as `model`, every problem located; `expected` says what the top holds.
    The lines are read only if a problem asks for one."""
    data, lines = read_yaml(path, marks=False)
    if not isinstance(data, dict):
        raise ScorerError([Problem(str(path), msg("expected_mapping", expected=expected), line=1)])
    try:
        return model.model_validate(data), lines
    except ValidationError as error:
        raise ScorerError(problems_of(error, str(path), lines, model=model)) from None


@reads(CriteriaError)
def load_criteria(path: Path) -> CriteriaSet:
    """Load and check a criteria set; every problem is reported with its line."""
    criteria, lines = load_model(path, CriteriaSet, "schema, title, year, ..., areas")
    # The product's names first: the set's metrics may read them without declaring them.
    criteria, findings = inherit(criteria)
    findings += check_criteria_set(criteria) + check_types(criteria) + check_rules(criteria)
    if findings:
        raise ScorerError(
            Problem(str(path), message, line=lines.line(loc), field=".".join(str(p) for p in loc), hint=hint)
            for loc, message, hint in findings
        )
    return criteria


def owner_roles(cs: CriteriaSet) -> list[str]:
    """The owner roles a criteria set names (leads, cooperating, implementing), in order of first use."""
    return list(_owner_roles(cs))


@once_per_set
def _owner_roles(cs: CriteriaSet) -> tuple[str, ...]:
    roles: dict[str, None] = {}
    for criterion in cs.criteria():
        roles.update(dict.fromkeys([*criterion.owners, *criterion.cooperating, *criterion.implementing]))
    return tuple(roles)


@once_per_set
def _row_ids(cs: CriteriaSet) -> frozenset[str]:
    """The ids unit.yaml's `not_applicable` may name: criteria, the nodes above them, areas."""
    return frozenset({c.id for c in cs.criteria()} | {n.id for n in cs.nodes()} | {a.id for a in cs.areas})


def _row_hint(name: str, cs: CriteriaSet, ids: frozenset[str]) -> Text | None:
    """A row named by its title where its id goes ('Cải cách thủ tục hành chính' for area 3):
    the id to write; else the closest id."""
    wanted = name.strip().casefold()
    titles = [(a.id, a.title, a.title_en) for a in cs.areas]
    titles += [(n.id, n.title, n.title_en) for n in cs.nodes()]
    titles += [(c.id, c.title, c.title_en or "") for c in cs.criteria()]
    found = [rid for rid, *names in titles if wanted in (n.strip().casefold() for n in names)]
    if found:
        return msg("row_id_not_title", id=found[0])
    return did_you_mean(name, ids)


def check_unit(folder: Path, unit: Unit, cs: CriteriaSet, lines: LineMap | None = None) -> list[Problem]:
    """The names unit.yaml gives that the criteria set must know: the rows it declares not
    applicable, and its group where the set scores by group."""
    path = str(folder / "unit.yaml")
    lines = lines or LineMap()
    ids = _row_ids(cs)
    problems = [
        Problem(
            path,
            msg("unknown_criterion", id=cid, set=set_name(cs)),
            line=lines.line(("not_applicable", cid)),
            field=f"not_applicable.{cid}",
            hint=_row_hint(cid, cs, ids),
        )
        for cid in unit.not_applicable
        if cid not in ids
    ]
    if cs.unit_groups and unit.group not in cs.unit_groups:
        problems.append(
            Problem(
                path,
                msg("unknown_group", group=unit.group, set=set_name(cs), groups=tuple(cs.unit_groups))
                if unit.group
                else msg("needs_group", set=set_name(cs), groups=tuple(cs.unit_groups)),
                line=lines.line(("group",)),
                field="group",
                hint=did_you_mean(unit.group, cs.unit_groups) if unit.group else None,
            )
        )
    return problems


@reads(InputError)
def load_unit(folder: Path, cs: CriteriaSet | None = None) -> Unit:
    """A unit folder's unit.yaml; with the criteria set, its `divisions` may map only the owner
    roles the set names (a misspelt role would leave a division's criteria unassigned)."""
    path = folder / "unit.yaml"
    link = outside_link(path, folder.parent)
    if link is not None:
        raise ScorerError([link])
    unit, lines = load_model(path, Unit, msg("keys_and", first="id", last="name"))
    problems = []
    if unit.id != nfc(folder.name):
        problems.append(
            Problem(
                str(path),
                msg("unit_id_folder", id=shorten(unit.id), folder=folder.name),
                line=lines.line(("id",)),
                field="id",
            )
        )
    if cs is not None:
        for path_ in listdir(folder):
            if stray(path_):
                problems.append(Problem(str(path_), msg("stray"), hint=STRAY_HINT))
        problems += check_unit(folder, unit, cs, lines)
        roles = _owner_roles(cs)
        known = [*roles, *sorted(known_roles() - set(roles))]
        for role in unit.divisions:
            # A role of the product's vocabulary the set does not use is ignored, with a note
            # (`unused_roles`), so a unit keeps its unit.yaml across sets; so is one like no known
            # role. One close to a known role is misspelt (its division would lead nothing): an error.
            if role not in known and did_you_mean(role, known) is not None:
                problems.append(
                    Problem(
                        str(path),
                        msg("unknown_role", role=shorten(role), set=set_name(cs), roles=tuple(roles)),
                        line=lines.line(("divisions", role)),
                        field=f"divisions.{role}",
                        hint=did_you_mean(role, known),
                    )
                )
    if problems:
        raise ScorerError(problems)
    return unit


def unused_roles(folder: Path, unit: Unit, cs: CriteriaSet) -> list[Problem]:
    """Notes on the roles unit.yaml maps that the set does not use (they are ignored)."""
    roles = _owner_roles(cs)
    return [
        Problem(
            str(folder / "unit.yaml"),
            msg("unused_role", role=shorten(role), set=set_name(cs)),
            field=f"divisions.{role}",
        )
        for role in unit.divisions
        if role not in roles
    ]


@reads(InputError)
def load_official(path: Path, cs: CriteriaSet | None = None) -> Official | None:
    """A year folder's published results, checked against where it lies (its year folder, its unit)
    and against itself (components and areas add up to the total); with the criteria set of the same
    year, its areas and the criteria its deductions name must be the set's."""
    if not is_file(path):
        return None
    link = outside_link(path, path.parent.parent.parent)
    if link is not None:
        raise ScorerError([link])
    official, lines = load_model(path, Official, "year, unit, total, ...")
    problems = []

    def problem(loc: Loc, message: Text, hint: Text | None = None) -> None:
        field = ".".join(str(part) for part in loc)
        problems.append(Problem(str(path), message, line=lines.line(loc), field=field, hint=hint))

    folder = path.parent
    if folder.name.isdigit() and official.year != int(folder.name):
        problem(("year",), msg("official_year", year=official.year, folder=folder.name))
    if official.unit != nfc(folder.parent.name):
        problem(("unit",), msg("official_unit", unit=shorten(official.unit), folder=folder.parent.name))
    total = Decimal(repr(official.total))
    for key, parts in (("components", official.components.model_dump().values()), ("areas", official.areas.values())):
        added = sum((Decimal(repr(v)) for v in parts), Decimal(0))
        if official.areas or key == "components":
            if abs(added - total) > Decimal("0.005"):
                problem((key,), msg("official_sum", added=Figure(added), total=Figure(official.total)))
    if cs is not None:
        known = {c.id: c for c in cs.criteria()}
        for name, values in (("appraised", official.appraised), ("appraisal_notes", official.appraisal_notes)):
            for cid, value in values.items():
                criterion = known.get(cid)
                if criterion is None:
                    problem((name, cid), msg("no_criterion", id=cid, set=set_name(cs)), did_you_mean(cid, known))
                elif name == "appraised" and isinstance(value, float | int) and value > criterion.max:
                    problem(
                        (name, cid),
                        msg("over_max", points=Figure(f"{value:g}"), id=cid, max=Figure(f"{criterion.max:g}")),
                    )
    if cs is not None and cs.year == official.year:
        areas = [area.id for area in cs.areas]
        criteria = [criterion.id for criterion in cs.criteria()]
        for area in official.areas:
            if area not in areas:
                problem(
                    ("areas", area), msg("unknown_area", id=shorten(area), set=set_name(cs)), did_you_mean(area, areas)
                )
        for d, deduction in enumerate(official.deductions):
            for cid in deduction.criteria:
                if cid not in criteria:
                    problem(
                        ("deductions", d, "criteria"),
                        msg("unknown_criterion", id=shorten(cid), set=set_name(cs)),
                        did_you_mean(cid, criteria),
                    )
    if problems:
        raise ScorerError(problems)
    return official


_EXPLANATIONS = TypeAdapter(dict[str, Annotated[str, Field(min_length=1)]])


@reads(InputError)
def load_explanations(path: Path, cs: CriteriaSet) -> dict[str, str]:
    """The unit's own explanations ("giải trình") of rows below their maximum: criterion id -> text."""
    if not is_file(path):
        return {}
    data, lines = read_yaml(path)
    try:
        explanations = _EXPLANATIONS.validate_python(data if data is not None else {})
    except ValidationError as error:
        raise ScorerError(
            Problem(
                str(path),
                pydantic_message(e)[0],
                line=lines.line(tuple(e["loc"][:1])),
                field=".".join(map(str, e["loc"])),
            )
            for e in error.errors()
        ) from None
    known = {c.id for c in cs.criteria()}
    problems = [
        Problem(
            str(path),
            msg("no_criterion", id=cid, set=set_name(cs)),
            line=lines.line((cid,)),
            field=cid,
            hint=did_you_mean(cid, known),
        )
        for cid in explanations
        if cid not in known
    ]
    if problems:
        raise ScorerError(problems)
    return explanations

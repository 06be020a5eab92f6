"""The only module that opens input files: YAML with line marks, CSV with rows, into models.

Every problem of every file is collected and raised at once as a `ScorerError`.
YAML is composed by libyaml (the C loader when present) and turned into plain data here, so that
no tag can build a Python object, aliases cannot multiply a document, dates stay ours to parse,
duplicate keys are errors, and every value keeps its line.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import BaseModel, Field, TypeAdapter, ValidationError

from scorer.errors import Collector, Problem, ScorerError, did_you_mean
from scorer.models.cases import CaseFile
from scorer.models.criteria import CriteriaSet, Loc, SurveyRule, check_criteria_set
from scorer.models.evidence import (
    LIST_FIELDS,
    RECORD_TYPES,
    Document,
    EvidenceRecord,
    Indicator,
    Official,
    Survey,
    Unit,
)

MAX_YAML_NODES = 2_000_000
MAX_YAML_DEPTH = 64
MAX_FILE_BYTES = 200 * 1024 * 1024

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_PLAIN = "tag:scorer,plain"
# PyYAML's implicit types (YAML 1.1) by first character, less timestamps: `12/03/2024` and
# `2024-03-12` both reach our own date parser.
_IMPLICIT = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader whose plain scalars are typed by `_Builder` (one pass, no per-scalar resolver
    machinery: the resolver was a tenth of a province's run)."""

    def resolve(self, kind: Any, value: str, implicit: Any) -> str:
        if kind is yaml.ScalarNode and implicit[0]:
            return _PLAIN
        return super().resolve(kind, value, implicit)  # type: ignore[no-any-return]


def _plain_tag(value: str) -> str:
    for tag, regexp in _IMPLICIT.get(value[:1], ()):
        if regexp.match(value):
            return tag  # type: ignore[no-any-return]
    return "tag:yaml.org,2002:str"


_SCALARS = yaml.constructor.SafeConstructor()
_SCALAR_TAGS = {
    "tag:yaml.org,2002:str": lambda node: node.value,
    "tag:yaml.org,2002:int": _SCALARS.construct_yaml_int,
    "tag:yaml.org,2002:float": _SCALARS.construct_yaml_float,
    "tag:yaml.org,2002:bool": _SCALARS.construct_yaml_bool,
    "tag:yaml.org,2002:null": lambda node: None,
}


class LineMap:
    """Where each value of a parsed file starts: a location path (keys and indexes) to a line.
    A map made `within` another shares its table and reads it under a prefix (one record)."""

    def __init__(self, lines: dict[Loc, int] | None = None, prefix: Loc = ()) -> None:
        self.lines: dict[Loc, int] = {} if lines is None else lines
        self.prefix = prefix

    def within(self, prefix: Loc) -> LineMap:
        return LineMap(self.lines, self.prefix + prefix)

    def line(self, loc: Loc) -> int | None:
        full = self.prefix + tuple(loc)
        while full not in self.lines and len(full) > len(self.prefix):
            full = full[:-1]
        return self.lines.get(full)


@dataclass(frozen=True)
class Origin:
    """Where an evidence record was read: its file and line (YAML) or row (CSV)."""

    path: str
    line: int


@dataclass(frozen=True)
class EvidenceSet:
    """One unit-year's evidence. A plain container: the records themselves are pydantic models."""

    records: tuple[EvidenceRecord, ...]
    origins: dict[str, Origin]
    missing_attachments: frozenset[str] = frozenset()
    hypothetical: frozenset[str] = frozenset()

    def merged(self, other: EvidenceSet) -> EvidenceSet:
        return EvidenceSet(
            self.records + other.records,
            {**self.origins, **other.origins},
            self.missing_attachments | other.missing_attachments,
            self.hypothetical | other.hypothetical,
        )


EMPTY_EVIDENCE = EvidenceSet((), {})


# -- YAML ----------------------------------------------------------------------------------


def read_yaml(path: Path) -> tuple[Any, LineMap]:
    """Parse one YAML file into plain data and its line map, or raise a located ScorerError."""
    text = _read_text(path)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise ScorerError([Problem(str(path), f"invalid YAML: {error.problem or error.context}", line=line)]) from None
    except yaml.YAMLError as error:
        raise ScorerError.single(path, f"invalid YAML: {error}") from None
    except RecursionError:
        raise ScorerError.single(path, f"YAML nested too deeply (more than {MAX_YAML_DEPTH} levels)") from None
    lines = LineMap()
    if node is None:
        return None, lines
    builder = _Builder(str(path), lines)
    return builder.build(node, (), 0), lines


class _Builder:
    def __init__(self, path: str, lines: LineMap) -> None:
        self.path = path
        self.lines = lines
        self.visits = 0

    def fail(self, node: yaml.Node, message: str) -> ScorerError:
        return ScorerError([Problem(self.path, message, line=node.start_mark.line + 1)])

    def build(self, node: yaml.Node, loc: Loc, depth: int) -> Any:
        self.visits += 1
        if self.visits > MAX_YAML_NODES:
            raise self.fail(node, f"YAML too large: more than {MAX_YAML_NODES:,} values once aliases are expanded")
        if depth > MAX_YAML_DEPTH:
            raise self.fail(node, f"YAML nested too deeply (more than {MAX_YAML_DEPTH} levels)")
        self.lines.lines[loc] = node.start_mark.line + 1
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _PLAIN:
                node.tag = _plain_tag(node.value)
                if node.tag == "tag:yaml.org,2002:str":
                    return node.value
            convert = _SCALAR_TAGS.get(node.tag)
            if convert is None:
                raise self.fail(node, f"YAML tag {node.tag} is not allowed")
            try:
                return convert(node)
            except (ValueError, yaml.YAMLError):
                raise self.fail(node, f"{node.value!r} is not a valid {node.tag.rsplit(':', 1)[-1]}") from None
        if isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                raise self.fail(node, f"YAML tag {node.tag} is not allowed")
            return [self.build(item, loc + (i,), depth + 1) for i, item in enumerate(node.value)]
        if node.tag != "tag:yaml.org,2002:map":
            raise self.fail(node, f"YAML tag {node.tag} is not allowed")
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                raise self.fail(key_node, "mapping keys must be plain names")
            key = self.build(key_node, loc + ("<key>",), depth + 1)
            if not isinstance(key, (str, int, float, bool)):
                raise self.fail(key_node, f"mapping key {key_node.value!r} must be a name")
            key = str(key) if not isinstance(key, str) else key
            if key in result:
                raise self.fail(key_node, f"duplicate key '{key}'")
            result[key] = self.build(value_node, loc + (key,), depth + 1)
            self.lines.lines[loc + (key,)] = key_node.start_mark.line + 1
        return result


def _read_text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ScorerError.single(path, f"file larger than {MAX_FILE_BYTES // 2**20} MiB")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ScorerError.single(path, "file not found") from None
    except IsADirectoryError:
        raise ScorerError.single(path, "is a folder, expected a file") from None
    except OSError as error:
        raise ScorerError.single(path, f"cannot read: {error.strerror}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ScorerError([Problem(str(path), "not UTF-8 text", line=line, hint="save the file as UTF-8")]) from None


# -- validation errors ---------------------------------------------------------------------


def _problems(
    error: ValidationError, path: str, lines: LineMap, model: Any = None, tag: str | None = None
) -> list[Problem]:
    """Pydantic's errors as located problems; `tag` is a discriminated union's tag, left off the field."""
    problems = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        if tag is not None and loc[:1] == (tag,):
            loc = loc[1:]
        kind = item["type"]
        field = ".".join(str(part) for part in loc) or None
        message = item["msg"]
        hint = None
        if kind == "extra_forbidden":
            message = "unknown field"
            parent = _model_at(model, loc[:-1])
            if parent is not None:
                hint = did_you_mean(str(loc[-1]), parent.model_fields)
        elif kind == "missing":
            message = "missing (required)"
        elif kind.startswith("value_error"):
            message = message.removeprefix("Value error, ")
        elif "input" in item and kind not in ("model_type", "dict_type", "list_type"):
            message = f"{message}, got {item['input']!r}"
        problems.append(Problem(path, message, line=lines.line(loc), field=field, hint=hint))
    return problems


def _model_at(model: Any, loc: Loc) -> Any:
    for part in loc:
        if model is None or isinstance(part, int) or not hasattr(model, "model_fields"):
            return model if hasattr(model, "model_fields") else None
        annotation = model.model_fields.get(part)
        if annotation is None:
            return None
        model = _first_model(annotation.annotation)
    return model


def _first_model(annotation: Any) -> Any:
    if hasattr(annotation, "model_fields"):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _first_model(arg)
        if found is not None:
            return found
    return None


# -- criteria, unit, official -------------------------------------------------------------


M = TypeVar("M", bound=BaseModel)


def _load_model(path: Path, model: type[M], expected: str) -> tuple[M, LineMap]:
    """One YAML mapping validated as `model`, every problem located; `expected` says what the top holds."""
    data, lines = read_yaml(path)
    if not isinstance(data, dict):
        raise ScorerError([Problem(str(path), f"expected a mapping with {expected}", line=1)])
    try:
        return model.model_validate(data), lines
    except ValidationError as error:
        raise ScorerError(_problems(error, str(path), lines, model=model)) from None


def load_criteria(path: Path) -> CriteriaSet:
    """Load and check a criteria set; every problem is reported with its line."""
    criteria, lines = _load_model(path, CriteriaSet, "schema, title, year, ..., areas")
    findings = check_criteria_set(criteria)
    if findings:
        raise ScorerError(
            Problem(str(path), message, line=lines.line(loc), field=".".join(str(p) for p in loc), hint=hint)
            for loc, message, hint in findings
        )
    return criteria


def load_unit(folder: Path) -> Unit:
    path = folder / "unit.yaml"
    unit, lines = _load_model(path, Unit, "id and name")
    if unit.id != folder.name:
        raise ScorerError(
            [
                Problem(
                    str(path),
                    f"id '{unit.id}' does not match its folder '{folder.name}'",
                    line=lines.line(("id",)),
                    field="id",
                )
            ]
        )
    return unit


def load_official(path: Path, cs: CriteriaSet | None = None) -> Official | None:
    """The year's published results; with the year's criteria set, the appraisal's points and notes
    are checked against it (a criterion it does not have, points above a criterion's maximum)."""
    if not path.exists():
        return None
    official, lines = _load_model(path, Official, "year, unit, total, ...")
    if cs is None:
        return official
    known = {c.id: c for c in cs.criteria()}
    problems = []
    for name, values in (("appraised", official.appraised), ("appraisal_notes", official.appraisal_notes)):
        for cid, value in values.items():
            criterion = known.get(cid)
            if criterion is None:
                problems.append(
                    Problem(
                        str(path),
                        f"no criterion '{cid}' in {cs.title_en}",
                        line=lines.line((name, cid)),
                        field=f"{name}.{cid}",
                        hint=did_you_mean(cid, known),
                    )
                )
            elif name == "appraised" and isinstance(value, float | int) and value > criterion.max:
                problems.append(
                    Problem(
                        str(path),
                        f"{value:g} points are more than criterion {cid}'s maximum {criterion.max:g}",
                        line=lines.line((name, cid)),
                        field=f"{name}.{cid}",
                    )
                )
    if problems:
        raise ScorerError(problems)
    return official


def load_explanations(path: Path, cs: CriteriaSet) -> dict[str, str]:
    """The unit's own explanations ("giải trình") of rows below their maximum: criterion id -> text."""
    if not path.exists():
        return {}
    data, lines = read_yaml(path)
    try:
        explanations = _EXPLANATIONS.validate_python(data if data is not None else {})
    except ValidationError as error:
        raise ScorerError(
            Problem(str(path), e["msg"], line=lines.line(tuple(e["loc"][:1])), field=".".join(map(str, e["loc"])))
            for e in error.errors()
        ) from None
    known = {c.id for c in cs.criteria()}
    problems = [
        Problem(
            str(path),
            f"no criterion '{cid}' in {cs.title_en}",
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


# -- evidence ------------------------------------------------------------------------------

_RECORD = TypeAdapter(EvidenceRecord)
EVIDENCE_SUFFIXES = (".yaml", ".yml", ".csv", ".xlsx")
NOT_EVIDENCE = frozenset({"official.yaml", "official.yml", "explanations.yaml", "explanations.yml"})
_EXPLANATIONS = TypeAdapter(dict[str, Annotated[str, Field(min_length=1)]])


def evidence_files(year_folder: Path) -> list[Path]:
    if not year_folder.is_dir():
        return []
    return sorted(
        p
        for p in year_folder.iterdir()
        if p.is_file() and p.suffix.lower() in EVIDENCE_SUFFIXES and p.name not in NOT_EVIDENCE
    )


def load_evidence(unit_folder: Path, year: int) -> EvidenceSet:
    """All evidence of one unit-year, every file, with each record's origin."""
    return load_evidence_files(unit_folder, evidence_files(unit_folder / str(year)))


def load_evidence_files(unit_folder: Path, paths: list[Path], hypothetical: bool = False) -> EvidenceSet:
    problems = Collector()
    records: list[EvidenceRecord] = []
    origins: dict[str, Origin] = {}
    for path in paths:
        try:
            raw = list(_raw_records(path))
        except ScorerError as error:
            problems.extend(error.problems)
            continue
        for (_data, origin, _lines), record in zip(raw, _validate_all(raw, problems)):
            if record is None:
                continue
            if record.id in origins:
                first = origins[record.id]
                problems.add(
                    origin.path,
                    f"duplicate id '{record.id}' (first at {first.path}:{first.line})",
                    line=origin.line,
                    field="id",
                )
                continue
            _check_attachment_path(unit_folder, record, origin, problems)
            origins[record.id] = origin
            records.append(record)
    problems.raise_if_any()
    missing = frozenset(r.id for r in records if r.attachment and not (unit_folder / r.attachment).is_file())
    return EvidenceSet(tuple(records), origins, missing, frozenset(origins) if hypothetical else frozenset())


_RECORDS = TypeAdapter(list[EvidenceRecord])


def _validate_all(raw: list[tuple[Any, Origin, LineMap]], problems: Collector) -> list[EvidenceRecord | None]:
    """A file's records validated in one call; only when that fails, one by one, for located errors."""
    try:
        return list(_RECORDS.validate_python([data for data, _origin, _lines in raw]))
    except ValidationError:
        return [_validate_record(data, origin, lines, problems) for data, origin, lines in raw]


def _validate_record(data: Any, origin: Origin, field_lines: LineMap, problems: Collector) -> EvidenceRecord | None:
    if not isinstance(data, dict):
        problems.add(origin.path, "expected a record (a mapping with id, type, date, ...)", line=origin.line)
        return None
    kind = data.get("type")
    if not isinstance(kind, str) or kind not in RECORD_TYPES:
        if kind is None:
            problems.add(origin.path, "missing (required)", line=origin.line, field="type")
        else:
            problems.add(
                origin.path,
                f"unknown type '{kind}'",
                line=field_lines.line(("type",)) or origin.line,
                field="type",
                hint=did_you_mean(str(kind), RECORD_TYPES),
            )
        return None
    try:
        return _RECORD.validate_python(data)
    except ValidationError as error:
        for problem in _problems(error, origin.path, field_lines, model=RECORD_TYPES[kind], tag=kind):
            problems.add(
                problem.path, problem.message, line=problem.line or origin.line, field=problem.field, hint=problem.hint
            )
        return None


def _check_attachment_path(unit_folder: Path, record: EvidenceRecord, origin: Origin, problems: Collector) -> None:
    if not record.attachment:
        return
    target = (unit_folder / record.attachment).resolve()
    if Path(record.attachment).is_absolute() or not target.is_relative_to(unit_folder.resolve()):
        problems.add(
            origin.path,
            f"'{record.attachment}' points outside the unit folder",
            line=origin.line,
            field="attachment",
            hint="give a path relative to the unit folder, inside it",
        )


def _raw_records(path: Path) -> Iterator[tuple[Any, Origin, LineMap]]:
    if path.suffix.lower() == ".csv":
        yield from _csv_records(path)
        return
    if path.suffix.lower() == ".xlsx":
        yield from _xlsx_records(path)
        return
    data, lines = read_yaml(path)
    base: Loc = ()
    if isinstance(data, dict) and set(data) == {"records"}:
        data, base = data["records"], ("records",)
    if data is None:
        return
    if not isinstance(data, list):
        raise ScorerError(
            [Problem(str(path), "expected a list of records (or a mapping with the key 'records')", line=1)]
        )
    for i, item in enumerate(data):
        prefix = base + (i,)
        yield item, Origin(str(path), lines.line(prefix) or 1), lines.within(prefix)


_LIST_SPLIT = re.compile(r"\s*;\s*")


def _csv_records(path: Path) -> Iterator[tuple[Any, Origin, LineMap]]:
    text = _read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise ScorerError.single(path, f"invalid CSV: {error}", line=1) from None
    if not header:
        return
    header = [h.strip() for h in header]
    problems = Collector()
    if "type" not in header:
        problems.add(path, "the header has no 'type' column", line=1)
    for name in header:
        if header.count(name) > 1:
            problems.add(path, f"column '{name}' appears twice in the header", line=1)
    problems.raise_if_any()
    rows: list[tuple[Any, Origin, LineMap]] = []
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                problems.add(path, f"row has {len(row)} cells, the header has {len(header)}", line=line)
                continue
            record: dict[str, Any] = {}
            for name, cell in zip(header, row):
                cell = cell.strip()
                if cell == "":
                    continue
                record[name] = _LIST_SPLIT.split(cell) if name in LIST_FIELDS else cell
            rows.append((record, Origin(str(path), line), LineMap({(): line})))
    except csv.Error as error:
        problems.add(path, f"invalid CSV: {error}", line=reader.line_num)
    problems.raise_if_any()
    yield from rows


def _xlsx_records(path: Path) -> Iterator[tuple[Any, Origin, LineMap]]:
    """One sheet per evidence type, named after it; row 1 names the fields. A record's origin is
    `file.xlsx[sheet]` and its row. Sheets whose names start with `_` (instructions) are skipped."""
    import zipfile

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    if path.stat().st_size > MAX_FILE_BYTES:
        raise ScorerError.single(path, f"file larger than {MAX_FILE_BYTES // 2**20} MiB")
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError, TypeError):
        raise ScorerError.single(
            path, "not a readable .xlsx workbook", hint="save it again from Excel as .xlsx"
        ) from None
    problems = Collector()
    rows: list[tuple[Any, Origin, LineMap]] = []
    try:
        for sheet in book.worksheets:
            name = sheet.title.strip()
            if name.startswith("_"):
                continue
            where = f"{path}[{sheet.title}]"
            if name not in RECORD_TYPES:
                problems.add(
                    where,
                    f"sheet '{sheet.title}' is not an evidence type",
                    line=1,
                    hint=did_you_mean(name, RECORD_TYPES) or "name each sheet after a type, e.g. 'plan'",
                )
                continue
            rows += _sheet_records(sheet, name, where, problems)
    finally:
        book.close()
    problems.raise_if_any()
    yield from rows


def _sheet_records(sheet: Any, kind: str, where: str, problems: Collector) -> list[tuple[Any, Origin, LineMap]]:
    import datetime as dt

    found: list[tuple[Any, Origin, LineMap]] = []
    header: list[str] | None = None
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if header is None:
            header = ["" if v is None else str(v).strip() for v in values]
            for name in header:
                if name and header.count(name) > 1:
                    problems.add(where, f"column '{name}' appears twice in the header", line=number)
                    return found
            continue
        record: dict[str, Any] = {}
        for name, value in zip(header, values):
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            if not name:
                problems.add(where, "a value under a column with no name", line=number)
                continue
            if isinstance(value, dt.datetime):
                value = value.date() if value.time() == dt.time() else value
            elif isinstance(value, str):
                value = value.strip()
                if name in LIST_FIELDS:
                    value = _LIST_SPLIT.split(value)
            record[name] = value
        if not record:
            continue
        if record.setdefault("type", kind) != kind:
            problems.add(where, f"type '{record['type']}' on the '{kind}' sheet", line=number, field="type")
            continue
        found.append((record, Origin(where, number), LineMap({(): number})))
    return found


# -- the evidence tree ---------------------------------------------------------------------


def unit_folders(evidence_root: Path) -> list[Path]:
    """Unit folders under the evidence root, in name order (each holds a unit.yaml)."""
    if not evidence_root.is_dir():
        raise ScorerError.single(evidence_root, "evidence folder not found")
    return sorted(p for p in evidence_root.iterdir() if p.is_dir() and (p / "unit.yaml").is_file())


def check_evidence(evidence: EvidenceSet, cs: CriteriaSet) -> list[Problem]:
    """Names in the evidence that the criteria set must declare: indicators, document kinds, and
    the survey criteria (each a survey criterion of the set, of the right instrument)."""
    surveys = {c.id: c.rule.instrument for c in cs.criteria() if isinstance(c.rule, SurveyRule)}
    problems: list[Problem] = []
    for record in evidence.records:
        origin = evidence.origins[record.id]
        if isinstance(record, Indicator) and record.name not in cs.indicators:
            problems.append(
                Problem(
                    origin.path,
                    f"indicator '{record.name}' is not declared by {cs.title_en}",
                    line=origin.line,
                    field="name",
                    hint=did_you_mean(record.name, cs.indicators),
                )
            )
        elif isinstance(record, Document) and record.kind not in cs.document_kinds:
            problems.append(
                Problem(
                    origin.path,
                    f"document kind '{record.kind}' is not declared by {cs.title_en}",
                    line=origin.line,
                    field="kind",
                    hint=did_you_mean(record.kind, cs.document_kinds),
                )
            )
        elif isinstance(record, Survey):
            if record.criterion not in surveys:
                problems.append(
                    Problem(
                        origin.path,
                        f"'{record.criterion}' is not a survey criterion of {cs.title_en}",
                        line=origin.line,
                        field="criterion",
                        hint=did_you_mean(record.criterion, surveys),
                    )
                )
            elif surveys[record.criterion] != record.instrument.value:
                problems.append(
                    Problem(
                        origin.path,
                        f"criterion {record.criterion} is scored by the {surveys[record.criterion]}' survey",
                        line=origin.line,
                        field="instrument",
                    )
                )
    return problems


_CITING = frozenset({"indicator", "survey", "communication"})


def document_conflicts(*sets: EvidenceSet) -> list[Problem]:
    """Warnings, not errors: one document number (same number, symbol and year) naming documents with
    different titles or dates. Indicators, surveys and communication counts cite a report as their
    source (their title is the figure's or the activity's), and a plan's later records with its number are progress snapshots, so only
    the earliest plan record of a number names the plan."""
    named: dict[tuple[str, int], list[tuple[EvidenceRecord, Origin]]] = {}
    seen: set[str] = set()
    for evidence in sets:
        for record in sorted(evidence.records, key=lambda r: (r.date, r.id)):
            if not record.document_no or record.type in _CITING or record.id in seen:
                continue
            seen.add(record.id)
            key = (" ".join(record.document_no.split()).upper(), record.date.year)
            group = named.setdefault(key, [])
            if record.type == "plan" and any(r.type == "plan" for r, _ in group):
                continue
            group.append((record, evidence.origins[record.id]))
    problems = []
    for (_, year), group in named.items():
        first, first_at = group[0]
        for record, origin in group[1:]:
            differs = [
                what
                for what, a, b in (("title", first.title, record.title), ("date", first.date, record.date))
                if a is not None and b is not None and a != b
            ]
            if differs:
                problems.append(
                    Problem(
                        origin.path,
                        f"{record.document_no} of {year} also names '{first.id}' ({first_at.path}:{first_at.line}) "
                        f"with another {' and '.join(differs)}: "
                        f"'{record.title}' {record.date.strftime('%d/%m/%Y')} vs "
                        f"'{first.title}' {first.date.strftime('%d/%m/%Y')}",
                        line=origin.line,
                        field="document_no",
                        hint="one number and symbol names one document a year",
                    )
                )
    return sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.message))


# -- criteria test cases -------------------------------------------------------------------


@dataclass(frozen=True)
class LoadedCase:
    case: Any
    line: int
    evidence: EvidenceSet
    last_year: EvidenceSet


def load_case_file(path: Path) -> tuple[CaseFile, list[LoadedCase]]:
    """A file of criteria test cases, its records validated like any evidence (with their lines)."""
    parsed, lines = _load_model(path, CaseFile, "'criteria' and 'cases'")
    problems = Collector()
    loaded = []
    for i, case in enumerate(parsed.cases):
        sets = []
        for key in ("evidence", "last_year"):
            records: list[EvidenceRecord] = []
            origins: dict[str, Origin] = {}
            for j, raw in enumerate(getattr(case, key)):
                where = lines.within(("cases", i, key, j))
                origin = Origin(str(path), where.line(()) or 1)
                record = _validate_record(raw, origin, where, problems)
                if record is None:
                    continue
                if record.id in origins:
                    problems.add(origin.path, f"duplicate id '{record.id}'", line=origin.line, field="id")
                    continue
                origins[record.id] = origin
                records.append(record)
            # Attachments in a case file are looked up beside it, as a unit's are in its folder.
            missing = frozenset(r.id for r in records if r.attachment and not (path.parent / r.attachment).is_file())
            sets.append(EvidenceSet(tuple(records), origins, missing))
        loaded.append(LoadedCase(case, lines.line(("cases", i)) or 1, sets[0], sets[1]))
    problems.raise_if_any()
    return parsed, loaded


def case_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise ScorerError.single(folder, "test folder not found")
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in (".yaml", ".yml"))

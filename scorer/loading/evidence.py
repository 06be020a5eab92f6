"""Evidence: the unit folders under the evidence root, each year's files (YAML, CSV, xlsx, any mix)
read into records with their origins, and the names in them checked against the criteria set.

Records are validated in batches as the readers stream them, so a large file is never held twice.
Every problem of every file is collected and raised at once.
"""

from __future__ import annotations

import datetime as dt

import contextlib
import re
import dataclasses
import functools
from collections.abc import Callable, Generator, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from scorer.errors import Collector, Grouped, InputError, Place, Problem, ScorerError, Text, did_you_mean, msg
from scorer.models.message import Msg
from scorer.loading.criteria import field_kind, once_per_set
from scorer.loading.files import MAX_PATH_CHARS, MAX_RECORDS, is_dir, is_file, listdir, nfc, outside_link, resolve
from scorer.loading.origin import EMPTY_EVIDENCE, EvidenceSet, Origin, RawRecord
from scorer.loading.problems import problems_of
from scorer.loading.sources import reads, with_sources
from scorer.loading.yaml_ import LineMap, shorten
from scorer.loading.yaml_ import yaml_records as read_records
from scorer.loading.vocabulary import product_vocabulary
from scorer.models import columns
from scorer.models.criteria import CriteriaSet, IndicatorSpec, ObligationMetric
from scorer.scoring.kinds import survey_instrument
from scorer.models.evidence import RECORD_TYPES, Document, EvidenceRecord, Indicator, Survey

_RECORD = TypeAdapter(EvidenceRecord)
_RECORDS = TypeAdapter(list[EvidenceRecord])
EVIDENCE_SUFFIXES = (".yaml", ".yml", ".csv", ".xlsx")
NOT_EVIDENCE = frozenset({"official.yaml", "official.yml", "explanations.yaml", "explanations.yml"})
# Data files a person may well have meant as evidence, in a format not read: refused, not skipped.
NOT_READ = frozenset({".xls", ".xlsm", ".xlsb", ".ods", ".numbers", ".tsv"})
LOCK_PREFIX = "~$"
STRAY_HINT = msg("stray_hint")


def stray(path: Path) -> bool:
    """A YAML or CSV file where only folders (or unit.yaml) belong: evidence put one level too high."""
    return (
        path.suffix.lower() in (".yaml", ".yml", ".csv")
        and not path.name.startswith(".")
        and path.name not in ("unit.yaml", "unit.yml")
        and is_file(path)
    )  # Excel's lock file beside an open workbook: `~$name.xlsx`


BATCH = 2_000
DATE_FIELDS = {
    kind: tuple(name for name, info in model.model_fields.items() if field_kind(info.annotation)[0] == "date")
    for kind, model in RECORD_TYPES.items()
}


# -- the evidence tree ---------------------------------------------------------------------


def unit_folders(evidence_root: Path, unit: str | None = None) -> list[Path]:
    """Unit folders under the evidence root, in name order. Every folder there is a unit and needs
    its unit.yaml (hidden folders aside); a link leading out of the root is refused. With `unit`,
    only that folder is looked at (and an empty list returned when there is none)."""
    if not is_dir(evidence_root):
        raise ScorerError.single(evidence_root, msg("evidence_folder_not_found"))
    problems = Collector()
    found = []
    candidates = listdir(evidence_root)
    if unit is not None:  # a folder name may be stored decomposed (NFD, as macOS writes it)
        candidates = [folder for folder in candidates if nfc(folder.name) == nfc(unit)]
    for folder in candidates:
        if unit is None and stray(folder):
            problems.add(folder, msg("stray"), hint=STRAY_HINT)
            continue
        if folder.name.startswith(".") or not is_dir(folder):
            continue
        link = outside_link(folder, evidence_root)
        if link is not None:
            problems.extend([link])
            continue
        if not is_file(folder / "unit.yaml"):
            problems.add(
                folder,
                msg("no_unit_yaml"),
                hint=msg("no_unit_yaml_hint"),
            )
            continue
        found.append(folder)
    problems.raise_if_any()
    return found


def evidence_files(year_folder: Path, root: Path | None = None) -> list[Path]:
    """The evidence files of one year folder, in name order. Excel's lock files are skipped; links
    that lead out of `root` (the evidence folder) are refused."""
    if not is_dir(year_folder):
        return []
    root = root if root is not None else year_folder.parent.parent
    problems = Collector()
    found = []
    for path in listdir(year_folder):
        if path.name.startswith(LOCK_PREFIX):
            continue
        if path.suffix.lower() in NOT_READ:
            problems.add(
                path,
                msg("not_read_suffix", suffix=path.suffix),
                hint=msg("not_read_suffix_hint"),
            )
            continue
        if path.suffix.lower() not in EVIDENCE_SUFFIXES:
            continue
        if path.name in NOT_EVIDENCE:
            continue
        link = outside_link(path, root)
        if link is not None:
            problems.extend([link])
        elif is_file(path):
            found.append(path)
    problems.raise_if_any()
    return found


def load_evidence(unit_folder: Path, year: int, cs: CriteriaSet | None = None) -> EvidenceSet:
    """All evidence of one unit-year, every file, with each record's origin. With the criteria set,
    an indicator written as a percentage (`63%`) is read as its declared kind asks."""
    evidence, problems = read_evidence(unit_folder, year, cs)
    if problems:
        raise InputError(problems)
    return evidence


def read_evidence(unit_folder: Path, year: int, cs: CriteriaSet | None = None) -> tuple[EvidenceSet, list[Problem]]:
    """`load_evidence`, but the records that could be read come back with the problems of those
    that could not (each with its source line), so the checks that follow (names, ranges, the
    cut-off) run on the rest and every mistake is told at once. A year folder nothing of which can
    be read (linked outside the evidence tree, a file of a kind no reader takes) is empty, with its
    problems."""
    root = unit_folder.parent
    year_folder = unit_folder / str(year)
    link = outside_link(year_folder, root)
    if link is not None:
        return EMPTY_EVIDENCE, [link]
    try:
        paths = evidence_files(year_folder, root)
    except ScorerError as error:
        return EMPTY_EVIDENCE, with_sources(error.problems)
    return read_evidence_files(unit_folder, paths, cs=cs, year=year)


def load_evidence_files(
    unit_folder: Path, paths: list[Path], hypothetical: bool = False, cs: CriteriaSet | None = None
) -> EvidenceSet:
    evidence, problems = read_evidence_files(unit_folder, paths, hypothetical, cs)
    if problems:
        raise InputError(problems)
    return evidence


@reads(InputError)
def read_evidence_files(
    unit_folder: Path,
    paths: list[Path],
    hypothetical: bool = False,
    cs: CriteriaSet | None = None,
    year: int | None = None,
) -> tuple[EvidenceSet, list[Problem]]:
    """The records of these files that could be read, and the problems of the rest. `year`: the
    year the files hold (the set's unless said: last year's folder is read with this year's set)."""
    held = year if year is not None else cs.year if cs is not None else None
    problems = Collector()
    records: list[EvidenceRecord] = []
    origins: dict[str, Origin] = {}
    indicators = cs.indicators if cs is not None else {}
    titles = declared_titles(cs) if cs is not None else {}
    # The unit folder with its links followed, worked out when the first attachment asks for it and
    # kept for the next ones (an error is not kept: each attachment meets it as before).
    resolved_folder = functools.cache(lambda: resolve(unit_folder))

    def keep(batch: list[RawRecord]) -> None:
        for (data, origin, _lines), record in zip(batch, _validate_all(batch, problems)):
            if record is None and held is not None:
                # Its own problems are told; what its other fields say is checked too (a name the
                # set does not declare, a date after the cut-off), so one run tells the whole row.
                record = _salvage(data, held)
            if record is None:
                continue
            if record.id in origins:
                first = origins[record.id]
                problems.add(
                    origin.path,
                    msg("duplicate_id", id=shorten(record.id), first=Place(first.path, first.line)),
                    line=origin.line,
                    field=origin.shown("id"),
                )
                continue
            if not _attachment_ok(resolved_folder, record, origin, problems):
                continue
            origins[record.id] = origin
            records.append(record)

    for path in paths:
        batch: list[RawRecord] = []
        try:
            with contextlib.closing(_raw_records(path, problems)) as raws:
                for count, raw in enumerate(raws, start=1):
                    if count > MAX_RECORDS:
                        problems.add(raw[1].path, msg("too_many_records", limit=Grouped(MAX_RECORDS)), line=raw[1].line)
                        break
                    prepared = _indicator_value(_named(raw, titles) if titles else raw, indicators, problems)
                    if prepared is not None:
                        batch.append(prepared)
                    if len(batch) >= BATCH:
                        keep(batch)
                        batch = []
        except ScorerError as error:
            problems.extend(error.problems)
            continue
        keep(batch)
    missing = frozenset(r.id for r in records if r.attachment and not is_file(unit_folder / r.attachment))
    evidence = EvidenceSet(tuple(records), origins, missing, frozenset(origins) if hypothetical else frozenset())
    return evidence, with_sources(problems.problems)


def _raw_records(path: Path, problems: Collector) -> Generator[RawRecord, None, None]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        from scorer.loading.csv_ import csv_records  # CSV evidence only

        yield from csv_records(path, problems)
    elif suffix == ".xlsx":
        from scorer.loading.xlsx_ import xlsx_records  # zipfile and the sheet reader: workbooks only

        yield from xlsx_records(path, problems)
    else:
        yield from yaml_records(path)


def yaml_records(path: Path) -> Iterator[RawRecord]:
    name = str(path)
    for item, line, lines in read_records(path):
        yield item, Origin(name, line), lines


# The field of a record that holds a name the set declares, by the record's type.
_NAMED_FIELD = {"indicator": "name", "document": "kind"}


@once_per_set
def declared_titles(cs: CriteriaSet) -> dict[str, dict[str, str]]:
    """Each indicator's, document kind's and proof's title (Vietnamese and English, compared
    without marks or case: `columns.key`) to its name, by record type ("proof" for the proofs): the
    evidence template offers the words, the record keeps the name. A title two names share names
    neither (it stays an unknown name)."""
    proofs: dict[str, Any] = dict(product_vocabulary().proofs)
    proofs.update({p.id: p for c in cs.criteria() for p in c.proofs})
    found: dict[str, dict[str, str]] = {}
    for kind, declared in (("indicator", cs.indicators), ("document", cs.document_kinds), ("proof", proofs)):
        table: dict[str, str | None] = {}
        for name, spec in declared.items():
            for title in {spec.title, spec.title_en} - {None, ""}:
                keyed = columns.key(str(title))
                table[keyed] = name if table.get(keyed, name) == name else None
        found[kind] = {keyed: name for keyed, name in table.items() if name is not None}
    return found


def _named(raw: RawRecord, titles: dict[str, dict[str, str]]) -> RawRecord:
    """An indicator's name, a document's kind or a record's proof written as its title (as the
    template's drop-down offers it) read as the name the set declares; a name, or words no title
    reads, as written."""
    data, origin, lines = raw
    if not isinstance(data, dict):
        return raw
    update: dict[str, str] = {}
    field = _NAMED_FIELD.get(str(data.get("type")))
    for key, table in ((field, titles.get(str(data.get("type")))), ("proof", titles["proof"])):
        value = data.get(key) if key is not None and table else None
        if isinstance(value, str):
            name = table.get(columns.key(value)) if table else None
            if name is not None and name != value:
                update[str(key)] = name
    return ({**data, **update}, origin, lines) if update else raw


_DECIMAL_COMMA = re.compile(r"[+-]?[0-9]+,[0-9]+ *%?")
_THOUSANDS = re.compile(r"[+-]?[1-9][0-9]{0,2},[0-9]{3}")


def _indicator_value(raw: RawRecord, indicators: Mapping[str, IndicatorSpec], problems: Collector) -> RawRecord | None:
    """An indicator's `63%`: 0.63 for a rate, 63 for a percent; a count or a score is no percentage.
    A decimal comma is read as one where it cannot mark thousands (`0,85`, `72,5%`)."""
    data, origin, lines = raw
    if not isinstance(data, dict) or data.get("type") != "indicator":
        return raw
    value = data.get("value")
    if isinstance(value, str) and _DECIMAL_COMMA.fullmatch(value.strip()) and not _THOUSANDS.fullmatch(value.strip()):
        # A Vietnamese decimal comma, as officers type it in a text cell: `0,85`, `72,5%`. `1,234`
        # may mark thousands as English writes them: refused with both readings named.
        value = value.strip().replace(",", ".")
        if not value.endswith("%"):
            return {**data, "value": float(value)}, origin, lines
        data = {**data, "value": value}
    if not isinstance(value, str) or not value.strip().endswith("%"):
        return raw
    try:
        number = Decimal(value.strip()[:-1].strip())
    except InvalidOperation:
        return raw
    if not number.is_finite():
        return raw
    spec = indicators.get(str(data.get("name")))
    kind = spec.kind.value if spec is not None else "rate"
    if spec is not None and kind not in ("rate", "percent"):
        title = spec.words(str(data.get("name")))
        problems.add(
            origin.path,
            msg("percentage_for_kind", value=shorten(value), title=title, kind=msg(f"kind.{kind}")),
            line=lines.line(("value",)) or origin.line,
            field=origin.shown("value"),
            hint=msg("plain_number_hint", kind=msg(f"kind.{kind}")),
        )
        return None
    if number < 0 or number > 100:
        problems.add(
            origin.path,
            msg("percentage_outside", value=shorten(value)),
            line=lines.line(("value",)) or origin.line,
            field=origin.shown("value"),
        )
        return None
    converted = number / 100 if kind == "rate" else number
    return {**data, "value": float(converted)}, origin, lines


def _validate_all(raw: list[RawRecord], problems: Collector) -> list[EvidenceRecord | None]:
    """A batch of records validated in one call; only when that fails, one by one, for located errors."""
    try:
        return list(_RECORDS.validate_python([data for data, _origin, _lines in raw]))
    except ValidationError:
        return [validate_record(data, origin, lines, problems) for data, origin, lines in raw]


def _salvage(data: Any, year: int) -> EvidenceRecord | None:
    """A record that failed validation, with the fields that failed left out (a required date put at
    1 January of the year, inside every range the checks apply), for the checks that read its other
    fields; None if nothing of it can be read so. It never reaches a forecast: the record's own
    problems stop every run that reads it."""
    model = RECORD_TYPES.get(str(data.get("type"))) if isinstance(data, dict) else None
    if model is None:
        return None
    try:
        _RECORD.validate_python(data)
        return None  # it did not fail for its fields: nothing to leave out
    except ValidationError as error:
        failed = {str(e["loc"][1]) for e in error.errors() if len(e["loc"]) > 1}
    if not failed:
        return None
    kept = {k: v for k, v in data.items() if k not in failed}
    for name in failed:
        info = model.model_fields.get(name)
        if info is not None and info.is_required():
            if field_kind(info.annotation)[0] != "date":
                return None
            kept[name] = dt.date(year, 1, 1)
    try:
        return _RECORD.validate_python(kept)
    except ValidationError:
        return None


def validate_record(data: Any, origin: Origin, field_lines: LineMap, problems: Collector) -> EvidenceRecord | None:
    if not isinstance(data, dict):
        problems.add(origin.path, msg("expected_record"), line=origin.line)
        return None
    kind = data.get("type")
    if not isinstance(kind, str) or kind not in RECORD_TYPES:
        if kind is None:
            problems.add(origin.path, msg("missing"), line=origin.line, field=origin.shown("type"))
        else:
            problems.add(
                origin.path,
                msg("unknown_type", type=shorten(str(kind))),
                line=field_lines.line(("type",)) or origin.line,
                field=origin.shown("type"),
                hint=did_you_mean(str(kind), RECORD_TYPES),
            )
        return None
    try:
        return _RECORD.validate_python(data)
    except ValidationError as error:
        for problem in problems_of(error, origin.path, field_lines, model=RECORD_TYPES[kind], tag=kind):
            problems.add(
                problem.path,
                problem.message,
                line=problem.line or origin.line,
                field=origin.shown(problem.field),
                hint=problem.hint,
            )
        return None


def _attachment_ok(
    resolved_folder: Callable[[], Path], record: EvidenceRecord, origin: Origin, problems: Collector
) -> bool:
    """An attachment is a path inside the unit folder (`resolved_folder()`: with its links followed)
    that the file system can hold."""
    attachment = record.attachment
    if not attachment:
        return True

    def refuse(message: Text, hint: Text) -> bool:
        problems.add(origin.path, message, line=origin.line, field=origin.shown("attachment"), hint=hint)
        return False

    if "\x00" in attachment:
        return refuse(msg("path_nul"), msg("path_nul_hint"))
    parts = attachment.replace("\\", "/").split("/")
    if len(attachment) > MAX_PATH_CHARS or any(len(part.encode("utf-8")) > 255 for part in parts):
        return refuse(
            msg("path_too_long", limit=MAX_PATH_CHARS),
            msg("path_too_long_hint"),
        )
    try:
        # Followed from the folder already resolved: the same path (a path's links are followed
        # from its start), without following the folder's own links again for each attachment.
        target = resolve(resolved_folder() / attachment)
        outside = Path(attachment).is_absolute() or not target.is_relative_to(resolved_folder())
    except (OSError, RuntimeError, ValueError):  # a link loop among them: it leads nowhere inside
        outside = True
    if outside:
        return refuse(
            msg("path_outside", path=shorten(attachment, 60)),
            msg("path_outside_hint"),
        )
    return True


# -- names the criteria set must declare -----------------------------------------------------


class _Declared:
    """What a criteria set declares that evidence records name, worked out once for the set (a
    plain class: a dataclass would cost every run its generated methods at import)."""

    def __init__(self, cs: CriteriaSet) -> None:
        criteria = cs.criteria()
        self.surveys: dict[str, str] = {c.id: i for c in criteria if (i := survey_instrument(c)) is not None}
        self.criteria = frozenset(c.id for c in criteria)
        # A row's ids in other sets (`same_as`): evidence recorded under the model set's ids names
        # the same rows here. An id two rows claim names neither.
        claims: dict[str, set[str]] = {}
        for c in criteria:
            for other in c.same_as:
                claims.setdefault(other, set()).add(c.id)
        self.aliases: dict[str, str] = {old: next(iter(new)) for old, new in claims.items() if len(new) == 1}
        # The product's proofs and model rows are known names: a record naming one the set does not
        # use is kept (a unit that changed sets), never refused as a misspelling.
        vocabulary = product_vocabulary()
        self.proofs = frozenset(p.id for c in criteria for p in c.proofs) | frozenset(vocabulary.proofs)
        self.model_rows = vocabulary.criteria
        # (indicator, value) pairs found within the indicator's kind: a province repeats its
        # values, and a value's check (its bounds, the number as shown in a message) is worth
        # doing once. Only a pass is kept: it depends on comparisons alone, which equal values
        # pass alike.
        self.fine_values: dict[tuple[str, float], None] = {}


_declared = once_per_set(_Declared)


def check_evidence(evidence: EvidenceSet, cs: CriteriaSet) -> list[Problem]:
    """Names in the evidence that the criteria set must declare: indicators (and each value within
    its declared kind's range), document kinds, the criteria a record names, and the survey
    criteria (each a survey criterion of the set, of the right instrument)."""
    declared = _declared(cs)
    ids = _id_mapping(evidence, declared)
    problems: list[Problem] = []
    for record in evidence.records:
        origin = evidence.origins[record.id]
        kind = record.type  # its tag: which of its fields are dates, and whether it is a document
        # A decision in force (a document) may be years old; nothing may come from years ahead.
        earliest = 1 if kind == "document" else cs.year - 1
        for name in DATE_FIELDS[kind]:
            day = getattr(record, name)
            if day is not None and not earliest <= day.year <= cs.year + 1:
                message = msg("date_far", date=day.isoformat(), year=cs.year)
                problems.append(_problem(origin, name, message))
        if kind == "report" and record.date.year == cs.year - 1:
            # A report of this year is sent in this year; one dated last year is last year's (its
            # annual report, put in the wrong folder), which would meet this year's obligation.
            message = msg("report_before_year", date=record.date.strftime("%d/%m/%Y"), year=cs.year)
            problems.append(_problem(origin, "date", message, msg("report_before_year_hint", last=cs.year - 1)))
        if record.proof is not None and record.proof not in declared.proofs:
            problems.append(
                _problem(
                    origin,
                    "proof",
                    msg("unknown_proof", proof=shorten(record.proof), set=set_name(cs)),
                    did_you_mean(record.proof, declared.proofs),
                )
            )
        for cid in record.criteria:
            if ids.get(cid, cid) not in declared.criteria and cid not in declared.model_rows:
                message = msg("unknown_criterion", id=shorten(cid), set=set_name(cs))
                problems.append(_problem(origin, "criteria", message, did_you_mean(cid, declared.criteria)))
        if isinstance(record, Indicator):
            problems += _check_indicator(record, origin, cs, declared.fine_values)
        elif isinstance(record, Document) and record.kind not in cs.document_kinds:
            problems.append(
                _problem(
                    origin,
                    "kind",
                    msg("unknown_document_kind", kind=shorten(record.kind), set=set_name(cs)),
                    did_you_mean(record.kind, cs.document_kinds),
                )
            )
        elif isinstance(record, Survey) and record.answers is not None:
            problems.extend(_check_answers(record, origin, cs))
        elif isinstance(record, Survey):
            criterion = ids.get(str(record.criterion), record.criterion)
            if criterion not in declared.criteria and record.criterion in declared.model_rows:
                continue  # a model row the set has no row for: `unresolved` warns
            problems += _check_survey(record.model_copy(update={"criterion": criterion}), origin, cs, declared.surveys)
    return with_sources(once_per_name(problems))


# The problems of a name the set does not know: one for each name, however many records use it.
_NAMING = frozenset(
    {"unknown_proof", "unknown_criterion", "unknown_document_kind", "unknown_indicator", "not_survey_criterion"}
)
SHOWN_PLACES = 3


def once_per_name(problems: list[Problem]) -> list[Problem]:
    """A name the set does not know, told once at its first record, with the other records that
    use it (a unit's 40 indicators with one misspelt name is one problem, not 40)."""
    groups: dict[tuple[object, ...], list[Problem]] = {}
    kept: list[Problem | tuple[object, ...]] = []
    for problem in problems:
        message = problem.message
        if not isinstance(message, Msg) or message.key not in _NAMING:
            kept.append(problem)
            continue
        key = (problem.field, message, problem.hint)
        if key not in groups:
            groups[key] = []
            kept.append(key)
        groups[key].append(problem)
    found = []
    for item in kept:
        if isinstance(item, Problem):
            found.append(item)
            continue
        first, *others = groups[item]
        if others:
            places = tuple(Place(p.path, p.line) for p in others[:SHOWN_PLACES])
            more = len(others) - len(places)
            message = (
                msg("also_at_more", message=first.message, places=places, more=more)
                if more
                else msg("also_at", message=first.message, places=places)
            )
            first = dataclasses.replace(first, message=message)
        found.append(first)
    return found


def unresolved(cs: CriteriaSet, *sets: EvidenceSet) -> list[Problem]:
    """Warnings, not errors: the model's rows a unit's evidence (this year's, last year's) names
    that no row of the set is (neither its id nor a `same_as`), once for each row, with the records
    naming it and the set's rows most like it. Those records count for no row under this set; the
    rest of the unit is scored."""
    declared = _declared(cs)
    named: dict[str, list[tuple[Origin, str]]] = {}
    for evidence in sets:
        ids = _id_mapping(evidence, declared)
        for record in evidence.records:
            cids = [(cid, "criteria") for cid in record.criteria]
            if isinstance(record, Survey) and record.criterion is not None:
                cids.append((record.criterion, "criterion"))
            for cid, field in cids:
                if ids.get(cid, cid) not in declared.criteria and cid in declared.model_rows:
                    named.setdefault(cid, []).append((evidence.origins[record.id], field))
    problems = []
    for cid, places in named.items():
        row = declared.model_rows[cid]
        (first, field), *others = places
        candidates = _like(row.title, cs)
        hint = (
            msg("unresolved_hint_like", id=cid, rows=tuple(candidates))
            if candidates
            else msg("unresolved_hint", id=cid)
        )
        message = msg(
            "unresolved_criterion",
            id=cid,
            title=msg("set_title", en=row.title_en, vi=row.title),
            set=set_name(cs),
            count=len(places),
        )
        if others:
            shown = tuple(Place(o.path, o.line) for o, _ in others[:SHOWN_PLACES])
            more = len(others) - len(shown)
            message = (
                msg("also_at_more", message=message, places=shown, more=more)
                if more
                else msg("also_at", message=message, places=shown)
            )
        problems.append(Problem(first.path, message, line=first.line, field=field, hint=hint))
    return problems


def _like(title: str, cs: CriteriaSet, limit: int = 2) -> list[str]:
    """The set's rows whose titles share most words with `title` (half of them at least)."""
    wanted = _title_words(title)
    scored = []
    for criterion in cs.criteria():
        words = _title_words(criterion.title)
        if wanted and words:
            score = 2 * len(wanted & words) / (len(wanted) + len(words))
            if score >= 0.5:
                scored.append((-score, criterion.id))
    return [f"{cid}" for _, cid in sorted(scored)[:limit]]


def _title_words(title: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", title.casefold()) if len(w) > 1)


def resolve_ids(evidence: EvidenceSet, cs: CriteriaSet) -> EvidenceSet:
    """The evidence with each criterion id it names as the set's own: an id of another set that a
    row declares `same_as` becomes that row's id (the unit's evidence outlives a change of set)."""
    ids = _id_mapping(evidence, _declared(cs))
    if not ids:
        return evidence
    records = []
    for record in evidence.records:
        update: dict[str, object] = {}
        if any(cid in ids for cid in record.criteria):
            update["criteria"] = [ids.get(cid, cid) for cid in record.criteria]
        if isinstance(record, Survey) and record.criterion in ids:
            update["criterion"] = ids[str(record.criterion)]
        records.append(record.model_copy(update=update) if update else record)
    return dataclasses.replace(evidence, records=tuple(records))


def _id_mapping(evidence: EvidenceSet, declared: _Declared) -> dict[str, str]:
    """How the criterion ids a unit-year's evidence names read under the set. Evidence is written
    in one numbering: the set's own, or (a unit that changed sets) the one its rows are `same_as`.
    When some id fits only the other numbering and every id fits it, the evidence is read in it
    whole (a survey naming a row of the right instrument), so an old id that a new row happens to
    share is not taken for that row; otherwise ids are the set's own, and an id it does not have
    is read through `same_as`."""
    aliases = declared.aliases
    if not aliases:
        return {}
    named: list[tuple[str, str | None]] = []
    for record in evidence.records:
        named += [(cid, None) for cid in record.criteria]
        if isinstance(record, Survey) and record.criterion is not None:
            named.append((record.criterion, record.instrument.value))

    def fits(cid: str | None, instrument: str | None) -> bool:
        if cid is None:
            return False
        return (
            cid in declared.surveys and declared.surveys[cid] == instrument if instrument else cid in declared.criteria
        )

    own = all(fits(cid, instrument) for cid, instrument in named)
    other = all(fits(aliases.get(cid), instrument) for cid, instrument in named)
    if other and not own:
        return dict(aliases)
    return {old: new for old, new in aliases.items() if old not in declared.criteria}


def _problem(origin: Origin, field: str, message: Text, hint: Text | None = None) -> Problem:
    return Problem(origin.path, message, line=origin.line, field=origin.shown(field), hint=hint)


def set_name(cs: CriteriaSet) -> Text:
    """A criteria set by its title in each language."""
    return msg("set_title", en=cs.title_en, vi=cs.title)


def _check_indicator(
    record: Indicator, origin: Origin, cs: CriteriaSet, fine: dict[tuple[str, float], None]
) -> list[Problem]:
    """An indicator the set declares, with a value its kind can hold."""
    spec = cs.indicators.get(record.name)
    if spec is None:
        message = msg("unknown_indicator", name=shorten(record.name), set=set_name(cs))
        return [_problem(origin, "name", message, did_you_mean(record.name, cs.indicators))]
    if (record.name, record.value) in fine:
        return []
    found = spec.check(record.name, record.value)
    if found is not None:
        return [_problem(origin, "value", *found)]
    if len(fine) >= 50_000:
        fine.clear()
    fine[(record.name, record.value)] = None
    return []


def _check_survey(record: Survey, origin: Origin, cs: CriteriaSet, surveys: dict[str, str]) -> list[Problem]:
    """A survey share names a survey criterion of the set, and that criterion's instrument."""
    if record.criterion not in surveys:
        message = msg("not_survey_criterion", id=shorten(str(record.criterion)), set=set_name(cs))
        return [_problem(origin, "criterion", message, did_you_mean(str(record.criterion), surveys))]
    if surveys[record.criterion] != record.instrument.value:
        message = msg("survey_instrument", id=str(record.criterion), instrument=surveys[record.criterion])
        return [_problem(origin, "instrument", message)]
    return []


def _check_answers(record: Survey, origin: Origin, cs: CriteriaSet) -> list[Problem]:
    """A pilot survey's answer counts name a question of the set's instrument, its answers and
    respondent group."""
    instrument = cs.surveys.instruments.get(record.instrument.value)  # type: ignore[call-overload]
    if instrument is None:
        return [
            Problem(
                origin.path,
                msg("no_instrument", set=set_name(cs), instrument=record.instrument.value),
                line=origin.line,
                field=origin.shown("instrument"),
            )
        ]
    problems: list[Problem] = []
    if record.question not in instrument.questions:
        problems.append(
            Problem(
                origin.path,
                msg("unknown_question", question=str(record.question), instrument=record.instrument.value),
                line=origin.line,
                field=origin.shown("question"),
                hint=did_you_mean(str(record.question), instrument.questions),
            )
        )
    for answer in record.answers or {}:
        if answer not in instrument.scale:
            problems.append(
                Problem(
                    origin.path,
                    msg("unknown_answer", answer=answer, scale=tuple(instrument.scale)),
                    line=origin.line,
                    field=origin.shown("answers"),
                    hint=did_you_mean(answer, instrument.scale),
                )
            )
    if record.respondent_group is not None and record.respondent_group not in instrument.respondents:
        problems.append(
            Problem(
                origin.path,
                msg("unknown_respondents", group=record.respondent_group, instrument=record.instrument.value),
                line=origin.line,
                field=origin.shown("respondent_group"),
                hint=did_you_mean(record.respondent_group, instrument.respondents),
            )
        )
    return problems


def check_cutoff(evidence: EvidenceSet, cutoff: dt.date) -> list[Problem]:
    """A year folder holds what happened by that year's data cut-off: a record dated after it belongs
    to the next year's folder (last year's folder read as of a date in this year would otherwise let
    the future into a forecast)."""
    problems = []
    for record in evidence.records:
        # A date years away is a mistyped year, told as such where the dates are checked.
        if cutoff < record.date and record.date.year <= cutoff.year + 1 and record.id not in evidence.hypothetical:
            origin = evidence.origins[record.id]
            message = msg(
                "after_cutoff",
                date=record.date.strftime("%d/%m/%Y"),
                year=cutoff.year,
                cutoff=cutoff.strftime("%d/%m/%Y"),
            )
            problems.append(_problem(origin, "date", message, msg("after_cutoff_hint")))
    return with_sources(problems)


def to_review(evidence: EvidenceSet) -> list[Problem]:
    """Warnings: records drafted from the register and not reviewed yet, which predict counts only in
    the high scenario."""
    return [
        _problem(evidence.origins[r.id], "review", msg("to_review", id=r.id), msg("to_review_hint"))
        for r in evidence.records
        if r.review is not None
    ]


def obligation_dates(evidence: EvidenceSet, cs: CriteriaSet) -> list[Problem]:
    """Warnings on the dates of records that meet a declared obligation (a periodic report): a due
    day typed that is not the set's (the set's counts), and a day done after the year's cut-off
    (which counts as not done in the year: most often a mistyped year)."""
    problems: dict[tuple[str, str], Problem] = {}
    for metric in cs.metrics.values():
        if not isinstance(metric, ObligationMetric) or not metric.expect:
            continue
        for obligation in metric.expect:
            due = cs.calendar[obligation.due]
            for r in evidence.records:
                if r.type != metric.type or r.id in evidence.hypothetical:
                    continue
                if any(getattr(r, name, None) != value for name, value in obligation.match.items()):
                    continue
                origin = evidence.origins[r.id]
                typed = getattr(r, metric.due_field, None) if metric.due_field else None
                if isinstance(typed, dt.date) and typed != due:
                    problems[(r.id, "due")] = _problem(
                        origin,
                        str(metric.due_field),
                        msg("due_differs", id=r.id, due=due.strftime("%d/%m/%Y"), typed=typed.strftime("%d/%m/%Y")),
                        msg("due_differs_hint"),
                    )
                done = getattr(r, metric.done_field, None)
                if isinstance(done, dt.date) and done > cs.cutoff:
                    problems[(r.id, "done")] = _problem(
                        origin,
                        metric.done_field,
                        msg(
                            "done_after_cutoff",
                            date=done.strftime("%d/%m/%Y"),
                            year=cs.year,
                            cutoff=cs.cutoff.strftime("%d/%m/%Y"),
                        ),
                        msg("done_after_cutoff_hint"),
                    )
    return list(problems.values())


def unsent_reports(evidence: EvidenceSet) -> list[Problem]:
    """Warnings: report records with no day sent. The contract counts such a report as not sent (a
    report not sent yet may be recorded), but an officer who typed only the report's own date will
    not expect it."""
    return [
        _problem(evidence.origins[r.id], "submitted", msg("report_not_sent", id=r.id), msg("report_not_sent_hint"))
        for r in evidence.records
        if r.type == "report" and r.submitted is None and r.id not in evidence.hypothetical
    ]


def check_values(evidence: EvidenceSet, cs: CriteriaSet) -> list[Problem]:
    """Last year's evidence, read with this year's set: each indicator the set declares must hold a
    value of its kind (a rate of 63 there would move this year's expectation just as much)."""
    problems = []
    for record in evidence.records:
        spec = cs.indicators.get(record.name) if isinstance(record, Indicator) else None
        found = spec.check(record.name, record.value) if spec is not None and isinstance(record, Indicator) else None
        if found is not None:
            origin = evidence.origins[record.id]
            problems.append(
                Problem(origin.path, found[0], line=origin.line, field=origin.shown("value"), hint=found[1])
            )
    return with_sources(problems)


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
                        msg(
                            "number_conflict",
                            number=record.document_no,
                            year=year,
                            first=first.id,
                            at=Place(first_at.path, first_at.line),
                            differs=msg(f"differs_{'_'.join(differs)}"),
                            title=record.title,
                            date=record.date.strftime("%d/%m/%Y"),
                            first_title=first.title,
                            first_date=first.date.strftime("%d/%m/%Y"),
                        ),
                        line=origin.line,
                        field=origin.shown("document_no"),
                        hint=msg("number_conflict_hint"),
                    )
                )
    return sorted(set(problems), key=lambda p: (p.path, p.line or 0, str(p.message)))

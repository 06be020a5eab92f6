"""Criteria test cases (rules/tests/*.yaml): evidence in, points out, records validated like any evidence."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from scorer.errors import Collector, InputError, ScorerError, msg
from scorer.loading.documents import load_model
from scorer.loading.evidence import validate_record
from scorer.loading.files import is_dir, is_file
from scorer.loading.origin import EvidenceSet, Origin
from scorer.loading.sources import reads
from scorer.models.evidence import EvidenceRecord
from scorer.models.inputs import LoadedCase

if TYPE_CHECKING:
    from scorer.models.cases import CaseFile


@reads(InputError)
def load_case_file(path: Path) -> tuple[CaseFile, list[LoadedCase]]:
    """A file of criteria test cases, its records validated like any evidence (with their lines)."""
    from scorer.models.cases import CaseFile  # only `scorer test` reads cases: kept out of predict

    parsed, lines = load_model(path, CaseFile, msg("keys_and", first="'criteria'", last="'cases'"))
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
                record = validate_record(raw, origin, where, problems)
                if record is None:
                    continue
                if record.id in origins:
                    problems.add(origin.path, msg("duplicate_id_case", id=record.id), line=origin.line, field="id")
                    continue
                origins[record.id] = origin
                records.append(record)
            # Attachments in a case file are looked up beside it, as a unit's are in its folder.
            missing = frozenset(r.id for r in records if r.attachment and not is_file(path.parent / r.attachment))
            sets.append(EvidenceSet(tuple(records), origins, missing))
        loaded.append(LoadedCase(case, lines.line(("cases", i)) or 1, sets[0], sets[1]))
    problems.raise_if_any()
    return parsed, loaded


@reads(InputError)
def case_files(folder: Path) -> list[Path]:
    if not is_dir(folder):
        raise ScorerError.single(folder, msg("test_folder_not_found"))
    return sorted(p for p in folder.iterdir() if is_file(p) and p.suffix in (".yaml", ".yml"))

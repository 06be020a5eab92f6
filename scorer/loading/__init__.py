"""The only code that opens input files: YAML with line marks, CSV, xlsx, and the criteria, unit,
official and test-case files, into models.

- `files`: size limits, UTF-8 and NFC text, the symlink guard;
- `yaml_`: YAML composed safely, every value with its line;
- `csv_`, `xlsx_`: evidence rows, streamed;
- `evidence`: the evidence tree and its records, checked against the criteria set;
- `criteria`: the load-time checks of a criteria set's metric types and maxima;
- `documents`: criteria sets, unit.yaml, official.yaml; `cases`: criteria test cases;
- `sources`: the source line shown under an error, with a caret.
- `decision`: a decision's appendix tables, as text cells, for `scorer criteria import`.

Every problem of every file is collected and raised at once as a `ScorerError`.
"""

import importlib
from typing import TYPE_CHECKING, Any

from scorer.loading.documents import (
    check_unit,
    load_criteria,
    load_explanations,
    load_model,
    load_official,
    load_unit,
    owner_roles,
    unused_roles,
)
from scorer.loading.evidence import (
    EVIDENCE_SUFFIXES,
    NOT_EVIDENCE,
    check_cutoff,
    check_evidence,
    resolve_ids,
    check_values,
    unresolved,
    document_conflicts,
    obligation_dates,
    to_review,
    unsent_reports,
    evidence_files,
    load_evidence,
    load_evidence_files,
    read_evidence,
    read_evidence_files,
    unit_folders,
    validate_record,
)
from scorer.loading.files import MAX_FILE_BYTES, check_output, inside, is_dir, is_file, nfc, same_file
from scorer.loading.origin import EMPTY_EVIDENCE, EvidenceSet, Origin
from scorer.loading.sources import with_sources
from scorer.loading.yaml_ import MAX_YAML_DEPTH, MAX_YAML_NODES, LineMap, read_yaml

if TYPE_CHECKING:
    from scorer.loading.cases import LoadedCase, case_files, load_case_file
    from scorer.loading.decision import DecisionFile, DecisionTable, read_decision

# Read by `scorer test` and `scorer criteria import` only: imported when first asked for.
_LATER = {
    "LoadedCase": "cases",
    "case_files": "cases",
    "load_case_file": "cases",
    "DecisionFile": "decision",
    "DecisionTable": "decision",
    "read_decision": "decision",
}


def __getattr__(name: str) -> Any:
    module = _LATER.get(name)
    if module is None:
        raise AttributeError(f"module 'scorer.loading' has no attribute '{name}'")
    return getattr(importlib.import_module(f"scorer.loading.{module}"), name)


__all__ = [
    "EMPTY_EVIDENCE",
    "EVIDENCE_SUFFIXES",
    "MAX_FILE_BYTES",
    "MAX_YAML_DEPTH",
    "MAX_YAML_NODES",
    "NOT_EVIDENCE",
    "DecisionFile",
    "DecisionTable",
    "EvidenceSet",
    "LineMap",
    "LoadedCase",
    "Origin",
    "case_files",
    "check_cutoff",
    "check_evidence",
    "resolve_ids",
    "check_unit",
    "check_output",
    "check_values",
    "document_conflicts",
    "obligation_dates",
    "to_review",
    "unsent_reports",
    "inside",
    "is_dir",
    "is_file",
    "same_file",
    "evidence_files",
    "load_case_file",
    "load_criteria",
    "load_evidence",
    "load_evidence_files",
    "read_evidence",
    "read_evidence_files",
    "load_explanations",
    "load_model",
    "load_official",
    "load_unit",
    "nfc",
    "owner_roles",
    "unused_roles",
    "unresolved",
    "read_decision",
    "read_yaml",
    "unit_folders",
    "validate_record",
    "with_sources",
]

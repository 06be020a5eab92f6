"""Which evidence type a sheet or a file is named after, as people name them: the type itself
(`report`), its plural (`reports`, as the shipped files are named), or its Vietnamese name, with
or without marks and in any case (`Báo cáo`, `bao-cao`, `bao_cao`).

A copy's number or a year after the name is no part of it (`reports (2)`, `Báo cáo 2024`,
`reports_2024`). A sheet named so holds records of that type; a CSV file named so (`reports.csv`, `bao-cao.csv`)
needs no `type` column, as when one sheet of a workbook is saved alone as CSV.
"""

from __future__ import annotations

import re

from scorer.models.columns import VIETNAMESE, key
from scorer.models.evidence import RECORD_TYPES

__all__ = ["VIETNAMESE", "key", "record_type"]
PLURALS = {kind: kind + "s" for kind in RECORD_TYPES}


_TYPES = {key(name): kind for kind in RECORD_TYPES for name in (kind, PLURALS[kind], *VIETNAMESE.get(kind, ()))}


# What a spreadsheet or a person adds after a name: a copy's number (`reports (2)`), a year or a
# number (`Báo cáo 2024`, `reports_2024`).
_SUFFIX = re.compile(r"(\s*\(\d+\)|\s+\d+)+$")


def record_type(name: str) -> str | None:
    """The evidence type `name` (a sheet's or a file's, without its extension) names, or None."""
    plain = key(name)
    return _TYPES.get(plain) or _TYPES.get(_SUFFIX.sub("", plain))

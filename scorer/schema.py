"""JSON Schemas of the input files, for editors (`# yaml-language-server: $schema=...`)."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, TypeAdapter

from scorer.models.cases import CaseFile
from scorer.models.criteria import CriteriaSet
from scorer.models.evidence import EvidenceRecord, Official, Unit

KINDS = ("evidence", "criteria", "unit", "official", "cases")


def schema(kind: str) -> dict[str, Any]:
    if kind == "evidence":
        records = TypeAdapter(list[EvidenceRecord]).json_schema()
        body: dict[str, Any] = {
            "$defs": records.pop("$defs", {}),
            "anyOf": [
                records,
                {
                    "type": "object",
                    "properties": {"records": records},
                    "required": ["records"],
                    "additionalProperties": False,
                },
            ],
        }
    else:
        models: dict[str, type[BaseModel]] = {
            "criteria": CriteriaSet,
            "unit": Unit,
            "official": Official,
            "cases": CaseFile,
        }
        body = models[kind].model_json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": f"scorer {kind} file", **body}


def dumps(kind: str) -> str:
    return json.dumps(schema(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"

"""The draft criteria set `scorer criteria import` writes: YAML in the shipped schema, with a header
that says what is left to do."""

from __future__ import annotations

from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    pass


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    # The decision's scoring text keeps its lines.
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def render_draft(data: dict[str, Any], source: str, rows: int, unread: int) -> str:
    todo = sum(1 for area in data.get("areas", []) for leaf in _leaves(area) if leaf.get("todo"))
    header = [
        "# yaml-language-server: $schema=../schema/criteria.schema.json",
        f"# Draft criteria set imported from {source} by `scorer criteria import`.",
        f"# {rows} table rows read, {unread} not placed (listed under `todo` at the end);",
        f"# {todo} sub-criteria still to finish (each lists what under `todo`). Finish them, delete",
        "# each `todo` when done, then `scorer validate --criteria THIS_FILE` until it reports nothing.",
        "",
    ]
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    return "\n".join(header) + body.rstrip("\n") + "\n"


def _leaves(area: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for member in area.get("criteria", []):
        found += member["criteria"] if "criteria" in member else [member]
    return found

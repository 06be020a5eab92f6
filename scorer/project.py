"""Where a project's folders are and which language it speaks, so that a command works from any
folder inside the project, not only from its root.

Looking up from the current folder, the first folder that has one of these wins:

1. `scorer.toml`: `evidence`, `rules` (paths relative to the file) and `lang` (`vi` or `en`);
2. `pyproject.toml` with a `[tool.scorer]` table holding the same keys;
3. a `rules/` folder (the project's root by its layout; `evidence/` beside it).

The language of a run is `--lang`, else the `SCORER_LANG` environment variable, else the project
file's `lang`, else Vietnamese."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scorer.errors import ScorerError, UsageError
from scorer.models.message import msg

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"
PROJECT_FILE = "scorer.toml"
ENV_LANG = "SCORER_LANG"


@dataclass(frozen=True)
class Project:
    """What the lookup found (every field None when nothing was found) and where it looked."""

    root: Path | None = None
    file: Path | None = None
    evidence: Path | None = None
    rules: Path | None = None
    lang: str | None = None
    looked: tuple[Path, ...] = field(default=())


def _table(path: Path) -> dict[str, Any] | None:
    import tomllib

    from scorer.problem_messages import os_reason, parse_reason

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ScorerError.single(path, msg("cannot_read", reason=os_reason(error))) from None
    except UnicodeDecodeError:
        raise ScorerError.single(
            path, msg("project_toml", error=msg("project_not_utf8")), hint=msg("save_utf8")
        ) from None
    except tomllib.TOMLDecodeError as error:
        # "Expected '=' after a key (at line 3, column 5)": the place as the file's line, the
        # reason in the reader's language
        place = re.search(r"\(at line (\d+), column \d+\)", str(error))
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error)) if place else str(error)
        line = int(place.group(1)) if place else None
        raise ScorerError.single(path, msg("project_toml", error=parse_reason(reason)), line=line) from None
    if path.name == PROJECT_FILE:
        return data
    tool = data.get("tool")
    table = tool.get("scorer") if isinstance(tool, dict) else None
    return table if isinstance(table, dict) else None


def _from_file(path: Path, table: dict[str, Any]) -> Project:
    unknown = sorted(set(table) - {"evidence", "rules", "lang"})
    if unknown:
        raise ScorerError.single(path, msg("project_unknown_key", key=repr(unknown[0])), hint=msg("project_keys"))
    lang = table.get("lang")
    if lang is not None and lang not in LANGS:
        raise ScorerError.single(
            path, msg("project_lang", value=repr(lang)), field="lang", hint=msg("project_lang_hint")
        )
    root = path.parent
    evidence = root / str(table.get("evidence", "evidence"))
    rules = root / str(table.get("rules", "rules"))
    return Project(root=root, file=path, evidence=evidence, rules=rules, lang=lang)


def find(start: Path | None = None) -> Project:
    """The project around `start` (the current folder by default)."""
    here = Path(start or Path.cwd()).absolute()
    looked: list[Path] = []
    for folder in (here, *here.parents):
        looked.append(folder)
        for name in (PROJECT_FILE, "pyproject.toml"):
            path = folder / name
            if path.is_file():
                table = _table(path)
                if table is not None:
                    return _from_file(path, table)
        if (folder / "rules").is_dir():
            return Project(root=folder, evidence=folder / "evidence", rules=folder / "rules")
    return Project(looked=tuple(looked))


def model_rules() -> Path | None:
    """The model's criteria sets the tool comes with: the rules/ folder of the source tree the
    package sits in (the README installs it from there, editable); None for a package installed
    without its source tree."""
    folder = Path(__file__).resolve().parent.parent / "rules"
    return folder if any(folder.glob("criteria_*.yaml")) else None


def relative(path: Path) -> Path:
    """A found folder as the user would type it from here (`evidence` at the root, `../evidence`
    one folder down), so that file names in the output read as before."""
    try:
        return Path(os.path.relpath(path))
    except ValueError:  # another drive (Windows)
        return path


def language(value: str | None, project: Project | None = None) -> str:
    """`--lang` if given, else SCORER_LANG, else the project file's, else Vietnamese."""
    if value:
        return value
    env = os.environ.get(ENV_LANG, "").strip().lower()
    if env:
        if env not in LANGS:
            raise UsageError(msg("env_lang", value=env))
        return env
    if project is None:
        try:
            project = find()
        except ScorerError:
            project = Project()
    return project.lang or DEFAULT_LANG

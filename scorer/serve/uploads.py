"""Evidence files arriving through the browser: checked exactly as `scorer validate` checks the
whole unit, with the new file in place, before anything on disk changes.

An upload is written beside its target as a hidden `.part` file (same folder, so the final
`os.replace` is atomic), validated through a staging copy of the unit (links to every file of the
unit, the year folder rebuilt with the new file under its name), and then either renamed into
place or deleted. A file it replaces is first copied to --data/versions and recorded with who
replaced it and when. Uploads to one unit take a file lock, so two of them (threads or processes)
never validate against a state that the other is about to change."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scorer import api
from scorer.errors import Msg, Place, Problem, ScorerError, Text, msg
from scorer.serve import work
from scorer.serve.locks import unit_lock
from scorer.serve.store import Store
from scorer.serve.work import Runner

ALLOWED_SUFFIXES = (".xlsx", ".csv", ".yaml", ".yml")
MAX_NAME = 120
# in UTF-8 bytes: the hidden `.part` name beside it adds 23, a kept version's name 26, and a file
# system takes 255 (a Vietnamese name of 120 characters can be 360 bytes)
MAX_NAME_BYTES = 150
# names Windows keeps for devices: a file so named cannot be saved there, whatever its extension
WINDOWS_DEVICES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{port}{n}" for port in ("com", "lpt") for n in "123456789¹²³"]
)
RESERVED = frozenset(["unit.yaml", "unit.yml"]) | api.NOT_EVIDENCE
_UNSAFE = re.compile(r"[^\w .()+,-]", re.UNICODE)
_SHEET = re.compile(r"^(?P<file>.*)\[(?P<sheet>[^\[\]]*)\]$")


class StorageError(Exception):
    """The evidence folder or --data could not be written: the server's fault, not the upload's."""


class Changed(Exception):
    """The file to replace is not the version the client said it replaces (If-Match)."""


class UploadRefused(Exception):
    """An upload that was not accepted; `errors` are `{file, sheet, row, field, message}` rows."""

    def __init__(self, errors: list[dict[str, Any]], status: int = 422) -> None:
        super().__init__("; ".join(str(e["message"]) for e in errors))
        self.errors = errors
        self.status = status


def refusal(name: str | None, message: Text, status: int = 422, field: str | None = "file") -> UploadRefused:
    return UploadRefused([{"file": name, "sheet": None, "row": None, "field": field, "message": message}], status)


def safe_name(given: str | None) -> str:
    """The base name an upload is stored under, or a refusal: directories are dropped (either
    separator), the name is NFC, characters outside letters, digits and ` .()+,-_` become `_`,
    leading dots go, and the extension must be one the loaders read."""
    if not given:
        raise refusal(None, msg("upload_no_name"))
    if any(unicodedata.category(ch) == "Cc" for ch in given):
        raise refusal(None, msg("upload_control_character"))
    base = re.split(r"[\\/]", unicodedata.normalize("NFC", given))[-1]
    base = _UNSAFE.sub("_", base).strip().lstrip(".").strip()
    stem, dot, suffix = base.rpartition(".")
    if not dot or not stem.strip(" ._") or "." + suffix.lower() not in ALLOWED_SUFFIXES:
        raise refusal(base or None, msg("upload_suffix", suffixes=ALLOWED_SUFFIXES))
    stem = stem[: MAX_NAME - len(suffix) - 1].rstrip()
    while len(f"{stem}.{suffix}".encode()) > MAX_NAME_BYTES:
        stem = stem[:-1].rstrip()
    name = stem + "." + suffix.lower()
    folded = name.casefold()
    if folded.startswith("official."):
        raise refusal(name, msg("upload_official"))
    if folded in RESERVED:
        raise refusal(name, msg("upload_not_evidence", name=name))
    if folded.split(".")[0].rstrip(" ") in WINDOWS_DEVICES:
        raise refusal(name, msg("upload_device_name", name=name))
    return name


def year_folder(evidence: Path, unit: str, year: int) -> Path:
    return evidence / unit / str(year)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write(path: Path, data: bytes) -> None:
    with open(path, "xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _stage(evidence: Path, unit: str, year: int, name: str, part: Path, root: Path) -> Path:
    """A unit folder under `root` that holds every file of the real one (hard links, or copies
    across file systems: a symbolic link out of the evidence folder is refused when evidence is
    read), except that its year folder holds the new file under its final name instead of what
    that name holds now."""
    real = evidence / unit
    staged = root / unit
    staged.mkdir()
    for entry in real.iterdir():
        if entry.name != str(year):
            _mirror(entry, staged / entry.name)
    year_dir = staged / str(year)
    year_dir.mkdir()
    real_year = real / str(year)
    if real_year.is_dir():
        for entry in real_year.iterdir():
            if entry.name != name and not entry.name.endswith(".part"):
                _mirror(entry, year_dir / entry.name)
    _mirror(part, year_dir / name)
    return staged


def _mirror(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target, copy_function=_link)
    else:
        _link(str(source), str(target))


def _link(source: str, target: str) -> str:
    try:
        os.link(os.path.realpath(source), target)
    except OSError:
        shutil.copy2(source, target)
    return target


@dataclass(frozen=True)
class Worded:
    """A problem's message and hint, worded when a page or the API shows it, in the reader's
    language, with every file it names by its name in the unit (never a staging path)."""

    problem: Problem
    staged: Path
    year: int

    def text(self, lang: str = "en", name: Any = None) -> str:
        return self.problem.wording(lang, self.name)

    def name(self, path: str) -> str:
        """`path` (`file.xlsx[sheet]` too) relative to the year folder, or to the unit folder when
        it is elsewhere; a path outside the unit by its file name alone."""
        match = _SHEET.match(path)
        where, sheet = (match["file"], match["sheet"]) if match else (path, None)
        where = _in_unit(where, self.staged, self.year)
        return f"{where}[{sheet}]" if sheet is not None else where

    def __str__(self) -> str:
        return self.text()


def _in_unit(path: str, staged: Path, year: int) -> str:
    prefix, year_prefix = str(staged) + os.sep, f"{year}{os.sep}"
    if path.startswith(prefix):
        path = path[len(prefix) :]
        return path[len(year_prefix) :] if path.startswith(year_prefix) else path
    return Path(path).name


def problem_rows(problems: list[Problem], staged: Path, year: int, upload: str | None = None) -> list[dict[str, Any]]:
    """Problems as rows the page and the API show: the file relative to the year folder (or to the
    unit folder when it is elsewhere), the sheet of a workbook, the row or line, the field, and the
    message (worded in the reader's language when shown: `worded`). With `upload` (the uploaded
    file's name), an id the upload repeats from a file already there is the upload's problem."""
    rows = []
    for p in problems:
        if upload is not None:
            p = _blame_upload(p, staged, year, upload)
        where, sheet = p.path, None
        match = _SHEET.match(where)
        if match:
            where, sheet = match["file"], match["sheet"]
        where = _in_unit(where, staged, year)
        rows.append(
            {"file": where, "sheet": sheet, "row": p.line, "field": p.field, "message": Worded(p, staged, year)}
        )
    return rows


def _blame_upload(problem: Problem, staged: Path, year: int, upload: str) -> Problem:
    """`duplicate id 'x' (first at <upload>:2)` found in a file already on the server: the upload
    brought the id, so the problem is the upload's, naming the file that has it."""
    message = problem.message
    if not isinstance(message, Msg) or message.key != "duplicate_id":
        return problem
    params = dict(message.params)
    first = params.get("first")
    if not isinstance(first, Place) or _in_unit(_SHEET.sub(r"\g<file>", first.path), staged, year) != upload:
        return problem
    if _in_unit(_SHEET.sub(r"\g<file>", problem.path), staged, year) == upload:
        return problem
    return Problem(
        first.path,
        msg("duplicate_id_there", id=params["id"], there=Place(problem.path, problem.line)),
        line=first.line,
        field=problem.field,
    )


def worded(rows: list[dict[str, Any]] | None, lang: str) -> list[dict[str, Any]] | None:
    """The rows with their messages in `lang`, for JSON."""
    if rows is None:
        return None
    return [{**row, "message": _text(row["message"], lang)} for row in rows]


def _text(message: Any, lang: str) -> str:
    from scorer.errors import wording

    return message.text(lang) if isinstance(message, Worded) else wording(message, lang)


@dataclass(frozen=True)
class Accepted:
    name: str
    year: int
    records: int
    sha256: str
    size: int
    replaced: bool

    def public(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "path": f"{self.year}/{self.name}",
            "records": self.records,
            "sha256": self.sha256,
            "size": self.size,
            "replaced": self.replaced,
        }


def accept(
    store: Store,
    evidence: Path,
    rules: Path,
    data_dir: Path,
    unit: str,
    year: int,
    given: str,
    data: bytes,
    user: str,
    run: Runner | None = None,
    if_match: str | None = None,
    keep_versions: int | None = None,
) -> Accepted:
    """Validate the unit with the file in place; land it atomically or change nothing. With
    `if_match` (a sha256, or `*`), the file replaced must be that version (`Changed` otherwise).
    Storage that cannot be written raises `StorageError`; a validation past its bounds
    `work.TooHeavy`."""
    name = safe_name(given)
    try:
        return _accept(
            store, evidence, rules, data_dir, unit, year, name, data, user, run or Runner(), if_match, keep_versions
        )
    except OSError as error:
        raise StorageError(f"{type(error).__name__}: {error}") from None


def _accept(
    store: Store,
    evidence: Path,
    rules: Path,
    data_dir: Path,
    unit: str,
    year: int,
    name: str,
    data: bytes,
    user: str,
    run: Runner,
    if_match: str | None,
    keep_versions: int | None,
) -> Accepted:
    with unit_lock(data_dir, unit):
        unit_dir = evidence / unit
        year_dir = year_folder(evidence, unit, year)
        created = not year_dir.is_dir()
        year_dir.mkdir(exist_ok=True)
        if year_dir.resolve().parent != unit_dir.resolve():
            raise refusal(name, msg("upload_year_outside"), status=403)
        target = year_dir / name
        if if_match is not None:
            current = hashlib.sha256(target.read_bytes()).hexdigest() if target.is_file() else None
            wanted = if_match.strip().strip('"').lower()
            if (wanted == "*" and current is None) or (wanted != "*" and wanted != current):
                raise Changed(name)
        part = year_dir / f".{name}.{secrets.token_hex(8)}.part"
        staging_root = data_dir / "staging"
        staging_root.mkdir(parents=True, exist_ok=True)
        root = Path(tempfile.mkdtemp(prefix=f"{unit}-", dir=staging_root))
        digest = hashlib.sha256(data).hexdigest()
        try:
            _write(part, data)
            staged = _stage(evidence, unit, year, name, part, root)
            weight = work.weight(staged)
            problems, records = run(work.validate, root, rules, year, unit, name, unit=unit, weight=weight)
            if problems:
                raise UploadRefused(problem_rows(problems, staged, year, name))
            replaced = None
            archive = None
            if target.is_file():
                old = target.read_bytes()
                replaced = (hashlib.sha256(old).hexdigest(), len(old))
                archive = _archive(data_dir, unit, year, name, old)
            # the row first, pending; the file; then the row completed (a crash between: see reconcile)
            version = store.begin_upload(unit, year, name, digest, len(data), user, replaced, archive)
            try:
                with unit_lock(data_dir, unit, "read"):  # no prediction is reading the unit as it lands
                    os.replace(part, target)
                _fsync_dir(year_dir)
            except BaseException:
                if not target.is_file() or hashlib.sha256(target.read_bytes()).hexdigest() != digest:
                    store.drop_pending(version)
                raise
            store.complete_upload(version)
        except BaseException:
            part.unlink(missing_ok=True)
            if created:
                with contextlib.suppress(OSError):
                    year_dir.rmdir()
            raise
        finally:
            shutil.rmtree(root, ignore_errors=True)
        _COUNTS[_count_key(target)] = (records, 0)
        if keep_versions is not None:
            for pruned in store.prune_versions(unit, keep_versions):
                with contextlib.suppress(OSError):
                    (data_dir / pruned).unlink()
        return Accepted(name, year, records, digest, len(data), replaced is not None)


def _archive(data_dir: Path, unit: str, year: int, name: str, old: bytes) -> str:
    """The replaced bytes under --data/versions/<unit>/<year>/, written whole before the new file lands."""
    folder = data_dir / "versions" / unit / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    stored = folder / f"{hashlib.sha256(old).hexdigest()[:16]}-{secrets.token_hex(4)}-{name}"
    _write(stored, old)
    _fsync_dir(folder)
    return str(stored.relative_to(data_dir))


_COUNTS: dict[tuple[str, int, int], tuple[int | None, int]] = {}
_SHAS: dict[tuple[str, int, int], str] = {}


def _count_key(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return (str(path), stat.st_size, stat.st_mtime_ns)


def list_files(store: Store, evidence: Path, unit: str, year: int, run: Runner | None = None) -> list[dict[str, Any]]:
    """The year folder's evidence files with their record counts, sha256 (what `If-Match` takes)
    and earlier versions. Counts are memoised by size and mtime; new ones are counted by the
    runner's workers (a large file is not read in the server's own process). A version is credited
    to its uploader only while the file holds its bytes."""
    unit_dir = evidence / unit
    versions = store.versions(unit, year)
    paths = api.evidence_files(year_folder(evidence, unit, year))
    keys = {path: _count_key(path) for path in paths}
    new = [path for path in paths if keys[path] not in _COUNTS]
    if new:
        weight = sum(keys[path][1] for path in new)
        counts = (run or Runner())(work.count_records, unit_dir, new, unit=unit, weight=weight)
        if len(_COUNTS) > 10_000:
            _COUNTS.clear()
        for path, count in zip(new, counts):
            _COUNTS[keys[path]] = count
    files = []
    for path in paths:
        records, problems = _COUNTS[keys[path]]
        if keys[path] not in _SHAS:
            if len(_SHAS) > 10_000:
                _SHAS.clear()
            _SHAS[keys[path]] = hashlib.sha256(path.read_bytes()).hexdigest()
        sha = _SHAS[keys[path]]
        mine = [v for v in versions if v.name == path.name]
        current = next((v for v in reversed(mine) if v.replaced_at is None), None)
        if current is not None and current.sha256 != sha:
            current = None  # changed by hand since: not that uploader's bytes
        files.append(
            {
                "name": path.name,
                "download": f"/units/{unit}/evidence/{year}/files/{path.name}",
                "records": records,
                "problems": problems,
                "size": keys[path][1],
                "sha256": sha,
                "uploaded_by": current.uploaded_by if current else None,
                "uploaded_at": current.uploaded_at if current else None,
                "versions": [v.public() for v in reversed(mine) if v.replaced_at is not None],
            }
        )
    return files


def clean_and_reconcile(store: Store, evidence: Path, data_dir: Path) -> list[str]:
    """At start: the leftovers of a server killed mid-upload (hidden `.part` files in year
    folders, staging folders under --data) removed, and every pending version row settled against
    the folder: completed if its file holds its bytes (the rename happened), dropped otherwise
    (with the archive it had made of a file that is still in place). What was done, one line each."""
    done = []
    with contextlib.suppress(ScorerError):
        for unit in api.unit_ids(evidence):
            for year_dir in (evidence / unit).iterdir():
                if not (year_dir.is_dir() and year_dir.name.isdigit()):
                    continue
                for leftover in year_dir.glob(".*.part"):
                    with contextlib.suppress(OSError):
                        leftover.unlink()
                        done.append(f"removed {leftover.relative_to(evidence)}")
    staging = data_dir / "staging"
    if staging.is_dir():
        for leftover in staging.iterdir():
            shutil.rmtree(leftover, ignore_errors=True) if leftover.is_dir() else leftover.unlink(missing_ok=True)
            done.append(f"removed staging/{leftover.name}")
    for version, unit, year, name, sha, archive in store.pending_uploads():
        target = year_folder(evidence, unit, year) / name
        try:
            landed = target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == sha
        except OSError:
            landed = False
        if landed:
            store.complete_upload(version)
            done.append(f"completed the record of {unit}/{year}/{name} (version {version})")
        else:
            store.drop_pending(version)
            if archive:
                with contextlib.suppress(OSError):
                    (data_dir / archive).unlink()
            done.append(f"dropped the record of {unit}/{year}/{name} that never landed (version {version})")
    return done

"""Opening input files safely: the size limits, text decoding, and the folder walk's symlink guard.

Every limit here is stated in the README ("Limits"); each protects memory or the run, and a file past
one is refused with its name, never read half way.
"""

from __future__ import annotations

import errno
import os
import re
import unicodedata
from collections.abc import Iterator
from typing import BinaryIO
from pathlib import Path

from scorer.problem_messages import os_reason
from scorer.errors import Problem, ScorerError, msg

MAX_FILE_BYTES = 64 * 2**20
"""A YAML or CSV file (a unit's evidence is many files, never one huge one)."""
MAX_RECORDS = 200_000
"""Records (rows) in one file or one sheet."""
MAX_COLUMNS = 200
"""Columns of a CSV file or a sheet."""
MAX_CELL_CHARS = 32_767
"""Characters of one value (Excel's own limit for a cell)."""
MAX_XLSX_BYTES = 64 * 2**20
"""A workbook as stored, and (below) unpacked: checked in its zip directory before it is opened."""
MAX_XLSX_UNPACKED = 128 * 2**20
MAX_PATH_CHARS = 1024
"""An attachment path (the file systems allow 4,096 bytes, 255 per name)."""


_LONE_CR = re.compile(r"(?<=\r)(?!\n)(?=.)", re.S)


def nfc(text: str) -> str:
    """One spelling of every Vietnamese letter: the composed form (NFC)."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _open(path: Path, limit: int = MAX_FILE_BYTES) -> BinaryIO:
    """A file opened for reading once its size is known to be within `limit`, or a located error."""
    try:
        if path.stat().st_size > limit:
            raise ScorerError.single(path, msg("file_too_large", mib=limit // 2**20), hint=msg("split_file"))
        return path.open("rb")
    except FileNotFoundError:
        raise ScorerError.single(path, msg("file_not_found")) from None
    except IsADirectoryError:
        raise ScorerError.single(path, msg("is_a_folder")) from None
    except OSError as error:
        raise ScorerError.single(path, msg("cannot_read", reason=os_reason(error))) from None


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """A whole file, once its size is known to be within `limit`."""
    with _open(path, limit) as stream:
        try:
            return stream.read()
        except OSError as error:
            raise ScorerError.single(path, msg("cannot_read", reason=os_reason(error))) from None


def read_text(path: Path) -> str:
    """A UTF-8 file (a BOM is fine) as NFC text, or a located error."""
    data = read_bytes(path)
    try:
        return nfc(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ScorerError([not_utf8(path, data, line)]) from None


def text_lines(path: Path) -> Iterator[str]:
    """A UTF-8 file line by line (each with its line end), NFC, streamed: never the whole file at once."""
    with _open(path) as stream:
        for number, raw in enumerate(stream, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise ScorerError([not_utf8(path, read_bytes(path), number)]) from None
            # Lines ended by a lone CR (Excel's "CSV (Macintosh)") are lines too.
            yield from (nfc(part) for part in _LONE_CR.split(line)) if "\r" in line[:-2] else (nfc(line),)


# A Vietnamese letter's tone in Windows-1258 is a combining byte after its vowel (`a` then 0xEC for
# `á`); in Windows-1252 those bytes are Ì ì Þ Ò ò, which never follow a vowel in a Western word.
_CP1258_TONE = re.compile(rb"[AEIOUYaeiouy\xc2\xca\xd4\xe2\xea\xf4\xc3\xe3\xd5\xf5\xdd\xfd][\xcc\xec\xde\xd2\xf2]")


def not_utf8(path: Path, data: bytes, line: int) -> Problem:
    """A text file that is not UTF-8, named by the encoding it is in: Windows-1258 (Vietnamese, as
    a Vietnamese Windows saves "CSV (Comma delimited)"), else Windows-1252 / Latin-1 (Western, which
    has lost the Vietnamese letters it cannot hold), with how to save it as UTF-8. Not read as
    either: a wrong guess would change names and ids silently."""
    how = msg("save_csv_utf8" if path.suffix.lower() == ".csv" else "save_utf8")
    if _CP1258_TONE.search(data):
        return Problem(str(path), msg("encoding_cp1258"), line=line, hint=how)
    if path.suffix.lower() != ".csv":
        return Problem(str(path), msg("encoding_latin1"), line=line, hint=how)
    return Problem(str(path), msg("encoding_latin1"), line=line, hint=msg("letters_lost", how=how))


def resolve(path: Path) -> Path:
    """`path` made absolute with every link followed, the same on every Python: a tail that does not
    exist is kept as written (a missing attachment is reported as missing, not refused), and a link
    loop raises OSError(ELOOP). `Path.resolve()` alone differs: up to 3.12 it raises RuntimeError on
    a loop, from 3.13 it returns the loop unresolved, as if it were a folder like any other."""

    def loop(where: object) -> OSError:
        return OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(where))

    try:
        return path.resolve(strict=True)
    except RuntimeError:  # Python < 3.13: the loop as RuntimeError
        raise loop(path) from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise loop(path) from None
    # Something on the way does not exist (or cannot be looked up): follow what does.
    try:
        resolved = path.resolve()
    except RuntimeError:
        raise loop(path) from None
    # Every link in the part that exists has been followed, unless a loop stopped the walk (3.13
    # leaves the looping link in place): a link left in that part is a loop.
    existing = resolved
    while not os.path.lexists(existing) and existing != existing.parent:
        existing = existing.parent
    if existing.is_symlink():
        raise loop(existing)
    return resolved


def inside(path: Path, root: Path) -> bool:
    """Whether `path`, its links followed, lies inside `root` (links followed too); a link loop is
    not inside anything."""
    try:
        return resolve(path).is_relative_to(resolve(root))
    except (OSError, ValueError):
        return False


def outside_link(path: Path, root: Path) -> Problem | None:
    """A symbolic link under `root` that leads out of it: refused, as attachments are."""
    if path.is_symlink() and not inside(path, root):
        return Problem(
            str(path),
            msg("outside_link"),
            hint=msg("outside_link_hint"),
        )
    return None


def listdir(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError as error:
        raise ScorerError.single(folder, msg("cannot_read_folder", reason=os_reason(error))) from None


def is_dir(path: Path) -> bool:
    """`path.is_dir()`, False for a path the system cannot even look up (too long, NUL)."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def check_output(output: Path, evidence: Path, rules: Path, reads: list[Path], new_evidence: bool = False) -> None:
    """Refuse an output file that would overwrite what a run reads: a file it reads (`reads`: the
    same path, through `..` or a link, or the same file under another name), or anything inside the
    evidence or rules folders. A folder, a device or a pipe is no output file either. `new_evidence`
    (the template): a new file may be written into the evidence folder, but no file there replaced."""
    if is_dir(output):
        raise ScorerError.single(output, msg("output_folder"))
    if os.path.lexists(output) and not is_file(output):
        raise ScorerError.single(output, msg("output_not_regular"))
    if is_file(output) and not os.access(output, os.W_OK):
        raise ScorerError.single(output, msg("output_read_only"))
    target = _resolved(output)
    if target is None:
        raise ScorerError.single(output, msg("output_unusable"))
    hint = msg("output_elsewhere")
    for folder, what in ((evidence, "evidence"), (rules, "rules")):
        if new_evidence and folder == evidence and not os.path.lexists(output):
            continue
        if is_dir(folder) and inside(target, folder):
            raise ScorerError.single(
                output, msg("output_inside", folder=str(folder), what=msg(f"folder_{what}")), hint=hint
            )
    for path in reads:
        if target == _resolved(path) or same_file(output, path):
            raise ScorerError.single(output, msg("output_overwrites", path=str(path)), hint=hint)
    if is_file(output) and output.stat().st_nlink > 1:  # a hard link: look for its other names
        for folder in (evidence, rules):
            for path in folder.rglob("*") if is_dir(folder) else ():
                if same_file(output, path):
                    raise ScorerError.single(output, msg("output_other_name", path=str(path)), hint=hint)


def _resolved(path: Path) -> Path | None:
    try:
        return resolve(path)
    except (OSError, ValueError):
        return None

"""Attachments are checked against the unit folder resolved once per file set (its links followed
once, not once per attachment): which are refused as outside the unit folder, and which are
missing, must not depend on how the folder was reached (through a link) or on links inside it. A
link loop is refused the same way on every Python (3.13 changed what `Path.resolve()` does with one)."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from scorer.cli import main
from scorer.errors import ScorerError
from scorer.loading import load_evidence_files
from scorer.loading.files import resolve
from tests.conftest import RULES, error_lines

OUTSIDE = "points outside the unit folder"


@pytest.fixture
def unit(tmp_path: Path) -> Path:
    """A unit folder reached through a linked evidence root, with links of its own inside."""
    real = tmp_path / "real" / "evidence" / "u"
    (real / "2024").mkdir(parents=True)
    (real / "scans").mkdir()
    (real / "scans" / "a.pdf").write_text("scan")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x.pdf").write_text("not the unit's")
    (real / "in").symlink_to(real / "scans")
    (real / "out").symlink_to(tmp_path / "elsewhere")
    (real / "loop").symlink_to(real / "loop")
    (real / "ping").symlink_to("pong")  # two links that lead to each other
    (real / "pong").symlink_to("ping")
    (tmp_path / "linked").symlink_to(tmp_path / "real" / "evidence")
    return tmp_path / "linked" / "u"


def load(unit: Path, attachments: list[str]) -> tuple[set[str], dict[str, str]]:
    """The ids whose attachment is missing, or the refusals by record id."""
    lines = [
        f'- {{id: r{i}, type: plan, kind: par, date: 2024-01-10, attachment: "{path}"}}'
        for i, path in enumerate(attachments)
    ]
    path = unit / "2024" / "e.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        return set(load_evidence_files(unit, [path]).missing_attachments), {}
    except ScorerError as error:
        return set(), {f"r{(p.line or 0) - 1}": str(p.message) for p in error.problems}


@pytest.mark.parametrize(
    "attachment, missing",
    [
        ("scans/a.pdf", False),
        ("scans/../scans/a.pdf", False),
        ("in/a.pdf", False),  # a link inside the unit folder to a folder inside it
        ("./scans/a.pdf", False),
        ("scans/b.pdf", True),
        ("in/b.pdf", True),
    ],
)
def test_an_attachment_inside_the_unit_folder_is_kept(unit: Path, attachment: str, missing: bool) -> None:
    assert load(unit, [attachment]) == ({"r0"} if missing else set(), {})


@pytest.mark.parametrize(
    "attachment",
    [
        "out/x.pdf",
        "../../elsewhere/x.pdf",
        "scans/../../u2/a.pdf",
        "/etc/passwd",
        "..",
        # link loops: refused on every Python, not taken for a folder that happens to lack the file
        "loop/x.pdf",
        "loop",
        "ping/x.pdf",
        "pong",
        "scans/../loop/x.pdf",
        "nothere/../loop/x.pdf",
        "in/../loop/a.pdf",
    ],
)
def test_an_attachment_that_leads_out_is_refused(unit: Path, attachment: str) -> None:
    missing, refused = load(unit, ["scans/a.pdf", attachment, "in/a.pdf"])
    assert list(refused) == ["r1"]
    assert OUTSIDE in refused["r1"]


def test_every_attachment_is_checked_against_the_same_folder(unit: Path) -> None:
    """Many attachments in one file: each refused or kept on its own, whatever came before it."""
    paths = ["scans/a.pdf", "out/x.pdf", "in/a.pdf", "scans/zz.pdf", "loop/x", "scans/a.pdf"]
    missing, refused = load(unit, paths)
    assert sorted(refused) == ["r1", "r4"]
    assert missing == set()
    kept, _ = load(unit, [p for p in paths if not p.startswith(("out", "loop"))])
    assert kept == {"r2"}  # scans/zz.pdf, the third of the four kept


def test_resolve_follows_links_keeps_a_missing_tail_and_raises_on_a_loop(unit: Path) -> None:
    real = unit.resolve()
    assert resolve(unit) == real
    assert resolve(unit / "in" / "a.pdf") == real / "scans" / "a.pdf"
    assert resolve(unit / "in" / "b.pdf") == real / "scans" / "b.pdf"  # missing: kept as written
    assert resolve(unit / "nothere" / ".." / "scans" / "a.pdf") == real / "scans" / "a.pdf"
    assert resolve(unit / "out" / "x.pdf") == (real / ".." / ".." / ".." / "elsewhere" / "x.pdf").resolve()
    for looping in ["loop", "loop/x.pdf", "ping/pong/x", "nothere/../pong", "loop/../scans/a.pdf"]:
        with pytest.raises(OSError) as caught:
            resolve(unit / looping)
        assert caught.value.errno == errno.ELOOP, looping


def test_a_link_loop_in_the_evidence_folder_is_refused(runner, tmp_path, monkeypatch) -> None:
    evidence = tmp_path / "evidence"
    (evidence / "u" / "2024").mkdir(parents=True)
    (evidence / "u" / "unit.yaml").write_text("id: u\nname: Unit\n", encoding="utf-8")
    (evidence / "u" / "2024" / "e.yaml").write_text(
        "- {id: p1, type: plan, kind: par, date: 2024-01-10}\n", encoding="utf-8"
    )
    (evidence / "u" / "2024" / "loop.yaml").symlink_to("loop.yaml")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["validate", "--rules", str(RULES), "--year", "2024"])
    assert result.exit_code == 1
    assert error_lines(result.output) == [
        "Error: evidence/u/2024/loop.yaml: is a symbolic link that points outside the evidence folder "
        "(copy the file into the evidence folder instead)"
    ]


def test_an_output_through_a_link_loop_is_refused(runner, tmp_path) -> None:
    (tmp_path / "loop").symlink_to("loop")
    output = tmp_path / "loop" / "p.json"
    result = runner.invoke(main, ["predict", "--rules", str(RULES), "--as-of", "2024-09-30", "-o", str(output)])
    assert result.exit_code == 1
    assert error_lines(result.output) == [f"Error: {output}: cannot write: symbolic links that lead back to themselves"]
    args = ["predict", "--rules", str(RULES), "--as-of", "2024-09-30", "-o", str(output), "--lang", "vi"]
    result = runner.invoke(main, args)
    assert error_lines(result.output) == [
        f"Lỗi: {output}: không ghi được: các liên kết tượng trưng trỏ vòng lại chính chúng"
    ]

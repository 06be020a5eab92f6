"""The HTML report in a real browser: headless Chromium renders it, the screenshot is not blank and
the DOM holds the total. CI installs Debian's chromium (.ci/run); elsewhere, without it, the browser
tests say so and skip."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from scorer.cli import main
from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_browser = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"), reason="Chromium is not installed (CI installs it: see .ci/run)"
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def browse(page: Path, tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM, "chromium is not installed"
    command = [CHROMIUM, *FLAGS, f"--user-data-dir={tmp / 'profile'}", *args, page.as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def ink(png: bytes) -> float:
    """The share of pixel bytes that are not white, read from the PNG's own data."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    data, position = b"", 8
    while position < len(png):
        length, kind = struct.unpack(">I4s", png[position : position + 8])
        if kind == b"IDAT":
            data += png[position + 8 : position + 8 + length]
        position += 12 + length
    raw = zlib.decompress(data)
    return sum(1 for b in raw[::7] if b < 240) / len(raw[::7])


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("html")
    from click.testing import CliRunner

    runner = CliRunner()
    for lang in ("en", "vi"):
        result = runner.invoke(
            main,
            [
                "predict",
                "--evidence",
                str(ROOT / "evidence"),
                "--rules",
                str(ROOT / "rules"),
                "--as-of",
                "2024-09-30",
                "--format",
                "html",
                "--lang",
                lang,
                "--output",
                str(folder / f"report-{lang}.html"),
            ],
        )
        assert result.exit_code == 0, result.output
    return folder


def test_report_is_self_contained_and_escaped(reports):
    text = (reports / "report-vi.html").read_text(encoding="utf-8")
    assert "<script" not in text and "http://" not in text and "https://" not in text
    assert "Văn phòng UBND tỉnh" in text and "Tiêu chí có nguy cơ mất điểm" in text and "91,46" in text


def test_every_text_is_escaped(tmp_path, runner, monkeypatch):
    from tests.conftest import write_unit

    write_unit(
        tmp_path,
        "u",
        {2024: [{"id": "x", "type": "plan", "kind": "par", "date": "2024-01-10", "document_no": "1/KH"}]},
        name="<script>alert(1)</script> & Co",
    )
    monkeypatch.chdir(ROOT)
    result = runner.invoke(main, ["predict", "--evidence", str(tmp_path), "--as-of", "2024-09-30", "--format", "html"])
    assert result.exit_code == 0
    assert "<script>" not in result.output and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in result.output


@needs_browser
@pytest.mark.parametrize("lang, total", [("en", "91.46"), ("vi", "91,46")])
def test_chromium_renders_the_report(reports, tmp_path, lang, total):
    page = reports / f"report-{lang}.html"
    dom = browse(page, tmp_path, "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert 'id="total-expected" data-value="91.46"' in dom.stdout
    assert f">{total}</div>" in dom.stdout
    assert dom.stdout.count("<tr>") > 30
    shot = browse(page, tmp_path, f"--screenshot={tmp_path / 'shot.png'}", "--window-size=1100,1400")
    assert shot.returncode == 0, shot.stderr[-2000:]
    png = (tmp_path / "shot.png").read_bytes()
    assert ink(png) > 0.05, "the screenshot is (nearly) blank"


@needs_browser
def test_chromium_prints_the_report_to_pdf(reports, tmp_path):
    printed = browse(
        reports / "report-vi.html", tmp_path, f"--print-to-pdf={tmp_path / 'report.pdf'}", "--no-pdf-header-footer"
    )
    assert printed.returncode == 0, printed.stderr[-2000:]
    pdf = (tmp_path / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 2

"""`scorer serve` in a real browser: Debian's chromium driven through Selenium and chromium-driver.

An officer logs in, uploads a workbook with a mistake and sees the sheet and row named, uploads the
corrected one and sees the forecast move. Screenshots land in the test's folder, and in docs/ (for
the README) with SCORER_UPDATE_SCREENSHOTS=1. CI installs chromium and chromium-driver (.ci/run);
elsewhere, without them, the test says so and skips."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from scorer.serve import server
from tests.conftest import OFFICE, RULES, ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER),
    reason="needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)",
)
PASSWORD = "mật khẩu đủ dài 2024"
SHOTS = ROOT / "docs" / "screenshots"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def service(office_copy: Path, tmp_path: Path) -> Iterator[str]:
    data = tmp_path / "data"
    server.add_user(data, "lan", PASSWORD, [OFFICE], False, None)
    port = _free_port()
    scorer = Path(sys.executable).parent / "scorer"
    args = ["serve", "--evidence", str(office_copy), "--rules", str(RULES), "--data", str(data), "--port", str(port)]
    process = subprocess.Popen([str(scorer), *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):  # up to a minute on a loaded machine
            try:
                urllib.request.urlopen(base + "/login", timeout=1)
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def browser() -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,1400", "--lang=vi"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=str(DRIVER)), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def _workbook(path: Path, status: str) -> Path:
    """An initiative recognised by the council (criterion 1.5) and two communications (1.4.2)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "initiative"
    sheet.append(["id", "date", "status", "recognized_by", "document_no", "title"])
    sheet.append(["sk-2024-01", "15/08/2024", status, "12/QĐ-HĐSK", "12/QĐ-HĐSK", "Sáng kiến một cửa liên thông"])
    news = book.create_sheet("communication")
    news.append(["id", "date", "form", "count", "document_no"])
    news.append(["tt-2024-01", "20/08/2024", "news", 4, "45/TB-VP"])
    news.append(["tt-2024-02", "22/08/2024", "conference", 1, "46/TB-VP"])
    book.save(path)
    return path


def _shoot(driver: object, tmp_path: Path, name: str, for_readme: bool = True) -> Path:
    path = tmp_path / name
    driver.save_screenshot(str(path))  # type: ignore[attr-defined]
    assert path.stat().st_size > 10_000  # not a blank page
    if for_readme and os.environ.get("SCORER_UPDATE_SCREENSHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, SHOTS / name)
    return path


def _submit(driver: object, button: str) -> None:
    """Click and wait for the next page to load (the upload is validated before it answers)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    from selenium.common.exceptions import WebDriverException

    page = driver.find_element(By.TAG_NAME, "html")  # type: ignore[attr-defined]
    driver.find_element(By.ID, button).click()  # type: ignore[attr-defined]

    def gone(_: object) -> bool:
        # Chromium may answer for a page being replaced with "Node ... does not belong to the
        # document" rather than a stale element: either way the old page is gone.
        try:
            return bool(expected_conditions.staleness_of(page)(driver))
        except WebDriverException:
            return True

    WebDriverWait(driver, 60).until(gone)
    WebDriverWait(driver, 60).until(expected_conditions.presence_of_element_located((By.TAG_NAME, "nav")))


def test_officer_uploads_a_workbook_fixes_it_and_sees_the_forecast_move(
    service: str, browser: object, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(service + "/")  # type: ignore[attr-defined]
    driver.find_element(By.ID, "username").send_keys("lan")  # type: ignore[attr-defined]
    driver.find_element(By.ID, "password").send_keys(PASSWORD)  # type: ignore[attr-defined]
    _shoot(driver, tmp_path, "serve-login.png", for_readme=False)
    _submit(driver, "login")
    ranking = driver.find_element(By.ID, "ranking").text  # type: ignore[attr-defined]
    assert "Văn phòng UBND tỉnh" in ranking and "1/1" in ranking

    driver.get(f"{service}/units/{OFFICE}?as_of=2024-09-30")  # type: ignore[attr-defined]
    assert driver.find_element(By.ID, "total-expected").text == "91,46"  # type: ignore[attr-defined]
    _shoot(driver, tmp_path, "serve-unit.png")

    driver.get(f"{service}/units/{OFFICE}/evidence/2024")  # type: ignore[attr-defined]
    before = float(driver.find_element(By.ID, "total-expected").get_attribute("data-value"))  # type: ignore[attr-defined]
    wrong = _workbook(tmp_path / "sang-kien.xlsx", "recognised")
    driver.find_element(By.ID, "file").send_keys(str(wrong))  # type: ignore[attr-defined]
    _submit(driver, "upload")
    message = driver.find_element(By.ID, "message").text  # type: ignore[attr-defined]
    assert message.startswith("Tệp chưa được chấp nhận")
    rows = driver.find_elements(By.CSS_SELECTOR, "#problems tbody tr")  # type: ignore[attr-defined]
    assert [r.text for r in rows] == [
        "sang-kien.xlsx initiative 2 status 'recognised' không phải là giá trị của cột này (có phải là 'recognized'?)"
    ]
    _shoot(driver, tmp_path, "serve-upload-refused.png")

    (tmp_path / "corrected").mkdir()
    fixed = _workbook(tmp_path / "corrected" / "sang-kien.xlsx", "recognized")
    driver.find_element(By.ID, "file").send_keys(str(fixed))  # type: ignore[attr-defined]
    _submit(driver, "upload")
    assert driver.find_element(By.ID, "message").text == "Đã nhận sang-kien.xlsx: 3 bản ghi."  # type: ignore[attr-defined]
    after = float(driver.find_element(By.ID, "total-expected").get_attribute("data-value"))  # type: ignore[attr-defined]
    assert after > before
    files = driver.find_element(By.ID, "files").text  # type: ignore[attr-defined]
    assert "sang-kien.xlsx 3" in files
    _shoot(driver, tmp_path, "serve-upload-accepted.png")

    driver.get(f"{service}/units/{OFFICE}/risks?division=Phòng Tổ chức - Hành chính - Quản trị")  # type: ignore[attr-defined]
    links = driver.find_elements(By.CSS_SELECTOR, "#risks tbody tr td:first-child a")  # type: ignore[attr-defined]
    assert "1.5" not in [a.text for a in links]  # the recognised initiative took it off the list
    links[0].click()
    assert driver.find_element(By.ID, "criterion-expected").text  # type: ignore[attr-defined]
    _shoot(driver, tmp_path, "serve-explanation.png")

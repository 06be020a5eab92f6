"""`scorer serve` on a hostile or unlucky day (issue 18): no 500 from what a user sends, every
refusal answered and audited, nothing half-written after a crash, work bounded, the holes closed."""

from __future__ import annotations

import hashlib
import io
import json
import os
import signal
import sqlite3
import subprocess
import threading
import time
import urllib.request
from collections.abc import Callable
from http.cookiejar import CookieJar
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from scorer.cli import main
from scorer.serve import auth, server, store as store_module, uploads, work
from scorer.serve.store import Store
from tests.conftest import RULES
from tests import test_serve as base
from tests.test_serve import AS_OF, GOOD, OFFICE, OTHER, PASSWORD, URL, _start, audit, login, make_client, tree, upload

# the same fixtures as the service's other tests
users, data, evidence, client = base.users, base.data, base.evidence, base.client

# -- no 500 from what a user sends ------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        f"/api/units/{OFFICE}/evidence/{'9' * 4301}",
        f"/units/{OFFICE}/evidence/{'1' * 5000}",
        f"/units/{OFFICE}/evidence/2024/versions/{'7' * 4400}",
        f"/units/{OFFICE}/evidence/02024",
    ],
)
def test_a_path_number_too_long_is_not_found_without_a_session_and_audited(
    client: TestClient, data: Path, path: str
) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert audit(data)[0]["action"] == "http_404"


def test_a_year_too_long_in_the_query_is_not_found(client: TestClient) -> None:
    login(client)
    assert client.get(f"/api/units/{OFFICE}/prediction", params={"year": "9" * 4301}).status_code == 404


def test_an_upload_name_over_the_file_systems_bound_is_shortened(client: TestClient, evidence: Path) -> None:
    csrf = login(client)
    given = "Báo cáo tổng hợp kết quả cải cách hành chính " * 8 + ".yaml"  # 376 characters, 500+ bytes
    response = upload(client, given, GOOD, csrf)
    assert response.status_code == 201, response.text
    name = response.json()["name"]
    assert name.endswith(".yaml") and len(name.encode()) <= uploads.MAX_NAME_BYTES
    assert name.startswith("Báo cáo tổng hợp") and (evidence / OFFICE / "2024" / name).read_bytes() == GOOD


def test_storage_that_cannot_be_written_is_a_503_logged_and_audited(
    client: TestClient, evidence: Path, data: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    csrf = login(client)
    before = tree(evidence)

    def full(path: Path, content: bytes) -> None:
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(uploads, "_write", full)
    response = upload(client, "x.yaml", GOOD, csrf)
    assert response.status_code == 503 and response.headers["retry-after"] == "60"
    assert response.json()["error"].startswith("The server cannot write its storage right now")
    row = audit(data)[0]
    assert row["action"] == "storage_unwritable" and row["unit"] == OFFICE
    assert "No space left on device" in row["detail"] and "No space left on device" in caplog.text
    assert tree(evidence) == before


def _damage(database: Path) -> None:
    size = database.stat().st_size
    with open(database, "r+b") as handle:
        handle.seek(size // 2)
        handle.write(os.urandom(4096))


def test_a_damaged_database_stops_the_server_with_a_message(data: Path, evidence: Path) -> None:
    store = Store(data)
    for i in range(300):
        store.audit(f"filler-{i}", 200, detail="x" * 200)
    store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    _damage(data / "scorer.sqlite3")
    args = ["serve", "--evidence", str(evidence), "--rules", str(RULES), "--data", str(data), "--port", "1"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {data}/scorer.sqlite3: the service's database is damaged")
    assert "restore it from a backup, or move it away to start with no users" in result.output


# -- crash-safety ----------------------------------------------------------------------------


def test_start_removes_leftovers_of_a_killed_upload_and_reports_them(evidence: Path, data: Path) -> None:
    year = evidence / OFFICE / "2024"
    (year / ".x.yaml.0123456789abcdef.part").write_bytes(GOOD)
    (data / "staging" / f"{OFFICE}-abc" / OFFICE).mkdir(parents=True)
    client = make_client(evidence, data)
    assert not list(year.glob(".*")) and not list((data / "staging").iterdir())
    row = audit(data)[0]
    assert row["action"] == "start_cleanup"
    assert f"removed {OFFICE}/2024/.x.yaml.0123456789abcdef.part" in row["detail"]
    assert f"removed staging/{OFFICE}-abc" in row["detail"]
    login(client)


def test_a_crash_between_the_row_and_the_rename_is_reconciled_at_start(evidence: Path, data: Path) -> None:
    """The row is written pending before the rename: after a crash on either side of it, the
    history credits each version's bytes to whoever sent them."""
    target = evidence / OFFICE / "2024" / "reports.csv"
    original = target.read_bytes()
    changed = original.replace(b"38/BC-VPUB", b"38/BC-VPUB-2")
    store = Store(data)
    # killed after the rename: the new file is in place, its row pending
    archive = "versions/x-original"
    (data / "versions").mkdir()
    (data / archive).write_bytes(original)
    sha = hashlib.sha256(changed).hexdigest()
    landed = store.begin_upload(OFFICE, 2024, "reports.csv", sha, len(changed), "lan", (_sha(original), 1), archive)
    target.write_bytes(changed)
    # killed before the rename: a row whose bytes never landed, and the archive it had made
    (data / "versions/y-never").write_bytes(changed)
    lost = store.begin_upload(OFFICE, 2024, "reports.csv", "0" * 64, 9, "minh", (sha, 1), "versions/y-never")
    store.close()
    client = make_client(evidence, data)
    detail = audit(data)[0]["detail"]
    assert f"completed the record of {OFFICE}/2024/reports.csv (version {landed})" in detail
    assert f"dropped the record of {OFFICE}/2024/reports.csv that never landed (version {lost})" in detail
    assert not (data / "versions/y-never").exists()
    login(client)
    listed = {f["name"]: f for f in client.get(URL).json()["files"]}["reports.csv"]
    assert listed["uploaded_by"] == "lan" and listed["sha256"] == sha
    assert [client.get(v["download"]).content for v in listed["versions"]] == [original]


def test_a_server_killed_during_a_check_leaves_nothing_after_its_restart(evidence: Path, data: Path) -> None:
    """kill -9 while an upload is being checked (its `.part` beside the target, its staging copy
    under --data): the next start removes both, says so in the audit, and the evidence and its
    history are as before the upload."""
    rows = "".join(f"k{i},communication,2024-0{1 + i % 9}-1{i % 10},news,1,{i}/TB\n" for i in range(40_000))
    big = ("id,type,date,form,count,document_no\n" + rows).encode()
    year = evidence / OFFICE / "2024"
    before = tree(evidence)
    process, base = _start(evidence, data, "--workers", "1")
    try:
        jar = CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        opener.open(base + "/login", data=b"username=lan&password=" + PASSWORD.replace(" ", "+").encode(), timeout=30)
        csrf = json.loads(opener.open(base + "/api/session", timeout=30).read())["csrf"]
        body = (
            b'--B\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n\r\n' + big + b"\r\n--B--\r\n"
        )
        headers = {"Content-Type": "multipart/form-data; boundary=B", "X-CSRF-Token": csrf}
        sent = threading.Thread(
            target=_quietly, args=(lambda: opener.open(urllib.request.Request(base + URL, body, headers), timeout=120),)
        )
        sent.daemon = True
        sent.start()
        deadline = time.monotonic() + 120
        while not list(year.glob(".big.csv.*.part")) and time.monotonic() < deadline:
            time.sleep(0.005)
        workers = _children(process.pid)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert list(year.glob(".big.csv.*.part")) and list((data / "staging").iterdir())
    process, base = _start(evidence, data)
    try:
        assert urllib.request.urlopen(base + "/login", timeout=30).status == 200
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert tree(evidence) == before and list((data / "staging").iterdir()) == []
    row = next(r for r in audit(data) if r["action"] == "start_cleanup")
    assert f"removed {OFFICE}/2024/.big.csv." in row["detail"] and "removed staging/" in row["detail"]
    store = Store(data)
    try:
        assert store.pending_uploads() == [] and store.versions(OFFICE, 2024) == []
    finally:
        store.close()
    assert [pid for pid in workers if Path(f"/proc/{pid}/stat").exists() and "Z" not in _state(pid)] == []


def _quietly(action: Callable[[], object]) -> None:
    try:
        action()
    except Exception:  # the server is killed under it
        pass


def _sha(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def test_workers_end_with_a_killed_server_and_listening_beyond_loopback_warns(evidence: Path, data: Path) -> None:
    process, base = _start(evidence, data, "--host", "0.0.0.0", "--workers", "2", output=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while len(workers := _children(process.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(workers) >= 2
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    alive = [pid for pid in workers if Path(f"/proc/{pid}/stat").exists() and "Z" not in _state(pid)]
    assert alive == []
    output = process.stdout.read().decode() if process.stdout else ""
    assert "Warning: listening on 0.0.0.0, beyond this machine, without --secure-cookies" in output  # SCORER_LANG=en


def test_the_warning_beyond_loopback_is_in_the_runs_language() -> None:
    assert server.beyond_loopback("0.0.0.0", False, "vi") == (
        "Cảnh báo: máy chủ nghe trên 0.0.0.0, ngoài máy này, mà không có --secure-cookies: mật khẩu và phiên đăng "
        "nhập đi qua mạng không mã hoá trừ khi có proxy TLS phía trước (xem docs/web.md, 'On a server, behind TLS')."
    )
    assert server.beyond_loopback("192.0.2.7", False, "en").startswith("Warning: listening on 192.0.2.7, beyond")
    assert [server.beyond_loopback(host, False, "vi") for host in ("127.0.0.1", "::1", "[::1]", "localhost")] == [
        None
    ] * 4
    assert server.beyond_loopback("0.0.0.0", True, "vi") is None


def _state(pid: int) -> str:
    try:
        return (Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split() or ["?"])[0]
    except OSError:
        return "Z"


# -- work isolated and bounded ---------------------------------------------------------------


def sleeper(seconds: float) -> str:
    time.sleep(seconds)
    return "slept"


def spinner() -> int:
    total = 0
    while True:
        total += 1


def eater() -> int:
    hoard = []
    while True:
        hoard.append(bytearray(50 * 2**20))


def test_a_job_past_its_bounds_is_ended_and_the_pool_goes_on() -> None:
    runner = work.Runner(1, work.Limits(wall_seconds=15, queue_wait=120))
    try:
        with pytest.raises(work.TooHeavy) as timed_out:
            runner(sleeper, 60)
        assert timed_out.value.bound == "time"
        assert runner(sleeper, 0) == "slept"  # the worker killed was replaced
    finally:
        runner.close()
    runner = work.Runner(1, work.Limits(cpu_seconds=1, memory_mb=1000, wall_seconds=120, queue_wait=120))
    try:
        with pytest.raises(work.TooHeavy) as spun:
            runner(spinner)
        assert spun.value.bound == "cpu"
        assert runner(sleeper, 0) == "slept"  # the worker killed was replaced
    finally:
        runner.close()
    runner = work.Runner(1, work.Limits(cpu_seconds=120, memory_mb=1000, wall_seconds=120, queue_wait=120))
    try:
        with pytest.raises(work.TooHeavy) as ate:
            runner(eater)
        assert ate.value.bound == "memory"
        assert runner(sleeper, 0) == "slept"
    finally:
        runner.close()


def test_a_worker_started_in_a_requests_thread_outlives_that_thread() -> None:
    """A worker replaced in a request's thread (the server's threads end when idle) goes on
    working after that thread ends: Linux's parent-death signal follows the thread that started
    a process, and once killed every replacement made that way, so the next job broke its pipe and
    was refused as too heavy."""
    runner = work.Runner(1, work.Limits(wall_seconds=5, queue_wait=120))
    answers: list[object] = []

    def request() -> None:
        try:
            runner(sleeper, 60)
        except work.TooHeavy as error:
            answers.append(error.bound)
        answers.append(runner(sleeper, 0))  # the replacement, started in this thread, is up

    try:
        thread = threading.Thread(target=request)
        thread.start()
        thread.join(timeout=120)
        assert answers == ["time", "slept"]
        time.sleep(1)  # the signal, had it come, is delivered at once
        assert runner(sleeper, 0) == "slept"
    finally:
        runner.close()


def interval(seconds: float) -> tuple[float, float]:
    began = time.monotonic()  # CLOCK_MONOTONIC: one clock for every process of the machine
    time.sleep(seconds)
    return began, time.monotonic()


def test_one_units_jobs_wait_for_each_other_and_not_other_units() -> None:
    runner = work.Runner(2, work.Limits(queue_wait=120))
    try:
        found: dict[str, tuple[float, float]] = {}
        warm = [threading.Thread(target=runner, args=(interval, 0.5)) for _ in range(2)]
        for thread in warm:
            thread.start()
        for thread in warm:
            thread.join()  # both workers up

        def run(name: str, unit: str) -> None:
            found[name] = runner(interval, 1.0, unit=unit)

        threads = [threading.Thread(target=run, args=a) for a in (("a1", "a"), ("a2", "a"), ("b", "b"))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        first, second = sorted([found["a1"], found["a2"]])
        assert second[0] >= first[1]  # one unit's jobs one after the other
        overlaps = [found["b"][0] < a[1] and a[0] < found["b"][1] for a in (first, second)]
        assert any(overlaps)  # another unit's beside them, not behind both
    finally:
        runner.close()


def priority() -> int:
    return os.getpriority(os.PRIO_PROCESS, 0)


def held(started: str, gate: str) -> int:
    """A job that says it started (a file), then waits for `gate` to exist (two minutes at most):
    it ends when the test says, not after a time. Its worker's nice value."""
    Path(started).touch()
    deadline = time.monotonic() + 120
    while not os.path.exists(gate) and time.monotonic() < deadline:
        time.sleep(0.02)
    return priority()


def burn(seconds: float) -> int:
    """A job that spends `seconds` of CPU time."""
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass
    return priority()


def _wait_for(path: Path) -> None:
    deadline = time.monotonic() + 120
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert path.exists(), f"{path.name} never appeared"


def _hold(runner: work.Runner, tmp_path: Path, unit: str, weight: int) -> tuple[threading.Thread, Path, list[int]]:
    """A held job of `unit` running in the runner's pool (returned once it is in its worker)."""
    started, gate = tmp_path / f"{unit}.started", tmp_path / f"{unit}.gate"
    answers: list[int] = []
    thread = threading.Thread(
        target=lambda: answers.append(runner(held, str(started), str(gate), unit=unit, weight=weight)), daemon=True
    )
    thread.start()
    _wait_for(started)
    return thread, gate, answers


def test_a_heavy_units_jobs_run_in_a_lane_of_their_own_below_the_others(tmp_path: Path) -> None:
    """One light worker: a unit of heavy_bytes or more holds the heavy lane's worker (niced), and
    other units' jobs are done meanwhile in the light one, at the server's own priority; a unit
    whose job took heavy_cpu or more goes to the heavy lane next time, and back after a quick job."""
    limits = work.Limits(queue_wait=120, heavy_bytes=10_000, heavy_cpu=0.3)
    runner = work.Runner(1, limits)
    mine = priority()
    try:
        thread, gate, heavy = _hold(runner, tmp_path, "big", weight=10_000)
        assert runner(priority, unit="a", weight=9_999) == mine
        assert runner(priority, unit="b") == mine
        assert thread.is_alive() and heavy == []  # both answered while the heavy job holds its lane
        gate.touch()
        thread.join(timeout=120)
        assert heavy == [min(19, mine + limits.heavy_nice)]

        assert runner(burn, 0.5, unit="slow") == mine  # light by its size: its first job in the light lane
        assert runner(priority, unit="slow") == min(19, mine + limits.heavy_nice)  # slow last time: heavy
        assert runner(priority, unit="slow") == mine  # its heavy-lane job was quick: light again
        assert runner(priority, unit="other") == mine
    finally:
        runner.close()


def test_while_one_unit_holds_a_lane_the_others_are_answered(evidence: Path, data: Path, tmp_path: Path) -> None:
    """The issue's acceptance, by construction rather than by the clock: while the heavy lane is
    held by one unit's job, another unit's upload and its uncached prediction are answered; while
    the light lane is held, a cached page is answered (it never waits on a job)."""
    limits = work.Limits(queue_wait=120, heavy_bytes=10**9)
    client = make_client(evidence, data, workers=1, limits=limits)
    runner = client.app.app.state.service.run  # type: ignore[attr-defined]
    try:
        csrf = login(client)
        page = f"/units/{OFFICE}"
        assert client.get(page).status_code == 200  # computed, and now cached
        thread, gate, _ = _hold(runner, tmp_path, "pathological", weight=10**9)
        assert upload(client, "x.yaml", GOOD, csrf).status_code == 201
        prediction = client.get(f"/api/units/{OFFICE}/prediction")  # the upload changed it: computed
        assert prediction.status_code == 200 and "extra-news" in prediction.text
        assert thread.is_alive()
        gate.touch()
        thread.join(timeout=120)

        client.get(page)
        thread, gate, _ = _hold(runner, tmp_path, OTHER, weight=0)  # the light worker held
        assert client.get(page).status_code == 200 and thread.is_alive()
        gate.touch()
        thread.join(timeout=120)
    finally:
        runner.close()


def test_no_worker_free_in_time_is_a_503_to_retry_and_audited(evidence: Path, data: Path, tmp_path: Path) -> None:
    client = make_client(evidence, data, workers=1, limits=work.Limits(queue_wait=1))
    runner = client.app.app.state.service.run  # type: ignore[attr-defined]
    try:
        login(client)
        thread, gate, _ = _hold(runner, tmp_path, OTHER, weight=0)
        response = client.get(f"/api/units/{OFFICE}/prediction", headers={"Accept-Language": "en"})
        gate.touch()
        thread.join(timeout=120)
        assert response.status_code == 503 and response.headers["retry-after"] == "10"
        assert response.json()["error"] == "The server is busy with other work. Try again in a few minutes."
        row = audit(data)[0]
        assert (row["action"], row["status"], row["unit"]) == ("busy", 503, OFFICE)
    finally:
        runner.close()


def test_a_prediction_past_its_bounds_is_a_503_audited_and_not_tried_again(
    client: TestClient, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tries: list[object] = []

    def heavy(*args: object) -> object:
        tries.append(args)
        raise work.TooHeavy("memory")

    monkeypatch.setattr(work, "predict", heavy)
    login(client)
    for _ in range(2):
        response = client.get(f"/api/units/{OFFICE}/prediction")
        assert response.status_code == 503 and response.headers["retry-after"] == "600"
        assert response.json()["error"].startswith("Tệp hoặc dữ liệu của đơn vị cần quá nhiều thời gian hoặc bộ nhớ")
    assert len(tries) == 1  # the same evidence is not tried again: page views never queue behind it
    rows = audit(data)
    assert [(r["action"], r["status"], r["unit"]) for r in rows[:1]] == [("job_too_heavy_memory", 503, OFFICE)]


def test_the_province_does_not_wait_for_a_heavy_unit_and_says_it_is_left_out(
    evidence: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ranking answers with the units it has: a unit whose prediction goes to the heavy lane
    is computed beside the page, which names it to whoever holds it (and counts it to everyone),
    and is ranked once computed; a unit past its bounds is left out, never a 503 for the province."""
    client = make_client(evidence, data, limits=work.Limits(heavy_bytes=work.weight(evidence / OFFICE)))
    service = client.app.app.state.service  # type: ignore[attr-defined]
    computing = threading.Event()
    real = work.predict

    def held_for_office(*args: object) -> object:
        if OFFICE in args:
            computing.wait(timeout=120)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(work, "predict", held_for_office)
    login(client, "sonv")
    page = client.get("/province").text
    assert "Sở Nội vụ" in page and "<tr><td>1/1</td>" in page and "Văn phòng UBND tỉnh" not in page
    assert '<p class="note" id="left-out">Bảng xếp hạng lúc này chưa có 1 đơn vị' in page
    assert (
        f'<a href="/units/{OFFICE}/evidence/2024">{OFFICE}</a>: đang tính dự báo (dữ liệu kiểm chứng lớn)</li>' in page
    )
    login(client)  # lan holds the office only: told it is left out, and why
    page = client.get("/province", params={"lang": "en"}).text
    assert "Units not in the ranking for now: 1." in page and "its prediction is being computed" in page
    computing.set()
    deadline = time.monotonic() + 120
    while service.cache.cached(OFFICE, 2024, None, AS_OF) is None and time.monotonic() < deadline:
        time.sleep(0.05)
    page = client.get("/province").text
    assert "<tr><td>1/2</td>" in page and 'id="left-out"' not in page

    def too_heavy(*args: object) -> object:
        raise work.TooHeavy("memory")

    monkeypatch.setattr(work, "predict", too_heavy)
    (evidence / OTHER / "2024" / "x.yaml").write_bytes(GOOD)  # the other unit changed: computed again
    login(client, "minh")
    response = client.get("/province", params={"lang": "vi"})
    assert response.status_code == 200 and "<tr><td>" not in response.text
    assert "tính dự báo cần nhiều bộ nhớ hơn mức máy chủ dành cho một tác vụ; hãy chia nhỏ tệp" in response.text


# -- the holes -------------------------------------------------------------------------------


def test_concurrent_wrong_passwords_are_counted_before_they_are_checked(evidence: Path, data: Path) -> None:
    clients = [make_client(evidence, data) for _ in range(30)]
    answers: list[int] = []

    def attempt(c: TestClient) -> None:
        answers.append(c.post("/login", data={"username": "lan", "password": "wrong password"}).status_code)

    threads = [threading.Thread(target=attempt, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers.count(401) == 10 and answers.count(429) == 20


def test_wrong_passwords_from_one_address_stop_at_its_limit_with_four_checks_at_once(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Forty names tried at once from one address: thirty checked (the address's limit), each
    check one of at most four at a time (argon2 takes 64 MiB a check: forty at once took 2.7 GB)."""
    checking, most, lock = 0, 0, threading.Lock()
    real = auth._HASHER

    class Counting:
        def verify(self, hashed: str, password: str) -> bool:
            nonlocal checking, most
            with lock:
                checking += 1
                most = max(most, checking)
            try:
                return real.verify(hashed, password)
            finally:
                with lock:
                    checking -= 1

        def __getattr__(self, name: str) -> object:
            return getattr(real, name)

    monkeypatch.setattr(auth, "_HASHER", Counting())
    answers: list[int] = []

    def attempt(n: int) -> None:
        guess = TestClient(client.app).post("/login", data={"username": f"guess{n}", "password": "wrong password"})
        answers.append(guess.status_code)

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers.count(401) == auth.MAX_FAILURES_PER_IP == 30 and answers.count(429) == 10
    assert 1 <= most <= 4


def test_a_stranger_cannot_lock_a_user_out_of_their_own_address(
    evidence: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The clock stands still: the delay a stranger earns (seconds) must not run out while a loaded
    # machine hashes twelve passwords.
    frozen = store_module.now()
    monkeypatch.setattr(store_module, "now", lambda: frozen)
    monkeypatch.setattr(auth, "now", lambda: frozen)
    mine = make_client(evidence, data)
    login(mine)  # lan has logged in from this address before
    for n in range(12):
        stranger = TestClient(mine.app, client=(f"203.0.113.{n}", 4000))
        stranger.post("/login", data={"username": "lan", "password": "a guess of a stranger"})
    stranger = TestClient(mine.app, client=("203.0.113.99", 4000))
    delayed = stranger.post("/login", data={"username": "lan", "password": PASSWORD}, follow_redirects=False)
    assert delayed.status_code == 429 and 1 <= int(delayed.headers["retry-after"]) <= 60
    mine.cookies.clear()
    assert (
        mine.post("/login", data={"username": "lan", "password": PASSWORD}, follow_redirects=False).status_code == 303
    )


def test_a_failed_login_stores_the_name_only_if_it_is_a_users(client: TestClient, data: Path) -> None:
    client.post("/login", data={"username": "Mật khẩu bí mật 2024", "password": "x" * 12})
    client.post("/login", data={"username": "lan", "password": "x" * 12})
    rows = audit(data)
    # the failure is the account's (its row names it) when the name is a user's
    assert [(r["action"], r["user"], r["detail"]) for r in rows[:2]] == [
        ("login_failed", "lan", "lan"),
        ("login_failed", None, None),
    ]
    database = sqlite3.connect(data / "scorer.sqlite3")
    dump = "\n".join(database.iterdump())
    assert "Mật khẩu bí mật" not in dump


def test_refusals_from_one_address_are_one_audit_row(client: TestClient, data: Path) -> None:
    for _ in range(50):
        assert client.get("/province").status_code == 401
    rows = audit(data)
    assert [(r["action"], r["count"]) for r in rows] == [("no_session", 50)]


@pytest.mark.parametrize(
    "password, error",
    [
        ("12345678", "Error: password: at least 10 characters (spaces at either end not counted)"),
        (" " * 12, "Error: password: at least 10 characters (spaces at either end not counted)"),
        ("password123", "Error: password: a password that breach lists hold: anyone guessing tries it first"),
        ("1234567890", "Error: password: a password that breach lists hold: anyone guessing tries it first"),
        ("MatKhau123", "Error: password: a password that breach lists hold: anyone guessing tries it first"),
        ("hoa-hoa-hoa-2024", "Error: password: the password may not contain the user name"),
        ("ababababababab", "Error: password: the password repeats one or two characters: choose a phrase"),
    ],
)
def test_user_add_refuses_a_weak_password(tmp_path: Path, password: str, error: str) -> None:
    args = ["user", "add", "hoa", "--unit", OFFICE, "--password-stdin", "--data", str(tmp_path)]
    result = CliRunner().invoke(main, args, input=password + "\n")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == error


@pytest.mark.usefixtures("vietnamese_default")
def test_user_add_says_why_in_vietnamese_by_default(tmp_path: Path) -> None:
    args = ["user", "add", "hoa", "--unit", OFFICE, "--password-stdin", "--data", str(tmp_path)]
    result = CliRunner().invoke(main, args, input="MatKhau123\n")
    assert result.output.splitlines()[0] == (
        "Lỗi: password: mật khẩu này có trong các danh sách mật khẩu bị lộ: người dò mật khẩu sẽ thử nó đầu tiên"
    )
    result = CliRunner().invoke(
        main,
        ["user", "add", "hoa bình", "--unit", "../x", "--password-stdin", "--data", str(tmp_path)],
        input="một cụm từ dài\n",
    )
    assert result.output.splitlines()[:2] == [
        "Lỗi: --unit: '../x' không phải mã đơn vị (tên thư mục của đơn vị)",
        "Lỗi: NAME: 'hoa bình' không phải tên người dùng: chữ cái, chữ số, . _ @ - (tối đa 64 ký tự)",
    ]


@pytest.mark.parametrize(
    "given, message",
    [
        ("OFFICIAL.yaml", "official.yaml holds the published results; it is not uploaded as evidence"),
        (
            "Explanations.yaml",
            "Explanations.yaml is not an evidence file; it is kept on the server by the administrator",
        ),
        ("unit.yaml", "unit.yaml is not an evidence file; it is kept on the server by the administrator"),
        ("CON.yaml", "CON.yaml is a name Windows keeps for a device: rename the file"),
        ("lpt1.csv", "lpt1.csv is a name Windows keeps for a device: rename the file"),
        ("Nul.tar.yaml", "Nul.tar.yaml is a name Windows keeps for a device: rename the file"),
    ],
)
def test_reserved_names_are_refused_whatever_their_case(
    client: TestClient, evidence: Path, given: str, message: str
) -> None:
    csrf = login(client)
    before = tree(evidence)
    response = upload(client, given, GOOD, csrf)
    assert response.status_code == 422
    assert response.json()["errors"][0]["message"] == message
    assert tree(evidence) == before


def test_a_published_year_is_read_only_to_unit_users(client: TestClient, evidence: Path) -> None:
    assert (evidence / OFFICE / "2023" / "official.yaml").is_file()
    csrf = login(client)
    before = tree(evidence)
    response = upload(client, "x.yaml", GOOD, csrf, url=f"/api/units/{OFFICE}/evidence/2023")
    assert response.status_code == 403
    assert response.json()["error"].startswith("This year's results are published")
    assert tree(evidence) == before
    page = client.get(f"/units/{OFFICE}/evidence/2023").text
    assert 'id="published"' in page and 'id="upload"' not in page
    csrf = login(client, "sonv")
    late = GOOD.replace(b"2024-05-02", b"2023-05-02")
    assert upload(client, "x.yaml", late, csrf, url=f"/api/units/{OFFICE}/evidence/2023").status_code == 201


def test_a_replacement_names_the_version_it_replaces(client: TestClient, evidence: Path) -> None:
    csrf = login(client)
    listed = {f["name"]: f for f in client.get(URL).json()["files"]}["reports.csv"]
    original = (evidence / OFFICE / "2024" / "reports.csv").read_bytes()
    assert listed["sha256"] == _sha(original)
    changed = original.replace(b"38/BC-VPUB", b"38/BC-VPUB-2")
    headers = {"X-CSRF-Token": csrf, "If-Match": f'"{listed["sha256"]}"'}
    first = client.post(URL, files={"file": ("reports.csv", changed)}, headers=headers)
    assert first.status_code == 201
    # a second officer, with the listing from before: told, and nothing changes
    stale = client.post(URL, files={"file": ("reports.csv", changed + b"\n")}, headers=headers)
    assert stale.status_code == 409
    assert stale.json()["error"].startswith("Tệp đã được người khác thay đổi")
    assert (evidence / OFFICE / "2024" / "reports.csv").read_bytes() == changed
    fresh = {"X-CSRF-Token": csrf, "If-Match": "*"}
    assert client.post(URL, files={"file": ("new.yaml", GOOD)}, headers=fresh).status_code == 409  # not there


def test_uploads_per_user_are_bounded_and_versions_pruned(evidence: Path, data: Path) -> None:
    client = make_client(evidence, data, upload_rate=4, keep_versions=2)
    csrf = login(client)
    for n in range(4):
        assert upload(client, "x.yaml", GOOD.replace(b"count: 3", f"count: {n + 1}".encode()), csrf).status_code == 201
    refused = upload(client, "x.yaml", GOOD, csrf)
    assert refused.status_code == 429 and 1 <= int(refused.headers["retry-after"]) <= 600
    assert audit(data)[0]["action"] == "upload_rate"
    versions = {f["name"]: f for f in client.get(URL).json()["files"]}["x.yaml"]["versions"]
    assert len(versions) == 3 and [v["download"] is None for v in versions] == [False, False, True]
    assert len(list((data / "versions").rglob("*.yaml"))) == 2


def test_downloads_of_uploaded_sheets_carry_no_formula(client: TestClient, evidence: Path, tmp_path: Path) -> None:
    year = evidence / OFFICE / "2024"
    (year / "links.csv").write_bytes(
        b'id,type,date,form,count,document_no\nl1,communication,2024-02-02,news,1,"=HYPERLINK(""http://x"",""y"")"\n'
        b"l2,communication,2024-02-03,news,-1,+1\n"
    )
    book = openpyxl.Workbook()
    book.active.title = "communication"
    book.active.append(["id", "date", "form", "count", "document_no"])
    book.active.append(["w1", "2024-03-01", "news", 2, "=1+1"])
    book.save(year / "links.xlsx")
    login(client)
    files = f"/units/{OFFICE}/evidence/2024/files/"
    served = client.get(files + "links.csv").content
    assert served == (
        b'id,type,date,form,count,document_no\nl1,communication,2024-02-02,news,1,"\'=HYPERLINK(""http://x"",""y"")"\n'
        b"l2,communication,2024-02-03,news,-1,+1\n"
    )
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(files + "links.xlsx").content)).active
    assert sheet["E2"].value == "=1+1" and sheet["E2"].data_type == "s" and sheet["E2"].quotePrefix
    reports = client.get(files + "reports.csv").content
    assert reports == (year / "reports.csv").read_bytes()  # nothing to neutralise: the bytes as they are


def test_hsts_when_secure_only(evidence: Path, data: Path) -> None:
    plain = make_client(evidence, data)
    assert "strict-transport-security" not in plain.get("/login").headers
    secure = make_client(evidence, data, secure_cookies=True)
    assert secure.get("/login").headers["strict-transport-security"] == "max-age=31536000"


def test_a_prediction_whose_evidence_changed_meanwhile_answers_and_is_not_kept(
    evidence: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An upload that lands while a prediction runs: the prediction answers (the digest after it,
    which hashes the new file, once deadlocked on the cache's own lock) and is not cached."""
    from scorer.serve.cache import PredictionCache

    cache = PredictionCache(evidence, RULES)
    real = work.predict

    def predict_while_an_upload_lands(*args: object) -> object:
        (evidence / OFFICE / "2024" / "landed.yaml").write_bytes(GOOD)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(work, "predict", predict_while_an_upload_lands)
    answered: list[object] = []
    thread = threading.Thread(target=lambda: answered.append(cache.prediction(OFFICE, 2024, AS_OF, AS_OF)), daemon=True)
    thread.start()
    thread.join(timeout=120)
    assert answered and not thread.is_alive()
    assert cache.cached(OFFICE, 2024, AS_OF, AS_OF) is None  # computed before the file landed: not kept


def test_an_upload_whose_check_passes_its_bounds_is_refused_and_audited(
    client: TestClient, evidence: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    csrf = login(client)
    before = tree(evidence)

    def heavy(*_: object) -> object:
        raise work.TooHeavy("time")

    monkeypatch.setattr(work, "validate", heavy)
    response = upload(client, "x.yaml", GOOD, csrf)
    assert response.status_code == 422
    assert response.json()["errors"][0]["message"] == (
        "the check of the unit with this file took longer than the service gives one task"
    )
    assert audit(data)[0]["action"] == "upload_too_heavy_time" and tree(evidence) == before
    page = client.post(f"/units/{OFFICE}/evidence/2024", files={"file": ("x.yaml", GOOD)}, data={"csrf": csrf})
    assert "việc kiểm tra đơn vị với tệp này kéo dài quá thời gian máy chủ dành cho một tác vụ" in page.text

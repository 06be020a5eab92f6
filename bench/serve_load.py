"""Load test of `scorer serve` on loopback: a synthetic province, browsing officers and uploading ones.

    .venv/bin/python bench/serve_load.py                         # 20 units, 20 browsing, 5 uploading, 60 s
    .venv/bin/python bench/serve_load.py --seconds 15 --units 5

A province of N synthetic units (scorer.synthetic) is written to a temporary folder, `scorer serve`
is started on 127.0.0.1 as a separate process, and then, for the given time, each browsing user
(one per unit) walks its unit's report, risk list, evidence page, the JSON prediction and the
province ranking, while each uploading user sends, in turn, a file with a mistake (which must be
refused with 422) and a corrected one (201), replacing the same file each time. Every loop is
bounded (by the clock and by a maximum count) and every connection is to 127.0.0.1 only.

With `--pathological` (the default; `--no-pathological` leaves it out) one more unit's officer
uploads, in turn and without pause, the files of issue 18 that used to stall a province: a
workbook of empty cells (a few hundred KiB that unpack to 120 MiB; must be refused, 422) and
CSV files of 199,000 records each (three of them under different names: accepted, or refused
when their check passes the job's bounds, 422), while that unit's own pages are read (answered,
or refused past the bounds with 503). The table reports the other units' pages and uploads
beside them.

Checked at the end: every request was answered with the status it should have; the file on disk is
the last accepted one, byte for byte; every earlier accepted upload is kept as a version with its
bytes; no staging or `.part` file is left. Reported: requests per kind with p50 / p95 / max, the p95
of a cached page (a unit's report whose evidence did not change), the server's CPU time per
request, and, measured in the same run, the CPU time of one `scorer predict --unit U --format json`
as a separate process (what a page would cost without the cache).
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import os
import platform
import resource
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scorer import synthetic  # noqa: E402
from scorer.loading import load_criteria  # noqa: E402

SCORER = Path(sys.executable).parent / "scorer"
PASSWORD = "load test password 2024"
MAX_LOOPS = 100_000
HOST = "127.0.0.1"
# a process that keeps one core busy for the given seconds (--busy)
SPIN = "import sys, time\nend = time.monotonic() + float(sys.argv[1])\nwhile time.monotonic() < end:\n    pass\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


class Client:
    """One user's keep-alive connection with its session cookie."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.connection = http.client.HTTPConnection(HOST, port, timeout=300)
        self.cookie = ""
        self.csrf = ""
        self.timing: dict[str, float] = {}

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None):
        headers = dict(headers or {})
        if self.cookie:
            headers["Cookie"] = self.cookie
        for attempt in range(2):
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
                self.timing = parse_timing(response.getheader("server-timing") or "")
                return response.status, response.getheader("set-cookie"), data
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                if attempt:
                    raise
                self.connection.close()
                self.connection = http.client.HTTPConnection(HOST, self.port, timeout=300)
        raise AssertionError("unreachable")

    def login(self, name: str) -> None:
        body = urllib.parse.urlencode({"username": name, "password": PASSWORD}).encode()
        status, cookie, _ = self.request(
            "POST", "/login", body, {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}
        )
        assert status == 200 and cookie, status
        self.cookie = cookie.split(";")[0]
        status, _, data = self.request("GET", "/api/session")
        assert status == 200
        self.csrf = json.loads(data)["csrf"]

    def upload(self, path: str, name: str, content: bytes) -> tuple[int, bytes]:
        boundary = uuid.uuid4().hex
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n"
            ).encode()
            + content
            + f"\r\n--{boundary}--\r\n".encode()
        )
        headers = {"Content-Type": f"multipart/form-data; boundary={boundary}", "X-CSRF-Token": self.csrf}
        status, _, data = self.request("POST", path, body, headers)
        return status, data


def parse_timing(header: str) -> dict[str, float]:
    """`Server-Timing: app;dur=12.5, job;dur=8.0` as seconds by phase."""
    found = {}
    for part in header.split(","):
        name, _, rest = part.strip().partition(";dur=")
        if name and rest:
            found[name] = float(rest) / 1000
    return found


class Results:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = defaultdict(list)
        # set while the pathological unit's upload is being answered (its file checked)
        self.checking = threading.Event()
        # where the server says each request's time went (its Server-Timing), by kind
        self.phases: dict[str, list[dict[str, float]]] = defaultdict(list)
        self.wrong: list[str] = []
        self.accepted: dict[tuple[str, str], list[bytes]] = defaultdict(list)

    def add(
        self, kind: str, seconds: float, status: int, expected: int, where: str, timing: dict[str, float] | None = None
    ) -> None:
        with self.lock:
            self.times[kind].append(seconds)
            if timing is not None:
                self.phases[kind].append({**timing, "total": seconds})
            if status != expected:
                self.wrong.append(f"{kind} {where}: {status} (expected {expected})")


def browse(port: int, user: str, unit: str, changing: bool, deadline: float, results: Results) -> None:
    """`changing`: another user uploads to this unit meanwhile, so its pages are recomputed."""
    client = Client(port)
    client.login(user)
    pages = [
        ("unit page", f"/units/{unit}"),
        ("risk list", f"/units/{unit}/risks"),
        ("evidence page", f"/units/{unit}/evidence/2024"),
        ("prediction API", f"/api/units/{unit}/prediction"),
        ("province", "/province"),
    ]
    first = True
    for loop in range(MAX_LOOPS):
        if time.monotonic() >= deadline:
            break
        kind, path = pages[loop % len(pages)]
        start = time.perf_counter()
        status, _, _ = client.request("GET", path)
        elapsed = time.perf_counter() - start
        label = kind + (" (first)" if first and kind == "unit page" else "")
        label += " (evidence changing)" if changing and kind != "province" else ""
        results.add(label, elapsed, status, 200, path, client.timing)
        first = first and kind != "unit page"


def upload(port: int, user: str, unit: str, deadline: float, results: Results) -> None:
    client = Client(port)
    client.login(user)
    path = f"/api/units/{unit}/evidence/2024"
    for loop in range(MAX_LOOPS):
        if time.monotonic() >= deadline:
            break
        bad = loop % 2 == 0
        count = loop + 1
        if bad:
            content = f"- id: load-{count}\n  type: communication\n  date: 2024-13-0{1 + count % 9}\n  form: news\n"
        else:
            content = "".join(
                f"- id: load-{user}-{i}\n  type: communication\n  date: 2024-0{1 + i % 9}-1{i % 10}\n"
                f"  form: news\n  count: {1 + i % 5}\n  document_no: {i}/TB-{loop}\n"
                for i in range(count)
            )
        data = content.encode()
        start = time.perf_counter()
        status, body = client.upload(path, "load.yaml", data)
        elapsed = time.perf_counter() - start
        expected = 422 if bad else 201
        results.add("upload refused" if bad else "upload accepted", elapsed, status, expected, user, client.timing)
        if status == 201:
            with results.lock:
                results.accepted[(unit, "load.yaml")].append(data)


def empty_cells_workbook(rows: int = 740, columns: int = 16384) -> bytes:
    """One 'communication' sheet: a header, then rows of styled empty cells with no r= (about
    240 KiB that unpack to 121 MiB, as the workbook of issue 18: 149 KiB, 120 MiB)."""
    import io
    import zipfile

    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    kinds = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            f'{head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{kinds}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{kinds}.worksheet+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            f'{head}<Relationships xmlns="{package}"><Relationship Id="rId1" Type="{rel}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            f'{head}<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
            '<sheet name="communication" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            f'{head}<Relationships xmlns="{package}"><Relationship Id="rId1" Type="{rel}/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>',
        )
        with z.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(f'{head}<worksheet xmlns="{main}"><sheetData><row>'.encode())
            sheet.write(b'<c t="inlineStr"><is><t>id</t></is></c><c t="inlineStr"><is><t>date</t></is></c></row>')
            empty = ("<row>" + '<c s="0"/>' * columns + "</row>").encode()
            for _ in range(rows):
                sheet.write(empty)
            sheet.write(b"</sheetData></worksheet>")
    return buffer.getvalue()


def big_csv(tag: str, rows: int = 199_000) -> bytes:
    lines = ["id,type,date,form,count,document_no"]
    lines += [f"{tag}-{i},communication,2024-0{1 + i % 9}-1{i % 10},news,1,{i}/TB-{tag}" for i in range(rows)]
    return ("\n".join(lines) + "\n").encode()


def pathological(port: int, user: str, unit: str, begin: float, deadline: float, results: Results) -> None:
    """The unlucky unit, from `begin` on: the empty-cells workbook and three 199,000-record CSVs,
    in turn, with its own pages read between them."""
    client = Client(port)
    client.login(user)
    time.sleep(max(0.0, begin - time.monotonic()))
    path = f"/api/units/{unit}/evidence/2024"
    empty = empty_cells_workbook()
    files = [("empty-cells.xlsx", empty)] + [(f"big{n}.csv", big_csv(f"big{n}")) for n in (1, 2, 3)]
    for loop in range(MAX_LOOPS):
        if time.monotonic() >= deadline:
            break
        name, content = files[loop % len(files)]
        results.checking.set()
        start = time.perf_counter()
        try:
            status, _ = client.upload(path, name, content)
        finally:
            results.checking.clear()
        elapsed = time.perf_counter() - start
        if name.endswith(".xlsx"):
            results.add("pathological: empty-cells workbook (refused)", elapsed, status, 422, user)
        else:
            results.add(
                "pathological: 199,000-record CSV", elapsed, status, status if status in (201, 422) else 201, user
            )
        start = time.perf_counter()
        status, _, _ = client.request("GET", f"/api/units/{unit}/prediction")
        elapsed = time.perf_counter() - start
        results.add(
            "pathological: its own prediction", elapsed, status, status if status in (200, 422, 503) else 200, user
        )


PROBE_EVERY = 2.0


def probe(port: int, user: str, unit: str, begin: float, deadline: float, results: Results) -> None:
    """The issue's measure: another unit's officer, at a person's pace (one upload every two
    seconds, then the unit's prediction, uncached since the upload changed it), before and while
    the pathological unit's file is being checked."""
    client = Client(port)
    client.login(user)
    time.sleep(max(0.0, begin - time.monotonic()))
    path = f"/api/units/{unit}/evidence/2024"
    for loop in range(MAX_LOOPS):
        began = time.monotonic()
        if began >= deadline:
            break
        when = "while the pathological file is checked" if results.checking.is_set() else "before"
        content = (
            f"- id: probe-{loop}\n  type: communication\n  date: 2024-0{1 + loop % 9}-1{loop % 10}\n"
            f"  form: news\n  count: 1\n  document_no: {loop}/TB-PROBE\n"
        ).encode()
        start = time.perf_counter()
        status, _ = client.upload(path, "probe.yaml", content)
        results.add(f"probe: upload ({when})", time.perf_counter() - start, status, 201, user, client.timing)
        if status == 201:
            with results.lock:
                results.accepted[(unit, "probe.yaml")].append(content)
        start = time.perf_counter()
        status, _, _ = client.request("GET", f"/api/units/{unit}/prediction")
        results.add(
            f"probe: uncached prediction ({when})", time.perf_counter() - start, status, 200, user, client.timing
        )
        time.sleep(max(0.0, began + PROBE_EVERY - time.monotonic()))


def process_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def cli_predict_cpu(evidence: Path, unit: str) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    command = [str(SCORER), "predict", "--evidence", str(evidence), "--rules", str(ROOT / "rules")]
    done = subprocess.run(command + ["--unit", unit, "--format", "json"], capture_output=True)
    assert done.returncode == 0, done.stderr[-2000:]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def check_nothing_lost(evidence: Path, data: Path, accepted: dict[tuple[str, str], list[bytes]]) -> list[str]:
    problems = []
    db = sqlite3.connect(data / "scorer.sqlite3")
    for (unit, name), versions in accepted.items():
        current = evidence / unit / "2024" / name
        if not versions:
            continue
        if current.read_bytes() != versions[-1]:
            problems.append(f"{unit}/{name}: the file on disk is not the last accepted upload")
        kept = {
            hashlib.sha256((data / archive).read_bytes()).hexdigest()
            for (archive,) in db.execute(
                "SELECT archive FROM versions WHERE unit = ? AND name = ? AND archive IS NOT NULL", (unit, name)
            )
        }
        for number, earlier in enumerate(versions[:-1], start=1):
            if hashlib.sha256(earlier).hexdigest() not in kept:
                problems.append(f"{unit}/{name}: accepted upload {number} is not kept as a version")
    leftovers = [str(p) for p in evidence.rglob("*.part")] + [str(p) for p in (data / "staging").glob("*")]
    problems += [f"left behind: {p}" for p in leftovers]
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=20)
    parser.add_argument("--records", type=int, default=100, help="records per synthetic unit")
    parser.add_argument("--browsers", type=int, default=20)
    parser.add_argument("--uploaders", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--pathological", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument(
        "--busy",
        type=int,
        default=0,
        help="processes that spin on the CPU beside the server during the load, as other people's work on a shared machine",
    )
    args = parser.parse_args()
    assert args.uploaders <= args.units and args.seconds <= 600

    work = Path(tempfile.mkdtemp(prefix="scorer-serve-load-"))
    evidence, data = work / "evidence", work / "data"
    try:
        cs = load_criteria(ROOT / "rules" / "criteria_2024.yaml")
        synthetic.write_province(evidence, cs, args.units + int(args.pathological) + 1, args.records)
        units = sorted(p.name for p in evidence.iterdir())
        # the unlucky unit and the probe are two more, so that the table's 20 units are the same
        # with the pathological files and without
        probing = [("probe", units.pop())]
        unlucky = [("unlucky", units.pop())] if args.pathological else []
        browsers = [(f"view{i}", units[i % len(units)]) for i in range(args.browsers)]
        # uploaders take the last units, so the first ones' pages stay cached
        uploaders = [(f"send{i}", units[-1 - i]) for i in range(args.uploaders)]
        for name, unit in browsers + uploaders + unlucky + probing:
            add = [str(SCORER), "user", "add", name, "--unit", unit, "--password-stdin", "--data", str(data)]
            subprocess.run(add, input=PASSWORD + "\n", text=True, check=True, capture_output=True)

        load_before = os.getloadavg()[0]
        cpu_predict_before = cli_predict_cpu(evidence, units[0])
        port = free_port()
        command = [str(SCORER), "serve", "--evidence", str(evidence), "--rules", str(ROOT / "rules")]
        server = subprocess.Popen(
            # every upload of this run allowed (the per-user rate is for people, not for this loop)
            command + ["--data", str(data), "--host", HOST, "--port", str(port), "--upload-rate", "100000"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(300):
                try:
                    socket.create_connection((HOST, port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.1)
            # the same page with nothing else going on, as a reference for the figures under load
            quiet_client = Client(port)
            quiet_client.login(browsers[0][0])
            quiet_client.request("GET", f"/units/{browsers[0][1]}")
            quiet = []
            for _ in range(50):
                start = time.perf_counter()
                status, _, _ = quiet_client.request("GET", f"/units/{browsers[0][1]}")
                quiet.append(time.perf_counter() - start)
                assert status == 200
            results = Results()
            changing = {unit for _name, unit in uploaders}
            cpu_start = process_cpu(server.pid)
            deadline = time.monotonic() + args.seconds
            threads = [
                threading.Thread(target=browse, args=(port, name, unit, unit in changing, deadline, results))
                for name, unit in browsers
            ] + [
                threading.Thread(target=upload, args=(port, name, unit, deadline, results)) for name, unit in uploaders
            ]
            # the pathological files from a third of the way in: the probe's figures before them
            # and while they are checked come from the same run
            begin = time.monotonic() + args.seconds / 3
            threads += [
                threading.Thread(target=pathological, args=(port, name, unit, begin, deadline, results))
                for name, unit in unlucky
            ]
            # the probe from a sixth of the way in, past the first views that compute every unit
            start_probe = begin - args.seconds / 6
            threads += [
                threading.Thread(target=probe, args=(port, name, unit, start_probe, deadline, results))
                for name, unit in probing
            ]
            spinners = [subprocess.Popen([sys.executable, "-c", SPIN, str(args.seconds)]) for _ in range(args.busy)]
            started = time.monotonic()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=args.seconds + 300)
            wall = time.monotonic() - started
            cpu_server = process_cpu(server.pid) - cpu_start
            for spinner in spinners:
                spinner.wait(timeout=60)
        finally:
            server.terminate()
            server.wait(timeout=30)
        cpu_predict_after = cli_predict_cpu(evidence, units[0])
        lost = check_nothing_lost(evidence, data, results.accepted)

        total = sum(len(v) for v in results.times.values())
        print(
            f"# scorer serve under load ({platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}; load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after)"
        )
        print(
            f"{args.units} units x {args.records} records; {args.browsers} browsing, {args.uploaders} uploading"
            f"{', 1 more unit uploading the pathological files' if unlucky else ''}"
            f"{f', {args.busy} processes spinning beside' if args.busy else ''}; "
            f"{wall:.0f} s on {HOST}; {total} requests ({total / wall:.1f}/s)\n"
        )
        print("| request | count | p50 ms | p95 ms | max ms |")
        print("|---|---|---|---|---|")
        for kind in sorted(results.times):
            values = results.times[kind]
            print(
                f"| {kind} | {len(values)} | {percentile(values, 0.5) * 1000:.0f} | "
                f"{percentile(values, 0.95) * 1000:.0f} | {max(values) * 1000:.0f} |"
            )
        print(
            "\nWhere the time went, as the server tells it (Server-Timing), p50 / p95 in ms: waiting for the "
            "unit's job before it, for a unit's file lock, for a worker; in the worker (wall, CPU); waiting for "
            "and using the database; the whole handler; and outside the handler (HTTP, the event loop, the "
            "machine's run queue)."
        )
        phases = ["unit", "lock", "queue", "job", "cpu", "db", "app"]
        print("\n| request | " + " | ".join(phases) + " | outside |")
        print("|---" * (len(phases) + 2) + "|")
        for kind in sorted(results.phases):
            rows = results.phases[kind]
            cells = []
            for phase in phases + ["outside"]:
                if phase == "outside":
                    values = [max(0.0, r["total"] - r.get("app", 0.0)) for r in rows]
                else:
                    values = [r.get(phase, 0.0) for r in rows]
                cells.append(f"{percentile(values, 0.5) * 1000:.0f} / {percentile(values, 0.95) * 1000:.0f}")
            print(f"| {kind} | " + " | ".join(cells) + " |")
        cached = results.times.get("unit page", [])
        cli = (cpu_predict_before + cpu_predict_after) / 2
        print(
            f"\ncached page (a unit's report) p95: {percentile(cached, 0.95) * 1000:.0f} ms; "
            f"one CLI `scorer predict --unit U --format json`: {cli * 1000:.0f} ms of CPU "
            f"({cpu_predict_before * 1000:.0f} before the load, {cpu_predict_after * 1000:.0f} after); "
            f"server CPU per request: {cpu_server / max(total, 1) * 1000:.1f} ms"
        )
        for what in ("upload", "uncached prediction"):
            before = results.times.get(f"probe: {what} (before)", [])
            during = results.times.get(f"probe: {what} (while the pathological file is checked)", [])
            print(
                f"another unit's {what}, one every {PROBE_EVERY:.0f} s: p95 {percentile(before, 0.95) * 1000:.0f} ms "
                f"before the pathological files ({len(before)}), {percentile(during, 0.95) * 1000:.0f} ms while one "
                f"is checked ({len(during)}, max {max(during, default=float('nan')) * 1000:.0f} ms)"
            )
        accepted = sum(len(v) for v in results.accepted.values())
        print(
            f"the same cached page alone, before the load: p50 {percentile(quiet, 0.5) * 1000:.0f} ms, "
            f"p95 {percentile(quiet, 0.95) * 1000:.0f} ms"
        )
        print(f"accepted uploads: {accepted}; wrong answers: {len(results.wrong)}; lost or half-written: {len(lost)}")
        for line in (results.wrong + lost)[:20]:
            print("  " + line)
        if results.wrong or lost:
            raise SystemExit(1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

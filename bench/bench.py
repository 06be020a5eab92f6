"""Benchmark: a synthetic province through `scorer predict`, against merely parsing its files.

    .venv/bin/python bench/bench.py                     # 2,000 units x 100 records
    .venv/bin/python bench/bench.py --units 200 --records 40 --profile
    .venv/bin/python bench/bench.py --runs 3 --compare ../old-checkout   # medians, before / after

Both runs are separate processes started the same way, measured in the same run (the machines are
noisy, so only the ratio means much): the baseline reads every evidence file with PyYAML's C loader
and does nothing else; `scorer predict --format json --output FILE` does the whole job. Reported:
wall and CPU time of each, their ratio (of CPU time, steadier on a shared machine; the wall ratio
too), units per second and peak memory (max RSS) of each, each process measured on its own. With `--runs N` each is run N times on
the same province, interleaved, and the medians are reported (the ratio is the median of the runs'
ratios, each of a scorer run and the baseline run beside it); `--compare DIR` also runs the
scorer of another checkout (its package on PYTHONPATH, its own rules folder) on the same files,
for a before / after.
Each checkout's bytecode is compiled first (bench/precompile.py), as an installed package's is.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import platform
import pstats
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from precompile import compile_package

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scorer import synthetic  # noqa: E402
from scorer.loading import load_criteria  # noqa: E402

AS_OF = "2024-09-30"
BASELINE = """
import sys, yaml
from pathlib import Path
count = 0
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    count += len(data) if isinstance(data, list) else 1
print(count)
"""


# Each measured process is started by a small wrapper that reports that process's own CPU time and
# peak memory (RUSAGE_CHILDREN of a fresh process is its one child), so runs never mix.
WRAPPER = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(usage.ru_utime + usage.ru_stime, usage.ru_maxrss, done.returncode)
sys.stderr.write(done.stderr[-2000:])
"""


def predict_command(checkout: Path, evidence: Path, output: Path) -> list[str]:
    """`scorer predict --format json` over `evidence`, with the criteria set of `checkout`'s own
    rules folder (its `rules/criteria_<year>.yaml`)."""
    return [
        sys.executable,
        "-m",
        "scorer",
        "predict",
        "--evidence",
        str(evidence),
        "--rules",
        str(checkout / "rules"),
        "--as-of",
        AS_OF,
        "--format",
        "json",
        "--output",
        str(output),
    ]


def timed(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MiB) of one child process. CPU time is
    what the ratio uses: on a shared machine it moves far less than wall time."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", WRAPPER, *command], capture_output=True, text=True, env=env, cwd=cwd)
    elapsed = time.perf_counter() - start
    cpu, peak, code = done.stdout.split()[-3:] if done.stdout.strip() else ("0", "0", "1")
    if done.returncode != 0 or code != "0":
        raise SystemExit(f"{command[:3]} failed: {done.stderr[-2000:]}")
    return elapsed, float(cpu), int(peak) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--records", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", action="store_true", help="also profile predict in-process; print the top costs")
    parser.add_argument("--keep", type=Path, help="write the province here and keep it")
    parser.add_argument("--runs", type=int, default=1, help="runs of each, interleaved; medians reported")
    parser.add_argument("--compare", type=Path, help="another checkout whose scorer to time too (before / after)")
    args = parser.parse_args()

    cs = load_criteria(ROOT / "rules" / "criteria_2024.yaml")
    work = args.keep or Path(tempfile.mkdtemp(prefix="scorer-bench-"))
    evidence = work / "evidence"
    try:
        start = time.perf_counter()
        synthetic.write_province(evidence, cs, args.units, args.records, args.seed)
        generated = time.perf_counter() - start
        files = sum(1 for _ in evidence.rglob("*.yaml"))
        baseline = [sys.executable, "-c", BASELINE, str(evidence)]
        scorer = predict_command(ROOT, evidence, work / "prediction.json")
        compile_package(ROOT)
        other = None
        if args.compare is not None:
            compile_package(args.compare.resolve())
            other = {**os.environ, "PYTHONPATH": str(args.compare.resolve())}
            # The other checkout reads its own rules folder: an older scorer may refuse today's
            # criteria file (keys it did not know yet), and a newer one may need its own.
            before = predict_command(args.compare.resolve(), evidence, work / "prediction-compare.json")
        runs: dict[str, list[tuple[float, float, float]]] = {"base": [], "scorer": [], "compare": []}
        for _ in range(args.runs):
            runs["base"].append(timed(baseline))
            # Run outside the checkout: `-m` puts the working folder first on the path.
            if other is not None:
                runs["compare"].append(timed(before, other, cwd=work))
            runs["scorer"].append(timed(scorer, cwd=work))
        base_s, base_cpu, base_mb = (statistics.median(r[i] for r in runs["base"]) for i in range(3))
        run_s, run_cpu, run_mb = (statistics.median(r[i] for r in runs["scorer"]) for i in range(3))
        units = len(json.loads((work / "prediction.json").read_text(encoding="utf-8"))["units"])
        report = {
            "machine": f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
            f"{len(os.sched_getaffinity(0))} cores",
            "units": units,
            "records_per_unit": args.records,
            "files": files,
            "runs": args.runs,
            "generate_s": round(generated, 2),
            "baseline_parse_s": round(base_s, 2),
            "scorer_predict_s": round(run_s, 2),
            "baseline_cpu_s": round(base_cpu, 2),
            "scorer_cpu_s": round(run_cpu, 2),
            # The median of the runs' ratios: each run's scorer and baseline ran side by side.
            "ratio": round(statistics.median(r[1] / b[1] for r, b in zip(runs["scorer"], runs["base"])), 2),
            "ratios": [round(r[1] / b[1], 2) for r, b in zip(runs["scorer"], runs["base"])],
            "wall_ratio": round(run_s / base_s, 2),
            "units_per_s": round(units / run_s, 1),
            "baseline_peak_mib": round(base_mb, 1),
            "scorer_peak_mib": round(run_mb, 1),
        }
        if runs["compare"]:
            report["compare"] = str(args.compare)
            report["compare_cpu_s"] = round(statistics.median(r[1] for r in runs["compare"]), 2)
            report["compare_ratio"] = round(
                statistics.median(r[1] / b[1] for r, b in zip(runs["compare"], runs["base"])), 2
            )
            report["compare_ratios"] = [round(r[1] / b[1], 2) for r, b in zip(runs["compare"], runs["base"])]
            report["compare_peak_mib"] = round(statistics.median(r[2] for r in runs["compare"]), 1)
        print(json.dumps(report, indent=2))
        if args.profile:
            profile(evidence)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


def profile(evidence: Path) -> None:
    import datetime as dt

    from scorer import api
    from scorer.render import json_

    request = api.Request(evidence=evidence, rules=ROOT / "rules", as_of=dt.date.fromisoformat(AS_OF))
    profiler = cProfile.Profile()
    profiler.enable()
    json_.dumps(api.predict(request))
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(12)
    print(out.getvalue())


if __name__ == "__main__":
    main()

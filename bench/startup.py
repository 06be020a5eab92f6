"""Benchmark: one unit's `scorer predict`, against the bare import of the stack it stands on.

    .venv/bin/python bench/startup.py               # median of 5 of each, CPU time
    .venv/bin/python bench/startup.py --runs 9 --compare ../old-checkout   # before / after

The baseline imports pydantic (and defines one model), durable_rules_engine, yaml, click and
tabulate, and does nothing else; the run is `scorer predict --as-of 2024-09-30` over the shipped
evidence (one unit, the default table). Both are fresh processes started the same way; what is
reported is the median CPU time (user + system) of each and their ratio. The scorer's bytecode is
compiled first (bench/precompile.py), as an installed package's is: otherwise, where
PYTHONDONTWRITEBYTECODE is set, every run would time the compiler as well. `--compare DIR` also runs
the scorer of another checkout (its package on PYTHONPATH, its own folder as the working one).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

from precompile import compile_package

ROOT = Path(__file__).resolve().parent.parent
STACK = """
import click, durable_rules_engine, pydantic, tabulate, yaml

class One(pydantic.BaseModel):
    name: str
    value: float
"""
PREDICT = ["-m", "scorer", "predict", "--as-of", "2024-09-30"]


def cpu(arguments: list[str], root: Path = ROOT, env: dict[str, str] | None = None) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, *arguments], cwd=root, check=True, capture_output=True, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--compare", type=Path, help="another checkout whose scorer to time too (before / after)")
    args = parser.parse_args()
    compile_package(ROOT)
    if args.compare is not None:
        compile_package(args.compare.resolve())
    stack, predict, other = [], [], []
    for _ in range(args.runs):  # interleaved, so a busy moment of the machine falls on both
        stack.append(cpu(["-c", STACK]))
        predict.append(cpu(PREDICT))
        if args.compare is not None:
            root = args.compare.resolve()
            other.append(cpu(PREDICT, root, {**os.environ, "PYTHONPATH": str(root)}))
    base, run = statistics.median(stack), statistics.median(predict)
    report: dict[str, object] = {
        "runs": args.runs,
        "stack_import_cpu_s": round(base, 3),
        "predict_cpu_s": round(run, 3),
    }
    report["ratio"] = round(run / base, 2)
    if other:
        report["compare"] = str(args.compare)
        report["compare_predict_cpu_s"] = round(statistics.median(other), 3)
        report["compare_ratio"] = round(statistics.median(other) / base, 2)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

"""Compile a checkout's `scorer` package to bytecode before it is timed.

An installed package has its bytecode written when it is installed; a checkout writes it on its
first run, unless PYTHONDONTWRITEBYTECODE is set (as it is on some CI machines and containers):
then every run compiles each module from source again, and a benchmark of a short run times the
compiler rather than the scorer. The stack it is compared with is installed, so its bytecode is
already there; compiling ours first puts both on the same footing. (`compileall` writes the
bytecode whatever that variable says; the interpreter reads it either way.)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def compile_package(root: Path) -> None:
    """Write the bytecode of `root/scorer` (quietly; a module that does not compile fails the run)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "scorer")], check=True)

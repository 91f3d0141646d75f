"""A driver process of our own, started and killed for real, for the tests of what its workers do then."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).parent.parent


def start_driver(tmp_path: Path, workerfn: str, script: str, **popen: Any) -> subprocess.Popen[str]:
    """Run `script` in a fresh interpreter that can import the project and a module `workerfn` (source given):
    workers unpickle their function by module name, so it must live in a file, not in the test."""
    (tmp_path / "workerfn.py").write_text(workerfn)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)])}
    popen = {"stdout": subprocess.PIPE, "text": True, **popen}
    return subprocess.Popen([sys.executable, "-c", script], env=env, **popen)


def alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE  # a zombie is gone for our purposes
    except psutil.NoSuchProcess:
        return False


def left_alive(pids: list[int], timeout: float) -> list[int]:
    """The processes still running after `timeout` seconds; they are killed, so that a failing test leaves
    none of them behind."""
    deadline = time.monotonic() + timeout
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [p for p in pids if alive(p)]
    for p in left:
        os.kill(p, signal.SIGKILL)
    return left

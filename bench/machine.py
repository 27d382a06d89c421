"""What the numbers were measured on: cores, CPU model, memory, load, code version."""

from __future__ import annotations

import os
import platform
import subprocess
from pathlib import Path
from typing import Any

from bench import REPO_DIR

__all__ = ["machine_info"]


def _first(path: str, key: str) -> str:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "?"


def _git(*args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=REPO_DIR, capture_output=True, text=True)
        return done.stdout.strip()
    except OSError:
        return ""


def machine_info() -> dict[str, Any]:
    mem_kb = _first("/proc/meminfo", "MemTotal").split()[0]
    return {
        "cores": os.cpu_count(),
        "cpu": _first("/proc/cpuinfo", "model name"),
        "ram_gib": round(int(mem_kb) / 2**20, 1) if mem_kb.isdigit() else None,
        "python": platform.python_version(),
        "commit": _git("rev-parse", "--short", "HEAD"),
        # Numbers from a tree with uncommitted changes belong to that tree, not the commit.
        "dirty": bool(_git("status", "--porcelain", "--", "assistant", "app.py")),
        "load_before": [round(x, 2) for x in os.getloadavg()],
    }

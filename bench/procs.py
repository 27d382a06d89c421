"""Measurements in fresh processes: CLI cold start, app cold start and memory, peak RSS."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench import REPO_DIR
from bench.measure import median

__all__ = ["app_start", "cold_cli", "free_port", "peak_rss", "ours_env"]

VENV_BIN = Path(sys.executable).parent


def ours_env(corpus: Path, index_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(
        ASSISTANT_CORPUS_DIR=str(corpus),
        ASSISTANT_INDEX_DIR=str(index_dir),
        HF_HUB_OFFLINE="1",
        GRADIO_ANALYTICS_ENABLED="False",
    )
    return env


def cold_cli(cmd: list[str], env: dict[str, str], reps: int) -> dict[str, Any]:
    """Wall time of a whole process that answers one question (interpreter start included)."""
    times = []
    for _ in range(reps):
        started = time.perf_counter()
        done = subprocess.run(cmd, env=env, cwd=REPO_DIR, capture_output=True, text=True)
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            return {"error": (done.stderr or done.stdout).strip()[-400:]}
    return {"median_s": median(times), "runs_s": [round(t, 3) for t in times]}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def app_start(cmd: list[str], env: dict[str, str], port: int, question: str) -> dict[str, Any]:
    """Start a web app, time until it answers HTTP on its port, then until it answers a
    question; read its resident memory (whole process tree) after that answer; stop it."""
    import httpx
    import psutil

    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, cwd=REPO_DIR, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    out: dict[str, Any] = {}
    try:
        base = f"http://127.0.0.1:{port}"
        if not wait_http(base, proc, timeout=180):
            err = proc.stderr.read()[-600:] if proc.poll() is not None and proc.stderr else ""
            return {"error": f"no HTTP answer on port {port} within 180 s. {err}".strip()}
        out["up_s"] = round(time.perf_counter() - started, 3)
        asked = time.perf_counter()
        answered = _ask_over_http(httpx, base, question)
        out["first_answer_s"] = round(time.perf_counter() - asked, 3) if answered else None
        if not answered:
            out["note"] = "no ask endpoint answered (tried /api/ask and the Gradio API)"
        tree = [psutil.Process(proc.pid), *psutil.Process(proc.pid).children(recursive=True)]
        out["rss_mb"] = round(sum(p.memory_info().rss for p in tree) / 2**20, 1)
        out["peak_rss_mb"] = _vm_hwm_mb(proc.pid)
    finally:
        stop(proc)
    return out


def wait_http(base: str, proc: subprocess.Popen[str], timeout: float, path: str = "/") -> bool:
    """Until ``base + path`` answers below 500; False if the process exits or time runs out."""
    import httpx

    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline and proc.poll() is None:
        try:
            if httpx.get(base + path, timeout=2).status_code < 500:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    return False


def stop(proc: subprocess.Popen[str], timeout: float = 15) -> None:
    """Terminate the process; kill it if it has not exited within ``timeout`` seconds."""
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _ask_over_http(httpx: Any, base: str, question: str) -> bool:
    """The app's JSON API if it has one, else the Gradio ``ask`` endpoint."""
    r = httpx.post(base + "/api/ask", json={"question": question}, timeout=120)
    if r.status_code == 200:
        return True
    r = httpx.post(base + "/gradio_api/call/ask", json={"data": [question]}, timeout=30)
    if r.status_code != 200:
        return False
    event = r.json()["event_id"]
    with httpx.stream("GET", f"{base}/gradio_api/call/ask/{event}", timeout=120) as stream:
        for line in stream.iter_lines():
            if line.startswith("event: complete"):
                return True
            if line.startswith("event: error"):
                return False
    return False


def _vm_hwm_mb(pid: int) -> float | None:
    """Peak resident set of the process (Linux VmHWM)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def peak_rss(system: str, index_dir: Path, corpus: Path, questions: list[str]) -> dict[str, Any]:
    """Peak RSS of a process that loads the index and answers ``questions`` (bench.memprobe)."""
    cmd = [sys.executable, "-m", "bench.memprobe", system, str(index_dir), str(corpus)]
    done = subprocess.run(
        cmd,
        input="\n".join(questions),
        env=ours_env(corpus, index_dir),
        cwd=REPO_DIR,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        return {"error": done.stderr.strip()[-400:]}
    return json.loads(done.stdout.strip().splitlines()[-1])

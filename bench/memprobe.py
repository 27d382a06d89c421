"""``python -m bench.memprobe ours|baseline INDEX CORPUS < questions``: load, answer every
question, print the peak resident set as JSON. Run as a subprocess so the number is its own.

The peak is ``VmHWM`` of /proc/self/status, not ``ru_maxrss``: Linux keeps the larger of the
parent's pre-``exec`` peak and the child's in ``ru_maxrss``, and the parent here is the
benchmark itself with two models loaded."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main() -> int:
    system, index_dir, corpus = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    questions = [q for q in sys.stdin.read().splitlines() if q.strip()]
    if system == "ours":
        from assistant import Assistant
        from bench.ours import settings_for

        ask = Assistant(settings_for(corpus, index_dir)).ask
    else:
        from bench.baseline import Baseline

        ask = Baseline(index_dir).ask
    for q in questions:
        ask(q)
    status = Path("/proc/self/status").read_text().splitlines()
    peak = next(int(ln.split()[1]) for ln in status if ln.startswith("VmHWM:")) / 1024
    print(json.dumps({"peak_rss_mb": round(peak, 1), "questions": len(questions)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

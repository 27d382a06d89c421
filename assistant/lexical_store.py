"""The saved lexical index: built once by ``assistant index``, memory-mapped by every server.

Saved under ``<index_dir>/lexical/<collection>-<key>``, the key a hash of ``LEXICAL_VERSION`` and
the index fingerprint, so a re-index or a tokeniser change is never read against stale models;
written to a private folder and renamed (readers see a whole folder or none). With a Chroma
server (``ASSISTANT_CHROMA_URL``) nothing is written locally: each process builds in memory.
An index run also saves the sentences' and passages' vectors there (``sentence_table``), so a
serving process answers without reading vectors from Chroma.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import threading
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

from .lexical import LexicalIndex
from .sentence_table import PassageVectors, SentenceTable

if TYPE_CHECKING:
    from .indexing.store import Index

__all__ = ["LEXICAL_VERSION", "folder_for", "load_or_build", "save_for"]

# Part of the saved folder's name: a change to tokenising or the file layout bumps it.
# 2: hyphen-joined words indexed whole and as parts; 3: "X's" read as "X"; 4: a unit's word and
# symbol one term ("kubikmeter" = "m3").
LEXICAL_VERSION = "4"
_log = logging.getLogger(__name__)


def folder_for(index: Index, fingerprint: str) -> Path | None:
    """Where the lexical index (and ``sentence_table``) of this index state is saved; None with
    a Chroma server."""
    if index.settings.chroma_url:
        return None
    key = hashlib.sha256(f"{LEXICAL_VERSION}|{fingerprint}".encode()).hexdigest()[:16]
    return index.settings.index_dir / "lexical" / f"{index.name}-{key}"


# One loaded index per store, collection and fingerprint in a process: the staff assistant
# and its public view (``Assistant.public_view``) share it instead of each holding every
# passage. Weak: an index no retriever holds any more is freed.
_loaded: weakref.WeakValueDictionary[tuple[str, str, str, str], LexicalIndex] = (
    weakref.WeakValueDictionary()
)
_loading = threading.Lock()


def load_or_build(index: Index) -> tuple[LexicalIndex, str]:
    """The lexical index of the committed passages, and the fingerprint it belongs to."""
    fingerprint = index.fingerprint()
    settings = index.settings
    key = (str(settings.index_dir.resolve()), settings.chroma_url or "", index.name, fingerprint)
    with _loading:
        lexical = _loaded.get(key)
        if lexical is None:
            lexical = _load_or_build(index, fingerprint)
            _loaded[key] = lexical
    return lexical, fingerprint


def _load_or_build(index: Index, fingerprint: str, sentences: bool = False) -> LexicalIndex:
    """``sentences``: save the sentence table too (an index run: a serving process does not
    load every sentence vector from Chroma for it)."""
    folder = folder_for(index, fingerprint)
    if folder is not None and folder.is_dir():
        try:
            return LexicalIndex.load(folder)
        except (OSError, ValueError, KeyError) as exc:
            _log.warning("Rebuilding the lexical index: %s is unreadable (%s)", folder, exc)
            shutil.rmtree(folder, ignore_errors=True)
    lexical = LexicalIndex(index.passages())
    # An index run that committed meanwhile makes these passages newer than the fingerprint:
    # use them, but only save what is known to match its key.
    tables = None
    if sentences and folder is not None:
        tables = (SentenceTable.read(index), PassageVectors.read(index))
    if folder is not None and lexical.docs and index.fingerprint() == fingerprint:
        _save(lexical, folder, tables)
    return lexical


def save_for(index: Index) -> None:
    """Save the lexical index of the current index unless it is saved already (or not local)."""
    fingerprint = index.fingerprint()
    folder = folder_for(index, fingerprint)
    if folder is not None and not folder.is_dir():
        # Not the shared one: that may be loaded unsaved.
        _load_or_build(index, fingerprint, sentences=True)
    elif folder is not None:  # saved before the vector tables: add them
        missing: list[SentenceTable | PassageVectors] = []
        if not SentenceTable.saved(folder):
            missing.append(SentenceTable.read(index))
        if not PassageVectors.saved(folder):
            missing.append(PassageVectors.read(index))
        if missing and index.fingerprint() == fingerprint:
            try:
                for table in missing:
                    table.save(folder)
            except OSError as exc:
                _log.warning("Could not save the vector tables to %s (%s)", folder, exc)


def _save(
    lexical: LexicalIndex,
    folder: Path,
    tables: tuple[SentenceTable, PassageVectors] | None = None,
) -> None:
    """Write to a private folder, then rename: readers see a whole folder or none."""
    partial = folder.with_name(f"{folder.name}.part-{os.getpid()}")
    try:
        shutil.rmtree(partial, ignore_errors=True)
        lexical.save(partial)
        for table in tables or ():
            table.save(partial)
        os.rename(partial, folder)
    except OSError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        if not folder.is_dir():
            _log.warning("Could not save the lexical index to %s (%s)", folder, exc)
        return
    collection = folder.name.rsplit("-", 1)[0]
    for old in folder.parent.iterdir():
        if old != folder and old.name.rsplit("-", 1)[0] == collection:
            shutil.rmtree(old, ignore_errors=True)

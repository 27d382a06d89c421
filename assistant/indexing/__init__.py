"""Index: chunks, their sentences and the cleaned documents in Chroma (embedded or a server).

Three collections share one name derived from the embedder and the chunker version, so a changed
model never silently reuses stale vectors:

- ``<name>``: passages with their vectors (``Index.vectorstore`` is the langchain-chroma view;
  answering asks ``Index.nearest`` for ids only, the passages being in memory already, and reads
  other passages' vectors from the copy saved beside the lexical index, ``sentence_table``);
- ``<name>-sent``: every passage's sentences with vectors, computed here so that answering a
  question costs one query embedding (a serving process reads them from the copy saved beside
  the lexical index, ``sentence_table``);
- ``<name>-docs``: each document's cleaned pages, card, metadata and content hash.

Crash safety: every passage and sentence carries its file's content hash, and a document's
record in ``-docs`` is its commit marker. A file's new passages are written first, then its
record, and only then are its old passages deleted; readers use only passages whose hash
matches a record. An index run killed at any point leaves the last complete state readable
(plus orphans, which the next run removes). A lock file keeps two runs from interleaving.

Modules: ``store`` (``Index``: the collections, reading them), ``build`` (bringing them up to
date with the corpus folder), ``records`` (``StoredDocument``, ``IndexReport``), ``chroma``
(connecting to Chroma embedded or a server, its failures), ``lock`` (one run at a time).
"""

__all__: list[str] = []

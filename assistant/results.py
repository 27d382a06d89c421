"""Typed results of the retrieval and answering stages, with the JSON shapes of the CLI and API."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from langchain_core.documents import Document

__all__ = ["Passage", "Citation", "Answer"]


@dataclass
class Passage:
    """A retrieved passage: where it stands and how well it matched."""

    id: str
    source: str
    title: str
    page: int
    section: str
    text: str
    score: float
    start: int = 0
    end: int = 0
    kind: str = "passage"
    sentences: int = 0
    page_end: int = 0  # last page of a unit that runs over a page break (cited "s. 1–2")
    # A table passage cut from its header row: the column names, shown with the rows. Not part
    # of ``text``, which stays the exact page slice quotes are checked against.
    table_header: str = ""
    # False when the document does not say where its pages break (a Word file without recorded
    # breaks): ``page`` is then only the position of the cleaned text (for the viewer) and the
    # passage is cited by its section, never as a printed page.
    page_known: bool = True
    # A footnote passage: the body sentence whose "[n]" marks it (cited with that sentence).
    footnote_of: str = ""

    @classmethod
    def from_document(cls, doc: Document, score: float) -> Passage:
        meta = doc.metadata
        return cls(
            id=str(doc.id),
            source=meta["source"],
            title=meta["title"],
            page=int(meta["page"]),
            section=meta.get("section", ""),
            text=doc.page_content,
            score=round(float(score), 4),
            start=int(meta.get("start", 0)),
            end=int(meta.get("end", 0)),
            kind=meta.get("kind", "passage"),
            sentences=int(meta.get("sentences", 0)),
            page_end=int(meta.get("page_end") or meta["page"]),
            table_header=str(meta.get("table_header") or ""),
            page_known=bool(meta.get("page_known", True)),
            footnote_of=str(meta.get("footnote_of") or ""),
        )

    def to_document(self) -> Document:
        meta = {k: v for k, v in self.__dict__.items() if k not in ("id", "text")}
        return Document(page_content=self.text, id=self.id, metadata=meta)

    def to_dict(self, rank: int | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {} if rank is None else {"rank": rank}
        out.update(
            id=self.id,
            source=self.source,
            title=self.title,
            page=self.page,
            section=self.section,
            text=self.text,
            score=self.score,
        )
        if self.page_end > self.page:  # only then: the single-page contract stays exact
            out["page_end"] = self.page_end
        if self.table_header:
            out["table_header"] = self.table_header
        if not self.page_known:
            out["page_known"] = False
        return out


@dataclass
class Citation:
    """One ``[n]`` of an answer: the verbatim quote(s) and the passage they stand in.

    ``quotes`` are the highlights, in passage order (several sentences of one passage are one
    citation); ``quote`` is one verbatim span from the first highlight to the last, for readers
    that highlight a single span. A citation made with ``quote`` alone has ``quotes == [quote]``.
    """

    n: int
    passage: Passage
    quote: str
    score: float
    quotes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.quotes:
            self.quotes = [self.quote]
        if self.quote not in self.passage.text:
            raise ValueError(f"citation [{self.n}] quote is not verbatim in its passage")
        _ = self.spans  # raises if a highlight is not verbatim, in order

    @property
    def quote_start(self) -> int:
        """Offset of the quote in the passage, for highlighting."""
        return self.passage.text.index(self.quote)

    @property
    def spans(self) -> list[tuple[int, int]]:
        """(start, end) of each of ``quotes`` in the passage, in order."""
        out, pos = [], 0
        for q in self.quotes:
            start = self.passage.text.find(q, pos)
            if start < 0:
                raise ValueError(f"citation [{self.n}] highlight is not verbatim in its passage")
            out.append((start, start + len(q)))
            pos = start + len(q)
        return out

    def to_dict(self) -> dict[str, Any]:
        p = self.passage
        return (
            {
                "n": self.n,
                "source": p.source,
                "title": p.title,
                "page": p.page,
                "section": p.section,
                "quote": self.quote,
                "passage": p.text,
                "score": round(float(self.score), 4),
            }
            | ({"page_end": p.page_end} if p.page_end > p.page else {})
            | ({"table_header": p.table_header} if p.table_header else {})
            | ({} if p.page_known else {"page_known": False})
        )


@dataclass
class Answer:
    """The reply to one question: text with ``[n]`` markers, or an abstention with related passages."""

    question: str
    answered: bool
    answer: str
    language: str
    citations: list[Citation] = field(default_factory=list)
    related: list[Passage] = field(default_factory=list)
    mode: str = "extractive"
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        out = {
            "question": self.question,
            "answered": self.answered,
            "answer": self.answer,
            "language": self.language,
            "citations": [c.to_dict() for c in self.citations],
            "related": [p.to_dict(rank=i) for i, p in enumerate(self.related, start=1)],
        }
        # Only a configured language model adds these; the default contract stays exact.
        if self.mode != "extractive":
            out.update(mode=self.mode, note=self.note)
        return out

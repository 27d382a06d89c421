"""When a document applies: its validity from the card facts, the title's period and the sidecar,
its status on a date, and which indexed document replaced which.

Every value keeps the line it came from (``page`` and the exact ``line`` of the card fact, or
``"sidecar"``), so an answer about validity can cite it. Nothing here reads the corpus: it works on
the metadata the ingest stored (``card_facts``, ``period``, ``parties``, sidecar keys).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

from .folding import fold
from .ingest.facts import CASE_NUMBER, PERIOD
from .validity_lines import other_half, parse_line

__all__ = ["Status", "Validity", "assess", "document_rows", "parse_line", "validity_of"]

Status = Literal["in_force", "expired", "not_yet", "superseded", "unknown"]

_OPEN_WORDS = {"tills vidare", "tillsvidare", "open", "open-ended", "until further notice"}


@dataclass(frozen=True)
class Validity:
    """When one document applies, and its status on ``as_of``.

    ``page``/``line`` is where the dates were read (``line == "sidecar"`` for sidecar keys;
    ``None`` when nothing states them). ``superseded_by``/``supersedes`` are source paths of
    indexed documents. ``problem`` says why a sidecar value was not used."""

    valid_from: date | None = None
    valid_to: date | None = None
    open_ended: bool = False
    status: Status = "unknown"
    page: int | None = None
    line: str | None = None
    # The other half's line when the start and the end stand on two lines ("Giltig från:
    # 2025-01-30" / "Giltig till: 2029-12-31"); ``line`` is the first of them.
    other_line: str | None = None
    superseded_by: str | None = None
    supersedes: list[str] = field(default_factory=list)
    repealed: bool = False
    problem: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "valid_from": self.valid_from.isoformat() if self.valid_from else None,
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
            "open_ended": self.open_ended,
            "status": self.status,
            "page": self.page,
            "line": self.line,
            "superseded_by": self.superseded_by,
            "supersedes": list(self.supersedes),
            "problem": self.problem,
        }


def _iso(value: Any, key: str) -> tuple[date | None, str | None]:
    if value in (None, ""):
        return None, None
    try:
        return date.fromisoformat(str(value).strip()), None
    except ValueError:
        return None, f"sidecar {key} {value!r} is not an ISO date: write it as YYYY-MM-DD"


def validity_of(metadata: dict[str, Any]) -> Validity:
    """The dates one document states (no status, no supersession yet: see ``assess``).

    Sidecar ``valid_from``/``valid_to`` win over the text; of the card's validity facts, the one
    that states the most (start, end, "tills vidare"; a half with its other half on another line
    as both) wins, the first on a tie (body lines come before the title's period); an adoption
    date is the start when nothing else gives one."""
    facts = [f for f in metadata.get("card_facts") or [] if isinstance(f, dict)]
    best: tuple[int, date | None, date | None, bool, dict[str, Any] | None] = (
        0, None, None, False, None,
    )  # fmt: skip
    for fact in (f for f in facts if f.get("key") == "validity"):
        start, end, open_ended = parse_line(str(fact.get("line") or fact.get("value") or ""))
        if start is None and end is None and not open_ended:
            start, end, open_ended = parse_line(str(fact.get("value") or ""))
        # A half whose other half stands on another line ("Giltig från: 2025-01-30" / "Giltig
        # till: 2029-12-31") states as much as a title's year span ("Regional rutin 2025–2029"),
        # and comes before it: the days, not the years.
        halves = other_half(facts, start, end, open_ended, fact) is not None
        score = (start is not None) + (end is not None) + open_ended + halves
        if score > best[0]:
            best = (score, start, end, open_ended, fact)
    _, start, end, open_ended, source = best
    other = other_half(facts, start, end, open_ended, source)
    if other is not None:
        start, end, other_fact = other
    other_line = str(other_fact.get("line") or "") if other is not None else None
    if source is None and metadata.get("period"):
        start, end, _ = parse_line(str(metadata["period"]))
    if start is None and end is None:
        # An agreement's own heading line ("Överenskommelse mellan A och B 2019-2022") when the
        # title was read elsewhere (a "ÖVERENSKOMMELSE" banner above it).
        for fact in (f for f in facts if f.get("key") == "parties"):
            if PERIOD.search(str(fact.get("line") or "")):
                start, end, _ = parse_line(str(fact["line"]))
                source = fact
                break
    if start is None:
        for fact in (f for f in facts if f.get("key") == "decision"):
            adopted, _, _ = parse_line(str(fact.get("line") or ""))
            if adopted is not None and not (end and adopted > end):
                start, source = adopted, source or fact
                break
    page = source.get("page") if source else None
    line = source.get("line") if source else None
    if line == "sidecar":
        other_line = None
    problems: list[str] = []
    if "valid_from" in metadata or "valid_to" in metadata:
        side_from, p1 = _iso(metadata.get("valid_from"), "valid_from")
        raw_to = metadata.get("valid_to")
        side_open = isinstance(raw_to, str) and raw_to.strip().casefold() in _OPEN_WORDS
        side_to, p2 = (None, None) if side_open else _iso(raw_to, "valid_to")
        problems = [p for p in (p1, p2) if p]
        if not problems:
            start = side_from or start
            if "valid_to" in metadata:
                end, open_ended = side_to, side_open
            page, line, other_line = None, "sidecar", None
    repealed = bool(metadata.get("repealed"))
    return Validity(
        valid_from=start,
        valid_to=end,
        open_ended=open_ended and end is None,
        page=page if isinstance(page, int) else None,
        line=line,
        other_line=other_line or None,
        repealed=repealed,
        problem="; ".join(problems) or None,
    )


def _status(v: Validity, doc_type: str, as_of: date, successor: Validity | None) -> Status:
    if v.repealed:
        return "expired"
    if v.valid_from and as_of < v.valid_from:
        return "not_yet"
    # A successor replaces this one from its own start (unknown start: from now on).
    if successor is not None and (successor.valid_from is None or successor.valid_from <= as_of):
        return "superseded"
    if v.valid_to and as_of > v.valid_to:
        return "expired"
    if v.valid_from or v.valid_to or v.open_ended or doc_type == "statute":
        return "in_force"
    return "unknown"


def _names(doc: Any) -> set[str]:
    """What a sidecar or a "replaces" line may call a document: path, file name, stem, title."""
    source = str(doc.source)
    name = source.rsplit("/", 1)[-1]
    return {fold(n) for n in (source, name, name.rsplit(".", 1)[0], doc.title) if n}


def _as_list(value: Any) -> list[str]:
    if value in (None, ""):
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def assess(docs: list[Any], as_of: date) -> dict[str, Validity]:
    """Validity and status on ``as_of`` of each document (``source``, ``title``, ``doc_type``,
    ``metadata``), with supersession among them: a sidecar's ``supersedes``/``superseded_by``
    (``[]``/``null`` says "none"), else a "replaces" line naming another's case number or title,
    else the next later period of the same type between the same parties."""
    own = {d.source: validity_of(d.metadata) for d in docs}
    by_name: dict[str, str] = {}
    for d in docs:
        for n in _names(d):
            by_name.setdefault(n, d.source)
    by_case = {
        fold(str(d.metadata["case_number"])): d.source
        for d in docs
        if d.metadata.get("case_number")
    }
    successor: dict[str, str] = {}
    fixed: set[str] = set()  # documents whose successor a sidecar settled (also "none")

    def link(old: str | None, new: str) -> None:
        if old and old != new and old not in fixed:
            successor[old] = new

    for d in docs:  # sidecars first: they override what the text or the periods suggest
        if "superseded_by" in d.metadata:
            fixed.add(d.source)
            for n in _as_list(d.metadata["superseded_by"])[:1]:
                if (target := by_name.get(fold(n))) and target != d.source:
                    successor[d.source] = target
    for d in docs:
        for n in _as_list(d.metadata.get("supersedes")):
            link(by_name.get(fold(n)), d.source)
    for d in docs:
        if "supersedes" in d.metadata:
            continue
        for fact in d.metadata.get("card_facts") or []:
            if fact.get("key") != "replaces":
                continue
            # The whole line: the stored value can be cut at a case number's colon (KS/2009:517).
            text = str(fact.get("line") or fact.get("value") or "")
            said = fold(text)
            cases = [by_case.get(fold(m.group())) for m in CASE_NUMBER.finditer(text)]
            titles = [
                s
                for n, s in by_name.items()
                if len(n) >= 12 and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", said)
            ]
            for old in cases + titles:
                link(old, d.source)
    groups: dict[tuple[str, frozenset[str]], list[Any]] = {}
    for d in docs:
        parties = d.metadata.get("parties") or []
        if len(parties) >= 2 and own[d.source].valid_from and "supersedes" not in d.metadata:
            groups.setdefault((d.doc_type, frozenset(fold(p) for p in parties)), []).append(d)
    for members in groups.values():
        members.sort(key=lambda d: own[d.source].valid_from)
        for old, new in zip(members, members[1:], strict=False):
            if (
                own[new.source].valid_from > own[old.source].valid_from
                and old.source not in successor
            ):
                link(old.source, new.source)
    replaced: dict[str, list[str]] = {}
    for old, new in successor.items():
        replaced.setdefault(new, []).append(old)
    out: dict[str, Validity] = {}
    for d in docs:
        v = own[d.source]
        nxt = successor.get(d.source)
        v = replace(v, superseded_by=nxt, supersedes=sorted(replaced.get(d.source, [])))
        out[d.source] = replace(
            v, status=_status(v, d.doc_type, as_of, own.get(nxt) if nxt else None)
        )
    return out


def document_rows(docs: list[Any], as_of: date) -> list[dict[str, Any]]:
    """The rows ``assistant documents --json`` and ``/api/documents`` show: the stored metadata,
    then validity's flat fields (``valid_from``, ``valid_to``, ``status``, ``superseded_by``) and
    the whole ``validity`` object, as of ``as_of``."""
    found = assess(docs, as_of)
    rows = []
    for d in docs:
        v = found[d.source]
        flat = {k: v.to_dict()[k] for k in ("valid_from", "valid_to", "status", "superseded_by")}
        rows.append(
            {**d.metadata, "source": d.source, "title": d.title, "type": d.doc_type, **flat}
            | {"validity": v.to_dict() | {"as_of": as_of.isoformat()}}
        )
    return rows

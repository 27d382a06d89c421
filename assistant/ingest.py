"""Ingest: corpus files -> cleaned pages plus document metadata and a searchable document card.

Text extracted from PDFs repeats a running header and a letterhead on every page. Those lines are
found generically (lines that recur, nearly verbatim, at the top or bottom of most pages), removed
from the pages, and their facts are kept once as metadata.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "SUPPORTED_SUFFIXES",
    "LoadedDocument",
    "Skipped",
    "corpus_files",
    "file_hash",
    "load_document",
    "reflow",
    "split_pages",
    "strip_repeated_blocks",
    "title_block",
    "visibility_of",
    "VISIBILITIES",
]

SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf", ".docx")
MAX_FILE_BYTES = 50_000_000
VISIBILITIES = ("public", "internal")
_SIMILAR = 0.88

KEY_VALUE = re.compile(r"^[A-Za-zÅÄÖåäöÉé][\wÅÄÖåäö .-]{0,28}:\s+\S.{0,80}$")
_CASE_NUMBER = re.compile(
    r"\b(?:[Dd]nr|[Dd]iarienummer|[Dd]iarienr)?[:.\s]*([A-ZÅÄÖ]{1,5}\s?\d{2,4}/\d{2,6})\b"
)
_DATE = re.compile(r"\b(?:Datum|Date|Dated)\s*:?\s*(\d{4}-\d{2}-\d{2})")
_PAGE_NUMBER = re.compile(r"^(?:sida|page|s\.)?\s*\d{1,4}(?:\s*(?:av|of|/)\s*\d{1,4})?$", re.I)
_CONTACT_LABEL = re.compile(
    r"^(handläggare|kontaktperson|kontakt ?person|contact person)\s*:?$", re.I
)
_PARTIES = re.compile(r"\b(?:mellan|between)\s+(.+?)\s+(?:och|and)\s+(.+?)(?:\s+\d{4}\b.*)?$", re.I)
_PERIOD = re.compile(r"\b((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\b")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


@dataclass
class Skipped:
    """A corpus file that was not indexed, and why."""

    source: str
    reason: str


@dataclass
class LoadedDocument:
    """One corpus file after cleaning: its pages (1-based by position), metadata and card."""

    source: str
    title: str
    doc_type: str
    pages: list[str]
    metadata: dict[str, Any] = field(default_factory=dict)
    card: str = ""
    file_hash: str = ""


def corpus_files(corpus_dir: Path) -> Iterator[Path]:
    """Every file below ``corpus_dir`` except hidden files, READMEs' siblings and sidecars."""
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
        pages, front = _READERS[suffix](path)
    except Exception as exc:  # a broken file must never stop the rest of the corpus
        return Skipped(source, f"unreadable ({type(exc).__name__}: {str(exc)[:120]})")
    if not any(p.strip() for p in pages):
        return Skipped(source, "no text found (empty, scanned or binary)")
    pages, removed = strip_repeated_blocks(pages)
    if suffix == ".pdf":
        pages = [reflow(page) for page in pages]
    meta = _metadata(pages, removed, front, path)
    try:
        sidecar = _read_sidecar(path)
        meta.update(sidecar, visibility=visibility_of(source, sidecar, default_visibility))
    except ValueError as exc:
        return Skipped(source, str(exc))
    title = str(meta.get("title") or path.stem)
    doc_type = str(meta.get("type") or _doc_type(title, pages, front))
    meta.update(title=title, type=doc_type)
    if facts := title_block(pages[0], title)[1]:
        meta.setdefault("facts", facts)
    doc = LoadedDocument(
        source, title, doc_type, pages, meta, file_hash=file_hash(path, default_visibility)
    )
    doc.card = document_card(doc)
    return doc


# --- readers: path -> (raw pages, front matter) -------------------------------------------


def _read_text(path: Path) -> tuple[list[str], dict[str, Any]]:
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise ValueError("binary content")
    text = _decode(raw).replace("\r\n", "\n").replace("\r", "\n")
    return split_pages(text), {}


def _read_markdown(path: Path) -> tuple[list[str], dict[str, Any]]:
    pages, _ = _read_text(path)
    text = "\f".join(pages)
    front: dict[str, Any] = {}
    match = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    if match:
        loaded = yaml.safe_load(match.group(1))
        front = loaded if isinstance(loaded, dict) else {}
        text = text[match.end() :]
    text = _MD_LINK.sub(r"\1", text).replace("**", "").replace("__", "")
    return text.split("\f"), front


def _read_pdf(path: Path) -> tuple[list[str], dict[str, Any]]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    if reader.is_encrypted and not reader.decrypt(""):
        raise ValueError("password-protected PDF")
    info = reader.metadata or {}
    front = {"title": info.get("/Title")} if info.get("/Title") else {}
    return [_normalise(page.extract_text() or "") for page in reader.pages], front


def _read_docx(path: Path) -> tuple[list[str], dict[str, Any]]:
    import docx

    document = docx.Document(str(path))
    lines: list[str] = []
    for para in document.paragraphs:
        text = para.text.strip()
        if not text:
            continue
        style = (para.style.name if para.style is not None else "").lower()
        if style.startswith("heading") and style[-1:].isdigit():
            lines.append("#" * int(style[-1]) + " " + text)
        elif style == "title":
            lines.append("# " + text)
        elif "list" in style:
            lines.append("- " + text)
        else:
            lines.append(text)
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text.strip() for cell in row.cells))
    title = document.core_properties.title
    return ["\n\n".join(lines)], ({"title": title} if title else {})


_READERS = {".txt": _read_text, ".md": _read_markdown, ".pdf": _read_pdf, ".docx": _read_docx}


def _decode(raw: bytes) -> str:
    # Swedish text saved by older tools is often Latin-1/cp1252; UTF-8 is tried first.
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError("undecodable text")


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    return re.sub(r"[ \t]+\n", "\n", text)


# --- pages and repeated blocks --------------------------------------------------------------


def split_pages(text: str) -> list[str]:
    """Split at form feeds, else before each recurrence of the first line (a running header)."""
    text = _normalise(text)
    if "\f" in text:
        return text.split("\f")
    lines = text.split("\n")
    first = next((ln.strip() for ln in lines if ln.strip()), "")
    if not first:
        return [text]
    starts = [i for i, ln in enumerate(lines) if ln.strip() == first]
    # A header recurs; a one-off heading line does not make pages.
    if len(starts) < 3:
        return [text]
    starts[0] = 0
    bounds = starts + [len(lines)]
    return ["\n".join(lines[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]


def _key(line: str) -> str:
    folded = unicodedata.normalize("NFKD", line.casefold())
    return "".join(ch for ch in folded if ch.isalnum())


def _similar(a: str, b: str) -> bool:
    """Nearly the same line (a typo in a letterhead); the length bound and quick_ratio() are
    upper bounds of ratio(), so they reject most pairs without the quadratic matcher."""
    if a == b:
        return True
    shorter, total = min(len(a), len(b)), len(a) + len(b)
    if shorter < 5 or 2.0 * shorter / total < _SIMILAR:
        return False
    matcher = SequenceMatcher(None, a, b)
    return matcher.quick_ratio() >= _SIMILAR and matcher.ratio() >= _SIMILAR


def _recurring_keys(pages: list[str]) -> set[str]:
    page_keys = [{_key(ln) for ln in page.split("\n") if _key(ln)} for page in pages]
    needed = max(2, (len(pages) + 1) // 2)
    recurring: set[str] = set()
    for keys in page_keys:
        for key in keys:
            if key in recurring:
                continue
            hits = sum(any(_similar(key, other) for other in others) for others in page_keys)
            if hits >= needed:
                recurring.add(key)
    return recurring


def strip_repeated_blocks(pages: list[str]) -> tuple[list[str], list[list[str]]]:
    """Remove lines recurring at the top or bottom of most pages; return them per page too."""
    if len(pages) < 2:
        return [p.strip("\n") for p in pages], [[] for _ in pages]
    recurring = _recurring_keys(pages)

    def repeated(line: str) -> bool:
        key = _key(line)
        return (
            not key
            or _PAGE_NUMBER.match(line.strip()) is not None
            or any(_similar(key, r) for r in recurring)
        )

    cleaned, removed = [], []
    for page in pages:
        lines = page.split("\n")
        top = 0
        while top < len(lines) and repeated(lines[top]):
            top += 1
        bottom = len(lines)
        while bottom > top and repeated(lines[bottom - 1]):
            bottom -= 1
        removed.append([ln.strip() for ln in lines[:top] + lines[bottom:] if ln.strip()])
        cleaned.append("\n".join(lines[top:bottom]).strip("\n"))
    return cleaned, removed


_LIST_ITEM = re.compile(r"^(?:[-*•–]\s|\d{1,2}[.)]\s)")


def reflow(page: str) -> str:
    """Undo PDF line wrapping: join wrapped lines, one paragraph, item or heading per block.

    A line continues the previous one when that one ended mid-sentence and either broke only
    because the next word did not fit the text width, or the line starts in lower case.
    """
    lines = [ln.strip() for ln in page.split("\n") if ln.strip()]
    if not lines:
        return ""
    width = max(len(ln) for ln in lines)
    blocks: list[str] = []
    last_len = 0
    for line in lines:
        prev = blocks[-1] if blocks else ""
        open_end = bool(prev) and prev[-1] not in ".!?:"
        # Wrapped: the previous line broke only because this line's first word did not fit.
        wrapped = open_end and last_len + 1 + len(line.split()[0]) > width
        last_len = len(line)
        if prev and not _LIST_ITEM.match(line) and (wrapped or (open_end and line[0].islower())):
            blocks[-1] = f"{prev} {line}"
        else:
            blocks.append(line)
    return "\n\n".join(blocks)


# --- metadata ---------------------------------------------------------------------------------


def _metadata(
    pages: list[str], removed: list[list[str]], front: dict[str, Any], path: Path
) -> dict[str, Any]:
    meta: dict[str, Any] = {k: v for k, v in front.items() if isinstance(v, str | int | float)}
    head = "\n".join(removed[0]) + "\n" + pages[0][:3000] if pages else ""
    lines = [ln.strip() for ln in head.split("\n") if ln.strip()]
    title = str(front.get("title") or front.get("rubrik") or _guess_title(pages[0]) or path.stem)
    meta["title"] = re.sub(r"^#+\s*", "", title).strip()
    if front.get("beteckning"):
        meta.setdefault("designation", f"SFS {front['beteckning']}")
    if m := _DATE.search(head):
        meta.setdefault("date", m.group(1))
    elif front.get("utfardad_datum") or front.get("date"):
        meta.setdefault("date", str(front.get("utfardad_datum") or front.get("date")))
    for line in lines:
        m = _CASE_NUMBER.fullmatch(line) or _CASE_NUMBER.match(line)
        if m and ("/" in line) and len(line) <= 30:
            meta.setdefault("case_number", m.group(1))
            break
    if m := _PARTIES.search(meta["title"]):
        meta["parties"] = [m.group(1).strip(), m.group(2).strip()]
    if m := _PERIOD.search(meta["title"]):
        meta["period"] = f"{m.group(1)}-{m.group(2)}"
    meta.update(_contact(removed[0] or lines))
    letterhead = removed[0] if removed else []
    if letterhead:
        meta["letterhead"] = " · ".join(letterhead)
    return meta


def title_block(page: str, title: str) -> tuple[int, dict[str, str]]:
    """End offset and facts of an opening block made of the title and "Key: value" lines.

    FAQ pages and memos often open with their title and a line such as "Källa: Socialstyrelsen":
    facts about the document (they go to its card), not text of its first passage.
    """
    match = re.match(r"\s*(.+?)(?:\n[ \t]*\n|\Z)", page, re.S)
    lines = [ln.strip() for ln in match.group(1).split("\n") if ln.strip()] if match else []
    if len(lines) < 2 or lines[0] != title or not all(map(KEY_VALUE.match, lines[1:])):
        return 0, {}
    facts = dict(tuple(part.strip() for part in ln.split(":", 1)) for ln in lines[1:])
    return match.end(1), facts


def _guess_title(page: str) -> str:
    for line in page.split("\n")[:15]:
        text = line.strip().lstrip("#").strip()
        if _CASE_NUMBER.fullmatch(text) or _CASE_NUMBER.fullmatch(text.removeprefix("Dnr ")):
            continue
        if len(text.split()) >= 2 and not KEY_VALUE.match(text) and len(text) <= 150:
            return text
    return ""


def _contact(lines: list[str]) -> dict[str, str]:
    for i, line in enumerate(lines):
        if not _CONTACT_LABEL.match(line):
            continue
        found: dict[str, str] = {}
        for nxt in lines[i + 1 : i + 6]:
            if "@" in nxt:
                found.setdefault("contact_email", nxt)
            elif sum(ch.isdigit() for ch in nxt) >= 6:
                found.setdefault("contact_phone", nxt)
            elif "contact_name" not in found:
                found["contact_name"] = nxt
            elif "contact_role" not in found:
                found["contact_role"] = nxt
        return found
    return {}


def _doc_type(title: str, pages: list[str], front: dict[str, Any]) -> str:
    if front.get("beteckning") or re.search(r"^#+\s*\d+\s*[a-z]?\s*§", "\n".join(pages), re.M):
        return "statute"
    if re.search(r"överenskommelse|avtal|agreement|kontrakt", title, re.I):
        return "agreement"
    return "document"


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


_TYPE_LABELS = {
    "agreement": "överenskommelse (agreement)",
    "statute": "lag (statute)",
    "document": "dokument (document)",
}


def document_card(doc: LoadedDocument) -> str:
    """The facts of a document, one per line, so metadata questions can be answered and cited."""
    meta = doc.metadata
    lines = [f"Dokumentuppgifter för {doc.title}", f"Titel: {doc.title}"]
    lines.append(f"Typ: {_TYPE_LABELS.get(doc.doc_type, doc.doc_type)}")
    if meta.get("parties"):
        lines.append(f"Parter (parterna, parties): {' och '.join(meta['parties'])}")
    if meta.get("period"):
        lines.append(f"Period (perioden, giltighetstid): {meta['period']}")
    if meta.get("date"):
        lines.append(f"Datum (datumet, date): {meta['date']}")
    if meta.get("designation"):
        lines.append(f"Beteckning (SFS-nummer, designation): {meta['designation']}")
    if meta.get("case_number"):
        lines.append(f"Diarienummer (diarienumret, dnr, case number): {meta['case_number']}")
    lines.extend(f"{key}: {value}" for key, value in (meta.get("facts") or {}).items())
    contact = [
        meta.get(k) for k in ("contact_name", "contact_role", "contact_phone", "contact_email")
    ]
    if any(contact):
        details = ", ".join(str(c) for c in contact if c)
        lines.append(f"Handläggare (handläggaren, kontaktperson, contact person): {details}")
    return "\n".join(lines)

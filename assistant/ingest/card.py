"""The document card: title and generic facts in Swedish public documents' own forms.

Each fact keeps where it came from (``page`` and the exact ``line``: a sentence of the cleaned
page, or a removed header/footer line), so an answer can cite the original line. A blank
template field ("skriv nummer exempelvis KS/xxx:xx", an empty "Diarienummer:") is no fact.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from .edges import is_page_number
from .facts import (
    CASE_LABEL,
    CASE_NUMBER,
    DECISION,
    OWNER,
    PARTIES,
    PERIOD,
    VALIDITY,
    find_facts,
    sentences,
)
from .layout import Layout

__all__ = [
    "CASE_NUMBER",
    "KEY_VALUE",
    "describe",
    "doc_type",
    "document_card",
    "find_facts",
    "find_title",
    "render_card",
    "title_block",
]

_DEPARTMENT = re.compile(
    r"(?:förvaltning|enhet|avdelning|kontor|stab|sekretariat|kansli|nämnd|byrå|sektion)(?:en|et|n)?$",
    re.I,
)
_ORG = re.compile(r"^(?:\w+ (?:kommun|landsting|län)|region \w+|\w+ kommun)$", re.I)
_TICK = re.compile(r"[☐☒☑□■✓✔✗✘]")
# A letterhead's contact line or a date/record line is never a title: dates, clock times,
# e-mail and web addresses, "·"-separated fields, phone-like digit runs.
_RECORD = re.compile(
    r"\b(?:19|20)\d{2}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b|\S@\S|www\.|https?://|·|\d{2,3}[ -]\d{2,3}[ -]\d{2}"
)
# Words naming what kind of governing document a text is (also as the last part of a
# compound: "kostpolicy", "samverkansöverenskommelse"). A title line that is only such a word
# ("RUTIN", "RIKTLINJER") is a type label above the title.
_TYPE_WORD = re.compile(
    r"(?:policy|riktlinje|riktlinjer|rutin|rutiner|överenskommelse|avtal|anvisning|anvisningar|"
    r"regler|reglemente|instruktion|strategi|handlingsplan|handlingsprogram|program|plan|"
    r"föreskrifter|lag|förordning|vägledning|handbok)$",
    re.I,
)
_METADATA = re.compile(r"^[A-ZÅÄÖ][\wÅÄÖåäö ./-]{0,40}:(?:\s|$)|^dokumentet\b", re.I)


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def _stem_words(stem: str) -> set[str]:
    return {w for w in re.split(r"[^a-z0-9]+", _fold(stem)) if len(w) >= 4 and not w.isdigit()}


def _is_metadata(text: str) -> bool:
    return bool(
        _METADATA.match(text)
        or CASE_LABEL.match(text)
        or CASE_NUMBER.fullmatch(text)
        or DECISION.search(text)
        or VALIDITY.search(text)
        or OWNER.search(text)
    )


def _title_like(text: str, next_text: str, prev_text: str = "") -> bool:
    """A line that can be a title (one-word lines next to one-word lines: tick-box labels)."""
    words = text.split()
    return bool(
        words
        and len(text) <= 200
        and not text[0].islower()
        and not is_page_number(text, 0)
        and not _is_metadata(text)
        and not _TICK.search(text)
        and not _RECORD.search(text)
        and sum(ch.isalpha() for ch in text) * 2 > len(text)
        and not (len(words) <= 4 and _DEPARTMENT.search(text))
        and not _ORG.match(text)
        and not (len(words) == 1 and (len(next_text.split()) == 1 or len(prev_text.split()) == 1))
        and not (len(words) > 14 and text[-1] in ".!?")  # a sentence of the body
    )


def find_title(
    layout: Layout, front_title: str | None, stem: str, trust_front: bool = False
) -> str:
    """The title: page 1's title lines before the body starts (never a page number, metadata,
    department or tick-box line; a line repeated at the top is template boilerplate); of
    several, the first that shares a word with an informative file name. Then the file's own
    title property, then the file name."""
    if trust_front and front_title and front_title.strip():
        return " ".join(front_title.split())
    if layout.title_hint:
        return layout.title_hint
    page = layout.pages[0] if layout.pages else ""
    texts: list[str] = []
    for u in layout.units:
        if u.page != 1 or u.kind == "footnote":
            continue
        text = page[u.start : u.end]
        if _RECORD.search(text) and not sentences(text)[0].endswith("."):
            texts.append(text)  # a letterhead's contact block is long but no body
            continue
        if len(text.split()) > 25 or len(sentences(text)) > 1:
            break  # the body has started
        texts.append(text)
    # A line that comes back glued to the next one is template boilerplate.
    repeated = [
        t
        for i, t in enumerate(texts)
        if any(o.startswith(t) and o[len(t) : len(t) + 1].isalpha() for o in texts[i + 1 :])
    ]
    candidates = [
        t
        for i, t in enumerate(texts)
        if _title_like(t, texts[i + 1] if i + 1 < len(texts) else "", texts[i - 1] if i else "")
        and not any(
            t == r or t.startswith(r) and t[len(r) : len(r) + 1].isalpha() for r in repeated
        )
    ][:12]
    candidates = _typed_titles(candidates)
    stem_words = _stem_words(stem)
    for text in candidates:
        if stem_words & set(re.findall(r"\w+", _fold(text))):
            return text
    # A file name of three or more words that shares none with the first lines names the
    # document better than they do.
    if candidates and len(stem_words) < 3:
        return candidates[0]
    if front_title and front_title.strip():
        return " ".join(front_title.split())
    words = [w for w in re.split(r"[-_\s]+", stem) if w]
    return " ".join(w.capitalize() if i == 0 else w for i, w in enumerate(words)) or stem


def _is_type_word(text: str) -> bool:
    words = text.split()
    return len(words) == 1 and bool(_TYPE_WORD.fullmatch(words[0].casefold()))


def _typed_titles(candidates: list[str]) -> list[str]:
    """Title candidates with type labels resolved: a lone "RUTIN" gives way to a later line
    that names the same type with more words ("Riktlinjer mot mutor …"), else it is joined to
    the next line ("Rutin 7.25 Nutrition"); lines naming a document type come first."""
    out: list[str] = []
    for i, text in enumerate(candidates):
        if not _is_type_word(text):
            out.append(text)
            continue
        word = _fold(text)
        rest = candidates[i + 1 :]
        if any(word in _fold(o) and len(o.split()) > 1 and o[-1] not in ".!?" for o in rest):
            continue
        nxt = next((o for o in rest[:2] if not _is_type_word(o) and len(o.split()) <= 6), "")
        out.append(f"{text.capitalize()} {nxt}".strip() if nxt else text)
    typed = [
        t for t in out if t[-1] not in ".!?" and any(_TYPE_WORD.search(w) for w in _fold(t).split())
    ]
    return typed + [t for t in out if t not in typed]


_LABELS = {
    "case_number": "Diarienummer (diarienumret, dnr, case number)",
    "decision": "Beslut (beslutad, antagen, fastställd, decision)",
    "validity": "Giltighet (gäller, giltighetstid, validity)",
    "parties": "Parter (parterna, parties)",
    "owner": "Dokumentägare (dokumentansvarig, document owner)",
    "contact": "Kontakt (kontaktperson, handläggare, contact)",
    "replaces": "Ersätter (ersatt dokument, replaces)",
    "revised": "Reviderad (uppdaterad, revised)",
}


def render_card(title: str, type_label: str, facts: list[dict[str, Any]], extra: list[str]) -> str:
    """The card text: one fact a line, the labels in Swedish and English for search."""
    lines = [f"Dokumentuppgifter för {title}", f"Titel: {title}", f"Typ: {type_label}"]
    for fact in facts:
        # The original line when it is short: the card then quotes the document's own words.
        said = (
            fact["line"] if len(fact["line"]) <= 200 and fact["where"] != "title" else fact["value"]
        )
        line = f"{_LABELS.get(fact['key'], fact['key'])}: {' '.join(said.split())}"
        if line not in lines:
            lines.append(line)
    lines.extend(line for line in extra if line not in lines)
    return "\n".join(lines)


# --- the card's metadata (the keys answer/index read: title, type, parties, period, ...) ------

KEY_VALUE = re.compile(r"^[A-Za-zÅÄÖåäöÉé][\wÅÄÖåäö .-]{0,28}:\s+\S.{0,80}$")
_DATE_LABEL = re.compile(r"\b(?:Datum|Date|Dated)\s*:?\s*(\d{4}-\d{2}-\d{2})")
_CONTACT_LABEL = re.compile(
    r"^(handläggare|kontaktperson|kontakt ?person|contact person)\s*:?$", re.I
)
_TYPE_LABELS = {
    "agreement": "överenskommelse (agreement)",
    "statute": "lag (statute)",
    "document": "dokument (document)",
}


def title_block(page: str, title: str) -> tuple[int, dict[str, str]]:
    """End offset and facts of an opening block made of the title and "Key: value" lines
    (FAQ pages and memos: "Källa: Socialstyrelsen"); those facts go to the card."""
    pos, end, facts = 0, 0, {}
    for line in page.split("\n"):
        text = line.strip()
        line_end = pos + len(line)
        pos = line_end + 1
        if not text:
            continue
        if not end:
            if text != title:
                return 0, {}
            end = line_end
        elif KEY_VALUE.match(text):
            key, value = (part.strip() for part in text.split(":", 1))
            facts[key] = value
            end = line_end
        else:
            break
    return (end, facts) if facts else (0, {})


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


def doc_type(title: str, pages: list[str], front: dict[str, Any]) -> str:
    if front.get("beteckning") or re.search(r"^#+\s*\d+\s*[a-z]?\s*§", "\n".join(pages), re.M):
        return "statute"
    if re.search(r"överenskommelse|avtal|agreement|kontrakt", title, re.I):
        return "agreement"
    return "document"


def describe(
    laid: Layout, front: dict[str, Any], stem: str, sidecar: dict[str, Any]
) -> dict[str, Any]:
    """The document's metadata: title, type and facts (``card_facts`` with provenance)."""
    meta: dict[str, Any] = {k: v for k, v in front.items() if isinstance(v, str | int | float)}
    front_title = sidecar.get("title") or front.get("title") or front.get("rubrik")
    # Front matter (several keys) names its title on purpose; a lone PDF/Word title property
    # is often a template's leftover, so page 1 goes first there.
    trust = bool(sidecar.get("title") or front.get("rubrik") or len(front) > 1)
    title = re.sub(r"^#+\s*", "", find_title(laid, str(front_title or ""), stem, trust)).strip()
    meta["title"] = title
    page1 = laid.pages[0] if laid.pages else ""
    edges = [text for page, text in laid.edge_lines if page == 1]
    if front.get("beteckning"):
        meta["designation"] = f"SFS {front['beteckning']}"
    if m := _DATE_LABEL.search("\n".join(edges) + "\n" + page1[:3000]):
        meta.setdefault("date", m.group(1))
    elif front.get("utfardad_datum") or front.get("date"):
        meta.setdefault("date", str(front.get("utfardad_datum") or front.get("date")))
    facts = find_facts(laid, title)
    meta["card_facts"] = facts
    for fact in facts:
        if fact["key"] == "case_number":
            meta.setdefault("case_number", fact["value"])
    if (m := PARTIES.search(title)) or (
        m := next(
            (PARTIES.search(" ".join(f["line"].split())) for f in facts if f["key"] == "parties"),
            None,
        )
    ):
        meta["parties"] = [m.group(1).strip(), m.group(2).strip()]
    if m := PERIOD.search(title):
        meta["period"] = f"{m.group(1)}-{m.group(2)}"
    meta.update(_contact(edges or [ln.strip() for ln in page1[:3000].split("\n") if ln.strip()]))
    if edges:
        meta["letterhead"] = " · ".join(edges)
    if kv := title_block(page1, title)[1]:
        meta.setdefault("facts", kv)
    meta.update(sidecar)
    meta["title"] = str(meta.get("title") or stem)
    meta["type"] = str(meta.get("type") or doc_type(meta["title"], laid.pages, front))
    return meta


def document_card(doc: Any) -> str:
    """The facts of a document, one per line, so metadata questions can be answered and cited."""
    meta = doc.metadata
    extra: list[str] = []
    if meta.get("parties"):
        extra.append(f"Parter (parterna, parties): {' och '.join(meta['parties'])}")
    if meta.get("period"):
        extra.append(f"Period (perioden, giltighetstid): {meta['period']}")
    if meta.get("date"):
        extra.append(f"Datum (datumet, date): {meta['date']}")
    if meta.get("designation"):
        extra.append(f"Beteckning (SFS-nummer, designation): {meta['designation']}")
    extra.extend(f"{key}: {value}" for key, value in (meta.get("facts") or {}).items())
    contact = [
        meta.get(k) for k in ("contact_name", "contact_role", "contact_phone", "contact_email")
    ]
    if any(contact):
        details = ", ".join(str(c) for c in contact if c)
        extra.append(f"Handläggare (handläggaren, kontaktperson, contact person): {details}")
    facts = [
        # facts read off the title are on the card already (title, Parter and Period lines)
        f
        for f in meta.get("card_facts") or []
        if f["where"] != "title" and (f["key"] != "parties" or not meta.get("parties"))
    ]
    label = _TYPE_LABELS.get(doc.doc_type, doc.doc_type)
    return render_card(doc.title, label, facts, extra)

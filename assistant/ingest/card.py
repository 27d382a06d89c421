"""The document card: title and generic facts in Swedish public documents' own forms.

Each fact keeps where it came from (``page`` and the exact ``line``: a sentence of the cleaned
page, or a removed header/footer line), so an answer can cite the original line. A blank
template field ("skriv nummer exempelvis KS/xxx:xx", an empty "Diarienummer:") is no fact.
"""

from __future__ import annotations

import re
from typing import Any

from .facts import CASE_NUMBER, PARTIES, PERIOD, find_facts
from .layout import Layout
from .title import find_title

__all__ = [
    "CASE_NUMBER",
    "KEY_VALUE",
    "describe",
    "doc_type",
    "document_card",
    "find_facts",
    "find_title",
    "render_card",
    "shown_fact",
    "title_block",
]

# A file name as a title: lower-case words joined by "-" or "_", no space.
_SLUG = re.compile(r"[^\W\d_A-ZÅÄÖ]+(?:[-_][^\W_]+){2,}(?:\.\w{2,4})?")

_LABELS = {
    "case_number": "Diarienummer (diarienumret, dnr, case number)",
    "decision": "Beslut (beslutad, antagen, fastställd, decision)",
    "in_force": "Ikraftträdande (träder i kraft, in force)",
    "validity": "Giltighet (gäller, giltighetstid, validity)",
    "parties": "Parter (parterna, parties)",
    "owner": "Dokumentägare (dokumentansvarig, document owner)",
    "contact": "Kontakt (kontaktperson, handläggare, contact)",
    "replaces": "Ersätter (ersatt dokument, replaces)",
    "revised": "Reviderad (uppdaterad, revised)",
    "purpose": "Syfte (syftet, beskriver, handlar om, purpose)",
    "signed": "Undertecknad (underskrift, skrivit under, avsändare, signed)",
    "copyright": "Upphovsrätt (copyright, utgivare, år, year)",
}


def render_card(title: str, type_label: str, facts: list[dict[str, Any]], extra: list[str]) -> str:
    """The card text: one fact a line, the labels in Swedish and English for search."""
    lines = [f"Dokumentuppgifter för {title}", f"Titel: {title}", f"Typ: {type_label}"]
    for fact in facts:
        # The original line when it is short: the card then quotes the document's own words
        # (a metadata box's value alone: its row holds other columns' values too).
        said = (
            fact["line"]
            if len(fact["line"]) <= 200 and fact["where"] not in ("title", "grid")
            else fact["value"]
        )
        line = f"{_LABELS.get(fact['key'], fact['key'])}: {' '.join(said.split())}"
        if line not in lines:
            lines.append(line)
    lines.extend(line for line in extra if line not in lines)
    return "\n".join(lines)


# A card line's label with its search words: "Diarienummer (diarienumret, dnr, case number): ".
_SEARCH_LABEL = re.compile(r"^([^\n():]+?) \([^()\n]*\):\s*")
# A value that is a labelled line of its own ("Diarienummer: KS-…", "Handläggare: Anna").
_OWN_LABEL = re.compile(r"^[^\W\d_][^:\n]{0,30}:\s")


def shown_fact(line: str) -> str:
    """A card line as a reader sees it: the label without the words that are there for search
    (``_LABELS``), and the value alone when it is a labelled line of the document's own
    ("Diarienummer (diarienumret, dnr, case number): Diarienummer: KS-2025-00512" ->
    "Diarienummer: KS-2025-00512", "Kontakt (…): Handläggare: Anna" -> "Handläggare: Anna").
    Any other line unchanged."""
    found = _SEARCH_LABEL.match(line)
    if not found:
        return line
    label, value = found.group(1), line[found.end() :]
    return value if _OWN_LABEL.match(value) else f"{label}: {value}"


# --- the card's metadata (the keys answer/index read: title, type, parties, period, ...) ------

KEY_VALUE = re.compile(r"^[A-Za-zÅÄÖåäöÉé][\wÅÄÖåäö .-]{0,28}(?:\(\w{1,3}\))?:\s+\S.{0,80}$")
# A statute book's designation standing alone on its line (or its series over its number).
# Its series ends in "FS" (författningssamling: SFS, AFS, FFFS, MSBFS, HSLF-FS, ELSÄK-FS, a
# municipality's KFS); a blank line may stand between series and number in a layout export.
_DESIGNATION_LINE = re.compile(
    r"^[ \t]*([A-ZÅÄÖ]{0,6}(?:-[A-ZÅÄÖ]{1,4})?-?FS)[ \t]*(?:\n[ \t]*){0,2}"
    r"((?:19|20)\d{2}:\d{1,4})[ \t]*$",
    re.M,
)
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
    if trust and _SLUG.fullmatch(str(front_title or "")):
        # A converter's file name ("omhändertagande-av-avlidna-tillgänglighetsanpassad") is no
        # title: page 1's lines go first, the slug is the fallback.
        trust = False
    title = re.sub(r"^#+\s*", "", find_title(laid, str(front_title or ""), stem, trust)).strip()
    # A title line that went on to a list or a reference ends in its punctuation ("… om
    # information som gäller försäkring och tjänstepension;"): no part of the name.
    title = title.rstrip(" ;,:") or title
    meta["title"] = title
    page1 = laid.pages[0] if laid.pages else ""
    edges = [text for page, text in laid.edge_lines if page == 1]
    if front.get("beteckning"):
        meta["designation"] = f"SFS {front['beteckning']}"
    elif (m := _DESIGNATION_LINE.search("\n".join([*edges, page1[:1500]]))) and (
        "-".join(title.casefold().split()) != stem.casefold()  # not the file name's title
    ):
        # A statute book prints its designation on a line of its own above the title ("FFFS
        # 2011:39", or "MSBFS" / "2014:6"): the name it is cited by, so the title bears it as
        # citations write it ("… tjänstepension (FFFS 2011:39)"). Before, only a file name
        # holding it ("fffs-2011-39-….txt") let "När trädde FFFS 2011:39 i kraft?" find it.
        meta["designation"] = f"{m.group(1)} {m.group(2)}"
        if m.group(2) not in title:
            title = f"{title} ({meta['designation']})"
            meta["title"] = title
    if m := _DATE_LABEL.search("\n".join(edges) + "\n" + page1[:3000]):
        meta.setdefault("date", m.group(1))
    elif front.get("utfardad_datum") or front.get("date"):
        meta.setdefault("date", str(front.get("utfardad_datum") or front.get("date")))
    if front.get("ikraft_datum"):  # a statute's front matter: when it took effect
        meta["in_force"] = str(front["ikraft_datum"])
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
        # "mellan Sjöby kommun, Åby kommun och Region Norrland": three parties, not two.
        meta["parties"] = [*(p.strip() for p in m.group(1).split(", ")), m.group(2).strip()]
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
        named = [str(p) for p in meta["parties"]]
        listed = f"{', '.join(named[:-1])} och {named[-1]}" if len(named) > 1 else named[0]
        extra.append(f"Parter (parterna, parties): {listed}")
    if meta.get("period"):
        extra.append(f"Period (perioden, giltighetstid): {meta['period']}")
    if meta.get("date"):
        extra.append(f"Datum (datumet, date): {meta['date']}")
    if meta.get("in_force"):
        extra.append(f"{_LABELS['in_force']}: {meta['in_force']}")
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

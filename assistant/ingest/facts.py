"""Card facts in Swedish public documents' own forms, each with the line it came from: case
number, decision, revision, validity, owner, contact, replaced document, parties, purpose,
copyright. A blank template field ("skriv nummer exempelvis KS/xxx:xx", an empty "Diarienummer:")
is no fact."""

from __future__ import annotations

import re
from typing import Any

from .layout import Layout
from .revisions import REVISED, revision_cycle, version_rows
from .units import open_pair, sentences

__all__ = [
    "CASE_LABEL",
    "CASE_NUMBER",
    "DECISION",
    "IN_FORCE",
    "OWNER",
    "PARTIES",
    "PERIOD",
    "VALIDITY",
    "find_facts",
]

CASE_NUMBER = re.compile(r"\b[A-ZÅÄÖ]{1,6}(?:\s|/|-)?\d{2,4}(?:[/:.-]\d{1,6}){1,2}\b")
CASE_LABEL = re.compile(
    r"\b(?:dnr|diarienummer|diarienr|ärendenummer|ärendenr|vårt dnr|beteckning)\b\.?\s*:?\s*", re.I
)
_BARE_CASE_NUMBER = re.compile(r"\d{2,6}(?:/\d{2,6}){1,2}\b")
_PRINTED = re.compile(r"utkom från trycket(?:\s+den)?\s+\d{1,2}\s+\w+\s+(?:19|20)\d{2}$", re.I)
_TEMPLATE = re.compile(r"\bskriv\b|\bexempelvis\b|\bxx+\b|\.\.\.|_{3,}", re.I)
_DATE = re.compile(
    r"\b(?:19|20)\d{2}-\d{2}-\d{2}\b|\b\d{1,2} (?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\w* (?:19|20)\d{2}\b",
    re.I,
)
DECISION = re.compile(
    r"\b(?:antagen|antaget|antogs|fastställd|fastställt|fastställdes|beslutad|beslutat|beslutades|"
    r"beslutade|utfärdad|godkänd|godkänt|godkändes|adopted|approved|"
    # a cover box's date label ("Datum och paragraf för beslutet: 2023-02-22")
    r"beslutsdatum|datum (?:och paragraf )?för beslutet)\b"
    r"(?:\s+(?:av|den|i|by|on|vid)\b|\s*:)|"
    # the Government's formula on every directive and decision it issues ("Beslut vid
    # regeringssammanträde den 13 augusti 2009"), a board's alike ("Beslut vid sammanträde …")
    r"\bbeslut\s+(?:fattat\s+)?vid\s+\w*sammanträde\b",
    re.I,
)
# "beslutade den 13 juni 2011.": a statute book's decision line, whole.
_DECIDED_ALONE = re.compile(
    r"(?:beslutade?|utfärdade?)\s+den\s+\d{1,2}\s+\w+\s+(?:19|20)\d{2}\.?", re.I
)
# When a document takes effect, as statutes, regulations and agreements state it ("Dessa
# föreskrifter träder i kraft den 1 januari 2016.", also written "träder ikraft", "This
# agreement enters into force on …"):
# not the date it was decided.
# A plan's or permit's cover states when its decision became final ("Laga kraft: 2007-02-20",
# "… vann laga kraft den 20 februari 2007", as every detaljplan and områdesbestämmelse does):
# from then it applies. Only before its date: "… från det att beslutet vann laga kraft." is a rule.
IN_FORCE = re.compile(
    r"\b(?:träder|trädde|träda)\s+i\s*kraft\b|\bikraftträd\w*|"
    r"\blaga\s+kraft\s*(?::|den\b|(?=\d))|"
    r"\b(?:enters?|entered|comes?|came)\s+into\s+force\b|\btakes?\s+effect\b",
    re.I,
)
VALIDITY = re.compile(
    r"\bgäller\s+(?:från|fr\.o\.m\.?|tills\s*vidare|tillsvidare|till\s+och\s+med|t\.o\.m\.?|till\s+den|"
    r"under|perioden)\b|\bgiltig[t]?\s+(?:från|fr\.o\.m\.?|till|t\.o\.m\.?)|\bgiltighetstid\b|\b(?:plan|avtals|program)perioden\b|\bvalid\s+(?:from|until)\b",
    re.I,
)
# "Innehållsansvar: …" / "Innehållsansvarig: …" heads the regions' governing documents (VGR).
OWNER = re.compile(
    r"\b(?:dokumentägare|dokumentansvarig|innehållsansvar(?:ig)?|ansvarig för dokumentet|"
    r"document owner)\b|^ansvarig(?=\s*:)|"
    # who keeps it up to date is who answers for it ("Ansvarig för revidering: Miljösamordnare")
    r"^(?:ansvarig för (?:revidering|uppdatering|översyn)|revideringsansvarig)(?=\s*:)",
    re.I,
)
# Who to contact: a named officer, or a service desk's line in a "Kontakta oss" block
# ("Kundservice: 0771-25 26 27"; with its colon: "Kundtjänst är öppen …" is a sentence).
_CONTACT = re.compile(
    r"^(?:(?:kontaktperson|kontakt|handläggare|contact(?: person)?)\b\s*:?|"
    r"(?:kundservice|kundtjänst|kundcenter|kontaktcenter|customer service)\s*:)",
    re.I,
)
_LABEL_COLON = re.compile(r":(?=\s|$)")
_REPLACES = re.compile(r"\b(?:dokumentet\s+)?ersätter\b\s*:?", re.I)
# A sentence anywhere in the text whose subject is the document itself, by its kind, says what
# it replaces ("Tillväxtstrategin ersätter tidigare Näringslivspolitiskt program 2019 – 2023.",
# "Denna riktlinje ersätter …"): "Kommunen ersätter kostnader …" pays, and names no kind.
_SELF_REPLACES = re.compile(
    r"^(?:(?:denna|detta|dessa|den här|det här|den nya|det nya|de nya)\s+)?[\w-]*(?:dokument|"
    r"riktlinje|policy|policyn|program|plan|strategi|regl|taxa|föreskrift|rutin|avtal|"
    r"överenskommelse|anvisning)\w*\s+ersätter\s+(?=\S)",
    re.I,
)
# A regulation names what it repeals in its entry into force ("Dessa föreskrifter träder i kraft
# den 1 juni 2021, då Strålsäkerhetsmyndighetens föreskrifter (SSMFS 2011:1) om … ska upphöra att
# gälla.") or on its own ("Genom dessa föreskrifter upphävs …").
_REPEALS = re.compile(
    r"\bträder i\s*kraft\b[^.]*?(?:,\s*|\s+)(?:då|och samtidigt)\s+(?P<old>.{10,250}?)\s+(?:ska\s+)?"
    r"upphör(?:a)?\s+att\s+gälla|"
    r"^genom\s+(?:dessa|denna|detta)\s+\w+\s+upphävs\s+(?P<old2>.{10,250}?)\.?$|"
    # a sentence of its own after the entry into force, naming the old text by designation:
    # "Statens räddningsverks föreskrifter (SRVFS 2005:9) om … ska samtidigt upphöra att gälla."
    r"^(?!.*\bträder\s+i\s*kraft)(?P<old3>[A-ZÅÄÖ][^.]{5,250}?\((?:[A-ZÅÄÖ-]{1,10}FS)\s?\d{4}:\d{1,4}\)[^.]{0,150}?)\s+"
    r"(?:ska\s+)?(?:samtidigt\s+)?upphör(?:a)?\s+att\s+gälla\.?$",
    re.I,
)
# A copyright line dates a text that has no date line and names who issued it ("Copyright (c)
# 2021 Sundsvalls kommun", "© Digg 2024"), as web and Markdown exports end.
_COPYRIGHT = re.compile(
    r"^(?:copyright\s*(?:\(c\)|©)?|©|\(c\))\s*(?:(?:19|20)\d{2}\b(?:\s*[-–]\s*(?:19|20)?\d{2})?"
    r"\s*,?\s*\S.{0,80}|\S.{0,80}?\s(?:19|20)\d{2})$",
    re.I,
)
# The second party ends before a year, a comma or full stop, or the agreement's topic ("… och
# kommuner i Stockholms län om läkemedelshantering i hemsjukvården").
PARTIES = re.compile(
    r"\b(?:mellan|between)\s+(.+?)\s+(?:och|and)\s+(.+?)"
    r"(?:[,.]|\s+(?:19|20)\d{2}\b|\s+(?:om|avseende|angående|gällande|regarding|concerning)\s|$)",
    re.I,
)
_AGREEMENT_LINE = re.compile(
    r"^(?:\w+ )?(?:överenskommelse|avtal|agreement)\w* (?:mellan|between)\b", re.I
)
# What a document is for, in its own sentence: "Bilagan beskriver …", "Denna rutin syftar till
# …", "Syftet med riktlinjen är …", a "Syfte:" field, or the first sentence under a "Syfte"
# heading. The kind word is the document speaking of itself, so a body sentence about some other
# thing ("Planen beskriver …" inside a routine) can only be its purpose near the start.
_KINDS = (
    r"\w*(?:bilaga|rutin|riktlinje|överenskommelse|avtal|policy|dokument|anvisning|instruktion|"
    r"handbok|plan|program|reglemente|vägledning|beskrivning)\w*"
)
_PURPOSE = re.compile(
    rf"^(?:(?:denna|detta|den\s+här|det\s+här)\s+)?{_KINDS}\s+(?:beskriver|reglerar|handlar\s+om|"
    r"syftar\s+till|tydliggör|klargör|redogör\s+för|anger|omfattar)\b"
    r"|^(?:det\s+)?(?:\w+\s+)?syftet\s+(?:med\s+[^.]{1,60}?\s+)?är\b|^syfte\s*:\s*\S",
    re.I,
)
_PURPOSE_HEADING = re.compile(
    r"^#*\s*(?:\d[\d.]*\s*)?(?:övergripande\s+)?(?:syfte|syftet|mål och syfte|syfte och mål|"
    r"bakgrund och syfte|purpose)(?:\s+med(?:\s+\w+){1,3})?\s*:?$",
    re.I,
)
PERIOD = re.compile(r"\b((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\b")


def _label_value(line: str) -> bool:
    """False for a "Label:" line whose value is blank (an empty template field)."""
    label, colon, value = line.partition(":")
    return not colon or len(label) > 60 or bool(value.strip())


def _value(text: str, match: re.Match[str]) -> str:
    """The value after a fact's label: after the label's own colon, else after a "label: " colon
    that follows it. A label's colon is followed by a space or the line's end, so the colon
    inside a case number ("KS/2009:517") or a time ("08:30") never cuts the value."""
    rest = text[match.end() :]
    colon = None if match.group().rstrip().endswith(":") else _LABEL_COLON.search(rest)
    if colon and colon.start() <= 40:
        rest = rest[colon.end() :]
    return rest.strip(" :–-")


def _decided_by(line: str, match: re.Match[str]) -> bool:
    """A decision line naming who decided: "… av: <who>", or a short line without final
    punctuation ending in "… av <who>" (no template instruction, which find_facts drops)."""
    said = match.group().rstrip().casefold()
    rest = line[match.end() :].strip()
    if not rest or not re.search(r"\b(?:av|by)$", said):
        return said.endswith(":") and bool(rest) and len(line) <= 120
    return (
        rest.startswith(":")
        and bool(rest[1:].strip())
        or (len(line) <= 80 and line.rstrip()[-1:] not in ".!?")
    )


def find_facts(layout: Layout, title: str) -> list[dict[str, Any]]:
    """Facts with provenance: ``{"key", "value", "page", "line", "where"}``."""
    lines: list[tuple[int, str, str]] = []
    under_purpose = False  # the unit follows a "Syfte" heading
    purpose: tuple[int, str] | None = None
    for u in layout.units:
        if u.kind != "footnote":
            unit_text = layout.pages[u.page - 1][u.start : u.end]
            said = sentences(unit_text)
            lines.extend((u.page, s, "page") for s in said)
            if purpose is None and said and u.kind != "heading":
                first = " ".join(said[0].split())
                if under_purpose or _PURPOSE.match(first):
                    purpose = (u.page, said[0])
            under_purpose = u.kind == "heading" and bool(_PURPOSE_HEADING.match(unit_text.strip()))
    lines.extend(_party_lines(layout))
    lines.extend((page, text, "removed") for page, text in layout.edge_lines)
    # A metadata box's label over its value (``grid``): read as "Label: value", cited by the
    # value's own row, which the page holds.
    # A page line that runs a box's rows together ("Upprättad av Reviderad den Helen Hansson
    # Malmgren 2020-05-11") states no fact of its own: the box's pairs do.
    cites = {(g.page, g.text): g.value_line for g in layout.grid}
    boxed = {(g.page, g.row or g.value_line) for g in layout.grid}
    lines = [(g.page, g.text, "grid") for g in layout.grid] + [
        (page, text, where)
        for page, text, where in lines
        if not any(p == page and row in text for p, row in boxed)
    ]
    facts: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()

    def add(key: str, value: str, page: int, line: str, where: str) -> None:
        value = value.strip()
        if value and not _TEMPLATE.search(value) and (key, value) not in seen:
            seen.add((key, value))
            facts.append({"key": key, "value": value, "page": page, "line": line, "where": where})

    for page, line, where in lines:
        cite = cites.get((page, line), line) if where == "grid" else line
        if m := CASE_LABEL.search(line):
            rest = line[m.end() :]
            # After its label a case number may lack the register's letters ("Diarienummer:
            # 0451/23", as Göteborg writes it).
            num = CASE_NUMBER.match(rest) or _BARE_CASE_NUMBER.match(rest)
            if num is not None and not _TEMPLATE.search(rest):
                add("case_number", num.group(), page, cite, where)
        elif len(line) <= 40 and (num := CASE_NUMBER.fullmatch(line.strip())) and "/" in line:
            add("case_number", num.group(), page, cite, where)
        for key, pattern in (
            ("decision", DECISION),
            ("in_force", IN_FORCE),
            ("revised", REVISED),
            ("validity", VALIDITY),
        ):
            m = pattern.search(line)
            # A fact line names the fact near its start and says when (date, year, §) or
            # "tills vidare"; a body sentence that merely uses the verb is no fact.
            # A regulation's title states its decision after a semicolon ("Föreskrifter om
            # personalliggare; beslutade den 31 augusti 2015."): a fact line too.
            # An export may lose the semicolon ("… ska vara utförda beslutade den 21 april
            # 2022."): what stands before the decision is then the title itself (which the card
            # may have given its designation: "… utförda (ELSÄK-FS 2022:1)").
            before = " ".join(line[: m.start()].split()).casefold() if m is not None else ""
            titled = m is not None and (
                before.endswith(";")
                or (len(before.split()) >= 3 and title.casefold().startswith(before))
            )
            # A statute book's header: "Utkom från trycket den 30 november 2021" before
            # "beslutade den 25 november 2021." (pdftotext runs the two lines together).
            printed = m is not None and bool(_PRINTED.match(line[: m.start()].strip()))
            near = m is not None and (m.start() <= 30 or titled or printed)
            # An entry into force may name what it repeals ("…, då Naturvårdsverkets
            # föreskrifter (NFS 2017:5) om … upphör att gälla."): a longer line.
            # ("… den 1 december 2022 då Elsäkerhetsverkets föreskrifter (ELSÄK-FS 2008:1) …
            # ska upphöra att gälla.", without the comma)
            repeals = key == "in_force" and m is not None and " då " in line[m.end() :]
            longest = 300 if titled or repeals else 200
            # A statute book's decision line stands alone under a title that a column broke
            # off ("… och tjänstepension; den 17 juni 2011." / "beslutade den 13 juni 2011."):
            # lower case, and a fact line whole.
            alone = key == "decision" and page == 1 and bool(_DECIDED_ALONE.fullmatch(line.strip()))
            if m and near and len(line) <= longest and (not line[:1].islower() or alone):
                stated = _DATE.search(line) or re.search(
                    r"(?:19|20)\d{2}|§|tills\s*vidare", line, re.I
                )
                # Who decided is a decision fact too, on a metadata line ("Dokumentet är beslutat
                # av: Kommunstyrelsen", "Antagen av kommunfullmäktige"), not in a body sentence.
                stated = stated or (key == "decision" and _decided_by(line, m))
                # How often the document is revised ("Riktlinjen revideras årligen").
                stated = stated or (key == "revised" and revision_cycle(line))
                if stated and _label_value(line):
                    add(key, line[m.start() :].strip(), page, cite, where)
        if (m := OWNER.search(line)) and m.start() <= 30:
            add("owner", _value(line, m), page, cite, where)
        if (m := _CONTACT.match(line)) and len(line) <= 160:
            add("contact", _value(line, m), page, cite, where)
        if (m := _REPLACES.match(line)) and page == 1:
            add("replaces", _value(line, m), page, cite, where)
        elif (m := _SELF_REPLACES.match(" ".join(line.split()))) and len(line) <= 300:
            add("replaces", " ".join(line.split())[m.end() :], page, cite, where)
        elif (m := _REPEALS.search(" ".join(line.split()))) and len(line) <= 400:
            add("replaces", m.group("old") or m.group("old2") or m.group("old3"), page, cite, where)
        if _COPYRIGHT.match(line.strip()):
            add("copyright", line.strip(), page, cite, where)
        flat = " ".join(line.split())  # a party line over several units holds line breaks
        if page == 1 and _AGREEMENT_LINE.match(flat) and (m := PARTIES.search(flat)):
            add("parties", f"{m.group(1).strip()} och {m.group(2).strip()}", page, cite, where)
    for row in version_rows(layout):  # a version table's latest row ("1.2 | 2021-03-04 | …")
        if all(f["line"] != row["line"] for f in facts if f["key"] == "revised"):
            add(**row)
    if purpose is not None and len(purpose[1]) <= 300:
        add("purpose", purpose[1], purpose[0], purpose[1], "page")
    if (signed := _signature_line(layout)) is not None:
        add("signed", *signed)
    if m := PARTIES.search(title):
        add("parties", f"{m.group(1).strip()} och {m.group(2).strip()}", 1, title, "title")
    if m := PERIOD.search(title):
        add("validity", f"{m.group(1)}–{m.group(2)}", 1, title, "title")
    return facts


def _signature_line(layout: Layout) -> tuple[str, int, str, str] | None:
    """(value, page, line, where) of the signature block (``signatures``): its people, and the
    laid-out page's text from its first row to its last, which a citation quotes."""
    signed = layout.signature
    if signed is None or not 1 <= signed.page <= len(layout.pages):
        return None
    page = layout.pages[signed.page - 1]
    a = page.find(signed.first)
    b = page.find(signed.last, max(a, 0))
    if a < 0 or b < 0 or b + len(signed.last) - a > 300:
        return None
    return "; ".join(signed.people), signed.page, page[a : b + len(signed.last)], "page"


def _party_lines(layout: Layout) -> list[tuple[int, str, str]]:
    """Page 1's agreement lines broken inside their pair ("Överenskommelse mellan" /
    "Region Dalarna och Ludvika kommun", one paragraph or title line each): the exact page text
    from the opening line to the one that completes the pair (at most two more units)."""
    page = layout.pages[0] if layout.pages else ""
    units = [u for u in layout.units if u.page == 1 and u.kind != "footnote"]
    found: list[tuple[int, str, str]] = []
    for i, u in enumerate(units):
        text = page[u.start : u.end]
        if not (_AGREEMENT_LINE.match(text) and open_pair(text)):
            continue
        for v in units[i + 1 : i + 3]:
            text += " " + page[v.start : v.end]
            if not open_pair(text):
                found.append((1, page[u.start : v.end], "page"))
                break
    return found

"""One normal form for every reader's text, shared by quotes and search.

Decisions (why):
- Compatibility characters are folded only where the folded form means the same: ligatures
  (ﬁ ﬂ ﬀ …), full-/half-width forms, styled letters and presentation forms. Superscripts,
  subscripts and fractions (², ₂, ½), circled and squared signs and the ellipsis keep their
  form: "m²" folded to "m2" or "½" to "1⁄2" changes what the text says, and a superscript
  digit is how a PDF marks a footnote.
- Soft hyphens and zero-width characters are invisible formatting: removed. A quote must not
  fail to match because of them.
- No-break and other fixed-width spaces become ordinary spaces; runs of spaces between words
  (justified text) become one. Indentation at a line start stays (Markdown nesting).
- Line ends become ``\\n``; form feeds (page breaks) stay. The result is NFC.
- Control characters other than tab, line end and form feed are no text: removed (a vertical
  tab, Word's manual line break, is a line end). A run of three or more replacement characters
  (U+FFFD: glyphs the exporter could not map) is a leader of dots: pdftotext writes a contents
  list's "Ordförklaringar ........ 2" so, after a backspace, and as junk it hid the contents
  list (a definition at a page's foot ran on into it).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalise", "fold_compat"]

# Decomposition tags whose folded form means the same thing.
_FOLD_TAGS = {
    "<compat>",
    "<wide>",
    "<narrow>",
    "<font>",
    "<initial>",
    "<medial>",
    "<final>",
    "<isolated>",
    "<small>",
    "<vertical>",
}
# <compat> characters that would change a quote's look or meaning when folded.
_KEEP = {"\u2026", "\u2025", "\u00b5"}  # … ‥ µ
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e"), None)
_SPACES = {
    ord(c): " "
    for c in "\u00a0\u202f\u2007\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2008\u2009\u200a\u205f\u3000"
}
_SPACES.update({0x2011: "-", 0x2028: "\n", 0x2029: "\n"})  # no-break hyphen; line separators
# C0 controls but tab, line feed, form feed and carriage return (read as line ends); DEL. A
# vertical tab is Word's manual line break: a line end.
_CONTROLS: dict[int, str | None] = dict.fromkeys([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_CONTROLS[0x0B] = "\n"
_UNMAPPED_RUN = re.compile("\ufffd{3,}")
_SPACE_RUN = re.compile(r"(?<=\S) {2,}(?=\S)")
_TRAILING = re.compile(r"[ \t]+(?=\n|\f|$)")
_FOLD_CACHE: dict[str, str] = {}


def _fold_char(ch: str) -> str:
    folded = _FOLD_CACHE.get(ch)
    if folded is None:
        tag = unicodedata.decomposition(ch).split(" ", 1)[0]
        keep = ch in _KEEP or tag not in _FOLD_TAGS
        folded = ch if keep else unicodedata.normalize("NFKC", ch)
        _FOLD_CACHE[ch] = folded
    return folded


def fold_compat(text: str) -> str:
    """Fold the compatibility characters whose folded form means the same (see module doc)."""
    if text.isascii():
        return text
    return "".join(ch if ch.isascii() else _fold_char(ch) for ch in text)


def normalise(text: str) -> str:
    """The normal form: NFC, compatibility folding, invisibles removed, spaces collapsed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE).translate(_SPACES)
    text = fold_compat(text).translate(_CONTROLS)
    text = _UNMAPPED_RUN.sub(lambda m: "." * len(m.group(0)), text)
    text = _SPACE_RUN.sub(" ", text)
    return unicodedata.normalize("NFC", _TRAILING.sub("", text))

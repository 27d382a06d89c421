"""The normal form: exact outputs for each kind of character it handles (and the ones it keeps)."""

from __future__ import annotations

import pytest

from assistant.ingest.normalise import fold_compat, normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("e\ufb01n \ufb02ytt e\ufb00ekt", "efin flytt effekt"),  # ligatures folded
        ("\uff21\uff22 12", "AB 12"),  # full-width forms
        ("m² ½ H₂O …", "m² ½ H₂O …"),  # meaning-bearing forms kept
        ("huvud\u00adbiblioteket", "huvudbiblioteket"),  # soft hyphen
        ("ord\u200bord\u2060x\ufeff", "ordordx"),  # zero-width characters
        ("650\u00a0000\u202fkr", "650 000 kr"),  # no-break spaces
        ("ska   betala    ut", "ska betala ut"),  # justified text
        ("  indrag kvar\nrad  \r\nslut", "  indrag kvar\nrad\nslut"),  # indent kept, ends trimmed
        ("sida\fsida", "sida\fsida"),  # page breaks kept
        ("a\u0308r", "är"),  # NFC
        ("e\u2011post", "e-post"),  # non-breaking hyphen
        ("Ord\x08\ufffd\ufffd\ufffd\ufffd 2", "Ord.... 2"),  # an unmapped leader: dots
        ("a \ufffd b", "a \ufffd b"),  # one unmapped glyph is a character, kept
        ("rad\x0bnästa\x07 klar\x7f", "rad\nnästa klar"),  # controls; Word's line break
    ],
)
def test_normalise_exact(raw, expected):
    assert normalise(raw) == expected


def test_normalise_is_idempotent():
    text = "Kultur\u00ad- och \ufb01lm\u00a0\u00a0plan  2025\r\n"
    assert normalise(normalise(text)) == normalise(text)


def test_fold_compat_leaves_ascii_and_swedish_letters():
    assert fold_compat("Åsa öser ärter") == "Åsa öser ärter"

"""An abbreviation the texts never use, read as what it stands for: exact, without a model.

The corpus is a set of stemmed words written here (``knows``), so every expectation can be
checked by reading this file; the list is the shipped ``data/sv_acronyms.tsv``.
"""

from __future__ import annotations

import pytest

from assistant.abbreviations import entries, spelled_out, written_out
from assistant.lexical import terms


def _knows(*texts: str):
    known = {t for text in texts for t in terms(text)}
    return known.__contains__


PLANNING = _knows("Kallelse till samordnad individuell planering ska skickas av vårdkontakten.")


def test_the_shipped_list_reads():
    table = entries()
    assert len(table) > 200
    assert all(2 <= len(short) <= 6 and short.isalpha() for short in table)
    assert "samordnad individuell planering" in table["SIP"]


def test_an_abbreviation_the_texts_never_use_is_followed_by_what_it_stands_for():
    assert spelled_out("Vem kallar till SIP-mötet?", PLANNING) == (
        "Vem kallar till SIP-mötet (samordnad individuell planering)?"
    )
    assert written_out("SIP", PLANNING) == "samordnad individuell planering"


@pytest.mark.parametrize(
    ("question", "knows"),
    [
        # the texts use the abbreviation themselves
        ("Vem kallar till SIP?", _knows("En SIP ska upprättas.", "samordnad individuell plan")),
        # they write none of its written-out forms in full
        ("Gäller LSS här?", PLANNING),
        # a capitalised word is no abbreviation, nor a word not in the list
        ("Vem kallar till mötet? Sip kaffe.", PLANNING),
        ("Vem kallar till XYZQ?", PLANNING),
    ],
)
def test_otherwise_the_question_is_left_as_typed(question, knows):
    assert spelled_out(question, knows) == question


def test_a_spelled_out_abbreviation_is_no_name_the_texts_lack():
    from assistant.analyze import QueryAnalyzer

    texts = ["Kallelse till samordnad individuell planering ska skickas av vårdkontakten."]
    analyzer = QueryAnalyzer([], [], texts=lambda: texts, knows=PLANNING)
    query = analyzer.analyze("Vem är det som kallar till SIP-mötet?")
    assert query.absent_names == ()
    assert "samordnad individuell planering" in query.search_text
    # an abbreviation that stands for nothing the texts write stays a name they lack
    assert analyzer.analyze("Vem kallar till LSS-mötet?").absent_names == ("LSS-mötet",)

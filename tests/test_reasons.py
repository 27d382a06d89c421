"""Why-questions and the sentences that give a reason (``assistant.reasons``): exact rules, and
one answer over a real index and e5."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from helpers import assistant_over_texts

from assistant.folding import fold
from assistant.reasons import gives_reason, reason_asked, with_reason_after


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Varför ökade olyckorna 2024?", True),
        ("varfor saljs det mer till djur", True),
        ("Vad är syftet med planen?", True),
        ("Vad är taxan och varför höjs den?", True),
        ("Why did the number of accidents rise?", True),
        ("Vad ökade olyckorna med 2024?", False),
        ("Hur många olyckor var det?", False),
        ("Var finns cykelbanorna?", False),
    ],
)
def test_a_question_asking_why(question, asks):
    assert reason_asked(fold(question.lower())) is asks


@pytest.mark.parametrize(
    ("text", "gives"),
    [
        ("Detta beror troligen på att många smittas utomlands.", True),
        ("Ökningen förklaras av en ny metod.", True),
        ("Taxan höjs på grund av ökade kostnader.", True),
        ("Planen finns för att alla ska veta vad som gäller.", True),
        ("This is because the method changed.", True),
        ("Olyckorna ökade med 12 procent under 2024.", False),
    ],
)
def test_a_sentence_giving_a_cause_or_a_purpose(text, gives):
    assert gives_reason(text) is gives


def _sentences(text: str) -> list[SimpleNamespace]:
    """``text``'s sentences (split at ". ") as scored candidates of one passage, in text order."""
    passage = SimpleNamespace(text=text)
    out, start = [], 0
    for part in text.split(". "):
        end = start + len(part) + 1
        out.append(SimpleNamespace(passage=passage, start=start, end=end, text=text[start:end]))
        start = end + 1
    return out


def test_a_reason_pointing_back_at_the_quote_is_quoted_after_it():
    premise, reason, other = _sentences(
        "Fler cyklister skadades i centrum. Detta beror på att belysningen saknades. "
        "Landsbygden var oförändrad."
    )
    asked = fold("varför skadades fler cyklister i centrum?")
    assert with_reason_after(asked, [premise], [premise, reason, other]) == [premise, reason]
    # not for a question that does not ask why, nor when a quote already gives a reason
    assert with_reason_after(fold("hur många skadades?"), [premise], [premise, reason]) == [premise]
    assert with_reason_after(asked, [reason], [premise, reason, other]) == [reason]
    # a following sentence that gives no reason, or does not point back, is not added
    first, second = _sentences("Fler cyklister skadades. Landsbygden hade färre olyckor.")
    assert with_reason_after(asked, [first], [first, second]) == [first]


_REPORT = {
    "trafikrapport.md": (
        "# Trafiksäkerhetsrapport 2024\n\n"
        "## Olyckor i centrum\n\n"
        "Antalet skadade cyklister i centrum ökade kraftigt under 2024 jämfört med året innan. "
        "Detta beror främst på att två nya cykelbanor öppnades innan belysningen var på plats. "
        "På landsbygden var antalet skadade oförändrat.\n\n"
        "## Hastigheter\n\n"
        "Medelhastigheten på infartslederna sjönk något under året. Kommunen mätte hastigheten "
        "vid tolv platser under våren och hösten.\n"
    )
}


def test_a_why_question_is_answered_with_the_reason_beside_its_premise(tmp_path, e5):
    assistant = assistant_over_texts(tmp_path, _REPORT, e5)
    answer = assistant.ask("Varför blev fler cyklister skadade i centrum under 2024?")
    assert answer.answered, answer.answer
    assert any("Detta beror främst på" in c.quote for c in answer.citations), answer.answer

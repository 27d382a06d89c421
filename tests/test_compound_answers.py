"""Compound questions and follow-ups over the shipped corpus, end to end (real e5, real Chroma).

Written for this test, not taken from any eval set. Every part of a compound question is either
answered with a citation whose passage holds that part's answer, or refused; a part the texts
do not answer is refused while the other part is answered. Parts that lean on the part before
them ("…och vem finansierar det?") and parts that stand alone are mixed, in both languages.
``EVIDENCE`` is a few words of the passage that answers the part (None: the texts do not say).
"""

from __future__ import annotations

import re

import pytest

from assistant import Assistant
from assistant.results import Answer

COMPOUND = [
    # Swedish, the later part leaning on the earlier one
    (
        "Vem ansvarar för lånecentralerna och varför ska de finnas?",
        ["För lånecentraler ansvarar staten", "kompletterande informations- och medieförsörjning"],
    ),
    (
        "Vilka ska anta biblioteksplaner och vem ska följa upp dem?",
        ["ska anta biblioteksplaner", "följa upp hur de biblioteksplaner"],
    ),
    (
        "Vad är Ekomuseum Bergslagen och vem finansierar det?",
        ["Ekomuseum Bergslagen", "delfinansierar Ekomuseum Bergslagen"],
    ),
    (
        "Vilket sällskap samarbetar Ludvika med kring poesi och hur ofta sker det?",
        ["Werner Aspenströmsällskapet", "årligen återkommande poesisatsningen"],
    ),
    (
        "Vad ska regionen göra inom Skapande skola och vad kostar det?",
        ["arrangera konferenser", None],
    ),
    (
        "Vad får folkbiblioteken ta ut avgift för och hur stor får den vara?",
        ["avgift för de fall låntagare", None],
    ),
    (
        "Vem ska följa upp biblioteksplanerna, och hur ofta ska det göras?",
        ["följa upp hur de", None],
    ),
    (
        "Vem ansvarar för folkbiblioteken och vem är kontaktperson där?",
        ["För folkbibliotek ansvarar kommunerna", None],
    ),
    # Swedish, parts that stand alone
    (
        "Vilka verksamheter ingår i det allmänna biblioteksväsendet, och vem ansvarar för skolbiblioteken?",
        ["lånecentraler", "För skolbibliotek ansvarar"],
    ),
    (
        "Vad ska Ludvika göra för elevkulturombuden och vem koordinerar samordnarna?",
        ["bereda sina kommunala elevkulturombud", "Regionen koordinerar de kommunala samordnare"],
    ),
    (
        "Vad gör Ludvika för det finska språket och vad kostar teaterslingan?",
        ["finska språket", None],
    ),
    (
        "Vad ska regionen göra för elevkulturombuden? Vem är handläggare?",
        ["Regionen koordinerar", "Erik Arrhén"],
    ),
    # Written after the first round of changes, as a check on questions not tuned for.
    (
        "Vilka ger bidrag till studieförbunden och vad vill de stärka?",
        [
            "ger båda bidrag till de verksamma studieförbunden",
            "stärka dialogen med studieförbunden",
        ],
    ),
    (
        "Vad ska Ludvika undersöka tillsammans med regionen och inom vilket program ska det ske?",
        ["etablera en fristad", "Icorns-program"],
    ),
    (
        "Vem ska ha en nationell överblick över biblioteksväsendet och vad ska den följa upp?",
        ["nationell överblick", "följa upp hur de biblioteksplaner"],
    ),
    ("Vad är den finska teaterslingan och vem betalar för den?", ["finska teaterslingan", None]),
    (
        "What does the region arrange for the student culture representatives, and how often do they take place?",
        ["arrangerar regionala sammankomster", None],
    ),
    # English
    (
        "Who is responsible for the loan centres and why must they exist?",
        ["För lånecentraler ansvarar staten", "kompletterande informations- och medieförsörjning"],
    ),
    (
        "What is Ekomuseum Bergslagen and who funds it?",
        ["Ekomuseum Bergslagen", "delfinansierar Ekomuseum Bergslagen"],
    ),
    (
        "Which society does Ludvika work with on poetry and how often does it happen?",
        ["Werner Aspenströmsällskapet", "årligen återkommande poesisatsningen"],
    ),
    (
        "What may public libraries charge fees for, and how high may they be?",
        ["avgift för de fall låntagare", None],
    ),
    (
        "What does the library act say about school libraries, and who is responsible for them?",
        ["skolbibliotek", "För skolbibliotek ansvarar"],
    ),
    (
        "What does the region do within Skapande skola, and who is the case officer?",
        ["arrangera konferenser", "Erik Arrhén"],
    ),
    (
        "What should Ludvika do for the student culture representatives and who coordinates the local coordinators?",
        ["bereda sina kommunala elevkulturombud", "Regionen koordinerar de kommunala samordnare"],
    ),
]

# (earlier turns, last turn, is it a follow-up, evidence for its answer; None: refused)
FOLLOW_UPS = [
    (
        ["Vad ska Ludvika kommun göra för elevkulturombuden?"],
        "och regionen då?",
        True,
        "Regionen koordinerar",
    ),
    (
        ["Vem ansvarar för folkbiblioteken?"],
        "och för lånecentralerna då?",
        True,
        "För lånecentraler ansvarar staten",
    ),
    (
        ["Who is responsible for public libraries according to the library act?"],
        "what about the school libraries?",
        True,
        "För skolbibliotek ansvarar",
    ),
    (
        ["Vem ansvarar för regional biblioteksverksamhet?"],
        "Vad är syftet med den?",
        True,
        "med syfte att främja samarbete",
    ),
    (
        ["What is Ekomuseum Bergslagen?"],
        "Who funds it?",
        True,
        "delfinansierar Ekomuseum Bergslagen",
    ),
    (["What does Ludvika do for the Finnish language?"], "and the region?", True, "finska"),
    # Pointing back at a topic the texts say nothing more about: refused, not answered with
    # the earlier answer's sentence again.
    (["Vad är Ekomuseum Bergslagen?"], "Vad kostar det?", True, None),
    (["Vilka ska anta biblioteksplaner?"], "Hur ofta ska det göras?", True, None),
    (["Vem ansvarar för folkbiblioteken?"], "Vem är kontaktperson där?", True, None),
    # Short questions naming their own topic after other turns are new questions.
    (
        ["Vad gör regionen inom Skapande skola?", "vad mer?"],
        "Vem är handläggare?",
        False,
        "Erik Arrhén",
    ),
    (
        ["Vad säger överenskommelsen om studieförbunden?"],
        "Vad säger bibliotekslagen om lånecentraler?",
        False,
        "lånecentraler",
    ),
]

_REFUSED = re.compile(
    r"^(Jag hittar inget om|I cannot find anything about|.+ säger inget om|.+ says nothing about)"
)


def parts_of(answer: Answer) -> list[tuple[bool, list[str]]]:
    """(answered, the cited passages' and quotes' text) per part, from the assembled answer."""
    by_n = {c.n: c for c in answer.citations}
    out = []
    for block in answer.answer.split("\n\n"):
        numbers = [int(n) for n in re.findall(r"\[(\d+)\]", block)]
        cited = [by_n[n] for n in numbers if n in by_n]
        texts = [f"{c.passage.text} {' '.join(c.quotes)}" for c in cited]
        out.append((bool(cited) and not _REFUSED.match(block), texts))
    return out


def holds(texts: list[str], evidence: str) -> bool:
    return any(evidence.casefold() in t.casefold() for t in texts)


def judge(assistant: Assistant, question: str, evidence: list[str | None]) -> list[str]:
    """Per part: "right" (cites the evidence, or refused where the texts do not say),
    "refused" (an answerable part refused) or "wrong" (cites only other passages, or answers
    what the texts do not say)."""
    found = parts_of(assistant.ask(question))
    assert len(found) == len(evidence), f"{question}: {len(found)} parts answered"
    verdicts = []
    for (answered, texts), wanted in zip(found, evidence, strict=True):
        if wanted is None:
            verdicts.append("wrong" if answered else "right")
        elif not answered:
            verdicts.append("refused")
        else:
            verdicts.append("right" if holds(texts, wanted) else "wrong")
    return verdicts


@pytest.mark.parametrize(("question", "evidence"), COMPOUND, ids=[q for q, _ in COMPOUND])
def test_every_part_is_answered_from_its_evidence_or_refused(corpus_assistant, question, evidence):
    query = corpus_assistant.analyze(question)
    assert len(query.parts) == len(evidence)
    verdicts = judge(corpus_assistant, question, evidence)
    assert "wrong" not in verdicts, verdicts


def test_most_answerable_parts_are_answered(corpus_assistant):
    verdicts = [v for q, e in COMPOUND for v in judge(corpus_assistant, q, e)]
    answerable = sum(e is not None for _, ev in COMPOUND for e in ev)
    refused = verdicts.count("refused")
    # Measured: 1 of 40 answerable parts refused ("why must they exist?": the English rendering
    # of "exist" is not the text's "finnas").
    assert refused <= answerable // 8, verdicts


@pytest.mark.parametrize(
    ("earlier", "question", "follow_up", "evidence"), FOLLOW_UPS, ids=[f[1] for f in FOLLOW_UPS]
)
def test_follow_ups_inherit_the_topic_and_new_questions_do_not(
    corpus_assistant, earlier, question, follow_up, evidence
):
    history: list[dict[str, str]] = []
    for turn in earlier:
        answer = corpus_assistant.ask(turn, history=history)
        history += [
            {"role": "user", "content": turn},
            {"role": "assistant", "content": answer.answer},
        ]
    assert corpus_assistant.analyze(question, history).follow_up is follow_up
    answer = corpus_assistant.ask(question, history=history)
    if evidence is None:
        assert not answer.answered, answer.answer
        return
    assert answer.answered, answer.answer
    assert holds([f"{c.passage.text} {' '.join(c.quotes)}" for c in answer.citations], evidence)

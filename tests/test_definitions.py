"""A question asking what a term means lifts the passage that defines it (``definitions``)."""

from __future__ import annotations

import pytest
from helpers import assistant_over_texts, indexed_texts

from assistant.definitions import (
    DEFINITION_BONUS,
    DefinitionLift,
    asked_term,
    defines,
    entry_at,
)
from assistant.retrieve import HybridRetriever


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("Vad betyder 'exponering' enligt de här föreskrifterna?", "exponering"),
        ("Vad avses med extern avvikelse?", "extern avvikelse"),
        ("Vad menas med klampning i det här uppdraget?", "klampning"),
        ("Vad innebär begreppet särskilt boende?", "sarskilt boende"),
        ("What does 'exposure' mean in these regulations?", "exposure"),
        ("Vad är en extern avvikelse?", "extern avvikelse"),
        ("vad betyder northern grit egentligen", "northern grit"),  # a speaker's particle
        # the document named as the one that defines
        ("Hur förklarar rutinen begreppet driftskontinuitet?", "driftskontinuitet"),
        ("Hur definierar riktlinjen redundans?", "redundans"),
        ("How does the routine define redundancy?", "redundancy"),
        # the body whose meaning is asked, and an English term's Swedish gloss in brackets
        ("What does MSB mean by a 'risk owner' (riskägare) in its guidance?", "riskagare"),
        ("Vad menar MSB med riskägare?", "riskagare"),
        ("Vad betyder exponering (inandning) enligt föreskrifterna?", "exponering"),
        # a kind numbered in a definition list, asked as the thing of that kind
        ("Vad menas med en anläggning av klass 2 enligt föreskrifterna?", "klass 2"),
        ("What is meant by a boiler of emission class 3?", "emission class 3"),
        ("Vad menas med ansvar av nämnden?", None),
        ("Hur förklarar kommunen beslutet?", None),  # an account, not a meaning
        # facts, not meanings
        ("Vad är avgiften?", None),
        ("Vad betyder det om kommunen säger upp avtalet?", None),
        ("Vad innebär det att nämnden har en skyldighet att överväga flytt?", None),
        ("What does the municipality pay for?", None),
    ],
)
def test_a_question_asking_what_a_term_means_names_the_term(question, term):
    assert asked_term(question) == term


@pytest.mark.parametrize(
    ("term", "text", "expected"),
    [
        ("exponering", "Exponering Att utsättas för en kemisk riskkälla genom inandning.", True),
        ("exponering", "– Exponering: att utsättas för en kemisk riskkälla.", True),
        (
            "extern avvikelse",
            "Med externa avvikelser avses avvikelser utanför förvaltningen.",
            True,
        ),
        ("samordningsnummer", "Ett samordningsnummer är en identitetsbeteckning.", True),
        # the word used, not defined
        ("exponering", "Exponering för lösningsmedel ska mätas varje år.", False),
        ("hantering", "– Förordningen (CLP). Hantering Tillverkning, förvaring.", True),
        ("hantering", "Mätningen avser hantering. Hantering av avfall sker i rum.", False),
        ("exponering", "För att avgöra vilken grad av exponering en arbetstagare har.", False),
        ("extern avvikelse", "En extern avvikelse rapporteras till nämnden.", False),
        ("grit", "GRIT syftar här både på vår envisa motståndskraft och uthållighet.", True),
        ("sfi", "Sfi står för svenska för invandrare.", True),
        # a Markdown export's "--" and an em dash for the entry's dash
        ("riskagare", "- Riskägare -- den som ansvarar för risken.", True),
        ("riskagare", "Riskregister -- sammanställningar. - Riskägare -- den som ansvarar.", True),
        ("riskagare", "Riskägare — den som ansvarar för risken.", True),
        ("riskagare", "Riskägare ansvarar för alla risker i sitt ansvarsområde.", False),
        ("klass 2", "Klass 1: öppen anläggning. Klass 2: sluten anläggning med filter.", True),
        ("klass 2", "Anläggningar av klass 2 ska kontrolleras årligen.", False),
        # a statute's list whose entries end in commas, its lines joined
        ("fribrev", "i försäkringsavtalet, fribrev: försäkring där premierna upphört,", True),
        ("fribrev", "i försäkringsavtalet, fribrev Försäkring där premierna upphört,", False),
        ("fribrev", "Försäkringen kan ändras till fribrev: se 3 §.", False),
        # a list exported a line per column: the term's line, then its definition in lower
        # case, on lines of their own or joined into one paragraph per entry
        ("natbolag", "innehåll,\n\nnätbolag\n\nföretag som ansvarar för distribution,", True),
        ("natbolag", "innehåll,\n\nnätbolag företag som ansvarar för distribution av gas,", True),
        ("natbolag", "Ett nätbolag ansvarar för distribution av gas i ledning.", False),
        ("gas", "innehåll,\n\nnätbolag företag som ansvarar för distribution av gas,", False),
    ],
)
def test_a_passage_defines_a_term_in_the_forms_regulations_use(term, text, expected):
    assert defines(term, text) is expected


def test_the_lift_is_given_only_to_the_defining_passage_of_a_definition_question():
    lift = DefinitionLift("Vad betyder exponering?")
    assert lift("a", "Exponering Att utsättas för en kemisk riskkälla.") == DEFINITION_BONUS
    assert lift("b", "Exponering för lösningsmedel ska mätas varje år.") == 0.0
    assert DefinitionLift("Hur ofta ska exponering mätas?")("a", "Exponering Att utsättas.") == 0.0
    # a two-word term is also defined by its head alone: the general definition
    two = DefinitionLift("Vad betyder Northern GRIT?")
    assert two("a", "GRIT syftar här på vår envisa motståndskraft.") == DEFINITION_BONUS
    assert two("b", "Berättelsen om The Northern GRIT lyfts fram.") == 0.0


# Passages that use the word, and one definition-list entry (a regulation's "Definitioner").
_REGULATION = {
    "definitioner.txt": "Definitioner\n\nExponering Att utsättas för en kemisk riskkälla genom "
    "inandning, förtäring eller kontakt med hud.\n",
    "matning.txt": "Mätning\n\nFör att avgöra vilken grad av exponering en arbetstagare utsatts "
    "för behövs uppgifter om hur hög exponeringen varit.\n\nExponeringen ska mätas när den "
    "kan vara hög, och exponering för lösningsmedel ska begränsas.\n",
    "register.txt": "Register\n\nSyftet med registret är att bevara uppgifter om exponering "
    "för cancerframkallande ämnen.\n",
}


def test_a_definition_question_finds_the_definition_first(tmp_path, e5):
    index = indexed_texts(tmp_path, _REGULATION, e5)
    question = "Vad betyder exponering enligt föreskrifterna?"
    found = HybridRetriever(index=index, k=3).search(question)
    assert found[0].source == "definitioner.txt", [p.text for p in found]
    # The lift is exactly the difference from the same search without it.
    plain = HybridRetriever(index=index, k=3, definition_weight=0.0).search(question)
    scores = {p.source: p.score for p in plain}
    assert found[0].score == pytest.approx(scores["definitioner.txt"] + DEFINITION_BONUS)
    assert {p.source: p.score for p in found[1:]} == pytest.approx(
        {p.source: scores[p.source] for p in found[1:]}
    )


# A guide whose sections use the term in every paragraph, and a Markdown definition list ("Term
# -- definition") that says what it is, in one passage with other entries (a blind set's guide).
_GUIDE = {
    "riskhantering.md": "# Riskhantering\n\n## Begrepp\n\n"
    "- Riskregister -- sammanfattningar av vilka riskanalyser som gjorts.\n"
    "- Riskägare -- den som ansvarar för risken och ser till att åtgärder införs.\n"
    "- Risksamordnare -- den som har övergripande ansvar för riskhanteringen.\n\n"
    "## Riskägare\n\nRiskägare är ansvariga för alla risker i sitt ansvarsområde och därmed "
    "också för informationssäkerhetsrisker. Riskägare är exempelvis verksamhetsansvariga i "
    "linjeorganisationen, informationsägare eller systemägare. Riskägare ansvarar för den "
    "operativa riskhanteringen inom sin verksamhet.\n",
}


def test_a_definition_question_quotes_the_entry_that_defines_the_term(tmp_path, e5):
    assistant = assistant_over_texts(tmp_path, _GUIDE, e5)
    answer = assistant.ask("Vad menas med riskägare?")
    assert answer.answered, answer.answer
    assert answer.citations[0].quote.startswith("Riskägare -- den som ansvarar"), answer.answer


def test_a_definition_lists_entry_is_read_with_the_term_on_the_line_before_it():
    text = "imkanal\n\nFrånluftskanal från matlagningsutrymme i restauranger och storkök."
    start = text.index("Frånluftskanal")
    assert entry_at("imkanal", text, start, len(text)) == (
        "imkanal Frånluftskanal från matlagningsutrymme i restauranger och storkök."
    )
    assert entry_at("eldstad", text, start, len(text)) is None
    # a sentence defining by itself is its own entry; a long line before it is no label
    own = "Med imkanal avses en frånluftskanal från ett storkök."
    assert entry_at("imkanal", own, 0, len(own)) == own
    long_line = "imkanal och andra kanaler som nämns i denna författning\n\nFrånluftskanal."
    at = long_line.index("Frånluftskanal")
    assert entry_at("imkanal", long_line, at, len(long_line)) is None


_STATUTE = {
    "foreskrifter.txt": (
        "Föreskrifter om rengöring och brandskyddskontroll\n\n"
        "1 § Denna författning innehåller bestämmelser om vilka objekt som omfattas av krav på "
        "rengöring och brandskyddskontroll.\n\n"
        "2 § I denna författning används följande begrepp med nedan angiven betydelse.\n\n"
        "eldstad\n\nAnordning för eldning med fasta bränslen, olja eller gas i en byggnad.\n\n"
        "imkanal\n\nFrånluftskanal från matlagningsutrymme i restauranger, storkök och därmed "
        "jämförbara utrymmen samt till kanalen monterade delar såsom fläkt och spjäll.\n\n"
        "lokaleldstad\n\nEldstad som endast är avsedd att värma upp det rum den står i.\n\n"
        "3 § För imkanaler ska kontrollfristen vara två år. Imkanaler i restauranger ska "
        "rengöras minst en gång per år.\n"
    )
}


def test_a_term_asked_is_answered_by_its_entry_in_a_list_of_one_term_per_line(tmp_path, e5):
    assistant = assistant_over_texts(tmp_path, _STATUTE, e5)
    answer = assistant.ask("vad är en imkanal egentligen?")
    assert answer.answered, answer.answer
    assert answer.citations[0].quote.startswith("Frånluftskanal från matlagningsutrymme")

"""Document facts by kind, in Swedish and English: the document's owner, the document it
replaces, who decided it and when, whether it still applies; a document named by its kind and
topic ("the routine for key handling", "Region Sagoby's travel policy") beside the fact keeps the
question a document fact. Each is answered from the document's own line (page, exact words)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant import Assistant
from assistant.folding import fold
from assistant.intent import fact_kind, intent_of, wanted_answer
from assistant.lexical import terms
from tests.helpers import answered_over, assistant_over_texts, first_cited


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Vem är dokumentägare?", "owner"),
        ("Vem är dokumentansvarig för resepolicyn?", "owner"),
        ("Vem är innehållsansvarig för rutinen?", "owner"),
        ("Who owns the document?", "owner"),
        ("Who is listed as responsible for the content of the routine?", "owner"),
        ("Vem är ansvarig för innehållet i riktlinjen?", "owner"),
        ("Vad ersätter riktlinjen?", "replaces"),
        ("What does the policy replace?", "replaces"),
        # the passive, the earlier document named by its kind
        ("Vilket tidigare styrdokument ersätts av den nya planen?", "replaces"),
        ("Gäller policyn fortfarande?", "validity"),
        ("Is the agreement still valid?", "validity"),
        ("When did the agreement take effect?", "in_force"),
        ("När träder föreskrifterna om personalliggare i kraft?", "in_force"),
        ("When did the regulations enter into force?", "in_force"),
        ("Who decided the travel policy?", "adoption"),
        # whom to call is whom to contact
        ("Vem ska jag ringa om jag har frågor om taxan?", "contact"),
        ("Who do I call about the tariff?", "contact"),
        # "börjar gälla" is when it takes effect, typed with or without å/ä/ö
        ("När börjar avtalet gälla?", "in_force"),
        ("nar borjar avtalet med DIGG att galla?", "in_force"),
        ("When does the tariff start to apply?", "in_force"),
        # active past as well as passive: "Vem antog …?", "Vem beslutade …?"
        ("Vem antog resepolicyn?", "adoption"),
        ("Vilken nämnd beslutade riktlinjen?", "adoption"),
        ("Vem har fattat beslut om rutinen?", "adoption"),
        ("Vem har beslutat om riktlinjen?", "adoption"),
        ("Vem tog beslut om anvisningarna?", "adoption"),
        # "from what date … apply" is when it takes effect, as "från vilket datum gäller"
        ("From what date do these rules apply?", "in_force"),
        ("Från och med vilket datum ska bolagen följa de här reglerna?", "in_force"),
        ("From what date must insurers comply with the rules?", "in_force"),
        # when its subjects must start following it
        ("Vilket datum ska solarieföretagen börja följa de nya reglerna?", "in_force"),
        ("When must clinics start to comply with the new regulations?", "in_force"),
        ("När ska personalen börja följa rutinen?", None),
        ("Vilka regler ska bolagen följa?", None),
        ("From what date do the new water and sewage charges in Norrvik apply?", "in_force"),
        # "ersätter" also means "pays for"; "ansvarig" alone is no owner of the document
        ("Vem ersätter kostnaden för resan?", None),
        ("Vad ersätter kommunen vid resor?", None),
        ("Vem är ansvarig för nyckelskåpet?", None),
        # who keeps it up to date ("Ansvarig för revidering: …") answers for the document
        ("Vilken tjänsteperson ansvarar för att planen ses över?", "owner"),
        ("Who is responsible for revising the plan?", "owner"),
        # the documents that stop applying are the ones it replaces
        ("Vilka äldre styrdokument slutar gälla när planen antas?", "replaces"),
        ("Vilka regler upphör att gälla?", "replaces"),
        # in the past, beside the time the new ones took effect
        ("Vilka äldre föreskrifter slutade gälla när de nya trädde i kraft?", "replaces"),
        # the year a document is from: its date line, or its copyright line
        ("What year is this guideline from?", "date"),
        ("Från vilket år är riktlinjerna?", "date"),
        ("Hur många år gäller avtalet?", None),
        ("Which documents no longer apply?", "replaces"),
        ("Vad händer om avtalet upphör att gälla?", None),
        # from when it applies is its start, until when its validity
        ("Från när gäller avtalet?", "in_force"),
        ("From when is the plan valid?", "in_force"),
        ("Till när gäller avtalet?", "validity"),
        # who owns a plan or an instruction as a document
        ("Vem äger planen?", "owner"),
        ("Vem är ansvarig för anvisningen?", "owner"),
        ("Vem äger frågan om parkering?", None),
        # "diarienummer" word for word
        ("What is the diary number of the plan?", "case_number"),
        ("What is the case (diary) number of the plan?", "case_number"),
        # when a plan's decision became final: from then it applies
        ("när vann detaljplanen laga kraft?", "in_force"),
        ("When did the area regulations become legally binding?", "in_force"),
        ("Vad händer om jag inte har börjat bygga innan lovet vann laga kraft?", None),
    ],
)
def test_fact_kinds(question, kind):
    assert fact_kind(fold(question)) == kind


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        # the topic words name the document asked about
        (
            "When was the joint agreement on elderly care (sammanhållen) last revised?",
            "document_fact",
        ),
        ("Who adopted Sagoby's travel policy?", "document_fact"),
        ("När reviderades den gemensamma riktlinjen för tvätt senast?", "document_fact"),
        # a genitive before the kind word without its article: "Sagobys riktlinje för tvätt"
        ("När beslutades kommunens riktlinje för tvätt?", "document_fact"),
        ("När beslutades kommunens riktlinje för snöröjning?", "fact"),
        # the kind word is part of the name: "rutinen" is no topic word beside it
        ("Vem har fattat beslut om rutinen för tvätt?", "document_fact"),
        # a name no title shares a word with is no document of the corpus
        ("What is the case number of the agreement on snow clearing?", "fact"),
        # topic words outside the document's name make it a question about the content
        ("Who is the contact person for the elderly in the agreement?", "fact"),
        ("When was the care plan last updated?", "fact"),
        # "Vad beskriver överenskommelsen om X?" asks about X (purpose keeps its own rule)
        ("Vad beskriver överenskommelsen om elevkulturombud?", "fact"),
        # a demonstrative points at the document; a compound of a title's word and the kind
        # ("tvättriktlinjen"), or a title's compound with its ending, names it
        ("Vem tog beslut om de här tvättriktlinjerna?", "document_fact"),
        ("Vilket diarienummer har Sagobys rutin för resepolicyn?", "document_fact"),
        ("Vem tog beslut om de här snöriktlinjerna?", "fact"),
        # "äger" asks for the owner, the definite kind word names the document
        ("Vem är ansvarig för dokumentet, alltså vem äger riktlinjen?", "document_fact"),
    ],
)
def test_a_document_named_by_kind_and_topic_keeps_a_document_fact(question, intent):
    topic = {
        t for t in terms(question) if t not in terms("when was the who is vad när for in of on")
    }
    titles = frozenset(
        fold(t)
        for title in (
            "Sammanhållen överenskommelse om vård och omsorg för äldre",
            "Resepolicy för Sagoby kommun",
            "Riktlinje för tvätt i särskilt boende",
        )
        for t in terms(title)
    )
    assert intent_of(fold(question), topic, 0, titles)[0] == intent


POLICY = """Resepolicy för Sagoby kommun

Dokumentet är beslutat av: Kommunstyrelsen
Dokumentet beslutades den: 2022-04-12
Dokumentansvarig är: Ekonomiavdelningen
Dokumentet ersätter: Resepolicy 2015 (KS/2015:88)
Kontaktperson: Eva Ek, ekonom

Resor ska i första hand ske med tåg. Flyg får användas när resan med tåg tar mer än fem timmar.
"""

RUTIN = """Rutin för nyckelhantering i hemtjänsten

Enhetschefen ansvarar för att nyckelskåpet är låst. Nycklar kvitteras ut av personalen och
lämnas tillbaka samma dag.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, e5) -> Assistant:
    return assistant_over_texts(
        tmp_path_factory.mktemp("fact-kinds"),
        {"resepolicy.txt": POLICY, "rutin-nycklar.txt": RUTIN},
        e5,
    )


@pytest.mark.parametrize(
    ("question", "quote"),
    [
        ("Vem är dokumentansvarig för resepolicyn?", "Dokumentansvarig är: Ekonomiavdelningen"),
        ("Who owns the travel policy?", "Dokumentansvarig är: Ekonomiavdelningen"),
        ("Vad ersätter resepolicyn?", "Dokumentet ersätter: Resepolicy 2015 (KS/2015:88)"),
        (
            "What does the travel policy replace?",
            "Dokumentet ersätter: Resepolicy 2015 (KS/2015:88)",
        ),
        # a dated question reads the dated decision line, "who" the one naming who decided
        ("När fastställdes resepolicyn?", "Dokumentet beslutades den: 2022-04-12"),
        ("When was the travel policy adopted?", "Dokumentet beslutades den: 2022-04-12"),
        ("Vem har fastställt resepolicyn?", "Dokumentet är beslutat av: Kommunstyrelsen"),
        ("Who is the contact person for the travel policy?", "Kontaktperson: Eva Ek, ekonom"),
    ],
)
def test_a_document_fact_is_answered_from_its_own_line(assistant, question, quote):
    answer = assistant.ask(question)
    assert answer.answered
    assert first_cited(answer) == ("resepolicy.txt", "passage", quote)
    stored = assistant.index.document("resepolicy.txt")
    p = answer.citations[0].passage
    assert p.page == 1 and stored.pages[0][p.start : p.end] == p.text
    assert f"”{quote}”" in answer.answer


@pytest.mark.parametrize(
    "question",
    ["Vem har fastställt resepolicyn?", "Who decided the travel policy?"],
)
def test_a_chosen_documents_fact_words_are_no_topic_found_elsewhere(assistant, question):
    # "fastställt" is no topic the other document could hold: the chosen one's card answers
    answer = assistant.ask(question, document="resepolicy.txt")
    assert answer.answered and answer.citations[0].passage.source == "resepolicy.txt"


@pytest.mark.parametrize(
    "question",
    [
        "Vilket diarienummer har rutinen för nyckelhantering?",
        "What is the case number of the key handling routine?",
        # the routine names no contact: the travel policy's is not its answer
        "Who is the contact person for the key handling routine?",
        "Vem är kontaktperson för rutinen för nyckelhantering?",
        # the routine states no decision; the policy's "beslutades" is another document's
        "När beslutades rutinen för nyckelhantering?",
        "Vem beslutade rutinen för nyckelhantering?",
    ],
)
def test_a_fact_question_of_a_document_without_the_fact_is_refused(assistant, question):
    answer = assistant.ask(question)
    assert not answer.answered and "Eva Ek" not in answer.answer


@pytest.mark.parametrize(
    ("question", "wants"),
    [
        ("När reviderades rutinen?", "date"),
        ("Och när gäller den?", "date"),
        ("Vad är avtalet och när gäller det?", "date"),
        ("Until when does the agreement apply?", "date"),
        ("Vet du när avtalet löper ut?", "date"),
        # "när"/"when" joining a clause to another question word asks no date
        ("Vad händer när avtalet löper ut?", None),
        ("What should I consider when planning a kitchen?", None),
        ("Vad har kommunen åtagit sig när det gäller bibliotek?", None),
        ("Hur mycket får man i avdrag när man installerar solceller?", "amount"),
        # a time's length is a duration
        ("Hur lång är garantitiden?", "duration"),
        ("Hur lång uppsägningstid gäller?", "duration"),
        ("Vilket timpris är rimligt?", "amount"),
        # a yes/no question naming a fee asks whether, not how much
        ("Måste operatören betala några avgifter till myndigheten?", None),
        ("Finns det någon avgift för sent återlämnade böcker?", None),
        ("Do I have to pay a fee for the permit?", None),
        ("Vilken avgift tar kommunen ut?", "amount"),
        ("Hur mycket kostar det, och måste jag betala direkt?", "amount"),
        # whether a detail is handed on or kept asks no detail; the asker's own asks one
        ("Får AI-tjänsten användarens mejladress när man ställer frågor?", None),
        ("Sparas e-postadressen hos leverantören?", None),
        ("Is the e-mail address shared with the supplier?", None),
        ("Kan jag få telefonnumret till handläggaren?", "contact_detail"),
        ("Finns det ett telefonnummer jag kan ringa?", "contact_detail"),
        ("Vilket telefonnummer har kundtjänst?", "contact_detail"),
    ],
)
def test_the_answer_type_a_question_wants(question, wants):
    assert wanted_answer(fold(question)) == wants


def test_the_rest_of_a_document_fact_is_asked_of_the_same_document(assistant):
    # "…, och av vem?" has no topic of its own: the rest of the decision, of the policy
    answer = assistant.ask("När fastställdes resepolicyn, och av vem?")
    assert answer.answered
    quotes = [c.quote for c in answer.citations]
    assert "Dokumentet beslutades den: 2022-04-12" in quotes
    assert "Dokumentet är beslutat av: Kommunstyrelsen" in quotes
    assert all(c.passage.source == "resepolicy.txt" for c in answer.citations)
    # a preposition opening the rest ("…, och genom vilket beslut?") names no topic either
    for rest in ("genom vilket beslut?", "enligt vilket beslut?"):
        through = assistant.ask(f"När fastställdes resepolicyn, och {rest}")
        assert through.answered and "Dokumentet beslutades den: 2022-04-12" in through.answer
        assert {c.passage.source for c in through.citations} == {"resepolicy.txt"}, rest
    # of a document stating no decision, both parts are refused
    refused = assistant.ask("När beslutades rutinen för nyckelhantering, och av vem?")
    assert not refused.answered and "Kommunstyrelsen" not in refused.answer


def test_a_line_two_parts_quote_is_one_citation(assistant):
    answer = assistant.ask("När fastställdes resepolicyn, och när beslutades den?")
    assert [c.quote for c in answer.citations] == ["Dokumentet beslutades den: 2022-04-12"]
    assert answer.answer.count("[1]") >= 2 and "[2]" not in answer.answer


# A tariff whose card holds its decision and its date of effect, and whose text is long enough
# that a short question's search finds neither the card nor the last page's line.
TAXA = (
    "Taxa för Sagoby kommuns allmänna vatten- och avloppsanläggning\n\n"
    "Antagen av kommunfullmäktige 2026-04-28\n\n"
    + "\n\n".join(
        f"§ {n} Avgift för {thing}\n\nEnligt taxan tas en avgift för {thing} ut när arbetet "
        f"började. Taxan gäller varje fastighet där {thing} förekommer, och avgiften betalas "
        f"av fastighetsägaren inom trettio dagar."
        for n, thing in enumerate(
            [
                "servisledning",
                "tomtyta",
                "bostadsenhet",
                "dagvatten",
                "mätare",
                "provtagning",
                "avstängning",
                "påsläppning",
                "flyttning av mätare",
                "undersökning av mätare",
            ],
            start=1,
        )
    )
    + "\f§ 20 Ikraftträdande\n\nDenna taxa träder i kraft 2026-09-01.\n"
)


@pytest.mark.parametrize(
    ("question", "quote"),
    [
        ("När antogs taxan?", "Antagen av kommunfullmäktige 2026-04-28"),
        ("När började taxan gälla?", "Denna taxa träder i kraft 2026-09-01."),
        # named by its kind alone, with a prefix and "ny": still the document
        ("När antogs den nya taxan?", "Antagen av kommunfullmäktige 2026-04-28"),
        ("Från vilket datum gäller den nya VA-taxan?", "Denna taxa träder i kraft 2026-09-01."),
    ],
)
def test_a_document_fact_reads_the_card_the_search_did_not_find(tmp_path, e5, question, quote):
    # "antogs" is no form the card's label lists ("antagen"); the card is read anyway
    over = assistant_over_texts(tmp_path, {"va-taxa.txt": TAXA}, e5)
    answer = over.ask(question)
    assert answer.answered
    assert answer.citations[0].quote == quote
    assert answer.citations[0].passage.kind == "passage"  # the line itself, not the card


AVTAL = (
    "Anslutningsavtal för operatörer\n\n"
    + "\n\n".join(
        f"{n}. {thing}\n\nOperatören ansvarar för {thing} och ska rapportera avvikelser inom "
        f"fem arbetsdagar till myndigheten."
        for n, thing in enumerate(["drift", "säkerhet", "loggning", "support", "test"], start=1)
    )
    + "\n\n6. Avtalstid\n\nDetta avtal träder i kraft när det har undertecknats av båda parter "
    "och gäller tills vidare med tolv månaders uppsägningstid.\n"
)


PLAN = (
    "DETALJPLAN FÖR KVARTERET SOLEN\n\nDnr 2021.0456\n"
    "Handläggare Eva Ek             Antagen av samhällsbyggnadsnämnden: 2022-03-15\n"
    "Per Berg                        Laga kraft: 2022-04-12\n\nPlanbestämmelser\n\n"
    + "\n\n".join(
        f"{n}. {thing}\n\nInom område {n} får {thing} uppföras i högst två våningar med "
        "sadeltak och fasad av trä."
        for n, thing in enumerate(["bostäder", "förråd", "garage", "kontor"], start=1)
    )
    + "\n\nBygglov krävs inte för solfångare som följer takets lutning.\n"
)


@pytest.mark.parametrize(
    "question", ["När vann detaljplanen laga kraft?", "nar vann planen laga kraft"]
)
def test_a_plans_final_date_answers_when_it_became_final(tmp_path, e5, question):
    answer = answered_over(tmp_path, {"detaljplan.txt": PLAN}, e5, question)
    assert "Laga kraft: 2022-04-12" in answer.citations[0].quote


@pytest.mark.parametrize(
    "question",
    ["När träder avtalet i kraft?", "När börjar avtalet gälla?", "When does it enter into force?"],
)
def test_an_entry_into_force_on_an_event_answers_when(tmp_path, e5, question):
    # no date: the event is the answer, quoted from the text, never the card's title line
    over = assistant_over_texts(tmp_path, {"avtal.txt": AVTAL}, e5)
    answer = over.ask(question)
    assert answer.answered
    assert answer.citations[0].quote.startswith("Detta avtal träder i kraft när det har")
    assert "Anslutningsavtal för operatörer”" not in answer.answer


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("När antogs den nya taxan?", "document_fact"),
        ("Från vilket datum gäller den nya VA-taxan?", "document_fact"),
        # a topic word beside the kind that no title holds: another tariff, a content question
        ("När antogs den nya taxan för parkering?", "fact"),
        # the kind word of no title in the corpus: not this document
        ("När antogs den nya policyn?", "fact"),
        # a genitive's owner is no kind: "kommun" is in the title, "kulturstrategi" is not
        ("När antogs Sagoby kommuns kulturstrategi?", "fact"),
        # the body that adopted it, named as the adopter, is no topic; nor English "did approve"
        ("När antog kommunfullmäktige den nya taxan?", "document_fact"),
        ("When did the municipal council approve the tariff?", "document_fact"),
        ("När antog kommunfullmäktige taxan för parkering?", "fact"),
    ],
)
def test_a_document_named_by_its_kind_alone_is_the_document_whose_title_has_it(question, intent):
    titles = frozenset(
        fold(t) for t in terms("Taxa för Sagoby kommuns allmänna vatten- och avloppsanläggning")
    )
    topic = {t for t in terms(question) if t not in terms("när från vilket datum gäller antogs")}
    assert intent_of(fold(question), topic, 0, titles)[0] == intent


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        # the kind word alone, the last part of a compound title: the document
        ("Hur länge gäller planen?", "document_fact"),
        # a speaker's particle is no topic word
        ("Hur länge gäller planen egentligen?", "document_fact"),
        ("Vilken tjänsteperson ansvarar för att planen ses över?", "document_fact"),
        # a plan no title ends with is a topic's
        ("Hur länge gäller detaljplanen?", "fact"),
        ("Vem ansvarar för att vårdplanen uppdateras?", "fact"),
    ],
)
def test_a_kind_word_alone_names_the_document_whose_compound_title_ends_with_it(question, intent):
    titles = frozenset(fold(t) for t in terms("Handlingsplan för klimat och energi"))
    topic = set(terms(question)) - set(terms("hur länge gäller vem vilken"))
    assert intent_of(fold(question), topic, 0, titles)[0] == intent


def test_a_card_found_past_the_passages_read_is_moved_up(tmp_path, e5):
    from assistant.answering import with_cards
    from assistant.fact_lines import card_of

    over = assistant_over_texts(tmp_path, {"va-taxa.txt": TAXA}, e5)
    found = over._search(over.analyze("avgift för mätare", None), 8)
    card = card_of(over.retriever.lexical.docs, "va-taxa.txt")
    assert card is not None and card.kind == "card"
    late = [p for p in found if p.id != card.id][:6] + [card]
    moved = with_cards(over, late, None)
    assert moved[1].id == card.id and len(moved) == len(late)
    assert [p.id for p in moved if p.id != card.id] == [p.id for p in late[:-1]]


RUTIN_HEAD = """Rutin för kontinuitet i IT-tjänster

Innehållsansvar: Eva Ek, strateg
Godkänd av: Per Berg, direktör

Giltig från: 2025-01-30
Giltig till: 2029-12-31

Ägaren av IT-tjänsten ansvarar för att planen för kontinuitet följs upp varje år.
"""


@pytest.mark.parametrize(
    "question", ["Hur länge gäller rutinen?", "Until what date is the routine valid?"]
)
def test_a_period_on_two_lines_is_answered_and_cited_whole(tmp_path, e5, question):
    over = assistant_over_texts(tmp_path, {"rutin.txt": RUTIN_HEAD}, e5)
    answer = over.ask(question, as_of=date(2026, 6, 1))
    assert answer.answered and "2029-12-31" in answer.answer
    # both lines quoted, each from the page (the card gathered them; it is not cited)
    quoted = [q for c in answer.citations for q in c.quotes]
    assert quoted == ["Giltig från: 2025-01-30", "Giltig till: 2029-12-31"]
    assert all(c.passage.kind == "passage" and c.passage.page == 1 for c in answer.citations)


# An agreement that says when it takes effect only in its text, on an event, in words the
# question does not use; a change clause says when something else takes effect.
def _clause(n: int, topic: str) -> str:
    return (
        f"{n}. {topic.capitalize()}\n\nEnligt avtalet ansvarar plattformsägaren för {topic} inom "
        f"plattformen. Kraven på {topic} gäller för alla operatörer på plattformen och börjar "
        f"gälla för en ny operatör vid anslutningen. Brister i {topic} ska rapporteras till "
        "plattformsägaren utan dröjsmål.\n\n"
    )


ANSLUTNING = (
    "Anslutningsavtal för operatörer på plattformen\n\n"
    + "".join(
        _clause(n, topic)
        for n, topic in enumerate(
            [
                "informationssäkerhet",
                "incidenthantering",
                "loggning",
                "behörighetsstyrning",
                "driftstörningar",
                "testmiljöer",
                "certifikat",
                "adressering",
                "kapacitet",
                "tillgänglighet",
            ],
            start=1,
        )
    )
    + "11. Ändringar\n\nÄndringar i bilagorna träder i kraft 30 dagar efter att de har meddelats "
    "operatören.\n\n"
    + "12. Giltighet\n\nDetta anslutningsavtal träder i kraft när det har undertecknats av båda "
    "parter och gäller tills vidare med en uppsägningstid om tolv månader.\n"
)


def test_when_it_takes_effect_is_read_from_the_texts_own_line_whatever_the_search_found(
    tmp_path, e5
):
    over = assistant_over_texts(tmp_path, {"anslutningsavtal.txt": ANSLUTNING}, e5)
    asked = over.ask("När börjar avtalet med plattformen att gälla?")
    assert asked.answered, asked.answer
    _, kind, quote = first_cited(asked)
    assert kind == "passage" and quote.startswith("Detta anslutningsavtal träder i kraft när"), (
        quote
    )
    # The change clause is no entry into force of the agreement itself.
    from assistant.document_facts import states_entry

    assert not states_entry(
        "Ändringar i bilagorna träder i kraft 30 dagar efter att de har meddelats."
    )


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        # when the text's own subject takes effect: the text's entry line, found or not
        ("Från vilket datum gäller de nya avgifterna för mätare?", True),
        ("När börjar avgiften för dagvatten att gälla?", True),
        # from when its subjects must follow it, in a compound the text never writes whole
        # ("avgiftsreglerna": "avgift" and "regl" it does)
        ("Från och med vilket datum ska fastighetsägarna följa avgiftsreglerna?", True),
        # "de nya reglerna" are the text itself, whether or not it writes "nya"
        ("Vilket datum ska fastighetsägarna börja följa de nya reglerna?", True),
        # what the texts never name: no text's entry line answers when it takes effect
        ("När börjar skolplikten gälla?", False),
    ],
)
def test_when_the_texts_subject_takes_effect_reads_the_texts_entry_line(
    tmp_path, e5, question, answered
):
    over = assistant_over_texts(tmp_path, {"va-taxa.txt": TAXA}, e5)
    query = over.analyze(question, None)
    assert (query.intent, query.fact) == ("fact", "in_force" if answered else None)
    answer = over.ask(question)
    assert answer.answered is answered, answer.answer
    if answered:
        _, kind, quote = first_cited(answer)
        assert kind == "passage" and quote == "Denna taxa träder i kraft 2026-09-01.", quote


def test_a_topic_beside_an_in_force_question_keeps_it_a_content_question():
    titles = frozenset(fold(t) for t in terms("Taxa för Sagoby kommuns allmänna VA-anläggning"))
    question = "Från vilket datum gäller de nya avgifterna för dagvatten?"
    topic = {t for t in terms(question) if t not in terms("från vilket datum gäller")}
    assert intent_of(fold(question), topic, 0, titles) == ("fact", "in_force")
    assert intent_of(fold("Vad kostar dagvatten?"), {"kost", "dagvatt"}, 0, titles) == (
        "fact",
        None,
    )


def test_whom_to_call_is_answered_from_the_service_desks_own_line(tmp_path, e5):
    text = TAXA + "\nKontakta oss\n\nSagoby Vatten AB\n\nKundservice: 0771-25 26 27\n"
    over = assistant_over_texts(tmp_path, {"va-taxa.txt": text}, e5)
    answer = over.ask("Vem ska jag ringa om jag har frågor om taxan?")
    assert answer.answered, answer.answer
    _, kind, quote = first_cited(answer)
    assert kind == "passage" and quote == "Kundservice: 0771-25 26 27", quote


GUIDE = (
    "# Riktlinjer för publicering av källkod\n\n"
    + "\n\n".join(
        f"## {thing.capitalize()}\n\nKällkoden ska granskas med avseende på {thing} innan den "
        f"publiceras, och granskningen ska dokumenteras i ärendet."
        for thing in ["säkerhet", "licenser", "personuppgifter", "kvalitet"]
    )
    + "\n\n## \nCopyright (c) 2021 Sjöby kommun\n"
)


@pytest.mark.parametrize(
    "question", ["What year is this guideline from?", "Från vilket år är riktlinjerna?"]
)
def test_the_year_of_a_text_without_a_date_line_is_its_copyright_line(tmp_path, e5, question):
    answer = answered_over(tmp_path, {"riktlinjer.md": GUIDE}, e5, question)
    assert answer.citations[0].quote == "Copyright (c) 2021 Sjöby kommun"
    assert answer.citations[0].passage.kind == "passage"  # the line itself, not the card


SAMVERKAN = (
    "Avtal mellan Norrstads vårdnämnd och Sjöby kommun avseende samverkan vid mottagningen\n\n"
    + "".join(
        _clause(n, topic)
        for n, topic in enumerate(
            ["inriktning", "tillgänglighet", "bemötande", "lokaler", "uppföljning", "ekonomi"],
            start=2,
        )
    )
    + "8. Avtalsparter\n\nAvtalsparter är Region Norrstad genom Norrstads vårdnämnd, org. nr "
    "232100-0000, och Sjöby kommun, org. nr 212000-0000, nedan kallad kommunen.\n"
)


@pytest.mark.parametrize(
    "question",
    ["Vilka parter har ingått avtalet om mottagningen?", "Vilka är parterna i avtalet?"],
)
def test_the_parties_are_quoted_from_the_texts_own_line_not_the_title(tmp_path, e5, question):
    # The card names the parties read off the title; the text's own "Avtalsparter är …" is
    # quoted, found by the search or not.
    over = assistant_over_texts(tmp_path, {"avtal.txt": SAMVERKAN}, e5)
    asked = over.ask(question)
    assert asked.answered, asked.answer
    _, kind, quote = first_cited(asked)
    assert kind == "passage" and quote.startswith("Avtalsparter är Region Norrstad"), quote
    from assistant.document_facts import states_parties

    assert states_parties("Parter: Sjöby kommun och Region Norrstad")
    assert states_parties("The parties to this agreement are Sjöby and Norrstad.")
    assert not states_parties("Båda parter åtar sig att utveckla mottagningen.")


def test_a_compound_of_two_known_words_counts_as_known_for_the_in_force_gate():
    from assistant.analyze import QueryAnalyzer

    vocabulary = {"information", "regl", "bolag"}
    analyzer = QueryAnalyzer([], [], knows=lambda t: t in vocabulary)
    assert analyzer._joined_known("informationsregl")
    assert analyzer._joined_known("informationregl")
    assert not analyzer._joined_known("skolplikt")
    assert not analyzer._joined_known("informationsplikt")


def test_a_compound_of_title_words_names_the_document_and_came_is_took_effect():
    titles = frozenset(fold(t) for t in terms("Föreskrifter om information som gäller försäkring"))

    def intent(question: str) -> tuple[str, str | None]:
        topic = {t for t in terms(question) if t not in terms("när vilka de om")}
        return intent_of(fold(question), topic, 0, titles)

    # "försäkringsinformation": "försäkring" + s + "information", both the title's words
    asked = "När fattades beslut om de här reglerna om försäkringsinformation?"
    assert intent(asked) == ("document_fact", "adoption")
    assert intent("När fattades beslut om de här reglerna om bilförsäkring?")[0] == "fact"
    # "när de nya reglerna kom": when the text came, the older ones stopped applying
    came = "Vilka tidigare föreskrifter slutade gälla när de nya reglerna kom?"
    assert intent(came) == ("document_fact", "replaces")

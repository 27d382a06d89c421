"""When a document's one-word name in a question names the document and when it is the topic.

The documents are fictional ones written here: a FAQ corpus whose files are named by their topic
("bygglov.md", "altan-staket-plank.md") beside a policy and a law named by one word of a kind of
document, so every expectation can be checked by reading this file.
"""

from __future__ import annotations

import pytest

from assistant.analyze import QueryAnalyzer
from assistant.document_names import DocumentBook, DocumentName
from assistant.folding import fold

BYGGLOV = "bygglov.md"
ALTAN = "altan-staket-plank.md"
POLICY = "kostpolicy.pdf"
LAW = "sfs-2013-801-bibliotekslag.md"
DOCUMENTS = [
    DocumentName.of(BYGGLOV, "Byggfrågor: Bygglov", []),
    DocumentName.of(ALTAN, "Byggfrågor: Altan staket plank", []),
    DocumentName.of(POLICY, "Kostpolicy", []),
    DocumentName.of(LAW, "Bibliotekslag (2013:801)", []),
]
BOOK = DocumentBook(DOCUMENTS)


@pytest.mark.parametrize(
    "question",
    [
        "Krävs bygglov för altan?",
        "Vad är bygglov?",
        "Hur lång tid tar det att få bygglov?",
        "Do I need bygglov for a deck?",
        # A capital that starts a sentence is no proper name.
        "Bygglov för altan, krävs det? Bygglov tar tid.",
    ],
)
def test_a_one_word_file_name_without_a_cue_is_a_topic_not_a_name(question):
    assert BOOK.named(fold(question), question) == []
    # The word stays in what is searched for; the document it names is only preferred.
    assert BOOK.without_names(question) == question
    assert BYGGLOV in BOOK.preferred(fold(question))


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("Enligt bygglov, krävs det något för en altan?", BYGGLOV),
        ("Vad står det i bygglov om altaner?", BYGGLOV),
        ("Vad säger bygglov om altaner?", BYGGLOV),
        ('Vad gäller enligt "bygglov" för altaner?', BYGGLOV),
        ("Vad säger bygglov-dokumentet om altaner?", BYGGLOV),
        ("According to bygglov, is a deck allowed?", BYGGLOV),
        ("I bygglov.md, vad gäller för altaner?", BYGGLOV),
        ("Krävs bygglov för altan enligt altan-staket-plank?", ALTAN),
        # Written as a proper name: a capital inside the sentence.
        ("Hur mycket kostar Bygglov för en altan?", BYGGLOV),
        ("What does the Bygglov page say about decks?", BYGGLOV),
        # A name that is itself a kind of document names it wherever it stands.
        ("Hur ofta serveras fisk i kostpolicy?", POLICY),
        ("Vad säger kostpolicyn om fisk?", POLICY),
        ("Vad säger bibliotekslagen om fjärrlån?", LAW),
    ],
)
def test_a_name_with_a_cue_names_its_document(question, source):
    assert BOOK.named(fold(question), question) == [source]


def test_a_named_word_leaves_the_search_text_and_a_topic_word_stays():
    analyzer = QueryAnalyzer(DOCUMENTS, [])
    topic = analyzer.analyze("Krävs bygglov för altan?")
    assert topic.documents == () and set(topic.prefer) == {BYGGLOV, ALTAN}
    assert "bygglov" in topic.topic_terms and "bygglov" in topic.folded
    named = analyzer.analyze("Vad står det i bygglov om altaner?")
    assert named.documents == (BYGGLOV,) and "bygglov" not in named.folded


def test_a_file_names_words_point_at_its_document_when_the_title_leaves_them_out():
    # The title read from the text ("Projektledare inom IT") does not say whose call-off it
    # is; the file name does. A question naming the owner prefers that document.
    own = "upphandling-projektledare-sjobyhem.txt"
    other = "upphandling-boendeapp-norrbo.txt"
    book = DocumentBook(
        [
            DocumentName.of(own, "Projektledare inom IT och verksamhetsutveckling", []),
            DocumentName.of(other, "Boendeapp för hyresgäster", []),
        ]
    )
    assert book.preferred(fold("Hur länge gäller Sjöbyhems kontrakt?")) == [own]
    assert book.preferred(fold("Hur länge gäller kontraktet för Norrbo?")) == [other]
    # Words both file names share point at neither in particular.
    assert book.preferred(fold("Vad gäller för upphandlingen?")) == []

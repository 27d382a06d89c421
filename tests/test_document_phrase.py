"""phrase_documents: which document a name by kind and topic fits (tiny exact cases)."""

from assistant.document_phrase import phrase_documents

TITLES = {
    "cykel.md": frozenset({"cykel", "cykelhjalm", "hemtjanst"}),
    "timmar.md": frozenset({"pers", "ass", "lss", "sol", "inkop", "timm"}),
    "bemanning.md": frozenset({"bemanningspolicy"}),
}


def test_a_title_word_counts_once_and_one_word_of_a_long_description_names_nothing():
    # "home" and "care" both render "hemtjänst": one title word, one of seven name words.
    phrase = {"routin", "personal", "assistanc", "buying", "hom", "car", "hour"}
    rendered = {"hom": {"hemtjanst"}, "car": {"hemtjanst"}, "hour": {"timm"}, "routin": {"rutin"}}
    assert phrase_documents(phrase, TITLES, rendered) == []


def test_a_short_name_sharing_a_title_word_names_its_document():
    # "Botkyrka's staffing policy": one word of three is the title's ("policy" in a compound).
    assert phrase_documents({"botkyrka", "staffing", "policy"}, TITLES, {}) == ["bemanning.md"]


def test_a_name_every_document_fits_as_well_chooses_nothing():
    titles = {"a.md": frozenset({"rutin"}), "b.md": frozenset({"rutin"})}
    assert phrase_documents({"routin"}, titles, {"routin": {"rutin"}}) == []


def test_a_compound_of_topic_and_kind_names_the_document_whose_title_has_the_topic():
    from assistant.document_phrase import document_phrase

    titles = frozenset({"rutin", "avvik", "kommunal", "sjukvård"})
    asked = "vem ar ansvarig for avvikelserutinen?"
    assert {"avvik", "avvikelserutin"} <= document_phrase(asked, titles, lambda w: False)
    # a compound whose first part is no title's word names nothing
    assert document_phrase("vem ar ansvarig for kulturrutinen?", titles, lambda w: False) == set()


def test_a_name_of_another_kind_than_every_title_names_no_document():
    from assistant.document_phrase import document_phrase

    # the plan refers to a policy: "Sagobys policy för digitalisering" is not the plan
    titles = frozenset({"stadsledningskontor", "digitaliseringsplan"})
    other = "vilket datum antog fullmaktige sagobys policy for digitalisering och it?"
    assert document_phrase(other, titles, lambda w: False) == set()
    # its own kind names it, a compound of topic and kind too
    assert document_phrase("vem antog planen for digitalisering?", titles, lambda w: False)
    own = "vilket diarienummer har anvisningen om digitaliseringsplanen?"
    assert document_phrase(own, titles, lambda w: False)
    # a title without any kind word cannot tell: the topic word still names it
    plain = frozenset({"delegering", "beslutanderatt"})
    assert document_phrase("nar antogs policyn for delegering?", plain, lambda w: False)


def test_guidelines_a_bill_discusses_are_not_the_bill():
    from assistant.document_phrase import document_phrase

    # "Prop. 2012/13:144 Sjöfartsstödets inriktning": a bill is a kind of its own
    titles = frozenset({"prop", "2012", "13", "144", "sjofartsstod", "inriktning"})
    asked = "fran vilket ar ar eu:s nuvarande riktlinjer for statsstod till sjofart?"
    assert document_phrase(asked, titles, lambda w: False) == set()
    # the bill itself, named by its kind, is still the document
    assert document_phrase("nar beslutades propositionen om sjofartsstodet?", titles, str.isdigit)


def test_an_adjective_between_owner_and_kind_still_names_the_document():
    from assistant.document_phrase import document_phrase

    titles = frozenset({"kontinuitetshantering", "regional", "rutin"})
    asked = "vem har godkant vgr:s regionala rutin for kontinuitetshantering av is/it-tjanster?"
    named = document_phrase(asked, titles, lambda w: w == "godkant")
    assert {"regional", "rutin", "kontinuitetshantering"} <= named
    # a bare kind after an adjective without an owner is a topic's ("stora plan")
    assert document_phrase("vad sager den stora plan om parker?", titles, lambda w: False) == set()

"""A regulation named by its designation is answered only by a sentence naming it
(``assistant.designations``): tiny exact inputs through ``absent_kind``."""

from __future__ import annotations

from types import SimpleNamespace

from assistant.absent_kind import absent_kind
from assistant.designations import designations
from tests.helpers import asked

ENTRY = (
    "Dessa föreskrifter träder i kraft den 1 april 2012, då Verkets föreskrifter (VFS 2011:35) "
    "om information ska upphöra att gälla."
)
REFERENCE = (
    "Företaget ska lämna information om placeringsriktlinjer enligt Verkets föreskrifter "
    "(VFS 2011:16) om placeringsriktlinjer."
)


def _read(*sentences: str, source: str = "vfs-2011-39-information.txt", title: str = "") -> list:
    return [
        SimpleNamespace(
            text=s,
            score=1.0 - i / 10,
            passage=SimpleNamespace(text=s, kind="text", section="", source=source, title=title),
        )
        for i, s in enumerate(sentences)
    ]


def test_designations_are_read_with_and_without_spaces():
    assert designations("När trädde FFFS 2011:16 och SFS2010:2043 i kraft?") == [
        ("2011", "16"),
        ("2010", "2043"),
    ]
    assert designations("Vad gäller enligt 2 § lagen?") == []


def test_another_regulations_designation_is_absent_from_this_texts_entry_line():
    question = asked("När trädde VFS 2011:16 i kraft?")
    assert absent_kind(question, _read(ENTRY)) == "name"
    # the sentence naming it (its number, the series left out as laws are cited) answers
    assert absent_kind(question, _read(ENTRY, REFERENCE)) is None
    assert absent_kind(asked("När upphörde VFS 2011:35 att gälla?"), _read(ENTRY)) is None


def test_the_texts_own_designation_names_the_text_itself():
    own = asked("När trädde VFS 2011:39 i kraft?")
    assert absent_kind(own, _read(ENTRY)) is None
    titled = _read(ENTRY, source="information.txt", title="Verkets föreskrifter (VFS 2011:39)")
    assert absent_kind(own, titled) is None
    assert absent_kind(own, _read(ENTRY, source="information.txt")) == "name"

"""A quoted sentence that marks a footnote ("unga[1]") is cited with that note when retrieved."""

import numpy as np

from assistant.candidates import Candidate, notes_of
from assistant.results import Passage

BODY = "Regionen erbjuder scenkonst för barn och unga[1]. Grupperna får ersättning."
SENTENCE = "Regionen erbjuder scenkonst för barn och unga[1]."


def _passage(pid: str, text: str, source: str = "a.pdf", note_of: str = "") -> Passage:
    return Passage(pid, source, "A", 1, "", text, 0.9, footnote_of=note_of)


def test_the_marked_note_is_cited_once_and_only_from_the_same_document():
    body = _passage("b", BODY)
    note = _passage("n", "1 Med barn och unga avses personer under 19 år.", note_of=SENTENCE)
    other = _passage("o", "1 Annan not.", source="b.pdf", note_of=SENTENCE)
    unrelated = _passage("u", "2 Gäller resor.", note_of="Grupperna får ersättning.")
    cand = Candidate(body, 0, len(SENTENCE), 1.0, 0.9, np.zeros(2))
    picks = notes_of([cand, cand], [body, note, other, unrelated])
    assert [(p.passage.id, p.start, p.end) for p in picks] == [("n", 0, len(note.text))]


def test_a_sentence_without_a_marker_takes_no_note():
    body = _passage("b", BODY)
    note = _passage("n", "1 Not.", note_of=SENTENCE)
    start = BODY.index("Grupperna")
    cand = Candidate(body, start, len(BODY), 1.0, 0.9, np.zeros(2))
    assert notes_of([cand], [body, note]) == []

"""A form's tick boxes joined to the rows they answer (``ingest.tickboxes``), on invented forms."""

from __future__ import annotations

from assistant.ingest.layout import lay_out_pages


def _texts(page: str) -> list[str]:
    lay = lay_out_pages([page])
    return [lay.pages[0][u.start : u.end] for u in lay.units]


def test_each_criterion_carries_its_labelled_boxes_first():
    # Word exports a tick-box table one cell a line: the criterion read as a statement of the
    # text ("Data förs över till tredje land."), the boxes as empty lines.
    page = (
        "Bedömning\n"
        "Kriterier\n"
        "Ja\n"
        "Nej\n"
        "Data förs över till tredje land.\n"
        "☐\n"
        "☒\n"
        "Behandling av känsliga personuppgifter\n"
        "☒\n"
        "☐\n"
    )
    texts = _texts(page)
    assert "[Ja ☐ Nej ☒] Data förs över till tredje land." in texts
    # a criterion without a full stop is a row, not a heading of the next one
    assert "[Ja ☒ Nej ☐] Behandling av känsliga personuppgifter" in texts
    assert "Ja" not in texts and "☐" not in texts


def test_boxes_without_a_header_keep_their_marks_and_a_wrapped_row_opens_with_them():
    page = (
        "Kontrollera följande punkter innan ansökan skickas in till nämnden.\n\n"
        "Ritningar över samtliga plan och fasader har\n"
        "bifogats ansökan.\n"
        "☒\n"
    )
    assert "[☒] Ritningar över samtliga plan och fasader har bifogats ansökan." in _texts(page)


def test_option_words_without_boxes_stay_and_nothing_is_bracketed():
    page = "Bakgrund\nJa\nNej\nKommunen ska svara inom en vecka.\n"
    joined = " ".join(_texts(page))
    assert "Ja" in joined.split() and "Nej" in joined.split()
    assert "[" not in joined

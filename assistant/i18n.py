"""The UI's two languages in one place: every text a user can see (``TEXTS``), the language a
visitor gets (``pick_language``), and what an engine error says to them (``error_message``).

Engine exceptions carry English messages written for operators (they name the command that fixes
things); a visitor sees the message for the exception's type in the UI's language instead, so a
Swedish page never shows an English error.
"""

from __future__ import annotations

from .errors import (
    ChromaUnavailableError,
    CorpusNotFoundError,
    DocumentNotFoundError,
    EmbeddingModelError,
    IndexBusyError,
    IndexModelMismatchError,
    IndexNotFoundError,
)
from .question_text import MAX_QUESTION_CHARS, InvalidQuestionError
from .ratelimit import Limited

__all__ = ["LANGUAGES", "TEXTS", "error_key", "error_message", "pick_language", "t"]

LANGUAGES = ("sv", "en")

TEXTS: dict[str, dict[str, str]] = {
    "sv": {
        "title": "Avtalsassistenten",
        "subtitle": "Ställ en fråga om avtalstexterna. Varje svar citerar meningen det bygger på, "
        "med dokument, sida och avsnitt – eller säger rakt ut att texterna inte svarar.",
        "widget_title": "Fråga om avtalen",
        "widget_intro": "Svaren citerar avtalstexten ordagrant, med sida och avsnitt.",
        "sources": "Källor",
        "source": "Källa",
        "no_answer": "Inget svar i texterna.",
        "related": "Närliggande ställen – inte källor till ett svar",
        "page": "s.",
        "page_word": "Sida",
        "of": "av",
        "card": "dokumentuppgifter",
        "show_in_document": "Visa i dokumentet",
        "searching": "Söker i avtalstexterna …",
        "error": "Det gick inte att svara",
        "all_documents": "Alla dokument",
        "document": "Dokument",
        "document_info": "Sök i alla dokument eller bara i ett.",
        "question": "Fråga",
        "placeholder": "Skriv en fråga, t.ex. ”Vad gör regionen inom Skapande skola?”",
        "send": "Fråga",
        "clear": "Rensa",
        "examples": "Exempelfrågor",
        "language": "Språk",
        "chat": "Chatt",
        "chat_label": "Samtal",
        "empty_chat": "Ställ en fråga om avtalstexterna. Klicka på [1], [2] … i svaret för att se "
        "källan, och på ”Visa i dokumentet” för att läsa hela sidan.",
        "whole_document": "Visa hela dokumentet",
        "only_page": "Visa bara sidan",
        "previous_page": "← Föregående sida",
        "next_page": "Nästa sida →",
        "close": "Stäng",
        "new_tab": "Öppna i ny flik",
        "viewer": "Källvisare",
        "quoted": "Citerad mening",
        "related_passage": "Närliggande ställe",
        "not_found": "Dokumentet finns inte i indexet.",
        "unknown_document": "Okänt dokument: {name}. Frågorna gäller alla dokument.",
        "fixed_document": "Frågor om: {title}",
        "help": "**Så läser du svaren**\n\n"
        "- Svaret citerar avtalstexten ordagrant; `[1]` leder till källan.\n"
        "- Under *Källor* står dokument, sida och avsnitt, med den citerade meningen markerad.\n"
        "- *Visa i dokumentet* öppnar hela sidan med meningen markerad.\n"
        "- När texterna inte svarar säger assistenten det och visar närliggande ställen.\n"
        "- Tumme upp eller ned under ett svar sparas som återkoppling till personalen.",
        "admin": "Administration",
        "admin_intro": "Ladda upp ett avtal (.txt, .md, .pdf, .docx) till korpusen och indexera "
        "om. Bara nya eller ändrade filer bäddas in.",
        "password": "Administratörslösenord",
        "upload": "Avtalsfil",
        "upload_button": "Ladda upp och indexera",
        "wrong_password": "Fel lösenord.",
        "no_file": "Välj en fil att ladda upp.",
        "indexing": "Indexerar {source} …",
        "indexed": "Klart",
        "mode_note": "Formulerat av en språkmodell utifrån citaten nedan.",
        "statement": "Tillgänglighetsredogörelse",
        "thanks": "Tack för återkopplingen!",
        "err_index_missing": "Assistenten har inget sökindex ännu. Personalen behöver bygga det "
        "(kommandot assistant index).",
        "err_index_mismatch": "Sökindexet är byggt med en annan modell. Personalen behöver bygga "
        "om det (assistant index --rebuild).",
        "err_index_busy": "Sökindexet byggs om just nu. Försök igen om en stund.",
        "err_store_down": "Sökindexet svarar inte just nu. Försök igen om en stund; kvarstår "
        "felet behöver personalen starta databasservern.",
        "err_model": "Språkmodellen för sökningen kunde inte laddas. Personalen behöver kontrollera "
        "inställningen ASSISTANT_EMBEDDING_MODEL.",
        "err_corpus": "Det finns inga avtalstexter att söka i. Personalen behöver lägga in texter.",
        "err_unknown_document": "Dokumentet finns inte bland avtalstexterna. Välj ett annat "
        "dokument eller sök i alla.",
        "err_invalid_question": "Skriv en fråga med text, högst {max} tecken.",
        "err_rate": "Många frågor just nu. Försök igen om {seconds} s.",
        "err_unexpected": "Något gick fel när frågan skulle besvaras. Försök igen; kvarstår felet, "
        "kontakta personalen.",
    },
    "en": {
        "title": "Agreement assistant",
        "subtitle": "Ask a question about the agreement texts. Every answer quotes the sentence it "
        "rests on, with document, page and section – or says plainly that the texts do not say.",
        "widget_title": "Ask about the agreements",
        "widget_intro": "Answers quote the agreement text verbatim, with page and section.",
        "sources": "Sources",
        "source": "Source",
        "no_answer": "No answer in the texts.",
        "related": "Related passages – not sources of an answer",
        "page": "p.",
        "page_word": "Page",
        "of": "of",
        "card": "document details",
        "show_in_document": "Show in document",
        "searching": "Searching the agreement texts …",
        "error": "Could not answer",
        "all_documents": "All documents",
        "document": "Document",
        "document_info": "Search all documents or just one.",
        "question": "Question",
        "placeholder": "Type a question, e.g. “What did Ludvika commit to regarding "
        "elevkulturombud?”",
        "send": "Ask",
        "clear": "Clear",
        "examples": "Example questions",
        "language": "Language",
        "chat": "Chat",
        "chat_label": "Conversation",
        "empty_chat": "Ask a question about the agreement texts. Click [1], [2] … in an answer to "
        "see its source, and “Show in document” to read the whole page.",
        "whole_document": "Show the whole document",
        "only_page": "Show only the page",
        "previous_page": "← Previous page",
        "next_page": "Next page →",
        "close": "Close",
        "new_tab": "Open in new tab",
        "viewer": "Source viewer",
        "quoted": "Quoted sentence",
        "related_passage": "Related passage",
        "not_found": "The document is not in the index.",
        "unknown_document": "Unknown document: {name}. Questions cover all documents.",
        "fixed_document": "Questions about: {title}",
        "help": "**How to read the answers**\n\n"
        "- The answer quotes the agreement text verbatim; `[1]` leads to its source.\n"
        "- *Sources* give document, page and section, with the quoted sentence highlighted.\n"
        "- *Show in document* opens the whole page with the sentence highlighted.\n"
        "- When the texts do not answer, the assistant says so and shows related passages.\n"
        "- Thumbs up or down under an answer is saved as feedback for the staff.",
        "admin": "Administration",
        "admin_intro": "Upload an agreement (.txt, .md, .pdf, .docx) into the corpus and re-index. "
        "Only new or changed files are embedded.",
        "password": "Admin password",
        "upload": "Agreement file",
        "upload_button": "Upload and re-index",
        "wrong_password": "Wrong password.",
        "no_file": "Choose a file to upload.",
        "indexing": "Indexing {source} …",
        "indexed": "Done",
        "mode_note": "Worded by a language model from the quotes below.",
        "statement": "Accessibility statement (in Swedish)",
        "thanks": "Thank you for the feedback!",
        "err_index_missing": "The assistant has no search index yet. Staff need to build it "
        "(the command assistant index).",
        "err_index_mismatch": "The search index was built with another model. Staff need to "
        "rebuild it (assistant index --rebuild).",
        "err_index_busy": "The search index is being rebuilt right now. Please try again shortly.",
        "err_store_down": "The search index does not answer right now. Please try again shortly; "
        "if it persists, staff need to start the database server.",
        "err_model": "The language model for searching could not be loaded. Staff need to check "
        "the setting ASSISTANT_EMBEDDING_MODEL.",
        "err_corpus": "There are no agreement texts to search. Staff need to add texts.",
        "err_unknown_document": "The document is not among the agreement texts. Choose another "
        "document or search all of them.",
        "err_invalid_question": "Type a question as text, at most {max} characters.",
        "err_rate": "Many questions right now. Please try again in {seconds} s.",
        "err_unexpected": "Something went wrong while answering. Please try again; if it "
        "persists, contact the staff.",
    },
}


def t(lang: str, key: str, **values: object) -> str:
    """A UI text in ``lang`` (Swedish when unknown), with ``{name}`` fields filled in."""
    text = TEXTS.get(lang, TEXTS["sv"]).get(key) or TEXTS["sv"][key]
    return text.format(**values) if values else text


def pick_language(requested: str | None = None, accept_language: str | None = None) -> str:
    """'sv' or 'en': an explicit choice, else the browser's first of the two, else Swedish."""
    if requested and requested[:2].lower() in LANGUAGES:
        return requested[:2].lower()
    ranked = []
    for i, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        ranked.append((-q, i, tag.strip()[:2].lower()))
    for _, _, code in sorted(ranked):
        if code in LANGUAGES:
            return code
    return "sv"


# Most specific first: an exception is shown with the first entry it is an instance of.
_ERROR_KEYS: tuple[tuple[type[BaseException], str], ...] = (
    (InvalidQuestionError, "err_invalid_question"),
    (DocumentNotFoundError, "err_unknown_document"),
    (IndexBusyError, "err_index_busy"),
    (IndexModelMismatchError, "err_index_mismatch"),
    (IndexNotFoundError, "err_index_missing"),
    (ChromaUnavailableError, "err_store_down"),
    (EmbeddingModelError, "err_model"),
    (CorpusNotFoundError, "err_corpus"),
)


def error_key(exc: BaseException) -> str:
    """The ``TEXTS`` key for what went wrong (``err_unexpected`` for anything unforeseen)."""
    if isinstance(exc, Limited):  # the per-client bucket or the shared slots: wait and retry
        return "err_rate"
    return next((key for cls, key in _ERROR_KEYS if isinstance(exc, cls)), "err_unexpected")


def error_message(exc: BaseException, lang: str) -> str:
    """What a user reading ``lang`` is told about ``exc`` (never the raw English text)."""
    seconds = getattr(exc, "retry_after", 1)
    return t(lang, error_key(exc), max=MAX_QUESTION_CHARS, seconds=seconds)

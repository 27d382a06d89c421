"""Settings: one pydantic object, read from ``ASSISTANT_*`` environment variables and passed in."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings"]


class Settings(BaseSettings):
    """Everything that shapes indexing and answering. Each field is ``ASSISTANT_<NAME>`` in the env."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="ignore")

    corpus_dir: Path = Field(Path("corpus"), description="Folder with the agreement texts.")
    index_dir: Path = Field(Path("index"), description="Folder of the embedded Chroma store.")
    embedding_model: str = Field(
        "e5-small-q4",
        description="'e5-small-q4' (bundled, offline) or 'sentence-transformers:<name-or-path>'.",
    )
    st_query_prompt: str = Field(
        "", description="Prefix for queries with a sentence-transformers model (e.g. 'query: ')."
    )
    st_passage_prompt: str = Field(
        "", description="Prefix for passages with a sentence-transformers model (e.g. 'passage: ')."
    )
    chroma_url: str | None = Field(
        None, description="URL of a `chroma run` server; unset means the embedded store."
    )
    chroma_timeout: float = Field(
        20.0, gt=0, description="Seconds to wait for a Chroma server before reporting it down."
    )
    collection_prefix: str = Field("avtal", description="Prefix of the Chroma collection names.")
    top_k: int = Field(5, ge=1, le=50, description="Passages returned by search.")
    candidates: int = Field(30, ge=5, le=200, description="Candidates each retriever proposes.")
    bm25_weight: float = Field(
        0.03,
        ge=0.0,
        le=1.0,
        description="Weight of word BM25 against dense in the fusion (0 = off).",
    )
    trigram_weight: float = Field(
        0.05,
        ge=0.0,
        le=1.0,
        description="Weight of character-trigram BM25 (parts of compounds) in the fusion (0 = off).",
    )
    translation_weight: float = Field(
        0.5,
        ge=0.0,
        le=1.0,
        description="For a question not in Swedish: weight of its word-by-word Swedish rendering's "
        "vector beside its own in dense retrieval (0 = off).",
    )
    translation_bm25_weight: float = Field(
        0.02,
        ge=0.0,
        le=1.0,
        description="For a question not in Swedish: weight of word BM25 over its Swedish rendering "
        "in the fusion (0 = off; fitted by `python -m bench.fit_retrieval`).",
    )
    translation_trigram_weight: float = Field(
        0.01,
        ge=0.0,
        le=1.0,
        description="For a question not in Swedish: weight of trigram BM25 over its Swedish "
        "rendering in the fusion (0 = off; fitted by `python -m bench.fit_retrieval`).",
    )
    translation_senses: Literal["dictionary", "by_use"] = Field(
        "by_use",
        description="For a question not in Swedish: which Swedish senses of a word its rendering "
        "keeps: the dictionary's first ones the corpus uses, or the ones the corpus uses most.",
    )
    sentence_weight: float = Field(
        0.3,
        ge=0.0,
        le=1.0,
        description="For a question not in Swedish: weight of a candidate's best sentence cosine "
        "beside its passage cosine when the first candidates are re-scored (0 = off).",
    )
    sentence_candidates: int = Field(
        10, ge=1, le=100, description="Candidates re-scored by their best sentence."
    )
    sentence_weight_sv: float = Field(
        0.0,
        ge=0.0,
        le=1.0,
        description="For a Swedish question: the same best-sentence weight (0 = off; fitted by "
        "`python -m bench.fit_swedish`).",
    )
    dense_keeps_names: bool = Field(
        True,
        description="Embed a question that names a document with the name's words (which "
        "also filter or prefer that document); off = without them (fitted by "
        "`python -m bench.fit_swedish`).",
    )
    lexical_keeps_names: bool = Field(
        True,
        description="Word and trigram BM25 over a question that names a document with the "
        "name's words too (as ``dense_keeps_names`` for its vector; fitted by "
        "`python -m bench.fit_swedish`).",
    )
    hyphen_part_weight: float = Field(
        0.5,
        ge=0.0,
        le=1.0,
        description="Word BM25: weight of a question's hyphen-joined word's parts beside the "
        "whole word ('BBR-krav' also as 'BBR' and 'krav'; fitted by "
        "`python -m bench.fit_swedish`).",
    )
    answer_passages: int = Field(4, ge=1, le=20, description="Top passages read for an answer.")
    answer_threshold: float | None = Field(
        None,
        ge=0.0,
        le=1.0,
        description="Probability under which the assistant abstains; unset = the threshold "
        "fitted with the decision model (assistant/data/decision.json, `make fit`).",
    )
    refuse_named_elsewhere: bool = Field(
        True,
        description="Refuse when a name the question uses stands in another document and in none "
        "of the documents the answer would cite ('Sundsvall's food policy' answered from "
        "Botkyrka's): elsewhere.py.",
    )
    refuse_absent_time: bool = Field(
        True,
        description="Refuse a 'när/when' question whose best sentence holds no time "
        "(absent_kind.py). Off until the thirty-first session: in the ninth it refused 4 right "
        "answers on unseen sets; with the later condition, situation and rescue readings it "
        "refused 5 unanswerable questions and one wrongly cited answer and no right answer over "
        "the suite and 13 read held-out sets (README 'Answer or refuse', thirty-first session).",
    )
    llm: str | None = Field(
        None,
        description="Optional chat model for generative answers, e.g. 'openai:<model>' or "
        "'ollama:<model>'; unset means extractive answers only (no network).",
    )
    llm_base_url: str | None = Field(
        None, description="Base URL of an OpenAI-compatible or Ollama server."
    )
    llm_timeout: float = Field(30.0, gt=0, description="Seconds to wait for the chat model.")
    embed_batch_size: int = Field(32, ge=1, le=1024, description="Texts per embedding batch.")

    # --- serving: chat, widget and HTTP API (assistant serve / app.py) ---------------------------
    host: str = Field("127.0.0.1", description="Address `assistant serve` listens on.")
    port: int = Field(7860, ge=1, le=65535, description="Port `assistant serve` listens on.")
    admin_password: SecretStr | None = Field(
        None, description="Password of the staff admin tab (upload and re-index); unset = no admin."
    )
    feedback_db: Path | None = Field(
        None, description="SQLite file for 👍/👎 feedback; unset = <index_dir>/feedback.sqlite3."
    )
    organisation: str | None = Field(
        None, description="Who publishes the service (named in the accessibility statement)."
    )
    accessibility_contact: str | None = Field(
        None, description="E-mail address or URL for accessibility feedback (statement page)."
    )
    allowed_origins: str = Field(
        "*",
        description="Comma-separated origins that may embed the widget and call the API "
        "cross-origin (e.g. 'https://www.ludvika.se'); '*' = any site.",
    )

    rate_limit_per_minute: float = Field(
        20.0,
        ge=0,
        description="Questions per minute one address may ask through the widget and the API "
        "(0 = no limit); staff have their own limit.",
    )
    rate_limit_burst: int = Field(5, ge=1, description="Questions one address may ask at once.")
    public_concurrency: int = Field(
        2,
        ge=1,
        description="Widget/API questions answered at once; the rest of the machine "
        "stays free for staff.",
    )

    # --- the staff surface (sign-in, its own port) and privacy (see README "Deploying it") -------
    staff_host: str = Field(
        "127.0.0.1", description="Address the staff app (chat, admin) listens on."
    )
    staff_port: int = Field(7861, ge=1, le=65535, description="Port of the staff app.")
    users_file: Path | None = Field(
        None, description="Staff accounts (argon2 hashes); unset = <index_dir>/users.json."
    )
    session_secret: SecretStr | None = Field(
        None,
        description="Key that signs staff session cookies; unset = a random key kept in "
        "<index_dir>/session.key.",
    )
    session_hours: float = Field(8.0, gt=0, description="Hours a staff sign-in lasts.")
    session_secure: bool = Field(
        False, description="Send the session cookie over HTTPS only (set it behind TLS)."
    )
    trusted_proxies: str = Field(
        "",
        description="Comma-separated addresses or networks of reverse proxies whose "
        "X-Forwarded-For and single-sign-on header are believed; empty = none.",
    )
    sso_header: str = Field(
        "",
        description="Header a trusted proxy sets to the signed-in staff user (e.g. "
        "'X-Remote-User'); empty = built-in sign-in only.",
    )
    login_max_failures: int = Field(
        5, ge=1, description="Failed sign-ins (per address or account) before a lockout."
    )
    login_lockout_minutes: float = Field(
        15.0, gt=0, description="Minutes an address or account stays locked out."
    )
    staff_rate_limit_per_minute: float = Field(
        120.0, ge=0, description="Requests per minute one staff user may make (0 = no limit)."
    )
    staff_rate_limit_burst: int = Field(30, ge=1, description="Staff requests at once.")
    public_requests_per_minute: float = Field(
        120.0,
        ge=0,
        description="Any requests per minute one address may send to the widget's Gradio API "
        "(page loads, votes, questions); questions have the tighter limit above.",
    )
    max_upload_mb: float = Field(
        20.0, gt=0, description="Largest file the admin tab accepts, in MB."
    )
    audit_log: Path | None = Field(
        None,
        description="JSON-lines log of staff sign-ins and admin actions; unset = "
        "<index_dir>/audit.jsonl.",
    )
    default_visibility: str = Field(
        "public",
        pattern="^(public|internal)$",
        description="Visibility of a document without a sidecar 'visibility' or an "
        "internal/ folder: 'public' (widget and public API) or 'internal' (staff only).",
    )
    store_widget_feedback: bool = Field(
        False,
        description="Store the widget's 👍/👎 with the visitor's question (off: the widget "
        "stores nothing about visitors).",
    )
    feedback_retention_days: int = Field(
        90, ge=1, description="Days feedback is kept; older rows are deleted."
    )

    as_of: date | None = Field(
        None,
        description="Date (YYYY-MM-DD) validity is judged on: which documents are in force, "
        "expired or superseded; unset = today, read at each use.",
    )

    @property
    def as_of_date(self) -> date:
        """``as_of``, or today (a server running past midnight moves with the date)."""
        return self.as_of or date.today()

    @property
    def users_path(self) -> Path:
        return self.users_file or self.index_dir / "users.json"

    @property
    def audit_path(self) -> Path:
        return self.audit_log or self.index_dir / "audit.jsonl"

    @property
    def proxies(self) -> list[str]:
        return [p.strip() for p in self.trusted_proxies.split(",") if p.strip()]

    @property
    def feedback_path(self) -> Path:
        """Where feedback is stored: ``feedback_db`` or ``<index_dir>/feedback.sqlite3``."""
        return self.feedback_db or self.index_dir / "feedback.sqlite3"

    @property
    def origins(self) -> list[str]:
        """``allowed_origins`` as a list (``["*"]`` for any site)."""
        found = [o.strip().rstrip("/") for o in self.allowed_origins.split(",") if o.strip()]
        return ["*"] if not found or "*" in found else found

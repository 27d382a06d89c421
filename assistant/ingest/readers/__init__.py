"""One reader per file format; each turns a file into the common ``RawDocument``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..model import RawDocument
from .docx import read_docx
from .pdf import read_pdf
from .text import read_markdown, read_text

__all__ = ["READERS", "read_docx", "read_markdown", "read_pdf", "read_text"]

READERS: dict[str, Callable[[Path], RawDocument]] = {
    ".txt": read_text,
    ".md": read_markdown,
    ".pdf": read_pdf,
    ".docx": read_docx,
}

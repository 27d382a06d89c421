"""Personal data out of stored text: personnummer, phone numbers and e-mail addresses masked
before feedback or a log line is written.

Masks are coarse on purpose: a date or an amount that looks like a phone number is masked too;
losing a number from a log is cheap, keeping a visitor's personnummer is not.
"""

from __future__ import annotations

import logging
import re

__all__ = ["MaskingFilter", "install_log_masking", "mask"]

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# YYMMDD-NNNN, YYMMDD+NNNN (over 100), YYYYMMDDNNNN, YYYYMMDD-NNNN, YYMMDDNNNN.
_PERSONNUMMER = re.compile(r"(?<!\d)(?:19|20)?\d{6}[-+ ]?\d{4}(?!\d)")
# Phone numbers start with 0 (070-123 45 67, 08-123 456 78) or a country code (+46 70 …,
# 0046 …); dates and amounts do not, so they stay. At least 7 digits in all (checked below).
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\d{1,3}[ \-]?(?:\(0\)[ \-]?)?|0)\d{1,4}(?:[ \-/]?\d{1,4}){1,5}(?![\w])"
)


def _phone(match: re.Match[str]) -> str:
    digits = sum(ch.isdigit() for ch in match.group())
    return "[telefon]" if digits >= 7 else match.group()


def mask(text: str | None) -> str:
    """``text`` with personnummer, e-mail addresses and phone numbers replaced by markers."""
    if not text:
        return text or ""
    text = _EMAIL.sub("[e-post]", text)
    text = _PERSONNUMMER.sub("[personnummer]", text)
    return _PHONE.sub(_phone, text)


class MaskingFilter(logging.Filter):
    """Masks the formatted message of every record that passes (args folded in first)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is logged as it is
            return True
        record.msg, record.args = mask(message), None
        if record.exc_info and record.exc_info[1] is not None:
            # The traceback repeats the question in the exception text: keep only its type.
            record.exc_text = f"{type(record.exc_info[1]).__name__} (details masked)"
            record.exc_info = None
        return True


def install_log_masking() -> None:
    """Mask personal data in every log line this process writes (root and uvicorn handlers)."""
    flt = MaskingFilter()
    for name in ("", "uvicorn", "uvicorn.error", "uvicorn.access", "assistant"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, MaskingFilter) for f in logger.filters):
            logger.addFilter(flt)
        for handler in logger.handlers:
            if not any(isinstance(f, MaskingFilter) for f in handler.filters):
                handler.addFilter(flt)

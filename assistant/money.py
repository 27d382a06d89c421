"""Asking what something costs, and the words a text answers it with: one place for both, read
by the refusal rule for an absent kind of answer (``absent_kind``). A cost asked for ("Vad
kostar …?", "How much is the rent?", "Hur stor budget …?") is answered by a sum of money (or
"kostnadsfritt"), not by a count, a height or a period ("gäller 5-10 år"); a question naming
the currency ("Hur många kronor …?") by a sum in a currency, not by a share.
"""

from __future__ import annotations

import re

__all__ = ["cost_asked", "cost_asked_en", "currency_named", "money_found", "sum_found"]

# A question asking what something costs or pays (folded): its number is a sum of money.
_MONEY_ASKED = re.compile(
    r"\b(?:kosta(?:r|de|t)?|kostnad\w*|pris|priset|avgift\w*|arvode\w*|"
    r"ersattning\w*|taxa\w*|hyra|hyran|hyror\w*|budget\w*|hur mycket pengar)\b|"
    # The sum asked of a named charge or payment, a compound's last part ("Hur hög är
    # sanktionsavgiften …?", "Vad är mätaravgiften …?", "Hur mycket får patienten betala …?"):
    # read only after "hur mycket/hög/stor", "vad är/blir" or "vilket belopp", so "Hur många
    # dagar har jag på mig att betala …?" (a period) or "Vem ska betala …?" are not read so.
    r"\b(?:hur (?:mycket|hog\w*|stor\w*)|vad (?:ar|blir)|vilket belopp)\b.*\b(?:\w*avgift\w*|"
    r"betala\w*|\w*kostnad\w*|\w*pris\w*|\w*ersattning\w*|boter|boten|vite|vitet)\b"
)
# An English question asking what something costs (folded): "How much … cost/pay/fee …?",
# "What does … cost?", "What is the fee …?". Not "What is reverse charge VAT?" (a definition)
# nor "Is there a fee for …?" (yes or no): those are left to the model.
_MONEY_ASKED_EN = re.compile(
    r"^how much\b.*\b(?:cost|costs|pay|paid|price|fee|fees|charge|charged|rent|money|budget)\b|"
    # past and future alike ("What did the storms cost the municipality?")
    # what someone pays too ("What did the municipality pay per kWh for electricity in 2009?")
    r"^what (?:does|do|did|will|would) .*\b(?:cost|pay|charge)\b(?! attention)|"
    r"^(?:what|which) (?:fee|fees|price|rent|budget)\b|"
    # the noun after up to six words ("What is the culture and leisure committee's total
    # operating budget …?")
    r"^(?:what|how much) (?:is|was|will be) (?:the )?(?:[\w']+ ){0,6}?(?:cost|price|fee|fees|"
    r"rent|budget|fine)\b(?! vs| versus| or)|"
    r"^how (?:large|big|high) is the (?:\w+ )?budget\b"
)
# A question naming the currency it wants the answer in ("i kronor", "how many kronor", "SEK").
_CURRENCY_NAMED = re.compile(r"\b(?:kronor|kr|sek|crowns?)\b")
# A sum in a currency (digits and a currency, either order), or "costs nothing": what a question
# naming the currency wants. A share or a base amount ("10 procent", "0,5 prisbasbelopp") is not.
_SUM = re.compile(
    r"\d\.?\s*(?:kr\b|kr\.|kronor)|\d\s*(?:sek\b|tkr|mkr|euro|€|:-)|\b(?:sek|kr|eur)\s*\d|"
    r"\b(?:kostnadsfri\w*|gratis|avgiftsfri\w*|ingen avgift|ingen kostnad)\b",
    re.I,
)
# A sum of money as a text writes it (or none: "kostnadsfritt"), or a share ("2 procent") in a
# sentence naming a fee, a cost or a rate ("Avgiften är 2 procent av …"): a share of pupils
# ("1,5 jämfört med 1,2 procent") answers no "How much does special support cost …?".
_MONEY = re.compile(
    # a stray full stop between the sum and its currency too ("c:a 22 373 235. Kr.")
    r"\d\.?\s*(?:kr\b|kr\.|kronor)|\d\s*(?:sek\b|tkr|mkr|miljon\w*|miljard\w*|euro|€|:-)|"
    r"\b(?:sek|kr|eur)\s*\d|\b(?:kronor|kostnadsfri\w*|gratis|avgiftsfri\w*|ingen avgift|"
    r"ingen kostnad|\w*basbelopp\w*)\b",
    re.I,
)
_SHARE = re.compile(r"\bprocent\b|%|\bpercent\b", re.I)
_COST_WORD = re.compile(
    r"\w*(?:avgift|kostnad|kostar|pris|taxa|ränt|skatt|moms|lön|arvode|ersättning|bidrag|belopp|"
    r"budget|avdrag|rabatt|hyr|besparing|sparkrav|anslag|intäkt|utgift|omsättning)\w*|"
    # a budget frame: "… besparingsåtgärder som motsvarar minst 1 procent av 2026 års ram"
    r"\bram(?:en|ar|arna)?\b|"
    r"\b(?:fees?|costs?|prices?|rates?|interest|charges?|salary|rent|discount|tax|budget)\b",
    re.I,
)


def cost_asked(folded: str) -> bool:
    """Does the (folded) question ask what something costs or pays, in either language's cost
    words ("kostar", "avgift", "hyran", "budget")?"""
    return bool(_MONEY_ASKED.search(folded))


def cost_asked_en(folded: str) -> bool:
    """Does the (folded) English question ask what something costs ("How much … cost?", "What
    is the fee …?")? Not a definition ("What is reverse charge VAT?") nor a yes or no."""
    return bool(_MONEY_ASKED_EN.search(folded.strip()))


def currency_named(folded: str) -> bool:
    """Does the (folded) question name the currency it wants ("i kronor", "SEK")?"""
    return bool(_CURRENCY_NAMED.search(folded))


def sum_found(text: str) -> bool:
    """Does ``text`` (as written) hold a sum in a currency, or say it costs nothing?"""
    return bool(_SUM.search(text))


def money_found(text: str) -> bool:
    """Does ``text`` (as written) hold a sum of money, say it costs nothing, or hold a share
    beside a word naming a fee, a cost or a rate?"""
    return bool(_MONEY.search(text) or (_SHARE.search(text) and _COST_WORD.search(text)))

"""Section numbers of numbered headings ("5.1 Riskvärdering", "§ 13 Avgift"): the number, its
depth among the sections seen so far, and whether a single number is an item of a list read as
headings rather than a section. Read by ``headings.mark_headings``."""

from __future__ import annotations

__all__ = ["list_item", "section_depth", "section_number"]


def section_number(text: str) -> str:
    """A numbered heading's section number: "5.1" of "5.1 Riskvärdering", "13" of "§ 13 …"."""
    return text.lstrip("§ ").split()[0].rstrip(".")


def list_item(number: str, numbers: dict[int, str], run: int, head: int, after: str) -> int:
    """The item number of a numbered heading that is an item of a list restarted below another
    heading ("1." once a numbered section is open, then "2.", "3." …; ``run`` the item before,
    ``after`` the next numbered heading's number), or 0 when it heads a section: the next
    top-level number ("6" inside section 5) unless a heading of that number follows, or a "1."
    with a "1.1" after it (a part of the document numbered from 1 again)."""
    if not number.isdigit() or not head or not numbers or after.split(".")[:2] == [number, "1"]:
        return 0
    n = int(number)
    top = numbers.get(1, "")
    if top.isdigit() and n == int(top) + 1 and after != number:
        return 0  # unless that section's own heading follows ("4. Vården …", "4. Ansvar")
    return n if n == run + 1 else 0


def section_depth(number: str, numbers: dict[int, str]) -> int:
    """A section number's depth ("5.3" is 2), or less where the sections above it are not the
    last ones seen: "5.3 Riskhantering" after "4 Ansvar" / "4.3 Regional processägare", its "5"
    missed (run into its paragraph), heads a top-level section, not one inside "4 Ansvar"."""
    parts = number.split(".")
    for depth in range(1, len(parts)):
        if numbers.get(depth) != ".".join(parts[:depth]):
            return depth
    return len(parts)

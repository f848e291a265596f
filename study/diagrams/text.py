"""Label widths and line wrapping for diagrams laid out without a browser.

Widths come from Liberation Sans' advance widths (the font the figures name
first and the tests install), so a label measured here is the label drawn.
"""

from __future__ import annotations

import html
import re

from study.diagrams.metrics import BOLD, CHARS, REGULAR

_WIDTHS = {False: dict(zip(CHARS, REGULAR, strict=True)), True: dict(zip(CHARS, BOLD, strict=True))}
_UNKNOWN = 1139  # width of a digit: a fair guess for anything not in the table
_UNITS = 2048
# Where a word too long for its line may be broken: after these characters.
_BREAK_AFTER = re.compile(r"(?<=[/_.,:(=-])")


def width(value: str, size: float, bold: bool = False) -> float:
    """Rendered width of value in px at font size `size`."""
    table = _WIDTHS[bold]
    return sum(table.get(ch, _UNKNOWN) for ch in value) * size / _UNITS


def _pieces(word: str, size: float, limit: float, bold: bool) -> list[str]:
    """A word cut into pieces that each fit, at punctuation where possible, else anywhere."""
    if width(word, size, bold) <= limit:
        return [word]
    pieces, current = [], ""
    for part in _BREAK_AFTER.split(word):
        if current and width(current + part, size, bold) > limit:
            pieces.append(current)
            current = ""
        current += part
        while width(current, size, bold) > limit and len(current) > 1:
            cut = len(current) - 1
            while cut > 1 and width(current[:cut], size, bold) > limit:
                cut -= 1
            pieces.append(current[:cut])
            current = current[cut:]
    return [*pieces, current] if current else pieces


def wrap(value: str, size: float, limit: float, bold: bool = False) -> list[str]:
    """Greedy word wrap to `limit` px; a word too long for a line is broken so that nothing overflows."""
    lines: list[str] = []
    current = ""
    for word in value.split():
        for piece in _pieces(word, size, limit, bold):
            candidate = f"{current} {piece}" if current else piece
            if current and width(candidate, size, bold) > limit:
                lines.append(current)
                current = piece
            else:
                current = candidate
    if current:
        lines.append(current)
    return lines or [""]


def esc(value: str) -> str:
    """Escape text and attribute values for SVG/XML."""
    return html.escape(str(value), quote=True)


def num(value: float) -> str:
    """Coordinates with one decimal, so output is stable and small."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text

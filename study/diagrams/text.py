"""Label widths and line wrapping for diagrams laid out without a browser."""

from __future__ import annotations

import html

from study.diagrams.metrics import BOLD, CHARS, REGULAR

_WIDTHS = {False: dict(zip(CHARS, REGULAR)), True: dict(zip(CHARS, BOLD))}
_UNKNOWN = 1139  # width of a digit: a fair guess for anything not in the table
_UNITS = 2048


def width(value: str, size: float, bold: bool = False) -> float:
    """Rendered width of value in px at font size `size`."""
    table = _WIDTHS[bold]
    return sum(table.get(ch, _UNKNOWN) for ch in value) * size / _UNITS


def wrap(value: str, size: float, limit: float, bold: bool = False) -> list[str]:
    """Greedy word wrap to `limit` px; a single over-long word gets its own line."""
    lines: list[str] = []
    current = ""
    for word in value.split():
        candidate = f"{current} {word}" if current else word
        if current and width(candidate, size, bold) > limit:
            lines.append(current)
            current = word
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

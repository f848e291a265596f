"""Turn data values into safe Markdown.

Data values are plain text. Before they reach a page they are HTML-escaped
(so `<script>` shows as text) and the Markdown characters that would start
emphasis, links, code, attribute lists or table cells are backslash-escaped.
Values may mark code with backticks; those spans become code spans.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

# Characters Python-Markdown (with our extensions) lets a backslash escape
# and that could change meaning inside running text or a table cell.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|])")
# A value that starts a line could otherwise open a list, heading or quote.
_LINE_START = re.compile(r"^(\s*)(?:([#>+\-])|(\d+)\.)")


def text(value: str) -> str:
    """Escape a plain-text value for use anywhere in Markdown."""
    escaped = _MD_SPECIAL.sub(r"\\\1", html.escape(str(value), quote=False))
    escaped = re.sub(r"\s+", " ", escaped)  # data text never breaks a table row
    return _LINE_START.sub(_unmark, escaped)


def _unmark(m: re.Match) -> str:
    # A backslash only escapes punctuation: '\#', but '1\.' rather than '\1.'.
    return m.group(1) + ("\\" + m.group(2) if m.group(2) else m.group(3) + "\\.")


def code(value: str) -> str:
    """A code span holding value verbatim (Markdown escapes its HTML)."""
    value = " ".join(str(value).split())
    fence = "`"
    while fence in value:
        fence += "`"
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def rich(value: str) -> str:
    """Plain text in which `backticked` parts become code spans."""
    parts = str(value).split("`")
    if len(parts) % 2 == 0:  # unbalanced backticks: treat all as text
        return text(value)
    return "".join(code(p) if i % 2 else text(p) for i, p in enumerate(parts))


def url(value: str) -> str:
    """A URL safe inside Markdown link parentheses."""
    return quote(value, safe=":/?#[]@!$&'*+,;=%~-._")


def link(label_md: str, target: str) -> str:
    return f"[{label_md}]({url(target)})"


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells must already be Markdown."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def unsearched(markdown: str) -> str:
    """Markdown kept out of the search index: lists and tables that repeat what another page indexes."""
    return f'<div class="study-unsearched" data-search-exclude markdown>\n\n{markdown}\n\n</div>'

"""The anchors a page's Markdown will have in HTML, and the links it makes.

Mirrors what Python-Markdown does with this site's extensions: explicit ids
from attribute lists (`{ #id }`), `id="…"` in raw HTML, and, for headings
without one, the table-of-contents slug, made unique with `_1`, `_2`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown.extensions.toc import slugify, unique

from study.expand import inside, protected

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)
_ATTR_ID = re.compile(r"\{:?[^}]*?#([A-Za-z][\w:.-]*)[^}]*\}\s*$")
_HTML_ID = re.compile(r"""<[a-zA-Z][^>]*?\sid=["']([^"']+)["']""")
_LINK = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
# A link in raw HTML is not rewritten by MkDocs: one to a .md file would be broken.
_RAW_MD_LINK = re.compile(r"""<a\b[^>]*\bhref=["']([^"':]+\.md(?:#[^"']*)?)["']""")
_INLINE_MARKUP = re.compile(r"`|\*\*?|(?<!\w)_|_(?!\w)|<[^>]+>")
_LINK_TEXT = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def _heading_text(raw: str) -> str:
    raw = re.sub(r"\s*\{[^}]*\}\s*$", "", raw)
    return _INLINE_MARKUP.sub("", _LINK_TEXT.sub(r"\1", raw)).strip()


def _outside_code(text: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    code = protected(text)
    for m in pattern.finditer(text):
        if not inside(code, m.start()):
            yield m


def anchor_list(markdown: str) -> list[str]:
    """Every id the page will define, in page order, repeats included."""
    found: list[tuple[int, str]] = []
    headings = list(_outside_code(markdown, _HEADING))
    explicit = [_ATTR_ID.search(m.group(2)) for m in headings]
    used = {e.group(1) for e in explicit if e}  # as toc does: existing ids are never reused
    for m, given in zip(headings, explicit):
        ident = given.group(1) if given else unique(slugify(_heading_text(m.group(2)), "-"), used)
        found.append((m.start(), ident))
    for m in _outside_code(markdown, _HTML_ID):
        found.append((m.start(), m.group(1)))
    return [ident for _, ident in sorted(found)]


def links(markdown: str) -> Iterator[tuple[int, str]]:
    """(offset, target) of every inline Markdown link outside code."""
    for m in _outside_code(markdown, _LINK):
        yield m.start(1), m.group(1)


def raw_md_links(markdown: str) -> Iterator[tuple[int, str]]:
    """(offset, target) of every raw-HTML link to a .md file, which the site would publish broken."""
    for m in _outside_code(markdown, _RAW_MD_LINK):
        yield m.start(1), m.group(1)

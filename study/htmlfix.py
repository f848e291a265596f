"""Changes to the rendered HTML of every page: glossary tooltips and a theme fix."""

from __future__ import annotations

import html
import json
import re

# -- glossary tooltips -------------------------------------------------------------
# Built on the HTML, not with Markdown's abbreviation syntax: a term or a tooltip
# from data can then never be read as markup, and headings, links and code stay
# untouched.

_SKIP = {"a", "abbr", "code", "pre", "kbd", "samp", "script", "style", "svg", "title", "button", "textarea",
         "select", "option", "h1", "h2", "h3", "h4", "h5", "h6", "sup", "figcaption"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def term_pattern(terms: list[str]) -> re.Pattern[str] | None:
    """One pattern for all terms, longest first, each matched as a whole word."""
    if not terms:
        return None
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=lambda t: (-len(t), t)))
    return re.compile(rf"(?<![\w.-])(?:{alternatives})(?![\w-]|\.\w)")


_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>", re.S)
_CLASS = re.compile(r"""\bclass=["']([^"']*)["']""")


def _opens_skipped(tag: str, attrs: str, skipping: bool) -> bool:
    classes = _CLASS.search(attrs)
    return skipping or tag in _SKIP or bool(classes and "footnote" in classes.group(1).split())


def add_tooltips(content: str, tips: dict[str, str]) -> str:
    """Wrap every glossary term in running text in <abbr title="…">.

    The page body is walked tag by tag (it is Markdown's own well-formed output);
    text inside the elements listed in _SKIP, and in footnotes, is left alone.
    """
    pattern = term_pattern(list(tips))
    if pattern is None:
        return content

    def abbr(match: re.Match[str]) -> str:
        return f'<abbr title="{html.escape(tips[match.group(0)], quote=True)}">{match.group(0)}</abbr>'

    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements, and whether text inside is left alone
    pos = 0
    for tag in _TAG.finditer(content):
        text = content[pos:tag.start()]
        out.append(text if stack and stack[-1][1] else pattern.sub(abbr, text))
        out.append(tag.group(0))
        pos = tag.end()
        name = (tag.group(2) or "").lower()
        if not name or name in _VOID or tag.group(3).rstrip().endswith("/"):
            continue
        if tag.group(1):  # a closing tag: leave every element it closes
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == name:
                    del stack[i:]
                    break
        else:
            stack.append((name, _opens_skipped(name, tag.group(3), bool(stack) and stack[-1][1])))
    tail = content[pos:]
    out.append(tail if stack and stack[-1][1] else pattern.sub(abbr, tail))
    return "".join(out)


# -- the search index ------------------------------------------------------------------
# The footnotes repeat, in full, the citations the text already marks; searching
# them would bury every page under its own sources.
_FOOTNOTES = '<div class="footnote">'


_EVIDENCE = '<details class="quote" open="open">'


_MARKER = re.compile(r'<sup id="fnref(\d*):')


def keep_citations_out_of_search(content: str) -> str:
    """Footnotes, their numbered markers, and the ledger's lists of evidence stay out of the search index."""
    content = _MARKER.sub(r'<sup data-search-exclude id="fnref\1:', content)
    return (content.replace(_FOOTNOTES, '<div class="footnote" data-search-exclude>')
            .replace(_EVIDENCE, '<details class="quote" open="open" data-search-exclude>'))


_INDEX_TAG = re.compile(r"</?(?:p|code|pre|li|ol|ul|sub|sup)>")


# The result list shows the start of a section's text; past that, the search
# only needs each word once (lunr matches terms, never phrases).
PREVIEW_CHARS = 240


def _words_once(text: str, separator: re.Pattern[str], stop_words: frozenset[str]) -> str:
    """The text's opening, then each further word the section has not yet used."""
    if len(text) <= PREVIEW_CHARS:
        return text
    cut = text.rfind(" ", 0, PREVIEW_CHARS)
    cut = cut if cut > 0 else PREVIEW_CHARS
    head, tail = text[:cut], text[cut:]
    seen = {w.lower() for w in separator.split(head)} | stop_words
    rest = []
    for word in separator.split(tail):
        folded = word.lower()
        if folded not in seen:
            seen.add(folded)
            rest.append(word)
    return " ".join([head, "…", *rest]) if rest else head


# lunr's English stop words that the theme's pipeline drops anyway (a subset: the common ones).
# All of them are in lunr.stopWordFilter.
_STOP_WORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "if", "in", "into",
    "is", "it", "its", "no", "not", "of", "on", "or", "so", "that", "the", "their", "then", "there", "these",
    "they", "this", "to", "was", "were", "which", "will", "with",
})


def compact_search_index(text: str) -> str:
    """The search index without markup and without words a section repeats.

    The theme copies paragraph, list and code tags into the index; the results
    then show plain text. Each section keeps its opening for the result preview
    and, after it, every other distinct word once, so every word is still found.
    """
    index = json.loads(text)
    separator = re.compile(index["config"]["separator"])
    for doc in index["docs"]:
        plain = " ".join(_INDEX_TAG.sub(" ", doc["text"]).split())
        doc["text"] = _words_once(plain, separator, _STOP_WORDS)
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


# -- theme fix ------------------------------------------------------------------------
# Material 9.8's search dialog has role="dialog" but no accessible name
# (axe: aria-dialog-name). Name it, and fail loudly if a theme update
# changes the markup, so the fix cannot silently stop working.
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_NAMED_DIALOG = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'


# The breadcrumbs (navigation.path) carry the same label as the main navigation
# (axe: landmark-unique); they are named for what they are.
_PATH_NAV = '<nav class="md-path" aria-label="Navigation" >'
_NAMED_PATH_NAV = '<nav class="md-path" aria-label="Breadcrumbs">'


class ThemeChanged(RuntimeError):
    pass


def label_search_dialog(page: str) -> str:
    """The two landmark fixes above; a page without the search dialog means the theme changed."""
    if _SEARCH_DIALOG not in page:
        raise ThemeChanged("the search dialog markup changed; review study/htmlfix.py")
    return page.replace(_SEARCH_DIALOG, _NAMED_DIALOG).replace(_PATH_NAV, _NAMED_PATH_NAV)

"""Changes to the rendered HTML of every page: glossary tooltips and a theme fix."""

from __future__ import annotations

import html
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
    """Wrap the first use of each glossary term in each section's running text in <abbr title="…">.

    Once per section (h2), not at every use: the reader meets the tooltip where a part
    begins, the dotted underlines do not crowd the text, and the page does not carry
    the same definition dozens of times.

    The page body is walked tag by tag (it is Markdown's own well-formed output);
    text inside the elements listed in _SKIP, and in footnotes, is left alone.
    """
    pattern = term_pattern(list(tips))
    if pattern is None:
        return content

    marked: set[str] = set()  # the terms already wrapped in this section

    def abbr(match: re.Match[str]) -> str:
        term = match.group(0)
        if term in marked:
            return term
        marked.add(term)
        return f'<abbr title="{html.escape(tips[term], quote=True)}">{term}</abbr>'

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
            if name == "h2":
                marked.clear()
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


# -- blank space ------------------------------------------------------------------------
# The theme's templates indent every line and leave runs of blank lines: about a
# seventh of a page's bytes (decision 0008). A run of white space that holds a line
# break becomes one line break, which HTML renders exactly as it did; <pre>,
# <textarea> and <script> keep theirs.
_KEEP_SPACE = re.compile(r"(<(pre|textarea|script)\b.*?</\2>)", re.S | re.I)
_BLANK_RUN = re.compile(r"[ \t\r\f]*\n\s*")


def collapse_blank_space(page: str) -> str:
    parts = _KEEP_SPACE.split(page)
    # split() yields text, then each kept element with its tag name: every third item is text.
    return "".join(_BLANK_RUN.sub("\n", part) if i % 3 == 0 else part
                   for i, part in enumerate(parts) if i % 3 != 2)

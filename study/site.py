"""What the MkDocs hooks ask for: generated pages and placeholder expansion.

Everything here is a pure function of the model and page text, so tests can
call it without MkDocs.
"""

from __future__ import annotations

import html
import re
from typing import Callable

from study.errors import DataError
from study.render import claims, components, inline, reference, views

# <!-- study:NAME --> or <!-- study:NAME argument --> on a line of its own.
PLACEHOLDER = re.compile(r"^<!-- study:([a-z][a-z0-9-]*)(?: ([^\s>]+))? -->$", re.M)



class PageContext:
    """What an expander may know about the page it writes into."""

    def __init__(self, page: str):
        self.page = page
        self.figures = 0

    def next_figure(self) -> int:
        self.figures += 1
        return self.figures


Expander = Callable[[object, PageContext, str], str]

EXPANDERS: dict[str, Expander] = {
    "components-table": lambda model, ctx, arg: components.index_table(model, ctx.page),
    "system-map": lambda model, ctx, arg: views.system_map(model, ctx.page, ctx.next_figure()),
    "verdict-summary": lambda model, ctx, arg: claims.verdict_summary(model, ctx.page),
}


def generated_pages(model) -> dict[str, str]:
    """Pages that exist only as data: docs path -> Markdown."""
    pages = {
        "reference/bibliography.md": reference.bibliography(model),
        "reference/glossary.md": reference.glossary(model),
        claims.LEDGER: claims.ledger(model),
    }
    for comp in model.components:
        pages[components.page_path(comp)] = components.component_page(model, comp)
    return pages


def nav_with_generated(nav: list, model) -> list:
    """The configured nav plus the generated pages, each in its section."""
    additions = {
        "seed/index.md": [{"Claim ledger": claims.LEDGER}],
        # Nav titles reach the HTML unescaped (MkDocs templates do not autoescape).
        components.INDEX: [{html.escape(c["name"]): components.page_path(c)} for c in model.components],
    }

    def walk(items: list) -> list:
        out = []
        for item in items:
            if isinstance(item, dict):
                item = {k: walk(v) if isinstance(v, list) else v for k, v in item.items()}
            out.append(item)
            target = item if isinstance(item, str) else None
            if target in additions:
                out.extend(additions[target])
        return out

    return walk(nav)


def expand(markdown: str, page: str, model) -> str:
    """Replace every placeholder in a hand-written page with generated Markdown."""
    ctx = PageContext(page)

    def replace(match: re.Match) -> str:
        name, arg = match.group(1), match.group(2) or ""
        if name not in EXPANDERS:
            line = markdown.count("\n", 0, match.start()) + 1
            known = ", ".join(sorted(EXPANDERS))
            raise DataError(f"docs/{page}", line, "", f"unknown placeholder 'study:{name}' (known: {known})")
        return EXPANDERS[name](model, ctx, arg)

    return inline.expand(PLACEHOLDER.sub(replace, markdown), page, model)


def with_abbreviations(markdown: str, model) -> str:
    return f"{markdown.rstrip()}\n\n{reference.abbreviations(model)}\n"


def check_pages(model, doc_pages: set[str]) -> None:
    """Every docs page a record names must exist."""
    for claim in model.claims:
        for i, page in enumerate(claim["pages"]):
            if page.split("#")[0] not in doc_pages:
                line = claim["pages"].line_of(i)
                raise DataError("data/claims.yaml", line, f"claims[{model.claims.index(claim)}].pages[{i}]",
                                f"no such page '{page}'")

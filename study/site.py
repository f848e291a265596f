"""What the MkDocs hooks ask for: generated pages and placeholder expansion.

Everything here is a pure function of a `Site` (the validated data plus the
few things read from the docs folder) and page text, so tests can call it
without MkDocs.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Callable

from study import decisions as adr
from study.errors import DataError
from study.model import Model
from study.render import md
from study.render import (claims, components, datamodel, flows, inline, performance, plan, reference, seed,
                          timeline, views)

# <!-- study:NAME --> or <!-- study:NAME argument --> on a line of its own,
# possibly indented (inside a list item); the expansion keeps the indentation.
PLACEHOLDER = re.compile(r"^([ \t]*)<!-- study:([a-z][a-z0-9-]*)(?: ([^\s>]+))? -->$", re.M)
_H1 = re.compile(r"^# (.+?)(?:\s*\{[^}]*\})?\s*$", re.M)


@dataclass
class Site:
    """Everything generation needs, gathered once per build."""

    model: Model
    seed_text: str = ""
    decisions: tuple = ()
    titles: dict[str, str] = field(default_factory=dict)  # docs path -> page title
    written: set[str] = field(default_factory=set)  # hand-written docs pages
    benchmark: dict | None = None  # benchmarks/latest.json, if present


class PageContext:
    """What an expander may know about the page it writes into."""

    def __init__(self, site: Site, page: str):
        self.site = site
        self.model = site.model
        self.page = page
        self.figures = 0

    def next_figure(self) -> int:
        self.figures += 1
        return self.figures


Expander = Callable[[PageContext, str], str]


def _component(ctx: PageContext, arg: str):
    """The component a placeholder is about: its argument, or the page's own name."""
    ident = arg or ctx.page.removeprefix("components/").removesuffix(".md")
    try:
        return ctx.model.get("components", ident)
    except KeyError as err:
        raise DataError(f"docs/{ctx.page}", 0, "", f"{err.args[0]} (component placeholders need a component page or an id)") from None


EXPANDERS: dict[str, Expander] = {
    "components-table": lambda ctx, arg: components.index_table(ctx.model, ctx.page),
    "interface-matrix": lambda ctx, arg: components.interface_matrix(ctx.model, ctx.page),
    "component-summary": lambda ctx, arg: components.summary(ctx.model, _component(ctx, arg), ctx.page),
    "component-details": lambda ctx, arg: components.details(ctx.model, _component(ctx, arg), ctx.page),
    "system-map": lambda ctx, arg: views.system_map(ctx.model, ctx.page, ctx.next_figure()),
    "verdict-summary": lambda ctx, arg: claims.verdict_summary(ctx.model, ctx.page),
    "flows-index": lambda ctx, arg: flows.index_list(ctx.model, ctx.page),
    "flow": lambda ctx, arg: _flow_figure(ctx, arg),
    "area-map": lambda ctx, arg: views.area_map(ctx.model, arg, ctx.next_figure()),
    "layer-map": lambda ctx, arg: views.layer_map(ctx.model, ctx.next_figure()),
    "context-map": lambda ctx, arg: views.context_map(ctx.model, ctx.next_figure()),
    "actors-table": lambda ctx, arg: views.actors_table(ctx.model, ctx.page),
    "timeline": lambda ctx, arg: timeline.timeline(ctx.model, ctx.page),
    "buildability-matrix": lambda ctx, arg: plan.matrix(ctx.model, ctx.page),
    "buildability-details": lambda ctx, arg: plan.matrix_details(ctx.model, ctx.page),
    "verdict-counts": lambda ctx, arg: plan.verdict_counts(ctx.model),
    "work-packages": lambda ctx, arg: plan.package_sections(ctx.model, ctx.page),
    "phase-table": lambda ctx, arg: plan.phase_table(ctx.model, ctx.page),
    "work-package-graph": lambda ctx, arg: plan.graph(ctx.model, ctx.next_figure()),
    "performance": lambda ctx, arg: performance.report(ctx.site.benchmark),
    "seed-text": lambda ctx, arg: seed.page_body(ctx.site.seed_text, ctx.model, ctx.page),
    "claim-list": lambda ctx, arg: seed.claim_list(ctx.model, ctx.page),
    "data-model": lambda ctx, arg: datamodel.reference(),
    "decisions-index": lambda ctx, arg: adr.index_table(list(ctx.site.decisions), ctx.page),
}


def _flow_figure(ctx: PageContext, ident: str) -> str:
    try:
        flow = ctx.model.get("flows", ident)
    except KeyError as err:
        raise DataError(f"docs/{ctx.page}", 0, "", err.args[0]) from None
    link = md.link("all steps with their sources", md.relative(ctx.page, flows.page_path(flow)))
    return flows.diagram(ctx.model, flow, ctx.next_figure()) + f"\n\nThe flow's page lists {link}.\n"


def page_titles(pages: dict[str, str]) -> dict[str, str]:
    """Docs path -> the text of its first '# ' heading (for link texts)."""
    titles = {}
    for path, text in pages.items():
        found = _H1.search(text)
        if found:
            titles[path] = found.group(1).strip()
    return titles


def generated_pages(site: Site) -> dict[str, str]:
    """Pages that exist only as data: docs path -> Markdown."""
    model = site.model
    pages = {
        "reference/bibliography.md": reference.bibliography(model),
        "reference/glossary.md": reference.glossary(model),
        claims.LEDGER: claims.ledger(model, site.titles),
    }
    for flow in model.flows:
        pages[flows.page_path(flow)] = flows.flow_page(model, flow)
    for comp in model.components:
        if components.page_path(comp) not in site.written:  # else its explanation page embeds the facts
            pages[components.page_path(comp)] = components.component_page(model, comp)
    return pages


def nav_with_generated(nav: list, model: Model) -> list:
    """The configured nav plus the generated pages, each in its section."""
    additions = {
        "seed/index.md": [{"Claim ledger": claims.LEDGER}],
        # Nav titles reach the HTML unescaped (MkDocs templates do not autoescape).
        components.INDEX: [{html.escape(c["name"]): components.page_path(c)} for c in model.components],
        flows.INDEX: [{html.escape(f.get("short", f["title"])): flows.page_path(f)} for f in model.flows],
    }

    def walk(items: list) -> list:
        out = []
        for item in items:
            if isinstance(item, dict):
                item = {k: walk(v) if isinstance(v, list) else v for k, v in item.items()}
            out.append(item)
            if isinstance(item, str) and item in additions:
                out.extend(additions[item])
        return out

    return walk(nav)


def expand(markdown: str, page: str, site: Site) -> str:
    """Replace placeholders and citation shortcuts in a hand-written page."""
    ctx = PageContext(site, page)

    def replace(match: re.Match) -> str:
        indent, name, arg = match.group(1), match.group(2), match.group(3) or ""
        if name not in EXPANDERS:
            line = markdown.count("\n", 0, match.start()) + 1
            known = ", ".join(sorted(EXPANDERS))
            raise DataError(f"docs/{page}", line, "", f"unknown placeholder 'study:{name}' (known: {known})")
        out = EXPANDERS[name](ctx, arg)
        return "\n".join(indent + line if line else line for line in out.split("\n"))

    return inline.expand(PLACEHOLDER.sub(replace, markdown), page, site.model)


def read_decisions(pages: dict[str, str]) -> tuple:
    """Decision records among docs pages (path -> Markdown source)."""
    return tuple(adr.read(path, text) for path, text in sorted(pages.items()) if adr.FILE_NAME.match(path))


def with_abbreviations(markdown: str, model: Model) -> str:
    return f"{markdown.rstrip()}\n\n{reference.abbreviations(model)}\n"


def check_pages(model: Model, doc_pages: set[str]) -> None:
    """Every docs page a record names must exist."""
    for i, claim in enumerate(model.claims):
        for j, page in enumerate(claim["pages"]):
            if page.split("#")[0] not in doc_pages:
                raise DataError("data/claims.yaml", claim["pages"].line_of(j), f"claims[{i}].pages[{j}]",
                                f"no such page '{page}'")

"""Expand a page: placeholders, citation shortcuts, and the sources at its end.

    <!-- study:NAME -->  or  <!-- study:NAME ARGUMENT -->   on a line of its own
    [@ploop-7.0]                          a source, as a numbered footnote
    [@ploop-7.0 lib/ploop.c:120-160]      plus a link to those lines at the pinned commit
    [@openvz-readme-whatsnew § What's New]  plus the section, for web sources
    [claim:c18]                           the claim with its verdict, linked to the ledger
    [component:vcmmd]                     the component's page
    [count:claims]  [loc:libvzctl]  [loc:libvzctl about]  [effort:wp-4]
                                          a figure the data holds (see study.render.facts)

Citations next to each other become one footnote. Anything that looks like a
shortcut or a placeholder but is not one exactly (wrong case, spacing, a
missing space after `<!--`) stops the build, as does an unknown id or a line
range that the data files would refuse. Code spans and fenced code blocks are
left alone.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from study import routes
from study.errors import DataError, shown
from study.render import badges, cite, facts, md
from study.spec import SCALARS
from study.validate import scalar_problem

if TYPE_CHECKING:
    from study.build import Site

PLACEHOLDER = re.compile(
    r"^(?P<indent>[ \t]*)<!-- study:(?P<name>[a-z][a-z0-9-]*)(?: (?P<arg>[^\s>]+))? -->[ \t]*$", re.M)
_PLACEHOLDER_LIKE = re.compile(r"<!--\s*study\b", re.I)

_ID = r"[a-z0-9][a-z0-9.-]*"
TOKEN = re.compile(
    rf"\[@(?P<src>{_ID})(?:\s+(?P<loc>[^\]\n]+))?\]"
    rf"|\[claim:(?P<claim>c[0-9]+)\]"
    rf"|\[component:(?P<comp>{_ID})\]"
    rf"|\[(?P<fact>count|loc|effort):(?P<fact_arg>{_ID})(?P<about> about)?\]"
)
_TOKEN_LIKE = re.compile(r"(?<!\\)\[\s*@|(?<!\\)\[\s*(?:claim|component|count|loc|effort)\s*:", re.I)
# Citations side by side, at most one line break apart, become one footnote.
_CITATION_RUN = re.compile(rf"(?:\[@{_ID}(?:\s+[^\]\n]+)?\](?:[ \t]*\n?[ \t]*(?=\[@))?)+")
_FENCE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[ \t]*$", re.M | re.S)
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)
_PATH = re.compile(SCALARS["path"][0])
_LINES = re.compile(SCALARS["lines"][0])


@functools.lru_cache(maxsize=512)
def protected(text: str) -> list[tuple[int, int]]:
    """Spans of fenced code and code spans, where nothing is expanded, in order (cached: pages are read often)."""
    fences = [m.span() for m in _FENCE.finditer(text)]
    spans = fences + [m.span() for m in _CODE_SPAN.finditer(text) if not inside(fences, m.start())]
    return sorted(spans)


def inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether `at` lies in one of the sorted, disjoint spans."""
    i = bisect.bisect_right(spans, (at, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= at < spans[i][1]


class PageContext:
    """What an expander may know about the page it writes into."""

    def __init__(self, site: Site, page: str, label: str):
        self.site = site
        self.model = site.model
        self.page = page
        self.label = label
        self.refs = cite.Refs(site.model, page)
        self.figures = 0

    def next_figure(self) -> int:
        self.figures += 1
        return self.figures


@dataclass(frozen=True)
class Expander:
    render: Callable[[PageContext, str], str]
    argument: str = "none"  # "none", "required" or "optional"
    doc: str = ""


@dataclass
class _Located:
    """Turns problems inside an expansion into messages at a page line."""

    label: str
    text: str
    body_line: int = 1

    def line(self, offset: int) -> int:
        return self.body_line + self.text.count("\n", 0, offset)

    def error(self, offset: int, message: str) -> DataError:
        return DataError(self.label, self.line(offset), "", message)


def _run_expander(expander: Expander, ctx: PageContext, name: str, arg: str, where: _Located, at: int) -> str:
    if expander.argument == "none" and arg:
        raise where.error(at, f"placeholder 'study:{name}' takes no argument, got '{shown(arg)}'")
    if expander.argument == "required" and not arg:
        raise where.error(at, f"placeholder 'study:{name}' needs an argument")
    try:
        return expander.render(ctx, arg)
    except DataError as err:
        if err.file and err.file != where.label:
            raise  # a problem in a data file, already located there
        raise where.error(at, f"study:{name}: {err.message}") from None
    except (KeyError, ValueError) as err:
        detail = err.args[0] if err.args else type(err).__name__
        raise where.error(at, f"study:{name}: {detail}") from None


# -- shortcuts -----------------------------------------------------------------

def _location(ctx: PageContext, ident: str, loc: str) -> dict[str, str]:
    """An evidence item for a shortcut's location, checked like one in the data files."""
    source = ctx.model.get("sources", ident)
    loc = loc.strip()
    if loc.startswith("§"):
        section = loc[1:].strip()
        if not section:
            raise ValueError("a '§' location needs the section's name")
        return {"source": ident, "section": section}
    if "repo" not in source:
        raise ValueError(f"source '{ident}' is not a repository, so '{shown(loc)}' cannot be a path; use '§ section'")
    path, colon, lines = loc.partition(":")
    if not _PATH.fullmatch(path):
        raise ValueError(f"not a path in the repository: '{shown(path)}'")
    if colon:
        if not _LINES.fullmatch(lines):
            raise ValueError(f"not {SCALARS['lines'][1]}: '{shown(lines)}'")
        problem = scalar_problem("lines", lines)
        if problem:
            raise ValueError(problem)
        return {"source": ident, "path": path, "lines": lines}
    return {"source": ident, "path": path}


def _citation_run(ctx: PageContext, run: str) -> str:
    items = []
    for m in TOKEN.finditer(run):
        ident, loc = m.group("src"), m.group("loc")
        ctx.model.get("sources", ident)  # KeyError names an unknown source
        items.append(_location(ctx, ident, loc) if loc else {"source": ident})
    return ctx.refs.evidence(items)  # type: ignore[arg-type]


def component_link(page: str, comp: Any) -> str:
    """A component's short name, linked to its page."""
    return md.link(md.text(comp["name"].split(" (")[0]), routes.relative(page, routes.component(comp["id"])))


def _shortcut(ctx: PageContext, m: re.Match[str]) -> str:
    if m.group("fact"):
        return facts.value(ctx.model, m.group("fact"), m.group("fact_arg"), bool(m.group("about")))
    if m.group("claim"):
        return badges.claim_mark(ctx.page, ctx.model.get("claims", m.group("claim")))
    return component_link(ctx.page, ctx.model.get("components", m.group("comp")))


def _check_near_misses(text: str, code: list[tuple[int, int]], where: _Located) -> None:
    """Text that looks like a placeholder or a shortcut but is not one exactly."""
    for near in _PLACEHOLDER_LIKE.finditer(text):
        if inside(code, near.start()):
            continue
        exact = PLACEHOLDER.match(text, text.rfind("\n", 0, near.start()) + 1)
        if not exact or exact.start("name") - len("<!-- study:") != near.start():
            raise where.error(near.start(), "malformed placeholder: write '<!-- study:NAME -->' or "
                              "'<!-- study:NAME ARGUMENT -->' alone on its line")
    strict = {m.start() for m in TOKEN.finditer(text)}
    for near in _TOKEN_LIKE.finditer(text):
        if near.start() not in strict and not inside(code, near.start()):
            raise where.error(near.start(), "malformed shortcut: write [@source-id], [@source-id path:lines], "
                              "[@source-id § section], [claim:c01], [component:id] or [count:name], in lowercase")


def _placeholder(m: re.Match[str], ctx: PageContext, expanders: dict[str, Expander], where: _Located) -> str:
    indent, name, arg = m.group("indent"), m.group("name"), m.group("arg") or ""
    if name not in expanders:
        known = ", ".join(sorted(expanders))
        raise where.error(m.start(), f"unknown placeholder 'study:{name}' (known: {known})")
    out = _run_expander(expanders[name], ctx, name, arg, where, m.start())
    return "\n".join(indent + line if line else line for line in out.split("\n"))


_ANY = re.compile(
    f"{PLACEHOLDER.pattern}|(?P<lead>[ \t]*(?:\n[ \t]*)?)(?P<run>{_CITATION_RUN.pattern})|{TOKEN.pattern}", re.M)
_LINE_OPENER = re.compile(r"[ \t]*(?:[-*+]|[0-9]+\.|>)?[ \t]*")


def _keeps_lead(text: str, at: int) -> bool:
    """Whether the space before a citation run must stay: it starts a paragraph or a list item.

    Otherwise the marker moves right after the last word, even from the start of
    the next line: a footnote marker that opens a line would be read as a definition.
    """
    line_start = text.rfind("\n", 0, at) + 1
    return at == 0 or bool(_LINE_OPENER.fullmatch(text[line_start:at]))


def expand(text: str, ctx: PageContext, expanders: dict[str, Expander], body_line: int = 1) -> str:
    """The page's final Markdown: placeholders and shortcuts in page order, then its sources."""
    where = _Located(ctx.label, text, body_line)
    code = protected(text)
    _check_near_misses(text, code, where)

    def replace(m: re.Match[str]) -> str:
        if inside(code, m.start()):
            return m.group(0)
        if m.group("name"):
            return _placeholder(m, ctx, expanders, where)
        try:
            if m.group("run"):
                lead = m.group("lead") if _keeps_lead(text, m.start()) else ""
                return lead + _citation_run(ctx, m.group("run"))
            return _shortcut(ctx, m)
        except (KeyError, ValueError) as err:
            raise where.error(m.start(), str(err.args[0] if err.args else err)) from None

    out = _ANY.sub(replace, text)
    sources = ctx.refs.section(heading="{ #sources }" not in out)
    return out.rstrip("\n") + ("\n\n" + sources if sources else "\n")

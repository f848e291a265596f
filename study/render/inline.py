"""Citation shortcuts for hand-written pages, checked at build time.

    [@ploop-7.0]                          the source, linked to the bibliography
    [@ploop-7.0 lib/ploop.c:120-160]      plus a link to those lines at the pinned commit
    [@openvz-readme-whatsnew § What's New]  plus the section, for web sources
    [claim:c18]                           the claim, its verdict, linked to the ledger
    [component:vcmmd]                     the component's page

An unknown source, claim or component stops the build with the page and line.
Code spans and fenced code blocks are left alone.
"""

from __future__ import annotations

import re

from study.errors import DataError
from study.render import cite, md
from study.render.claims import LEDGER, badge
from study.render.components import page_path

TOKEN = re.compile(
    r"\[@(?P<src>[a-z0-9][a-z0-9.-]*)(?:\s+(?P<loc>[^\]]+))?\]"
    r"|\[claim:(?P<claim>[a-z0-9]+)\]"
    r"|\[component:(?P<comp>[a-z0-9][a-z0-9.-]*)\]"
)
_FENCE = re.compile(r"^(```|~~~).*?^\1\s*$", re.M | re.S)
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)


def _protected(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _FENCE.finditer(text)]
    spans += [m.span() for m in _CODE_SPAN.finditer(text)
              if not any(a <= m.start() < b for a, b in spans)]
    return spans


def _source(model, page: str, ident: str, loc: str | None) -> str:
    source = model.get("sources", ident)
    link = cite.source_link(page, ident)
    if not loc:
        return f"[{link}]"
    loc = loc.strip()
    if loc.startswith("§"):
        return f"[{link}, {md.text(loc)}]"
    path, _, lines = loc.partition(":")
    if "repo" not in source:
        raise KeyError(f"source '{ident}' is not a repository, so '{loc}' cannot be a path; use '§ section'")
    target = cite.permalink(source, path, lines or None)
    return f"[{link}, {md.link(md.code(loc), target)}]"


def expand(text: str, page: str, model) -> str:
    protected = _protected(text)

    def replace(m: re.Match) -> str:
        if any(a <= m.start() < b for a, b in protected):
            return m.group(0)
        try:
            if m.group("src"):
                return _source(model, page, m.group("src"), m.group("loc"))
            if m.group("claim"):
                claim = model.get("claims", m.group("claim"))
                target = md.relative(page, LEDGER, claim["id"])
                return f"{md.link('claim ' + claim['id'].upper(), target)} {badge(claim['verdict'])}"
            comp = model.get("components", m.group("comp"))
            return md.link(md.text(comp["name"]), md.relative(page, page_path(comp)))
        except KeyError as err:
            line = text.count("\n", 0, m.start()) + 1
            detail = err.args[0] if err.args and " " in str(err.args[0]) else f"unknown reference {m.group(0)}"
            raise DataError(f"docs/{page}", line, "", detail) from None

    return TOKEN.sub(replace, text)

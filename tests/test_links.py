"""Links and anchors in the built HTML, as a reader's browser follows them.

MkDocs and the study's build check the links written in Markdown; this also
covers links inside raw HTML, templates and figures (node links, full-size
images, claim marks, the layer map). It reads the built files directly: every
internal href and src must name a file of the site, and every #anchor an id on
that page. (linkchecker did the same over HTTP until the pages carried their
citations as footnotes: it then fetched and parsed a page once per anchor,
some 4,900 requests and more than 15 minutes; this check takes seconds.)
"""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

pytestmark = pytest.mark.slow

_LINKING = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "use": "href"}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name"):
            if values.get(key):
                self.ids.add(values[key] or "")
        attr = _LINKING.get(tag)
        if attr and values.get(attr) and not (tag == "link" and values.get("rel") in ("canonical", "alternate")):
            self.links.append(values[attr] or "")


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _target(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """(file, anchor) an internal link points to; None for links to other hosts."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "data:", "javascript:")):
        return None
    base = "" if parts.path.startswith("/") else page.parent.relative_to(site).as_posix()
    if parts.path:
        path = posixpath.normpath(posixpath.join(base, unquote(parts.path).lstrip("/")))
    else:
        path = page.relative_to(site).as_posix()
    target = site / path
    if target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def broken_links(site: Path) -> list[str]:
    pages = {p: _parse(p) for p in sorted(site.rglob("*.html"))}
    problems = []
    for page, parsed in pages.items():
        for href in parsed.links:
            found = _target(site, page, href)
            if found is None:
                continue
            target, anchor = found
            where = f"{page.relative_to(site)}: {href}"
            if not target.is_file():
                problems.append(f"{where}: no such file")
            elif anchor and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if anchor not in ids:
                    problems.append(f"{where}: no anchor #{anchor}")
    return problems


def test_no_broken_link_or_anchor(site_dir):
    assert broken_links(site_dir) == []


def test_link_check_catches_a_broken_link_and_anchor(tmp_path):
    """Guard: the check above can fail."""
    (tmp_path / "index.html").write_text('<a href="other.html#missing">x</a><a href="gone.html">y</a>'
                                         '<a href="other.html#here">z</a><a href="https://example.org/">w</a>')
    (tmp_path / "other.html").write_text('<h1 id="here">z</h1>')
    assert broken_links(tmp_path) == ["index.html: other.html#missing: no anchor #missing",
                                      "index.html: gone.html: no such file"]

"""Wrap a diagram in a numbered figure: caption, key, node links and a full-size copy.

The figure is one block of raw HTML (no blank lines, so Markdown leaves it
alone). Its drawing is kept out of the search index (`data-search-exclude`);
the figure contributes only its caption, which is its title.
Links from boxes to pages are ordinary HTML links laid over the drawing, so
they can be focused and read out while the SVG itself stays one image.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from study.diagrams.text import esc, num

STANDALONE_DIR = "assets/figures"


@dataclass(frozen=True)
class KeyEntry:
    kind: str  # "node" (a filled box), "edge" (a line), "message" (an arrow), "actor", "external", "boundary"
    css: str  # class that gives it its colour or style, e.g. n-memory, e-ipc, call
    label: str


@dataclass(frozen=True)
class NodeLink:
    """A box of the drawing that stands for a page: its place, in the drawing's units."""

    label: str
    href: str  # relative URL from the page the figure is on
    x: float
    y: float
    w: float
    h: float


def _swatch(entry: KeyEntry) -> str:
    head = '<path class="head" d="M20,1 L28,5 L20,9{close}"/>'
    if entry.kind == "message":
        closed = head.format(close=" z") if entry.css == "call" else head.format(close="")
        return (f'<svg class="swatch" width="30" height="10" aria-hidden="true" focusable="false">'
                f'<g class="msg {esc(entry.css)}"><path d="M0,5 L27,5"/>{closed}</g></svg>')
    if entry.kind == "edge":
        return (f'<svg class="swatch" width="30" height="10" aria-hidden="true" focusable="false">'
                f'<g class="key-edge {esc(entry.css)}"><path class="edge {esc(entry.css)}" d="M0,5 L24,5"/>'
                f'<path class="arrowhead {esc(entry.css)}" d="M22,1 L30,5 L22,9 z"/></g></svg>')
    if entry.kind == "actor":
        return (f'<svg class="swatch" width="14" height="16" aria-hidden="true" focusable="false">'
                f'<g class="node {esc(entry.css)}"><circle cx="7" cy="4" r="3.5"/>'
                f'<rect x="1" y="8.5" width="12" height="7" rx="3"/></g></svg>')
    if entry.kind in ("external", "boundary", "lane"):
        cls = "node" if entry.kind == "external" else entry.kind
        return (f'<svg class="swatch" width="18" height="12" aria-hidden="true" focusable="false">'
                f'<g class="{cls} {esc(entry.css)}"><rect x="0.5" y="0.5" width="17" height="11" rx="2" '
                f'stroke-dasharray="3 2"/></g></svg>')
    return (f'<svg class="swatch" width="18" height="12" aria-hidden="true" focusable="false">'
            f'<g class="node {esc(entry.css)}"><rect x="0.5" y="0.5" width="17" height="11" rx="2"/></g></svg>')


_SIZE = re.compile(r'viewBox="0 0 ([\d.]+) ([\d.]+)"')
_ID = re.compile(r'<svg class="study-diagram[^"]*" id="([^"]+)"')
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.S)
_DESC = re.compile(r"<desc[^>]*>(.*?)</desc>", re.S)
_MIN = re.compile(r"--fig-min: ([\d.]+)px")


def _links(links: Sequence[NodeLink], w: float, h: float) -> str:
    return "".join(
        f'<a class="study-node-link" href="{esc(link.href)}" aria-label="{esc(link.label)}" '
        f'style="left:{num(link.x / w * 100)}%;top:{num(link.y / h * 100)}%;'
        f'width:{num(link.w / w * 100)}%;height:{num(link.h / h * 100)}%"></a>' for link in links)


def figure(svg: str, number: int, caption: str, key: Sequence[KeyEntry] = (), links: Sequence[NodeLink] = (),
           root: str = "") -> str:
    """The figure block; `root` is the relative URL from the page to the site's root."""
    size = _SIZE.search(svg)
    w, h = (float(size.group(1)), float(size.group(2))) if size else (0.0, 0.0)
    ident = _ID.search(svg)
    minimum = _MIN.search(svg)
    canvas_style = f"max-width:{num(w)}px" + (f";--fig-min:{minimum.group(1)}px" if minimum else "")
    full = f"{root}{STANDALONE_DIR}/{ident.group(1)}.svg" if ident else ""
    # A scrolling region must be reachable by keyboard (axe: scrollable-region-focusable); on a phone it scrolls.
    parts = ['<figure class="study-figure">',
             f'<div class="study-scroll" tabindex="0" role="region" aria-label="Figure {number}" data-search-exclude>'
             f'<div class="study-canvas" style="{canvas_style}">{svg}{_links(links, w, h)}</div></div>',
             f"<figcaption>Figure {number}: {esc(caption)}"
             + (f' <a class="study-full-size" href="{esc(full)}" data-search-exclude>Full-size image</a>'
                if full else "")
             + "</figcaption>"]
    if key:
        items = "".join(f"<li>{_swatch(k)}{esc(k.label)}</li>" for k in key)
        parts.append(f'<div class="study-key" data-search-exclude><span class="study-key-title">Key:</span>'
                     f"<ul>{items}</ul></div>")
    parts.append("</figure>")
    return "\n".join(parts)

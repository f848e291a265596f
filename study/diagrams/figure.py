"""Wrap a diagram in a numbered figure with a caption and a key."""

from __future__ import annotations

import re
from dataclasses import dataclass

from study.diagrams.text import esc


@dataclass(frozen=True)
class KeyEntry:
    kind: str  # "node" (a filled box) or "edge" (a line) or "shape"
    css: str  # class that gives it its colour or style, e.g. n-memory, e-dbus
    label: str


def _swatch(entry: KeyEntry) -> str:
    if entry.kind == "message":
        return (f'<svg class="swatch" width="28" height="10" aria-hidden="true" focusable="false">'
                f'<g class="msg {esc(entry.css)}"><path d="M0,5 L28,5"/></g></svg>')
    if entry.kind == "actor":
        return (f'<svg class="swatch" width="14" height="16" aria-hidden="true" focusable="false">'
                f'<g class="node {esc(entry.css)}"><circle cx="7" cy="4" r="3.5"/>'
                f'<rect x="1" y="8.5" width="12" height="7" rx="3"/></g></svg>')
    if entry.kind == "external":
        return (f'<svg class="swatch" width="18" height="12" aria-hidden="true" focusable="false">'
                f'<g class="node {esc(entry.css)}"><rect x="0.5" y="0.5" width="17" height="11" rx="2" '
                f'stroke-dasharray="3 2"/></g></svg>')
    if entry.kind == "edge":
        return (f'<svg class="swatch" width="28" height="10" aria-hidden="true" focusable="false">'
                f'<line class="edge {esc(entry.css)}" x1="0" y1="5" x2="28" y2="5"/></svg>')
    return (f'<svg class="swatch" width="18" height="12" aria-hidden="true" focusable="false">'
            f'<g class="node {esc(entry.css)}"><rect x="0.5" y="0.5" width="17" height="11" rx="2"/></g></svg>')


# Wider than the content column: shown at natural size in a scrollable box
# instead of being shrunk until its labels cannot be read.
WIDE = 780


def figure(svg: str, number: int, caption: str, key: list[KeyEntry] = (), width: float = 0) -> str:
    """One block of raw HTML (no blank lines, so Markdown leaves it alone)."""
    if not width:
        found = re.search(r' width="([\d.]+)"', svg)
        width = float(found.group(1)) if found else 0
    if width > WIDE:
        # A scrolling region must be reachable by keyboard (axe: scrollable-region-focusable).
        box = (f'<div class="study-scroll study-wide" tabindex="0" role="region" '
               f'aria-label="Figure {number}, scrolls sideways">{svg}</div>')
    else:
        box = f'<div class="study-scroll">{svg}</div>'
    parts = ['<figure class="study-figure">', box, f"<figcaption>Figure {number}: {esc(caption)}</figcaption>"]
    if key:
        items = "".join(f"<li>{_swatch(k)}{esc(k.label)}</li>" for k in key)
        parts.append(f'<div class="study-key"><span class="study-key-title">Key:</span><ul>{items}</ul></div>')
    parts.append("</figure>")
    return "\n".join(parts)

"""Box-and-arrow diagrams: what to draw, where it ended up, and the SVG.

A `Graph` says what a figure shows: nodes, edges, and the boundaries that
enclose nodes (host, user space, kernel). A layout engine turns it into a
`Drawing`, with every box, edge path and label placed; `svg()` draws any
drawing the same way, with classes instead of colours so that the site's
stylesheet gives both colour schemes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from study.diagrams.text import esc, num, width, wrap

FONT = 13.0  # node titles, bold
SMALL = 12.0  # node sublabels, boundary labels, edge badges
LINE = 17.0
PAD_X, PAD_Y = 10.0, 8.0
MAX_LABEL = 150.0  # px before a node title wraps
MIN_BOX = 84.0
BADGE = 20.0  # diameter of an edge's number badge


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    group: str = "default"  # CSS class suffix: colour by area
    sublabel: str = ""
    shape: str = "box"  # box | actor | external
    boundary: str = ""  # id of the innermost boundary holding it
    rank: int = 0  # row, for engines that use one (0 at the top)
    link: str = ""  # docs page the node stands for


@dataclass(frozen=True)
class Edge:
    src: str
    dst: str
    label: str = ""  # short: a number that the table under the figure explains, or a word or two
    group: str = "default"  # CSS class suffix: line style by kind


@dataclass(frozen=True)
class Boundary:
    id: str
    label: str
    parent: str = ""
    style: str = "default"  # CSS class suffix


@dataclass(frozen=True)
class Graph:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...] = ()
    boundaries: tuple[Boundary, ...] = ()
    ranked: bool = False  # keep nodes of one rank on one row
    bottom: tuple[str, ...] = ()  # nodes kept on the last row (the kernel, under user space)
    across: bool = False  # ranks as columns, left to right, instead of rows

    def node(self, ident: str) -> Node:
        return next(n for n in self.nodes if n.id == ident)


@dataclass(frozen=True)
class Box:
    x: float  # left
    y: float  # top
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def overlaps(self, other: Box, gap: float = 0.0) -> bool:
        return (self.x < other.right + gap and other.x < self.right + gap
                and self.y < other.bottom + gap and other.y < self.bottom + gap)


@dataclass(frozen=True)
class PlacedEdge:
    edge: Edge
    path: str  # SVG path data, ending at the arrow's tip
    points: tuple[tuple[float, float], ...]  # a polyline along the path, for measuring crossings
    label_box: Box | None = None


@dataclass(frozen=True)
class Drawing:
    width: float
    height: float
    nodes: dict[str, Box]
    edges: tuple[PlacedEdge, ...]
    boundaries: dict[str, Box] = field(default_factory=dict)


# -- measuring -----------------------------------------------------------------------

def node_lines(node: Node) -> tuple[list[str], list[str]]:
    title = wrap(node.label, FONT, MAX_LABEL, bold=True)
    sub = wrap(node.sublabel, SMALL, MAX_LABEL) if node.sublabel else []
    return title, sub


def node_size(node: Node) -> tuple[float, float]:
    title, sub = node_lines(node)
    text_w = max([width(t, FONT, True) for t in title] + [width(s, SMALL) for s in sub])
    height = PAD_Y * 2 + LINE * len(title) + (SMALL + 4) * len(sub)
    if node.shape == "actor":
        height += 18  # the head drawn above the label
    return max(MIN_BOX, text_w + PAD_X * 2), height


def label_size(label: str) -> tuple[float, float]:
    if label.isdigit():
        return max(BADGE, width(label, SMALL, True) + 8), BADGE
    return width(label, SMALL) + 10, 18.0


# -- drawing -------------------------------------------------------------------------

def _node(node: Node, box: Box) -> str:
    title, sub = node_lines(node)
    parts = [f'<g class="node n-{esc(node.group)} shape-{esc(node.shape)}" data-id="{esc(node.id)}">']
    top = box.y
    if node.shape == "actor":
        parts.append(f'<circle cx="{num(box.x + box.w / 2)}" cy="{num(top + 8)}" r="8"/>')
        top += 18
    rx = 14 if node.shape == "actor" else 4
    dash = ' stroke-dasharray="6 4"' if node.shape == "external" else ""
    parts.append(f'<rect x="{num(box.x)}" y="{num(top)}" width="{num(box.w)}" height="{num(box.bottom - top)}" '
                 f'rx="{rx}"{dash}/>')
    cx = box.x + box.w / 2
    y = top + PAD_Y + FONT - 1
    for line in title:
        parts.append(f'<text class="title" x="{num(cx)}" y="{num(y)}" text-anchor="middle">{esc(line)}</text>')
        y += LINE
    for line in sub:
        parts.append(f'<text class="sub" x="{num(cx)}" y="{num(y - 2)}" text-anchor="middle">{esc(line)}</text>')
        y += SMALL + 4
    return "".join(parts) + "</g>"


def _boundary(boundary: Boundary, box: Box) -> str:
    return (f'<g class="boundary b-{esc(boundary.style)}" data-id="{esc(boundary.id)}">'
            f'<rect x="{num(box.x)}" y="{num(box.y)}" width="{num(box.w)}" height="{num(box.h)}" rx="6"/>'
            f'<text class="boundary-label" x="{num(box.x + 8)}" y="{num(box.y + SMALL + 4)}">'
            f"{esc(boundary.label)}</text>"
            "</g>")


def _label(placed: PlacedEdge) -> str:
    box = placed.label_box
    assert box is not None
    label = placed.edge.label
    cx, cy = box.x + box.w / 2, box.y + box.h / 2
    shape = (f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{num(box.h / 2)}"/>' if label.isdigit()
             else f'<rect x="{num(box.x)}" y="{num(box.y)}" width="{num(box.w)}" height="{num(box.h)}" rx="3"/>')
    kind = "badge" if label.isdigit() else "text"
    return (f'<g class="edge-label {kind} e-{esc(placed.edge.group)}">{shape}'
            f'<text x="{num(cx)}" y="{num(cy + 4)}" text-anchor="middle">{esc(label)}</text></g>')


def marker(diagram_id: str, group: str) -> str:
    return (f'<marker id="{esc(diagram_id)}-arrow-{esc(group)}" class="arrow e-{esc(group)}" viewBox="0 0 10 10" '
            'refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
            '<path d="M0,0 L10,5 L0,10 z"/></marker>')


def svg_open(diagram_id: str, kind: str, title: str, description: str, w: float, h: float, min_font: float) -> str:
    """The opening of an accessible inline SVG; `--fig-min` keeps labels at 9 px or more on a phone."""
    return (f'<svg class="study-diagram {kind}" id="{esc(diagram_id)}" role="img" '
            f'aria-labelledby="{esc(diagram_id)}-title {esc(diagram_id)}-desc" '
            f'viewBox="0 0 {num(w)} {num(h)}" width="{num(w)}" height="{num(h)}" '
            f'style="--fig-min: {num(w * 9.2 / min_font)}px" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{esc(diagram_id)}-title">{esc(title)}</title>'
            f'<desc id="{esc(diagram_id)}-desc">{esc(description)}</desc>')


def svg(graph: Graph, drawing: Drawing, diagram_id: str, title: str, description: str) -> str:
    """An accessible inline SVG of a laid-out graph."""
    groups = sorted({e.group for e in graph.edges})
    defs = "".join(marker(diagram_id, g) for g in groups)
    bounds = "".join(_boundary(b, drawing.boundaries[b.id]) for b in graph.boundaries if b.id in drawing.boundaries)
    paths = "".join(f'<path class="edge e-{esc(p.edge.group)}" d="{p.path}" '
                    f'marker-end="url(#{esc(diagram_id)}-arrow-{esc(p.edge.group)})"/>' for p in drawing.edges)
    nodes = "".join(_node(n, drawing.nodes[n.id]) for n in graph.nodes)
    labels = "".join(_label(p) for p in drawing.edges if p.label_box is not None)
    return (svg_open(diagram_id, "graph", title, description, drawing.width, drawing.height, SMALL)
            + f'<defs>{defs}</defs><g class="boundaries">{bounds}</g><g class="edges">{paths}</g>'
            f'<g class="nodes">{nodes}</g><g class="labels">{labels}</g></svg>')

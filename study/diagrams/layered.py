"""Layered graph diagrams, laid out in Python and drawn as inline SVG.

A small Sugiyama-style layout: nodes sit in rows given by their rank; edges
that skip rows get invisible waypoints; rows are reordered by barycentres to
cut crossings; x positions come from isotonic regression (each node pulled
towards its neighbours, order and spacing kept). Output depends only on the
input, so builds are reproducible and the result can be compared in tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from study.diagrams.text import esc, num, width, wrap

FONT = 14.0
SMALL = 12.0
LINE = 18.0
PAD_X, PAD_Y = 12.0, 10.0
MAX_LABEL = 200.0  # px before a label wraps
MIN_BOX = 96.0
GAP_X, GAP_DUMMY = 28.0, 14.0
GAP_Y = 64.0
MARGIN = 8.0


@dataclass
class Node:
    id: str
    label: str
    rank: int
    group: str = "default"  # CSS class suffix: colour by area
    sublabel: str = ""
    shape: str = "box"  # box | actor | external


@dataclass
class Edge:
    src: str
    dst: str
    label: str = ""
    group: str = "default"  # CSS class suffix: line style by kind


@dataclass
class _Slot:
    """A node or an edge waypoint occupying a place in a row."""

    id: str
    row: int
    width: float
    height: float
    node: Node | None = None
    x: float = 0.0  # centre
    up: list[str] = field(default_factory=list)
    down: list[str] = field(default_factory=list)


@dataclass
class Layout:
    width: float
    height: float
    slots: dict[str, _Slot]
    rows: list[list[str]]
    row_top: list[float]
    row_height: list[float]
    chains: list[tuple[Edge, list[str], bool]]  # edge, slot ids top to bottom, reversed?
    flat: list[Edge]


def _box_lines(node: Node) -> tuple[list[str], list[str]]:
    return wrap(node.label, FONT, MAX_LABEL, bold=True), wrap(node.sublabel, SMALL, MAX_LABEL) if node.sublabel else []


def _box_size(node: Node) -> tuple[float, float]:
    title, sub = _box_lines(node)
    text_w = max([width(t, FONT, True) for t in title] + [width(s, SMALL) for s in sub])
    height = PAD_Y * 2 + LINE * len(title) + (SMALL + 4) * len(sub)
    if node.shape == "actor":
        height += 18  # head drawn above the label
    return max(MIN_BOX, text_w + PAD_X * 2), height


def _crossings(rows, slots, r) -> int:
    pos = {s: i for i, s in enumerate(rows[r + 1])}
    pairs = [(i, pos[d]) for i, s in enumerate(rows[r]) for d in slots[s].down]
    return sum(1 for a in range(len(pairs)) for b in range(a + 1, len(pairs))
               if (pairs[a][0] - pairs[b][0]) * (pairs[a][1] - pairs[b][1]) < 0)


def _order(rows: list[list[str]], slots: dict[str, _Slot], sweeps: int = 12) -> list[list[str]]:
    """Barycentre sweeps; keep the ordering with the fewest crossings."""

    def total(rs):
        return sum(_crossings(rs, slots, r) for r in range(len(rs) - 1))

    best, best_score = [list(r) for r in rows], total(rows)
    for sweep in range(sweeps):
        down = sweep % 2 == 0
        order = range(1, len(rows)) if down else range(len(rows) - 2, -1, -1)
        for r in order:
            ref_row = rows[r - 1] if down else rows[r + 1]
            pos = {s: i for i, s in enumerate(ref_row)}

            def key(item, down=down, pos=pos):
                i, s = item
                nbrs = slots[s].up if down else slots[s].down
                return (sum(pos[n] for n in nbrs) / len(nbrs)) if nbrs else i

            rows[r] = [s for _, s in sorted(enumerate(rows[r]), key=key)]
        score = total(rows)
        if score < best_score:
            best, best_score = [list(r) for r in rows], score
    return best


def _isotonic(targets: list[float], weights: list[float]) -> list[float]:
    """Weighted pool-adjacent-violators: the closest non-decreasing sequence."""
    blocks: list[list[float]] = []  # [weighted sum, weight, count]
    for t, w in zip(targets, weights):
        blocks.append([t * w, w, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, w2, c = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += w2
            blocks[-1][2] += c
    out: list[float] = []
    for s, w, c in blocks:
        out += [s / w] * int(c)
    return out


def _gap(a: _Slot, b: _Slot, gap_x: float = GAP_X) -> float:
    return GAP_DUMMY if a.node is None or b.node is None else gap_x


def _place_row(row: list[str], slots, desired: dict[str, float], gap_x: float = GAP_X) -> None:
    offsets, acc = [], 0.0
    for i, s in enumerate(row):
        if i:
            prev = slots[row[i - 1]]
            acc += (prev.width + slots[s].width) / 2 + _gap(prev, slots[s], gap_x)
        offsets.append(acc)
    targets = [desired[s] - off for s, off in zip(row, offsets)]
    weights = [1.0 if slots[s].node else 0.6 for s in row]
    for s, y, off in zip(row, _isotonic(targets, weights), offsets):
        slots[s].x = y + off


def _positions(rows, slots, rounds: int = 10, gap_x: float = GAP_X) -> None:
    widths = []
    for row in rows:
        _place_row(row, slots, {s: 0.0 for s in row}, gap_x)
        widths.append(slots[row[-1]].x + slots[row[-1]].width / 2 - (slots[row[0]].x - slots[row[0]].width / 2))
    widest = max(widths)
    for row, w in zip(rows, widths):  # start centred
        shift = (widest - w) / 2 - (slots[row[0]].x - slots[row[0]].width / 2)
        for s in row:
            slots[s].x += shift
    for _ in range(rounds):
        for row in rows + rows[::-1]:
            desired = {}
            for s in row:
                nbrs = slots[s].up + slots[s].down
                desired[s] = sum(slots[n].x for n in nbrs) / len(nbrs) if nbrs else slots[s].x
            _place_row(row, slots, desired, gap_x)
    left = min(sl.x - sl.width / 2 for sl in slots.values())
    for sl in slots.values():
        sl.x += MARGIN - left


LABEL_STEP = 20.0  # vertical room per edge label in a gap between rows


def layout(nodes: list[Node], edges: list[Edge], gap_y: float = GAP_Y, edge_labels: bool = False,
           gap_x: float = GAP_X) -> Layout:
    ids = {n.id for n in nodes}
    for e in edges:
        if e.src not in ids or e.dst not in ids:
            raise ValueError(f"edge {e.src} -> {e.dst} names an unknown node")
    ranks = sorted({n.rank for n in nodes})
    row_of = {r: i for i, r in enumerate(ranks)}
    slots: dict[str, _Slot] = {}
    rows: list[list[str]] = [[] for _ in ranks]
    for n in nodes:
        w, h = _box_size(n)
        slots[n.id] = _Slot(n.id, row_of[n.rank], w, h, node=n)
        rows[row_of[n.rank]].append(n.id)

    chains, flat = [], []
    for k, e in enumerate(edges):
        a, b = slots[e.src], slots[e.dst]
        if a.row == b.row:
            flat.append(e)
            continue
        rev = a.row > b.row
        top, bottom = (b, a) if rev else (a, b)
        chain = [top.id]
        for row in range(top.row + 1, bottom.row):
            dummy = _Slot(f"~{k}~{row}", row, 6.0, 0.0)
            slots[dummy.id] = dummy
            rows[row].append(dummy.id)
            chain.append(dummy.id)
        chain.append(bottom.id)
        for upper, lower in zip(chain, chain[1:]):
            slots[upper].down.append(lower)
            slots[lower].up.append(upper)
        chains.append((e, chain, rev))

    rows = _order(rows, slots)
    _positions(rows, slots, gap_x=gap_x)

    row_height = [max([slots[s].height for s in row] + [0.0]) for row in rows]
    labels_below = [0] * len(rows)  # labelled edges leaving each row downwards
    if edge_labels:
        for e, chain, _ in chains:
            if e.label:
                labels_below[slots[chain[0]].row] += 1
    row_top, y = [], MARGIN
    for r, h in enumerate(row_height):
        row_top.append(y)
        y += h + max(gap_y, LABEL_STEP * labels_below[r] + 24)
    total_h = y - max(gap_y, LABEL_STEP * labels_below[-1] + 24) + MARGIN + (22.0 if flat else 0.0)
    total_w = max(sl.x + sl.width / 2 for sl in slots.values()) + MARGIN
    return Layout(total_w, total_h, slots, rows, row_top, row_height, chains, flat)


# -- drawing ------------------------------------------------------------------

def _ports(lay: Layout) -> dict[tuple[str, int], float]:
    """Spread edge ends along each box's top and bottom, ordered by the far end."""
    ends: dict[tuple[str, str], list[tuple[float, int]]] = {}
    for k, (e, chain, _) in enumerate(lay.chains):
        ends.setdefault((chain[0], "bottom"), []).append((lay.slots[chain[1]].x, k))
        ends.setdefault((chain[-1], "top"), []).append((lay.slots[chain[-2]].x, k))
    for k, e in enumerate(lay.flat):
        for end, other in ((e.src, e.dst), (e.dst, e.src)):
            ends.setdefault((end, "bottom"), []).append((lay.slots[other].x, len(lay.chains) + k))
    ports = {}
    for (slot_id, side), items in ends.items():
        sl = lay.slots[slot_id]
        usable = sl.width * 0.7
        items.sort()
        for i, (_, k) in enumerate(items):
            frac = (i + 1) / (len(items) + 1)
            ports[(slot_id, k, side)] = sl.x - usable / 2 + usable * frac
    return ports


def _bottom(lay: Layout, sl: _Slot) -> float:
    return lay.row_top[sl.row] + (lay.row_height[sl.row] + sl.height) / 2 if sl.node else lay.row_top[sl.row] + lay.row_height[sl.row]


def _top(lay: Layout, sl: _Slot) -> float:
    return lay.row_top[sl.row] + (lay.row_height[sl.row] - sl.height) / 2 if sl.node else lay.row_top[sl.row]


def _curve(points: list[tuple[float, float]]) -> str:
    """Vertical-tangent cubic segments through the points."""
    (x0, y0), d = points[0], [f"M{num(points[0][0])},{num(points[0][1])}"]
    for x1, y1 in points[1:]:
        if x1 == x0:
            d.append(f"L{num(x1)},{num(y1)}")
        else:
            ym = (y0 + y1) / 2
            d.append(f"C{num(x0)},{num(ym)} {num(x1)},{num(ym)} {num(x1)},{num(y1)}")
        x0, y0 = x1, y1
    return " ".join(d)


def _t_for_height(fraction: float) -> float:
    """Curve parameter at which a _curve segment reaches `fraction` of its height."""
    lo, hi = 0.0, 1.0
    for _ in range(30):  # y(t) = 1.5 t (1 - t) + t^3 rises monotonically from 0 to 1
        mid = (lo + hi) / 2
        if 1.5 * mid * (1 - mid) + mid ** 3 < fraction:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def _label_extent(x: float, label: str) -> tuple[float, float]:
    w = width(label, SMALL) + 8
    return x - w / 2, x + w / 2


def _edge_label(x: float, y: float, label: str) -> str:
    w = width(label, SMALL) + 8
    return (f'<g class="edge-label"><rect x="{num(x - w / 2)}" y="{num(y - 9)}" width="{num(w)}" height="18" rx="3"/>'
            f'<text x="{num(x)}" y="{num(y + 4)}" text-anchor="middle">{esc(label)}</text></g>')


def _node(lay: Layout, sl: _Slot) -> str:
    n = sl.node
    title, sub = _box_lines(n)
    top = _top(lay, sl)
    x0 = sl.x - sl.width / 2
    parts = [f'<g class="node n-{esc(n.group)} shape-{esc(n.shape)}" data-id="{esc(n.id)}">']
    text_top = top + PAD_Y
    if n.shape == "actor":
        parts.append(f'<circle cx="{num(sl.x)}" cy="{num(top + 8)}" r="8"/>')
        top += 18
        text_top += 18
    rx = 14 if n.shape == "actor" else 4
    dash = ' stroke-dasharray="6 4"' if n.shape == "external" else ""
    parts.append(f'<rect x="{num(x0)}" y="{num(top)}" width="{num(sl.width)}" height="{num(sl.height - (top - _top(lay, sl)))}" rx="{rx}"{dash}/>')
    y = text_top + FONT
    for line in title:
        parts.append(f'<text class="title" x="{num(sl.x)}" y="{num(y)}" text-anchor="middle">{esc(line)}</text>')
        y += LINE
    y += 0 if not sub else -2
    for line in sub:
        parts.append(f'<text class="sub" x="{num(sl.x)}" y="{num(y)}" text-anchor="middle">{esc(line)}</text>')
        y += SMALL + 4
    parts.append("</g>")
    return "".join(parts)


def render(diagram_id: str, title: str, description: str, nodes: list[Node], edges: list[Edge],
           edge_labels: bool = True, gap_y: float = GAP_Y, gap_x: float = GAP_X) -> str:
    """An accessible inline SVG for a layered graph."""
    lay = layout(nodes, edges, gap_y, edge_labels, gap_x)
    ports = _ports(lay)
    groups = sorted({e.group for e in edges})
    defs = "".join(
        f'<marker id="{esc(diagram_id)}-arrow-{esc(g)}" class="arrow e-{esc(g)}" viewBox="0 0 10 10" refX="9" refY="5" '
        f'markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker>'
        for g in groups)
    paths, labels = [], []
    left_edge, right_edge = 0.0, lay.width
    # Labels of edges leaving the same row are staggered in height, each on its own curve.
    by_row: dict[int, list[int]] = {}
    for k, (e, chain, _) in enumerate(lay.chains):
        if edge_labels and e.label:
            by_row.setdefault(lay.slots[chain[0]].row, []).append(k)
    label_t: dict[int, float] = {}
    for row, ks in by_row.items():
        ks.sort(key=lambda k: lay.slots[lay.chains[k][1][1]].x)
        for i, k in enumerate(ks):
            label_t[k] = (i + 1) / (len(ks) + 1)
    for k, (e, chain, rev) in enumerate(lay.chains):
        first, last = lay.slots[chain[0]], lay.slots[chain[-1]]
        pts = [(ports[(chain[0], k, "bottom")], _bottom(lay, first))]
        for mid in chain[1:-1]:
            sl = lay.slots[mid]
            pts += [(sl.x, _top(lay, sl)), (sl.x, _bottom(lay, sl))]
        pts.append((ports[(chain[-1], k, "top")], _top(lay, last)))
        marker = "marker-start" if rev else "marker-end"
        paths.append(f'<path class="edge e-{esc(e.group)}" d="{_curve(pts)}" '
                     f'{marker}="url(#{esc(diagram_id)}-arrow-{esc(e.group)})"/>')
        if k in label_t:
            (x0, y0), (x1, y1) = pts[0], pts[1]
            t = _t_for_height(label_t[k])
            x = x0 + (x1 - x0) * (3 * t * t - 2 * t * t * t)
            labels.append(_edge_label(x, y0 + (y1 - y0) * label_t[k], e.label))
            lo, hi = _label_extent(x, e.label)
            left_edge, right_edge = min(left_edge, lo - MARGIN), max(right_edge, hi + MARGIN)
    for k, e in enumerate(lay.flat):
        kk = len(lay.chains) + k
        a, b = lay.slots[e.src], lay.slots[e.dst]
        xa, xb = ports[(e.src, kk, "bottom")], ports[(e.dst, kk, "bottom")]
        ya, yb = _bottom(lay, a), _bottom(lay, b)
        dip = max(ya, yb) + 22
        paths.append(f'<path class="edge e-{esc(e.group)}" d="M{num(xa)},{num(ya)} C{num(xa)},{num(dip)} '
                     f'{num(xb)},{num(dip)} {num(xb)},{num(yb)}" marker-end="url(#{esc(diagram_id)}-arrow-{esc(e.group)})"/>')
        if edge_labels and e.label:
            labels.append(_edge_label((xa + xb) / 2, dip - 4, e.label))
            lo, hi = _label_extent((xa + xb) / 2, e.label)
            left_edge, right_edge = min(left_edge, lo - MARGIN), max(right_edge, hi + MARGIN)
    body = "".join(_node(lay, lay.slots[n.id]) for n in nodes)
    return (
        f'<svg class="study-diagram layered" id="{esc(diagram_id)}" role="img" '
        f'aria-labelledby="{esc(diagram_id)}-title {esc(diagram_id)}-desc" '
        f'viewBox="{num(left_edge)} 0 {num(right_edge - left_edge)} {num(lay.height)}" '
        f'width="{num(right_edge - left_edge)}" height="{num(lay.height)}" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{esc(diagram_id)}-title">{esc(title)}</title>'
        f'<desc id="{esc(diagram_id)}-desc">{esc(description)}</desc>'
        f'<defs>{defs}</defs><g class="edges">{"".join(paths)}</g><g class="nodes">{body}</g>'
        f'<g class="labels">{"".join(labels)}</g></svg>'
    )

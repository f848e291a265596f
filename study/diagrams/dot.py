"""Lay out a `Graph` with Graphviz `dot` (decision 0007), and read the result back.

dot only places things: it gets every box at the size this package measured
and returns positions, edge splines and label spots as JSON. The SVG is then
drawn by `study.diagrams.graph`, with the site's classes, so the output
contract (inline, both colour schemes, accessible) does not depend on dot's
own SVG. dot is deterministic: one input gives one output.
"""

from __future__ import annotations

import functools
import itertools
import json
import shutil
import subprocess
from typing import Any

from study.diagrams.graph import Box, Drawing, Edge, Graph, Node, PlacedEdge, label_size, node_size
from study.diagrams.text import num
from study.errors import DataError

MARGIN = 6.0
PT = 72.0  # dot measures sizes in inches and positions in points; one point is drawn as one pixel
BOUNDARY_LABEL = 20.0  # room above a boundary's first row for its label


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _node_line(node: Node) -> str:
    w, h = node_size(node)
    return f"{_quote(node.id)} [width={w / PT:.4f}, height={h / PT:.4f}];"


def _occupied(graph: Graph, boundary_id: str) -> bool:
    """Whether a boundary holds a node, itself or in a boundary inside it (dot drops empty clusters)."""
    return (any(n.boundary == boundary_id for n in graph.nodes)
            or any(_occupied(graph, b.id) for b in graph.boundaries if b.parent == boundary_id))


def _cluster(graph: Graph, boundary_id: str, depth: int) -> list[str]:
    boundary = next(b for b in graph.boundaries if b.id == boundary_id)
    pad = "  " * depth
    out = [f"{pad}subgraph {_quote('cluster_' + boundary.id)} {{",
           f"{pad}  label={_quote(boundary.label)}; labeljust=l; fontsize=12; margin=10;"]
    for child in graph.boundaries:
        if child.parent == boundary.id and _occupied(graph, child.id):
            out += _cluster(graph, child.id, depth + 1)
    out += [f"{pad}  {_node_line(n)}" for n in graph.nodes if n.boundary == boundary.id]
    return [*out, f"{pad}}}"]


def _row_lines(graph: Graph) -> list[str]:
    """Constraints that keep rows: the bottom row last, and ranks in order where asked."""
    out = []
    if graph.bottom:
        # The bottom row under everything else: one row, below every other node.
        out.append(f"  {{rank=same; {' '.join(_quote(n) for n in graph.bottom)}}}")
        out += [f"  {_quote(n.id)} -> {_quote(graph.bottom[0])} [style=invis, weight=0];"
                for n in graph.nodes if n.id not in graph.bottom]
    if graph.ranked:
        ranks = sorted({n.rank for n in graph.nodes})
        for rank in ranks:
            out.append(f"  {{rank=same; {' '.join(_quote(n.id) for n in graph.nodes if n.rank == rank)}}}")
        # Invisible edges stack the rows in order, even where no real edge joins them.
        for upper, lower in itertools.pairwise(ranks):
            a = next(n for n in graph.nodes if n.rank == upper)
            b = next(n for n in graph.nodes if n.rank == lower)
            out.append(f"  {_quote(a.id)} -> {_quote(b.id)} [style=invis];")
    return out


def _edge_line(edge: Edge) -> str:
    # The label itself, in a face metric-compatible with Liberation Sans, so that
    # dot leaves the room the drawn label (or number badge) needs.
    label = f' {edge.label} ' if edge.label.isdigit() else edge.label
    return f"  {_quote(edge.src)} -> {_quote(edge.dst)}" + (f" [label={_quote(label)}]" if edge.label else "") + ";"


def source(graph: Graph) -> str:
    """The graph in the DOT language: sizes fixed, labels left to us."""
    out = ["digraph G {",
           f'  graph [rankdir={"LR" if graph.across else "TB"}, nodesep=0.2, ranksep=0.45, fontname="Arial", '
           "fontsize=12, newrank=true, splines=true, outputorder=edgesfirst];",
           '  node [shape=box, fixedsize=true, label="", margin=0];',
           '  edge [fontname="Arial", fontsize=12, arrowsize=0.7];']
    for boundary in graph.boundaries:
        if not boundary.parent and _occupied(graph, boundary.id):
            out += _cluster(graph, boundary.id, 1)
    out += [f"  {_node_line(n)}" for n in graph.nodes if not n.boundary]
    out += _row_lines(graph)
    out += [_edge_line(e) for e in graph.edges]
    return "\n".join([*out, "}"]) + "\n"


@functools.lru_cache(maxsize=256)
def _dot_output(text: str) -> str:
    """dot's JSON for a graph; the same figure on two pages is laid out once."""
    result = subprocess.run(["dot", "-Tjson0"], input=text, capture_output=True, text=True, timeout=60, check=False)
    if result.returncode != 0:
        raise DataError(None, 0, "", f"Graphviz could not lay out this figure: {result.stderr.strip()}")
    return result.stdout


def run_dot(text: str) -> dict[str, Any]:
    if shutil.which("dot") is None:
        raise DataError(None, 0, "", "Graphviz's `dot` is not installed: `make serve` and `make test` "
                        "install Debian's graphviz package")
    data: dict[str, Any] = json.loads(_dot_output(text))
    return data


def _points(text: str) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in (p.split(",")[:2] for p in text.split())]


def _bezier(p0: tuple[float, float], p1: tuple[float, float], p2: tuple[float, float],
            p3: tuple[float, float], steps: int = 8) -> list[tuple[float, float]]:
    out = []
    for i in range(1, steps + 1):
        t = i / steps
        a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t ** 3
        out.append((a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]))
    return out


class _Frame:
    """dot's coordinates (points, y upwards) to ours (pixels, y downwards, with a margin)."""

    def __init__(self, bb: str):
        x0, y0, x1, y1 = (float(v) for v in bb.split(","))
        self.x0, self.top, self.width, self.height = x0, y1, x1 - x0 + 2 * MARGIN, y1 - y0 + 2 * MARGIN

    def pt(self, x: float, y: float) -> tuple[float, float]:
        return x - self.x0 + MARGIN, self.top - y + MARGIN


def _edge_path(frame: _Frame, pos: str) -> tuple[str, list[tuple[float, float]]]:
    tip = None
    spline = []
    for token in pos.split():
        if token.startswith("e,"):
            tip = frame.pt(*_points(token[2:])[0])
        elif not token.startswith("s,"):
            spline.append(frame.pt(*_points(token)[0]))
    d = [f"M{num(spline[0][0])},{num(spline[0][1])}"]
    poly = [spline[0]]
    for i in range(1, len(spline) - 2, 3):
        p1, p2, p3 = spline[i], spline[i + 1], spline[i + 2]
        d.append(f"C{num(p1[0])},{num(p1[1])} {num(p2[0])},{num(p2[1])} {num(p3[0])},{num(p3[1])}")
        poly += _bezier(poly[-1], p1, p2, p3)
    if tip:
        d.append(f"L{num(tip[0])},{num(tip[1])}")
        poly.append(tip)
    return " ".join(d), poly


def layout(graph: Graph) -> Drawing:
    data = run_dot(source(graph))
    frame = _Frame(data["bb"])
    nodes: dict[str, Box] = {}
    boundaries: dict[str, Box] = {}
    for obj in data.get("objects", []):
        name = obj["name"]
        if name.startswith("cluster_"):
            x0, y0, x1, y1 = (float(v) for v in obj["bb"].split(","))
            left, top = frame.pt(x0, y1)
            boundaries[name.removeprefix("cluster_")] = Box(left, top, x1 - x0, y1 - y0)
        elif "pos" in obj:
            cx, cy = frame.pt(*_points(obj["pos"])[0])
            w, h = float(obj["width"]) * PT, float(obj["height"]) * PT
            nodes[name] = Box(cx - w / 2, cy - h / 2, w, h)
    names = {obj["_gvid"]: obj["name"] for obj in data.get("objects", [])}
    # dot lists edges in its own order; find each of ours by its ends, repeats in turn.
    found: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for placed in data.get("edges", []):
        if placed.get("style") == "invis":
            continue  # the edges that only keep rows in order
        found.setdefault((names[placed["tail"]], names[placed["head"]]), []).append(placed)
    edges = []
    for edge in graph.edges:
        placed = found[(edge.src, edge.dst)].pop(0)
        path, poly = _edge_path(frame, placed["pos"])
        label_box = None
        if edge.label and "lp" in placed:
            lx, ly = frame.pt(*_points(placed["lp"])[0])
            w, h = label_size(edge.label)
            label_box = Box(lx - w / 2, ly - h / 2, w, h)
        edges.append(PlacedEdge(edge, path, tuple(poly), label_box))
    return Drawing(frame.width, frame.height, nodes, tuple(edges), boundaries)

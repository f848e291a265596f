"""Compare two layout engines on the site's own box-and-arrow figures (decision 0007).

    .venv/bin/python scripts/compare_layouts.py [--old-engine COMMIT] [--json OUT]

The figures are the ones the site drew before the decision: the seven area
views, the "who uses whom" map of every component, and the layer map, each
with the same boxes, edges and full (uncut) interface labels. Each is laid out
by the hand-written layered engine that the site used until then (read from
git at COMMIT, study/diagrams/layered.py) and by Graphviz dot through
study.diagrams.dot. Both are measured the same way, from the SVG they produce:

- label overlaps: pairs of edge labels whose boxes intersect, plus edge labels
  lying on a node box;
- edge crossings: pairs of edges whose paths (sampled as polylines) cross;
- natural width, and the size a 12 px label is drawn at in the 688 px column;
- SVG bytes, layout-and-draw time (median of 5), and whether two runs give
  byte-identical SVG.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from study.build import load_site
from study.diagrams import dot, graph
from study.schema import AREAS

COLUMN = 688.0
OLD_ENGINE = "ee38013"  # the last commit with the hand-written engine as the site used it
Point = tuple[float, float]
Rect = tuple[float, float, float, float]


def _module_at(commit: str, path: str, name: str, replace: tuple[str, str] = ("", "")) -> ModuleType:
    text = subprocess.run(["git", "-C", str(ROOT), "show", f"{commit}:{path}"],
                          capture_output=True, text=True, check=True).stdout
    if replace[0]:
        text = text.replace(*replace)
    target = Path(tempfile.mkdtemp()) / f"{name}.py"
    target.write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, target)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def old_engine(commit: str) -> ModuleType:
    """study/diagrams/layered.py as it was at `commit`, with the text measuring of that commit."""
    _module_at(commit, "study/diagrams/text.py", "old_text")
    return _module_at(commit, "study/diagrams/layered.py", "old_layered",
                      ("from study.diagrams.text import", "from old_text import"))


LAYER_RANK = {"tool": 0, "daemon": 1, "library": 2, "kernel": 3, "distribution": 4}
FAMILY = {"cli": "command", "c-api": "library", "python-api": "library", "file": "files", "config-file": "files",
          "systemd-unit": "service"}


def _pairs(model: Any) -> dict[tuple[str, str], list[Any]]:
    pairs: dict[tuple[str, str], list[Any]] = {}
    for comp in model.components:
        for iface in comp.get("interfaces", []):
            for consumer in iface.get("consumers", []):
                pairs.setdefault((consumer, comp["id"]), []).append(iface)
    return pairs


def figures(model: Any) -> dict[str, tuple[list[tuple[str, str, int, str, str]], list[tuple[str, str, str, str]]]]:
    """name -> (nodes as (id, label, rank, group, sublabel), edges as (src, dst, label, group))."""
    pairs = _pairs(model)
    comps = {c["id"]: c for c in model.components}
    edges_all = [(s, d, ", ".join(i["name"] for i in ifaces), FAMILY.get(ifaces[0]["kind"], "ipc"))
                 for (s, d), ifaces in pairs.items()]

    def node(cid: str) -> tuple[str, str, int, str, str]:
        c = comps[cid]
        return cid, c["name"].split(" (")[0], LAYER_RANK[c["layer"]], c["area"], c["layer"]

    out = {}
    for area in AREAS:
        core = {c for c, comp in comps.items() if comp["area"] == area}
        edges = [e for e in edges_all if e[0] in core or e[1] in core]
        shown = core | {e[0] for e in edges} | {e[1] for e in edges}
        out[f"area-{area}"] = ([node(c) for c in comps if c in shown], edges)
    out["system-map"] = ([node(c) for c in comps], [(s, d, "", g) for s, d, _, g in edges_all])
    out["layer-map"] = ([node(c) for c in comps], [])
    for area in AREAS:  # the same views with each edge numbered, the full names in a table
        nodes, edges = out[f"area-{area}"]
        out[f"numbered-{area}"] = (nodes, [(s, d, str(i), g) for i, (s, d, _, g) in enumerate(edges, start=1)])
    return out


def render_old(engine: ModuleType, name: str, nodes: list[Any], edges: list[Any]) -> str:
    ns = [engine.Node(i, label, rank, group=g, sublabel=sub) for i, label, rank, g, sub in nodes]
    es = [engine.Edge(s, d, label=lab, group=g) for s, d, lab, g in edges]
    return str(engine.render(name, name, name, ns, es, edge_labels=any(e[2] for e in edges)))


def render_dot(name: str, nodes: list[Any], edges: list[Any]) -> str:
    dot._dot_output.cache_clear()  # time a real run of dot, not the build's cache
    g = graph.Graph(tuple(graph.Node(i, label, group, sub, rank=rank) for i, label, rank, group, sub in nodes),
                    tuple(graph.Edge(s, d, lab, grp) for s, d, lab, grp in edges), ranked=not edges)
    return graph.svg(g, dot.layout(g), name, name, name)


# -- measuring from the SVG ------------------------------------------------------------

_NUM = r"(-?[\d.]+)"


def _rects(svg: str, group: str) -> list[Rect]:
    pattern = (rf'<g class="{group}[^"]*"[^>]*>(?:<circle[^>]*/>)?'
               rf'<rect x="{_NUM}" y="{_NUM}" width="{_NUM}" height="{_NUM}"')
    return [tuple(float(v) for v in m.groups()) for m in re.finditer(pattern, svg)]  # type: ignore[misc]


def _label_rects(svg: str) -> list[Rect]:
    rects = _rects(svg, "edge-label")
    for m in re.finditer(rf'<g class="edge-label[^"]*"><circle cx="{_NUM}" cy="{_NUM}" r="{_NUM}"', svg):
        cx, cy, r = (float(v) for v in m.groups())
        rects.append((cx - r, cy - r, 2 * r, 2 * r))
    return rects


def _path_points(d: str) -> list[Point]:
    tokens = re.findall(r"[MLC]|-?[\d.]+", d)
    points: list[Point] = []
    i, cmd = 0, "M"
    while i < len(tokens):
        if tokens[i] in "MLC":
            cmd = tokens[i]
            i += 1
            continue
        if cmd == "C":
            p = [(float(tokens[i + k]), float(tokens[i + k + 1])) for k in (0, 2, 4)]
            start = points[-1]
            for step in range(1, 9):
                t = step / 8
                a, b, c, e = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t ** 3
                points.append((a * start[0] + b * p[0][0] + c * p[1][0] + e * p[2][0],
                               a * start[1] + b * p[0][1] + c * p[1][1] + e * p[2][1]))
            i += 6
        else:
            points.append((float(tokens[i]), float(tokens[i + 1])))
            i += 2
    return points


def _edges(svg: str) -> list[list[Point]]:
    return [_path_points(d) for d in re.findall(r'<path class="edge[^"]*" d="([^"]+)"', svg)]


def _cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    def orient(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    return orient(a, b, c) * orient(a, b, d) < 0 and orient(c, d, a) * orient(c, d, b) < 0


def crossings(paths: list[list[Point]]) -> int:
    count = 0
    for p, q in itertools.combinations(paths, 2):
        if any(_cross(a, b, c, d) for a, b in itertools.pairwise(p) for c, d in itertools.pairwise(q)):
            count += 1
    return count


def _hit(r: Rect, s: Rect) -> bool:
    return r[0] < s[0] + s[2] and s[0] < r[0] + r[2] and r[1] < s[1] + s[3] and s[1] < r[1] + r[3]


def overlaps(svg: str) -> int:
    labels, nodes = _label_rects(svg), _rects(svg, "node")
    return (sum(1 for a, b in itertools.combinations(labels, 2) if _hit(a, b))
            + sum(1 for a in labels for n in nodes if _hit(a, n)))


def measure(render: Any) -> dict[str, Any]:
    times, outputs = [], []
    for _ in range(5):
        start = time.perf_counter()
        outputs.append(render())
        times.append(time.perf_counter() - start)
    svg = outputs[0]
    natural = float(re.search(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+)', svg).group(1))  # type: ignore[union-attr]
    return {"label_overlaps": overlaps(svg), "edge_crossings": crossings(_edges(svg)),
            "labels_cut": svg.count("…"), "width": round(natural), "label_px_in_column":
            round(12 * min(1.0, COLUMN / natural), 1), "svg_bytes": len(svg.encode()),
            "ms": round(statistics.median(times) * 1000, 1), "identical": len(set(outputs)) == 1}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old-engine", default=OLD_ENGINE)
    parser.add_argument("--json")
    args = parser.parse_args()
    engine = old_engine(args.old_engine)
    model = load_site(ROOT).model
    results = {}
    for name, (nodes, edges) in figures(model).items():
        results[name] = {
            "hand-written": measure(lambda n=nodes, e=edges, f=name: render_old(engine, f, n, e)),
            "graphviz": measure(lambda n=nodes, e=edges, f=name: render_dot(f, n, e)),
        }
    keys = ["label_overlaps", "edge_crossings", "width", "label_px_in_column", "svg_bytes", "ms", "identical"]
    print("figure".ljust(18) + "".join(f"{k:>20}" for k in keys))
    for name, row in results.items():
        for engine_name, m in row.items():
            print(f"{name:<12}{engine_name[:6]:>6}" + "".join(f"{m[k]!s:>20}" for k in keys))
    totals = {e: {k: sum(r[e][k] for r in results.values()) for k in keys[:2] + ["svg_bytes", "ms"]}
              for e in ("hand-written", "graphviz")}
    print("totals", json.dumps(totals))
    if args.json:
        Path(args.json).write_text(json.dumps({"figures": results, "totals": totals}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

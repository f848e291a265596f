"""The trust-boundary view: privileged entry points, who calls them, and what the code checks.

The figure follows the area views (study.render.views): zones are boundaries
(the network, the host's user space split into unprivileged and root, the
kernel, a container), entry points and their callers are boxes, and every
arrow runs from a caller to the entry point it reaches, numbered, with what
passes in the table under the figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from study import routes
from study.diagrams import dot
from study.diagrams.figure import KeyEntry, NodeLink, figure
from study.diagrams.graph import Boundary, Edge, Graph, Node, svg
from study.records import Caller, EntryPoint
from study.render import md
from study.render.cite import Refs
from study.render.components import link as component_link
from study.render.components import short_name

Model = Any
ZONE_LABELS = {"network": "Network", "host-user": "User space: unprivileged users", "host-root": "User space: root",
               "kernel": "Kernel", "container": "A container"}
ZONE_STYLES = {"network": "network", "host-user": "user", "host-root": "root", "kernel": "kernel",
               "container": "container"}
EDGE_LABELS = {"network": "from the network", "host-user": "from unprivileged local users",
               "host-root": "from root on the host", "kernel": "from the kernel", "container": "from a container"}
# Rows, top to bottom: remote callers, local unprivileged callers and containers, the entry points that face
# the network (with root's own tools beside them), the local entry points, the kernel.
CALLER_ROW = {"network": 0, "host-user": 1, "container": 1, "host-root": 3, "kernel": 5}
HOST = "host"


@dataclass(frozen=True)
class Arrow:
    """One numbered arrow: a caller reaching an entry point."""

    number: int
    caller: Caller
    entry: EntryPoint


def caller_id(name: str) -> str:
    return "caller-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _entry_row(entry: EntryPoint) -> int:
    """Below its callers: network-facing entry points first, then local ones, then root's own."""
    zones = {c["zone"] for c in entry["callers"]}
    if entry["zone"] == "kernel":
        return 5
    if "network" in zones:
        return 2
    return 3 if "host-user" in zones else 4


def arrows(model: Model) -> list[Arrow]:
    """Every caller of every entry point, numbered in data order."""
    found = [(c, e) for e in model.entry_points for c in e["callers"]]
    return [Arrow(n, c, e) for n, (c, e) in enumerate(found, start=1)]


def boundaries(used: set[str]) -> tuple[Boundary, ...]:
    inside = [Boundary(z, ZONE_LABELS[z], HOST, style=ZONE_STYLES[z]) for z in ZONE_LABELS
              if z != "network" and z in used]
    network = [Boundary("network", ZONE_LABELS["network"], style="network")] if "network" in used else []
    return (*network, Boundary(HOST, "OpenVZ 7.0 host", style="host"), *inside)


def graph(model: Model, page: str) -> Graph:
    """Callers and entry points as boxes in their zones, one arrow per caller."""
    nodes: dict[str, Node] = {}
    for entry in model.entry_points:
        for caller in entry["callers"]:
            nodes.setdefault(caller_id(caller["name"]), Node(
                caller_id(caller["name"]), caller["name"], "actor", boundary=caller["zone"],
                rank=CALLER_ROW[caller["zone"]], link=f"{page}#{routes.entry_anchor(entry['id'])}"))
    for entry in model.entry_points:
        comp = model.get("components", entry["component"])
        nodes[f"ep-{entry['id']}"] = Node(f"ep-{entry['id']}", entry["name"], comp["area"], short_name(comp),
                                          boundary=entry["zone"], rank=_entry_row(entry),
                                          link=f"{page}#{routes.entry_anchor(entry['id'])}")
    edges = tuple(Edge(caller_id(a.caller["name"]), f"ep-{a.entry['id']}", str(a.number),
                       f"zone-{a.caller['zone']}") for a in arrows(model))
    used = {n.boundary for n in nodes.values()}
    return Graph(tuple(nodes.values()), edges, boundaries(used), ranked=True)


def _key(g: Graph) -> list[KeyEntry]:
    zones = [z for z in ZONE_LABELS if any(e.group == f"zone-{z}" for e in g.edges)]
    areas = list(dict.fromkeys(n.group for n in g.nodes if n.group != "actor"))
    return ([KeyEntry("node", "n-actor", "caller")]
            + [KeyEntry("node", f"n-{a}", f"entry point, area: {a}") for a in areas]
            + [KeyEntry("edge", f"e-zone-{z}", EDGE_LABELS[z]) for z in zones]
            + [KeyEntry("boundary", "b-kernel", "zone")])


def _links(page: str, g: Graph, drawing: Any) -> list[NodeLink]:
    out = []
    for n in g.nodes:
        target, _, anchor = n.link.partition("#")
        box = drawing.nodes[n.id]
        out.append(NodeLink(n.label, routes.url(page, target, anchor), box.x, box.y, box.w, box.h))
    return out


def _arrow_table(refs: Refs, found: list[Arrow]) -> str:
    rows = []
    for a in found:
        target = md.link(md.text(a.entry["name"]), f"#{routes.entry_anchor(a.entry['id'])}")
        rows.append([str(a.number), md.text(a.caller["name"]), target, md.rich(a.caller["passes"])])
    return md.table(["#", "Caller", "Entry point", "What passes"], rows)


def trust_map(refs: Refs, number: int) -> str:
    """The trust-boundary figure and the table of its numbered arrows."""
    g = graph(refs.model, refs.page)
    drawing = dot.layout(g)
    zones = ", ".join(b.label for b in g.boundaries if b.id != HOST)
    description = (f"{len(refs.model.entry_points)} entry points of privileged processes and "
                   f"{len(g.nodes) - len(refs.model.entry_points)} kinds of caller, in the zones {zones}; "
                   f"{len(g.edges)} numbered arrows run from caller to entry point, and the table below the "
                   "figure says what passes over each.")
    drawn = svg(g, drawing, "trust-map", "Trust boundaries of an OpenVZ 7.0 host", description)
    caption = ("Who reaches the privileged entry points of an OpenVZ 7.0 host; each numbered arrow runs from caller "
               "to entry point.")
    fig = figure(drawn, number, caption, _key(g), _links(refs.page, g, drawing), routes.root(refs.page))
    return fig + "\n\n" + _arrow_table(refs, arrows(refs.model)) + "\n"


def _section(refs: Refs, entry: EntryPoint) -> str:
    comp = refs.model.get("components", entry["component"])
    where = "the kernel" if entry["zone"] == "kernel" else "a root process"
    served = f"Served by {where}: {component_link(refs.page, comp)}, {md.rich(entry['runs_as'])}."
    if "interface" in entry:
        iface = next(i for i in comp["interfaces"] if i["id"] == entry["interface"])
        target = routes.relative(refs.page, routes.component(comp["id"]), routes.PROVIDES)
        served += f" Interface: {md.link(md.code(iface['name']), target)}."
    parts = [f"### {md.text(entry['name'])} {{ #{routes.entry_anchor(entry['id'])} }}", "", served]
    for title, key in (("Who may call it", "access"), ("What is checked", "checks"), ("Hardening", "hardening")):
        finding = entry[key]  # type: ignore[literal-required]
        parts += ["", f"**{title}.** {md.rich(finding['text'])}{refs.evidence(finding['evidence'])}"]
    return "\n".join(parts)


def sections(refs: Refs) -> str:
    """One section per entry point: who serves it, who may call it, the checks and the hardening."""
    return "\n\n".join(_section(refs, e) for e in refs.model.entry_points) + "\n"

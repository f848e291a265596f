"""Views of the system drawn from the component and interface data.

Box-and-arrow views follow the C4 checklist: a dozen boxes at most, boundaries
drawn (the host, user space, the kernel), one arrow per pair of components from
the user to the provider, numbered, with the interfaces behind each number in a
table under the figure, and every box a link to its page. The layer map is a
grid of links rather than a drawing, so that it reflows on a phone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from study import routes
from study.diagrams import dot
from study.diagrams.figure import KeyEntry, NodeLink, figure
from study.diagrams.graph import Boundary, Edge, Graph, Node, svg
from study.diagrams.text import esc
from study.records import Component, Interface
from study.render import md
from study.render.cite import Refs
from study.render.components import link as component_link
from study.render.components import short_name
from study.schema import AREAS

Model = Any
MAX_NODES = 12
ACTOR_ANCHOR = "actor-"

# Interface kinds drawn alike, so the key stays short.
FAMILY = {
    "cli": "command",
    "c-api": "library", "python-api": "library",
    "dbus": "ipc", "unix-socket": "ipc", "tcp": "ipc", "rpc": "ipc", "libvirt-uri": "ipc", "protocol": "ipc",
    "cgroup": "kernel", "sysfs": "kernel", "procfs": "kernel", "ioctl": "kernel", "syscall": "kernel",
    "netlink": "kernel", "kernel-module": "kernel",
    "file": "files", "config-file": "files",
    "systemd-unit": "service",
}
FAMILY_LABELS = {
    "command": "runs a command", "library": "calls a library API", "ipc": "IPC: D-Bus, socket, RPC",
    "kernel": "kernel interface: cgroup, sysfs, ioctl", "files": "reads or writes files",
    "service": "starts a systemd unit",
}
HOST, USER, KERNEL = "host", "user", "kernel"
BOUNDARIES = (Boundary(HOST, "OpenVZ 7.0 host", style="host"),
              Boundary(USER, "User space", HOST, style="user"), Boundary(KERNEL, "Kernel", HOST, style="kernel"))


@dataclass(frozen=True)
class Link:
    """One arrow of a view: who uses whom, over which interfaces."""

    number: int
    src: str  # node id
    dst: str
    interfaces: tuple[tuple[Component, Interface], ...]  # (provider, interface)
    users: tuple[Component, ...]


def uses(model: Model) -> dict[tuple[str, str], list[Interface]]:
    """(consumer, provider) -> the provider's interfaces the consumer uses, in data order."""
    pairs: dict[tuple[str, str], list[Interface]] = {}
    for comp in model.components:
        for iface in comp.get("interfaces", []):
            for consumer in iface.get("consumers", []):
                pairs.setdefault((consumer, comp["id"]), []).append(iface)
    return pairs


def _boundary_of(layers: set[str]) -> str:
    if layers == {"kernel"}:
        return KERNEL
    return HOST if layers == {"distribution"} else USER


def _stub(area: str, members: list[Component]) -> Node:
    """One box for all the neighbours from another area, linking to that area's page."""
    return Node(f"area-{area}", f"{area} area", area, ", ".join(short_name(m) for m in members),
                boundary=_boundary_of({m["layer"] for m in members}), link=routes.AREA_PAGES[area])


def _view_nodes(comps: dict[str, Component], area: str, shown: set[str]) -> tuple[dict[str, Node], dict[str, str]]:
    """The boxes of a view, and which box each shown component is drawn as."""
    others = {comps[c]["area"] for c in shown if comps[c]["area"] != area}
    stubs = others if len(shown) > MAX_NODES else set()  # too many boxes: one per neighbouring area
    nodes: dict[str, Node] = {}
    drawn_as: dict[str, str] = {}
    for cid in (c for c in comps if c in shown):
        comp = comps[cid]
        if comp["area"] in stubs:
            members = [comps[m] for m in comps if m in shown and comps[m]["area"] == comp["area"]]
            nodes.setdefault(f"area-{comp['area']}", _stub(comp["area"], members))
            drawn_as[cid] = f"area-{comp['area']}"
        else:
            nodes[cid] = Node(cid, short_name(comp), comp["area"], comp["layer"],
                              boundary=_boundary_of({comp["layer"]}), link=routes.component(cid))
            drawn_as[cid] = cid
    return nodes, drawn_as


def _numbered(pairs: dict[tuple[str, str], list[Interface]], comps: dict[str, Component], drawn_as: dict[str, str],
              order: list[str]) -> list[Link]:
    merged: dict[tuple[str, str], list[tuple[Component, Interface, Component]]] = {}
    for (user, provider), ifaces in pairs.items():
        merged.setdefault((drawn_as[user], drawn_as[provider]), []).extend(
            (comps[provider], i, comps[user]) for i in ifaces)
    links = []
    ranked = sorted(merged.items(), key=lambda kv: (order.index(kv[0][0]), order.index(kv[0][1])))
    for n, (key, items) in enumerate(ranked, start=1):
        seen: dict[tuple[str, str], tuple[Component, Interface]] = {}
        for owner, iface, _ in items:
            seen.setdefault((owner["id"], iface["id"]), (owner, iface))
        users = tuple(dict.fromkeys(u["id"] for _, _, u in items))
        links.append(Link(n, key[0], key[1], tuple(seen.values()), tuple(comps[u] for u in users)))
    return links


def area_links(model: Model, area: str) -> tuple[list[Node], list[Link]]:
    """The boxes and numbered arrows of one area's view."""
    if area not in AREAS:
        raise KeyError(f"unknown area '{area}' (expected one of: {', '.join(AREAS)})")
    comps = {c["id"]: c for c in model.components}
    pairs = {k: v for k, v in uses(model).items() if comps[k[0]]["area"] == area or comps[k[1]]["area"] == area}
    shown = {c for pair in pairs for c in pair} | {c for c, comp in comps.items() if comp["area"] == area}
    nodes, drawn_as = _view_nodes(comps, area, shown)
    return list(nodes.values()), _numbered(pairs, comps, drawn_as, list(nodes))


def _key(nodes: list[Node], edges: list[Edge]) -> list[KeyEntry]:
    areas = [a for a in AREAS if any(n.group == a for n in nodes)]
    families = [f for f in FAMILY_LABELS if any(e.group == f for e in edges)]
    return ([KeyEntry("node", f"n-{a}", a) for a in areas]
            + [KeyEntry("edge", f"e-{f}", FAMILY_LABELS[f]) for f in families]
            + [KeyEntry("boundary", "b-kernel", "boundary: host, user space, kernel"),
               KeyEntry("edge", "e-default", "every arrow points from the user to the provider")])


def _node_links(page: str, graph: Graph, drawing: Any) -> list[NodeLink]:
    out = []
    for n in graph.nodes:
        if n.link:
            target, _, anchor = n.link.partition("#")
            out.append(NodeLink(n.label, routes.url(page, target, anchor), *_box(drawing.nodes[n.id])))
    return out


def _box(box: Any) -> tuple[float, float, float, float]:
    return box.x, box.y, box.w, box.h


def _link_table(page: str, nodes: list[Node], links: list[Link]) -> str:
    names = {n.id: n.label for n in nodes}
    rows = []
    for link in links:
        ifaces = "; ".join(f"{md.text(i['kind'])} {md.code(i['name'])}" for _, i in link.interfaces)
        provider = link.interfaces[0][0]
        target = routes.relative(page, routes.component(provider["id"]), routes.PROVIDES)
        users = ", ".join(component_link(page, u) for u in link.users)
        rows.append([str(link.number), users, md.link(md.text(names[link.dst]), target), ifaces])
    return md.table(["#", "User", "Provider", "Interfaces"], rows)


def area_map(model: Model, area: str, page: str, number: int) -> str:
    """One area's components and their neighbours, the arrows numbered, and the table of interfaces."""
    nodes, links = area_links(model, area)
    edges = [Edge(link.src, link.dst, str(link.number), FAMILY[link.interfaces[0][1]["kind"]]) for link in links]
    below = tuple(n.id for n in nodes if n.boundary in (KERNEL, HOST))
    graph = Graph(tuple(nodes), tuple(edges), BOUNDARIES, bottom=below)
    drawing = dot.layout(graph)
    description = (f"Components of the {area} area and the components they use or are used by: {len(nodes)} boxes "
                   f"inside the host's user space and kernel boundaries, and {len(edges)} numbered arrows, each "
                   "from a user to the provider of an interface; the table below the figure names the interfaces.")
    drawn = svg(graph, drawing, f"area-{area}", f"The {area} area of OpenVZ 7.0", description)
    caption = f"The {area} components and their neighbours; each numbered arrow runs from user to provider."
    fig = figure(drawn, number, caption, _key(nodes, edges), _node_links(page, graph, drawing), routes.root(page))
    # The interfaces' names, kinds and what passes are indexed on their providers' pages.
    return fig + "\n\n" + md.unsearched(_link_table(page, nodes, links)) + "\n"


# -- the context view ------------------------------------------------------------------------

def context_map(model: Model, page: str, number: int) -> str:
    """C4 level 1: the host as one box, the people and systems that use it or that it uses."""
    host = Node("host", "OpenVZ 7.0 host", "platform", f"{len(model.components)} components, one kernel", rank=1,
                link=routes.BUILDING_BLOCKS)
    nodes, edges = [], []
    for actor in model.actors:
        shape = "actor" if actor["kind"] == "person" else "external"
        rank = 0 if actor["place"] == "user" else 2
        nodes.append(Node(actor["id"], actor["name"], "actor", shape=shape, rank=rank,
                          link=f"{page}#{ACTOR_ANCHOR}{actor['id']}"))
        src, dst = (actor["id"], "host") if actor["place"] == "user" else ("host", actor["id"])
        edges.append(Edge(src, dst, actor["interaction"], "default"))
    users = [n for n in nodes if n.rank == 0]
    peers = [n for n in nodes if n.rank == 2]
    graph = Graph((*users, host, *peers), tuple(edges), ranked=True)
    drawing = dot.layout(graph)
    description = (f"The host in the middle; above it {len(users)} users of the host "
                   f"({', '.join(n.label for n in users)}), below it {len(peers)} systems the host talks to "
                   f"({', '.join(n.label for n in peers)}). Arrows are labelled with what passes.")
    drawn = svg(graph, drawing, "context-map", "OpenVZ 7.0 host and its surroundings", description)
    key = [KeyEntry("actor", "n-actor", "a person"), KeyEntry("external", "n-actor", "another program or host"),
           KeyEntry("node", "n-platform", "the OpenVZ 7.0 host")]
    return figure(drawn, number, "Context: who uses an OpenVZ 7.0 host, and what it talks to.", key,
                  _node_links(page, graph, drawing), routes.root(page))


def actors_table(refs: Refs) -> str:
    rows = []
    for actor in refs.model.actors:
        via = ", ".join(component_link(refs.page, refs.model.get("components", c)) for c in actor["via"])
        name = f'<span id="{ACTOR_ANCHOR}{actor["id"]}"></span>{md.text(actor["name"])}'
        rows.append([name, md.rich(actor["description"]) + refs.evidence(actor["evidence"]), via])
    return md.table(["Who", "What they do", "Through"], rows)


# -- the layer map ------------------------------------------------------------------------------

LAYER_ORDER = ("tool", "daemon", "library", "kernel", "distribution")
LAYER_TITLES = {"tool": "Command-line tools", "daemon": "Daemons", "library": "Libraries",
                "kernel": "Kernel", "distribution": "Distribution"}


def layer_map(model: Model, page: str, number: int) -> str:
    """Every component in rows by layer, coloured by area: a grid of links, each row named once."""
    rows = []
    for layer in LAYER_ORDER:
        members = sorted((c for c in model.components if c["layer"] == layer), key=lambda c: AREAS.index(c["area"]))
        boxes = "".join(f'<li><a class="study-layer-box n-{c["area"]}" '
                        f'href="{esc(routes.url(page, routes.component(c["id"])))}">{esc(short_name(c))}</a></li>'
                        for c in members)
        rows.append(f'<div class="study-layer-row"><p class="study-layer-name">{LAYER_TITLES[layer]}</p>'
                    f'<ul class="study-layer-items">{boxes}</ul></div>')
    areas = [a for a in AREAS if any(c["area"] == a for c in model.components)]
    swatches = "".join(f'<li><span class="study-layer-swatch n-{a}"></span>{a}</li>' for a in areas)
    caption = (f"The {len(model.components)} parts of OpenVZ 7.0 by layer, coloured by the area they serve; "
               "each box opens the component's page.")
    return "\n".join(['<figure class="study-figure study-layers">',
                      f'<div class="study-layer-map">{"".join(rows)}</div>',
                      f"<figcaption>Figure {number}: {esc(caption)}</figcaption>",
                      f'<div class="study-key" data-search-exclude><span class="study-key-title">Key:</span>'
                      f"<ul>{swatches}</ul></div>", "</figure>"])

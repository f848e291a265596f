"""Diagrams drawn from the component and interface data."""

from __future__ import annotations

from study.diagrams import layered
from study.diagrams.figure import KeyEntry, figure
from study.render import cite, md
from study.render.components import page_path, short_name
from study.schema import AREAS, LAYERS

# Rows of the system map, top to bottom: who calls sits above what it calls.
LAYER_RANK = {"tool": 0, "daemon": 1, "library": 2, "kernel": 3, "distribution": 4}
assert set(LAYER_RANK) == set(LAYERS)

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


def dependency_edges(model) -> list[layered.Edge]:
    """One arrow per consumer/provider pair, from consumer to provider."""
    pairs: dict[tuple[str, str], list[dict]] = {}
    for comp in model.components:
        for iface in comp.get("interfaces", []):
            for consumer in iface.get("consumers", []):
                pairs.setdefault((consumer, comp["id"]), []).append(iface)
    edges = []
    for (src, dst), ifaces in pairs.items():
        family = FAMILY[ifaces[0]["kind"]]
        edges.append(layered.Edge(src, dst, label=", ".join(i["name"] for i in ifaces), group=family))
    return edges


def _key(model, comps, edges) -> list[KeyEntry]:
    areas = [a for a in AREAS if any(c["area"] == a for c in comps)]
    families = [f for f in FAMILY_LABELS if any(e.group == f for e in edges)]
    return ([KeyEntry("node", f"n-{a}", a) for a in areas]
            + [KeyEntry("edge", f"e-{f}", FAMILY_LABELS[f]) for f in families])


def area_map(model, area: str, number: int) -> str:
    """The components of one area and their direct neighbours, with labelled interfaces."""
    if area not in AREAS:
        raise KeyError(f"unknown area '{area}' (expected one of: {', '.join(AREAS)})")
    core = {c["id"] for c in model.components if c["area"] == area}
    edges = [e for e in dependency_edges(model) if e.src in core or e.dst in core]
    shown = core | {e.src for e in edges} | {e.dst for e in edges}
    comps = [c for c in model.components if c["id"] in shown]
    nodes = [layered.Node(c["id"], short_name(c), LAYER_RANK[c["layer"]], group=c["area"], sublabel=c["layer"])
             for c in comps]
    for e in edges:
        e.label = e.label if len(e.label) <= 28 else e.label[:26] + "…"
    description = (f"Components of the {area} area and the components they exchange data with: {len(nodes)} boxes "
                   f"in rows by layer, {len(edges)} arrows from user to provider, labelled with the interface.")
    svg = layered.render(f"area-{area}", f"The {area} area of OpenVZ 7.0", description, nodes, edges,
                         edge_labels=True)
    caption = f"The {area} components, their neighbours and the interfaces between them (from data/components.yaml)."
    return figure(svg, number, caption, _key(model, comps, edges))


def dependency_ranks(model, edges: list[layered.Edge]) -> dict[str, int]:
    """Rows for a dependency drawing: each user sits above what it uses.

    Rank is the longest chain of users above a component. Shared files and
    formats do not count: who ships a file says little about who calls whom.
    Cycles are broken at the edge that closes them, walking from tools down
    to the kernel. Kernel components go to the row below everything else,
    the distribution below them.
    """
    layer = {c["id"]: c["layer"] for c in model.components}
    ids = sorted((c["id"] for c in model.components), key=lambda i: LAYER_RANK[layer[i]])
    out = {i: [] for i in ids}
    for e in edges:
        if e.group != "files":
            out[e.src].append(e.dst)
    for i in ids:
        out[i].sort(key=lambda j: LAYER_RANK[layer[j]])
    state, acyclic = {}, {i: [] for i in ids}

    def visit(node):
        state[node] = "open"
        for nxt in out[node]:
            if state.get(nxt) == "open":
                continue  # closes a cycle: leave it out of the ranking
            acyclic[node].append(nxt)
            if nxt not in state:
                visit(nxt)
        state[node] = "done"

    for i in ids:
        if i not in state:
            visit(i)
    rank = {i: 0 for i in ids}
    for _ in ids:  # longest path by relaxation; the graph is small
        for a in ids:
            for b in acyclic[a]:
                rank[b] = max(rank[b], rank[a] + 1)
    touched = {e.src for e in edges if e.group != "files"} | {e.dst for e in edges if e.group != "files"}
    for e in edges:  # a component linked only by shared files sits next to its partner
        if e.dst not in touched and e.src in touched:
            rank[e.dst] = rank[e.src] + 1
        elif e.src not in touched and e.dst in touched:
            rank[e.src] = max(0, rank[e.dst] - 1)
    top = max([r for i, r in rank.items() if layer[i] not in ("kernel", "distribution")] + [0])
    for i in ids:
        if layer[i] == "kernel":
            rank[i] = top + 1
        elif layer[i] == "distribution":
            rank[i] = top + 2
    return rank


def context_map(model, number: int) -> str:
    """C4 level 1: the host as one box, the people and systems that use it or that it uses."""
    host = layered.Node("host", "OpenVZ 7.0 host", 1, group="platform",
                        sublabel=f"{len(model.components)} components, one kernel")
    nodes, edges = [], []
    for actor in model.actors:
        rank = 0 if actor["place"] == "user" else 2
        shape = "actor" if actor["kind"] == "person" else "external"
        nodes.append(layered.Node(actor["id"], actor["name"], rank, group="actor", shape=shape))
        src, dst = (actor["id"], "host") if actor["place"] == "user" else ("host", actor["id"])
        edges.append(layered.Edge(src, dst, label=actor["interaction"], group="default"))
    users = [n for n in nodes if n.rank == 0]
    peers = [n for n in nodes if n.rank == 2]
    description = (f"The host in the middle; above it {len(users)} users of the host "
                   f"({', '.join(n.label for n in users)}), below it {len(peers)} systems the host talks to "
                   f"({', '.join(n.label for n in peers)}). Arrows are labelled with what passes.")
    svg = layered.render("context-map", "OpenVZ 7.0 host and its surroundings", description,
                         users + [host] + peers, edges, edge_labels=True)
    key = [KeyEntry("actor", "n-actor", "a person"), KeyEntry("external", "n-actor", "another program or host"),
           KeyEntry("node", "n-platform", "the OpenVZ 7.0 host")]
    return figure(svg, number, "Context: who uses an OpenVZ 7.0 host, and what it talks to.", key)


def actors_table(model, page: str) -> str:
    rows = []
    for actor in model.actors:
        via = ", ".join(md.link(md.text(short_name(model.get("components", c))), md.relative(page, page_path(model.get("components", c))))
                        for c in actor["via"])
        evidence = "; ".join(cite.evidence(page, model, e) for e in actor["evidence"])
        rows.append([md.text(actor["name"]), md.rich(actor["description"]), via, evidence])
    return md.table(["Who", "What they do", "Through", "Evidence"], rows)


LAYER_TITLES = {"tool": "command-line tools", "daemon": "daemons", "library": "libraries",
                "kernel": "kernel", "distribution": "distribution"}


def layer_map(model, number: int) -> str:
    """All components in rows by layer, coloured by area, without edges: the system at a glance."""
    by_area = sorted(model.components, key=lambda c: AREAS.index(c["area"]))
    nodes = [layered.Node(c["id"], short_name(c), LAYER_RANK[c["layer"]], group=c["area"], sublabel=c["layer"])
             for c in by_area]
    rows = ", ".join(f"{LAYER_TITLES[layer]} ({sum(1 for c in model.components if c['layer'] == layer)})"
                     for layer in sorted(LAYER_RANK, key=LAYER_RANK.get))
    description = (f"The {len(nodes)} components of OpenVZ 7.0 in five rows, top to bottom: {rows}. "
                   "Box colours give each component's area; the key names them.")
    svg = layered.render("layer-map", "OpenVZ 7.0 components by layer", description, nodes, [], gap_y=18, gap_x=12)
    caption = "The parts of OpenVZ 7.0 by layer and area; each box has its own page under Components."
    return figure(svg, number, caption, _key(model, model.components, []))


def system_map(model, page: str, number: int) -> str:
    edges = dependency_edges(model)
    ranks = dependency_ranks(model, edges)
    nodes = [
        layered.Node(c["id"], short_name(c), ranks[c["id"]], group=c["area"], sublabel=c["layer"])
        for c in model.components
    ]
    key = _key(model, model.components, edges)
    description = (
        f"{len(nodes)} components, coloured by area, with {len(edges)} arrows. Each arrow runs from a component "
        "down to one whose interface it uses, so users sit above what they use; the kernel is the bottom row "
        "but one, the distribution the last. The interface matrix on the components page lists the same links."
    )
    svg = layered.render("system-map", "OpenVZ 7.0 components and who uses whom", description, nodes, edges,
                         edge_labels=False)
    caption = "The components of OpenVZ 7.0 and the interfaces between them, drawn from data/components.yaml."
    return figure(svg, number, caption, key)

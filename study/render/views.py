"""Diagrams drawn from the component and interface data."""

from __future__ import annotations

from study.diagrams import layered
from study.diagrams.figure import KeyEntry, figure
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


def system_map(model, page: str, number: int) -> str:
    nodes = [
        layered.Node(c["id"], c["name"], LAYER_RANK[c["layer"]], group=c["area"], sublabel=c["layer"])
        for c in model.components
    ]
    edges = dependency_edges(model)
    areas = [a for a in AREAS if any(c["area"] == a for c in model.components)]
    families = [f for f in FAMILY_LABELS if any(e.group == f for e in edges)]
    key = [KeyEntry("node", f"n-{a}", a) for a in areas] + [KeyEntry("edge", f"e-{f}", FAMILY_LABELS[f]) for f in families]
    description = (
        f"{len(nodes)} components in rows by layer (tools, daemons, libraries, kernel, distribution), "
        f"coloured by area, with {len(edges)} arrows. Each arrow runs from a component to one whose interface "
        "it uses. The interface matrix on the components page lists the same links as a table."
    )
    svg = layered.render("system-map", "OpenVZ 7.0 components and who uses whom", description, nodes, edges,
                         edge_labels=False)
    caption = "The components of OpenVZ 7.0 and the interfaces between them, drawn from data/components.yaml."
    return figure(svg, number, caption, key)

"""The build plan: buildability matrix, work packages, phases and critical path."""

from __future__ import annotations

import itertools
from typing import Any

from study import graphs, routes, rules
from study.diagrams import dot
from study.diagrams.figure import KeyEntry, NodeLink, figure
from study.diagrams.graph import Edge, Graph, Node, svg
from study.records import WorkPackage
from study.render import badges, facts, md
from study.render.cite import Refs
from study.render.components import link as component_link
from study.render.components import short_name

Model = Any

VERDICT_TEXT = {
    "reuse": "use the real thing as is",
    "wrap": "call it from Python through an existing binding or protocol",
    "port": "rewrite it in Python 3",
    "out-of-scope": "leave it out of a Python rebuild",
}


def wp_label(wp: WorkPackage) -> str:
    return wp["id"].upper()


def _dependencies(model: Model) -> dict[str, list[str]]:
    return {wp["id"]: list(wp.get("depends_on", [])) for wp in model.work_packages}


def phases(model: Model) -> dict[str, int]:
    """Phase of each package: 1 + the longest chain of packages it waits for."""
    return graphs.depth(_dependencies(model))


def critical_path(model: Model) -> tuple[list[str], int, int]:
    """The chain with the largest total upper effort, first package first, and its low and high totals."""
    by_id = {wp["id"]: wp for wp in model.work_packages}
    chain, high = graphs.heaviest_chain(_dependencies(model), lambda i: rules.effort(by_id[i]["effort"])[1])
    path = list(reversed(chain))
    low = sum(rules.effort(by_id[i]["effort"])[0] for i in path)
    return path, low, high


def packages_for(model: Model, comp_id: str) -> list[WorkPackage]:
    return [wp for wp in model.work_packages if comp_id in wp["components"]]


def _wp_link(page: str, wp: WorkPackage) -> str:
    return md.link(wp_label(wp), routes.relative(page, routes.WORK_PACKAGES, wp["id"]))


def matrix(model: Model, page: str = routes.BUILDABILITY) -> str:
    rows = []
    for entry in model.buildability:
        comp = model.get("components", entry["component"])
        wps = ", ".join(_wp_link(page, wp) for wp in packages_for(model, comp["id"])) or "none"
        rows.append([md.link(md.text(short_name(comp)), f"#{comp['id']}"), badges.plan(entry["verdict"]),
                     md.text(entry["effort"]), wps, md.rich(entry["rationale"])])
    # The reasons are repeated, with all the rest, in the sections below the table.
    return md.unsearched(md.table(["Component", "Verdict", "Effort (person-weeks)", "Work packages", "Why"], rows))


def matrix_details(refs: Refs) -> str:
    out = []
    for entry in refs.model.buildability:
        comp = refs.model.get("components", entry["component"])
        out += [f"### {md.text(short_name(comp))} {{ #{comp['id']} }}", "",
                f"{badges.plan(entry['verdict'])} {md.rich(entry['rationale'])} "
                f"{component_link(refs.page, comp, 'Component page')}.{refs.evidence(entry['evidence'])}", ""]
        if entry.get("precedent"):
            out += [f"- **Python precedent:** {md.rich(entry['precedent'])}"]
        counted = any(e["source"] == comp.get("release") for e in comp.get("loc", []))
        size = facts.loc(refs.model, comp["id"]) if counted else None
        if size is not None:
            out += [f"- **Size at 7.0:** {size:,} non-blank lines of code at the release-era commit"]
        out += [f"- **Needs from the host:** {md.rich(entry['needs'])}",
                f"- **Effort:** {md.text(entry['effort'])} person-weeks (estimate)",
                "- **Risks:** " + " ".join(md.rich(r) for r in entry["risks"]), ""]
    return "\n".join(out)


def verdict_counts(model: Model) -> str:
    counts = {v: sum(1 for b in model.buildability if b["verdict"] == v) for v in VERDICT_TEXT}
    return md.table(["Verdict", "Meaning", "Components"],
                    [[badges.plan(v), md.text(VERDICT_TEXT[v]), str(n)] for v, n in counts.items()])


def _contract(page: str, model: Model, wp: WorkPackage) -> str:
    rows = []
    for item in wp["contract"]:
        comp = model.get("components", item["component"])
        iface = next(i for i in comp["interfaces"] if i["id"] == item["interface"])
        target = routes.relative(page, routes.component(comp["id"]), routes.PROVIDES)
        rows.append([md.link(md.text(short_name(comp)), target), md.code(iface["name"]), md.rich(item["note"])])
    return md.table(["Component", "Interface", "Must match"], rows)


def _package(refs: Refs, wp: WorkPackage, phase: int) -> list[str]:
    page, model = refs.page, refs.model
    deps = ", ".join(_wp_link(page, model.get("work_packages", d)) for d in wp.get("depends_on", [])) or "none"
    comps = ", ".join(component_link(page, model.get("components", c)) for c in wp["components"])
    out = [f"## {wp_label(wp)}: {md.text(wp['title'])} {{ #{wp['id']} }}", "",
           md.rich(wp["goal"]) + refs.evidence(wp["evidence"]), "",
           md.table(["Property", "Value"], [
               ["Phase", str(phase)], ["Depends on", deps], ["Components", comps],
               ["Effort", f"{md.text(wp['effort'])} person-weeks (estimate)"], ["Host", md.rich(wp["host"])],
           ]), "", "**Interface contract**", "", _contract(page, model, wp), ""]
    out += ["**Deliverables**", ""] + [f"- {md.rich(d)}" for d in wp["deliverables"]] + [""]
    out += ["**Acceptance tests**", ""] + [f"- {md.rich(a)}" for a in wp["acceptance"]] + [""]
    out += [f"**Testing without a Virtuozzo kernel.** {md.rich(wp['test_strategy'])}", ""]
    out += ["**Risks**", ""] + [f"- {md.rich(r)}" for r in wp["risks"]] + [""]
    return out


def package_sections(refs: Refs) -> str:
    phase = phases(refs.model)
    out: list[str] = []
    for wp in refs.model.work_packages:
        out += _package(refs, wp, phase[wp["id"]])
    return "\n".join(out)


def phase_table(model: Model, page: str) -> str:
    phase = phases(model)
    path, low, high = critical_path(model)
    rows = []
    for n in sorted(set(phase.values())):
        members = [wp for wp in model.work_packages if phase[wp["id"]] == n]
        rows.append([str(n), ", ".join(f"{_wp_link(page, wp)} {md.text(wp['title'])}" for wp in members)])
    crit = " → ".join(_wp_link(page, model.get("work_packages", i)) for i in path)
    return (md.table(["Phase", "Work packages (each can start when the ones it depends on are done)"], rows)
            + f"\n\n**Critical path:** {crit}, {low} to {high} person-weeks of work in sequence (estimates).\n")


def graph(model: Model, page: str, number: int) -> str:
    """The packages in rows by phase, an arrow from each package to those that wait for it."""
    phase = phases(model)
    path, _, _ = critical_path(model)
    on_path = set(path)
    steps = set(itertools.pairwise(path))
    nodes = [Node(wp["id"], f"{wp_label(wp)} {wp['title']}", "critical" if wp["id"] in on_path else "package",
                  f"{wp['effort']} person-weeks", rank=phase[wp["id"]], link=f"{routes.WORK_PACKAGES}#{wp['id']}")
             for wp in model.work_packages]
    edges = [Edge(dep, wp["id"], group="critical" if (dep, wp["id"]) in steps else "before")
             for wp in model.work_packages for dep in wp.get("depends_on", [])]
    g = Graph(tuple(nodes), tuple(edges), ranked=True)
    drawing = dot.layout(g)
    names = " to ".join(wp_label(model.get("work_packages", i)) for i in path)
    description = (f"{len(nodes)} work packages in {max(phase.values())} phases, top to bottom; an arrow leads from a "
                   f"package to one that depends on it. The critical path is {names}.")
    drawn = svg(g, drawing, "work-packages", "Work packages and their dependencies", description)
    links = [NodeLink(n.label, routes.url(page, routes.WORK_PACKAGES, n.id), drawing.nodes[n.id].x,
                      drawing.nodes[n.id].y, drawing.nodes[n.id].w, drawing.nodes[n.id].h) for n in nodes]
    key = [KeyEntry("node", "n-critical", "on the critical path (thick outline)"),
           KeyEntry("node", "n-package", "other package"), KeyEntry("edge", "e-before", "must come before"),
           KeyEntry("edge", "e-critical", "critical-path link (thick)")]
    return figure(drawn, number, "Work packages by phase; the critical path has its own style.", key, links,
                  routes.root(page))

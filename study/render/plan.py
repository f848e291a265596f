"""The build plan: buildability matrix, work packages, phases, totals, critical path and risks."""

from __future__ import annotations

import itertools
from typing import Any

from study import graphs, routes, rules
from study.diagrams import dot
from study.diagrams.figure import KeyEntry, NodeLink, figure
from study.diagrams.graph import Edge, Graph, Node, svg
from study.records import ReplacedCode, Risk, WorkPackage
from study.render import badges, compat, facts, md
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
LEVEL = {"low": 1, "medium": 2, "high": 3}


def wp_label(wp: WorkPackage) -> str:
    return wp["id"].upper()


def _dependencies(model: Model) -> dict[str, list[str]]:
    return {wp["id"]: [d["package"] for d in wp.get("depends_on", [])] for wp in model.work_packages}


def _effort(model: Model, wp_id: str) -> tuple[int, int]:
    return rules.effort(model.get("work_packages", wp_id)["effort"])


def phases(model: Model) -> dict[str, int]:
    """Phase of each package: 1 + the longest chain of packages it waits for."""
    return graphs.depth(_dependencies(model))


def critical_path(model: Model) -> tuple[list[str], int, int]:
    """The chain with the largest total upper effort, first package first, and its low and high totals."""
    chain, high = graphs.heaviest_chain(_dependencies(model), lambda i: _effort(model, i)[1])
    path = list(reversed(chain))
    low = sum(_effort(model, i)[0] for i in path)
    return path, low, high


def total_effort(model: Model) -> tuple[int, int]:
    """The sum of every package's low and high estimate."""
    ranges = [rules.effort(wp["effort"]) for wp in model.work_packages]
    return sum(r[0] for r in ranges), sum(r[1] for r in ranges)


def work_before(model: Model) -> dict[str, tuple[int, int]]:
    """For each package, the work on its heaviest chain of prerequisites (low, high), by the upper estimate."""
    deps = _dependencies(model)
    before: dict[str, tuple[int, int]] = {}
    for node in graphs.topological(deps):
        chains = [(before[d][0] + _effort(model, d)[0], before[d][1] + _effort(model, d)[1]) for d in deps[node]]
        before[node] = max(chains, key=lambda c: c[1], default=(0, 0))
    return before


def dependents(model: Model, wp_id: str) -> list[WorkPackage]:
    """The packages that wait for this one."""
    return [wp for wp in model.work_packages if wp_id in [d["package"] for d in wp.get("depends_on", [])]]


def packages_for(model: Model, comp_id: str) -> list[WorkPackage]:
    return [wp for wp in model.work_packages if comp_id in wp["components"]]


def _wp_link(page: str, wp: WorkPackage) -> str:
    return md.link(wp_label(wp), routes.relative(page, routes.WORK_PACKAGES, wp["id"]))


def _range(low: int, high: int) -> str:
    return f"{low}–{high}"


# -- the buildability matrix --------------------------------------------------------

def matrix(model: Model, page: str = routes.BUILDABILITY) -> str:
    rows = []
    for entry in model.buildability:
        comp = model.get("components", entry["component"])
        wps = ", ".join(_wp_link(page, wp) for wp in packages_for(model, comp["id"]))
        if not wps:
            wps = md.link("none: why", f"#{comp['id']}") if entry.get("no_package") else "none"
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
                "- **Risks:** " + " ".join(md.rich(r) for r in entry["risks"])]
        if entry.get("no_package"):
            out += [f"- **No work package:** {md.rich(entry['no_package'])}"]
        out += [""]
    return "\n".join(out)


def verdict_counts(model: Model) -> str:
    counts = {v: sum(1 for b in model.buildability if b["verdict"] == v) for v in VERDICT_TEXT}
    return md.table(["Verdict", "Meaning", "Components"],
                    [[badges.plan(v), md.text(VERDICT_TEXT[v]), str(n)] for v, n in counts.items()])


# -- one section per package -----------------------------------------------------------

def _contract(page: str, model: Model, wp: WorkPackage) -> str:
    rows = []
    for item in wp["contract"]:
        comp = model.get("components", item["component"])
        iface = next(i for i in comp["interfaces"] if i["id"] == item["interface"])
        target = routes.relative(page, routes.component(comp["id"]), routes.PROVIDES)
        rows.append([md.link(md.text(short_name(comp)), target), md.code(iface["name"]), md.rich(item["note"])])
    return md.table(["Component", "Interface", "Must match"], rows)


def _facts(page: str, model: Model, wp: WorkPackage, phase: int) -> str:
    before = work_before(model)[wp["id"]]
    start = (f"after {_range(*before)} person-weeks of work on its longest chain of prerequisites"
             if before != (0, 0) else "at once")
    waiting = ", ".join(_wp_link(page, w) for w in dependents(model, wp["id"])) or "none"
    comps = ", ".join(component_link(page, model.get("components", c)) for c in wp["components"])
    return md.table(["Property", "Value"], [
        ["Phase", str(phase)], ["Can start", start], ["Waited for by", waiting], ["Components", comps],
        ["Effort", f"{_range(*rules.effort(wp['effort']))} person-weeks (estimate; basis below)"],
        ["Host", md.rich(wp["host"])],
    ])


def _order(page: str, model: Model, wp: WorkPackage) -> list[str]:
    deps = wp.get("depends_on", [])
    if not deps:
        return ["**Why in this order.** It depends on no other package, so it can start at once.", ""]
    out = ["**Why in this order**", ""]
    for dep in deps:
        before = model.get("work_packages", dep["package"])
        out.append(f"- After {_wp_link(page, before)} ({md.text(before['title'])}): {md.rich(dep['reason'])}")
    return out + [""]


def _replaced(page: str, model: Model, item: ReplacedCode) -> str:
    comp = model.get("components", item["component"])
    counts = dict(item["counts"]) if "counts" in item else next(
        dict(e["counts"]) for e in comp["loc"] if e["source"] == comp.get("release"))
    langs = ", ".join(f"{lang} {n:,}" for lang, n in counts.items())
    every = "" if "scope" in item else "all "
    where = (", in " + ", ".join(md.code(p) for p in item["scope"])) if "scope" in item else ""
    text = (f"Replaces {every}{sum(counts.values()):,} non-blank lines of {component_link(page, comp)} at its "
            f"release-era commit ({langs}){where}.")
    return text + (f" {md.rich(item['note'])}" if item.get("note") else "")


def replaced_lines(model: Model, wp: WorkPackage) -> int:
    """Non-blank lines of 7.0 code a package replaces, from its effort basis and the line-count data."""
    total = 0
    for item in wp["effort_basis"].get("replaces", []):
        comp = model.get("components", item["component"])
        counts = item["counts"] if "counts" in item else next(
            e["counts"] for e in comp["loc"] if e["source"] == comp.get("release"))
        total += sum(counts.values())
    return total


def _cost(page: str, model: Model, wp: WorkPackage) -> list[str]:
    basis = wp["effort_basis"]
    out = [f"**What it costs.** {_range(*rules.effort(wp['effort']))} person-weeks (estimate). "
           f"{md.rich(basis['reasoning'])}", ""]
    out += [f"- {_replaced(page, model, item)}" for item in basis.get("replaces", [])]
    if basis.get("comparable"):
        out.append(f"- Comparable work: {md.rich(basis['comparable'])}")
    return out + [""]


def _risk_line(page: str, model: Model, wp: WorkPackage, risk: Risk) -> str:
    owner = model.get("work_packages", risk.get("owner", wp["id"]))
    by = f" (by {_wp_link(page, owner)})" if owner["id"] != wp["id"] else ""
    return (f"- {md.rich(risk['risk'])} *Likelihood {risk['likelihood']}, impact {risk['impact']}.* "
            f"Mitigation{by}: {md.rich(risk['mitigation'])}")


def _package(refs: Refs, wp: WorkPackage, phase: int) -> list[str]:
    page, model = refs.page, refs.model
    out = [f"## {wp_label(wp)}: {md.text(wp['title'])} {{ #{wp['id']} }}", "",
           md.rich(wp["goal"]) + refs.evidence(wp["evidence"]), "", _facts(page, model, wp, phase), ""]
    out += _order(page, model, wp)
    out += compat.package_lines(model, page, wp["id"])
    out += _cost(page, model, wp)
    out += ["**Interface contract**", "", _contract(page, model, wp), ""]
    out += ["**Deliverables**", ""] + [f"- {md.rich(d)}" for d in wp["deliverables"]] + [""]
    out += ["**Acceptance tests**", ""] + [f"- {md.rich(a)}" for a in wp["acceptance"]] + [""]
    out += [f"**Testing without a Virtuozzo kernel.** {md.rich(wp['test_strategy'])}", ""]
    out += ["**What could go wrong**", ""] + [_risk_line(page, model, wp, r) for r in wp["risks"]] + [""]
    return out


def package_sections(refs: Refs) -> str:
    phase = phases(refs.model)
    out: list[str] = []
    for wp in refs.model.work_packages:
        out += _package(refs, wp, phase[wp["id"]])
    return "\n".join(out)


# -- order, totals, risks ------------------------------------------------------------------

def phase_table(model: Model, page: str) -> str:
    phase = phases(model)
    path, low, high = critical_path(model)
    rows = []
    for n in sorted(set(phase.values())):
        members = [wp for wp in model.work_packages if phase[wp["id"]] == n]
        rows.append([str(n), ", ".join(f"{_wp_link(page, wp)} {md.text(wp['title'])}" for wp in members)])
    crit = " → ".join(_wp_link(page, model.get("work_packages", i)) for i in path)
    total = _range(*total_effort(model))
    return (md.table(["Phase", "Work packages (each can start when the ones it depends on are done)"], rows)
            + f"\n\n**Total effort:** {total} person-weeks for all {len(model.work_packages)} packages (the sum "
            f"of their estimates).\n\n**Critical path:** {crit}, {low} to {high} person-weeks of work in sequence "
            "(the chain with the largest upper estimate).\n")


def effort_table(model: Model, page: str) -> str:
    """Every package's estimate and what it rests on, with the computed total."""
    rows = []
    for wp in model.work_packages:
        lines = replaced_lines(model, wp)
        basis = f"{lines:,} lines of 7.0 code" if lines else "comparable work"
        if lines and wp["effort_basis"].get("comparable"):
            basis += " and comparable work"
        rows.append([_wp_link(page, wp), md.text(wp["title"]), _range(*rules.effort(wp["effort"])), basis])
    rows.append(["", "**Total**", f"**{_range(*total_effort(model))}**", ""])
    return md.table(["Package", "What", "Person-weeks", "Rests on"], rows)


def _risks(model: Model) -> list[tuple[WorkPackage, Risk]]:
    pairs = [(wp, r) for wp in model.work_packages for r in wp["risks"]]
    order = {wp["id"]: i for i, wp in enumerate(model.work_packages)}
    return sorted(pairs, key=lambda p: (-LEVEL[p[1]["likelihood"]] * LEVEL[p[1]["impact"]], order[p[0]["id"]]))


def risk_register(model: Model, page: str) -> str:
    """Every package's risks, the most serious first (likelihood times impact)."""
    rows = []
    for wp, risk in _risks(model):
        owner = model.get("work_packages", risk.get("owner", wp["id"]))
        rows.append([f"{_wp_link(page, wp)} {md.rich(risk['risk'])}", f"{risk['likelihood']} / {risk['impact']}",
                     f"{md.rich(risk['mitigation'])} (owner: {_wp_link(page, owner)})"])
    # Each risk is also listed, with its package, on the work-packages page.
    return md.unsearched(md.table(["Risk", "Likelihood / impact", "Mitigation"], rows))


def graph(model: Model, page: str, number: int) -> str:
    """The packages in columns by phase, an arrow from each package to those that wait for it."""
    phase = phases(model)
    path, _, _ = critical_path(model)
    on_path = set(path)
    steps = set(itertools.pairwise(path))
    nodes = [Node(wp["id"], f"{wp_label(wp)} {wp.get('short', wp['title'])}",
                  "critical" if wp["id"] in on_path else "package",
                  f"{wp['effort']} person-weeks", rank=phase[wp["id"]], link=f"{routes.WORK_PACKAGES}#{wp['id']}")
             for wp in model.work_packages]
    edges = [Edge(dep, wp["id"], group="critical" if (dep, wp["id"]) in steps else "before")
             for wp in model.work_packages for dep in _dependencies(model)[wp["id"]]]
    g = Graph(tuple(nodes), tuple(edges), ranked=True, across=True)
    drawing = dot.layout(g)
    names = " to ".join(wp_label(model.get("work_packages", i)) for i in path)
    description = (f"{len(nodes)} work packages in {max(phase.values())} phases, left to right; an arrow leads from a "
                   f"package to one that depends on it. The critical path is {names}.")
    drawn = svg(g, drawing, "work-packages", "Work packages and their dependencies", description)
    links = [NodeLink(n.label, routes.url(page, routes.WORK_PACKAGES, n.id), drawing.nodes[n.id].x,
                      drawing.nodes[n.id].y, drawing.nodes[n.id].w, drawing.nodes[n.id].h) for n in nodes]
    key = [KeyEntry("node", "n-critical", "on the critical path (thick outline)"),
           KeyEntry("node", "n-package", "other package"), KeyEntry("edge", "e-before", "must come before"),
           KeyEntry("edge", "e-critical", "critical-path link (thick)")]
    return figure(drawn, number, "Work packages by phase; the critical path has its own style.", key, links,
                  routes.root(page))

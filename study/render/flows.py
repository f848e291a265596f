"""Runtime flows: a sequence diagram and a sourced step list per flow."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from study import routes
from study.diagrams import sequence
from study.diagrams.figure import KeyEntry, figure
from study.records import Flow
from study.render import md
from study.render.cite import Refs

Model = Any


def _participants(model: Model, flow: Flow) -> dict[str, sequence.Participant]:
    parts = {}
    for p in flow["participants"]:
        if "component" in p:
            comp = model.get("components", p["component"])
            parts[p["id"]] = sequence.Participant(p["id"], p.get("label", comp["name"]), comp["layer"], comp["area"])
        else:
            parts[p["id"]] = sequence.Participant(p["id"], p["label"], "actor", "actor")
    return parts


def phases(flow: Flow) -> list[tuple[str, int, int]]:
    """(title, first step, last step) of each figure the flow is drawn as."""
    found = [(p["title"], p["first"], p["last"]) for p in flow.get("phases", [])]
    return found or [(flow["title"], 1, len(flow["steps"]))]


def phase_diagram(model: Model, flow: Flow, first: int, last: int) -> sequence.Diagram:
    """The steps first..last (numbered as in the flow), with only the lifelines they use."""
    every = _participants(model, flow)
    steps = flow["steps"][first - 1:last]
    used = {s["src"] for s in steps} | {s["dst"] for s in steps}
    parts = tuple(p for pid, p in every.items() if pid in used)
    index = {p.id: i for i, p in enumerate(parts)}
    lanes = []
    for lane in flow.get("lanes", []):
        members = sorted(index[m] for m in lane["members"] if m in index)
        if members:
            lanes.append(sequence.Lane(lane["label"], members[0], members[-1], lane.get("style", "host")))
    messages = tuple(sequence.Message(s["src"], s["dst"], s["call"], s.get("kind", "call"), first + i)
                     for i, s in enumerate(steps))
    frames = tuple(sequence.Frame(f["kind"], f["label"], f["first"] - first, f["last"] - first)
                   for f in flow.get("frames", []) if first <= f["first"] and f["last"] <= last)
    return sequence.Diagram(parts, messages, frames, tuple(lanes))


_MESSAGE_KEY = (("call", "call (solid, filled head)"), ("reply", "return (dashed, open head)"),
                ("async", "event, no reply (solid, open head)"))


def _key(diagram: sequence.Diagram) -> list[KeyEntry]:
    areas = list(dict.fromkeys(p.group for p in diagram.participants))
    key = [KeyEntry("node", f"n-{a}", "outside actor" if a == "actor" else f"area: {a}") for a in areas]
    styles = list(dict.fromkeys(lane.style for lane in diagram.lanes))
    key += [KeyEntry("lane", f"lane-{s}", "one host" if s == "host" else "kernel space") for s in styles]
    kinds = {m.kind for m in diagram.messages}
    return key + [KeyEntry("message", k, label) for k, label in _MESSAGE_KEY if k in kinds]


def figures(model: Model, flow: Flow, page: str, next_number: Callable[[], int]) -> str:
    """The flow drawn as one figure per phase, numbered on from the page's last figure."""
    drawn = phases(flow)
    out = []
    for k, (title, first, last) in enumerate(drawn, start=1):
        diagram = phase_diagram(model, flow, first, last)
        names = ", ".join(p.label for p in diagram.participants)
        whole = len(drawn) == 1
        heading = flow["title"] if whole else f"{flow['title']}, {k} of {len(drawn)}: {title}"
        description = (f"Sequence diagram with {len(diagram.participants)} lifelines ({names}) and messages "
                       f"{first} to {last}; the numbered list on the flow's page gives each message with its source.")
        svg = sequence.render(f"flow-{flow['id']}" + ("" if whole else f"-{k}"), heading, description, diagram)
        caption = heading + ("" if whole else f" (steps {first}–{last})")
        out.append(figure(svg, next_number(), caption, _key(diagram), root=routes.root(page)))
    return "\n\n".join(out)


def _endpoint(page: str, model: Model, flow: Flow, pid: str) -> str:
    p = next(x for x in flow["participants"] if x["id"] == pid)
    if "component" in p:
        comp = model.get("components", p["component"])
        return md.link(md.text(p.get("label", comp["name"])), routes.relative(page, routes.component(comp["id"])))
    return md.text(p["label"])


def _steps(refs: Refs, flow: Flow) -> str:
    rows = []
    for n, step in enumerate(flow["steps"], start=1):
        ends = [_endpoint(refs.page, refs.model, flow, step[end]) for end in ("src", "dst")]
        # Who calls whom is in every row: the calls, not the names, are what a search looks for.
        who = f'<span data-search-exclude markdown>{" → ".join(ends)}</span>'
        # The call is indexed for search; the note explains it here, as the architecture pages do in prose.
        note = f'<br><span data-search-exclude markdown>{md.rich(step["note"])}</span>' if step.get("note") else ""
        what = md.code(step["call"]) + note
        rows.append([f'<span id="{routes.step_anchor(n)}"></span>{n}', who, what, refs.evidence(step["evidence"])])
    return md.table(["#", "From → to", "Call and what happens", "Source"], rows)


def _frame_steps(first: int, last: int) -> str:
    return f"step {first}" if first == last else f"steps {first}–{last}"


def _frames(flow: Flow) -> list[str]:
    if not flow.get("frames"):
        return []
    return ["", "Frames: " + "; ".join(
        f"{md.text(f['kind'])} \"{md.text(f['label'])}\" around {_frame_steps(f['first'], f['last'])}"
        for f in flow["frames"]) + "."]


def flow_page(refs: Refs, flow: Flow, titles: dict[str, str] | None = None) -> str:
    """The flow's page: summary, version box, figure and the sourced step list."""
    titles = titles or {}
    steps = _steps(refs, flow)  # first, so that the version box can name the commits cited
    out = [f"# {md.text(flow['title'])} {{ #{flow['id']} }}", "", md.rich(flow["summary"]), "",
           '!!! note "Version"', ""]
    if flow.get("version"):
        out += [f"    {md.rich(flow['version'])}", ""]
    numbers = iter(range(1, 100))
    commits = f'<span data-search-exclude markdown>{refs.commits_sentence()}</span>'
    out += [f"    {commits}", "", figures(refs.model, flow, refs.page, numbers.__next__), "",
            "## Steps { #steps }", "", steps]
    out += _frames(flow)
    if flow.get("pages"):
        links = ", ".join(md.link(md.text(titles.get(p.split("#")[0], p)), routes.relative(refs.page, p))
                          for p in flow["pages"])
        out += ["", f"Explained on: {links}."]
    return "\n".join(out) + "\n"


def page_template(flow: Flow) -> str:
    return f"<!-- study:flow-page {flow['id']} -->\n"


def index_list(model: Model, page: str = routes.FLOWS) -> str:
    rows = []
    for flow in model.flows:
        names = {p.get("component") for p in flow["participants"]} - {None}
        rows.append([md.link(md.text(flow["title"]), routes.relative(page, routes.flow(flow["id"]))),
                     str(len(flow["steps"])), str(len(names))])
    return md.table(["Flow", "Steps", "Components"], rows)

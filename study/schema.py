"""The shape of every data file in data/, declared once.

Validation (study.validate), the JSON Schema files (study.jsonschema) and the
data reference page all read these declarations.
"""

from __future__ import annotations

from study.loc import LANGUAGES as LOC_LANGUAGES
from study.spec import Collection, enum, listof, mapping, record, ref, scalar

SOURCE_KINDS = (
    "seed", "repository", "release-notes", "announcement", "documentation", "wiki",
    "mailing-list", "blog", "knowledge-base", "issue-thread", "article", "specification",
)
VERDICTS = ("confirmed", "nuanced", "refuted", "unverified")
LAYERS = ("distribution", "kernel", "library", "daemon", "tool")
AREAS = ("platform", "management", "compute", "memory", "storage", "migration", "patching")
LANGUAGES = ("C", "C++", "Python", "Go", "Shell", "Perl", "Assembly", "Other")
INTERFACE_KINDS = (
    "cli", "c-api", "python-api", "dbus", "unix-socket", "tcp", "rpc", "libvirt-uri",
    "file", "config-file", "cgroup", "sysfs", "procfs", "ioctl", "syscall", "netlink",
    "kernel-module", "systemd-unit", "protocol",
)


# -- cross-record rules -------------------------------------------------------
# Each takes (record, context) and yields (field, message) for every problem.

def _url_unless_seed(src, ctx):
    if src["kind"] != "seed" and "url" not in src:
        yield "", "missing required field 'url' (only the seed may go without one)"


def _repository_fields(src, ctx):
    has_repo, has_commit = "repo" in src, "commit" in src
    if src["kind"] == "repository" and not (has_repo and has_commit):
        yield "kind", "a 'repository' source needs both 'repo' and 'commit'"
    elif has_repo != has_commit:
        yield ("commit" if has_repo else "repo"), "'repo' and 'commit' go together"
    if has_repo and not src.get("url", "").startswith(f"https://github.com/{src['repo']}"):
        yield "url", f"must start with https://github.com/{src['repo']}"


def _locator(item, ctx):
    """Evidence must say where in the source to look."""
    source = ctx.get("sources", item["source"])
    if source is None:
        return
    if "repo" in source:
        # A file and its lines, or (for a source that is one commit) its message.
        if "section" in item and "path" not in item:
            return
        if "path" not in item and "path" not in source:
            yield "", f"evidence from repository source '{item['source']}' needs a 'path'"
        elif "lines" not in item:
            yield "", f"evidence from repository source '{item['source']}' needs 'lines'"
    elif "section" not in item:
        yield "", f"evidence from '{item['source']}' needs a 'section'"


def _release_is_repository(comp, ctx):
    for key in ("release", "head"):
        source = ctx.get("sources", comp.get(key, ""))
        if source is not None and "repo" not in source:
            yield key, f"source '{comp[key]}' is not a repository source"


def _interface_ids_unique(comp, ctx):
    seen = set()
    for iface in comp.get("interfaces", []):
        if iface["id"] in seen:
            yield "interfaces", f"duplicate interface id '{iface['id']}'"
        seen.add(iface["id"])


# -- shared shapes ------------------------------------------------------------

EVIDENCE = record(
    "Where a source supports a statement.",
    rules=(_locator,),
    source=ref("sources", "The source's id."),
    path=scalar("path", "File inside a repository source.", required=False),
    lines=scalar("lines", "Line range in that file at the source's commit.", required=False),
    section=scalar("string", "Page section, for sources that are not repositories.", required=False),
    note=scalar("text", "What this evidence shows, when not obvious.", required=False),
)

INTERFACE = record(
    "Something a component offers to others.",
    id=scalar("id", "Unique within the component."),
    kind=enum(INTERFACE_KINDS, "What sort of interface it is."),
    name=scalar("string", "Its exact name: command, D-Bus name, path, ioctl, URI."),
    description=scalar("text", "What passes over it."),
    consumers=listof(ref("components"), "Components that use it.", required=False),
    evidence=listof(EVIDENCE, "Where the interface is defined or used.", min_items=1),
)

LICENSE = record(
    "The licence as found in the repository at the release-era commit.",
    required=False,
    spdx=scalar("string", "SPDX identifier, e.g. GPL-2.0-only."),
    file=scalar("path", "The file that states it.", required=False),
    note=scalar("text", "Anything a reader should know.", required=False),
)

LOC = record(
    "Lines of code at one commit, counted by scripts/loc.py.",
    source=ref("sources", "The repository source (and so the commit) that was counted."),
    counts=mapping(LOC_LANGUAGES, scalar("int"), "Non-blank lines per language."),
    scope=listof(scalar("path"), "Only these paths were counted (a partial count).", required=False),
    note=scalar("text", "What the count includes or leaves out.", required=False),
)

STEP = record(
    "One message in a runtime flow.",
    src=scalar("id", "Participant id of the caller."),
    dst=scalar("id", "Participant id of the callee."),
    call=scalar("string", "The real command, function, D-Bus method, ioctl or file write."),
    kind=enum(("call", "reply", "async"), "Solid arrow, dashed return, or open arrow.", required=False),
    note=scalar("text", "What happens, for the step list under the diagram.", required=False),
    evidence=listof(EVIDENCE, "Where the code does this.", min_items=1),
)

PARTICIPANT = record(
    "A lifeline: a component, or an actor outside the system.",
    id=scalar("id", "Short id used by the steps."),
    component=ref("components", "The component this lifeline is.", required=False),
    label=scalar("string", "Label for actors, or to override the component's name.", required=False),
)

FRAME = record(
    "A box around consecutive steps: a loop, an alternative or an option.",
    kind=enum(("loop", "alt", "opt"), "The sort of frame."),
    label=scalar("string", "The condition, e.g. 'until the dirty set is small'."),
    first=scalar("int", "Number of the first step inside (steps count from 1)."),
    last=scalar("int", "Number of the last step inside."),
)


def _flow_references(flow, ctx):
    ids = [p["id"] for p in flow["participants"]]
    if len(set(ids)) != len(ids):
        yield "participants", "participant ids must be unique"
    for i, p in enumerate(flow["participants"]):
        if "component" not in p and "label" not in p:
            yield f"participants[{i}]", f"participant '{p['id']}' needs a 'component' or a 'label'"
    for i, step in enumerate(flow["steps"]):
        for end in ("src", "dst"):
            if step[end] not in ids:
                yield f"steps[{i}].{end}", f"unknown participant '{step[end]}'"
    for i, frame in enumerate(flow.get("frames", [])):
        if not 1 <= frame["first"] <= frame["last"] <= len(flow["steps"]):
            yield f"frames[{i}]", f"frame covers steps {frame['first']}-{frame['last']}, outside 1-{len(flow['steps'])}"


# -- the collections ------------------------------------------------------------

SOURCES = Collection(
    "sources", "sources.yaml",
    record(
        rules=(_url_unless_seed, _repository_fields),
        id=scalar("id", "Short unique id; repositories use <name>-7.0 and <name>-head."),
        title=scalar("string", "Title as published, or a description of the repository state."),
        kind=enum(SOURCE_KINDS, "What sort of source it is."),
        url=scalar("url", "Where to read it (every kind but the seed).", required=False),
        repo=scalar("repo", "owner/name on GitHub (repository sources).", required=False),
        commit=scalar("commit", "The commit every path and line refers to.", required=False),
        path=scalar("path", "The one file this source is, if it is a single file.", required=False),
        date=scalar("date", "Publication or commit date.", required=False),
        author=scalar("string", "Author or publisher.", required=False),
        note=scalar("text", "How the source was chosen or what it covers.", required=False),
    ),
    doc="The bibliography. Every fact on the site points here.",
)

CLAIMS = Collection(
    "claims", "claims.yaml",
    record(
        id=scalar("id", "c01 … c24, in the seed's order."),
        quote=listof(scalar("text"), "The German sentence(s), verbatim from the seed.", min_items=1),
        english=scalar("text", "Our English rendering."),
        verdict=enum(VERDICTS, "Whether the claim holds."),
        explanation=scalar("text", "One to three sentences."),
        evidence=listof(EVIDENCE, "Where the verdict comes from.", min_items=1),
        pages=listof(scalar("path"), "Explanation pages that discuss the claim (docs paths).", min_items=1),
        components=listof(ref("components"), "Components the claim is about.", required=False),
    ),
    doc="The seed's claims and our verdicts.",
)

COMPONENTS = Collection(
    "components", "components.yaml",
    record(
        rules=(_release_is_repository, _interface_ids_unique),
        id=scalar("id", "Short unique id, used in URLs."),
        name=scalar("string", "The name the project uses."),
        layer=enum(LAYERS, "Where it runs."),
        area=enum(AREAS, "What it is for."),
        role=scalar("text", "Its responsibility, in one paragraph."),
        languages=listof(enum(LANGUAGES), "Main implementation languages.", min_items=1),
        release=ref("sources", "Repository source at the release-era commit.", required=False),
        head=ref("sources", "Repository source at the newest commit seen.", required=False),
        part_of=ref("components", "The component whose code contains this one.", required=False),
        license=LICENSE,
        entry_points=listof(scalar("path"), "Key files at the release-era commit.", required=False),
        interfaces=listof(INTERFACE, "What it offers to others.", required=False),
        loc=listof(LOC, "Lines of code at the release-era and newest commits.", required=False),
        loc_note=scalar("text", "Why lines of code were not counted, where they were not.", required=False),
        changes_after=scalar("text", "What changed after 7.0.", required=False),
        open_questions=listof(scalar("text"), "What this study could not settle.", required=False),
        sources=listof(ref("sources"), "Sources for the description.", min_items=1),
    ),
    doc="The parts of OpenVZ 7.0.",
)

GLOSSARY = Collection(
    "glossary", "glossary.yaml",
    record(
        term=scalar("string", "The term as it appears in text; also an abbreviation tooltip."),
        expansion=scalar("string", "What an abbreviation stands for.", required=False),
        definition=scalar("text", "What it means in this study."),
        sources=listof(ref("sources"), "Where the meaning comes from.", min_items=1),
    ),
    doc="Terms, and the tooltips shown wherever they occur.",
    id_field="term",
)

FLOWS = Collection(
    "flows", "flows.yaml",
    record(
        rules=(_flow_references,),
        id=scalar("id", "Short unique id, used in URLs."),
        title=scalar("string", "What the flow shows."),
        short=scalar("string", "A short title for navigation.", required=False),
        summary=scalar("text", "One paragraph: the situation and the outcome."),
        version=scalar("text", "Which release the flow describes, and what differs later.", required=False),
        participants=listof(PARTICIPANT, "Lifelines, left to right.", min_items=2),
        steps=listof(STEP, "Messages, top to bottom.", min_items=1),
        frames=listof(FRAME, "Loops and alternatives.", required=False),
        pages=listof(scalar("path"), "Explanation pages that discuss the flow.", required=False),
    ),
    doc="Runtime flows drawn as sequence diagrams.",
    min_items=0,
)

ACTORS = Collection(
    "actors", "actors.yaml",
    record(
        id=scalar("id", "Short unique id."),
        name=scalar("string", "Who or what it is."),
        kind=enum(("person", "system"), "A person, or another program or host."),
        place=enum(("user", "peer"), "Uses the host (drawn above it) or is used by it (drawn below)."),
        interaction=scalar("string", "What passes, in a few words (the arrow's label)."),
        description=scalar("text", "One or two sentences."),
        via=listof(ref("components"), "The components it deals with on the host.", min_items=1),
        evidence=listof(EVIDENCE, "Where the interaction is documented or coded.", min_items=1),
    ),
    doc="The people and systems around an OpenVZ 7.0 host (the context view).",
)

VERDICT_KINDS = ("reuse", "wrap", "port", "out-of-scope")


def _one_verdict_per_component(items, ctx):
    seen = {}
    for i, entry in enumerate(items):
        if entry["component"] in seen:
            yield i, "component", f"second verdict for '{entry['component']}' (first at entry {seen[entry['component']]})"
        seen[entry["component"]] = i
    for comp_id in ctx.index.get("components", {}):
        if comp_id not in seen:
            yield None, "", f"component '{comp_id}' has no verdict"


BUILDABILITY = Collection(
    "buildability", "buildability.yaml",
    record(
        component=ref("components", "The component judged."),
        verdict=enum(VERDICT_KINDS, "Reuse as is, wrap from Python, port to Python, or out of scope."),
        rationale=scalar("text", "Why, in one to three sentences."),
        precedent=scalar("text", "What upstream already writes in Python, or generates as a binding.", required=False),
        needs=scalar("text", "What it needs from the host: kernel features, privileges, services."),
        effort=scalar("string", "Our estimate, in person-weeks, e.g. '2-4' (an estimate, not a fact)."),
        risks=listof(scalar("text"), "What could go wrong.", min_items=1),
        evidence=listof(EVIDENCE, "Sources for the facts the verdict rests on.", min_items=1),
    ),
    doc="Which parts could be rebuilt in Python, and how.",
    id_field="component",
    rules=(_one_verdict_per_component,),
)


def _contract_interfaces_exist(wp, ctx):
    for i, item in enumerate(wp["contract"]):
        comp = ctx.get("components", item["component"])
        if comp is not None and item["interface"] not in [x["id"] for x in comp.get("interfaces", [])]:
            yield f"contract[{i}].interface", f"component '{item['component']}' has no interface '{item['interface']}'"


def _effort_range(wp, ctx):
    low, _, high = wp["effort"].partition("-")
    if not (low.isdigit() and high.isdigit() and int(low) <= int(high)):
        yield "effort", f"expected a range of person-weeks like '2-4', got '{wp['effort']}'"


def _acyclic(items, ctx):
    deps = {wp["id"]: list(wp.get("depends_on", [])) for wp in items}
    state: dict[str, str] = {}

    def visit(node, path):
        state[node] = "open"
        for nxt in deps.get(node, []):
            if state.get(nxt) == "open":
                cycle = path[path.index(nxt):] + [nxt]
                return cycle
            if nxt not in state:
                found = visit(nxt, path + [nxt])
                if found:
                    return found
        state[node] = "done"
        return None

    for i, wp in enumerate(items):
        if wp["id"] not in state:
            cycle = visit(wp["id"], [wp["id"]])
            if cycle:
                yield i, "depends_on", "dependency cycle: " + " -> ".join(c.upper() for c in cycle)
                return


WORK_PACKAGES = Collection(
    "work_packages", "workpackages.yaml",
    record(
        rules=(_contract_interfaces_exist, _effort_range),
        id=scalar("id", "wp-1, wp-2, ..."),
        title=scalar("string", "What gets built."),
        goal=scalar("text", "Why, and what it replaces or complements."),
        components=listof(ref("components"), "The components it rebuilds, wraps or talks to.", min_items=1),
        contract=listof(record(
            component=ref("components", "The component whose interface must be honoured."),
            interface=scalar("id", "The interface id under that component."),
            note=scalar("text", "What exactly must match."),
        ), "Interfaces it must honour to interoperate with the real system.", min_items=1),
        depends_on=listof(ref("work_packages"), "Packages that must come first.", required=False),
        deliverables=listof(scalar("text"), "What is handed over.", min_items=1),
        acceptance=listof(scalar("text"), "Tests that decide it is done.", min_items=1),
        test_strategy=scalar("text", "How to test without a Virtuozzo kernel."),
        host=scalar("text", "What the host running it needs."),
        effort=scalar("string", "Estimate in person-weeks, 'low-high'."),
        risks=listof(scalar("text"), "What could go wrong.", min_items=1),
        evidence=listof(EVIDENCE, "Sources for the contract and the strategy.", min_items=1),
    ),
    doc="Work packages of the Python rebuild, with their dependencies.",
    rules=(_acyclic,),
)

TIMELINE = Collection(
    "timeline", "timeline.yaml",
    record(
        date=scalar("date", "When: YYYY, YYYY-MM or YYYY-MM-DD."),
        title=scalar("string", "What happened, in a few words."),
        description=scalar("text", "One or two sentences; say when a date is inferred from code activity."),
        evidence=listof(EVIDENCE, "Where the date and the event come from.", min_items=1),
    ),
    doc="Dated events from OpenVZ's origins to the later Virtuozzo 7 updates.",
    id_field="",
)


def _paragraphs_in_order(entry, ctx):
    if entry["paragraph"] < 1:
        yield "paragraph", "paragraphs are numbered from 1"


SEED = Collection(
    "translation", "seed.yaml",
    record(
        rules=(_paragraphs_in_order,),
        paragraph=scalar("int", "Paragraph number in the seed file (blank-line separated, from 1)."),
        part=enum(("furniture", "title", "lead", "byline", "body"), "What the paragraph is."),
        english=scalar("text", "Our English translation."),
    ),
    doc="Our translation of the seed, paragraph by paragraph.",
    id_field="",
)

COLLECTIONS = (SOURCES, CLAIMS, COMPONENTS, GLOSSARY, FLOWS, SEED, TIMELINE, ACTORS, BUILDABILITY, WORK_PACKAGES)

"""Cross-record rules, run once every file is read and every id is known.

Record rules take (record, context) and yield (field path, message) for each
problem; collection rules take (records, context) and yield (record index or
None, field path, message). The validator turns the first one into a
DataError at the right line.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

from study import graphs
from study.errors import shown
from study.validate import Context

Problems = Iterator[tuple[str, str]]
ListProblems = Iterator[tuple[int | None, str, str]]
Rec = Any  # a validated record: a dict with line numbers (study.yamlsrc.Mapping)

# Names a record id may not take in a folder of one page per record: the
# folder's own overview page has it.
RESERVED_IDS = ("index",)

# Glossary terms become tooltips wherever they occur, so a common word would
# mark up hundreds of places. The most frequent English words, and a few that
# technical prose uses everywhere.
COMMON_WORDS = frozenset("""
a about after all also an and any are as at be because been but by can could did do does each even
for from had has have he her here him his how i if in into is it its just like may me more most my
new no not now of on one only or other our out over said same see she should so some such than that
the their them then there these they this those through to too under up us use used uses using very
was way we well were what when where which while who why will with would you your call data disk
file host image key line list memory node page part path process run set step system time tool user
value version
""".split())  # noqa: SIM905 - a word list reads better as text

# A glossary term is matched as a whole word: letters, digits and a few joiners.
_TERM = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9 ._/+-]*[A-Za-z0-9+])?")


# -- sources -------------------------------------------------------------------

def url_unless_seed(src: Rec, ctx: Context) -> Problems:
    if src["kind"] != "seed" and "url" not in src:
        yield "", "missing required field 'url' (only the seed may go without one)"


def repository_fields(src: Rec, ctx: Context) -> Problems:
    has_repo, has_commit = "repo" in src, "commit" in src
    if src["kind"] == "repository" and not (has_repo and has_commit):
        yield "kind", "a 'repository' source needs both 'repo' and 'commit'"
    elif has_repo != has_commit:
        yield ("commit" if has_repo else "repo"), "'repo' and 'commit' go together"
    if has_repo and not src.get("url", "").startswith(f"https://github.com/{src['repo']}"):
        yield "url", f"must start with https://github.com/{src['repo']}"


# -- evidence ------------------------------------------------------------------

def locator(item: Rec, ctx: Context) -> Problems:
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


# -- claims and the seed -----------------------------------------------------------

def quotes_in_seed(claim: Rec, ctx: Context) -> Problems:
    for j, quote in enumerate(claim["quote"]):
        if not any(quote in p for p in ctx.seed_paragraphs):
            yield f"quote[{j}]", "not found verbatim in a paragraph of the seed"


def explanation_length(claim: Rec, ctx: Context) -> Problems:
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", claim["explanation"].strip()) if s]
    if not 1 <= len(sentences) <= 3:
        yield "explanation", f"one to three sentences, not {len(sentences)}"


def quotes_in_seed_order(items: list[Rec], ctx: Context) -> ListProblems:
    seed = "\n\n".join(ctx.seed_paragraphs)
    last = -1
    for i, claim in enumerate(items):
        at = seed.find(claim["quote"][0])
        if at < last:
            yield i, "quote[0]", "claims follow the seed's order: this quote comes before the previous claim's"
            return
        last = max(last, at)


def claim_ids_in_seed_order(items: list[Rec], ctx: Context) -> ListProblems:
    for i, claim in enumerate(items):
        expected = f"c{i + 1:02d}"
        if claim["id"] != expected:
            yield i, "id", f"claims are numbered in the seed's order: expected '{expected}', got '{shown(claim['id'])}'"
            return


def one_translation_per_paragraph(items: list[Rec], ctx: Context) -> ListProblems:
    count = len(ctx.seed_paragraphs)
    numbers = [t["paragraph"] for t in items]
    for i, number in enumerate(numbers):
        if number != i + 1:
            yield i, "paragraph", f"expected paragraph {i + 1}: one entry per seed paragraph, in order"
            return
    if len(numbers) != count:
        yield None, "", f"the seed has {count} paragraphs, the translation {len(numbers)}"


# -- components -----------------------------------------------------------------------

def release_is_repository(comp: Rec, ctx: Context) -> Problems:
    for key in ("release", "head"):
        source = ctx.get("sources", comp.get(key, ""))
        if source is not None and "repo" not in source:
            yield key, f"source '{comp[key]}' is not a repository source"


def provenance(comp: Rec, ctx: Context) -> Problems:
    """A component with its own repository states its licence; one without says where its code is."""
    if "release" in comp and "license" not in comp:
        yield "", "a component with a release-era repository needs its 'license'"
    if "release" not in comp and not ("part_of" in comp or comp["layer"] == "distribution"
                                      or "open_questions" in comp):
        yield "", "without a 'release' repository, say what it is 'part_of', or why not in 'open_questions'"


def interface_ids_unique(comp: Rec, ctx: Context) -> Problems:
    seen = set()
    for i, iface in enumerate(comp.get("interfaces", [])):
        if iface["id"] in seen:
            yield f"interfaces[{i}].id", f"duplicate interface id '{iface['id']}'"
        seen.add(iface["id"])


def not_reserved(rec: Rec, ctx: Context) -> Problems:
    if rec["id"] in RESERVED_IDS:
        yield "id", f"'{rec['id']}' is the name of the overview page in its folder; choose another id"


def part_of_acyclic(items: list[Rec], ctx: Context) -> ListProblems:
    graph = {c["id"]: [c["part_of"]] if "part_of" in c else [] for c in items}
    cycle = graphs.find_cycle(graph)
    if cycle:
        index = next(i for i, c in enumerate(items) if c["id"] == cycle[0])
        if len(cycle) == 2:
            yield index, "part_of", f"'{cycle[0]}' is part of itself"
        else:
            yield index, "part_of", "part_of goes round in a circle: " + " -> ".join(cycle)


# -- glossary ---------------------------------------------------------------------------

def matchable_term(term: Rec, ctx: Context) -> Problems:
    value = term["term"]
    if not _TERM.fullmatch(value):
        yield "term", ("cannot be found in running text: a term starts with a letter or digit and holds only "
                       "letters, digits, spaces and . _ / + -")
    elif value.lower() in COMMON_WORDS:
        yield "term", f"'{value}' is a common word; as a tooltip it would mark up most pages"


def terms_distinct(items: list[Rec], ctx: Context) -> ListProblems:
    seen: dict[str, int] = {}
    for i, term in enumerate(items):
        key = re.sub(r"[^a-z0-9]+", "-", term["term"].lower()).strip("-")
        if key in seen:
            yield i, "term", (f"'{shown(term['term'])}' and '{shown(items[seen[key]]['term'])}' (entry {seen[key]}) "
                              "would share one glossary anchor")
            return
        seen[key] = i


# -- flows ------------------------------------------------------------------------------

def flow_references(flow: Rec, ctx: Context) -> Problems:
    ids = [p["id"] for p in flow["participants"]]
    names = {c["name"].lower() for c in ctx.index.get("components", {}).values()} | set(ctx.index.get("components", {}))
    for i, p in enumerate(flow["participants"]):
        if "component" not in p and p.get("label", "").lower() in names:
            yield f"participants[{i}].label", f"'{p['label']}' is a component: use 'component' instead of 'label'"
    if len(set(ids)) != len(ids):
        yield "participants", "participant ids must be unique"
    for i, p in enumerate(flow["participants"]):
        if "component" not in p and "label" not in p:
            yield f"participants[{i}]", f"participant '{p['id']}' needs a 'component' or a 'label'"
    for i, step in enumerate(flow["steps"]):
        for end in ("src", "dst"):
            if step[end] not in ids:
                yield f"steps[{i}].{end}", f"unknown participant '{shown(step[end])}'"
    for i, frame in enumerate(flow.get("frames", [])):
        if not 1 <= frame["first"] <= frame["last"] <= len(flow["steps"]):
            yield f"frames[{i}]", f"frame covers steps {frame['first']}-{frame['last']}, outside 1-{len(flow['steps'])}"


def flow_lanes(flow: Rec, ctx: Context) -> Problems:
    order = [p["id"] for p in flow["participants"]]
    seen: set[str] = set()
    for i, lane in enumerate(flow.get("lanes", [])):
        for j, member in enumerate(lane["members"]):
            if member not in order:
                yield f"lanes[{i}].members[{j}]", f"unknown participant '{shown(member)}'"
                return
            if member in seen:
                yield f"lanes[{i}].members[{j}]", f"participant '{member}' is in two lanes"
                return
        seen |= set(lane["members"])
        places = sorted(order.index(m) for m in lane["members"])
        if places != list(range(places[0], places[0] + len(places))):
            yield (f"lanes[{i}].members",
                   "a lane's participants must stand next to each other in the participants' order")


def flow_phases(flow: Rec, ctx: Context) -> Problems:
    phases = flow.get("phases", [])
    expected = 1
    for i, phase in enumerate(phases):
        if phase["first"] != expected or phase["last"] < phase["first"]:
            yield f"phases[{i}]", (f"phases run in order and hold every step once: expected one starting at step "
                                   f"{expected}, got {phase['first']}-{phase['last']}")
            return
        expected = phase["last"] + 1
    if phases and expected != len(flow["steps"]) + 1:
        yield f"phases[{len(phases) - 1}].last", f"the last phase must end at step {len(flow['steps'])}"
        return
    for i, frame in enumerate(flow.get("frames", [])):
        if phases and not any(p["first"] <= frame["first"] and frame["last"] <= p["last"] for p in phases):
            yield f"frames[{i}]", f"frame {frame['first']}-{frame['last']} crosses a phase boundary"


# -- the plan ---------------------------------------------------------------------------

def one_verdict_per_component(items: list[Rec], ctx: Context) -> ListProblems:
    seen: dict[str, int] = {}
    for i, entry in enumerate(items):
        if entry["component"] in seen:
            first = seen[entry["component"]]
            yield i, "component", f"second verdict for '{entry['component']}' (first at entry {first})"
        seen[entry["component"]] = i
    for comp_id in ctx.index.get("components", {}):
        if comp_id not in seen:
            yield None, "", f"component '{comp_id}' has no verdict"


def contract_interfaces_exist(wp: Rec, ctx: Context) -> Problems:
    for i, item in enumerate(wp["contract"]):
        comp = ctx.get("components", item["component"])
        if comp is not None and item["interface"] not in [x["id"] for x in comp.get("interfaces", [])]:
            yield (f"contract[{i}].interface",
                   f"component '{item['component']}' has no interface '{shown(item['interface'])}'")


_EFFORT = re.compile(r"([0-9]{1,3})-([0-9]{1,3})")


def effort(value: str) -> tuple[int, int]:
    """(low, high) person-weeks of an effort range already checked by effort_range."""
    found = _EFFORT.fullmatch(value)
    assert found, value
    return int(found.group(1)), int(found.group(2))


def effort_range(rec: Rec, ctx: Context) -> Problems:
    found = _EFFORT.fullmatch(rec["effort"])
    if not found or int(found.group(1)) > int(found.group(2)):
        yield "effort", f"expected a range of person-weeks like '2-4' (each at most 999), got '{shown(rec['effort'])}'"


def dependencies_acyclic(items: list[Rec], ctx: Context) -> ListProblems:
    graph = {wp["id"]: [d["package"] for d in wp.get("depends_on", [])] for wp in items}
    cycle = graphs.find_cycle(graph)
    if cycle:
        index = next(i for i, wp in enumerate(items) if wp["id"] == cycle[0])
        yield index, "depends_on", "dependency cycle: " + " -> ".join(c.upper() for c in cycle)


def package_coverage(entry: Rec, ctx: Context) -> Problems:
    """A component the rebuild uses (port, wrap, reuse) is in a work package, or says why not."""
    comp = entry["component"]
    covering = [wp["id"].upper() for wp in ctx.index.get("work_packages", {}).values() if comp in wp["components"]]
    if entry["verdict"] == "out-of-scope":
        if "no_package" in entry:
            yield "no_package", "only port, wrap and reuse verdicts take 'no_package'"
    elif covering and "no_package" in entry:
        yield "no_package", f"'{comp}' is in {', '.join(covering)}; remove 'no_package'"
    elif not covering and "no_package" not in entry:
        yield "", (f"'{comp}' has the verdict '{entry['verdict']}' but no work package lists it in its components; "
                   "add it to one, or say why not in 'no_package'")


def replaced_code(item: Rec, ctx: Context) -> Problems:
    """Replaced code is counted: a scoped count, or the component's own release-era count."""
    if ("scope" in item) != ("counts" in item):
        yield "", "'scope' and 'counts' go together: a partial count made with scripts/loc.py"
        return
    comp = ctx.get("components", item["component"])
    if "scope" not in item and comp is not None and not any(
            e["source"] == comp.get("release") for e in comp.get("loc", [])):
        yield "component", (f"component '{item['component']}' has no line count at its release-era commit; "
                            "give 'scope' and 'counts'")


def effort_basis(basis: Rec, ctx: Context) -> Problems:
    if "replaces" not in basis and "comparable" not in basis:
        yield "", "say what the range rests on: the 7.0 code it 'replaces', or 'comparable' work"


# -- the stock-kernel compatibility matrix -------------------------------------------------

KERNEL_REPO = "torvalds/linux"  # the kernel's own documentation and commits
MAN_PAGES_REPO = "mkerrisk/man-pages"  # the Linux man-pages project
_KERNEL_DOC_SITES = ("https://docs.kernel.org/", "https://www.kernel.org/doc/", "https://kernel.org/doc/")
# Interface kinds of data/components.yaml that are kernel interfaces.
KERNEL_KINDS = ("cgroup", "sysfs", "procfs", "ioctl", "netlink", "kernel-module", "syscall")
_VERSIONED = ("kernel-doc", "man-pages", "controller")


def _source(item: Rec, ctx: Context) -> Rec:
    """The evidence item's source record, or an empty one if the id is unknown (reported elsewhere)."""
    return ctx.get("sources", item["source"]) or {}


def _kernel_doc(item: Rec, ctx: Context) -> bool:
    source = _source(item, ctx)
    return source.get("repo") == KERNEL_REPO or source.get("url", "").startswith(_KERNEL_DOC_SITES)


def _kernel_commit(item: Rec, ctx: Context) -> bool:
    source = _source(item, ctx)
    return source.get("repo") == KERNEL_REPO and "path" not in item and "path" not in source


def _man_pages(item: Rec, ctx: Context) -> bool:
    source = _source(item, ctx)
    return source.get("repo") == MAN_PAGES_REPO


_BASIS_EVIDENCE = {
    "kernel-doc": (_kernel_doc, "the kernel's own documentation (a torvalds/linux file or kernel.org)"),
    "commit": (_kernel_commit, "a torvalds/linux commit (its message: a section, no path)"),
    "man-pages": (_man_pages, "the man-pages project (mkerrisk/man-pages)"),
    "controller": (_man_pages, "the man-pages project (mkerrisk/man-pages)"),
}


def _none_entry(eq: Rec) -> Problems:
    for key in ("interface", "since", "basis", "committed"):
        if key in eq:
            yield key, f"a 'none' entry has no '{key}': say in 'note' what was looked for"
            return
    if "note" not in eq:
        yield "", "a 'none' entry needs a 'note' saying what was looked for"


def _version_fields(eq: Rec) -> Problems:
    basis = eq["basis"]
    if basis in _VERSIONED and "since" not in eq:
        yield "", f"basis '{basis}' states a version: give it in 'since'"
    elif basis not in _VERSIONED and "since" in eq:
        yield "since", (f"basis '{basis}' shows no release: remove 'since' (a version the evidence does not show "
                        "is not stated)")
    elif basis == "commit" and "committed" not in eq:
        yield "", "basis 'commit' needs 'committed', the date of the cited commit"
    elif basis != "commit" and "committed" in eq:
        yield "committed", "'committed' goes with basis 'commit' only"


def stock_version(eq: Rec, ctx: Context) -> Problems:
    """A stated version rests on evidence that shows it; an unshown version is not stated."""
    if eq["match"] == "none":
        yield from _none_entry(eq)
        return
    if "interface" not in eq:
        yield "", "needs the stock 'interface' (or match 'none')"
        return
    if "basis" not in eq:
        yield "", "needs a 'basis' saying what the version rests on (one of: " + ", ".join(
            ("kernel-doc", "man-pages", "controller", "commit", "unverified")) + ")"
        return
    problems = list(_version_fields(eq))
    if problems:
        yield problems[0]
        return
    check = _BASIS_EVIDENCE.get(eq["basis"])
    if check and not any(check[0](item, ctx) for item in eq["evidence"]):
        yield "evidence", f"basis '{eq['basis']}' needs evidence from {check[1]}"


def kernel_interface_places(entry: Rec, ctx: Context) -> Problems:
    if entry["kind"] != "cgroup":
        return
    places = {eq["where"] for eq in entry["stock"]}
    for place in ("cgroup-v1", "cgroup-v2"):
        if place not in places:
            yield "stock", (f"a cgroup interface states its equivalent in cgroup-v1 and cgroup-v2 (or 'none'); "
                            f"{place} is missing")
            return


def covered_interfaces_exist(entry: Rec, ctx: Context) -> Problems:
    for i, item in enumerate(entry.get("covers", [])):
        comp = ctx.get("components", item["component"])
        if comp is not None and item["interface"] not in [x["id"] for x in comp.get("interfaces", [])]:
            yield (f"covers[{i}].interface",
                   f"component '{item['component']}' has no interface '{shown(item['interface'])}'")


def one_behaviour_per_package(entry: Rec, ctx: Context) -> Problems:
    seen: set[str] = set()
    for i, item in enumerate(entry["packages"]):
        if item["package"] in seen:
            yield f"packages[{i}].package", f"{item['package'].upper()} is listed twice"
        seen.add(item["package"])


def kernel_interfaces_cover_contracts(items: list[Rec], ctx: Context) -> ListProblems:
    """Every kernel interface in a work package's contract has an entry in the matrix."""
    covered = {(c["component"], c["interface"]) for entry in items for c in entry.get("covers", [])}
    for wp in ctx.index.get("work_packages", {}).values():
        for item in wp["contract"]:
            comp: Rec = ctx.get("components", item["component"]) or {}
            kinds = [x["kind"] for x in comp.get("interfaces", []) if x["id"] == item["interface"]]
            key = (item["component"], item["interface"])
            if kinds and kinds[0] in KERNEL_KINDS and key not in covered:
                yield None, "", (f"{wp['id'].upper()} touches the kernel interface {key[0]}:{key[1]}, which no "
                                 "entry 'covers'")
                return


# -- timeline -----------------------------------------------------------------------------

def _earliest(date: str) -> str:
    return (date + "-01-01")[:10]


def _latest(date: str) -> str:
    return (date + "-12-31")[:10] if len(date) == 4 else (date + "-31")[:10]


def timeline_in_order(items: list[Rec], ctx: Context) -> ListProblems:
    """Each event may not lie wholly before the one listed above it ('2016' may follow '2016-07-26')."""
    dates = [e["date"] for e in items]
    for i, (a, b) in enumerate(itertools.pairwise(dates), start=1):
        if _latest(b) < _earliest(a):
            yield i, "date", f"events must be in date order: '{b}' comes after '{a}'"
            return


# -- the error atlas ------------------------------------------------------------------------

# The atlas indexes every meaning for search; the whole index has a budget.
MEANING_MAX = 300
_ERROR_VALUE = re.compile(r"-?(?:0|[1-9][0-9]{0,9})|0x[0-9A-F]{8}")


def error_value(entry: Rec, ctx: Context) -> Problems:
    if "value" in entry and not _ERROR_VALUE.fullmatch(entry["value"]):
        yield "value", (f"expected a decimal number (-73) or eight hexadecimal digits (0x80031035), "
                        f"got '{shown(entry['value'])}'")


def error_value_or_text(entry: Rec, ctx: Context) -> Problems:
    if "value" not in entry and "text" not in entry:
        yield "", "an entry needs a 'value', a 'text' or both"


def error_meaning_length(entry: Rec, ctx: Context) -> Problems:
    if len(entry["meaning"]) > MEANING_MAX:
        yield "meaning", (f"at most {MEANING_MAX} characters, because search indexes it (put the rest in "
                          f"'note'); got {len(entry['meaning'])}")


def error_flow_step(entry: Rec, ctx: Context) -> Problems:
    if "step" in entry and "flow" not in entry:
        yield "step", "a 'step' needs its 'flow'"
        return
    flow = ctx.get("flows", entry.get("flow", ""))
    if flow is not None and "step" in entry and not 1 <= entry["step"] <= len(flow["steps"]):
        yield "step", f"step {entry['step']} is outside flow '{entry['flow']}' (steps 1-{len(flow['steps'])})"


def error_entries_distinct(items: list[Rec], ctx: Context) -> ListProblems:
    """One entry per code and message within a component, and one value per code."""
    seen: dict[tuple[str, str, str], int] = {}
    values: dict[tuple[str, str], int] = {}
    for i, entry in enumerate(items):
        code = (entry["component"], entry["code"])
        key = (*code, entry.get("text", ""))
        if key in seen:
            what = "with the same text" if entry.get("text") else "without a text"
            yield i, "code", (f"duplicate entry: component '{entry['component']}' already has "
                              f"'{shown(entry['code'])}' {what} (entry {seen[key]})")
            return
        seen[key] = i
        first = values.setdefault(code, i)
        if items[first].get("value") != entry.get("value"):
            yield i, "value", (f"'{shown(entry['code'])}' has the value '{shown(items[first].get('value', ''))}' "
                               f"in entry {first}")
            return


# -- configuration keys and prlctl options ------------------------------------------------------

_SHELL_KEY = re.compile(r"[A-Z][A-Z0-9_]*")
_DOTTED_KEY = re.compile(r"[A-Z][A-Za-z]*(?:\.[A-Z][A-Za-z]*)+")
_OPTION = re.compile(r"--[a-z0-9][a-z0-9_-]*")


def config_key_name(key: Rec, ctx: Context) -> Problems:
    vcmmd = key["file"] == "vcmmd.conf"
    if not (_DOTTED_KEY if vcmmd else _SHELL_KEY).fullmatch(key["key"]):
        form = "dotted (LoadManager.Policy)" if vcmmd else "upper case (PHYSPAGES)"
        yield "key", f"a {key['file']} key is {form}, not '{shown(key['key'])}'"


def config_alias(key: Rec, ctx: Context) -> Problems:
    if key.get("status") == "alias" and "alias_of" not in key:
        yield "status", "an alias needs 'alias_of', the key it stands for"
    elif "alias_of" in key and key.get("status") != "alias":
        yield "alias_of", "'alias_of' belongs to keys with status 'alias'"
    elif key.get("alias_of") == key["key"]:
        yield "alias_of", f"'{key['key']}' cannot be an alias of itself"


def config_tables_distinct(key: Rec, ctx: Context) -> Problems:
    tables = key["tables"]
    for i, table in enumerate(tables):
        if table in tables[:i]:
            yield f"tables[{i}]", f"'{table}' is listed twice"
            return
        if table.startswith("vcmmd.") != (key["file"] == "vcmmd.conf"):
            yield f"tables[{i}]", f"'{table}' is not a table of {key['file']} keys"
            return


def prlctl_option_name(option: Rec, ctx: Context) -> Problems:
    for where, name in [("option", option["option"]), *((f"aliases[{i}]", a)
                                                       for i, a in enumerate(option.get("aliases", [])))]:
        if not _OPTION.fullmatch(name):
            yield where, f"not a long option (two dashes, then lower-case letters, digits, - and _): '{shown(name)}'"


def prlctl_trace(option: Rec, ctx: Context) -> Problems:
    """Container options say how far they were traced; keys go with a trace down to the key."""
    for_ct = option["applies_to"] in ("ct", "both")
    for field in ("sdk", "reach"):
        if for_ct and field not in option:
            yield "", f"a container option needs '{field}'"
        elif not for_ct and field in option:
            yield field, f"'{field}' is for container options, not for applies_to '{option['applies_to']}'"
    if ("keys" in option) != (option.get("reach") == "key"):
        yield "keys" if "keys" in option else "reach", "'keys' go with reach 'key', and reach 'key' with 'keys'"
    for i, name in enumerate(option.get("keys", [])):
        key = ctx.get("config_keys", name)
        if key is not None and key["file"] == "vcmmd.conf":
            yield f"keys[{i}]", f"'{name}' is a vcmmd.conf key; prlctl set writes container configuration keys"


def prlctl_aliases_distinct(items: list[Rec], ctx: Context) -> ListProblems:
    names: dict[str, int] = {o["option"]: i for i, o in enumerate(items)}
    for i, option in enumerate(items):
        for j, alias in enumerate(option.get("aliases", [])):
            if alias in names:
                yield i, f"aliases[{j}]", f"'{shown(alias)}' is already the name of entry {names[alias]}"
                return
            names[alias] = i
# -- the on-disk layout -------------------------------------------------------------------

_PATH_PART = re.compile(r"[^/\s]+")


def absolute_path(rec: Rec, ctx: Context) -> Problems:
    parts = rec["path"].split("/")
    if parts[0] != "" or any(p in ("", ".", "..") or not _PATH_PART.fullmatch(p) for p in parts[1:]):
        yield "path", ("not an absolute path: it starts with '/' and has no spaces, no empty, '.' or '..' "
                       "parts and no '/' at the end")


def someone_writes(rec: Rec, ctx: Context) -> Problems:
    if not rec.get("writers") and "others" not in rec:
        yield "", "say who creates it: 'writers' (components) or 'others' (anyone else)"


def path_parents_acyclic(items: list[Rec], ctx: Context) -> ListProblems:
    graph = {p["id"]: [p["parent"]] if "parent" in p else [] for p in items}
    cycle = graphs.find_cycle(graph)
    if cycle:
        index = next(i for i, p in enumerate(items) if p["id"] == cycle[0])
        if len(cycle) == 2:
            yield index, "parent", f"'{cycle[0]}' is its own parent"
        else:
            yield index, "parent", "parents go round in a circle: " + " -> ".join(cycle)


def paths_distinct(items: list[Rec], ctx: Context) -> ListProblems:
    seen: dict[str, str] = {}
    for i, rec in enumerate(items):
        if rec["path"] in seen:
            yield i, "path", f"'{shown(rec['path'])}' is already listed, as '{seen[rec['path']]}'"
            return
        seen[rec["path"]] = rec["id"]


def _under(path: str, directory: str) -> bool:
    return path.startswith(directory + "/")


def nearest_parent(items: list[Rec], ctx: Context) -> ListProblems:
    """The parent is the nearest listed directory above a path, so that the tree is the file system's."""
    by_id = {rec["id"]: rec for rec in items}
    for i, rec in enumerate(items):
        above = [other for other in items if _under(rec["path"], other["path"])]
        nearest = max(above, key=lambda other: len(other["path"]), default=None)
        parent = by_id.get(rec.get("parent", ""))
        if parent is not None and not _under(rec["path"], parent["path"]):
            yield i, "parent", f"'{parent['id']}' ({shown(parent['path'])}) is not a directory above this path"
            return
        if nearest is not None and parent is not nearest:
            where = f"the nearest listed directory above it is '{nearest['id']}' ({shown(nearest['path'])})"
            yield i, ("parent" if parent else ""), (f"not the nearest parent: {where}" if parent
                                                     else f"missing 'parent': {where}")
            return


# -- the trust boundaries -----------------------------------------------------------------

def entry_interface_exists(entry: Rec, ctx: Context) -> Problems:
    comp = ctx.get("components", entry["component"])
    if comp is not None and "interface" in entry and entry["interface"] not in [
            x["id"] for x in comp.get("interfaces", [])]:
        yield "interface", f"component '{entry['component']}' has no interface '{shown(entry['interface'])}'"


def callers_keep_their_zone(items: list[Rec], ctx: Context) -> ListProblems:
    """Callers of the same name are one box in the figure, so they stand in one zone."""
    first: dict[str, tuple[str, str]] = {}
    for i, entry in enumerate(items):
        for j, caller in enumerate(entry["callers"]):
            zone, where = first.setdefault(caller["name"], (caller["zone"], entry["id"]))
            if zone != caller["zone"]:
                yield i, f"callers[{j}].zone", (f"'{shown(caller['name'])}' is one box in the figure, and "
                                                f"entry point '{where}' puts it in zone '{zone}'")
                return


# -- names that are easy to confuse ---------------------------------------------------------

def cells_match_columns(table: Rec, ctx: Context) -> Problems:
    columns = table["columns"]
    for i, row in enumerate(table["rows"]):
        if len(row["cells"]) != len(columns):
            yield f"rows[{i}].cells", f"{len(row['cells'])} cells for {len(columns)} columns"
            return


def aspects_distinct(table: Rec, ctx: Context) -> Problems:
    for name, values in (("columns", table["columns"]), ("aspect", [r["aspect"] for r in table["rows"]])):
        for i, value in enumerate(values):
            if value in values[:i]:
                where = f"columns[{i}]" if name == "columns" else f"rows[{i}].aspect"
                yield where, f"'{shown(value)}' appears twice in this table"
                return

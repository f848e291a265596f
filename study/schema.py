"""The shape of every data file in data/, declared once.

Validation (study.validate), the JSON Schema files (study.jsonschema) and the
data reference page all read these declarations.
"""

from __future__ import annotations

from study import rules
from study.loc import LANGUAGES as LOC_LANGUAGES
from study.spec import Collection, Field, enum, listof, mapping, record, ref, scalar

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


# -- shared shapes ------------------------------------------------------------

EVIDENCE = record(
    "Evidence",
    "Where a source supports a statement.",
    rules=(rules.locator,),
    source=ref("sources", "The source's id."),
    path=scalar("path", "File inside a repository source.", required=False),
    lines=scalar("lines", "Line range in that file at the source's commit.", required=False),
    section=scalar("string", "Page section, for sources that are not repositories.", required=False),
    note=scalar("text", "What this evidence shows, when not obvious.", required=False),
)

INTERFACE = record(
    "Interface",
    "Something a component offers to others.",
    id=scalar("id", "Unique within the component."),
    kind=enum(INTERFACE_KINDS, "What sort of interface it is."),
    name=scalar("string", "Its exact name: command, D-Bus name, path, ioctl, URI."),
    description=scalar("text", "What passes over it."),
    consumers=listof(ref("components"), "Components that use it.", required=False),
    evidence=listof(EVIDENCE, "Where the interface is defined or used.", min_items=1),
)

LICENSE = record(
    "License",
    "The licence as found in the repository at the release-era commit.",
    required=False,
    spdx=scalar("string", "SPDX identifier, e.g. GPL-2.0-only."),
    file=scalar("path", "The file that states it.", required=False),
    note=scalar("text", "Anything a reader should know.", required=False),
)

LOC = record(
    "LinesOfCode",
    "Lines of code at one commit, counted by scripts/loc.py.",
    source=ref("sources", "The repository source (and so the commit) that was counted."),
    counts=mapping(LOC_LANGUAGES, scalar("int"), "Non-blank lines per language."),
    scope=listof(scalar("path"), "Only these paths were counted (a partial count).", required=False),
    note=scalar("text", "What the count includes or leaves out.", required=False),
)

STEP = record(
    "Step",
    "One message in a runtime flow.",
    src=scalar("id", "Participant id of the caller."),
    dst=scalar("id", "Participant id of the callee."),
    call=scalar("string", "The real command, function, D-Bus method, ioctl or file write."),
    kind=enum(("call", "reply", "async"), "Solid arrow, dashed return, or open arrow.", required=False),
    note=scalar("text", "What happens, for the step list under the diagram.", required=False),
    evidence=listof(EVIDENCE, "Where the code does this.", min_items=1),
)

PARTICIPANT = record(
    "Participant",
    "A lifeline: a component, or an actor outside the system.",
    id=scalar("id", "Short id used by the steps."),
    component=ref("components", "The component this lifeline is.", required=False),
    label=scalar("string", "Label for actors, or to override the component's name.", required=False),
)

FRAME = record(
    "Frame",
    "A box around consecutive steps: a loop, an alternative or an option.",
    kind=enum(("loop", "alt", "opt"), "The sort of frame."),
    label=scalar("string", "The condition, e.g. 'until the dirty set is small'."),
    first=scalar("int", "Number of the first step inside (steps count from 1)."),
    last=scalar("int", "Number of the last step inside."),
)

LANE = record(
    "Lane",
    "A box around neighbouring lifelines: one host, or the kernel.",
    label=scalar("string", "What the box stands for, e.g. 'Source host'."),
    members=listof(scalar("id"), "Participant ids, next to each other in the participants' order.", min_items=1),
    style=enum(("host", "kernel"), "A host, or kernel space.", required=False),
)

PHASE = record(
    "Phase",
    "Consecutive steps drawn as one figure; a long flow is read in phases.",
    title=scalar("string", "What happens in the phase, e.g. 'Pre-dump loop'."),
    first=scalar("int", "Number of its first step."),
    last=scalar("int", "Number of its last step."),
)


# -- the collections ------------------------------------------------------------

SOURCES = Collection(
    "sources", "sources.yaml",
    record(
        "Source",
        rules=(rules.url_unless_seed, rules.repository_fields),
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
        "Claim",
        rules=(rules.quotes_in_seed, rules.explanation_length),
        id=scalar("id", "c01 … c24, in the seed's order."),
        quote=listof(scalar("text"), "The German sentence(s), verbatim from the seed.", min_items=1),
        english=scalar("text", "Our English rendering."),
        verdict=enum(VERDICTS, "Whether the claim holds."),
        explanation=scalar("text", "One to three sentences."),
        evidence=listof(EVIDENCE, "Where the verdict comes from.", min_items=1),
        pages=listof(scalar("page"), "Explanation pages that discuss the claim (docs paths).", min_items=1),
        components=listof(ref("components"), "Components the claim is about.", required=False),
    ),
    doc="The seed's claims and our verdicts.",
    rules=(rules.claim_ids_in_seed_order, rules.quotes_in_seed_order),
)

COMPONENTS = Collection(
    "components", "components.yaml",
    record(
        "Component",
        rules=(rules.release_is_repository, rules.provenance, rules.interface_ids_unique, rules.not_reserved),
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
    rules=(rules.part_of_acyclic,),
)

GLOSSARY = Collection(
    "glossary", "glossary.yaml",
    record(
        "Term",
        rules=(rules.matchable_term,),
        term=scalar("string", "The term as it appears in text; also an abbreviation tooltip."),
        expansion=scalar("string", "What an abbreviation stands for.", required=False),
        definition=scalar("text", "What it means in this study."),
        sources=listof(ref("sources"), "Where the meaning comes from.", min_items=1),
    ),
    doc="Terms, and the tooltips shown wherever they occur.",
    id_field="term",
    rules=(rules.terms_distinct,),
)

FLOWS = Collection(
    "flows", "flows.yaml",
    record(
        "Flow",
        rules=(rules.flow_references, rules.flow_lanes, rules.flow_phases, rules.not_reserved),
        id=scalar("id", "Short unique id, used in URLs."),
        title=scalar("string", "What the flow shows, in a few words: its one name, in the heading, the "
                               "navigation and the index."),
        summary=scalar("text", "One paragraph: the situation and the outcome."),
        version=scalar("text", "Which release the flow describes, and what differs later.", required=False),
        participants=listof(PARTICIPANT, "Lifelines, left to right.", min_items=2),
        steps=listof(STEP, "Messages, top to bottom.", min_items=1),
        frames=listof(FRAME, "Loops and alternatives.", required=False),
        lanes=listof(LANE, "Boxes around the lifelines of one host or of the kernel.", required=False),
        phases=listof(PHASE, "Phases, in order, that together hold every step: one figure each.", required=False),
        pages=listof(scalar("page"), "Explanation pages that discuss the flow.", required=False),
    ),
    doc="Runtime flows drawn as sequence diagrams.",
    min_items=0,
)

ACTORS = Collection(
    "actors", "actors.yaml",
    record(
        "Actor",
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


BUILDABILITY = Collection(
    "buildability", "buildability.yaml",
    record(
        "Verdict",
        rules=(rules.effort_range, rules.package_coverage),
        component=ref("components", "The component judged."),
        verdict=enum(VERDICT_KINDS, "Reuse as is, wrap from Python, port to Python, or out of scope."),
        rationale=scalar("text", "Why, in one to three sentences."),
        precedent=scalar("text", "What upstream already writes in Python, or generates as a binding.", required=False),
        needs=scalar("text", "What it needs from the host: kernel features, privileges, services."),
        effort=scalar("string", "Our estimate, in person-weeks, e.g. '2-4' (an estimate, not a fact)."),
        risks=listof(scalar("text"), "What could go wrong.", min_items=1),
        no_package=scalar("text", "For a port, wrap or reuse verdict that no work package covers: why not.",
                          required=False),
        evidence=listof(EVIDENCE, "Sources for the facts the verdict rests on.", min_items=1),
    ),
    doc="Which parts could be rebuilt in Python, and how.",
    id_field="component",
    rules=(rules.one_verdict_per_component,),
)


LEVELS = ("low", "medium", "high")

DEPENDENCY = record(
    "Dependency",
    "A package that must come first, and why.",
    package=ref("work_packages", "The package that must be done first."),
    reason=scalar("text", "What this package needs from it."),
)

REPLACED_CODE = record(
    "ReplacedCode",
    "7.0 code a package replaces, counted by scripts/loc.py.",
    rules=(rules.replaced_code,),
    component=ref("components", "The component whose code it replaces."),
    scope=listof(scalar("path"), "Only these paths (a partial count); without it, the component's whole "
                                 "release-era count.", required=False),
    counts=mapping(LOC_LANGUAGES, scalar("int"), "Non-blank lines per language under 'scope', at the component's "
                                                 "release-era commit.", required=False),
    note=scalar("text", "What the count includes or leaves out.", required=False),
)

EFFORT_BASIS = record(
    "EffortBasis",
    "What an effort range rests on.",
    rules=(rules.effort_basis,),
    replaces=listof(REPLACED_CODE, "The 7.0 code the package replaces.", required=False),
    comparable=scalar("text", "Comparable work the range is measured against.", required=False),
    reasoning=scalar("text", "How the range follows from the code or the comparison."),
)

RISK = record(
    "Risk",
    "Something that could go wrong, for the risk register.",
    risk=scalar("text", "What could go wrong."),
    likelihood=enum(LEVELS, "How likely it is."),
    impact=enum(LEVELS, "How much it would hurt the plan."),
    mitigation=scalar("text", "What is done about it."),
    owner=ref("work_packages", "The package that carries out the mitigation, if not this one.", required=False),
)

WORK_PACKAGES = Collection(
    "work_packages", "workpackages.yaml",
    record(
        "WorkPackage",
        rules=(rules.contract_interfaces_exist, rules.effort_range),
        id=scalar("id", "wp-1, wp-2, ..."),
        title=scalar("string", "What gets built."),
        short=scalar("string", "A short name for the figure of the plan (the title if absent).", required=False),
        goal=scalar("text", "Why, and what it replaces or complements."),
        components=listof(ref("components"), "The components it rebuilds, wraps or talks to.", min_items=1),
        contract=listof(record(
            "ContractItem",
            component=ref("components", "The component whose interface must be honoured."),
            interface=scalar("id", "The interface id under that component."),
            note=scalar("text", "What exactly must match."),
        ), "Interfaces it must honour to interoperate with the real system.", min_items=1),
        depends_on=listof(DEPENDENCY, "Packages that must come first, each with its reason.", required=False),
        deliverables=listof(scalar("text"), "What is handed over.", min_items=1),
        acceptance=listof(scalar("text"), "Tests that decide it is done.", min_items=1),
        test_strategy=scalar("text", "How to test without a Virtuozzo kernel."),
        host=scalar("text", "What the host running it needs."),
        effort=scalar("string", "Estimate in person-weeks, 'low-high'."),
        effort_basis=EFFORT_BASIS,
        risks=listof(RISK, "What could go wrong.", min_items=1),
        evidence=listof(EVIDENCE, "Sources for the contract and the strategy.", min_items=1),
    ),
    doc="Work packages of the Python rebuild, with their dependencies.",
    rules=(rules.dependencies_acyclic,),
)

TIMELINE = Collection(
    "timeline", "timeline.yaml",
    record(
        "Event",
        date=scalar("date", "When: YYYY, YYYY-MM or YYYY-MM-DD."),
        title=scalar("string", "What happened, in a few words."),
        description=scalar("text", "One or two sentences; say when a date is inferred from code activity."),
        evidence=listof(EVIDENCE, "Where the date and the event come from.", min_items=1),
    ),
    doc="Dated events from OpenVZ's origins to the later Virtuozzo 7 updates.",
    id_field="",
    rules=(rules.timeline_in_order,),
)


# -- the stock-kernel compatibility matrix ----------------------------------------

KERNEL_INTERFACE_KINDS = ("cgroup", "procfs", "sysfs", "ioctl", "netlink", "kernel-features")
STOCK_PLACES = ("cgroup-v1", "cgroup-v2", "kernel")
MATCHES = ("same", "partial", "none")
SINCE_BASES = ("kernel-doc", "man-pages", "controller", "commit", "unverified")
ON_STOCK = ("native", "emulate", "degrade", "refuse")

STOCK_EQUIVALENT = record(
    "StockEquivalent",
    "What upstream Linux offers in one place (cgroup v1, cgroup v2, or the kernel outside cgroups).",
    rules=(rules.stock_version,),
    where=enum(STOCK_PLACES, "cgroup v1, cgroup v2, or elsewhere in the kernel."),
    interface=scalar("string", "The stock interface (absent when match is 'none').", required=False),
    match=enum(MATCHES, "Same behaviour, part of it, or nothing."),
    since=scalar("version", "The release that added it, when the evidence shows one.", required=False),
    basis=enum(SINCE_BASES, "What the version rests on: the kernel's own documentation, the man-pages project "
                            "(for the interface, or only for its controller), a kernel commit (its date, no "
                            "release), or nothing verified.", required=False),
    committed=scalar("date", "With basis 'commit': the date the cited commit was committed.", required=False),
    note=scalar("text", "What differs, or (for 'none') what was looked for.", required=False),
    evidence=listof(EVIDENCE, "Where the kernel or its manual pages show it.", min_items=1),
)

KERNEL_INTERFACES = Collection(
    "kernel_interfaces", "compat.yaml",
    record(
        "KernelInterface",
        rules=(rules.kernel_interface_places, rules.covered_interfaces_exist, rules.one_behaviour_per_package,
               rules.not_reserved),
        id=scalar("id", "Short unique id, used as the anchor on the stock-kernel page."),
        title=scalar("string", "A short name for headings and tables."),
        name=scalar("string", "The Virtuozzo interface, as the 7.0 user space names it."),
        kind=enum(KERNEL_INTERFACE_KINDS, "What sort of kernel interface it is."),
        covers=listof(record(
            "CoveredInterface",
            component=ref("components", "The component that offers the interface."),
            interface=scalar("id", "The interface id under that component."),
        ), "The component interfaces (data/components.yaml) this entry is about.", required=False),
        vz=scalar("text", "What it is in OpenVZ 7.0 and which 7.0 code uses it."),
        evidence=listof(EVIDENCE, "The 7.0 code that uses it.", min_items=1),
        upstream=scalar("text", "What stock Linux offers instead, in a few sentences."),
        stock=listof(STOCK_EQUIVALENT, "The stock equivalent in cgroup v1, cgroup v2 and the kernel, each with "
                                       "its evidence.", min_items=1),
        packages=listof(record(
            "StockBehaviour",
            package=ref("work_packages", "The work package."),
            on_stock=enum(ON_STOCK, "On a stock host it uses the same interface, emulates it, runs without it "
                                    "(and says so), or refuses to run."),
            how=scalar("text", "What exactly it does."),
        ), "What each work package that touches it does on a stock host.", min_items=1),
        open_questions=listof(scalar("text"), "What was searched and not settled.", required=False),
    ),
    doc="The Virtuozzo kernel interfaces the plan touches, their stock equivalents, and what each package does "
        "on a stock kernel.",
    rules=(rules.kernel_interfaces_cover_contracts,),
)


SEED = Collection(
    "translation", "seed.yaml",
    record(
        "Translation",
        paragraph=scalar("int", "Paragraph number in the seed file (blank-line separated, from 1)."),
        part=enum(("furniture", "title", "lead", "byline", "body"), "What the paragraph is."),
        english=scalar("text", "Our English translation."),
    ),
    doc="Our translation of the seed, paragraph by paragraph.",
    id_field="",
    rules=(rules.one_translation_per_paragraph,),
)

# -- reference for operators: the error atlas and the configuration keys ----------------------

ERRORS = Collection(
    "errors", "errors.yaml",
    record(
        "AtlasEntry",
        rules=(rules.error_value, rules.error_value_or_text, rules.error_meaning_length, rules.error_flow_step),
        id=scalar("id", "Short unique id; the entry's anchor on the atlas page is err-<id>."),
        code=scalar("string", "The code as the source spells it (MIG_ERR_PHAUL), or for P.Haul, which has no "
                              "codes, the raising function (module.Class.function)."),
        value=scalar("string", "Its number as the source defines it: -73, 17, 0x80031035.", required=False),
        text=scalar("text", "The message exactly as in the source, placeholders (%s, %1, {0}) kept.",
                    required=False),
        component=ref("components", "The component whose code defines the code and raises it."),
        meaning=scalar("text", "What it tells an operator, in one or two short sentences (searched; at most "
                               f"{rules.MEANING_MAX} characters)."),
        note=scalar("text", "More detail for the reader, shown but not searched.", required=False),
        flow=ref("flows", "The runtime flow in which it is raised.", required=False),
        step=scalar("int", "The step of that flow whose code raises it.", required=False),
        evidence=listof(EVIDENCE, "Where the code, the message and the place that raises them are.", min_items=1),
    ),
    doc="Error codes and messages of the 7.0 components, as an operator meets them (the error atlas).",
    rules=(rules.error_entries_distinct,),
)

CONFIG_FILES = ("ct.conf", "vz.conf", "both", "vcmmd.conf")
# The tables scripts/extract_config.py reads out of the 7.0 code; its docstring says how.
# A key lists its tables in this order; its first evidence item is a row of the first one.
CONFIG_TABLES = (
    "libvzctl.config_param_map", "libvzctl.named", "libvzctl.simple", "libvzctl.vzlimits",
    "prl-disp-service.vz_config", "vzmigrate.conf_names", "script.sourced", "vzctl.named", "vzctl.config",
    "libvzctl.param_lists", "vzctl.vz_conf", "vzctl.ve_basic_sample", "vcmmd.get", "vcmmd.shipped",
)
SHIPPED_FILES = ("/etc/vz/vz.conf", "/etc/vz/conf/ve-basic.conf-sample", "/etc/vz/vcmmd.conf")

CONFIG_KEYS = Collection(
    "config_keys", "config.yaml",
    record(
        "ConfigKey",
        rules=(rules.config_key_name, rules.config_alias, rules.config_tables_distinct),
        key=scalar("string", "The key as the parser spells it: PHYSPAGES, or a dotted vcmmd.conf name."),
        file=enum(CONFIG_FILES, "Where it is set: a container's configuration (ct.conf, /etc/vz/conf/<id>.conf), "
                                "the host's vz.conf, both, or vcmmd.conf."),
        meaning=scalar("text", "What it does, in one or two sentences."),
        unit=scalar("string", "Its unit or form of value.", required=False),
        default=scalar("string", "What the code uses when the key is not set.", required=False),
        shipped=listof(record(
            "ShippedValue",
            file=enum(SHIPPED_FILES, "The file the 7.0 packages install."),
            value=scalar("string", "The value written there."),
            state=enum(("set", "commented out"), "Whether the line is active."),
        ), "Values in the files the packages install.", required=False),
        status=enum(("alias", "deprecated", "ignored"), "An old spelling, a key the parser refuses, or one it "
                                                       "accepts and drops.", required=False),
        alias_of=ref("config_keys", "For an alias: the key it stands for.", required=False),
        components=listof(ref("components"), "Components whose 7.0 code acts on it; left out when no reader was "
                                             "found in the studied repositories.", required=False),
        tables=listof(enum(CONFIG_TABLES), "The extracted tables that name it (scripts/extract_config.py).",
                      min_items=1),
        note=scalar("text", "More detail: findings, and where the code and the manuals disagree.", required=False),
        evidence=listof(EVIDENCE, "Where the parser names the key, then the code that acts on it.", min_items=1),
    ),
    doc="Keys of vz.conf, of a container's configuration and of vcmmd.conf, as the 7.0 code reads them.",
    id_field="key",
)

PRLCTL_OPTIONS = Collection(
    "prlctl_options", "prlctl.yaml",
    record(
        "PrlctlOption",
        rules=(rules.prlctl_option_name, rules.prlctl_trace),
        option=scalar("string", "The long option as prlctl's set table spells it: --memsize."),
        aliases=listof(scalar("string"), "Other spellings prlctl accepts for it.", required=False),
        applies_to=enum(("ct", "both", "vm", "refused"), "Containers only, containers and VMs, VMs only (not a "
                                                        "container option), or refused by prlctl itself."),
        meaning=scalar("text", "What it sets, in one or two sentences."),
        sdk=scalar("string", "The SDK call prlctl makes for it.", required=False),
        keys=listof(ref("config_keys"), "The container configuration keys it ends up writing.", required=False),
        key_note=scalar("text", "Which part of those keys it writes, or why it writes none.", required=False),
        reach=enum(("key", "libvzctl", "dispatcher", "sdk", "prlctl"),
                   "How far down the chain the study followed it: to the key written, into libvzctl, to the "
                   "dispatcher, to the SDK call, or only through prlctl's own parsing.", required=False),
        evidence=listof(EVIDENCE, "Its row in prlctl's set table, then the calls down to the key.", min_items=1),
    ),
    doc="The options of `prlctl set`, mapped for containers to the configuration keys they write.",
    id_field="option",
    rules=(rules.prlctl_aliases_distinct,),
)

# -- the host as an operator sees it: paths, entry points, names ---------------------------

SCOPES = ("container", "vm", "host")

PATHS = Collection(
    "paths", "paths.yaml",
    record(
        "HostPath",
        rules=(rules.absolute_path, rules.someone_writes),
        id=scalar("id", "Short unique id, used as the anchor on the layout page."),
        path=scalar("string", "The absolute path; parts in <angle brackets> vary, e.g. <CTID>."),
        parent=ref("paths", "The nearest listed directory above it (none for the top of a tree).", required=False),
        scope=enum(SCOPES, "Whose it is: one container's, one VM's, or the host's own."),
        owner=ref("components", "The component that defines the path and its format."),
        readers=listof(ref("components"), "Components that read it.", required=False),
        writers=listof(ref("components"), "Components that create, change or remove it.", required=False),
        others=scalar("text", "Who else reads or writes it, outside the study's components.", required=False),
        format=scalar("string", "What it is: a directory, an XML file, a lock file, an image ..."),
        lifetime=scalar("text", "When it is created, changed and removed."),
        description=scalar("text", "What it is for."),
        evidence=listof(EVIDENCE, "Where the code (or the 7.0 guide) shows the path and its use.", min_items=1),
    ),
    doc="The files and directories an OpenVZ 7.0 host uses for containers, VMs and its own services.",
    rules=(rules.path_parents_acyclic, rules.paths_distinct, rules.nearest_parent),
)

ZONES = ("network", "host-user", "host-root", "kernel", "container")



def finding(doc: str) -> Field:
    """One statement about an entry point, with its sources (the same shape under three names)."""
    return record(
        "Finding", doc,
        text=scalar("text", "What the code shows; 'Inference:' or 'Unverified:' where it goes beyond the lines."),
        evidence=listof(EVIDENCE, "Where the code shows it.", min_items=1),
    )


ENTRY_POINTS = Collection(
    "entry_points", "security.yaml",
    record(
        "EntryPoint",
        rules=(rules.entry_interface_exists,),
        id=scalar("id", "Short unique id, used as the anchor on the trust-boundaries page."),
        name=scalar("string", "What it is, in a few words; also the box label in the figure."),
        component=ref("components", "The privileged component that serves it."),
        interface=scalar("id", "The component's interface id, where the study records one.", required=False),
        zone=enum(("host-root", "kernel"), "Where it is served: by a root process, or by the kernel."),
        runs_as=scalar("string", "Who the serving process runs as."),
        callers=listof(record(
            "Caller",
            name=scalar("string", "Who calls, in a few words (a box in the figure; equal names are one box)."),
            zone=enum(ZONES, "Where the caller runs."),
            passes=scalar("string", "What the caller sends, in a few words (the table under the figure)."),
        ), "Who reaches it: one arrow each in the figure.", min_items=1),
        access=finding("Who may call it."),
        checks=finding("What the serving side checks before it acts."),
        hardening=finding("What the code shows about hardening, and its gaps."),
    ),
    doc="The privileged processes' entry points and who may call them (the trust-boundary view).",
    rules=(rules.callers_keep_their_zone,),
)

DISAMBIGUATION = Collection(
    "disambiguation", "disambiguation.yaml",
    record(
        "Comparison",
        rules=(rules.cells_match_columns, rules.aspects_distinct),
        id=scalar("id", "Short unique id, used as the table's anchor."),
        title=scalar("string", "The names compared, e.g. 'venet and veth'."),
        confusion=scalar("text", "Why readers mix them up, in one or two sentences."),
        columns=listof(scalar("string"), "The names compared, one column each.", min_items=2),
        rows=listof(record(
            "ComparisonRow",
            aspect=scalar("string", "What the row compares."),
            cells=listof(record(
                "Cell",
                text=scalar("text", "What holds for this column."),
                evidence=listof(EVIDENCE, "Where that is shown.", min_items=1),
            ), "One cell per column, in the columns' order.", min_items=1),
        ), "The aspects compared.", min_items=1),
    ),
    doc="Short comparison tables of names that are easy to confuse.",
)

COLLECTIONS = (SOURCES, CLAIMS, COMPONENTS, GLOSSARY, FLOWS, SEED, TIMELINE, ACTORS, BUILDABILITY, WORK_PACKAGES,
               KERNEL_INTERFACES, ERRORS, CONFIG_KEYS, PRLCTL_OPTIONS, PATHS, ENTRY_POINTS, DISAMBIGUATION)

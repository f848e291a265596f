# ruff: noqa: E501
"""Typed records of every data file, generated from study.schema by `python -m study types`.

Do not edit: change the schema and regenerate. At run time the records are the
validator's dicts (with line numbers); these types only describe their keys.
"""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict


class Evidence(TypedDict):
    """Where a source supports a statement."""

    source: str
    path: NotRequired[str]
    lines: NotRequired[str]
    section: NotRequired[str]
    note: NotRequired[str]


class License(TypedDict):
    """The licence as found in the repository at the release-era commit."""

    spdx: str
    file: NotRequired[str]
    note: NotRequired[str]


class Interface(TypedDict):
    """Something a component offers to others."""

    id: str
    kind: Literal['cli', 'c-api', 'python-api', 'dbus', 'unix-socket', 'tcp', 'rpc', 'libvirt-uri', 'file', 'config-file', 'cgroup', 'sysfs', 'procfs', 'ioctl', 'syscall', 'netlink', 'kernel-module', 'systemd-unit', 'protocol']
    name: str
    description: str
    consumers: NotRequired[list[str]]
    evidence: list[Evidence]


class LinesOfCode(TypedDict):
    """Lines of code at one commit, counted by scripts/loc.py."""

    source: str
    counts: dict[str, int]
    scope: NotRequired[list[str]]
    note: NotRequired[str]


class Participant(TypedDict):
    """A lifeline: a component, or an actor outside the system."""

    id: str
    component: NotRequired[str]
    label: NotRequired[str]


class Step(TypedDict):
    """One message in a runtime flow."""

    src: str
    dst: str
    call: str
    kind: NotRequired[Literal['call', 'reply', 'async']]
    note: NotRequired[str]
    evidence: list[Evidence]


class Frame(TypedDict):
    """A box around consecutive steps: a loop, an alternative or an option."""

    kind: Literal['loop', 'alt', 'opt']
    label: str
    first: int
    last: int


class Lane(TypedDict):
    """A box around neighbouring lifelines: one host, or the kernel."""

    label: str
    members: list[str]
    style: NotRequired[Literal['host', 'kernel']]


class Phase(TypedDict):
    """Consecutive steps drawn as one figure; a long flow is read in phases."""

    title: str
    first: int
    last: int


class ContractItem(TypedDict):
    component: str
    interface: str
    note: str


class Dependency(TypedDict):
    """A package that must come first, and why."""

    package: str
    reason: str


class EffortBasis(TypedDict):
    """What an effort range rests on."""

    replaces: NotRequired[list[ReplacedCode]]
    comparable: NotRequired[str]
    reasoning: str


class Risk(TypedDict):
    """Something that could go wrong, for the risk register."""

    risk: str
    likelihood: Literal['low', 'medium', 'high']
    impact: Literal['low', 'medium', 'high']
    mitigation: str
    owner: NotRequired[str]


class CoveredInterface(TypedDict):
    component: str
    interface: str


class StockEquivalent(TypedDict):
    """What upstream Linux offers in one place (cgroup v1, cgroup v2, or the kernel outside cgroups)."""

    where: Literal['cgroup-v1', 'cgroup-v2', 'kernel']
    interface: NotRequired[str]
    match: Literal['same', 'partial', 'none']
    since: NotRequired[str]
    basis: NotRequired[Literal['kernel-doc', 'man-pages', 'controller', 'commit', 'unverified']]
    committed: NotRequired[str]
    note: NotRequired[str]
    evidence: list[Evidence]


class StockBehaviour(TypedDict):
    package: str
    on_stock: Literal['native', 'emulate', 'degrade', 'refuse']
    how: str


class ShippedValue(TypedDict):
    file: Literal['/etc/vz/vz.conf', '/etc/vz/conf/ve-basic.conf-sample', '/etc/vz/vcmmd.conf']
    value: str
    state: Literal['set', 'commented out']


class Caller(TypedDict):
    name: str
    zone: Literal['network', 'host-user', 'host-root', 'kernel', 'container']
    passes: str


class Finding(TypedDict):
    """Who may call it."""

    text: str
    evidence: list[Evidence]


class ComparisonRow(TypedDict):
    aspect: str
    cells: list[Cell]


class ReplacedCode(TypedDict):
    """7.0 code a package replaces, counted by scripts/loc.py."""

    component: str
    scope: NotRequired[list[str]]
    counts: NotRequired[dict[str, int]]
    note: NotRequired[str]


class Cell(TypedDict):
    text: str
    evidence: list[Evidence]


class Source(TypedDict):
    id: str
    title: str
    kind: Literal['seed', 'repository', 'release-notes', 'announcement', 'documentation', 'wiki', 'mailing-list', 'blog', 'knowledge-base', 'issue-thread', 'article', 'specification']
    url: NotRequired[str]
    repo: NotRequired[str]
    commit: NotRequired[str]
    path: NotRequired[str]
    date: NotRequired[str]
    author: NotRequired[str]
    note: NotRequired[str]


class Claim(TypedDict):
    id: str
    quote: list[str]
    english: str
    verdict: Literal['confirmed', 'nuanced', 'refuted', 'unverified']
    explanation: str
    evidence: list[Evidence]
    pages: list[str]
    components: NotRequired[list[str]]


class Component(TypedDict):
    id: str
    name: str
    layer: Literal['distribution', 'kernel', 'library', 'daemon', 'tool']
    area: Literal['platform', 'management', 'compute', 'memory', 'storage', 'migration', 'patching']
    role: str
    languages: list[Literal['C', 'C++', 'Python', 'Go', 'Shell', 'Perl', 'Assembly', 'Other']]
    release: NotRequired[str]
    head: NotRequired[str]
    part_of: NotRequired[str]
    license: NotRequired[License]
    entry_points: NotRequired[list[str]]
    interfaces: NotRequired[list[Interface]]
    loc: NotRequired[list[LinesOfCode]]
    loc_note: NotRequired[str]
    changes_after: NotRequired[str]
    open_questions: NotRequired[list[str]]
    sources: list[str]


class Term(TypedDict):
    term: str
    expansion: NotRequired[str]
    definition: str
    sources: list[str]


class Flow(TypedDict):
    id: str
    title: str
    summary: str
    version: NotRequired[str]
    participants: list[Participant]
    steps: list[Step]
    frames: NotRequired[list[Frame]]
    lanes: NotRequired[list[Lane]]
    phases: NotRequired[list[Phase]]
    pages: NotRequired[list[str]]


class Translation(TypedDict):
    paragraph: int
    part: Literal['furniture', 'title', 'lead', 'byline', 'body']
    english: str


class Event(TypedDict):
    date: str
    title: str
    description: str
    evidence: list[Evidence]


class Actor(TypedDict):
    id: str
    name: str
    kind: Literal['person', 'system']
    place: Literal['user', 'peer']
    interaction: str
    description: str
    via: list[str]
    evidence: list[Evidence]


class Verdict(TypedDict):
    component: str
    verdict: Literal['reuse', 'wrap', 'port', 'out-of-scope']
    rationale: str
    precedent: NotRequired[str]
    needs: str
    effort: str
    risks: list[str]
    no_package: NotRequired[str]
    evidence: list[Evidence]


class WorkPackage(TypedDict):
    id: str
    title: str
    short: NotRequired[str]
    goal: str
    components: list[str]
    contract: list[ContractItem]
    depends_on: NotRequired[list[Dependency]]
    deliverables: list[str]
    acceptance: list[str]
    test_strategy: str
    host: str
    effort: str
    effort_basis: EffortBasis
    risks: list[Risk]
    evidence: list[Evidence]


class KernelInterface(TypedDict):
    id: str
    title: str
    name: str
    kind: Literal['cgroup', 'procfs', 'sysfs', 'ioctl', 'netlink', 'kernel-features']
    covers: NotRequired[list[CoveredInterface]]
    vz: str
    evidence: list[Evidence]
    upstream: str
    stock: list[StockEquivalent]
    packages: list[StockBehaviour]
    open_questions: NotRequired[list[str]]


class AtlasEntry(TypedDict):
    id: str
    code: str
    value: NotRequired[str]
    text: NotRequired[str]
    component: str
    meaning: str
    note: NotRequired[str]
    flow: NotRequired[str]
    step: NotRequired[int]
    evidence: list[Evidence]


class ConfigKey(TypedDict):
    key: str
    file: Literal['ct.conf', 'vz.conf', 'both', 'vcmmd.conf']
    meaning: str
    unit: NotRequired[str]
    default: NotRequired[str]
    shipped: NotRequired[list[ShippedValue]]
    status: NotRequired[Literal['alias', 'deprecated', 'ignored']]
    alias_of: NotRequired[str]
    components: NotRequired[list[str]]
    tables: list[Literal['libvzctl.config_param_map', 'libvzctl.named', 'libvzctl.simple', 'libvzctl.vzlimits', 'prl-disp-service.vz_config', 'vzmigrate.conf_names', 'script.sourced', 'vzctl.named', 'vzctl.config', 'libvzctl.param_lists', 'vzctl.vz_conf', 'vzctl.ve_basic_sample', 'vcmmd.get', 'vcmmd.shipped']]
    note: NotRequired[str]
    evidence: list[Evidence]


class PrlctlOption(TypedDict):
    option: str
    aliases: NotRequired[list[str]]
    applies_to: Literal['ct', 'both', 'vm', 'refused']
    meaning: str
    sdk: NotRequired[str]
    keys: NotRequired[list[str]]
    key_note: NotRequired[str]
    reach: NotRequired[Literal['key', 'libvzctl', 'dispatcher', 'sdk', 'prlctl']]
    evidence: list[Evidence]


class HostPath(TypedDict):
    id: str
    path: str
    parent: NotRequired[str]
    scope: Literal['container', 'vm', 'host']
    owner: str
    readers: NotRequired[list[str]]
    writers: NotRequired[list[str]]
    others: NotRequired[str]
    format: str
    lifetime: str
    description: str
    evidence: list[Evidence]


class EntryPoint(TypedDict):
    id: str
    name: str
    component: str
    interface: NotRequired[str]
    zone: Literal['host-root', 'kernel']
    runs_as: str
    callers: list[Caller]
    access: Finding
    checks: Finding
    hardening: Finding


class Comparison(TypedDict):
    id: str
    title: str
    confusion: str
    columns: list[str]
    rows: list[ComparisonRow]

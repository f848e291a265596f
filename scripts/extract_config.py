"""Extract the configuration-key tables of OpenVZ 7.0 from local snapshots, and check the reference.

    python scripts/extract_config.py MIRRORS            print every row of every table
    python scripts/extract_config.py --verify MIRRORS   check data/config.yaml and data/prlctl.yaml;
                                                        exit 1 on a difference
    python scripts/extract_config.py --stubs MIRRORS    entries for keys the data lacks, with every
                                                        field the tables decide filled in

How data/config.yaml was made: the tables below were extracted at the pinned commits, and every
key became an entry whose key, file, tables, shipped values, first evidence item and table-read
components come from its rows (what --stubs prints); the meaning, unit, default, further
components and the remaining evidence were then written by hand from the code that acts on the
key and the 7.0 manuals. --verify keeps both halves honest.

MIRRORS holds one git directory per repository, named Owner+name (bare, or with a .git inside), as
for scripts/check_evidence.py. Each repository is read at the commit of its component's
release-era source (data/components.yaml -> data/sources.yaml), with `git show COMMIT:PATH`.

The tables, and how each one is found and read (their names are the values of `tables` in
data/config.yaml, declared in study/schema.py):

- libvzctl.config_param_map: the parser's own table, `struct vzctl_config_param config_param_map[]`
  in libvzctl's lib/env_config.c, from its opening line to the `{NULL, -1}` sentinel. Every
  `{"NAME", VZCTL_PARAM_X[, "ALIAS"]}` is a row; a third field marks an old spelling of that key.
- libvzctl.named: keys that libvzctl reads or writes by a literal name rather than through the
  table: the calls get_global_param, vzctl2_conf_get_param, vzctl2_env_get_param[_bool],
  vzctl2_env_set_param, vzctl_conf_add_param and vzctl_conf_del_param in lib/*.c with a string
  literal for the key. get_global_param and a `gconf` handle read /etc/vz/vz.conf; other handles
  are a container's configuration. One call is left out: PFCACHE in lib/util.c, whose handle is
  /etc/vz/pfcache.conf.
- libvzctl.simple: the second, minimal parser vzctl_parse_conf_simple in lib/util.c; its keys are
  the `!strcmp("KEY", ltoken)` tests.
- libvzctl.vzlimits: vzctl2_set_vzlimits(name) in lib/env_vzops.c builds key names as
  `"%s_SUFFIX"`; the dispatcher calls it with VZ_TOOLS, so the rows are VZ_TOOLS_<SUFFIX>.
- prl-disp-service.vz_config: the dispatcher's `get_vz_config_param("KEY", ...)` calls, which read
  /etc/vz/vz.conf.
- vzmigrate.conf_names: `#define VZ_CONF_X "KEY"` (vz.conf) and `#define VE_CONF_X "KEY"` (a
  container's configuration) in vzmigrate's bin/ct_config.h.
- script.sourced: shell scripts that read single variables with `eval $(. FILE && echo ...)`:
  vzctl's etc/systemd.d/vz (FILE is /etc/vz/vz.conf) and libvzctl's scripts/*.in (vz.conf, or a
  container's /etc/vz/conf/$VEID.conf). Evaluations of other files are skipped.
- vzctl.named: literal-name reads in vzctl's src/*.c, with the call list of libvzctl.named.
- vzctl.config: vzctl's own table `struct Cconfig Config[]` in src/config.c; rows without a name
  are options of the command line only.
- libvzctl.param_lists: the name lists `_s_conf_private_paran[]` and `_s_conf_local_param[]`
  next to the table (keys skipped when private ones are skipped, and keys never copied from
  vz.conf into a container's configuration).
- vzctl.vz_conf and vzctl.ve_basic_sample: every `KEY=value` line of vzctl's shipped etc/vz.conf
  and etc/ve-basic.conf-sample, lines commented out included (and marked so).
- vcmmd.get: every get_str, get_bool, get_num or get_choice('Dotted.Name') call in vcmmd; the one
  templated name ('Host.%s.Share' % name, and .Min, .Max) in vcmmd/host.py is expanded with the
  names that file passes to _mem_size_from_config.
- vcmmd.shipped: the leaf keys of vcmmd's shipped JSON file vcmmd.conf, as dotted names.
- prlctl.set_options: `static Option set_options[]` in prlctl's src/CmdParam.cpp, from its
  opening line to OPTION_END, each `{"name", 'c', OptX, CMD_X}` a row, with the enclosing
  `#if defined(_LIN_)` or `_WIN_` block noted (the Linux build compiles only the first).

What --verify checks:

- the keys of data/config.yaml are exactly the keys the tables name, and each key lists exactly
  the tables that name it;
- each key's first evidence item is a row of its first table (the table order above);
- `shipped` holds exactly the values of the shipped files;
- `components` holds every component that a table shows reading the key (the parsers, vzctl's
  and the dispatcher's reads, vzmigrate's names, the scripts, vcmmd);
- `file` follows from the tables (vz.conf-only reads and the shipped vz.conf against the parser
  table, the sample, container handles and container files), unless no table tells, when the key
  must say why in `note`;
- every row of prlctl's set table is an option or an alias in data/prlctl.yaml, every option and
  alias there is a row, and each option's first evidence item is one of its rows;
- every cited file exists at its commit and holds the cited lines.

It prints every difference, then the counts, and exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from study.schema import CONFIG_TABLES
from study.snapshot import Snapshot, open_source, span_of


@dataclass(frozen=True)
class Row:
    """One row of an extracted table: a key named at source:path:line."""

    table: str
    source: str
    path: str
    line: int
    key: str
    scope: str = ""  # "global" (vz.conf) or "ct" (a container's configuration), where the table tells
    extra: tuple[tuple[str, str], ...] = ()

    def get(self, name: str) -> str:
        return dict(self.extra).get(name, "")


def block(lines: list[str], start: str, end: str) -> range:
    """0-based indexes of the first block of lines from one matching `start` to one matching `end`."""
    first = next(i for i, text in enumerate(lines) if re.search(start, text))
    last = next(i for i in range(first, len(lines)) if re.search(end, lines[i]))
    return range(first, last + 1)


@dataclass
class Repo:
    """One repository at its pinned commit, under the source id that pins it."""

    source: str
    snap: Snapshot

    def rows(self, table: str, path: str, pattern: str, lines: Iterable[int] | None = None,
             make: Callable[[re.Match[str]], tuple[str, str, tuple[tuple[str, str], ...]]] | None = None) -> list[Row]:
        """A row for every match of pattern in the file (or in some of its lines), key from group 1."""
        text = self.snap.lines(path)
        out = []
        for i in lines if lines is not None else range(len(text)):
            for m in re.finditer(pattern, text[i].split("//")[0]):
                key, scope, extra = make(m) if make else (m.group(1), "", ())
                out.append(Row(table, self.source, path, i + 1, key, scope, extra))
        return out


# -- libvzctl -----------------------------------------------------------------------------------

def param_map(lib: Repo) -> list[Row]:
    path = "lib/env_config.c"
    lines = block(lib.snap.lines(path), r"struct vzctl_config_param config_param_map\[\]", r"\{NULL,\s*-1\}")
    return lib.rows("libvzctl.config_param_map", path,
                    r'\{\s*"([A-Z0-9_]+)"\s*,\s*(VZCTL_PARAM_\w+)\s*(?:,\s*"([A-Z0-9_]+)")?\s*\}', lines,
                    lambda m: (m.group(1), "ct", (("alias_of", m.group(3) or ""),)))


_NAMED = (r'\b(get_global_param|vzctl2_conf_get_param|vzctl2_env_get_param_bool|vzctl2_env_get_param|'
          r'vzctl2_env_set_param|vzctl_conf_add_param|vzctl_conf_del_param)\(\s*(?:([^,()"]+?)\s*,\s*)?'
          r'"([A-Z][A-Z0-9_]*)"')
LEFT_OUT = {("lib/util.c", "PFCACHE")}  # read from /etc/vz/pfcache.conf, neither vz.conf nor a container's


def _named(m: re.Match[str]) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    handle = (m.group(2) or "").strip()
    scope = "global" if m.group(1) == "get_global_param" or handle == "gconf" else "ct"
    return m.group(3), scope, (("call", m.group(1)),)


def named(repo: Repo, table: str, prefix: str) -> list[Row]:
    rows = [row for path in repo.snap.files(prefix) if path.endswith(".c")
            for row in repo.rows(table, path, _NAMED, make=_named)]
    return [row for row in rows if (row.path, row.key) not in LEFT_OUT]


def simple_parser(lib: Repo) -> list[Row]:
    path = "lib/util.c"
    lines = block(lib.snap.lines(path), r"^int vzctl_parse_conf_simple\(", r"^}")
    return lib.rows("libvzctl.simple", path, r'!strcmp\("([A-Z][A-Z0-9_]*)",\s*ltoken\)', lines)


VZLIMITS_NAME = "VZ_TOOLS"  # what the dispatcher passes to vzctl2_set_vzlimits()


def vzlimits(lib: Repo) -> list[Row]:
    path = "lib/env_vzops.c"
    lines = block(lib.snap.lines(path), r"^int vzctl2_set_vzlimits\(", r"^}")
    return lib.rows("libvzctl.vzlimits", path, r'snprintf\(buf, sizeof\(buf\), "%s(_[A-Z]+)", name\)', lines,
                    lambda m: (VZLIMITS_NAME + m.group(1), "global", ()))


def _listed(array: str, m: re.Match[str]) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    return m.group(1), "ct", (("list", array),)


def param_lists(lib: Repo) -> list[Row]:
    path = "lib/env_config.c"
    lines = lib.snap.lines(path)
    return [row for array in ("_s_conf_private_paran", "_s_conf_local_param")
            for row in lib.rows("libvzctl.param_lists", path, r'"([A-Z][A-Z0-9_]*)"',
                                block(lines, rf"static char \*{array}\[\]", r"^\s*\};"),
                                functools.partial(_listed, array))]


def sourced(repo: Repo, paths: Iterable[str]) -> list[Row]:
    """Variables read with `eval $(. FILE && echo ...)`, over the line and its continuation lines."""
    rows = []
    for path in paths:
        lines = repo.snap.lines(path)
        for i, text in enumerate(lines):
            found = re.search(r"eval \$\(\.\s+(\S+)\s*&&(.*)$", text)
            if not found or not re.search(r"vz\.conf|VZCONF|/etc/vz/conf/", found.group(1)):
                continue  # vz-rst.in evaluates a CRIU argument file this way
            scope = "ct" if "/etc/vz/conf/" in found.group(1) else "global"
            part, j = found.group(2), i
            while True:
                rows += [Row("script.sourced", repo.source, path, j + 1, v, scope)
                         for v in re.findall(r"\$\{?([A-Z][A-Z0-9_]*)\}?", part)]
                if not lines[j].rstrip().endswith("\\") or j + 1 >= len(lines):
                    break
                j += 1
                part = lines[j]
    return rows


# -- vzctl, the dispatcher, vzmigrate -------------------------------------------------------------

def vzctl_table(vzctl: Repo) -> list[Row]:
    path = "src/config.c"
    lines = block(vzctl.snap.lines(path), r"struct Cconfig Config\[\]", r"^\};")
    return vzctl.rows("vzctl.config", path, r'^\s*\{"([A-Z][A-Z0-9_]*)",\s*NULL,\s*&tmpparam\.\w+', lines)


def dispatcher(disp: Repo) -> list[Row]:
    return [row for path in disp.snap.files("Dispatcher") if path.endswith(".cpp")
            for row in disp.rows("prl-disp-service.vz_config", path, r'get_vz_config_param\("([A-Z][A-Z0-9_]*)"',
                                 make=lambda m: (m.group(1), "global", ()))]


def vzmigrate_names(mig: Repo) -> list[Row]:
    return mig.rows("vzmigrate.conf_names", "bin/ct_config.h", r'^#define\s+(?:VZ|VE)_CONF_\w+\s+"([A-Z][A-Z0-9_]*)"',
                    make=lambda m: (m.group(1), "global" if m.group(0).split()[1].startswith("VZ_") else "ct", ()))


def shipped(repo: Repo, path: str, table: str) -> list[Row]:
    """KEY=value lines of a shipped file; the value loses one pair of surrounding double quotes."""
    def make(m: re.Match[str]) -> tuple[str, str, tuple[tuple[str, str], ...]]:
        value = m.group(3).strip()
        value = value[1:-1] if len(value) >= 2 and value[0] == value[-1] == '"' else value
        return m.group(2), "", (("value", value), ("state", "commented out" if m.group(1) else "set"))

    return [row for i, text in enumerate(repo.snap.lines(path))
            for row in repo.rows(table, path, r'^\s*(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$', [i], make)]


# -- vcmmd and prlctl ---------------------------------------------------------------------------

def vcmmd_gets(vcmmd: Repo) -> list[Row]:
    call = re.compile(r"\.get_(?:str|bool|num|choice)\(\s*'([A-Za-z0-9_.%]+)'(\s*%\s*name)?")
    rows = []
    for path in vcmmd.snap.files():
        if not (path.endswith(".py") or path.startswith("bin/")):
            continue
        lines = vcmmd.snap.lines(path)
        names = [n for text in lines for n in re.findall(r"_mem_size_from_config\('(\w+)'", text)]
        for i, text in enumerate(lines):
            for m in call.finditer(text):
                keys = [m.group(1) % n for n in names] if "%s" in m.group(1) and m.group(2) else [m.group(1)]
                rows += [Row("vcmmd.get", vcmmd.source, path, i + 1, key) for key in keys]
    return rows


def vcmmd_shipped(vcmmd: Repo, path: str = "vcmmd.conf") -> list[Row]:
    """Leaf keys of the shipped JSON file, as dotted names, with their values."""
    stack: list[str] = []
    rows = []
    for i, text in enumerate(vcmmd.snap.lines(path)):
        for m in re.finditer(r'"(\w+)"\s*:\s*(\{)?|(\})', text):
            if m.group(3):
                stack = stack[:-1]
            elif m.group(2):
                stack.append(m.group(1))
            else:
                value = text[m.end():].strip().rstrip(",").strip('"')
                rows.append(Row("vcmmd.shipped", vcmmd.source, path, i + 1, ".".join([*stack, m.group(1)]), "",
                                (("value", value), ("state", "set"))))
    return rows


_OPTION_ROW = r'\{\s*"([^"]+)"\s*,\s*\'(?:\\0|.)\'\s*,\s*Opt\w+\s*,\s*(CMD_\w+)\s*\}'


def _option(condition: str, m: re.Match[str]) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    return "--" + m.group(1), "", (("cmd", m.group(2)), ("if", condition))


def prlctl_set_options(prlctl: Repo) -> list[Row]:
    path = "src/CmdParam.cpp"
    lines = prlctl.snap.lines(path)
    rows, condition = [], ""
    for i in block(lines, r"static Option set_options\[\]", r"OPTION_END"):
        directive = re.match(r"#if defined\((\w+)\)", lines[i].strip())
        if directive or lines[i].strip().startswith("#endif"):
            condition = directive.group(1) if directive else ""
            continue
        rows += prlctl.rows("prlctl.set_options", path, _OPTION_ROW, [i], functools.partial(_option, condition))
    return rows


# -- all tables ---------------------------------------------------------------------------------

REPOS = ("libvzctl", "vzctl", "vcmmd", "prlctl", "prl-disp-service", "vzmigrate")


def repos(model: Any, mirrors: Path) -> dict[str, Repo]:
    """Each component's repository at its release-era commit; a missing snapshot stops the script."""
    found = {}
    for comp_id in REPOS:
        source_id = model.get("components", comp_id)["release"]
        snap = open_source(mirrors, model.get("sources", source_id))
        if snap is None:
            raise SystemExit(f"no snapshot of {source_id} under {mirrors}")
        found[comp_id] = Repo(source_id, snap)
    return found


def extract(r: dict[str, Repo]) -> list[Row]:
    lib, vzctl = r["libvzctl"], r["vzctl"]
    scripts = [p for p in lib.snap.files("scripts") if p.endswith(".in")]
    return [*param_map(lib), *named(lib, "libvzctl.named", "lib"), *simple_parser(lib), *vzlimits(lib),
            *param_lists(lib), *sourced(lib, scripts), *vzctl_table(vzctl), *named(vzctl, "vzctl.named", "src"),
            *dispatcher(r["prl-disp-service"]), *vzmigrate_names(r["vzmigrate"]), *sourced(vzctl, ["etc/systemd.d/vz"]),
            *shipped(vzctl, "etc/vz.conf", "vzctl.vz_conf"),
            *shipped(vzctl, "etc/ve-basic.conf-sample", "vzctl.ve_basic_sample"),
            *vcmmd_gets(r["vcmmd"]), *vcmmd_shipped(r["vcmmd"]), *prlctl_set_options(r["prlctl"])]


# -- checking the data ------------------------------------------------------------------------

GLOBAL_TABLES = {"vzctl.vz_conf", "libvzctl.vzlimits", "prl-disp-service.vz_config"}
CT_TABLES = {"libvzctl.config_param_map", "vzctl.ve_basic_sample", "libvzctl.param_lists"}
# Tables whose rows show a component acting on the key (the shipped files and name lists do not).
READERS = {"libvzctl.config_param_map": "libvzctl", "libvzctl.named": "libvzctl", "libvzctl.vzlimits": "libvzctl",
           "vzctl.named": "vzctl", "prl-disp-service.vz_config": "prl-disp-service",
           "vzmigrate.conf_names": "vzmigrate", "vcmmd.get": "vcmmd"}
SHIPPED_AS = {"vzctl.vz_conf": "/etc/vz/vz.conf", "vzctl.ve_basic_sample": "/etc/vz/conf/ve-basic.conf-sample",
              "vcmmd.shipped": "/etc/vz/vcmmd.conf"}


def file_of(rows: list[Row]) -> str | None:
    """vz.conf, ct.conf or both, from where the rows put the key; None when no row tells."""
    on_host = any(r.table in GLOBAL_TABLES or r.scope == "global" for r in rows)
    in_ct = any(r.table in CT_TABLES or (r.scope == "ct" and r.table not in CT_TABLES) for r in rows)
    return "both" if on_host and in_ct else "vz.conf" if on_host else "ct.conf" if in_ct else None


def readers(rows: list[Row], source_component: dict[str, str]) -> set[str]:
    found = {READERS[r.table] for r in rows if r.table in READERS}
    return found | {source_component[r.source] for r in rows if r.table == "script.sourced"}


def _tables(key: Any, rows: list[Row]) -> list[str]:
    tables = [t for t in CONFIG_TABLES if any(r.table == t for r in rows)]
    problems = [] if list(key["tables"]) == tables else [f"tables {list(key['tables'])}, but the code has {tables}"]
    first = key["evidence"][0]
    if not any(r.table == tables[0] and r.source == first["source"] and r.path == first.get("path")
               and str(r.line) == first.get("lines") for r in rows):
        problems.append(f"the first evidence item is not a row of {tables[0]}")
    return problems


def _shipped(key: Any, rows: list[Row]) -> list[str]:
    ship = sorted((SHIPPED_AS[r.table], r.get("value"), r.get("state")) for r in rows if r.table in SHIPPED_AS)
    if sorted((s["file"], s["value"], s["state"]) for s in key.get("shipped", [])) != ship:
        return [f"shipped values differ from the files: {ship}"]
    return []


def _file(key: Any, rows: list[Row]) -> list[str]:
    derived = file_of(rows) if key["file"] != "vcmmd.conf" else "vcmmd.conf"
    if derived is None:
        return [] if "note" in key else ["no table tells its file; say why in 'note'"]
    return [] if derived == key["file"] else [f"file {key['file']}, but the tables put it in {derived}"]


def check_key(key: Any, rows: list[Row], source_component: dict[str, str]) -> list[str]:
    missing = readers(rows, source_component) - set(key.get("components", []))
    lacking = [f"components lack {sorted(missing)}, whose code reads it"] if missing else []
    return _tables(key, rows) + _shipped(key, rows) + lacking + _file(key, rows)


def check_keys(model: Any, rows: list[Row], source_component: dict[str, str]) -> list[str]:
    by_key: dict[str, list[Row]] = {}
    for row in rows:
        if row.table != "prlctl.set_options":
            by_key.setdefault(row.key, []).append(row)
    data = {k["key"]: k for k in model.config_keys}
    problems = [f"{name}: named by {by_key[name][0].table} at {by_key[name][0].path}:{by_key[name][0].line}, "
                "but not in data/config.yaml" for name in sorted(set(by_key) - set(data))]
    problems += [f"{name}: no table names it" for name in sorted(set(data) - set(by_key))]
    for name in sorted(set(data) & set(by_key)):
        problems += [f"{name}: {p}" for p in check_key(data[name], by_key[name], source_component)]
    return problems


def check_options(model: Any, rows: list[Row]) -> list[str]:
    table = [r for r in rows if r.table == "prlctl.set_options"]
    names = {name: o for o in model.prlctl_options for name in [o["option"], *o.get("aliases", [])]}
    problems = [f"{r.key}: row at {r.path}:{r.line}, but not in data/prlctl.yaml" for r in table if r.key not in names]
    problems += [f"{n}: not a row of prlctl's set table" for n in sorted(set(names) - {r.key for r in table})]
    for option in model.prlctl_options:
        first = option["evidence"][0]
        spellings = [option["option"], *option.get("aliases", [])]
        if not any(r.key in spellings and r.path == first.get("path") and str(r.line) == first.get("lines")
                   for r in table):
            problems.append(f"{option['option']}: the first evidence item is not one of its rows")
    return problems


def check_files(model: Any, r: dict[str, Repo], mirrors: Path) -> list[str]:
    """Every evidence item of both files names lines that exist at its commit."""
    snaps: dict[str, Snapshot | None] = {repo.source: repo.snap for repo in r.values()}
    problems = []
    for record in [*model.config_keys, *model.prlctl_options]:
        for item in record["evidence"]:
            if "path" not in item:
                continue
            if item["source"] not in snaps:
                snaps[item["source"]] = open_source(mirrors, model.get("sources", item["source"]))
            snap = snaps[item["source"]]
            lines = snap.lines(item["path"]) if snap else []
            if not lines or span_of(item)[2] > len(lines):
                name = record.get("key") or record.get("option")
                problems.append(f"{name}: {item['source']} {item['path']}:{item['lines']} is not in the file")
    return problems


def verify(model: Any, mirrors: Path) -> int:
    r = repos(model, mirrors)
    rows = extract(r)
    source_component = {repo.source: comp for comp, repo in r.items()}
    problems = check_keys(model, rows, source_component) + check_options(model, rows) + check_files(model, r, mirrors)
    for problem in problems:
        print(f"DIFFERS {problem}")
    tables = {row.table for row in rows}
    files = {name: sum(1 for k in model.config_keys if k["file"] == name)
             for name in ("ct.conf", "vz.conf", "both", "vcmmd.conf")}
    options = sum(1 for row in rows if row.table == "prlctl.set_options")
    print(f"{len(rows)} rows in {len(tables)} tables; {len(model.config_keys)} keys ({files}); "
          f"{len(model.prlctl_options)} prlctl options for {options} rows of its set table")
    print(f"{len(problems)} differences")
    return 1 if problems else 0


def stub(name: str, rows: list[Row], source_component: dict[str, str]) -> str:
    """A data/config.yaml entry for a key, with the fields its rows decide."""
    tables = [t for t in CONFIG_TABLES if any(r.table == t for r in rows)]
    first = next(r for r in rows if r.table == tables[0])
    out = [f"  - key: {name}", f"    file: {file_of(rows) or 'ct.conf  # no table tells: say why in note'}",
           "    meaning: TODO"]
    ship = [r for r in rows if r.table in SHIPPED_AS]
    if ship:
        out += ["    shipped:"] + [f'      - {{file: {SHIPPED_AS[r.table]}, value: "{r.get("value")}", '
                                   f'state: {r.get("state")}}}' for r in ship]
    if readers(rows, source_component):
        out.append(f"    components: [{', '.join(sorted(readers(rows, source_component)))}]")
    out += [f"    tables: [{', '.join(tables)}]", "    evidence:",
            f'      - {{source: {first.source}, path: {first.path}, lines: "{first.line}"}}']
    return "\n".join(out)


def stubs(model: Any, mirrors: Path) -> int:
    r = repos(model, mirrors)
    source_component = {repo.source: comp for comp, repo in r.items()}
    by_key: dict[str, list[Row]] = {}
    for row in extract(r):
        if row.table != "prlctl.set_options":
            by_key.setdefault(row.key, []).append(row)
    known = {k["key"] for k in model.config_keys}
    for name in sorted(set(by_key) - known):
        print(stub(name, by_key[name], source_component))
    return 0


def listing(model: Any, mirrors: Path) -> int:
    for row in extract(repos(model, mirrors)):
        extra = " ".join(f"{k}={v}" for k, v in row.extra if v)
        print(f"{row.table:28} {row.source}:{row.path}:{row.line}\t{row.key}\t{row.scope}\t{extra}")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("mirrors", type=Path, help="folder of git snapshots, one per repository (Owner+name)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--verify", action="store_true", help="check the data; exit 1 on a difference")
    mode.add_argument("--stubs", action="store_true", help="print entries for keys the data lacks")
    parser.add_argument("--data", default="data", help="the data folder (default: data/ of this project)")
    args = parser.parse_args(argv)
    from study.errors import DataError
    from study.model import load_model

    try:
        model = load_model(ROOT, args.data)
    except DataError as err:
        print(err, file=sys.stderr)
        return 1
    run = verify if args.verify else stubs if args.stubs else listing
    return run(model, args.mirrors)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

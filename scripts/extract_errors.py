"""Extract the error codes and messages of the 7.0 components from local snapshots, and check the atlas.

    python scripts/extract_errors.py MIRRORS            print every code and message found, as YAML
    python scripts/extract_errors.py --verify MIRRORS   check data/errors.yaml against them; exit 1 on a difference

MIRRORS holds one git directory per repository, named Owner+name (bare, or with a .git inside), as
for scripts/check_evidence.py. Each component is read at the commit of its release-era source
(`release` in data/components.yaml, pinned in data/sources.yaml), with `git show COMMIT:PATH`;
nothing is read from a work tree.

How each table was found and how it is read (`git grep` at the pinned commit led to each file):

- vzmigrate: vzmcontrol/common.h holds every `#define MIG_ERR_X <int>` (some name another code:
  an alias with the same value) and every message macro `#define MIG_MSG_X "..."` (string literals,
  backslash continuations and other message macros). vzmigrate has no table that joins a code to a
  message: they meet at a call `putErr(MIG_ERR_X, <message>, ...)` in bin/. So one fact is made per
  code and one per distinct (code, message) pair met at such a call; a message built from anything
  but literals and message macros is skipped. vzmsrc exits with the code negated (bin/vzmlocal.cpp).
- libvzctl: lib/vzerror.h holds every `#define VZCTL_E_X <int>` (one is spelt VZCTl_E_FOPEN). There
  is no message table either: messages are the string literals of `vzctl_err(CODE, errno, "...")`
  calls in lib/*.c, paired with their code as for vzmigrate.
- vcmmd: vcmmd/error.py holds the constants `VCMMD_ERROR_X = <int>` and the dict `_ERRSTR`
  (`<int>: '<text>'`); vcmmd's D-Bus methods return the number of the error raised, or 0.
- libvcmmd: include/vcmmd.h holds an anonymous enum (a name is given a number, an earlier name, or
  the previous value plus one); vcmmd_strerror() in src/vcmmd.c indexes two string arrays,
  `service_err_list` from __VCMMD_SERVICE_ERROR_START and `lib_err_list` from
  __VCMMD_LIB_ERROR_START.
- P.Haul has no codes: a failure is `raise Exception("...")` in phaul/*.py. The code is the raising
  function as module.Class.function and the text is the first string literal (format placeholders
  kept); the docker and lxc drivers, which OpenVZ does not use, are skipped.
- libprlsdk: Sources/SDK/Include/PrlErrorsValues.h (generated, says its header) holds
  `#define PRL_ERR_X PRL_RESULT_DECLARE_ERROR(n)`; PrlErrors.h defines that as 0x80000000 + 0x##n,
  the digits pasted as hexadecimal, so the value is written in hexadecimal. The brief message is the
  first tr("...") of `REGISTER_ERROR_STRING[2](CODE, ...)` in Sources/SDK/Handles/Core/
  PrlErrStringsStorage_PS.cpp, else in PrlErrStringsStorage.cpp: in the server mode prlctl runs in,
  GetErrorStringData() looks in the product's table first.

Every fact carries the lines that must be cited for it: the code's definition and, for a macro or
a table entry, the message's own lines. A pair also has the calls that raise it; for a code alone
these are the other lines that name the code in the component's source.

What --verify checks, for every entry of data/errors.yaml:

- its code exists in the component's table with the entry's value, and its text is a message found
  with that code (exactly, placeholders kept); an entry without a text stands for the code alone;
- its evidence covers the required lines, and at least one raising line when there is one;
- every cited file exists at its commit and holds the cited lines;
- when it names a flow step, that step's own evidence overlaps a line the entry cites in the
  component's source: the step is where the error is raised.

It prints every difference, then the entries and facts per component, and exits 1 on any
difference.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from study.snapshot import Snapshot, Span, covers, open_source, overlaps, span_of


@dataclass
class Fact:
    """One code, alone or with one of its messages, and the lines that must be cited for it."""

    code: str
    value: str | None
    text: str | None
    anchors: list[Span]
    sites: list[Span] = field(default_factory=list)


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


# -- C strings ----------------------------------------------------------------------------------

_C_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "'": "'", "r": "\r", "0": "\0"}
_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
_GAP = re.compile(r"(?:\s|\\\n|/\*.*?\*/)*", re.S)
_IDENT = re.compile(r"[A-Za-z_]\w*")


def c_unescape(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: _C_ESCAPES.get(m.group(1), "\\" + m.group(1)), value)


def string_expression(src: str, pos: int, macros: dict[str, str]) -> tuple[str | None, int]:
    """Adjacent string literals and known string macros from pos: (their text, end), or (None, pos).

    Anything else before the next ',' or ')' (a function call, a variable) makes it not a literal message.
    """
    parts, at = [], pos
    while True:
        gap = _GAP.match(src, at)
        at = gap.end() if gap else at
        literal = _STRING.match(src, at)
        name = _IDENT.match(src, at)
        if literal:
            parts.append(c_unescape(literal.group(1)))
            at = literal.end()
        elif name and name.group(0) in macros:
            parts.append(macros[name.group(0)])
            at = name.end()
        else:
            break
    if not parts or (at < len(src) and src[at] not in ",)"):
        return None, pos
    return "".join(parts), at


def defines(text: str, names: str, value: str) -> dict[str, tuple[str, int]]:
    """`#define NAME VALUE` lines: name -> (value, line); a value naming an earlier define takes its value."""
    found: dict[str, tuple[str, int]] = {}
    for m in re.finditer(rf"^#define[ \t]+({names})[ \t]+({value}|{names})\b", text, re.M):
        target = m.group(2)
        found[m.group(1)] = (found[target][0] if target in found else target, line_of(text, m.start()))
    return found


def message_macros(text: str) -> tuple[dict[str, str], dict[str, tuple[int, int]]]:
    """String macros (MIG_MSG_X and the like): name -> text, and name -> their lines."""
    raw: dict[str, str] = {}
    where: dict[str, tuple[int, int]] = {}
    pattern = r"^#define[ \t]+((?:MIG|VZM)_(?:MSG|INFO)_\w+|MSG_\w+)[ \t]+((?:.*\\\n)*.*)$"
    for m in re.finditer(pattern, text, re.M):
        first = line_of(text, m.start())
        raw[m.group(1)] = m.group(2)
        where[m.group(1)] = (first, first + m.group(0).count("\n"))
    macros: dict[str, str] = {}
    for _ in range(3):  # a macro may use one defined further down
        for name, body in raw.items():
            found, _end = string_expression(body + ",", 0, macros)
            if found is not None:
                macros[name] = found
    return macros, where


@dataclass
class CallTable:
    """A header of codes and the calls in source files that pair a code with a message."""

    header: str
    codes: dict[str, tuple[str, int]]
    call: str  # regex: group 1 is the code; the match ends where the message starts
    macros: dict[str, str] = field(default_factory=dict)
    macro_lines: dict[str, tuple[int, int]] = field(default_factory=dict)


def _pair(table: CallTable, src: str, at: int, code: str) -> Fact | None:
    message, _end = string_expression(src, at, table.macros)
    if message is None:
        return None
    anchors: list[Span] = [(table.header, table.codes[code][1], table.codes[code][1])]
    macro = re.compile(r"\s*([A-Z]\w*)").match(src, at)
    if macro and macro.group(1) in table.macro_lines:
        anchors.append((table.header, *table.macro_lines[macro.group(1)]))
    return Fact(code, table.codes[code][0], message, anchors)


def call_pairs(snap: Snapshot, files: Iterable[str], table: CallTable) -> list[Fact]:
    """One fact per distinct (code, message) met at the table's calls, with every call as a site."""
    pairs: dict[tuple[str, str], Fact] = {}
    for path in files:
        src = snap.text(path) or ""
        for m in re.finditer(table.call, src):
            if m.group(1) not in table.codes:
                continue
            fact = _pair(table, src, m.end(), m.group(1))
            if fact is None:
                continue
            end = string_expression(src, m.end(), table.macros)[1]
            site = (path, line_of(src, m.start()), line_of(src, end))
            assert fact.text is not None
            pairs.setdefault((fact.code, fact.text), fact).sites.append(site)
    return list(pairs.values())


def code_facts(snap: Snapshot, table: CallTable, files: Iterable[str]) -> list[Fact]:
    """One fact per code; its sites are the other lines of the files that name it."""
    facts = {code: Fact(code, value, None, [(table.header, line, line)])
             for code, (value, line) in table.codes.items()}
    for path in files:
        for n, text in enumerate(snap.lines(path), start=1):
            for name in set(_IDENT.findall(text)) & facts.keys():
                if (path, n) != (table.header, table.codes[name][1]):
                    facts[name].sites.append((path, n, n))
    return list(facts.values())


def _sources(snap: Snapshot, prefix: str, suffixes: tuple[str, ...]) -> list[str]:
    return [p for p in snap.files(prefix) if p.endswith(suffixes)]


# -- the components ---------------------------------------------------------------------------

def vzmigrate(snap: Snapshot) -> list[Fact]:
    header = "vzmcontrol/common.h"
    text = snap.text(header) or ""
    macros, macro_lines = message_macros(text)
    table = CallTable(header, defines(text, r"MIG_ERR_\w+", r"-?\d+"), r"putErr\(\s*(MIG_ERR_\w+)\s*,",
                      macros, macro_lines)
    files = _sources(snap, "bin/", (".c", ".cpp", ".h"))
    return code_facts(snap, table, [header, *files]) + call_pairs(snap, files, table)


def libvzctl(snap: Snapshot) -> list[Fact]:
    header = "lib/vzerror.h"
    table = CallTable(header, defines(snap.text(header) or "", r"VZCT[Ll]_E_\w+", r"\d+"),
                      r"vzctl_err\(\s*(VZCT[Ll]_E_\w+)\s*,\s*[\w.>-]+\s*,")
    files = _sources(snap, "lib/", (".c",))
    return code_facts(snap, table, files) + call_pairs(snap, files, table)


def vcmmd(snap: Snapshot) -> list[Fact]:
    path = "vcmmd/error.py"
    consts: dict[str, tuple[str, int]] = {}
    strings: dict[str, tuple[str, int]] = {}
    in_dict = False
    for n, line in enumerate(snap.lines(path), start=1):
        const = re.match(r"(VCMMD_ERROR_\w+)\s*=\s*(\d+)\s*$", line)
        entry = re.match(r"\s+(\d+):\s*'([^']*)',", line)
        if const:
            consts[const.group(1)] = (const.group(2), n)
        in_dict = line.startswith("_ERRSTR") or (in_dict and not line.startswith("}"))
        if in_dict and entry:
            strings[entry.group(1)] = (entry.group(2), n)
    table = CallTable(path, consts, "")
    facts = code_facts(snap, table, [p for p in _sources(snap, "vcmmd/", (".py",)) if p != path])
    for fact in facts:
        if fact.value in strings:
            fact.text, at = strings[fact.value]
            fact.anchors.append((path, at, at))
    return facts


def _enum_values(text: str) -> dict[str, tuple[int, int, int]]:
    """The anonymous enum of a header: name -> (value, first line, last line)."""
    body = re.search(r"enum\s*\{(.*?)\};", text, re.S)
    assert body, "no enum in the header"
    plain = re.sub(r"/\*.*?\*/", lambda c: " " * len(c.group(0)), body.group(1), flags=re.S)
    values: dict[str, tuple[int, int, int]] = {}
    following = 0
    for item in re.finditer(r"([A-Za-z_]\w*)\s*(?:=\s*([^,]+?))?\s*,", plain):
        given = (item.group(2) or "").strip()
        value = following if not given else int(given) if given.lstrip("-").isdigit() else values[given][0]
        values[item.group(1)] = (value, line_of(text, body.start(1) + item.start(1)),
                                 line_of(text, body.start(1) + item.end() - 1))
        following = value + 1
    return values


def libvcmmd(snap: Snapshot) -> list[Fact]:
    header, impl = "include/vcmmd.h", "src/vcmmd.c"
    values = _enum_values(snap.text(header) or "")
    src = snap.text(impl) or ""
    strings: dict[int, tuple[str, int]] = {}
    arrays = (("service_err_list", "__VCMMD_SERVICE_ERROR_START"), ("lib_err_list", "__VCMMD_LIB_ERROR_START"))
    for array, start in arrays:
        found = re.search(array + r"\[\]\s*=\s*\{(.*?)\};", src, re.S)
        assert found, f"no {array} in {impl}"
        for i, literal in enumerate(_STRING.finditer(found.group(1))):
            line = line_of(src, found.start(1) + literal.start())
            strings[values[start][0] + i] = (c_unescape(literal.group(1)), line)
    table = CallTable(header, {name: (str(v), first) for name, (v, first, _last) in values.items()}, "")
    facts = [f for f in code_facts(snap, table, [impl]) if not f.code.startswith("__")]
    for fact in facts:
        value, first, last = values[fact.code]
        fact.anchors = [(header, first, last)]
        if value in strings:
            fact.text, line = strings[value]
            fact.anchors.append((impl, line, line))
    return facts


_RAISE = re.compile(r"""raise Exception\(\(?\s*(["'])((?:(?!\1)[^\\]|\\.)*)\1""")
_SCOPE = re.compile(r"(?:def|class)\s+(\w+)")


def _raises(path: str, lines: list[str]) -> list[Fact]:
    """`raise Exception("...")` in one module, each keyed by module.Class.function."""
    module, facts = Path(path).stem, []
    scope: list[tuple[int, str]] = []  # (indent, name) of the enclosing classes and functions
    for n, line in enumerate(lines, start=1):
        body = line.lstrip("\t ")
        indent = len(line) - len(body)
        opened = _SCOPE.match(body)
        if opened:
            scope = [s for s in scope if s[0] < indent] + [(indent, opened.group(1))]
            continue
        raised = _RAISE.search(line)
        if raised:
            scope = [s for s in scope if s[0] < indent]
            code = ".".join([module, *(name for _, name in scope)])
            facts.append(Fact(code, None, raised.group(2), [(path, n, n)]))
    return facts


def phaul(snap: Snapshot) -> list[Fact]:
    unused = ("p_haul_docker", "p_haul_lxc")  # drivers OpenVZ does not use
    return [fact for path in _sources(snap, "phaul/", (".py",)) if Path(path).stem not in unused
            for fact in _raises(path, snap.lines(path))]


PRL_VALUES = "Sources/SDK/Include/PrlErrorsValues.h"
PRL_TABLES = ("Sources/SDK/Handles/Core/PrlErrStringsStorage_PS.cpp",  # looked up first
              "Sources/SDK/Handles/Core/PrlErrStringsStorage.cpp")


def _prl_values(text: str) -> dict[str, tuple[str, int]]:
    values: dict[str, tuple[str, int]] = {}
    pattern = r"^#define[ \t]+((?:PRL|PET)_\w+)[ \t]+(?:PRL_RESULT_DECLARE_(ERROR|SUCCESS)\((\w+)\)|((?:PRL|PET)_\w+))"
    for m in re.finditer(pattern, text, re.M):
        line = line_of(text, m.start())
        if m.group(4):
            if m.group(4) in values:
                values[m.group(1)] = (values[m.group(4)][0], line)
        elif m.group(2) == "ERROR":
            values[m.group(1)] = (f"0x{0x80000000 + int(m.group(3), 16):08X}", line)
        else:
            values[m.group(1)] = (str(int(m.group(3))), line)  # a success value is plain decimal
    return values


def _prl_messages(snap: Snapshot) -> dict[str, tuple[str, Span]]:
    """Code -> (brief message, its lines); the product table wins."""
    messages: dict[str, tuple[str, Span]] = {}
    for path in PRL_TABLES:
        src = snap.text(path) or ""
        for m in re.finditer(r"\bREGISTER_ERROR_STRING2?\(\s*([A-Z]\w+)\s*,", src):
            opening = re.compile(r"(?:\s|/\*.*?\*/)*tr\(", re.S).match(src, m.end())
            brief, end = string_expression(src, opening.end(), {}) if opening else (None, 0)
            if brief is not None and m.group(1) not in messages:
                messages[m.group(1)] = (brief, (path, line_of(src, m.start()), line_of(src, end)))
    return messages


def libprlsdk(snap: Snapshot) -> list[Fact]:
    messages = _prl_messages(snap)
    facts = []
    for code, (value, line) in _prl_values(snap.text(PRL_VALUES) or "").items():
        fact = Fact(code, value, None, [(PRL_VALUES, line, line)])
        if code in messages:
            fact.text, where = messages[code]
            fact.anchors.append(where)
        facts.append(fact)
    return facts


EXTRACTORS: dict[str, Callable[[Snapshot], list[Fact]]] = {
    "vzmigrate": vzmigrate, "libvzctl": libvzctl, "vcmmd": vcmmd, "libvcmmd": libvcmmd, "p.haul": phaul,
    "libprlsdk": libprlsdk,
}


# -- checking the atlas -------------------------------------------------------------------------

def match(entry: Any, facts: list[Fact]) -> tuple[Fact | None, str]:
    """The fact an entry stands for: the code with the entry's text, or the code alone."""
    same_code = [f for f in facts if f.code == entry["code"]]
    if not same_code:
        return None, f"code {entry['code']} is not in the component's table"
    wanted = entry.get("text")
    found = next((f for f in same_code if f.text == wanted), None)
    if found is None and wanted is None:
        found = same_code[0]  # the code's own fact comes first; check_fact reports the text it has
    if found is None:
        return None, f"text {json.dumps(wanted)} is not a message of {entry['code']}"
    return found, ""


def check_fact(entry: Any, fact: Fact, own: list[Span]) -> list[str]:
    problems = []
    if entry.get("value") != fact.value:
        problems.append(f"value {entry.get('value')!r}, but the source says {fact.value!r}")
    if entry.get("text") is None and fact.text is not None:
        problems.append(f"no text, but the source gives {json.dumps(fact.text)}")
    for path, first, last in fact.anchors:
        if not any(covers(span, (path, first, last)) for span in own):
            problems.append(f"no evidence covers {path}:{first}" + (f"-{last}" if last != first else ""))
    if fact.sites and not any(overlaps(span, site) for span in own for site in fact.sites):
        first_site = fact.sites[0]
        problems.append(f"no evidence covers a line that raises it, e.g. {first_site[0]}:{first_site[1]}")
    return problems


def check_files(entry: Any, model: Any, snapshots: dict[str, Snapshot | None]) -> list[str]:
    """Every cited file exists at its commit and holds the cited lines."""
    problems = []
    for item in entry["evidence"]:
        if "path" not in item:
            continue
        snap = snapshots.get(item["source"])
        if snap is None:
            problems.append(f"no snapshot of {item['source']}")
            continue
        lines = snap.lines(item["path"])
        _path, _first, last = span_of(item)
        if not lines or last > len(lines):
            problems.append(f"{item['source']} {item['path']}:{item['lines']} is not in the file ({len(lines)} lines)")
    return problems


def check_step(entry: Any, model: Any, source_id: str, own: list[Span]) -> list[str]:
    if "step" not in entry:
        return []
    step = model.get("flows", entry["flow"])["steps"][entry["step"] - 1]
    cited = [span_of(e) for e in step["evidence"] if e["source"] == source_id and "lines" in e]
    if any(overlaps(a, b) for a in own for b in cited):
        return []
    return [f"flow {entry['flow']} step {entry['step']} cites none of the lines this entry cites in {source_id}"]


@dataclass
class Checker:
    model: Any
    mirrors: Path
    facts: dict[str, list[Fact]] = field(default_factory=dict)
    snapshots: dict[str, Snapshot | None] = field(default_factory=dict)

    def snapshot(self, source_id: str) -> Snapshot | None:
        if source_id not in self.snapshots:
            source = self.model.get("sources", source_id)
            self.snapshots[source_id] = open_source(self.mirrors, source) if "repo" in source else None
        return self.snapshots[source_id]

    def component_facts(self, comp_id: str) -> list[Fact]:
        if comp_id not in self.facts:
            snap = self.snapshot(self.model.get("components", comp_id)["release"])
            self.facts[comp_id] = EXTRACTORS[comp_id](snap) if snap else []
        return self.facts[comp_id]

    def problems(self, entry: Any) -> list[str]:
        if entry["component"] not in EXTRACTORS:
            return [f"no extractor for component {entry['component']}"]
        source_id = self.model.get("components", entry["component"])["release"]
        for item in entry["evidence"]:
            self.snapshot(item["source"])
        if self.snapshot(source_id) is None:
            return [f"no snapshot of {source_id}"]
        fact, why = match(entry, self.component_facts(entry["component"]))
        if fact is None:
            return [why]
        own = [span_of(e) for e in entry["evidence"] if e["source"] == source_id and "lines" in e]
        return (check_fact(entry, fact, own) + check_files(entry, self.model, self.snapshots)
                + check_step(entry, self.model, source_id, own))


def verify(model: Any, mirrors: Path) -> int:
    """Check every atlas entry; print each difference and the counts; 1 if anything differs."""
    checker = Checker(model, mirrors)
    bad = 0
    counts: dict[str, int] = {}
    for entry in model.errors:
        counts[entry["component"]] = counts.get(entry["component"], 0) + 1
        for problem in checker.problems(entry):
            bad += 1
            print(f"DIFFERS {entry['id']}: {problem}")
    for comp_id in EXTRACTORS:
        print(f"{comp_id}: {counts.get(comp_id, 0)} entries, {len(checker.component_facts(comp_id))} facts "
              f"extracted at {model.get('components', comp_id)['release']}")
    print(f"{len(model.errors)} entries checked, {bad} differences")
    return 1 if bad else 0


# -- listing ------------------------------------------------------------------------------------

def _spans(spans: list[Span]) -> str:
    return ", ".join(f"{p}:{a}" + (f"-{b}" if b != a else "") for p, a, b in spans)


def listing(model: Any, mirrors: Path) -> int:
    """Every fact as YAML, for choosing and writing atlas entries."""
    checker = Checker(model, mirrors)
    for comp_id in EXTRACTORS:
        source_id = model.get("components", comp_id)["release"]
        print(f"# {comp_id} at {source_id}")
        for fact in checker.component_facts(comp_id):
            print(f"- component: {comp_id}\n  code: {fact.code}")
            for key in ("value", "text"):
                if getattr(fact, key) is not None:
                    print(f"  {key}: {json.dumps(getattr(fact, key), ensure_ascii=False)}")
            print(f"  cite: {_spans(fact.anchors)}")
            if fact.sites:
                print(f"  raised at: {_spans(fact.sites[:5])}" + (" ..." if len(fact.sites) > 5 else ""))
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("mirrors", type=Path, help="folder of git snapshots, one per repository (Owner+name)")
    parser.add_argument("--verify", action="store_true", help="check data/errors.yaml; exit 1 on a difference")
    parser.add_argument("--data", default="data", help="the data folder (default: data/ of this project)")
    args = parser.parse_args(argv)
    from study.errors import DataError
    from study.model import load_model

    try:
        model = load_model(ROOT, args.data)
    except DataError as err:
        print(err, file=sys.stderr)
        return 1
    return verify(model, args.mirrors) if args.verify else listing(model, args.mirrors)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

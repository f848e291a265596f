"""Bad input stops the build with one message naming file, line and field.

Each case breaks one file of a small valid project (tests/fixtures/project)
and states the exact message. Every case runs through the one build path
(`study.build.load_site`) and through the command line, which must print the
same message: the quick check and the build agree. test_build.py pushes a
few of them through a real MkDocs build.
"""

from __future__ import annotations

import io
import os
import time
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from study.__main__ import main
from study.build import load_site
from study.errors import DataError

Edit = Callable[[Path], None]


def replace(file: str, old: str | None, new: str | bytes) -> Edit:
    """Replace `old` (exactly once) in a project file, or the whole file when old is None."""

    def edit(project: Path) -> None:
        target = project / file
        if old is None:
            if isinstance(new, bytes):
                target.write_bytes(new)
            else:
                target.write_text(new, encoding="utf-8")
            return
        text = target.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"fixture edit is ambiguous or missing: {old!r}"
        target.write_text(text.replace(old, str(new)), encoding="utf-8")

    return edit


def append(file: str, text: str) -> Edit:
    def edit(project: Path) -> None:
        with (project / file).open("a", encoding="utf-8") as handle:
            handle.write(text)

    return edit


def create(file: str, text: str) -> Edit:
    def edit(project: Path) -> None:
        (project / file).parent.mkdir(parents=True, exist_ok=True)
        (project / file).write_text(text, encoding="utf-8")

    return edit


def symlink(link: str, target: str) -> Edit:
    def edit(project: Path) -> None:
        (project / link).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, project / link)

    return edit


def both(*edits: Edit) -> Edit:
    def edit(project: Path) -> None:
        for e in edits:
            e(project)

    return edit


def message_of(project: Path) -> str:
    """The one-line message of the build path, checked against the command line's."""
    with pytest.raises(DataError) as err:
        load_site(project)
    out, errs = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(errs):
        code = main(["validate", str(project)])
    assert code == 1 and errs.getvalue() == f"{err.value}\n", "the command line disagrees with the build path"
    assert "\n" not in str(err.value)
    return str(err.value)


LONG = "x" * 200_000
COMPONENT = """  - id: {id}
    name: {id}
    layer: tool
    area: management
    role: Another tool.
    languages: [C]
    part_of: {part_of}
    sources: [guide]
"""
FLOW = """  - id: index
    title: Index
    summary: A flow named like the overview page.
    participants:
      - {id: a, label: A}
      - {id: b, label: B}
    steps:
      - src: a
        dst: b
        call: go
        evidence:
          - {source: guide, section: Usage}
"""

CASES: list[tuple[str, Edit, str]] = [
    # -- YAML and file shape ----------------------------------------------------------
    ("yaml-syntax", replace("data/sources.yaml", "    title: A guide\n", "    title: A guide: [\n"),
     "data/sources.yaml:15: YAML syntax error: mapping values are not allowed in this context"),
    ("empty-file", replace("data/glossary.yaml", None, ""),
     "data/glossary.yaml:1: file is empty; expected a mapping with the key 'glossary'"),
    ("wrong-top-level", replace("data/glossary.yaml", "glossary:", "terms:"),
     "data/glossary.yaml:1: expected a mapping with the single key 'glossary'"),
    ("top-level-list", replace("data/glossary.yaml", None, "- a\n- b\n"),
     "data/glossary.yaml:1: expected a mapping with the single key 'glossary'"),
    ("missing-file", lambda p: (p / "data" / "claims.yaml").unlink(),
     "data/claims.yaml: file not found"),
    ("directory-for-file", lambda p: ((p / "data" / "claims.yaml").unlink(), (p / "data" / "claims.yaml").mkdir()),
     "data/claims.yaml: is a directory, not a file"),
    ("extra-data-file", create("data/glossary.yml", "glossary: []\n"),
     "data/glossary.yml: unexpected entry in the data folder (known files: actors.yaml, buildability.yaml, "
     "claims.yaml, compat.yaml, components.yaml, config.yaml, disambiguation.yaml, errors.yaml, flows.yaml, "
     "glossary.yaml, paths.yaml, prlctl.yaml, security.yaml, seed.yaml, sources.yaml, timeline.yaml, "
     "workpackages.yaml)"),
    ("symlinked-data-file", lambda p: ((p / "data" / "glossary.yaml").rename(p / "g.yaml"),
                                       os.symlink(p / "g.yaml", p / "data" / "glossary.yaml")),
     "data/glossary.yaml: symbolic links are not allowed; put the file itself here"),
    ("non-string-key", replace("data/glossary.yaml", "    expansion: Container", "    1: Container"),
     "data/glossary.yaml:3: glossary[0].1: unknown field (allowed: term, expansion, definition, sources)"),
    ("null-key", replace("data/glossary.yaml", "    expansion: Container", "    ~: Container"),
     "data/glossary.yaml:3: mapping keys must be plain strings"),
    ("yaml-anchor-alias", replace("data/glossary.yaml", "    sources: [guide]",
                                  "    sources: &s [guide]\n  - term: VE\n    definition: A CT.\n    sources: *s"),
     "data/glossary.yaml:5: YAML anchors and aliases are not allowed; write each value out"),
    ("yaml-anchor-only", replace("data/glossary.yaml", "    sources: [guide]", "    sources: &s [guide]"),
     "data/glossary.yaml:5: YAML anchors and aliases are not allowed; write each value out"),
    ("python-tag", replace("data/glossary.yaml", "    expansion: Container", "    expansion: !!python/object:os.system x"),
     "data/glossary.yaml:3: YAML syntax error: could not determine a constructor for the tag "
     "'tag:yaml.org,2002:python/object:os.system'"),
    ("deep-nesting", replace("data/glossary.yaml", "    expansion: Container", "    expansion: " + "[" * 30 + "]" * 30),
     "data/glossary.yaml:3: nested more than 20 levels deep"),
    ("not-utf8", replace("data/glossary.yaml", None, "glossary:\n  - term: \udcff\n".encode("utf-8", "surrogateescape")),
     "data/glossary.yaml:2: not UTF-8 text (invalid start byte at byte 20)"),
    ("not-utf8-deep", replace("data/sources.yaml", None,
                              (Path(__file__).parent / "fixtures/project/data/sources.yaml").read_bytes()
                              .replace(b"A guide", b"A \xff guide")),
     "data/sources.yaml:15: not UTF-8 text (invalid start byte at byte 356)"),
    ("control-character", replace("data/sources.yaml", "    title: A guide", "    title: A \x07guide"),
     "data/sources.yaml:15: control or invisible character U+0007 is not allowed"),
    ("terminal-escape", replace("data/sources.yaml", "    title: A guide", "    title: A \x1b[2Kvalid guide"),
     "data/sources.yaml:15: control or invisible character U+001B is not allowed"),
    ("line-separator", replace("data/sources.yaml", "    title: A guide", "    title: A\u2028guide"),
     "data/sources.yaml:15: control or invisible character U+2028 is not allowed"),
    ("bom-keeps-lines", both(replace("data/sources.yaml", "sources:\n", "\ufeffsources:\n"),
                             replace("data/sources.yaml", "    kind: documentation\n", "")),
     "data/sources.yaml:14: sources[2]: missing required field 'kind'"),
    ("cr-line-endings", lambda p: (p / "data/sources.yaml").write_bytes(
        (p / "data/sources.yaml").read_bytes().replace(b"    kind: documentation\n", b"").replace(b"\n", b"\r")),
     "data/sources.yaml:14: sources[2]: missing required field 'kind'"),
    ("crlf-line-endings", lambda p: (p / "data/sources.yaml").write_bytes(
        (p / "data/sources.yaml").read_bytes().replace(b"    kind: documentation\n", b"").replace(b"\n", b"\r\n")),
     "data/sources.yaml:14: sources[2]: missing required field 'kind'"),
    # -- fields and values -------------------------------------------------------------
    ("missing-field", replace("data/sources.yaml", "    kind: documentation\n", ""),
     "data/sources.yaml:14: sources[2]: missing required field 'kind'"),
    ("wrong-type-list", replace("data/sources.yaml", "    title: A guide", "    title: [A, guide]"),
     "data/sources.yaml:15: sources[2].title: expected a one-line string, got a list"),
    ("wrong-type-scalar", replace("data/components.yaml", "    languages: [C]", "    languages: C"),
     "data/components.yaml:7: components[0].languages: expected a list, got 'C'"),
    ("duplicate-id", replace("data/sources.yaml", "  - id: guide", "  - id: seed"),
     "data/sources.yaml:14: sources[2].id: duplicate id 'seed' (first defined at line 2)"),
    ("unknown-field", replace("data/glossary.yaml", "    expansion: Container", "    expandsion: Container"),
     "data/glossary.yaml:3: glossary[0].expandsion: unknown field (allowed: term, expansion, definition, sources)"),
    ("duplicate-key", replace("data/glossary.yaml", "    definition: An isolated set of processes.",
                              "    definition: An isolated set of processes.\n    definition: Again."),
     "data/glossary.yaml:5: glossary[0]: duplicate key 'definition'"),
    ("empty-value", replace("data/sources.yaml", "    title: A guide", "    title: ''"),
     "data/sources.yaml:15: sources[2].title: must not be empty"),
    ("null-value", replace("data/sources.yaml", "    title: A guide", "    title:"),
     "data/sources.yaml:15: sources[2].title: null is not a value here; write one, or leave the field out"),
    ("null-in-optional-field", replace("data/glossary.yaml", "    expansion: Container", "    expansion: null"),
     "data/glossary.yaml:3: glossary[0].expansion: null is not a value here; write one, or leave the field out"),
    ("tilde-null", replace("data/glossary.yaml", "    expansion: Container", "    expansion: ~"),
     "data/glossary.yaml:3: glossary[0].expansion: null is not a value here; write one, or leave the field out"),
    ("quoted-null-is-text", replace("data/components.yaml", "    languages: [C]", "    languages: ['null']"),
     "data/components.yaml:7: components[0].languages[0]: unknown value 'null' "
     "(expected one of: C, C++, Python, Go, Shell, Perl, Assembly, Other)"),
    ("null-list-item", replace("data/components.yaml", "    languages: [C]", "    languages: [C, ~]"),
     "data/components.yaml:7: components[0].languages[1]: null is not a value here; write one, or leave the field out"),
    ("unknown-enum", replace("data/components.yaml", "    layer: library", "    layer: libary"),  # codespell:ignore
     "data/components.yaml:29: components[1].layer: unknown value 'libary' "  # codespell:ignore
     "(expected one of: distribution, kernel, library, daemon, tool)"),
    ("bad-url", replace("data/sources.yaml", "https://docs.example.org/guide.html", "docs.example.org/guide.html"),
     "data/sources.yaml:17: sources[2].url: not an absolute http(s) URL: 'docs.example.org/guide.html'"),
    ("javascript-url", replace("data/sources.yaml", "https://docs.example.org/guide.html", "javascript:alert(1)"),
     "data/sources.yaml:17: sources[2].url: not an absolute http(s) URL: 'javascript:alert(1)'"),
    ("bad-commit", replace("data/sources.yaml", "0123456789abcdef0123456789abcdef01234567", "0123456"),
     "data/sources.yaml:12: sources[1].commit: not a 40-hex commit hash: '0123456'"),
    ("bad-id", replace("data/components.yaml", "  - id: lib", "  - id: Lib_2"),
     "data/components.yaml:27: components[1].id: not an id (lowercase letters, digits, '-' and '.'): 'Lib_2'"),
    ("long-name", replace("data/components.yaml", "    name: lib", f"    name: {LONG}"),
     "data/components.yaml:28: components[1].name: too long: 200,000 characters (at most 400)"),
    ("long-value-is-cut", replace("data/components.yaml", "  - id: lib", "  - id: lib" + "x" * 100),
     "data/components.yaml:27: components[1].id: too long: 103 characters (at most 64)"),
    ("long-bad-value-is-cut", replace("data/sources.yaml", "https://docs.example.org/guide.html", "docs" + "-x" * 100),
     "data/sources.yaml:17: sources[2].url: not an absolute http(s) URL: 'docs-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-"
     "x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x-x... (124 more characters)'"),
    # -- numbers and dates -------------------------------------------------------------
    ("bad-date", replace("data/sources.yaml", "    date: 2016-07-26", "    date: 2016-13-01"),
     "data/sources.yaml:6: sources[0].date: not a date (YYYY, YYYY-MM or YYYY-MM-DD): '2016-13-01'"),
    ("impossible-date", replace("data/sources.yaml", "    date: 2016-07-26", "    date: 1999-02-30"),
     "data/sources.yaml:6: sources[0].date: no such day in the calendar: '1999-02-30'"),
    ("leap-day-in-a-common-year", replace("data/timeline.yaml", "  - date: 2016-07-26", "  - date: 2015-02-29"),
     "data/timeline.yaml:2: timeline[0].date: no such day in the calendar: '2015-02-29'"),
    ("arabic-indic-digits-in-date", replace("data/sources.yaml", "    date: 2016-07-26", "    date: ٢٠١٦"),
     "data/sources.yaml:6: sources[0].date: not a date (YYYY, YYYY-MM or YYYY-MM-DD): '\\u0662\\u0660\\u0661\\u0666'"),
    ("huge-line-number", replace("data/components.yaml", "lines: 1-20", "lines: 1-" + "9" * 5000),
     "data/components.yaml:21: components[0].interfaces[0].evidence[0].lines: too long: 5,002 characters (at most 13)"),
    ("line-number-too-big", replace("data/components.yaml", "lines: 1-20", "lines: 1-10000000"),
     "data/components.yaml:21: components[0].interfaces[0].evidence[0].lines: "
     "not a line range (A or A-B, each from 1 to 999999): '1-10000000'"),
    ("line-zero", replace("data/components.yaml", "lines: 1-20", "lines: 0-20"),
     "data/components.yaml:21: components[0].interfaces[0].evidence[0].lines: "
     "not a line range (A or A-B, each from 1 to 999999): '0-20'"),
    ("backwards-line-range", replace("data/components.yaml", "lines: 1-20", "lines: 20-1"),
     "data/components.yaml:21: components[0].interfaces[0].evidence[0].lines: line range runs backwards: '20-1'"),
    ("huge-integer", replace("data/flows.yaml", "        last: 2", "        last: " + "9" * 5000),
     "data/flows.yaml:30: flows[0].frames[0].last: too long: 5,000 characters (at most 6)"),
    ("negative-integer", replace("data/flows.yaml", "        last: 2", "        last: -2"),
     "data/flows.yaml:30: flows[0].frames[0].last: not an integer from 0 to 999999: '-2'"),
    ("superscript-digit", replace("data/flows.yaml", "        last: 2", "        last: ²"),
     "data/flows.yaml:30: flows[0].frames[0].last: not an integer from 0 to 999999: '\\xb2'"),
    ("superscript-effort", replace("data/workpackages.yaml", '    effort: "2-3"', '    effort: "2-³"'),
     "data/workpackages.yaml:46: work_packages[1].effort: expected a range of person-weeks like '2-4' "
     "(each at most 999), got '2-\\xb3'"),
    ("arabic-indic-effort", replace("data/buildability.yaml", '    effort: "1-2"', '    effort: "١-٢"'),
     "data/buildability.yaml:6: buildability[0].effort: expected a range of person-weeks like '2-4' "
     "(each at most 999), got '\\u0661-\\u0662'"),
    ("backwards-effort", replace("data/workpackages.yaml", '    effort: "2-3"', '    effort: "3-2"'),
     "data/workpackages.yaml:46: work_packages[1].effort: expected a range of person-weeks like '2-4' "
     "(each at most 999), got '3-2'"),
    # -- references -----------------------------------------------------------------
    ("dangling-source", replace("data/components.yaml", "    sources: [guide]", "    sources: [guide, vz-dox]"),
     "data/components.yaml:34: components[1].sources[1]: unknown source 'vz-dox'"),
    ("dangling-component", replace("data/components.yaml", "        consumers: [lib]", "        consumers: [libz]"),
     "data/components.yaml:17: components[0].interfaces[0].consumers[0]: unknown component 'libz'"),
    ("reference-wrong-case", replace("data/components.yaml", "        consumers: [lib]", "        consumers: [Lib]"),
     "data/components.yaml:17: components[0].interfaces[0].consumers[0]: unknown component 'Lib' "
     "(ids are case-sensitive: did you mean 'lib'?)"),
    ("reference-look-alike", replace("data/components.yaml", "    sources: [guide]", "    sources: [guidе]"),
     "data/components.yaml:34: components[1].sources[0]: unknown source 'guid\\u0435' "
     "(it contains characters outside ASCII, shown escaped)"),
    ("release-not-repository", replace("data/components.yaml", "    release: tool-7.0", "    release: guide"),
     "data/components.yaml:8: components[0].release: source 'guide' is not a repository source"),
    ("part-of-itself", replace("data/components.yaml", "    part_of: tool", "    part_of: lib"),
     "data/components.yaml:33: components[1].part_of: 'lib' is part of itself"),
    ("part-of-cycle", both(replace("data/components.yaml", "    part_of: tool", "    part_of: other"),
                           append("data/components.yaml", COMPONENT.format(id="other", part_of="lib"))),
     "data/components.yaml:33: components[1].part_of: part_of goes round in a circle: lib -> other -> lib"),
    ("component-without-licence", replace("data/components.yaml", "    license:\n      spdx: GPL-2.0-only\n      file: COPYING\n", ""),
     "data/components.yaml:2: components[0]: a component with a release-era repository needs its 'license'"),
    ("component-without-provenance", replace("data/components.yaml", "    part_of: tool\n", ""),
     "data/components.yaml:27: components[1]: without a 'release' repository, say what it is 'part_of', "
     "or why not in 'open_questions'"),
    ("duplicate-interface-id", replace("data/components.yaml", "    loc:\n",
                                       "      - id: cli\n        kind: cli\n        name: tool2\n        description: Again.\n"
                                       "        evidence:\n          - {source: guide, section: Usage}\n    loc:\n"),
     "data/components.yaml:22: components[0].interfaces[1].id: duplicate interface id 'cli'"),
    # -- sources and evidence ----------------------------------------------------------
    ("repository-without-commit", replace("data/sources.yaml", "    commit: 0123456789abcdef0123456789abcdef01234567\n", ""),
     "data/sources.yaml:9: sources[1].kind: a 'repository' source needs both 'repo' and 'commit'"),
    ("repository-url-mismatch", replace("data/sources.yaml", "https://github.com/Example/tool", "https://gitlab.com/Example/tool"),
     "data/sources.yaml:10: sources[1].url: must start with https://github.com/Example/tool"),
    ("non-seed-without-url", replace("data/sources.yaml", "    url: https://docs.example.org/guide.html\n", ""),
     "data/sources.yaml:14: sources[2]: missing required field 'url' (only the seed may go without one)"),
    ("evidence-without-lines", replace("data/claims.yaml", "        lines: 3-4\n", ""),
     "data/claims.yaml:11: claims[0].evidence[1]: evidence from repository source 'tool-7.0' needs 'lines'"),
    ("evidence-without-section", replace("data/claims.yaml", "        section: Overview\n", ""),
     "data/claims.yaml:9: claims[0].evidence[0]: evidence from 'guide' needs a 'section'"),
    ("two-seeds", replace("data/sources.yaml", "    kind: documentation", "    kind: seed"),
     "data/sources.yaml:1: sources: needs exactly one source of kind 'seed', found 2"),
    ("seed-outside-project", replace("data/sources.yaml", "    path: seeds/seed.txt", "    path: ../../etc/passwd"),
     "data/sources.yaml:5: the seed file must lie inside the project"),
    ("seed-missing", replace("data/sources.yaml", "    path: seeds/seed.txt", "    path: seeds/nothing.txt"),
     "seeds/nothing.txt: file not found"),
    # -- claims, seed and translation ----------------------------------------------------
    ("quote-not-in-seed", replace("data/claims.yaml", '"OpenVZ 7.0 erschienen"', '"OpenVZ 8.0 erschienen"'),
     "data/claims.yaml:4: claims[0].quote[0]: not found verbatim in a paragraph of the seed"),
    ("claim-numbering", replace("data/claims.yaml", "  - id: c01", "  - id: c02"),
     "data/claims.yaml:2: claims[0].id: claims are numbered in the seed's order: expected 'c01', got 'c02'"),
    ("claim-id-like-a-heading", replace("data/claims.yaml", "  - id: c01", "  - id: confirmed"),
     "data/claims.yaml:2: claims[0].id: claims are numbered in the seed's order: expected 'c01', got 'confirmed'"),
    ("long-explanation", replace("data/claims.yaml", "    explanation: The release is documented.",
                                 "    explanation: One. Two. Three. Four."),
     "data/claims.yaml:7: claims[0].explanation: one to three sentences, not 4"),
    ("missing-translation", replace("data/seed.yaml", None, "translation: []\n"),
     "data/seed.yaml:1: translation: needs at least one item"),
    ("translation-out-of-order", replace("data/seed.yaml", "  - paragraph: 1", "  - paragraph: 2"),
     "data/seed.yaml:2: translation[0].paragraph: expected paragraph 1: one entry per seed paragraph, in order"),
    ("translation-too-short", replace("seeds/seed.txt", None, "OpenVZ 7.0 erschienen\n\nZweiter Absatz.\n"),
     "data/seed.yaml:2: translation: the seed has 2 paragraphs, the translation 1"),
    ("claim-page-missing", replace("data/claims.yaml", "    pages: [index.md]", "    pages: [nowhere.md]"),
     "data/claims.yaml:14: claims[0].pages[0]: no such page 'nowhere.md'"),
    ("claim-page-anchor-missing", replace("data/claims.yaml", "    pages: [index.md]", "    pages: [index.md#nowhere]"),
     "data/claims.yaml:14: claims[0].pages[0]: index.md has no anchor '#nowhere'"),
    ("claim-page-not-a-page", replace("data/claims.yaml", "    pages: [index.md]", "    pages: [index.html]"),
     "data/claims.yaml:14: claims[0].pages[0]: not a docs page (path/page.md or path/page.md#anchor): 'index.html'"),
    ("claim-page-does-not-mention-it", replace("data/claims.yaml", "    pages: [index.md]", "    pages: [flows.md]"),
     "data/claims.yaml:14: claims[0].pages[0]: flows.md does not mention [claim:c01]"),
    ("empty-required-list", replace("data/claims.yaml", "    pages: [index.md]", "    pages: []"),
     "data/claims.yaml:14: claims[0].pages: needs at least one item"),
    # -- glossary -----------------------------------------------------------------------
    ("glossary-html-term", replace("data/glossary.yaml", "  - term: CT", "  - term: 'A\\B'"),
     "data/glossary.yaml:2: glossary[0].term: cannot be found in running text: a term starts with a letter or "
     "digit and holds only letters, digits, spaces and . _ / + -"),
    ("glossary-common-word", replace("data/glossary.yaml", "  - term: CT", "  - term: in"),
     "data/glossary.yaml:2: glossary[0].term: 'in' is a common word; as a tooltip it would mark up most pages"),
    ("glossary-case-twins", append("data/glossary.yaml", "  - term: ct\n    definition: Again.\n    sources: [guide]\n"),
     "data/glossary.yaml:6: glossary[1].term: 'ct' and 'CT' (entry 0) would share one glossary anchor"),
    # -- flows --------------------------------------------------------------------------
    ("flow-unknown-participant", replace("data/flows.yaml", "        dst: lib\n", "        dst: libz\n"),
     "data/flows.yaml:20: flows[0].steps[1].dst: unknown participant 'libz'"),
    ("flow-frame-out-of-range", replace("data/flows.yaml", "        last: 2", "        last: 3"),
     "data/flows.yaml:27: flows[0].frames[0]: frame covers steps 1-3, outside 1-2"),
    ("flow-participant-without-name", replace("data/flows.yaml", "        label: Administrator\n", ""),
     "data/flows.yaml:6: flows[0].participants[0]: participant 'admin' needs a 'component' or a 'label'"),
    ("flow-actor-is-a-component", replace("data/flows.yaml", "        label: Administrator", "        label: Tool"),
     "data/flows.yaml:7: flows[0].participants[0].label: 'Tool' is a component: use 'component' instead of 'label'"),
    ("flow-named-index", append("data/flows.yaml", FLOW),
     "data/flows.yaml:31: flows[1].id: 'index' is the name of the overview page in its folder; choose another id"),
    ("flow-replaces-a-page", both(replace("data/flows.yaml", "  - id: start", "  - id: overview"),
                                  replace("data/errors.yaml", "    flow: start", "    flow: overview"),
                                  create("docs/flows/overview.md", "# Overview\n"),
                                  replace("docs/flows.md", "flows/start.md#steps", "flows/overview.md")),
     "data/flows.yaml:2: flows[0].id: its page would replace the hand-written flows/overview.md; choose another id"),
    ("flow-page-missing", replace("data/flows.yaml", "    summary: The tool", "    pages: [gone.md]\n    summary: The tool"),
     "data/flows.yaml:4: flows[0].pages[0]: no such page 'gone.md'"),
    ("lane-unknown-participant", replace("data/flows.yaml", "    steps:\n", "    lanes:\n      - {label: Host, members: [tool, nobody]}\n    steps:\n"),
     "data/flows.yaml:13: flows[0].lanes[0].members[1]: unknown participant 'nobody'"),
    ("lane-not-side-by-side", replace("data/flows.yaml", "    steps:\n", "    lanes:\n      - {label: Host, members: [admin, lib]}\n    steps:\n"),
     "data/flows.yaml:13: flows[0].lanes[0].members: a lane's participants must stand next to each other in the participants' order"),
    ("participant-in-two-lanes", replace("data/flows.yaml", "    steps:\n", "    lanes:\n      - {label: A, members: [tool]}\n      - {label: B, members: [tool, lib]}\n    steps:\n"),
     "data/flows.yaml:14: flows[0].lanes[1].members[0]: participant 'tool' is in two lanes"),
    ("phases-start-late", replace("data/flows.yaml", "    steps:\n", "    phases:\n      - {title: Later, first: 2, last: 2}\n    steps:\n"),
     "data/flows.yaml:13: flows[0].phases[0]: phases run in order and hold every step once: expected one starting at step 1, got 2-2"),
    ("phases-leave-steps-out", replace("data/flows.yaml", "    steps:\n", "    phases:\n      - {title: First, first: 1, last: 1}\n    steps:\n"),
     "data/flows.yaml:13: flows[0].phases[0].last: the last phase must end at step 2"),
    ("frame-crosses-a-phase", replace("data/flows.yaml", "    steps:\n", "    phases:\n      - {title: One, first: 1, last: 1}\n      - {title: Two, first: 2, last: 2}\n    steps:\n"),
     "data/flows.yaml:30: flows[0].frames[0]: frame 1-2 crosses a phase boundary"),
    ("unknown-count", append("docs/index.md", "\nThere are [count:nope] of them.\n"),
     "docs/index.md:8: unknown count 'nope' (known: claims, components, sources, flows, steps, terms, interfaces, work-packages, events, kernel-interfaces, errors, config-keys, prlctl-options, paths, entry-points, comparisons)"),
    ("loc-not-counted", append("docs/index.md", "\nIt has [loc:lib] lines.\n"),
     "docs/index.md:8: component 'lib' has no line count at its release-era commit"),
    ("effort-rounded", append("docs/index.md", "\nIt takes [effort:wp-1 about] weeks.\n"),
     "docs/index.md:8: an effort is a range; it is not rounded"),
    ("count-wrong-case", append("docs/index.md", "\nThere are [Count:claims].\n"),
     "docs/index.md:8: malformed shortcut: write [@source-id], [@source-id path:lines], [@source-id § section], [claim:c01], [component:id] or [count:name], in lowercase"),
    ("raw-html-link-to-a-page", append("docs/index.md", '\nSee <a href="flows.md">the flows</a>.\n'),
     "docs/index.md: raw HTML link to 'flows.md': MkDocs does not rewrite links in HTML; write a Markdown link"),
    # -- the on-disk layout -------------------------------------------------------------------
    ("path-not-absolute", replace("data/paths.yaml", "    path: /vz\n", "    path: vz\n"),
     "data/paths.yaml:3: paths[0].path: not an absolute path: it starts with '/' and has no "
     "spaces, no empty, '.' or '..' parts and no '/' at the end"),
    ("path-with-dot-dot", replace("data/paths.yaml", "    path: /var/log/tool.log", "    path: /var/log/../tool.log"),
     "data/paths.yaml:42: paths[3].path: not an absolute path: it starts with '/' and has no "
     "spaces, no empty, '.' or '..' parts and no '/' at the end"),
    ("path-unknown-scope", replace("data/paths.yaml", "    scope: host\n    owner: tool\n    writers: [tool]", "    scope: guest\n    owner: tool\n    writers: [tool]"),
     "data/paths.yaml:4: paths[0].scope: unknown value 'guest' (expected one of: container, vm, host)"),
    ("path-unknown-owner", replace("data/paths.yaml", "    owner: tool\n    readers: [lib]", "    owner: tol\n    readers: [lib]"),
     "data/paths.yaml:17: paths[1].owner: unknown component 'tol'"),
    ("path-unknown-reader", replace("data/paths.yaml", "    readers: [lib]", "    readers: [lib, libz]"),
     "data/paths.yaml:18: paths[1].readers[1]: unknown component 'libz'"),
    ("path-unknown-parent", replace("data/paths.yaml", "    parent: area", "    parent: nowhere"),
     "data/paths.yaml:15: paths[1].parent: unknown path 'nowhere'"),
    ("path-own-parent", replace("data/paths.yaml", "    parent: area", "    parent: private"),
     "data/paths.yaml:15: paths[1].parent: 'private' is its own parent"),
    ("path-parent-cycle", replace("data/paths.yaml", "    path: /vz\n", "    path: /vz\n    parent: private\n"),
     "data/paths.yaml:4: paths[0].parent: parents go round in a circle: area -> private -> area"),
    ("path-not-under-its-parent", replace("data/paths.yaml", "    path: /var/log/tool.log", "    path: /var/log/tool.log\n    parent: private"),
     "data/paths.yaml:43: paths[3].parent: 'private' (/vz/private/<CTID>) is not a directory "
     "above this path"),
    ("path-skips-its-nearest-parent", replace("data/paths.yaml", "    parent: private", "    parent: area"),
     "data/paths.yaml:29: paths[2].parent: not the nearest parent: the nearest listed directory "
     "above it is 'private' (/vz/private/<CTID>)"),
    ("path-without-parent", replace("data/paths.yaml", "    parent: private\n", ""),
     "data/paths.yaml:27: paths[2]: missing 'parent': the nearest listed directory above it is "
     "'private' (/vz/private/<CTID>)"),
    ("path-listed-twice", replace("data/paths.yaml", "    path: /var/log/tool.log", "    path: /vz/private/<CTID>"),
     "data/paths.yaml:42: paths[3].path: '/vz/private/<CTID>' is already listed, as 'private'"),
    ("path-without-writer", replace("data/paths.yaml", "    others: The administrator reads it.\n", ""),
     "data/paths.yaml:41: paths[3]: say who creates it: 'writers' (components) or 'others' "
     "(anyone else)"),
    ("path-without-evidence", replace("data/paths.yaml", "    evidence:\n      - source: guide\n        section: Logs\n", "    evidence: []\n"),
     "data/paths.yaml:49: paths[3].evidence: needs at least one item"),
    # -- the trust boundaries -------------------------------------------------------------------
    ("entry-unknown-component", replace("data/security.yaml", "    component: lib", "    component: libz"),
     "data/security.yaml:33: entry_points[1].component: unknown component 'libz'"),
    ("entry-unknown-interface", replace("data/security.yaml", "    interface: cli", "    interface: socket"),
     "data/security.yaml:5: entry_points[0].interface: component 'tool' has no interface 'socket'"),
    ("entry-served-from-the-network", replace("data/security.yaml", "    zone: host-root", "    zone: network"),
     "data/security.yaml:6: entry_points[0].zone: unknown value 'network' (expected one of: "
     "host-root, kernel)"),
    ("caller-unknown-zone", replace("data/security.yaml", "        zone: network", "        zone: cloud"),
     "data/security.yaml:13: entry_points[0].callers[1].zone: unknown value 'cloud' (expected "
     "one of: network, host-user, host-root, kernel, container)"),
    ("caller-changes-zone", replace("data/security.yaml", "      - name: Local user", "      - name: Container processes"),
     "data/security.yaml:38: entry_points[1].callers[0].zone: 'Container processes' is one box "
     "in the figure, and entry point 'socket' puts it in zone 'host-user'"),
    ("entry-without-callers", replace("data/security.yaml", "    callers:\n      - name: Container processes\n        zone: container\n        passes: system calls\n", "    callers: []\n"),
     "data/security.yaml:36: entry_points[1].callers: needs at least one item"),
    ("finding-without-evidence", replace("data/security.yaml", "      text: Any local user can connect.\n      evidence:\n        - source: guide\n          section: Usage\n", "      text: Any local user can connect.\n"),
     "data/security.yaml:16: entry_points[0].access: missing required field 'evidence'"),
    # -- names that are easy to confuse -------------------------------------------------------------
    ("comparison-cells-and-columns", replace("data/disambiguation.yaml", "    columns: [tool, lib]", "    columns: [tool, lib, vzctl]"),
     "data/disambiguation.yaml:9: disambiguation[0].rows[0].cells: 2 cells for 3 columns"),
    ("comparison-one-column", replace("data/disambiguation.yaml", "    columns: [tool, lib]", "    columns: [tool]"),
     "data/disambiguation.yaml:5: disambiguation[0].columns: needs at least 2 items"),
    ("comparison-column-twice", replace("data/disambiguation.yaml", "    columns: [tool, lib]", "    columns: [tool, tool]"),
     "data/disambiguation.yaml:5: disambiguation[0].columns[1]: 'tool' appears twice in this table"),
    ("comparison-aspect-twice", append("data/disambiguation.yaml", "      - aspect: What it is\n        cells:\n          - text: A.\n            evidence:\n              - {source: guide, section: Usage}\n          - text: B.\n            evidence:\n              - {source: guide, section: Usage}\n"),
     "data/disambiguation.yaml:18: disambiguation[0].rows[1].aspect: 'What it is' appears twice "
     "in this table"),
    ("cell-without-evidence", replace("data/disambiguation.yaml", "          - text: A command.\n            evidence:\n              - source: guide\n                section: Usage\n", "          - text: A command.\n            evidence: []\n"),
     "data/disambiguation.yaml:10: disambiguation[0].rows[0].cells[0].evidence: needs at least "
     "one item"),
    ("placeholder-unknown-scope", append("docs/index.md", "\n<!-- study:paths guest -->\n"),
     "docs/index.md:8: study:paths: unknown scope 'guest' (expected one of: container, vm, host)"),
    ("placeholder-unknown-comparison", append("docs/index.md", "\n<!-- study:names nope -->\n"),
     "docs/index.md:8: study:names: unknown comparison 'nope' (known: tool-lib)"),
    # -- components' pages ------------------------------------------------------------------
    ("component-named-index", append("data/components.yaml", COMPONENT.format(id="index", part_of="tool")),
     "data/components.yaml:35: components[2].id: 'index' is the name of the overview page in its folder; "
     "choose another id"),
    ("component-replaces-a-page", create("docs/components/lib.md", "# Not about lib\n"),
     "data/components.yaml:27: components[1].id: components/lib.md is a hand-written page that is not this "
     "component's explanation (it has no component-summary placeholder); choose another id"),
    ("generated-page-written-by-hand", create("docs/reference/glossary.md", "# Glossary\n"),
     "docs/reference/glossary.md:1: this page is generated from data; remove the file"),
    # -- the plan --------------------------------------------------------------------------
    ("work-package-cycle", replace("data/workpackages.yaml", "    components: [tool]\n",
                                   "    components: [tool]\n    depends_on:\n      - {package: wp-2, reason: R.}\n"),
     "data/workpackages.yaml:7: work_packages[0].depends_on: dependency cycle: WP-1 -> WP-2 -> WP-1"),
    ("work-package-unknown-dependency", replace("data/workpackages.yaml", "      - package: wp-1", "      - package: wp-9"),
     "data/workpackages.yaml:38: work_packages[1].depends_on[0].package: unknown work_package 'wp-9'"),
    ("contract-unknown-interface", replace("data/workpackages.yaml", "        interface: cli\n        note: Same options.",
                                           "        interface: api\n        note: Same options."),
     "data/workpackages.yaml:8: work_packages[0].contract[0].interface: component 'tool' has no interface 'api'"),
    ("missing-verdict", replace("data/buildability.yaml", None,
                                "buildability:\n  - component: tool\n    verdict: port\n    rationale: R.\n    needs: N.\n"
                                "    effort: '1-2'\n    risks: [None.]\n    evidence:\n      - source: guide\n"
                                "        section: Usage\n"),
     "data/buildability.yaml:2: buildability: component 'lib' has no verdict"),
    ("duplicate-verdict", replace("data/buildability.yaml", "  - component: lib\n", "  - component: tool\n"),
     "data/buildability.yaml:12: buildability[1].component: duplicate id 'tool' (first defined at line 2)"),
    # -- dependencies, coverage, effort bases and risks -------------------------------------
    ("dependency-without-reason", replace("data/workpackages.yaml",
                                          '      - package: wp-1\n        reason: It calls the rewritten tool.\n',
                                          '      - package: wp-1\n'),
     "data/workpackages.yaml:38: work_packages[1].depends_on[0]: missing required field 'reason'"),
    ("dependency-old-shape", replace("data/workpackages.yaml",
                                     '    depends_on:\n      - package: wp-1\n        reason: It calls the rewritten tool.\n',
                                     '    depends_on: [wp-1]\n'),
     "data/workpackages.yaml:37: work_packages[1].depends_on[0]: expected a mapping, got 'wp-1'"),
    ("port-without-package", replace("data/workpackages.yaml", "    components: [tool]\n", "    components: [lib]\n"),
     "data/buildability.yaml:2: buildability[0]: 'tool' has the verdict 'port' but no work package lists it "
     "in its components; add it to one, or say why not in 'no_package'"),
    ("no-package-but-covered", replace("data/buildability.yaml",
                                       '    rationale: Small and well understood.\n',
                                       '    rationale: Small and well understood.\n    no_package: Not needed.\n'),
     "data/buildability.yaml:5: buildability[0].no_package: 'tool' is in WP-1; remove 'no_package'"),
    ("no-package-out-of-scope", replace("data/buildability.yaml",
                                        '    verdict: reuse\n    rationale: Works as it is.\n',
                                        '    verdict: out-of-scope\n    rationale: Works as it is.\n    no_package: Not needed.\n'),
     "data/buildability.yaml:15: buildability[1].no_package: only port, wrap and reuse verdicts take 'no_package'"),
    ("effort-without-basis", replace("data/workpackages.yaml",
                                     '    effort_basis:\n      replaces:\n        - component: tool\n      reasoning: A small tool.\n',
                                     ''),
     "data/workpackages.yaml:2: work_packages[0]: missing required field 'effort_basis'"),
    ("effort-basis-empty", replace("data/workpackages.yaml",
                                   '      replaces:\n        - component: tool\n      reasoning: A small tool.\n',
                                   '      reasoning: A small tool.\n'),
     'data/workpackages.yaml:18: work_packages[0].effort_basis: say what the range rests on: the 7.0 code it '
     "'replaces', or 'comparable' work"),
    ("replaced-scope-without-counts", replace("data/workpackages.yaml", "          counts: {C: 300}\n", ""),
     "data/workpackages.yaml:49: work_packages[1].effort_basis.replaces[0]: 'scope' and 'counts' go together: "
     'a partial count made with scripts/loc.py'),
    ("replaced-uncounted-component", replace("data/workpackages.yaml",
                                             '        - component: tool\n      reasoning: A small tool.\n',
                                             '        - component: lib\n      reasoning: A small tool.\n'),
     "data/workpackages.yaml:19: work_packages[0].effort_basis.replaces[0].component: component 'lib' has no "
     "line count at its release-era commit; give 'scope' and 'counts'"),
    ("risk-as-text", replace("data/workpackages.yaml",
                             '      - risk: None known.\n        likelihood: low\n        impact: low\n        mitigation: None needed.\n',
                             '      - None known.\n'),
     "data/workpackages.yaml:22: work_packages[0].risks[0]: expected a mapping, got 'None known.'"),
    ("risk-unknown-likelihood", replace("data/workpackages.yaml",
                                        '        likelihood: medium\n',
                                        '        likelihood: likely\n'),
     "data/workpackages.yaml:56: work_packages[1].risks[0].likelihood: unknown value 'likely' (expected one "
     'of: low, medium, high)'),
    ("risk-unknown-owner", replace("data/workpackages.yaml", "        owner: wp-1\n", "        owner: wp-7\n"),
     "data/workpackages.yaml:59: work_packages[1].risks[0].owner: unknown work_package 'wp-7'"),
    # -- the stock-kernel matrix --------------------------------------------------------------
    ("none-with-interface", replace("data/compat.yaml",
                                    '        match: none\n',
                                    '        match: none\n        interface: tool.state\n'),
     "data/compat.yaml:13: kernel_interfaces[0].stock[0].interface: a 'none' entry has no 'interface': say in "
     "'note' what was looked for"),
    ("none-without-note", replace("data/compat.yaml", "        note: Not among the v1 files.\n", ""),
     "data/compat.yaml:11: kernel_interfaces[0].stock[0]: a 'none' entry needs a 'note' saying what was looked for"),
    ("stock-without-basis", replace("data/compat.yaml", "        since: \"5.2\"\n        basis: man-pages\n", ""),
     "data/compat.yaml:16: kernel_interfaces[0].stock[1]: needs a 'basis' saying what the version rests on "
     '(one of: kernel-doc, man-pages, controller, commit, unverified)'),
    ("versioned-basis-without-since", replace("data/compat.yaml", "        since: \"5.2\"\n", ""),
     "data/compat.yaml:16: kernel_interfaces[0].stock[1]: basis 'man-pages' states a version: give it in 'since'"),
    ("version-not-a-version", replace("data/compat.yaml", "        since: \"5.2\"\n", "        since: \"five\"\n"),
     "data/compat.yaml:19: kernel_interfaces[0].stock[1].since: not a kernel version such as 4.5 or 2.6.32: 'five'"),
    ("commit-basis-with-since", replace("data/compat.yaml",
                                        '        basis: commit\n',
                                        '        basis: commit\n        since: "4.5"\n'),
     "data/compat.yaml:27: kernel_interfaces[0].stock[2].since: basis 'commit' shows no release: remove "
     "'since' (a version the evidence does not show is not stated)"),
    ("commit-basis-without-date", replace("data/compat.yaml", "        committed: 2015-09-18\n", ""),
     "data/compat.yaml:23: kernel_interfaces[0].stock[2]: basis 'commit' needs 'committed', the date of the "
     'cited commit'),
    ("date-without-commit-basis", replace("data/compat.yaml",
                                          '        since: "5.2"\n        basis: man-pages\n',
                                          '        since: "5.2"\n        basis: man-pages\n        committed: 2019-01-01\n'),
     "data/compat.yaml:21: kernel_interfaces[0].stock[1].committed: 'committed' goes with basis 'commit' only"),
    ("man-pages-basis-other-evidence", replace("data/compat.yaml",
                                               '          - {source: man-pages, path: man7/cgroups.7, lines: 10-12}\n',
                                               '          - {source: linux-doc, section: Files}\n'),
     "data/compat.yaml:22: kernel_interfaces[0].stock[1].evidence: basis 'man-pages' needs evidence from the "
     'man-pages project (mkerrisk/man-pages)'),
    ("kernel-doc-basis-man-pages-evidence", replace("data/compat.yaml",
                                                    '        basis: man-pages\n',
                                                    '        basis: kernel-doc\n'),
     "data/compat.yaml:22: kernel_interfaces[0].stock[1].evidence: basis 'kernel-doc' needs evidence from the "
     "kernel's own documentation (a torvalds/linux file or kernel.org)"),
    ("commit-basis-file-evidence", replace("data/compat.yaml",
                                           '          - {source: linux-commit, section: commit message}\n',
                                           '          - {source: linux-doc, section: Files}\n'),
     "data/compat.yaml:29: kernel_interfaces[0].stock[2].evidence: basis 'commit' needs evidence from a "
     'torvalds/linux commit (its message: a section, no path)'),
    ("cgroup-entry-without-v2", replace("data/compat.yaml", "      - where: cgroup-v2\n", "      - where: kernel\n"),
     'data/compat.yaml:11: kernel_interfaces[0].stock: a cgroup interface states its equivalent in cgroup-v1 '
     "and cgroup-v2 (or 'none'); cgroup-v2 is missing"),
    ("covers-unknown-interface", replace("data/compat.yaml",
                                         '    kind: cgroup\n',
                                         '    kind: cgroup\n    covers:\n      - {component: tool, interface: state}\n'),
     "data/compat.yaml:7: kernel_interfaces[0].covers[0].interface: component 'tool' has no interface 'state'"),
    ("package-twice", replace("data/compat.yaml",
                              '        how: Runs without it.\n',
                              '        how: Runs without it.\n      - package: wp-1\n        on_stock: refuse\n        how: Stops.\n'),
     'data/compat.yaml:34: kernel_interfaces[0].packages[1].package: WP-1 is listed twice'),
    ("unknown-on-stock", replace("data/compat.yaml", "        on_stock: degrade\n", "        on_stock: ignore\n"),
     "data/compat.yaml:32: kernel_interfaces[0].packages[0].on_stock: unknown value 'ignore' (expected one "
     'of: native, emulate, degrade, refuse)'),
    ("unknown-package-in-matrix", replace("data/compat.yaml", "      - package: wp-1\n", "      - package: wp-5\n"),
     "data/compat.yaml:31: kernel_interfaces[0].packages[0].package: unknown work_package 'wp-5'"),
    ("kernel-contract-not-covered", replace("data/components.yaml",
                                            '        kind: cli\n        name: tool\n',
                                            '        kind: cgroup\n        name: tool\n'),
     "data/compat.yaml:2: kernel_interfaces: WP-1 touches the kernel interface tool:cli, which no entry 'covers'"),
    # -- timeline -----------------------------------------------------------------------------
    ("timeline-out-of-order", append("data/timeline.yaml", "  - date: 2015\n    title: Earlier\n    description: D.\n"
                                     "    evidence:\n      - {source: guide, section: Overview}\n"),
     "data/timeline.yaml:8: timeline[1].date: events must be in date order: '2015' comes after '2016-07-26'"),
    # -- error atlas, configuration keys, prlctl set options --------------------------------
    ("error-unknown-component", replace("data/errors.yaml", "    component: lib\n", "    component: libz\n"),
     "data/errors.yaml:25: errors[2].component: unknown component 'libz'"),
    ("error-unknown-flow", replace("data/errors.yaml", "    flow: start", "    flow: stop"),
     "data/errors.yaml:9: errors[0].flow: unknown flow 'stop'"),
    ("error-step-out-of-range", replace("data/errors.yaml", "    step: 2", "    step: 3"),
     "data/errors.yaml:10: errors[0].step: step 3 is outside flow 'start' (steps 1-2)"),
    ("error-step-zero", replace("data/errors.yaml", "    step: 2", "    step: 0"),
     "data/errors.yaml:10: errors[0].step: step 0 is outside flow 'start' (steps 1-2)"),
    ("error-step-without-flow", replace("data/errors.yaml", "    flow: start\n", ""),
     "data/errors.yaml:9: errors[0].step: a 'step' needs its 'flow'"),
    ("error-duplicate-code", replace("data/errors.yaml", '    text: "Retry later"', '    text: "Container %s is busy"'),
     "data/errors.yaml:15: errors[1].code: duplicate entry: component 'tool' already has 'TOOL_E_BUSY' with the same text (entry 0)"),
    ("error-duplicate-code-without-text", both(replace("data/errors.yaml", '    text: "Container %s is busy"\n', ''), replace("data/errors.yaml", '    text: "Retry later"\n', '')),
     "data/errors.yaml:14: errors[1].code: duplicate entry: component 'tool' already has 'TOOL_E_BUSY' without a text (entry 0)"),
    ("error-code-with-two-values", replace("data/errors.yaml", '    value: "-73"\n    text: "Retry later"', '    value: "-74"\n    text: "Retry later"'),
     "data/errors.yaml:16: errors[1].value: 'TOOL_E_BUSY' has the value '-73' in entry 0"),
    ("error-value-not-a-number", replace("data/errors.yaml", '    value: "-73"\n    text: "Container', '    value: "minus 73"\n    text: "Container'),
     "data/errors.yaml:4: errors[0].value: expected a decimal number (-73) or eight hexadecimal digits (0x80031035), got 'minus 73'"),
    ("error-value-short-hex", replace("data/errors.yaml", '    value: "-73"\n    text: "Container', '    value: "0x8003"\n    text: "Container'),
     "data/errors.yaml:4: errors[0].value: expected a decimal number (-73) or eight hexadecimal digits (0x80031035), got '0x8003'"),
    ("error-without-value-or-text", replace("data/errors.yaml", '    text: "Get failed"\n', '    note: Nothing.\n'),
     "data/errors.yaml:22: errors[2]: an entry needs a 'value', a 'text' or both"),
    ("error-long-meaning", replace("data/errors.yaml", "    meaning: The library could not read the value.", "    meaning: " + "x" * 301),
     "data/errors.yaml:26: errors[2].meaning: at most 300 characters, because search indexes it (put the rest in 'note'); got 301"),
    ("config-unknown-file", replace("data/config.yaml", "    file: ct.conf\n    meaning: The container's", "    file: ve.conf\n    meaning: The container's"),
     "data/config.yaml:3: config_keys[0].file: unknown value 've.conf' (expected one of: ct.conf, vz.conf, both, vcmmd.conf)"),
    ("config-lower-case-key", replace("data/config.yaml", "  - key: OLDLIMIT", "  - key: oldLimit"),
     "data/config.yaml:13: config_keys[1].key: a ct.conf key is upper case (PHYSPAGES), not 'oldLimit'"),
    ("config-vcmmd-key-not-dotted", replace("data/config.yaml", "  - key: Policy.Name", "  - key: POLICY"),
     "data/config.yaml:21: config_keys[2].key: a vcmmd.conf key is dotted (LoadManager.Policy), not 'POLICY'"),
    ("config-alias-without-target", replace("data/config.yaml", "    alias_of: MEMLIMIT\n", ""),
     "data/config.yaml:16: config_keys[1].status: an alias needs 'alias_of', the key it stands for"),
    ("config-alias-of-without-status", replace("data/config.yaml", "    status: alias\n", ""),
     "data/config.yaml:16: config_keys[1].alias_of: 'alias_of' belongs to keys with status 'alias'"),
    ("config-alias-of-itself", replace("data/config.yaml", "    alias_of: MEMLIMIT", "    alias_of: OLDLIMIT"),
     "data/config.yaml:17: config_keys[1].alias_of: 'OLDLIMIT' cannot be an alias of itself"),
    ("config-alias-unknown-key", replace("data/config.yaml", "    alias_of: MEMLIMIT", "    alias_of: NOLIMIT"),
     "data/config.yaml:17: config_keys[1].alias_of: unknown config_key 'NOLIMIT'"),
    ("config-unknown-table", replace("data/config.yaml", "    tables: [vcmmd.get]", "    tables: [vcmmd.set]"),
     "data/config.yaml:24: config_keys[2].tables[0]: unknown value 'vcmmd.set' (expected one of: libvzctl.config_param_map, libvzctl.named, libvzctl.simple, libvzctl.vzlimits, prl-disp-service.vz_config, vzmigrate.conf_names, script.sourced, vzctl.named, vzctl.config, libvzctl.param_lists, vzctl.vz_conf, vzctl.ve_basic_sample, vcmmd.get, vcmmd.shipped)"),
    ("config-table-twice", replace("data/config.yaml", "    tables: [libvzctl.config_param_map]\n    evidence:\n      - {source: tool-7.0, path: src/config.c, lines: \"40\"}", "    tables: [libvzctl.config_param_map, libvzctl.config_param_map]\n    evidence:\n      - {source: tool-7.0, path: src/config.c, lines: \"40\"}"),
     "data/config.yaml:10: config_keys[0].tables[1]: 'libvzctl.config_param_map' is listed twice"),
    ("config-table-of-other-file", replace("data/config.yaml", "    tables: [vcmmd.get]", "    tables: [libvzctl.config_param_map]"),
     "data/config.yaml:24: config_keys[2].tables[0]: 'libvzctl.config_param_map' is not a table of vcmmd.conf keys"),
    ("config-unknown-component", replace("data/config.yaml", "    components: [tool, lib]", "    components: [tool, libz]"),
     "data/config.yaml:9: config_keys[0].components[1]: unknown component 'libz'"),
    ("config-shipped-bad-state", replace("data/config.yaml", "state: set}", "state: unset}"),
     "data/config.yaml:8: config_keys[0].shipped[0].state: unknown value 'unset' (expected one of: set, commented out)"),
    ("config-duplicate-key", replace("data/config.yaml", "  - key: OLDLIMIT", "  - key: MEMLIMIT"),
     "data/config.yaml:13: config_keys[1].key: duplicate id 'MEMLIMIT' (first defined at line 2)"),
    ("prlctl-not-long-option", replace("data/prlctl.yaml", "  - option: --memsize", "  - option: -m"),
     "data/prlctl.yaml:2: prlctl_options[0].option: not a long option (two dashes, then lower-case letters, digits, - and _): '-m'"),
    ("prlctl-bad-alias", replace("data/prlctl.yaml", "    aliases: [--mem]", "    aliases: [--Mem]"),
     "data/prlctl.yaml:3: prlctl_options[0].aliases[0]: not a long option (two dashes, then lower-case letters, digits, - and _): '--Mem'"),
    ("prlctl-alias-is-an-option", replace("data/prlctl.yaml", "    aliases: [--mem]", "    aliases: [--usb]"),
     "data/prlctl.yaml:3: prlctl_options[0].aliases[0]: '--usb' is already the name of entry 1"),
    ("prlctl-unknown-key", replace("data/prlctl.yaml", "    keys: [MEMLIMIT]", "    keys: [NOLIMIT]"),
     "data/prlctl.yaml:7: prlctl_options[0].keys[0]: unknown config_key 'NOLIMIT'"),
    ("prlctl-vcmmd-key", replace("data/prlctl.yaml", "    keys: [MEMLIMIT]", "    keys: [Policy.Name]"),
     "data/prlctl.yaml:7: prlctl_options[0].keys[0]: 'Policy.Name' is a vcmmd.conf key; prlctl set writes container configuration keys"),
    ("prlctl-container-option-without-reach", replace("data/prlctl.yaml", "    reach: key\n", ""),
     "data/prlctl.yaml:2: prlctl_options[0]: a container option needs 'reach'"),
    ("prlctl-keys-without-reach-key", replace("data/prlctl.yaml", "    reach: key", "    reach: sdk"),
     "data/prlctl.yaml:7: prlctl_options[0].keys: 'keys' go with reach 'key', and reach 'key' with 'keys'"),
    ("prlctl-vm-option-with-sdk", replace("data/prlctl.yaml", "    meaning: Not a container option.", "    meaning: Not a container option.\n    sdk: PrlVmCfg_SetUsb"),
     "data/prlctl.yaml:15: prlctl_options[1].sdk: 'sdk' is for container options, not for applies_to 'vm'"),
    ("prlctl-duplicate-option", replace("data/prlctl.yaml", "  - option: --usb", "  - option: --memsize"),
     "data/prlctl.yaml:12: prlctl_options[1].option: duplicate id '--memsize' (first defined at line 2)"),
    ("prlctl-unknown-applies-to", replace("data/prlctl.yaml", "    applies_to: vm", "    applies_to: host"),
     "data/prlctl.yaml:13: prlctl_options[1].applies_to: unknown value 'host' (expected one of: ct, both, vm, refused)"),

    # -- pages: shortcuts, placeholders, front matter, files --------------------------------------
    ("unknown-placeholder", append("docs/index.md", "\n<!-- study:nope -->\n"),
     "docs/index.md:8: unknown placeholder 'study:nope' (known: actors-table, area-map, audit-summary, bibliography, "
     "buildability-details, buildability-matrix, claim-ledger, claim-list, component-details, component-"
     "summary, components-table, config-keys, context-map, data-model, decisions-index, effort-table, "
     "entry-points, error-atlas, error-index, flow, flow-page, flows-index, glossary, interface-matrix, "
     "layer-map, layout-comparison, names, on-stock-key, path-tree, paths, performance, phase-table, "
     "prlctl-options, review-summary, risk-register, seed-text, since-basis-key, stock-kernel, stock-"
     "kernel-overview, timeline, trust-boundaries, verdict-counts, verdict-summary, work-package-graph, "
     "work-packages)"),


    ("placeholder-unknown-argument", append("docs/index.md", "\n<!-- study:area-map nosuch -->\n"),
     "docs/index.md:8: study:area-map: unknown area 'nosuch' (expected one of: platform, management, compute, "
     "memory, storage, migration, patching)"),
    ("placeholder-missing-argument", append("docs/index.md", "\n<!-- study:flow -->\n"),
     "docs/index.md:8: placeholder 'study:flow' needs an argument"),
    ("placeholder-unwanted-argument", append("docs/index.md", "\n<!-- study:layer-map big -->\n"),
     "docs/index.md:8: placeholder 'study:layer-map' takes no argument, got 'big'"),
    ("placeholder-unknown-flow", append("docs/index.md", "\n<!-- study:flow nosuch -->\n"),
     "docs/index.md:8: study:flow: unknown flow 'nosuch'"),
    ("placeholder-without-space", append("docs/index.md", "\n<!--study:layer-map-->\n"),
     "docs/index.md:8: malformed placeholder: write '<!-- study:NAME -->' or '<!-- study:NAME ARGUMENT -->' "
     "alone on its line"),
    ("placeholder-wrong-case", append("docs/index.md", "\n<!-- Study:layer-map -->\n"),
     "docs/index.md:8: malformed placeholder: write '<!-- study:NAME -->' or '<!-- study:NAME ARGUMENT -->' "
     "alone on its line"),
    ("placeholder-inside-a-line", append("docs/index.md", "\nSee <!-- study:layer-map --> here.\n"),
     "docs/index.md:8: malformed placeholder: write '<!-- study:NAME -->' or '<!-- study:NAME ARGUMENT -->' "
     "alone on its line"),
    ("component-placeholder-outside-components", append("docs/index.md", "\n<!-- study:component-summary -->\n"),
     "docs/index.md:8: study:component-summary: needs a component id outside the components folder"),
    ("unknown-citation", append("docs/index.md", "\nSee [@vz-dox].\n"),
     "docs/index.md:8: unknown source 'vz-dox'"),
    ("citation-wrong-case", append("docs/index.md", "\nSee [@Tool-7.0].\n"),
     "docs/index.md:8: malformed shortcut: write [@source-id], [@source-id path:lines], [@source-id § section], "
     "[claim:c01], [component:id] or [count:name], in lowercase"),
    ("claim-wrong-case", append("docs/index.md", "\nSee [claim:C01].\n"),
     "docs/index.md:8: malformed shortcut: write [@source-id], [@source-id path:lines], [@source-id § section], "
     "[claim:c01], [component:id] or [count:name], in lowercase"),
    ("component-with-space", append("docs/index.md", "\nSee [component: tool].\n"),
     "docs/index.md:8: malformed shortcut: write [@source-id], [@source-id path:lines], [@source-id § section], "
     "[claim:c01], [component:id] or [count:name], in lowercase"),
    ("unknown-claim", append("docs/index.md", "\nSee [claim:c99].\n"),
     "docs/index.md:8: unknown claim 'c99'"),
    ("unknown-component", append("docs/index.md", "\nSee [component:nope].\n"),
     "docs/index.md:8: unknown component 'nope'"),
    ("citation-lines-not-numbers", append("docs/index.md", "\nSee [@tool-7.0 src/main.c:abc].\n"),
     "docs/index.md:8: not a line range (A or A-B, each from 1 to 999999): 'abc'"),
    ("citation-lines-backwards", append("docs/index.md", "\nSee [@tool-7.0 src/main.c:160-120].\n"),
     "docs/index.md:8: line range runs backwards: '160-120'"),
    ("citation-line-zero", append("docs/index.md", "\nSee [@tool-7.0 src/main.c:0].\n"),
     "docs/index.md:8: not a line range (A or A-B, each from 1 to 999999): '0'"),
    ("citation-path-on-a-web-source", append("docs/index.md", "\nSee [@guide page.html:3].\n"),
     "docs/index.md:8: source 'guide' is not a repository, so 'page.html:3' cannot be a path; use '§ section'"),
    ("citation-empty-section", append("docs/index.md", "\nSee [@guide §].\n"),
     "docs/index.md:8: a '§' location needs the section's name"),
    ("citation-line-counts-front-matter", replace("docs/decisions/0001-keep-it-small.md", "It holds", "See [@nope]. It holds"),
     "docs/decisions/0001-keep-it-small.md:8: unknown source 'nope'"),
    ("broken-link", append("docs/index.md", "\nSee [gone](gone.md).\n"),
     "docs/index.md:8: link 'gone.md' points to no page (gone.md does not exist)"),
    ("broken-anchor", append("docs/index.md", "\nSee [flows](flows.md#nowhere).\n"),
     "docs/index.md:8: link 'flows.md#nowhere': flows.md has no anchor '#nowhere'"),
    ("broken-anchor-in-a-generated-page", replace("docs/flows.md", "flows/start.md#steps", "flows/start.md#step-9"),
     "docs/flows.md:3: link 'flows/start.md#step-9': flows/start.md has no anchor '#step-9'"),
    ("link-out-of-docs", append("docs/index.md", "\nSee [up](../README.md).\n"),
     "docs/index.md:8: link '../README.md' leaves the docs folder"),
    ("duplicate-anchor", append("docs/index.md", "\n## Again { #home }\n"),
     "docs/index.md: the anchor '#home' is defined twice on this page"),
    ("page-control-character", append("docs/index.md", "\nA bell \x07 here.\n"),
     "docs/index.md:8: control or invisible character U+0007 is not allowed"),
    ("page-not-utf8", lambda p: (p / "docs/index.md").write_bytes((p / "docs/index.md").read_bytes() + b"\n\xc3(\n"),
     "docs/index.md:8: not UTF-8 text (invalid continuation byte at byte 152)"),
    ("page-metadata-first-line", replace("docs/flows.md", "# Flows { #flows }", "Title: Flows"),
     "docs/flows.md:1: the first line would be read as metadata and dropped; start with a heading, or use '---' "
     "front matter"),
    ("page-front-matter-unclosed", replace("docs/flows.md", None, "---\ntitle: x\n# Flows\n"),
     "docs/flows.md:1: front matter opened with '---' is never closed"),
    ("decision-front-matter-invalid", replace("docs/decisions/0001-keep-it-small.md", "status: accepted", "status: [accepted"),
     "docs/decisions/0001-keep-it-small.md:3: front matter is not valid YAML (expected ',' or ']', but got ':')"),
    ("decision-front-matter-list", replace("docs/decisions/0001-keep-it-small.md", "status: accepted\ndate: 2026-01-01",
                                           "- accepted\n- 2026-01-01"),
     "docs/decisions/0001-keep-it-small.md:2: front matter must be a mapping of plain values"),
    ("decision-without-front-matter", replace("docs/decisions/0001-keep-it-small.md", None, "# A decision\n"),
     "docs/decisions/0001-keep-it-small.md:1: a decision record starts with YAML front matter (status, date)"),
    ("decision-bad-status", replace("docs/decisions/0001-keep-it-small.md", "status: accepted", "status: maybe"),
     "docs/decisions/0001-keep-it-small.md:2: status: expected one of: proposed, accepted, rejected, deprecated, "
     "superseded; got 'maybe'"),
    ("decision-impossible-date", replace("docs/decisions/0001-keep-it-small.md", "date: 2026-01-01", "date: 2026-99-99"),
     "docs/decisions/0001-keep-it-small.md:3: date: no such day in the calendar: '2026-99-99'"),
    ("decision-unknown-key", replace("docs/decisions/0001-keep-it-small.md", "date: 2026-01-01",
                                     "date: 2026-01-01\nauthor: x"),
     "docs/decisions/0001-keep-it-small.md:4: author: unknown front-matter key (allowed: status, date, search)"),
    ("symlink-to-outside-file", symlink("docs/assets/passwd.txt", "/etc/passwd"),
     "docs/assets/passwd.txt: symbolic links are not allowed in the docs folder"),
    ("symlink-to-outside-folder", symlink("docs/assets/etc", "/etc"),
     "docs/assets/etc: symbolic links are not allowed in the docs folder"),
    ("symlinked-page", symlink("docs/other.md", "index.md"),
     "docs/other.md: symbolic links are not allowed in the docs folder"),
    ("unexpected-docs-file", create("docs/assets/tool.exe", "MZ"),
     "docs/assets/tool.exe: unexpected file type in the docs folder (pages are .md; assets: .css, .svg, .png, "
     ".jpg, .ico, .txt, .json)"),
]


@pytest.mark.parametrize("edit, message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_gives_one_message(fixture_project, edit, message):
    edit(fixture_project)
    assert message_of(fixture_project) == message


def test_cases_cover_distinct_messages():
    messages = [c[2] for c in CASES]
    assert len(CASES) >= 180
    assert len({c[0] for c in CASES}) == len(CASES)
    repeated = {m for m in messages if messages.count(m) > 1}
    # Different inputs may rightly end in the same message; those are the only repeats.
    assert repeated <= {
        "data/sources.yaml:14: sources[2]: missing required field 'kind'",
        "data/glossary.yaml:1: expected a mapping with the single key 'glossary'",
        "data/glossary.yaml:5: YAML anchors and aliases are not allowed; write each value out",
        "data/glossary.yaml:3: glossary[0].expansion: null is not a value here; write one, or leave the field out",
        "docs/index.md:8: malformed placeholder: write '<!-- study:NAME -->' or '<!-- study:NAME ARGUMENT -->' "
        "alone on its line",
        "docs/index.md:8: malformed shortcut: write [@source-id], [@source-id path:lines], [@source-id § section], "
        "[claim:c01], [component:id] or [count:name], in lowercase",
        "docs/index.md:8: not a line range (A or A-B, each from 1 to 999999): '0'",
    }


def test_fixture_is_valid(fixture_project):
    site = load_site(fixture_project)
    assert [c["id"] for c in site.model.components] == ["tool", "lib"]
    assert site.model.get("sources", "tool-7.0")["commit"].startswith("0123")


def test_alias_bomb_is_refused_quickly(fixture_project):
    """A few kilobytes of aliases that would expand to millions of nodes."""
    lines = ["timeline:", "  - &e0", "    date: '2016'", "    title: T", "    description: D", "    evidence: []"]
    bomb = "\n".join(lines) + "\n" + "".join(f"x{i}: &e{i + 1} [*e{i}, *e{i}, *e{i}, *e{i}]\n" for i in range(40))
    (fixture_project / "data" / "timeline.yaml").write_text(bomb, encoding="utf-8")
    start = time.perf_counter()
    message = message_of(fixture_project)
    assert time.perf_counter() - start < 5
    assert message == "data/timeline.yaml:2: YAML anchors and aliases are not allowed; write each value out"


def test_scalars_stay_strings(fixture_project):
    """YAML's implicit typing would turn these into a date, a bool and a float."""
    replace("data/glossary.yaml", "    expansion: Container", "    expansion: no")(fixture_project)
    model = load_site(fixture_project).model
    assert model.glossary[0]["expansion"] == "no"
    assert model.sources[0]["date"] == "2016-07-26"

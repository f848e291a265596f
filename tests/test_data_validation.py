"""Bad data stops the build with one message naming file, line and field.

Each case edits one file of a small valid data set (tests/fixtures/valid) and
states the exact message the loader must give.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from study.errors import DataError
from study.model import load_model

FIXTURE = Path(__file__).parent / "fixtures" / "valid"


def load_with(tmp_path: Path, file: str, old: str | None, new: str):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    target = data / file
    text = target.read_text(encoding="utf-8")
    if old is None:
        text = new
    else:
        assert text.count(old) == 1, f"fixture edit is ambiguous: {old!r}"
        text = text.replace(old, new)
    target.write_text(text, encoding="utf-8")
    return load_model(tmp_path, "data")


def test_libyaml_parser_is_used():
    """The expected YAML syntax message below is LibYAML's wording."""
    import yaml

    from study import yamlsrc

    assert issubclass(yamlsrc._Loader, yaml.CSafeLoader)


def test_fixture_is_valid(tmp_path):
    model = load_with(tmp_path, "glossary.yaml", "CT", "CT")
    assert [c["id"] for c in model.components] == ["tool", "lib"]
    assert model.get("sources", "tool-7.0")["commit"].startswith("0123")


CASES = [
    # (case, file, text to replace (None: whole file), replacement, expected message)
    ("yaml-syntax", "sources.yaml", "    title: A guide\n", "    title: A guide: [\n",
     "data/sources.yaml:15: YAML syntax error: mapping values are not allowed in this context"),
    ("empty-file", "glossary.yaml", None, "",
     "data/glossary.yaml:1: file is empty; expected a mapping with the key 'glossary'"),
    ("wrong-top-level", "glossary.yaml", "glossary:", "terms:",
     "data/glossary.yaml:1: expected a mapping with the single key 'glossary'"),
    ("missing-field", "sources.yaml", "    kind: documentation\n", "",
     "data/sources.yaml:14: sources[2]: missing required field 'kind'"),
    ("wrong-type-list", "sources.yaml", "    title: A guide", "    title: [A, guide]",
     "data/sources.yaml:15: sources[2].title: expected a one-line string, got a list"),
    ("wrong-type-scalar", "components.yaml", "    languages: [C]", "    languages: C",
     "data/components.yaml:7: components[0].languages: expected a list, got 'C'"),
    ("duplicate-id", "sources.yaml", "  - id: guide", "  - id: seed",
     "data/sources.yaml:14: sources[2].id: duplicate id 'seed' (first defined at line 2)"),
    ("dangling-source", "components.yaml", "    sources: [guide]", "    sources: [guide, vz-dox]",
     "data/components.yaml:33: components[1].sources[1]: unknown source 'vz-dox'"),
    ("dangling-component", "components.yaml", "        consumers: [lib]", "        consumers: [libz]",
     "data/components.yaml:17: components[0].interfaces[0].consumers[0]: unknown component 'libz'"),
    ("bad-url", "sources.yaml", "https://docs.example.org/guide.html", "docs.example.org/guide.html",
     "data/sources.yaml:17: sources[2].url: not an absolute http(s) URL: 'docs.example.org/guide.html'"),
    ("bad-commit", "sources.yaml", "0123456789abcdef0123456789abcdef01234567", "0123456",
     "data/sources.yaml:12: sources[1].commit: not a 40-hex commit hash: '0123456'"),
    ("unknown-enum", "components.yaml", "    layer: library", "    layer: libary",  # codespell:ignore
     "data/components.yaml:29: components[1].layer: unknown value 'libary' "
     "(expected one of: distribution, kernel, library, daemon, tool)"),
    ("unknown-field", "glossary.yaml", "    expansion: Container", "    expandsion: Container",
     "data/glossary.yaml:3: glossary[0].expandsion: unknown field (allowed: term, expansion, definition, sources)"),
    ("duplicate-key", "glossary.yaml", "    definition: An isolated set of processes.",
     "    definition: An isolated set of processes.\n    definition: Again.",
     "data/glossary.yaml:5: glossary[0]: duplicate key 'definition'"),
    ("bad-date", "sources.yaml", "    date: 2016-07-26", "    date: 2016-13-01",
     "data/sources.yaml:6: sources[0].date: not a date (YYYY, YYYY-MM or YYYY-MM-DD): '2016-13-01'"),
    ("empty-value", "sources.yaml", "    title: A guide", "    title:",
     "data/sources.yaml:15: sources[2].title: must not be empty"),
    ("repository-without-commit", "sources.yaml",
     "    commit: 0123456789abcdef0123456789abcdef01234567\n", "",
     "data/sources.yaml:9: sources[1].kind: a 'repository' source needs both 'repo' and 'commit'"),
    ("repository-url-mismatch", "sources.yaml", "https://github.com/Example/tool", "https://gitlab.com/Example/tool",
     "data/sources.yaml:10: sources[1].url: must start with https://github.com/Example/tool"),
    ("evidence-without-lines", "claims.yaml", "        lines: 3-4\n", "",
     "data/claims.yaml:11: claims[0].evidence[1]: evidence from repository source 'tool-7.0' needs 'lines'"),
    ("evidence-without-section", "claims.yaml", "        section: Overview\n", "",
     "data/claims.yaml:9: claims[0].evidence[0]: evidence from 'guide' needs a 'section'"),
    ("backwards-line-range", "components.yaml", "lines: 1-20", "lines: 20-1",
     "data/components.yaml:21: components[0].interfaces[0].evidence[0].lines: line range runs backwards: '20-1'"),
    ("empty-required-list", "claims.yaml", "    pages: [index.md]", "    pages: []",
     "data/claims.yaml:14: claims[0].pages: needs at least one item"),
    ("non-seed-without-url", "sources.yaml", "    url: https://docs.example.org/guide.html\n", "",
     "data/sources.yaml:14: sources[2]: missing required field 'url' (only the seed may go without one)"),
    ("bad-id", "components.yaml", "  - id: lib", "  - id: Lib_2",
     "data/components.yaml:27: components[1].id: not an id (lowercase letters, digits, '-' and '.'): 'Lib_2'"),
    ("release-not-repository", "components.yaml", "    release: tool-7.0", "    release: guide",
     "data/components.yaml:8: components[0].release: source 'guide' is not a repository source"),
    ("flow-unknown-participant", "flows.yaml", "        dst: lib\n", "        dst: libz\n",
     "data/flows.yaml:20: flows[0].steps[1].dst: unknown participant 'libz'"),
    ("flow-frame-out-of-range", "flows.yaml", "        last: 2", "        last: 3",
     "data/flows.yaml:27: flows[0].frames[0]: frame covers steps 1-3, outside 1-2"),
    ("flow-participant-without-name", "flows.yaml", "        label: Administrator\n", "",
     "data/flows.yaml:6: flows[0].participants[0]: participant 'admin' needs a 'component' or a 'label'"),
    ("work-package-cycle", "workpackages.yaml", "    components: [tool]\n", "    components: [tool]\n    depends_on: [wp-2]\n",
     "data/workpackages.yaml:6: work_packages[0].depends_on: dependency cycle: WP-1 -> WP-2 -> WP-1"),
    ("work-package-unknown-dependency", "workpackages.yaml", "    depends_on: [wp-1]", "    depends_on: [wp-9]",
     "data/workpackages.yaml:30: work_packages[1].depends_on[0]: unknown work_package 'wp-9'"),
    ("contract-unknown-interface", "workpackages.yaml", "        interface: cli\n        note: Same options.",
     "        interface: api\n        note: Same options.",
     "data/workpackages.yaml:8: work_packages[0].contract[0].interface: component 'tool' has no interface 'api'"),
    ("missing-verdict", "buildability.yaml", None,
     "buildability:\n  - component: tool\n    verdict: port\n    rationale: R.\n    needs: N.\n    effort: '1-2'\n"
     "    risks: [None.]\n    evidence:\n      - source: guide\n        section: Usage\n",
     "data/buildability.yaml:2: buildability: component 'lib' has no verdict"),
    ("duplicate-verdict", "buildability.yaml", "  - component: lib\n", "  - component: tool\n",
     "data/buildability.yaml:12: buildability[1].component: duplicate id 'tool' (first defined at line 2)"),
    ("not-utf8", "glossary.yaml", None, "glossary:\n  - term: \udcff\n",
     "data/glossary.yaml:1: not UTF-8 text (invalid start byte at byte 20)"),
]


@pytest.mark.parametrize("case, file, old, new, message", CASES, ids=[c[0] for c in CASES])
def test_malformed_input_is_rejected(tmp_path, case, file, old, new, message):
    if case == "not-utf8":
        data = tmp_path / "data"
        shutil.copytree(FIXTURE, data)
        (data / file).write_bytes(new.encode("utf-8", "surrogateescape"))
        with pytest.raises(DataError) as err:
            load_model(tmp_path, "data")
    else:
        with pytest.raises(DataError) as err:
            load_with(tmp_path, file, old, new)
    assert str(err.value) == message


def test_cases_cover_distinct_messages():
    assert len({c[4] for c in CASES}) == len(CASES) >= 15


def test_missing_file_is_named(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    (data / "claims.yaml").unlink()
    with pytest.raises(DataError, match=r"^data/claims.yaml: file not found$"):
        load_model(tmp_path, "data")


def test_scalars_stay_strings(tmp_path):
    """YAML's implicit typing would turn these into a date, a bool and a float."""
    model = load_with(tmp_path, "glossary.yaml", "    expansion: Container", "    expansion: no")
    assert model.glossary[0]["expansion"] == "no"
    assert model.sources[0]["date"] == "2016-07-26"

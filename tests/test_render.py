"""Render functions against expected output."""

from __future__ import annotations

import json
from pathlib import Path

import markdown
import pytest

from study import decisions, site
from study.errors import DataError
from study.jsonschema import render_all
from study.model import load_model
from study.render import claims, components, md, reference

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def model():
    return load_model(FIXTURES, "valid")


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list", "abbr", "toc"])


# -- escaping ------------------------------------------------------------------

@pytest.mark.parametrize("value, shown", [
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("a | b", "a | b"),
    ("*not emphasis* and _not_ either", "*not emphasis* and _not_ either"),
    ("[not a link](x)", "[not a link](x)"),
    ("{: .class }", "{: .class }"),
    ("AT&T", "AT&amp;T"),
])
def test_text_is_shown_literally(value, shown):
    html = to_html(md.table(["h"], [[md.text(value)]]))
    assert f"<td>{shown}</td>" in html


def test_line_start_markers_are_escaped():
    assert to_html(md.text("# not a heading")) == "<p># not a heading</p>"
    assert to_html(md.text("1. not a list")) == "<p>1. not a list</p>"


def test_rich_makes_code_spans_and_escapes_the_rest():
    assert md.rich("writes `memory.low` <b>") == "writes `memory.low` &lt;b&gt;"
    assert to_html(md.rich("`<x>`")) == "<p><code>&lt;x&gt;</code></p>"


def test_relative_links():
    assert md.relative("components/vcmmd.md", "reference/bibliography.md", "src-x") == "../reference/bibliography.md#src-x"
    assert md.relative("index.md", "seed/claims.md") == "seed/claims.md"


# -- generated pages -------------------------------------------------------------

@pytest.mark.parametrize("name, render", [
    ("bibliography.md", lambda m: reference.bibliography(m)),
    ("glossary.md", lambda m: reference.glossary(m)),
    ("components-index.md", lambda m: components.index_table(m, "components/index.md")),
    ("component-tool.md", lambda m: components.component_page(m, m.get("components", "tool"))),
    ("claims.md", lambda m: claims.ledger(m, {"index.md": "Home"})),
])
def test_render_matches_golden(model, name, render):
    assert render(model) == (GOLDEN / name).read_text(encoding="utf-8")


def test_abbreviations(model):
    assert reference.abbreviations(model) == "*[CT]: Container"


def test_unknown_placeholder_names_page_and_line(model):
    with pytest.raises(DataError, match=r"^docs/x.md:3: unknown placeholder 'study:nope' \(known: "):
        site.expand("a\n\n<!-- study:nope -->\n", "x.md", site.Site(model))


def test_unknown_citation_names_page_and_line(model):
    with pytest.raises(DataError, match=r"^docs/x.md:2: unknown source 'vz-dox'$"):
        site.expand("a\nsee [@vz-dox]\n", "x.md", site.Site(model))


def test_citation_links_to_the_pinned_lines(model):
    out = site.expand("see [@tool-7.0 src/main.c:3-9]", "architecture/x.md", site.Site(model))
    assert out == ("see [[tool-7.0](../reference/bibliography.md#src-tool-7.0), "
                   "[`src/main.c:3-9`](https://github.com/Example/tool/blob/"
                   "0123456789abcdef0123456789abcdef01234567/src/main.c#L3-L9)]")


def test_citations_in_code_are_left_alone(model):
    text = "`[@nope]`\n\n```\n[@nope]\n```\n"
    assert site.expand(text, "x.md", site.Site(model)) == text


def test_nav_gets_generated_pages(model):
    nav = [{"Home": "index.md"}, {"Seed": ["seed/index.md"]}, {"Components": ["components/index.md"]}]
    assert site.nav_with_generated(nav, model) == [
        {"Home": "index.md"},
        {"Seed": ["seed/index.md", {"Claim ledger": "seed/claims.md"}]},
        {"Components": ["components/index.md", {"tool": "components/tool.md"}, {"lib": "components/lib.md"}]},
    ]


# -- decisions -------------------------------------------------------------------

def test_decision_front_matter_is_required():
    with pytest.raises(DataError, match=r"^docs/decisions/0009-x.md:2: status: expected one of"):
        decisions.read("decisions/0009-x.md", "---\nstatus: maybe\ndate: 2026-01-01\n---\n# X\n")


def test_decision_index():
    recs = [decisions.read("decisions/0002-b.md", "---\nstatus: accepted\ndate: 2026-01-02\n---\n# Bee { #b }\n"),
            decisions.read("decisions/0001-a.md", "---\nstatus: proposed\ndate: 2026-01-01\n---\n# Ay\n")]
    assert decisions.index_table(recs, "decisions/index.md") == (
        "| No. | Decision | Status | Date |\n| --- | --- | --- | --- |\n"
        "| [0001](0001-a.md) | [Ay](0001-a.md) | proposed | 2026-01-01 |\n"
        "| [0002](0002-b.md) | [Bee](0002-b.md) | accepted | 2026-01-02 |")


# -- JSON Schema -------------------------------------------------------------------

def test_committed_schema_files_are_current():
    for name, text in render_all().items():
        assert (ROOT / "schema" / name).read_text(encoding="utf-8") == text, f"run: python -m study schema ({name})"


def test_schema_files_are_json():
    for name, text in render_all().items():
        assert json.loads(text)["$id"] == name

"""Render functions and the page expansion, against expected output.

Golden files live in tests/golden/. After a deliberate change to the output,
regenerate them with

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render.py

and review the diff before committing it.
"""

from __future__ import annotations

import itertools
import json
import os
import re
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
from conftest import FIXTURE, ROOT

from study import build, decisions, htmlfix, routes, typegen
from study.build import load_site
from study.diagrams import dot, graph, sequence
from study.diagrams.text import width
from study.errors import DataError
from study.jsonschema import render_all
from study.pages import Page
from study.render import md

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {name}: run with UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs: review, then UPDATE_GOLDEN=1"


@pytest.fixture(scope="module")
def fixture_site():
    return load_site(FIXTURE)


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list", "toc", "footnotes"])


# -- escaping ------------------------------------------------------------------

@pytest.mark.parametrize("value, shown", [
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("a | b", "a | b"),
    ("*not emphasis* and _not_ either", "*not emphasis* and _not_ either"),
    ("[not a link](x)", "[not a link](x)"),
    ("{: .class }", "{: .class }"),
    ("AT&T", "AT&amp;T"),
    ("[^1]", "[^1]"),
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
    assert routes.relative("components/vcmmd.md", routes.BIBLIOGRAPHY, "src-x") == "../reference/bibliography.md#src-x"
    assert routes.relative("index.md", routes.LEDGER) == "seed/claims.md"


# -- generated pages, through the build path -----------------------------------------

@pytest.mark.parametrize("name, page", [
    ("bibliography.md", routes.BIBLIOGRAPHY),
    ("glossary.md", routes.GLOSSARY),
    ("claims.md", routes.LEDGER),
    ("component-tool.md", "components/tool.md"),
    ("flow-start.md", "flows/start.md"),
    ("home.md", "index.md"),
    ("host.md", "host.md"),
])
def test_page_matches_golden(fixture_site, name, page):
    check_golden(name, fixture_site.rendered[page])


def test_components_index_matches_golden(fixture_site):
    from study.render import components

    check_golden("components-index.md", components.index_table(fixture_site.model, routes.COMPONENTS))


# -- diagrams --------------------------------------------------------------------------

def _sequence(frames=(), lanes=()) -> sequence.Diagram:
    parts = (sequence.Participant("a", "Admin", group="actor"), sequence.Participant("t", "tool", "tool", "management"),
             sequence.Participant("k", "kernel", "kernel", "platform"))
    msgs = (sequence.Message("a", "t", "tool start 101"), sequence.Message("t", "k", "clone(CLONE_NEWPID)"),
            sequence.Message("k", "t", "pid", "reply"), sequence.Message("t", "t", "write config"),
            sequence.Message("t", "a", "started", "async"))
    return sequence.Diagram(parts, msgs, frames, lanes)


def test_sequence_diagram_matches_golden():
    diagram = _sequence((sequence.Frame("loop", "retry", 1, 2),),
                        (sequence.Lane("User space", 1, 1), sequence.Lane("Kernel", 2, 2, "kernel")))
    check_golden("sequence.svg", sequence.render("seq", "A start", "Three lifelines.", diagram) + "\n")


def test_sequence_layout_fits_its_width_by_wrapping():
    long = sequence.Message("a", "t", "x" * 30 + " " + "/usr/libexec/phaul/p.haul-service --fdrpc --fdmem " * 3)
    diagram = sequence.Diagram(_sequence().participants, (long,))
    lay = sequence.layout(diagram, sequence.measure(diagram), max_width=400)
    assert lay.width <= 400
    room = lay.xs[1] - lay.xs[0]
    assert all(width(line, sequence.SMALL) <= room for line in lay.rows[0].lines)


def test_identical_frames_and_messages_are_drawn_separately():
    """Equal messages are two arrows with their own numbers; equal frames on one step nest."""
    parts = (sequence.Participant("a", "A"), sequence.Participant("b", "B"))
    msgs = (sequence.Message("a", "b", "ping"), sequence.Message("a", "b", "ping"))
    frame = sequence.Frame("loop", "again", 0, 1)
    diagram = sequence.Diagram(parts, msgs, (frame, frame))
    svg = sequence.render("dup", "Twice", "Two pings.", diagram)
    assert svg.count('<g class="msg call">') == 2
    assert "1. ping" in svg and "2. ping" in svg
    lay = sequence.layout(diagram, sequence.measure(diagram))
    assert lay.frames[0].y != lay.frames[1].y


def test_graph_drawn_with_graphviz_matches_golden():
    nodes = (graph.Node("t", "tool", "management", "tool", boundary="user", link="components/t.md"),
             graph.Node("l", "library", "memory", "library", boundary="user"),
             graph.Node("k", "kernel", "platform", "kernel", boundary="kernel"))
    edges = (graph.Edge("t", "l", "1", "library"), graph.Edge("l", "k", "2", "kernel"),
             graph.Edge("t", "k", "3", "kernel"))
    g = graph.Graph(nodes, edges, (graph.Boundary("host", "Host"), graph.Boundary("user", "User space", "host"),
                                   graph.Boundary("kernel", "Kernel", "host")), bottom=("k",))
    drawing = dot.layout(g)
    assert drawing.nodes["k"].y > max(drawing.nodes["t"].bottom, drawing.nodes["l"].bottom), "the kernel row is last"
    assert all(not a.overlaps(b) for a, b in itertools.combinations(drawing.nodes.values(), 2))
    check_golden("graph.svg", graph.svg(g, drawing, "g", "Three boxes", "Three boxes in two boundaries.") + "\n")


def test_area_view_matches_golden(fixture_site):
    from study.render import views

    check_golden("area-view.md", views.area_map(fixture_site.model, "management", "architecture/x.md", 1))


def test_layer_map_matches_golden(fixture_site):
    from study.render import views

    check_golden("layer-map.html", views.layer_map(fixture_site.model, "index.md", 1) + "\n")


def _paths(*rows: tuple[str, str, str]) -> SimpleNamespace:
    """A model holding only paths: (id, path, parent id or '')."""
    recs = [{"id": i, "path": p, "format": "directory" if p.endswith("d") else "file",
             **({"parent": parent} if parent else {})} for i, p, parent in rows]
    return SimpleNamespace(paths=recs)


def test_path_tree_names_unlisted_directories_and_merges_chains():
    from study.render import layout

    model = _paths(("vz", "/vz", ""), ("prv", "/vz/private/<CTID>", "vz"), ("a", "/var/log/a.log", ""),
                   ("b", "/var/log/b.log", ""), ("sock", "/var/run/x.sock", ""))
    top = layout.tree(model)
    assert [n.label for n in top] == ["/vz", "/var"]
    assert [n.label for n in top[0].children.values()] == ["private/<CTID>"]
    var = top[1]
    assert var.path is None and [n.label for n in var.children.values()] == ["log", "run/x.sock"]
    assert [n.path["id"] for n in var.children["log"].children.values()] == ["a", "b"]
    assert [[n.label for n in col] for col in layout.columns(top)] == [["/vz"], ["/var"]]


def test_trust_map_rows_arrows_and_links(fixture_site):
    from study.render import security

    g = security.graph(fixture_site.model, "host.md")
    rows = {n.id: n.rank for n in g.nodes}
    assert rows["caller-peer-host"] < rows["caller-local-user"] < rows["ep-socket"] < rows["ep-syscalls"]
    assert [(e.src, e.dst, e.label) for e in g.edges] == [
        ("caller-local-user", "ep-socket", "1"), ("caller-peer-host", "ep-socket", "2"),
        ("caller-container-processes", "ep-syscalls", "3")]
    assert all(n.link.startswith("host.md#ep-") for n in g.nodes)
    assert [b.id for b in g.boundaries] == ["network", "host", "host-user", "host-root", "kernel", "container"]


# -- expansion ---------------------------------------------------------------------------

def _expand(site, text: str, page: str = "x.md") -> str:
    written = dict(site.pages) | {page: Page(page, f"docs/{page}", {}, text, 1, {})}
    return build.render_page(build.Site(site.model, written), page)


def test_citations_become_numbered_footnotes(fixture_site):
    text = "A fact [@tool-7.0 src/main.c:3-9] [@guide § Usage], another\n[@tool-7.0 src/main.c:3-9].\n"
    out = _expand(fixture_site, text, "architecture/x.md")
    assert out.startswith("A fact[^1], another[^2].\n")
    # A repository's id is plain in a footnote (the Sources line links it with its commit); a web source's links.
    assert ("[^1]: tool-7.0 [`src/main.c:3-9`](https://github.com/"
            "Example/tool/blob/0123456789abcdef0123456789abcdef01234567/src/main.c#L3-L9); "
            "[guide](../reference/bibliography.md#src-guide) § Usage") in out
    assert "Code is cited at these commits: [tool-7.0](../reference/bibliography.md#src-tool-7.0)" in out
    html = to_html(out)
    assert html.count('class="footnote-ref"') == 2


def test_a_run_names_a_repository_once_and_a_file_once(fixture_site):
    out = _expand(fixture_site, "A fact [@tool-7.0 src/main.c:3-9] [@tool-7.0 src/main.c:12] "
                                "[@tool-7.0 src/errors.h:1] [@guide § Usage] [@guide § Logs].\n")
    blob = "https://github.com/Example/tool/blob/0123456789abcdef0123456789abcdef01234567"
    assert (f"[^1]: tool-7.0 [`src/main.c:3-9`]({blob}/src/main.c#L3-L9), [`:12`]({blob}/src/main.c#L12); "
            f"[`src/errors.h:1`]({blob}/src/errors.h#L1); [guide](reference/bibliography.md#src-guide) § Usage; "
            "[guide](reference/bibliography.md#src-guide) § Logs\n") in out, "a web source keeps its link each time"


def test_a_repeated_citation_shares_its_number(fixture_site):
    out = _expand(fixture_site, "One [@guide § Usage]. Two [@guide § Usage].\n")
    assert out.startswith("One[^1]. Two[^1].\n")


def test_citations_in_code_are_left_alone(fixture_site):
    text = "`[@nope]` and `<!-- study:nope -->`\n\n```\n[@nope]\n<!-- study:nope -->\n```\n"
    assert _expand(fixture_site, text) == text


def test_a_citation_starting_a_line_joins_the_line_above(fixture_site):
    out = _expand(fixture_site, "Text\n[@guide § Usage]: more.\n\n- [@guide § Usage] first\n")
    assert out.startswith("Text[^1]: more.\n\n- [^1] first\n")


def test_claim_mark_shows_its_verdict(fixture_site):
    out = _expand(fixture_site, "See [claim:c01].\n")
    html = to_html(out)
    assert 'class="claim-chip verdict-confirmed"' in html and ">C01 confirmed</a>" in html
    assert 'href="seed/claims.md#c01"' in html, "a Markdown link, which MkDocs rewrites to the page's URL"


def test_nav_gets_generated_pages(fixture_site):
    nav = [{"Home": "index.md"}, {"Seed": ["seed/index.md"]}, {"Components": ["components/index.md"]}]
    assert build.nav(fixture_site, nav) == [
        {"Home": "index.md"},
        {"Seed": ["seed/index.md", {"Claim ledger": "seed/claims.md"}]},
        {"Components": ["components/index.md", {"Management": [{"tool": "components/tool.md"}]},
                        {"Memory": [{"lib": "components/lib.md"}]}]},
    ]


# -- error atlas and configuration keys ------------------------------------------------------

ATLAS_PAGE = ("# Error atlas\n\n<!-- study:error-index -->\n\n## Tool\n\n<!-- study:error-atlas tool -->\n\n"
              "## Lib\n\n<!-- study:error-atlas lib -->\n")
# Each table on the page that routes gives it: a container's keys and the options by initial letter.
CONFIG_PAGES = (("# Container keys M–Z\n\n<!-- study:config-keys ct.conf -->\n", routes.CONTAINER_KEYS[1]),
                ("# Configuration keys\n\n<!-- study:config-keys vcmmd.conf -->\n", routes.CONFIGURATION),
                ("# prlctl set options M–Z\n\n<!-- study:prlctl-options -->\n", routes.PRLCTL_OPTIONS[1]),
                ("# Other prlctl set options\n\n<!-- study:prlctl-options -->\n", routes.OTHER_PRLCTL_OPTIONS))


def _config_pages(fixture_site) -> str:
    return "\n".join(_expand(fixture_site, text, page) for text, page in CONFIG_PAGES)


def test_error_atlas_matches_golden(fixture_site):
    check_golden("errors.md", _expand(fixture_site, ATLAS_PAGE, routes.ERRORS))


def test_configuration_keys_match_golden(fixture_site):
    check_golden("configuration.md", _config_pages(fixture_site))


def test_an_error_heading_holds_code_value_and_text_and_links_its_step(fixture_site):
    html = to_html(_expand(fixture_site, ATLAS_PAGE, routes.ERRORS))
    heading = re.search(r'<h3 id="err-tool-e-busy" class="study-entry">(.*?)</h3>', html)
    assert heading and "<code>TOOL_E_BUSY</code> -73" in heading[1] and "Container %s is busy" in heading[1]
    assert 'href="../flows/start.md#step-2"' in html
    # Each entry keeps its evidence: three entries, three footnotes.
    assert len(re.findall(r'<h3 id="err-', html)) == 3 and html.count('class="footnote-ref"') == 3


def test_key_tables_search_the_names_only(fixture_site):
    out = _config_pages(fixture_site)
    rows = [line for line in out.splitlines() if line.startswith("| <span id=")]
    assert len(rows) == 4
    # The name cell is searched; meaning and details sit in an excluded span.
    assert all("<span data-search-exclude markdown>" in row.split(" | ")[-1] for row in rows)
    # Links to a key's row: on its own page by anchor, from another page by that page's path.
    assert '[`MEMLIMIT`](#key-memlimit)' in out and '[`MEMLIMIT`](container-keys-m-z.md#key-memlimit)' in out


def test_a_table_on_a_page_that_routes_no_row_to_is_refused(fixture_site):
    with pytest.raises(DataError, match=re.escape("no configuration keys of file 'ct.conf' belong on this page")):
        _expand(fixture_site, "# Keys\n\n<!-- study:config-keys ct.conf -->\n", routes.CONTAINER_KEYS[0])


# -- tooltips ----------------------------------------------------------------------------

def test_tooltips_mark_running_text_only():
    html = ('<h2 id="ct">CT here</h2><p>A CT and <code>CT</code> and <a href="#">CT</a>, CT-like, CTs, '
            'a.CT and CT.</p><svg><text>CT</text></svg>')
    out = htmlfix.add_tooltips(html, {"CT": 'Con"tainer <b>'})
    abbr = '<abbr title="Con&quot;tainer &lt;b&gt;">CT</abbr>'
    assert out == ('<h2 id="ct">CT here</h2><p>A ' + abbr + ' and <code>CT</code> and <a href="#">CT</a>, CT-like, '
                   'CTs, a.CT and CT.</p><svg><text>CT</text></svg>'), "the first use only"


def test_tooltips_mark_each_term_once_per_section():
    html = '<p>CT and CT</p><h2 id="a">A</h2><p>CT, CT</p><h3 id="b">B</h3><p>CT</p>'
    out = htmlfix.add_tooltips(html, {"CT": "Container"})
    abbr = '<abbr title="Container">CT</abbr>'
    assert out == f'<p>{abbr} and CT</p><h2 id="a">A</h2><p>{abbr}, CT</p><h3 id="b">B</h3><p>CT</p>'


def test_tooltips_keep_the_rest_of_the_html():
    html = '<p>a &amp; b &#8594; <br/><img src="x.png" alt="CT"><!-- CT --></p>'
    assert htmlfix.add_tooltips(html, {"CT": "Container"}) == html


# -- decisions ---------------------------------------------------------------------------

def _decision(path: str, status: str, date: str, title: str) -> decisions.Decision:
    page = Page(path, f"docs/{path}", {"status": status, "date": date}, f"# {title}\n", 5, {"status": 2, "date": 3})
    return decisions.read(page)


def test_decision_index():
    recs = [_decision("decisions/0002-b.md", "accepted", "2026-01-02", "Bee { #b }"),
            _decision("decisions/0001-a.md", "proposed", "2026-01-01", "Ay")]
    assert decisions.index_table(recs, "decisions/index.md") == (
        "| No. | Decision | Status | Date |\n| --- | --- | --- | --- |\n"
        "| [0001](0001-a.md) | [Ay](0001-a.md) | proposed | 2026-01-01 |\n"
        "| [0002](0002-b.md) | [Bee](0002-b.md) | accepted | 2026-01-02 |")


# -- generated artefacts in the repository -------------------------------------------------

def test_committed_schema_files_are_current():
    for name, text in render_all().items():
        assert (ROOT / "schema" / name).read_text(encoding="utf-8") == text, f"run: python -m study schema ({name})"


def test_schema_files_are_json():
    for name, text in render_all().items():
        assert json.loads(text)["$id"] == name


def test_typed_records_are_current():
    committed = (ROOT / "study" / "records.py").read_text(encoding="utf-8")
    assert committed == typegen.render(), "run: python -m study types"


def test_typed_records_name_every_field():
    """Each record's TypedDict lists exactly the fields the schema declares."""
    from study import records
    from study.schema import COLLECTIONS

    for coll in COLLECTIONS:
        typed = getattr(records, coll.item.name)
        assert list(typed.__annotations__) == list(coll.item.fields), coll.name
        assert re.fullmatch(r"[A-Z][A-Za-z]+", coll.item.name)

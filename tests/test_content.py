"""The study's own content: what its pages must show, beyond what the validator enforces.

These read the real data and pages through the one build path (the
`study_site` fixture), so a data error fails them with its message instead of
stopping collection.
"""

from __future__ import annotations

import re

from study import routes
from study.render import flows, views

CITATION = re.compile(r"\[@[a-z0-9][a-z0-9.-]*[^\]]*\]")


def test_the_seed_has_24_claims(study_site):
    assert len(study_site.model.claims) == 24


def test_every_claim_is_discussed_on_an_explanation_page(study_site):
    explanation = "\n".join(p.body for path, p in study_site.pages.items()
                            if path.split("/")[0] in ("architecture", "context"))
    missing = [c["id"] for c in study_site.model.claims if f"[claim:{c['id']}]" not in explanation]
    assert missing == []


def test_every_component_is_in_an_area_view_or_the_layer_map(study_site):
    model = study_site.model
    grid = views.layer_map(model, "index.md", 1)
    assert sorted(re.findall(r'href="components/([^/"]+)/"', grid)) == sorted(c["id"] for c in model.components)
    in_views = {n.id for area in ("platform", "management", "compute", "memory", "storage", "migration")
                for n in views.area_links(model, area)[0]}
    assert {c["id"] for c in model.components if c["area"] != "patching"} <= in_views


def test_area_views_stay_small_and_number_every_arrow(study_site):
    for area in ("platform", "management", "compute", "memory", "storage", "migration"):
        nodes, links = views.area_links(study_site.model, area)
        assert len(nodes) <= views.MAX_NODES, area
        assert [link.number for link in links] == list(range(1, len(links) + 1))
        assert len({(link.src, link.dst) for link in links}) == len(links), "one arrow per pair"


def test_components_index_links_every_component_in_data_order(study_site):
    index = study_site.rendered[routes.COMPONENTS]
    table = index[index.index("| Component |"):]
    linked = re.findall(r"^\| \[[^\]]+\]\(([a-z0-9.-]+)\.md\)", table, re.M)
    assert linked[:len(study_site.model.components)] == [c["id"] for c in study_site.model.components]


def test_every_component_has_a_page_with_its_facts(study_site):
    for comp in study_site.model.components:
        page = study_site.rendered[routes.component(comp["id"])]
        assert f"{{ #{comp['id']} }}" in page and "## At a glance { #facts }" in page, comp["id"]


def test_flow_figures_draw_every_participant_and_step(study_site):
    for flow in study_site.model.flows:
        numbers = iter(range(1, 50))
        figures = flows.figures(study_site.model, flow, "flows/x.md", numbers.__next__)
        svgs = re.findall(r'<svg class="study-diagram.*?</svg>', figures, re.S)
        assert len(svgs) == len(flows.phases(flow)), flow["id"]
        drawn = {pid for svg in svgs for pid in re.findall(r'<g class="participant[^"]*" data-id="([^"]+)"', svg)}
        assert drawn == {p["id"] for p in flow["participants"]}, flow["id"]
        assert sum(len(re.findall(r'<g class="msg ', svg)) for svg in svgs) == len(flow["steps"]), flow["id"]


def test_flow_pages_anchor_every_step(study_site):
    for flow in study_site.model.flows:
        page = study_site.rendered[routes.flow(flow["id"])]
        for n in range(1, len(flow["steps"]) + 1):
            assert f'id="step-{n}"' in page, (flow["id"], n)


def test_timeline_covers_the_milestones(study_site):
    dates = [e["date"] for e in study_site.model.timeline]
    for needed in ("2014-12", "2015-06", "2016-07-26", "2017-04-21"):
        assert any(d.startswith(needed) for d in dates), needed


def _table_rows(text: str) -> list[str]:
    rows = [line for line in text.splitlines() if line.startswith("|")]
    return [r for r in rows if not re.fullmatch(r"\|[\s:|-]+\|", r)][1:] if rows else []


def test_every_comparison_row_cites_a_source(study_site):
    for path in ("context/openvz6-to-7.md", "context/peers.md", "context/editions.md"):
        body = study_site.pages[path].body
        rows = [row for block in re.split(r"\n\s*\n", body) if block.lstrip().startswith("|")
                for row in _table_rows(block)]
        assert rows, f"{path} has a comparison table"
        assert [row[:60] for row in rows if not CITATION.search(row)] == [], path


def test_every_faq_answer_links_into_the_study(study_site):
    answers = re.split(r"^## ", study_site.pages["context/faq.md"].body, flags=re.M)[1:]
    assert len(answers) >= 12
    study_link = re.compile(r"\]\((?:\.\./)?[a-z0-9-]+(?:/[a-z0-9.-]+)*\.md(?:#[a-z0-9-]+)?\)|\[component:|\[claim:")
    assert [a.splitlines()[0] for a in answers if not study_link.search(a)] == []


def test_every_page_ends_with_its_sources(study_site):
    """A page that cites anything lists those citations, with the commits, at its end."""
    for path, markdown in study_site.rendered.items():
        if "[^1]" in markdown:
            assert "\n[^1]: " in markdown and "{ #sources }" in markdown, path


# -- the on-disk layout, the trust boundaries, the names --------------------------------------

def test_every_path_is_in_the_tree_and_has_an_entry(study_site):
    page = study_site.rendered[routes.LAYOUT]
    for rec in study_site.model.paths:
        assert f'href="#{routes.path_anchor(rec["id"])}"' in page, rec["id"]
        assert f'<span id="{routes.path_anchor(rec["id"])}"></span>' in page, rec["id"]
    assert {r["scope"] for r in study_site.model.paths} == {"container", "vm", "host"}


def test_the_layout_page_settles_where_vms_live(study_site):
    body = study_site.pages[routes.LAYOUT].body
    section = body[body.index("{ #vm-location }"):body.index("## Containers")]
    assert "`/vz/vmprivate`" in section and "`/var/parallels`" in section
    assert section.count("[@") >= 6, "the answer cites code, history and the guides"


def test_the_trust_figure_fits_the_column_and_draws_every_caller(study_site):
    from study.diagrams import dot
    from study.render import security

    g = security.graph(study_site.model, routes.SECURITY)
    drawing = dot.layout(g)
    assert drawing.width <= 720
    callers = [c for e in study_site.model.entry_points for c in e["callers"]]
    assert len(g.edges) == len(callers)
    zones = {b.id for b in g.boundaries}
    assert {"network", "host-user", "host-root", "kernel", "container"} <= zones


def test_every_entry_point_has_a_section_with_three_cited_findings(study_site):
    page = study_site.rendered[routes.SECURITY]
    for entry in study_site.model.entry_points:
        start = page.index(f"{{ #{routes.entry_anchor(entry['id'])} }}")
        section = page[start:page.find("\n### ", start)]
        for title in ("**Who may call it.**", "**What is checked.**", "**Hardening.**"):
            line = next(x for x in section.splitlines() if x.startswith(title))
            assert re.search(r"\[\^\d+\]$", line), (entry["id"], title)


def test_every_comparison_is_on_the_names_page_and_every_cell_cites(study_site):
    body = study_site.pages[routes.NAMES].body
    page = study_site.rendered[routes.NAMES]
    for comparison in study_site.model.disambiguation:
        assert f"<!-- study:names {comparison['id']} -->" in body, comparison["id"]
    rows = [r for r in page.splitlines() if r.startswith("| **")]
    assert len(rows) == sum(len(c["rows"]) for c in study_site.model.disambiguation)
    for row in rows:
        cells = row.strip("|").split(" | ")[1:]
        assert all(re.search(r"\[\^\d+\]\s*$", c) for c in cells), row[:60]


def test_the_export_carries_the_new_collections(study_site):
    import json

    from study import export

    data = json.loads(study_site.files[export.EXPORT_FILE])
    for name in ("paths", "entry_points", "disambiguation"):
        assert len(data[name]) == len(study_site.model.records[name]) > 0, name


def test_the_local_suspend_flow_is_explained_on_the_migration_page(study_site):
    flow = study_site.model.get("flows", "ct-suspend-restore")
    assert flow.get("pages") == ["architecture/migration.md"]
    assert "(../flows/ct-suspend-restore.md)" in study_site.pages["architecture/migration.md"].body
    assert len(flows.phases(flow)) >= 2, "a long flow is read in phases"

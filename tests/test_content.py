"""The study's own content: what its pages must show, beyond what the validator enforces.

These read the real data and pages through the one build path (the
`study_site` fixture), so a data error fails them with its message instead of
stopping collection.
"""

from __future__ import annotations

import re

from study import routes
from study.render import flows, operations, views

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


# -- reference: error atlas and configuration keys ------------------------------------------

ATLAS_FAMILIES = {"vzmigrate": "MIG_ERR_", "libvzctl": "VZCTL_E_", "vcmmd": "VCMMD_ERROR_", "libprlsdk": "PRL_ERR_"}


def test_the_error_atlas_has_60_entries_each_cited_and_anchored(study_site):
    entries = study_site.model.errors
    page = study_site.rendered[routes.ERRORS]
    assert len(entries) >= 60
    for entry in entries:
        # Every entry cites code at a pinned commit: a repository source with a path and lines.
        assert any("lines" in e and "path" in e for e in entry["evidence"]), entry["id"]
        assert f'<h3 id="{routes.error_anchor(entry["id"])}" class="study-entry">' in page, entry["id"]
        if "step" in entry:
            assert f"flows/{entry['flow']}.md#step-{entry['step']})" in page, entry["id"]


def test_the_error_atlas_covers_every_family_the_issue_names(study_site):
    by_component: dict[str, list[str]] = {}
    for entry in study_site.model.errors:
        by_component.setdefault(entry["component"], []).append(entry["code"])
    for component, prefix in ATLAS_FAMILIES.items():
        assert any(code.startswith(prefix) for code in by_component.get(component, [])), component
    assert by_component.get("p.haul"), "P.Haul's failure messages"
    body = study_site.pages[routes.ERRORS].body
    for component in by_component:
        # One section per component, with the heading anchor the index table links to.
        assert body.count(f"<!-- study:error-atlas {component} -->") == 1, component
        assert body.count(f"{{ #{operations.atlas_section(component)} }}") == 1, component


def test_the_configuration_page_anchors_every_key_and_option(study_site):
    page = study_site.rendered[routes.CONFIGURATION]
    files = {k["file"] for k in study_site.model.config_keys}
    assert files == {"ct.conf", "vz.conf", "both", "vcmmd.conf"}
    for key in study_site.model.config_keys:
        assert f'<span id="{routes.key_anchor(key["key"])}"></span>' in page, key["key"]
    for option in study_site.model.prlctl_options:
        if option["applies_to"] in ("ct", "both"):
            assert f'<span id="{routes.option_anchor(option["option"])}"></span>' in page, option["option"]
            assert option.get("keys") or option.get("reach"), option["option"]

"""The study's own content: what its pages must show, beyond what the validator enforces.

These read the real data and pages through the one build path (the
`study_site` fixture), so a data error fails them with its message instead of
stopping collection.
"""

from __future__ import annotations

import re

import pytest

from study import routes
from study.expand import protected
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


# -- figures typed once ----------------------------------------------------------
#
# A figure the data holds is written in prose as a placeholder ([loc:...],
# [count:...]) so that it changes with the data. These tests read the page
# sources and every text field of the data and refuse a typed line count, and a
# typed total of claims, components or flows that differs from the data.

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_NUMBER_WORD = rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS[1:10])}))?|{'|'.join(_UNITS)})"
# A quantity big enough to be a size: digits with thousands separators, three or
# more digits, a k/K suffix, or words with hundred/thousand/million in them.
_QUANTITY_WORD = rf"(?:{_NUMBER_WORD}|a|several|some|few|many|tens|of|and)"
_LOC_QUANTITY = (r"(?:\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+|\d{3,}|\d+(?:\.\d+)?\s?[kK]\b"
                 rf"|(?:{_QUANTITY_WORD}[\s-]+){{0,3}}(?:hundreds?|thousands?|millions?))")
TYPED_LOC = re.compile(rf"\b{_LOC_QUANTITY}(?:\s+(?:of\s+)?[\w+#/-]+){{0,3}}?\s+(?:lines?|LOC|KLOC|SLOC)\b", re.I)
_TOTAL_BEFORE = r"(?:all(?: of)?(?: the| its)?|the (?:seed's|study's|site's)|its|their|these|each of (?:the|its))"
TYPED_TOTAL = re.compile(
    rf"\b(?:{_TOTAL_BEFORE})\s+(?P<n>\d+|{_NUMBER_WORD})\s+(?:[a-z-]+\s+)?(?P<what>claims|components|flows)\b"
    rf"|\b(?P<n2>\d+|{_NUMBER_WORD})\s+(?P<what2>claims|components|flows)\s+in\s+(?:all|total)\b", re.I)
# Data fields that are identifiers, locators or verbatim German, not prose.
_NOT_PROSE = {"id", "url", "repo", "commit", "path", "lines", "quote", "section", "source", "date", "file"}


def number_value(word: str) -> int:
    """'24', 'twenty-four' or 'twenty four' as an int."""
    if word.isdigit():
        return int(word)
    parts = re.split(r"[- ]", word.lower())
    tens = 20 + 10 * _TENS.index(parts[0]) if parts[0] in _TENS else 0
    return tens + (_UNITS.index(parts[-1]) if parts[-1] in _UNITS else 0)


def _prose(text: str) -> str:
    """The text with code spans and fences blanked out (same length, so offsets still count)."""
    out = list(text)
    for start, end in protected(text):
        out[start:end] = " " * (end - start)
    return "".join(out)


def typed_loc(text: str) -> list[str]:
    return [m.group(0) for m in TYPED_LOC.finditer(_prose(text))]


def typed_totals(text: str) -> list[tuple[int, str, str]]:
    """(number, what, the words) for each typed total of claims, components or flows."""
    found = []
    for m in TYPED_TOTAL.finditer(_prose(text)):
        number, what = (m.group("n"), m.group("what")) if m.group("n") else (m.group("n2"), m.group("what2"))
        found.append((number_value(number), what.lower(), m.group(0)))
    return found


def _data_texts(node, where: str):
    """Every prose string in a data record, with where it is."""
    if isinstance(node, str):
        yield where, node
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _data_texts(item, f"{where}[{i}]")
    elif hasattr(node, "items"):
        for key, value in node.items():
            if key not in _NOT_PROSE:
                yield from _data_texts(value, f"{where}.{key}")


def study_texts(site):
    """(where, text) for every hand-written page and every prose field of the data."""
    for _, page in sorted(site.pages.items()):
        yield page.label, page.body
    for name, records in site.model.records.items():
        for i, record in enumerate(records):
            yield from _data_texts(record, f"data {name}[{i}]")


def figure_problems(site, texts) -> list[str]:
    totals = {"claims": len(site.model.claims), "components": len(site.model.components),
              "flows": len(site.model.flows)}
    problems = [f"{where}: typed line count {words!r}; use [loc:<component>] or [loc:<component> about]"
                for where, text in texts for words in typed_loc(text)]
    problems += [f"{where}: {words!r} but the data has {totals[what]} {what}; use [count:{what}]"
                 for where, text in texts for number, what, words in typed_totals(text) if number != totals[what]]
    return problems


def test_no_prose_figure_contradicts_the_data(study_site):
    assert figure_problems(study_site, list(study_texts(study_site))) == []


@pytest.mark.parametrize("planted", [
    "The dispatcher has thirty thousand lines of C++.",
    "libvzctl is 40,363 lines at the 7.0 commit.",
    "About 40k lines of code.",
    "some 1200 non-blank lines",
    "vzmigrate: several thousand lines",
    "The study checks all 25 claims of the seed.",
    "Each of its twenty-three claims is checked.",
    "The site draws its 7 runtime flows.",
    "24 components in total.",
])
def test_guard_a_planted_figure_is_refused(study_site, planted):
    """The check itself: a typed size or a wrong total, planted in a page, is caught."""
    assert figure_problems(study_site, [("planted.md", planted)]), planted


@pytest.mark.parametrize("fine", [
    "libvzctl has [loc:libvzctl] lines of code.",
    "See lines 1200-1300 of `vz.c`, or the `40,363 lines` example in code.",
    "Two components use it; the ten beancounters; three lines of shell.",
    "All [count:claims] claims, each of its [count:components] components.",
])
def test_guard_placeholders_subsets_and_code_pass(study_site, fine):
    assert figure_problems(study_site, [("fine.md", fine)]) == []


def test_guard_a_correct_typed_total_passes(study_site):
    n = len(study_site.model.claims)
    assert figure_problems(study_site, [("fine.md", f"The seed makes {n} claims, all {n} claims are graded.")]) == []

# The interfaces issue 17 names: each must have an entry in data/compat.yaml.
REQUIRED_INTERFACES = ("ve-cgroup", "beancounter-cgroup", "memcg-oom-guarantee", "memcg-low-high", "memcg-swap",
                       "ploop-kmod", "netlink-vzevent", "proc-vz", "ksm-sysfs", "criu-kernel-features")


def test_the_matrix_has_every_interface_the_issue_names(study_site):
    ids = {entry["id"] for entry in study_site.model.kernel_interfaces}
    assert set(REQUIRED_INTERFACES) <= ids


def test_the_matrix_is_sourced_entry_by_entry(study_site):
    """Every stock entry has its own evidence, and its row on the page its own footnote."""
    page = study_site.rendered[routes.STOCK_KERNEL]
    for entry in study_site.model.kernel_interfaces:
        assert entry["evidence"], entry["id"]
        section = page[page.index(f"{{ #{entry['id']} }}"):]
        table = section[section.index("| Where |"):]
        rows = _table_rows(table[:table.index("\n\n")])
        assert len(rows) == len(entry["stock"]), entry["id"]
        for eq, row in zip(entry["stock"], rows):
            assert eq["evidence"], (entry["id"], eq["where"])
            assert re.search(r"\[\^\d+\] \|$", row), (entry["id"], row[:60])


def test_no_version_is_stated_that_its_evidence_does_not_show(study_site):
    from study.render import compat

    for entry in study_site.model.kernel_interfaces:
        for eq in entry["stock"]:
            shown = compat.since(eq)
            if eq.get("basis") in ("commit", "unverified") or eq["match"] == "none":
                assert not re.search(r"\d+\.\d+", shown), (entry["id"], shown)
            else:
                assert shown.startswith(eq["since"]), (entry["id"], shown)


def test_every_package_says_what_it_does_on_a_stock_host(study_site):
    """Each package's section lists the kernel features it touches, or says it touches none."""
    page = study_site.rendered[routes.WORK_PACKAGES]
    for wp in study_site.model.work_packages:
        section = page[page.index(f"{{ #{wp['id']} }}"):]
        assert "**On which kernel features" in section[:section.find("\n## ", 1)], wp["id"]
# -- reference: error atlas and configuration keys ------------------------------------------

ATLAS_FAMILIES = {"vzmigrate": "MIG_ERR_", "libvzctl": "VZCTL_E_", "vcmmd": "VCMMD_ERROR_", "libprlsdk": "PRL_ERR_"}


def test_the_error_atlas_has_60_entries_each_cited_and_anchored(study_site):
    entries = study_site.model.errors
    assert len(entries) >= 60
    for entry in entries:
        # Every entry cites code at a pinned commit: a repository source with a path and lines.
        assert any("lines" in e and "path" in e for e in entry["evidence"]), entry["id"]
        page = study_site.rendered[routes.error_page(entry["component"])]
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
    for component in by_component:
        # One section per component, on its atlas page, with the heading anchor the index table links to.
        body = study_site.pages[routes.error_page(component)].body
        assert body.count(f"<!-- study:error-atlas {component} -->") == 1, component
        assert body.count(f"{{ #{operations.atlas_section(component)} }}") == 1, component


def test_the_configuration_pages_anchor_every_key_and_option(study_site):
    files = {k["file"] for k in study_site.model.config_keys}
    assert files == {"ct.conf", "vz.conf", "both", "vcmmd.conf"}
    for key in study_site.model.config_keys:
        page = study_site.rendered[routes.key_page(key["key"], key["file"])]
        assert f'<span id="{routes.key_anchor(key["key"])}"></span>' in page, key["key"]
    for option in study_site.model.prlctl_options:
        page = study_site.rendered[routes.option_page(option["option"], option["applies_to"] in ("ct", "both"))]
        assert f"`{option['option']}`" in page, option["option"]
        if option["applies_to"] in ("ct", "both"):
            assert f'<span id="{routes.option_anchor(option["option"])}"></span>' in page, option["option"]
            assert option.get("keys") or option.get("reach"), option["option"]
# -- the on-disk layout, the trust boundaries, the names --------------------------------------

def test_every_path_is_in_the_tree_and_has_an_entry(study_site):
    tree = study_site.rendered[routes.LAYOUT]
    for rec in study_site.model.paths:
        home = routes.path_page(rec["scope"])
        link = routes.url(routes.LAYOUT, home, routes.path_anchor(rec["id"])) if home != routes.LAYOUT else ""
        assert f'href="{link or "#" + routes.path_anchor(rec["id"])}"' in tree, rec["id"]
        assert f'<span id="{routes.path_anchor(rec["id"])}"></span>' in study_site.rendered[home], rec["id"]
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

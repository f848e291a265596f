"""The strict MkDocs build, and what the built HTML must and must not contain."""

from __future__ import annotations

import hashlib
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, copy_project, mkdocs_build, url_of

from study import routes, weight

pytestmark = pytest.mark.slow

SEED = ROOT / "seeds" / "000_6937d685244fb869.txt"
SEED_SHA256 = "533a66cc54a959966a9f29c97c1678d83d067c208f0d8da5f6ed07cb8012c090"

# Attributes through which a page makes the browser fetch something.
_FETCHING = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src",
             "video": "src", "embed": "src", "object": "data", "link": "href"}
_EXTERNAL = re.compile(r"^(https?:)?//", re.I)


class _Fetches(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") in ("canonical", "alternate", "prev", "next"):
            return  # navigational, never fetched
        attr = _FETCHING.get(tag)
        if attr and attrs.get(attr):
            self.urls.append(attrs[attr])
        if attrs.get("srcset"):
            self.urls += [part.split()[0] for part in attrs["srcset"].split(",")]


def _html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_of_the_build_path_is_built(site_dir, study_site):
    built = {p.parent.relative_to(site_dir).as_posix() + "/" for p in site_dir.rglob("index.html")}
    built = {"" if b == "./" else b for b in built}
    assert built == {url_of(p) for p in study_site.rendered}


def test_no_page_fetches_from_another_host(site_dir):
    offenders = []
    for page in _html_files(site_dir):
        parser = _Fetches()
        parser.feed(page.read_text(encoding="utf-8"))
        offenders += [f"{page.relative_to(site_dir)}: {u}" for u in parser.urls if _EXTERNAL.match(u)]
    for css in site_dir.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            if _EXTERNAL.match(url):
                offenders.append(f"{css.relative_to(site_dir)}: {url}")
    assert offenders == []


def test_fetch_detector_catches_an_external_script():
    parser = _Fetches()
    parser.feed('<script src="https://unpkg.com/x.js"></script><link rel="stylesheet" href="//cdn.example/x.css">')
    assert [u for u in parser.urls if _EXTERNAL.match(u)] == ["https://unpkg.com/x.js", "//cdn.example/x.css"]


def test_no_placeholder_or_shortcut_is_left(site_dir):
    def prose(page: Path) -> str:  # code may show the syntax on purpose
        return re.sub(r"<code>.*?</code>", "", page.read_text(encoding="utf-8"), flags=re.S)

    left = [p.relative_to(site_dir) for p in _html_files(site_dir)
            if re.search(r"<!-- study:|\[@[a-z]|\[claim:|\[component:|\[\^\d", prose(p))]
    assert left == []


def test_glossary_terms_become_tooltips_outside_headings(site_dir):
    html = (site_dir / "components" / "libvcmmd" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Virtual environment">VE</abbr>' in html
    for heading in re.findall(r"<h[1-6][^>]*>.*?</h[1-6]>", html, re.S):
        assert "<abbr" not in heading


def test_citations_are_footnotes_with_the_sources_at_the_end(site_dir):
    html = (site_dir / "architecture" / "kernel" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="footnote-ref"') > 20
    sources = html.index('id="sources"')
    assert html.index('<div class="footnote"') > sources
    assert "Code is cited at these commits:" in html[sources:]


def test_ledger_and_home_show_the_verdict_counts(site_dir, study_site):
    ledger = (site_dir / "seed" / "claims" / "index.html").read_text(encoding="utf-8")
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    for verdict in ("confirmed", "nuanced", "refuted", "unverified"):
        n = sum(1 for c in study_site.model.claims if c["verdict"] == verdict)
        pattern = rf'verdict-{verdict}">{verdict}</span></a> {n}\b'
        assert re.search(pattern, ledger), verdict
        assert re.search(pattern, home), verdict
    for claim in study_site.model.claims:
        assert f'id="{claim["id"]}"' in ledger


def test_seed_page_marks_every_claim(site_dir, study_site):
    html = (site_dir / "seed" / "index.html").read_text(encoding="utf-8")
    for claim in study_site.model.claims:
        assert re.search(rf'<a class="claim-mark" href="claims/#{claim["id"]}"', html), claim["id"]


def test_values_from_data_are_escaped(tmp_path):
    """One build with both payloads: data values in titles and tables, and a glossary tooltip."""
    project = copy_project(tmp_path)
    # Closing </title> first: a page title must not be able to leave its element.
    payload = '</title><script>alert("x")</script>'
    sources = project / "data" / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8").replace(
        'title: "OpenVZ Readme: What\'s New"', f"title: 'OpenVZ {payload} Readme'", 1), encoding="utf-8")
    comps = project / "data" / "components.yaml"
    text = comps.read_text(encoding="utf-8")
    comps.write_text(text.replace("    name: vcmmd\n", f"    name: 'vcmmd {payload}'\n", 1), encoding="utf-8")
    glossary = project / "data" / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + (
        "  - term: vzkernel 3.10\n"
        "    expansion: '<img src=x onerror=alert(1)>\"'\n"
        "    definition: A payload.\n"
        "    sources: [seed]\n"), encoding="utf-8")
    kernel = project / "docs" / "architecture" / "kernel.md"
    kernel.write_text(kernel.read_text(encoding="utf-8") + "\nThe vzkernel 3.10 line.\n", encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", project=project)
    assert result.returncode == 0, result.stderr
    for page in ("reference/bibliography/index.html", "components/index.html", "components/vcmmd/index.html"):
        html = (tmp_path / "site" / page).read_text(encoding="utf-8")
        assert "&lt;script&gt;alert(" in html, page
        assert "<script>alert(" not in html, page
        assert "</title><script>" not in html, page
    pages = [p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html")]
    assert not any("<img src=x" in html for html in pages)
    html = (tmp_path / "site" / "architecture" / "kernel" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="&lt;img src=x onerror=alert(1)&gt;&quot;">vzkernel 3.10</abbr>' in html


@pytest.mark.parametrize("edit, message", [
    (("data/components.yaml", "    sources: [vcmmd-7.0, libvzctl-7.0", "    sources: [vz-dox, vcmmd-7.0, libvzctl-7.0"),
     "data/components.yaml:{line}: components[2].sources[0]: unknown source 'vz-dox'"),
    (("docs/architecture/kernel.md", "# The kernel { #kernel }", "# The kernel { #kernel }\n\nSee [claim:C11]."),
     "docs/architecture/kernel.md:{line}: malformed shortcut"),
    (("docs/decisions/0004-target-the-open-noop-policy.md", "date: 2026-11-28", "date: 2026-99-99"),
     "docs/decisions/0004-target-the-open-noop-policy.md:3: date: no such day in the calendar: '2026-99-99'"),
    (("docs/architecture/index.md", "<!-- study:layer-map -->", "<!-- study:area-map nosuch -->"),
     "docs/architecture/index.md:6: study:area-map: unknown area 'nosuch'"),
])
def test_bad_input_stops_the_build_with_one_message(tmp_path, edit, message):
    project = copy_project(tmp_path)
    file, old, new = edit
    target = project / file
    text = target.read_text(encoding="utf-8")
    assert text.count(old) == 1
    # The expected line is where the edit lands, so moving the record does not break the test.
    line = text[: text.index(old)].count("\n") + 1 + new.count("\n")
    message = message.format(line=line)
    target.write_text(text.replace(old, new), encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", project=project)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith(("ERROR", "Error"))]
    assert len(errors) == 1 and message in errors[0], result.stderr
    assert "Traceback" not in result.stderr


def test_symlink_to_a_file_outside_the_repository_is_refused(tmp_path):
    project = copy_project(tmp_path)
    os.symlink("/etc/passwd", project / "docs" / "assets" / "passwd.txt")
    result = mkdocs_build(tmp_path / "site", project=project)
    assert result.returncode == 1
    expected = "ERROR   -  docs/assets/passwd.txt: symbolic links are not allowed in the docs folder"
    assert result.stderr.strip() == expected
    assert not (tmp_path / "site" / "assets" / "passwd.txt").exists()


def test_mkdocs_and_the_check_must_read_a_page_alike(tmp_path):
    """Front matter that MkDocs' own reader rejects would otherwise be published as text."""
    project = copy_project(tmp_path)
    page = project / "docs" / "context" / "faq.md"
    page.write_text("---\nreviewed: 2026-02-30\n---\n\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", project=project)
    assert result.returncode == 1
    assert "docs/context/faq.md: MkDocs read this page differently from the study's check" in result.stderr


def test_strict_build_fails_on_a_broken_link(tmp_path):
    """Guard: the build the other tests rely on really is strict."""
    project = copy_project(tmp_path)
    nav = project / "mkdocs.yml"
    nav.write_text(nav.read_text(encoding="utf-8").replace("      - reference/glossary.md\n",
                                                           "      - reference/glossary.md\n      - no-such-page.md\n"),
                   encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", project=project)
    assert result.returncode == 1
    assert "no-such-page.md" in result.stderr


def test_seed_is_kept_unchanged():
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == SEED_SHA256
    shared = ROOT.parent / "shared" / "seeds" / SEED.name
    if shared.exists():  # the team's copy, where it is reachable
        assert shared.read_bytes() == SEED.read_bytes()


def test_bibliography_anchors_every_source(site_dir, study_site):
    html = (site_dir / "reference" / "bibliography" / "index.html").read_text(encoding="utf-8")
    for source in study_site.model.sources:
        assert f'id="{routes.source_anchor(source["id"])}"' in html


class _Names(HTMLParser):
    """A page's H1, its <title>, and the label of its entry in the navigation."""

    def __init__(self):
        super().__init__()
        self.h1 = self.title = self.nav = ""
        self._in: list[str] = []
        self.link_texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "h1" or tag == "title":
            self._in.append(tag)
        elif tag == "a" and "md-nav__link--active" in classes:
            self._in.append("nav")
        elif tag == "a":
            self._in.append("a")

    def handle_endtag(self, tag):
        if self._in and (tag in ("h1", "title") or tag == "a"):
            self._in.pop()

    def handle_data(self, data):
        if not self._in:
            return
        kind = self._in[-1]
        if kind == "h1":
            self.h1 += data
        elif kind == "title":
            self.title += data
        elif kind == "nav":
            self.nav += data
        else:
            self.link_texts.append(data.strip())


def _names(path: Path) -> _Names:
    parser = _Names()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_page_has_one_name(site_dir, study_site):
    """The heading, the sidebar entry and the window title name a page alike (the home page is the site)."""
    mismatched = []
    for path, title in study_site.titles.items():
        if path == "index.md":
            continue
        names = _names(site_dir / url_of(path) / "index.html")
        h1 = " ".join(names.h1.replace("¶", "").split())
        nav = " ".join(names.nav.split())
        if not (h1 == nav == title and names.title.startswith(f"{title} - ")):
            mismatched.append(f"{path}: heading {h1!r}, sidebar {nav!r}, data {title!r}, title {names.title!r}")
    assert mismatched == []


def test_index_pages_name_their_pages_alike(study_site):
    flows_index = study_site.rendered[routes.FLOWS]
    for flow in study_site.model.flows:
        assert f"[{flow['title']}](" in flows_index
    components_index = study_site.rendered[routes.COMPONENTS]
    for comp in study_site.model.components:
        assert f"[{comp['name']}](" in components_index, comp["id"]


def test_link_texts_are_titles_not_file_names(site_dir):
    offenders = []
    for page in _html_files(site_dir):
        offenders += [f"{page.relative_to(site_dir)}: {t}" for t in _names(page).link_texts if t.endswith(".md")]
    assert offenders == []


def test_search_index_is_lean(site_dir):
    index = site_dir / "search" / "search_index.json"
    assert index.stat().st_size <= 300_000
    text = index.read_text(encoding="utf-8")
    assert "Administratoractor" not in text and "<svg" not in text, "no figure text in the index"


def test_every_first_load_stays_under_the_weight_target(site_dir):
    loads = {p.relative_to(site_dir).as_posix(): weight.first_load(site_dir, p).bytes(site_dir)
             for p in site_dir.rglob("index.html")}
    assert len(loads) > 80
    over = {page: size for page, size in loads.items() if size > weight.TARGET_BYTES}
    assert not over, f"over {weight.TARGET_BYTES:,} bytes on a cold first load: {over}"

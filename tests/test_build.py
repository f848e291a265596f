"""The strict build, and what the built HTML must and must not contain."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from conftest import ROOT, mkdocs_build
from pages import page_urls

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


def test_every_expected_page_is_built(site_dir):
    built = {p.parent.relative_to(site_dir).as_posix() + "/" for p in site_dir.rglob("index.html")}
    built = {"" if b == "./" else b for b in built}
    assert built == set(page_urls())


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


def test_no_placeholder_is_left(site_dir):
    left = [p.relative_to(site_dir) for p in _html_files(site_dir) if "<!-- study:" in p.read_text(encoding="utf-8")]
    assert left == []


def test_glossary_terms_become_tooltips(site_dir):
    html = (site_dir / "components" / "libvcmmd" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<abbr title="Virtual environment">VE</abbr>', html)


def _copy_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data


def test_values_from_data_are_escaped(tmp_path):
    data = _copy_data(tmp_path)
    # Closing </title> first: a page title must not be able to leave its element.
    payload = '</title><script>alert("x")</script>'
    sources = data / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    text = text.replace('title: "OpenVZ Readme: What\'s New"', f"title: 'OpenVZ {payload} Readme'", 1)
    sources.write_text(text, encoding="utf-8")
    comps = data / "components.yaml"
    comps.write_text(comps.read_text(encoding="utf-8").replace("    name: vcmmd\n", f"    name: 'vcmmd {payload}'\n", 1),
                     encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(site, str(data))
    assert result.returncode == 0, result.stderr
    for page in ("reference/bibliography/index.html", "components/index.html", "components/vcmmd/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert "&lt;script&gt;alert(" in html, page
        assert "<script>alert(" not in html, page
        assert "</title><script>" not in html, page


def test_bad_data_stops_the_build_with_one_message(tmp_path):
    data = _copy_data(tmp_path)
    comps = data / "components.yaml"
    lines = comps.read_text(encoding="utf-8").splitlines()
    # The first component's source list, written as a flow list: add an unknown id.
    at = next(i for i, line in enumerate(lines) if line.startswith("    sources: ["))
    lines[at] = lines[at].replace("]", ", vz-dox]")
    comps.write_text("\n".join(lines) + "\n", encoding="utf-8")
    index = sum(1 for line in lines[:at] if line.startswith("  - id: ")) - 1
    count = lines[at].count(",")
    result = mkdocs_build(tmp_path / "site", str(data))
    assert result.returncode == 1
    expected = f"{data}/components.yaml:{at + 1}: components[{index}].sources[{count}]: unknown source 'vz-dox'"
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_strict_build_fails_on_a_broken_link(tmp_path):
    """Guard: the build the other tests rely on really is strict."""
    import shutil as sh
    project = tmp_path / "p"
    sh.copytree(ROOT, project, ignore=sh.ignore_patterns(".venv*", "site", ".git", "__pycache__"))
    page = project / "docs" / "reference" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[broken](no-such-page.md)\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "s")],
                            cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 1
    assert "no-such-page.md" in result.stderr


def test_seed_is_kept_unchanged():
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == SEED_SHA256
    shared = ROOT.parent / "shared" / "seeds" / SEED.name
    if shared.exists():  # the team's copy, where it is reachable
        assert shared.read_bytes() == SEED.read_bytes()

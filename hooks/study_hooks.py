"""MkDocs hooks: connect the study's one build path to MkDocs' events.

Thin on purpose. `study.build.load_site()` does all the work once per build,
in `on_config`; the other hooks only hand its results to MkDocs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# `mkdocs serve` re-imports this file on every rebuild; drop the cached study
# modules too, so edits to the package show up without a restart.
for _name in [m for m in sys.modules if m == "study" or m.startswith("study.")]:
    del sys.modules[_name]

from study import build, htmlfix, reproducible, searchindex
from study.errors import DataError

# The site of the current build, set once in on_config (MkDocs gives hooks no
# other place to keep it between events).
SITE: build.Site | None = None


def on_config(config, **kwargs):
    global SITE
    # MkDocs dates the sitemap from SOURCE_DATE_EPOCH when it is set; pin it to
    # the last commit so that two builds of one commit are byte-identical.
    os.environ.setdefault("SOURCE_DATE_EPOCH", reproducible.commit_epoch(ROOT))
    docs = Path(config["docs_dir"]).resolve().relative_to(ROOT).as_posix()
    try:
        # STUDY_DATA lets tests build the site from another data folder.
        SITE = build.load_site(ROOT, os.environ.get("STUDY_DATA", "data"), docs)
    except DataError as err:
        raise PluginError(str(err)) from None  # one line, exit code 1
    config["nav"] = build.nav(SITE, config["nav"])
    return config


@event_priority(100)  # before any plugin indexes files, so generated pages are seen
def on_files(files, config, **kwargs):
    assert SITE is not None
    for path, content in SITE.generated.items():
        files.append(File.generated(config, path, content=SITE.front.get(path, "") + content))
    for path, content in SITE.files.items():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
    assert SITE is not None
    path = page.file.src_uri
    expected = SITE.pages[path].body if path in SITE.pages else SITE.generated[path]
    if markdown != expected:
        raise PluginError(f"{SITE.label(path)}: MkDocs read this page differently from the study's check "
                          "(front matter?); both must see the same text")
    if path in SITE.search_boost:
        page.meta["search"] = {**(page.meta.get("search") or {}), "boost": SITE.search_boost[path]}
    return SITE.rendered[path]


def on_page_content(html, page, config, files, **kwargs):
    assert SITE is not None
    return htmlfix.keep_citations_out_of_search(htmlfix.add_tooltips(html, dict(SITE.tooltips)))


def on_post_page(output, page, config, **kwargs):
    return htmlfix.collapse_blank_space(htmlfix.label_search_dialog(output))


def on_post_template(output, template_name, config, **kwargs):
    if template_name != "404.html":
        return output
    return htmlfix.collapse_blank_space(htmlfix.label_search_dialog(output))


def on_post_build(config, **kwargs):
    assert SITE is not None
    index = Path(config["site_dir"]) / "search" / "search_index.json"
    if index.exists():
        index.write_text(searchindex.compact(index.read_text(encoding="utf-8"), SITE.search_names), encoding="utf-8")


def on_serve(server, config, builder, **kwargs):
    for folder in ("data", "study", "seeds", "benchmarks", "review"):
        server.watch(str(ROOT / folder))
    return server

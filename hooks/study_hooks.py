"""MkDocs hooks: load the data, add generated pages, expand placeholders.

Thin on purpose. All logic lives in the `study` package, where it is tested
without MkDocs; these functions only connect it to MkDocs events.
"""

from __future__ import annotations

import json
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

from study import export, htmlfix, reproducible, site  # noqa: E402
from study.errors import DataError  # noqa: E402
from study.model import load_model  # noqa: E402
from study.render import seed  # noqa: E402

_site: site.Site | None = None


def _fail(err: DataError):
    # PluginError prints just the message; the build stops with exit code 1.
    raise PluginError(str(err)) from None


def on_config(config, **kwargs):
    global _site
    # MkDocs dates the sitemap from SOURCE_DATE_EPOCH when it is set; pin it to
    # the last commit so that two builds of one commit are byte-identical.
    os.environ.setdefault("SOURCE_DATE_EPOCH", reproducible.commit_epoch(ROOT))
    try:
        # STUDY_DATA lets tests build the site from another data folder.
        model = load_model(ROOT, os.environ.get("STUDY_DATA", "data"))
        seed_text = (ROOT / seed.SEED_FILE).read_text(encoding="utf-8")
        seed.check(seed_text, model)
    except DataError as err:
        _fail(err)
    _site = site.Site(model, seed_text)
    bench = ROOT / "benchmarks" / "latest.json"
    _site.benchmark = json.loads(bench.read_text(encoding="utf-8")) if bench.exists() else None
    config["nav"] = site.nav_with_generated(config["nav"], model)
    return config


@event_priority(100)  # before any plugin indexes files, so generated pages are seen
def on_files(files, config, **kwargs):
    written = {f.src_uri: f.content_string for f in files.documentation_pages()}
    try:
        _site.titles = site.page_titles(written)
        _site.written = set(written)
        _site.decisions = site.read_decisions({p: t for p, t in written.items() if p.startswith("decisions/")})
        for path, content in site.generated_pages(_site).items():
            files.append(File.generated(config, path, content=content))
        # The machine-readable export, published next to the pages.
        files.append(File.generated(config, export.EXPORT_FILE, content=export.model_json(_site.model)))
        files.append(File.generated(config, export.SCHEMA_FILE, content=export.model_schema()))
        site.check_pages(_site.model, {f.src_uri for f in files.documentation_pages()})
    except DataError as err:
        _fail(err)
    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
    try:
        markdown = site.expand(markdown, page.file.src_uri, _site)
    except DataError as err:
        _fail(err)
    return site.with_abbreviations(markdown, _site.model)


def on_post_page(output, page, config, **kwargs):
    return htmlfix.label_search_dialog(output)


def on_post_template(output, template_name, config, **kwargs):
    return htmlfix.label_search_dialog(output) if template_name == "404.html" else output


def on_serve(server, config, builder, **kwargs):
    for folder in ("data", "study", "seeds", "benchmarks"):
        server.watch(str(ROOT / folder))
    return server

"""The one build path: everything the site is made of, loaded, checked and rendered.

`load_site()` reads and validates the data, reads the hand-written pages,
generates the pages that exist only as data, expands every page, and checks
what no single file can check alone: that generated pages do not replace
written ones, that every link from data or prose lands on a page and anchor
that exists, and that no page defines an id twice. The MkDocs hooks, the
command line (`python -m study validate`), the benchmark and the tests all
call it, so "valid" means the same everywhere.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from study import anchors, export, routes
from study import decisions as adr
from study.diagrams.figure import STANDALONE_DIR
from study.errors import DataError, shown
from study.expand import PageContext, expand
from study.model import Model, load_model
from study.pages import Page, read_pages
from study.placeholders import EXPANDERS
from study.render import claims, components, flows, reference
from study.schema import AREAS

BENCHMARK = "benchmarks/latest.json"
LAYOUTS = "benchmarks/layouts.json"  # scripts/compare_layouts.py: the measurements behind decision 0007
_EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


@dataclass(frozen=True)
class Site:
    """Everything one build publishes, fixed once assembled."""

    model: Model
    pages: Mapping[str, Page]  # hand-written pages by docs path
    decisions: tuple[adr.Decision, ...] = ()
    benchmark: Mapping[str, Any] | None = None
    generated: Mapping[str, str] = field(default_factory=dict)  # docs path -> Markdown source
    front: Mapping[str, str] = field(default_factory=dict)  # generated docs path -> its front matter
    titles: Mapping[str, str] = field(default_factory=dict)  # every page -> its title
    rendered: Mapping[str, str] = field(default_factory=dict)  # every page -> final Markdown
    files: Mapping[str, str] = field(default_factory=dict)  # other generated files -> content
    docs_label: str = "docs"
    docs_root: Path = Path("docs")
    tooltips: Mapping[str, str] = field(default_factory=dict)  # glossary term -> tooltip text
    layouts: Mapping[str, Any] | None = None  # the layout engines compared (benchmarks/layouts.json)
    search_boost: Mapping[str, float] = field(default_factory=dict)  # docs path -> Material's search boost
    search_names: frozenset[str] = frozenset()  # the names the search index keeps (study.searchindex)

    def label(self, path: str) -> str:
        return f"{self.docs_label}/{path}" + ("" if path in self.pages else " (generated)")


# A component's own page should come first when a reader searches for its name;
# other pages mention the name more often (Material's front-matter search boost).
# The theme's search ignores field length, so "ploop" would tie with "ploop kernel
# driver": a page whose name has fewer words gets more, as a length norm would give.
COMPONENT_SEARCH_BOOST = 4.0


def component_search_boost(name: str) -> float:
    return COMPONENT_SEARCH_BOOST * (1 + 1 / len(re.findall(r"\w+", name)))

# The names the study documents, as the search index keeps them: the record fields that name a thing
# (an error's message too: a reader pastes it into the search box).
_NAMING_FIELDS = {"components": ("id", "name"), "glossary": ("term",), "config_keys": ("key",),
                  "prlctl_options": ("option",), "paths": ("path",), "errors": ("code", "text"),
                  "kernel_interfaces": ("name",), "actors": ("name",)}


def documented_names(model: Model) -> frozenset[str]:
    """Every word of every name in _NAMING_FIELDS, lower-cased."""
    words: set[str] = set()
    for collection, fields in _NAMING_FIELDS.items():
        for record in getattr(model, collection):
            for name in fields:
                words.update(w for w in re.split(r"[^\w]+", str(record.get(name, "")).lower()) if len(w) > 1)
    return frozenset(words)


# Flow pages are read with their figures at the column's full width: no table of contents.
FLOW_FRONT = "---\nhide:\n  - toc\n---\n\n"


def generated_pages(model: Model, written: Mapping[str, Page]) -> dict[str, tuple[str, str]]:
    """Pages that exist only as data: docs path -> (title, Markdown with placeholders)."""
    pages = {
        routes.BIBLIOGRAPHY: (reference.BIBLIOGRAPHY_TITLE, reference.BIBLIOGRAPHY_TEMPLATE),
        routes.GLOSSARY: (reference.GLOSSARY_TITLE, reference.GLOSSARY_TEMPLATE),
        routes.LEDGER: (claims.TITLE, claims.PAGE_TEMPLATE),
    }
    for flow in model.flows:
        pages[routes.flow(flow["id"])] = (flow["title"], flows.page_template(flow))
    for comp in model.components:
        if routes.component(comp["id"]) not in written:  # else its explanation page embeds the facts
            pages[routes.component(comp["id"])] = (comp["name"], components.page_template(comp))
    return pages


def _check_no_replacement(model: Model, written: Mapping[str, Page], label: str) -> None:
    """A record's generated page may not take the place of a hand-written one."""
    for i, flow in enumerate(model.flows):
        path = routes.flow(flow["id"])
        if path in written:
            raise DataError(f"{label}/flows.yaml", flow.line_of("id"), f"flows[{i}].id",  # type: ignore[attr-defined]
                            f"its page would replace the hand-written {path}; choose another id")
    for i, comp in enumerate(model.components):
        page = written.get(routes.component(comp["id"]))
        if page is not None and "<!-- study:component-summary" not in page.body:
            raise DataError(f"{label}/components.yaml", comp.line_of("id"), f"components[{i}].id",  # type: ignore[attr-defined]
                            f"{page.path} is a hand-written page that is not this component's explanation "
                            "(it has no component-summary placeholder); choose another id")
    for path in (routes.BIBLIOGRAPHY, routes.GLOSSARY, routes.LEDGER):
        if path in written:
            raise DataError(written[path].label, 1, "", "this page is generated from data; remove the file")


def render_page(site: Site, path: str) -> str:
    """A page's final Markdown, as the site publishes it."""
    if path in site.pages:
        page = site.pages[path]
        ctx = PageContext(site, path, page.label)
        return expand(page.body, ctx, EXPANDERS, page.body_line)
    ctx = PageContext(site, path, site.label(path))
    return expand(site.generated[path], ctx, EXPANDERS)


def _check_anchors(site: Site, ids: Mapping[str, list[str]]) -> None:
    for path, found in ids.items():
        repeated = [i for n, i in enumerate(found) if i in found[:n]]
        if repeated:
            raise DataError(site.label(path), 0, "",
                            f"the anchor '#{shown(repeated[0])}' is defined twice on this page")


def _resolve(page: str, target: str) -> tuple[str, str]:
    """(docs path, anchor) of a link written on `page`."""
    path, _, anchor = target.partition("#")
    if not path:
        return page, anchor
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path)), anchor


def _link_problem(site: Site, page: str, target: str, ids: Mapping[str, set[str]]) -> str:
    path, anchor = _resolve(page, target)
    if path.startswith("../") or path == "..":
        return f"link '{shown(target)}' leaves the docs folder"
    if path.endswith(".md"):
        if path not in site.rendered:
            return f"link '{shown(target)}' points to no page ({path} does not exist)"
        if anchor and anchor not in ids[path]:
            return f"link '{shown(target)}': {path} has no anchor '#{shown(anchor)}'"
        return ""
    if path not in site.files and not (site.docs_root / path).is_file():
        return f"link '{shown(target)}' points to no file"
    return ""


def _check_links(site: Site, found: Mapping[str, list[str]]) -> None:
    ids = {path: set(names) for path, names in found.items()}
    for pending in site.model.page_links:
        path, _, anchor = str(pending.value).partition("#")
        if path not in site.rendered:
            raise pending.error(f"no such page '{path}'")
        if anchor and anchor not in ids[path]:
            raise pending.error(f"{path} has no anchor '#{shown(anchor)}'")
    for path, markdown in site.rendered.items():
        for _, target in anchors.raw_md_links(markdown):
            raise DataError(site.label(path), 0, "", f"raw HTML link to '{shown(target)}': MkDocs does not rewrite "
                            "links in HTML; write a Markdown link")
    for path, page in site.pages.items():
        for offset, target in anchors.links(page.body):
            if _EXTERNAL.match(target):
                continue
            problem = _link_problem(site, path, target, ids)
            if problem:
                raise page.error(offset, problem)


def _check_claims_discussed(site: Site) -> None:
    """A page that a claim names as discussing it must mention the claim."""
    for pending in site.model.page_links:
        found = re.match(r"claims\[(\d+)\]", pending.path)
        if not found:
            continue
        claim = site.model.claims[int(found.group(1))]
        path = str(pending.value).partition("#")[0]
        page = site.pages.get(path)
        body = page.body if page else site.generated.get(path, "")
        if f"[claim:{claim['id']}]" not in body:
            raise pending.error(f"{path} does not mention [claim:{claim['id']}]")


_SVG = re.compile(r'<svg class="study-diagram[^"]*" id="([^"]+)".*?</svg>', re.S)
DIAGRAM_CSS = "assets/stylesheets/diagrams.css"


def standalone_figures(rendered: Mapping[str, str], css: str) -> dict[str, str]:
    """A full-size SVG file of every figure, with the diagram styles inside it."""
    files: dict[str, str] = {}
    for path, markdown in sorted(rendered.items()):
        for found in _SVG.finditer(markdown):
            name = f"{STANDALONE_DIR}/{found.group(1)}.svg"
            opening = found.group(0).index(">") + 1
            doc = ('<?xml version="1.0" encoding="UTF-8"?>\n' + found.group(0)[:opening]
                   + f"<style><![CDATA[{css}]]></style>" + found.group(0)[opening:] + "\n")
            if files.setdefault(name, doc) != doc:
                raise DataError(path, 0, "", f"two different figures share the id '{found.group(1)}'")
    return files


def _benchmark(path: Path) -> Mapping[str, Any] | None:
    if not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise DataError(path.name, 0, "", f"not readable JSON ({err})") from None


def load_site(root: Path, data_dir: str = "data", docs_dir: str = "docs", benchmark: str | None = BENCHMARK) -> Site:
    """Load, check and render the whole site; DataError names the first problem."""
    model = load_model(root, data_dir)
    written = read_pages(root / docs_dir, docs_dir)
    _check_no_replacement(model, written, data_dir)
    decisions = tuple(adr.read(p) for path, p in written.items() if adr.FILE_NAME.match(path))
    made = generated_pages(model, written)
    generated = {path: text for path, (_, text) in made.items()}
    # A hand-written component page gets its heading from the component summary, so from the data.
    named = {routes.component(c["id"]): c["name"] for c in model.components}
    titles = ({path: p.title or named.get(path, "") for path, p in written.items()}
              | {path: title for path, (title, _) in made.items()})
    front = {routes.flow(f["id"]): FLOW_FRONT for f in model.flows}
    site = Site(model, written, decisions, _benchmark(root / benchmark) if benchmark else None, generated, front,
                titles,
                files={export.EXPORT_FILE: export.model_json(model), export.SCHEMA_FILE: export.model_schema()},
                docs_label=docs_dir, docs_root=root / docs_dir, tooltips=reference.tooltips(model),
                layouts=_benchmark(root / LAYOUTS) if benchmark else None,
                search_boost={routes.component(c["id"]): component_search_boost(c["name"]) for c in model.components},
                search_names=documented_names(model))
    rendered = {path: render_page(site, path) for path in sorted(set(written) | set(generated))}
    stylesheet = root / docs_dir / DIAGRAM_CSS
    css = stylesheet.read_text(encoding="utf-8") if stylesheet.is_file() else ""
    site = replace(site, rendered=rendered, files={**site.files, **standalone_figures(rendered, css)})
    ids = {path: anchors.anchor_list(markdown) for path, markdown in rendered.items()}
    _check_anchors(site, ids)
    _check_links(site, ids)
    _check_claims_discussed(site)
    return site


def nav(site: Site, configured: list[Any]) -> list[Any]:
    """The configured nav plus the generated pages, each in its section."""
    by_area = [{area.capitalize(): [{html.escape(c["name"]): routes.component(c["id"])}
                                    for c in site.model.components if c["area"] == area]}
               for area in AREAS if any(c["area"] == area for c in site.model.components)]
    additions: dict[str, list[Any]] = {
        routes.SEED: [{"Claim ledger": routes.LEDGER}],
        # Nav titles reach the HTML unescaped (MkDocs templates do not autoescape).
        routes.COMPONENTS: by_area,
        routes.FLOWS: [{html.escape(f["title"]): routes.flow(f["id"])} for f in site.model.flows],
    }

    def walk(items: list[Any]) -> list[Any]:
        out = []
        for item in items:
            if isinstance(item, dict):
                item = {k: walk(v) if isinstance(v, list) else v for k, v in item.items()}
            out.append(item)
            if isinstance(item, str) and item in additions:
                out.extend(additions[item])
        return out

    return walk(configured)

"""Every docs path and anchor the study generates or links to, in one place.

Render modules ask here where a page lives and what its anchors are called,
instead of spelling paths themselves; the collision checks in
``study.pages`` read the same tables.
"""

from __future__ import annotations

import functools
import posixpath
import re

HOME = "index.md"
SEED = "seed/index.md"
LEDGER = "seed/claims.md"
ARCHITECTURE = "architecture/index.md"
COMPONENTS = "components/index.md"
FLOWS = "flows/index.md"
PLANNING = "planning/index.md"
BUILDABILITY = "planning/buildability.md"
WORK_PACKAGES = "planning/work-packages.md"
STOCK_KERNEL = "planning/stock-kernel.md"
START = "planning/start.md"
QUALITY = "planning/quality.md"
DECISIONS = "decisions/index.md"
BIBLIOGRAPHY = "reference/bibliography.md"
GLOSSARY = "reference/glossary.md"
DATA_MODEL = "reference/data.md"
BUILDING_BLOCKS = "architecture/containers.md"
# Where each area is explained; a box that stands for a whole area links there.
AREA_PAGES = {
    "platform": "architecture/kernel.md", "management": "architecture/management.md",
    "compute": "architecture/management.md", "memory": "architecture/memory.md",
    "storage": "architecture/storage.md", "migration": "architecture/migration.md",
    "patching": "architecture/patching.md",
}
ERRORS = "reference/errors.md"
ERRORS_LIBRARIES = "reference/errors-libraries.md"  # the atlas's second page, which keeps each page light
MIGRATION_ERRORS = ("vzmigrate", "p.haul")  # the components whose entries stay on the atlas's first page
CONFIGURATION = "reference/configuration.md"
# A container's keys and prlctl's options fill two pages each, split by initial letter: on one
# page each, their citations made the configuration reference weigh over a megabyte.
CONTAINER_KEYS = ("reference/container-keys-a-l.md", "reference/container-keys-m-z.md")
PRLCTL_OPTIONS = ("reference/prlctl-set-a-l.md", "reference/prlctl-set-m-z.md")
OTHER_PRLCTL_OPTIONS = "reference/prlctl-set-other.md"
LAYOUT = "reference/layout.md"
CONTAINER_PATHS = "reference/container-paths.md"  # a page of its own: with them the layout page weighed too much
SECURITY = "architecture/security.md"
NAMES = "context/names.md"

# Folders whose pages are one per record: a record id becomes a file name there.
COMPONENT_DIR = "components"
FLOW_DIR = "flows"


def component(ident: str) -> str:
    return f"{COMPONENT_DIR}/{ident}.md"


def flow(ident: str) -> str:
    return f"{FLOW_DIR}/{ident}.md"


def component_id(page: str) -> str | None:
    """The component a page under components/ is about, from its file name."""
    folder, _, name = page.rpartition("/")
    return name.removesuffix(".md") if folder == COMPONENT_DIR and name.endswith(".md") else None


# -- anchors ------------------------------------------------------------------

def source_anchor(source_id: str) -> str:
    return f"src-{source_id}"


def slug(value: str) -> str:
    """A stable anchor id from a term."""
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")


def term_anchor(term: str) -> str:
    return "term-" + slug(term)


def claim_anchor(claim_id: str) -> str:
    return claim_id


def step_anchor(number: int) -> str:
    return f"step-{number}"


def error_anchor(entry_id: str) -> str:
    return f"err-{entry_id}"


def key_anchor(key: str) -> str:
    return "key-" + slug(key)


def option_anchor(option: str) -> str:
    return "opt-" + slug(option)
def path_anchor(path_id: str) -> str:
    return f"path-{path_id}"


def error_page(component_id: str) -> str:
    """The atlas page that holds a component's entries."""
    return ERRORS if component_id in MIGRATION_ERRORS else ERRORS_LIBRARIES


def _half(name: str, pages: tuple[str, str]) -> str:
    """The first page for names from A to L (letters after any leading dashes), the second for the rest."""
    return pages[0] if name.lstrip("-")[:1].upper() <= "L" else pages[1]


def key_page(key: str, file: str) -> str:
    """The page that lists a configuration key of that file (ct.conf, vz.conf, both or vcmmd.conf)."""
    return _half(key, CONTAINER_KEYS) if file == "ct.conf" else CONFIGURATION


def option_page(option: str, for_containers: bool) -> str:
    """The page that lists a prlctl set option; those that do not reach a container have a page of their own."""
    return _half(option, PRLCTL_OPTIONS) if for_containers else OTHER_PRLCTL_OPTIONS


def path_page(scope: str) -> str:
    """The page that holds the entries of a path scope (container, vm or host)."""
    return CONTAINER_PATHS if scope == "container" else LAYOUT


def entry_anchor(entry_id: str) -> str:
    return f"ep-{entry_id}"


PROVIDES = "provides"  # the interfaces section of a component page


@functools.lru_cache(maxsize=8192)
def relative(from_page: str, to_page: str, anchor: str = "") -> str:
    """Link target from one docs page to another (both docs-relative .md paths)."""
    base = posixpath.dirname(from_page)
    rel = posixpath.relpath(to_page, base or ".")
    return f"{rel}#{anchor}" if anchor else rel


# -- URLs of built pages ----------------------------------------------------------
# Links inside raw HTML (figures) are not rewritten by MkDocs, so they are written
# as the URLs the pages get: one folder per page (use_directory_urls).

def url_path(page: str) -> str:
    """The URL path of a docs page, e.g. 'architecture/kernel/' for architecture/kernel.md."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


def root(from_page: str) -> str:
    """The relative URL from a page to the site's root."""
    return "../" * url_path(from_page).count("/")


def url(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative URL from one built page to another."""
    target = root(from_page) + url_path(to_page)
    return (target or "./") + (f"#{anchor}" if anchor else "")

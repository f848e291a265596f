"""The on-disk layout: the paths as a tree, and one sourced entry per path.

The tree is the file system's: each listed path hangs under the nearest listed
directory above it (the validator insists on that), and directories that are
not listed themselves, such as `/var/log`, appear as plain names so that the
branches still read as paths. It is a nested list, not a drawing, so it
reflows on a phone and every name stays text at the page's size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from study import routes
from study.diagrams.text import esc
from study.records import HostPath
from study.render import md
from study.render.cite import Refs
from study.render.components import link as component_link

Model = Any
SCOPE_TITLES = {"container": "Containers", "vm": "Virtual machines", "host": "The host and its services"}


@dataclass
class TreeNode:
    """One name in the tree: a listed path, or a directory on the way to one."""

    label: str
    path: HostPath | None = None
    children: dict[str, TreeNode] = field(default_factory=dict)


def _insert(top: TreeNode, relative: str, rec: HostPath) -> None:
    node = top
    for part in relative.split("/"):
        node = node.children.setdefault(part, TreeNode(part))
    node.path = rec


def _compress(node: TreeNode) -> TreeNode:
    """Unlisted directories with one child merge into it: `private/<CTID>`, not `private` then `<CTID>`."""
    node.children = {k: _compress(v) for k, v in node.children.items()}
    if node.path is None and len(node.children) == 1:
        (child,) = node.children.values()
        return TreeNode(f"{node.label}/{child.label}", child.path, child.children)
    return node


def tree(model: Model) -> list[TreeNode]:
    """The top-level names (each starting with '/'), with every listed path below them."""
    kids: dict[str, list[HostPath]] = {}
    for rec in model.paths:
        kids.setdefault(rec.get("parent", ""), []).append(rec)

    def grow(parent: HostPath | None) -> TreeNode:
        node = TreeNode("", parent)
        base = parent["path"] if parent else ""
        for rec in kids.get(parent["id"] if parent else "", []):
            _insert(node, rec["path"][len(base) + 1:], rec)
        for child in _walk(node):
            if child.path is not None and child.path is not parent:
                child.children.update(grow(child.path).children)
        return node

    top = grow(None)
    return [_compress(TreeNode("/" + n.label, n.path, n.children)) for n in top.children.values()]


def _walk(node: TreeNode) -> list[TreeNode]:
    out = []
    for child in node.children.values():
        out += [child, *_walk(child)]
    return out


def _is_directory(node: TreeNode) -> bool:
    return bool(node.children) or (node.path is not None and node.path["format"].startswith("directory"))


def _entry_url(page: str, rec: HostPath) -> str:
    """Where a path's entry is, from the figure on `page` (raw HTML: a built page's URL)."""
    target, anchor = routes.path_page(rec["scope"]), routes.path_anchor(rec["id"])
    return f"#{anchor}" if target == page else routes.url(page, target, anchor)


def _item(node: TreeNode, page: str) -> str:
    name = esc(node.label + ("/" if _is_directory(node) else ""))
    if node.path is not None:
        label = f'<a class="study-tree-label" href="{esc(_entry_url(page, node.path))}"><code>{name}</code></a>'
    else:
        label = f'<span class="study-tree-label study-tree-dir"><code>{name}</code></span>'
    inner = "".join(_item(c, page) for c in node.children.values())
    return f"<li>{label}" + (f"<ul>{inner}</ul>" if inner else "") + "</li>"


def _size(node: TreeNode) -> int:
    return 1 + sum(_size(c) for c in node.children.values())


def columns(top: list[TreeNode]) -> list[list[TreeNode]]:
    """The top-level names in order, in two columns (side by side on a desktop) whose longer one is shortest."""
    sizes = [_size(n) for n in top]
    if len(top) < 2:
        return [top]
    split = min(range(1, len(top)), key=lambda k: max(sum(sizes[:k]), sum(sizes[k:])))
    return [top[:split], top[split:]]


def tree_figure(model: Model, number: int, page: str = routes.LAYOUT) -> str:
    """The tree as a numbered figure: nested lists, each listed name a link to its entry."""
    lists = "".join(f'<ul class="study-tree">{"".join(_item(n, page) for n in col)}</ul>'
                    for col in columns(tree(model)))
    caption = (f"The {len(model.paths)} paths of an OpenVZ 7.0 host as one tree; names in angle brackets vary, "
               "and each listed name opens its entry.")
    return "\n".join(['<figure class="study-figure study-tree-figure">',
                      f'<div class="study-scroll" tabindex="0" role="region" aria-label="Figure {number}">'
                      f'<div class="study-tree-columns">{lists}</div></div>',
                      f"<figcaption>Figure {number}: {esc(caption)}</figcaption>", "</figure>"])


def _names(refs: Refs, ids: list[str]) -> str:
    return ", ".join(component_link(refs.page, refs.model.get("components", c)) for c in ids) or "none"


def _entry(refs: Refs, rec: HostPath) -> str:
    who = [f"**Owner** {_names(refs, [rec['owner']])}", f"**read by** {_names(refs, rec.get('readers', []))}",
           f"**written by** {_names(refs, rec.get('writers', []))}"]
    if rec.get("others"):
        who.append(f"**also** {md.rich(rec['others'])}")
    facts = [f"**Format** {md.rich(rec['format'])}", f"**Lifetime** {md.rich(rec['lifetime'])}"]
    term = f'<span id="{routes.path_anchor(rec["id"])}"></span>{md.code(rec["path"])}'
    return "\n".join([term, f":   {md.rich(rec['description'])}", "",
                      f"    {' · '.join(who)}", "", f"    {' · '.join(facts)}{refs.evidence(rec['evidence'])}"])


def entries(refs: Refs, scope: str) -> str:
    """The entries of one scope (container, vm or host), in data order, as a definition list."""
    if scope not in SCOPE_TITLES:
        raise ValueError(f"unknown scope '{scope}' (expected one of: {', '.join(SCOPE_TITLES)})")
    chosen = [rec for rec in refs.model.paths if rec["scope"] == scope]
    return "\n\n".join(_entry(refs, rec) for rec in chosen) + "\n"

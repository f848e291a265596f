"""The hand-written pages under docs/: read safely, split from their front matter.

MkDocs reads the same files; the build checks that the body it hands to the
hooks is the body found here, so the quick check and the build see one text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from study.errors import DataError
from study.yamlsrc import line_at, read_file

# As MkDocs finds front matter (mkdocs.utils.meta.YAML_RE).
_FRONT = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
# A first line MkDocs would take for MultiMarkdown metadata and drop.
_MULTIMARKDOWN_META = re.compile(r"^[ ]{0,3}[A-Za-z0-9_-]+:\s")
_H1 = re.compile(r"^# (.+?)(?:\s*\{[^}]*\})?\s*$", re.M)
# Files that MkDocs copies as they are: stylesheets and images.
ASSET_SUFFIXES = (".css", ".svg", ".png", ".jpg", ".ico", ".txt", ".json")


@dataclass(frozen=True)
class Page:
    """One hand-written page."""

    path: str  # docs-relative, e.g. "architecture/kernel.md"
    label: str  # how messages name it, e.g. "docs/architecture/kernel.md"
    meta: dict[str, Any]  # plain values, or a mapping of plain values (e.g. search: {exclude: "true"})
    body: str  # the Markdown after the front matter, as MkDocs hands it on
    body_line: int  # the file line on which the body starts
    meta_lines: dict[str, int]  # front-matter key -> its file line
    front: str = ""  # the front matter as written, with its delimiters

    def meta_line(self, key: str) -> int:
        return self.meta_lines.get(key, 1)

    @property
    def title(self) -> str:
        found = _H1.search(self.body)
        return found.group(1).strip() if found else ""

    def line(self, offset: int) -> int:
        """The file line of a character offset in the body."""
        return self.body_line + line_at(self.body, offset) - 1

    def error(self, offset: int, message: str) -> DataError:
        return DataError(self.label, self.line(offset), "", message)


def _front_matter(text: str, label: str) -> tuple[dict[str, str], str, int, dict[str, int]]:
    found = _FRONT.match(text)
    if not found:
        if text.startswith("---"):
            raise DataError(label, 1, "", "front matter opened with '---' is never closed")
        if _MULTIMARKDOWN_META.match(text):
            raise DataError(label, 1, "", "the first line would be read as metadata and dropped; "
                            "start with a heading, or use '---' front matter")
        return {}, text, 1, {}
    try:
        meta = yaml.load(found.group(1), Loader=yaml.BaseLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise DataError(label, (mark.line + 2) if mark else 2, "",
                        f"front matter is not valid YAML ({getattr(err, 'problem', None) or err})") from None
    if meta is None:
        meta = {}
    def plain(value: object) -> bool:
        return isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))

    if not isinstance(meta, dict) or not all(
            plain(v) or (isinstance(v, dict) and all(plain(w) for w in v.values())) for v in meta.values()):
        raise DataError(label, 2, "", "front matter must be a mapping of plain values")
    rest = text[found.end():]
    body = rest.lstrip("\n")
    lines: dict[str, int] = {}
    for number, line in enumerate(found.group(1).split("\n"), start=2):
        key = re.match(r"([A-Za-z0-9_-]+):", line)
        if key:
            lines.setdefault(key.group(1), number)
    return meta, body, line_at(text, found.end() + len(rest) - len(body)), lines


def read_page(docs: Path, path: str, docs_label: str) -> Page:
    label = f"{docs_label}/{path}"
    text = read_file(docs / path, label)
    meta, body, body_line, meta_lines = _front_matter(text, label)
    return Page(path, label, meta, body, body_line, meta_lines, text[:len(text) - len(body)])


def _walk(docs: Path, docs_label: str) -> list[Path]:
    """Every file under docs/; symbolic links and odd entries stop the build."""
    found = []
    for entry in sorted(docs.rglob("*")):
        rel = entry.relative_to(docs).as_posix()
        if entry.is_symlink():
            raise DataError(f"{docs_label}/{rel}", 0, "", "symbolic links are not allowed in the docs folder")
        if entry.is_file():
            found.append(entry)
        elif not entry.is_dir():
            raise DataError(f"{docs_label}/{rel}", 0, "", "not a regular file or folder")
    return found


def read_pages(docs: Path, docs_label: str = "docs") -> dict[str, Page]:
    """docs path -> Page for every Markdown file; DataError for anything unsafe."""
    if docs.is_symlink() or not docs.is_dir():
        raise DataError(docs_label, 0, "", "the docs folder is missing, or is a symbolic link")
    pages = {}
    for entry in _walk(docs, docs_label):
        rel = entry.relative_to(docs).as_posix()
        if entry.suffix == ".md":
            pages[rel] = read_page(docs, rel, docs_label)
        elif not rel.endswith(ASSET_SUFFIXES):
            raise DataError(f"{docs_label}/{rel}", 0, "", "unexpected file type in the docs folder "
                            f"(pages are .md; assets: {', '.join(ASSET_SUFFIXES)})")
    return pages

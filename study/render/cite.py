"""Citations: numbered markers in the text, the full references at the page's end.

Every citation on a page, from a hand-written shortcut or from generated
evidence, goes through one `Refs` object. A run of citations becomes one
marker (a footnote, which the theme shows as a tooltip on hover, focus and
tap); the same citations cited twice share a number. The page then ends with
its sources: the commit of each repository cited, stated once, and every
footnote with its links into the exact lines.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from study import routes
from study.records import Evidence, Source
from study.render import md

Model = Any  # study.model.Model; kept loose here to avoid an import cycle


def permalink(source: Source, path: str | None = None, lines: str | None = None,
              commit_page: bool = False) -> str | None:
    """A URL pinned to the source's commit, or the source's own URL."""
    if "repo" not in source:
        return source.get("url")
    path = path or source.get("path")
    base = f"https://github.com/{source['repo']}"
    if commit_page:
        return f"{base}/commit/{source['commit']}"
    if not path:
        return f"{base}/tree/{source['commit']}"
    anchor = ""
    if lines:
        first, _, last = lines.partition("-")
        anchor = f"#L{first}-L{last}" if last else f"#L{first}"
    return f"{base}/blob/{source['commit']}/{path}{anchor}"


def source_link(page: str, source_id: str) -> str:
    """[id] linking to the source's entry in the bibliography."""
    target = routes.relative(page, routes.BIBLIOGRAPHY, routes.source_anchor(source_id))
    return md.link(md.text(source_id), target)


def sources_list(page: str, source_ids: Iterable[str]) -> str:
    return ", ".join(source_link(page, s) for s in source_ids)


def commit_link(source: Source) -> str:
    return md.link(md.code(source["commit"][:12]), permalink(source) or "")


def _spot(source: Source, item: Evidence, same_file: bool = False) -> str:
    """Where in the source: a linked path and line range, or the section (only the range if same_file)."""
    if "repo" in source and "section" in item and "path" not in item:
        # A source that is one file is read by section (a document); a commit by its message.
        url = permalink(source) if source.get("path") else permalink(source, commit_page=True)
        return md.link(md.text("§ " + item["section"]), url or "")
    if "repo" in source:
        path = item.get("path") or source.get("path", "")
        lines = item.get("lines")
        where = md.code(f":{lines}" if same_file and lines else f"{path}:{lines}" if lines else path)
        return md.link(where, permalink(source, path, lines) or "")
    return md.text(f"§ {item['section']}") if item.get("section") else ""


def evidence_text(page: str, model: Model, item: Evidence, in_footnote: bool = False) -> str:
    """One evidence item in full: bibliography link, the linked spot, and the note.

    In a footnote, a repository's id is plain text: the page's Sources section links
    it once, with its commit, and the spot already links to the exact lines.
    """
    source = model.get("sources", item["source"])
    plain_id = in_footnote and "repo" in source
    text = md.text(item["source"]) if plain_id else source_link(page, item["source"])
    spot = _spot(source, item)
    if spot:
        text += f" {spot}"
    if item.get("note"):
        text += f": {md.rich(item['note'])}"
    return text


def _footnote_part(page: str, model: Model, item: Evidence, previous: Evidence | None) -> str:
    """One item of a footnote. After an item of the same repository without a note, the id is not
    repeated, and after one of the same file only the new line range is given: ", `:39`"."""
    source = model.get("sources", item["source"])
    if previous is None or previous["source"] != item["source"] or "repo" not in source or previous.get("note"):
        return evidence_text(page, model, item, in_footnote=True)
    path = item.get("path") or source.get("path")
    same_file = bool(path) and path == (previous.get("path") or source.get("path")) and bool(item.get("lines")) \
        and bool(previous.get("lines")) and "section" not in item
    text = _spot(source, item, same_file)
    if item.get("note"):
        text += f": {md.rich(item['note'])}"
    return (", " if same_file else "") + text


class Refs:
    """The citations of one page."""

    def __init__(self, model: Model, page: str):
        self.model = model
        self.page = page
        self._numbers: dict[str, int] = {}
        self._texts: list[str] = []
        self._repositories: dict[str, Source] = {}
        self.commits_stated = False

    def marker(self, texts: list[str]) -> str:
        """A footnote marker for one run of citations, given as full Markdown texts.

        A text that starts with ", " continues the one before it (a further range of the same file).
        """
        text = "".join(t if i == 0 or t.startswith(", ") else "; " + t for i, t in enumerate(texts))
        if text not in self._numbers:
            self._texts.append(text)
            self._numbers[text] = len(self._texts)
        return f"[^{self._numbers[text]}]"

    def _remember(self, source_id: str) -> None:
        source = self.model.get("sources", source_id)
        if "repo" in source:
            self._repositories[source_id] = source

    def evidence(self, items: list[Evidence]) -> str:
        """One marker for a list of evidence items."""
        for item in items:
            self._remember(item["source"])
        return self.marker([_footnote_part(self.page, self.model, item, previous)
                            for item, previous in zip(items, [None, *items[:-1]], strict=True)])

    def item(self, item: Evidence) -> str:
        self._remember(item["source"])
        return evidence_text(self.page, self.model, item)

    def full(self, items: list[Evidence]) -> list[str]:
        """Evidence items written out in full (for lists that are the evidence itself)."""
        return [self.item(i) for i in items]

    @property
    def count(self) -> int:
        return len(self._texts)

    def commits_sentence(self) -> str:
        """The commits of the repositories cited so far, stated once for the page."""
        self.commits_stated = True
        if not self._repositories:
            return "No code is cited on this page."
        commits = ", ".join(f"{source_link(self.page, sid)} at {commit_link(src)}"
                            for sid, src in sorted(self._repositories.items()))
        return f"Code is cited at these commits: {commits}."

    def section(self, heading: bool = True) -> str:
        """The page's sources: cited commits once, then every footnote."""
        if not self._texts and not (self._repositories and not self.commits_stated):
            return ""
        out = ["## Sources { #sources }", ""] if heading else []
        if self._repositories and not self.commits_stated:
            # Search finds the sources in the bibliography, not at the foot of every page.
            out += [f'<p class="study-commits" data-search-exclude markdown>{self.commits_sentence()}</p>', ""]
        out += [f"[^{n}]: {text}" for n, text in enumerate(self._texts, start=1)]
        return "\n".join(out) + "\n"

"""Decision records: read their front matter, render the index."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from study.errors import DataError
from study.render import md

STATUSES = ("proposed", "accepted", "rejected", "deprecated", "superseded")
FILE_NAME = re.compile(r"^decisions/(\d{4})-[a-z0-9-]+\.md$")
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_TITLE = re.compile(r"^# (.+?)(?:\s*\{[^}]*\})?\s*$", re.M)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Decision:
    number: str
    page: str
    title: str
    status: str
    date: str


def read(page: str, text: str) -> Decision:
    """Parse one record; its front matter needs `status` and `date`."""
    number = FILE_NAME.match(page).group(1)
    where = f"docs/{page}"
    front = _FRONT.match(text)
    if not front:
        raise DataError(where, 1, "", "a decision record starts with YAML front matter (status, date)")
    meta = yaml.load(front.group(1), Loader=yaml.BaseLoader) or {}  # noqa: S506 - BaseLoader is safe
    body_line = front.group(0).count("\n") + 1
    status = meta.get("status", "")
    if status not in STATUSES:
        raise DataError(where, 2, "status", f"expected one of: {', '.join(STATUSES)}; got '{status}'")
    if not _DATE.fullmatch(meta.get("date", "")):
        raise DataError(where, 2, "date", f"expected YYYY-MM-DD; got '{meta.get('date', '')}'")
    title = _TITLE.search(text)
    if not title:
        raise DataError(where, body_line, "", "a decision record needs a '# Title' heading")
    return Decision(number, page, title.group(1).strip(), status, meta["date"])


def index_table(decisions: list[Decision], page: str) -> str:
    rows = [[md.link(d.number, md.relative(page, d.page)), md.link(md.text(d.title), md.relative(page, d.page)),
             md.text(d.status), md.text(d.date)] for d in sorted(decisions, key=lambda d: d.number)]
    return md.table(["No.", "Decision", "Status", "Date"], rows)

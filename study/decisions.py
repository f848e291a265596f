"""Decision records: read their front matter, render the index."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from study import routes
from study.errors import DataError, shown
from study.pages import Page
from study.render import md

STATUSES = ("proposed", "accepted", "rejected", "deprecated", "superseded")
FILE_NAME = re.compile(r"^(?:[a-z0-9-]+/)?decisions/([0-9]{4})-[a-z0-9-]+\.md$")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True)
class Decision:
    number: str
    page: str
    title: str
    status: str
    date: str


def read(page: Page) -> Decision:
    """One record; its front matter needs `status` and a real `date`."""
    found = FILE_NAME.match(page.path)
    assert found, page.path
    if not page.meta:
        raise DataError(page.label, 1, "", "a decision record starts with YAML front matter (status, date)")
    unknown = sorted(set(page.meta) - {"status", "date", "search"})
    if unknown:
        raise DataError(page.label, page.meta_line(unknown[0]), unknown[0], "unknown front-matter key "
                        "(allowed: status, date, search)")
    status = str(page.meta.get("status", ""))
    if status not in STATUSES:
        raise DataError(page.label, page.meta_line("status"), "status",
                        f"expected one of: {', '.join(STATUSES)}; got '{shown(status)}'")
    date = str(page.meta.get("date", ""))
    if not _DATE.fullmatch(date):
        raise DataError(page.label, page.meta_line("date"), "date", f"expected YYYY-MM-DD; got '{shown(date)}'")
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        raise DataError(page.label, page.meta_line("date"), "date", f"no such day in the calendar: '{date}'") from None
    if not page.title:
        raise DataError(page.label, page.body_line, "", "a decision record needs a '# Title' heading")
    return Decision(found.group(1), page.path, page.title, status, date)


def index_table(decisions: list[Decision], page: str) -> str:
    rows = [[md.link(d.number, routes.relative(page, d.page)), md.link(md.text(d.title), routes.relative(page, d.page)),
             md.text(d.status), md.text(d.date)] for d in sorted(decisions, key=lambda d: d.number)]
    return md.table(["No.", "Decision", "Status", "Date"], rows)

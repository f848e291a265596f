"""The timeline page, generated from data/timeline.yaml."""

from __future__ import annotations

from itertools import groupby

from study.errors import DataError
from study.render import cite, md

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def human_date(date: str) -> str:
    parts = date.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def _earliest(date: str) -> str:
    return (date + "-01-01")[:10] if len(date) == 4 else (date + "-01")[:10]


def _latest(date: str) -> str:
    return (date + "-12-31")[:10] if len(date) == 4 else (date + "-31")[:10]


def check_order(model) -> None:
    """Each event may not lie wholly before the one listed above it ('2016' may follow '2016-07-26')."""
    dates = [e["date"] for e in model.timeline]
    for i, (a, b) in enumerate(zip(dates, dates[1:]), start=1):
        if _latest(b) < _earliest(a):
            raise DataError("data/timeline.yaml", model.timeline[i].line, f"timeline[{i}].date",
                            f"events must be in date order: '{b}' comes after '{a}'")


def timeline(model, page: str) -> str:
    check_order(model)
    out = []
    for year, events in groupby(model.timeline, key=lambda e: e["date"][:4]):
        out += [f"## {year} {{ #y{year} }}", ""]
        for event in events:
            sources = "; ".join(cite.evidence(page, model, item) for item in event["evidence"])
            out.append(f"- **{md.text(human_date(event['date']))}: {md.text(event['title'])}.** "
                       f"{md.rich(event['description'])} [{sources}]")
        out.append("")
    return "\n".join(out)

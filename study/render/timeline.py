"""The timeline page, generated from data/timeline.yaml."""

from __future__ import annotations

from itertools import groupby

from study.render import md
from study.render.cite import Refs

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def human_date(date: str) -> str:
    parts = date.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def timeline(refs: Refs) -> str:
    out: list[str] = []
    for year, events in groupby(refs.model.timeline, key=lambda e: e["date"][:4]):
        out += [f"## {year} {{ #y{year} }}", ""]
        for event in events:
            out.append(f"- **{md.text(human_date(event['date']))}: {md.text(event['title'])}.** "
                       f"{md.rich(event['description'])}{refs.evidence(event['evidence'])}")
        out.append("")
    return "\n".join(out)

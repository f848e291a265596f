"""Sequence diagrams, laid out in Python and drawn as inline SVG.

Participants are columns; numbered messages run top to bottom; frames mark
loops and alternatives. Column gaps grow until every message label fits
between the two lifelines it connects.
"""

from __future__ import annotations

from dataclasses import dataclass

from study.diagrams.text import esc, num, width, wrap

FONT = 14.0
SMALL = 12.5
LINE = 16.0
HEAD_PAD = 10.0
MIN_HEAD = 104.0
MAX_HEAD = 170.0
MAX_MSG = 250.0  # px before a message label wraps
ROW_GAP = 14.0
GAP = 22.0
MARGIN = 8.0
SELF_LOOP = 26.0


@dataclass
class Participant:
    id: str
    label: str
    sublabel: str = ""
    group: str = "default"


@dataclass
class Message:
    src: str
    dst: str
    text: str
    kind: str = "call"  # call | reply | async


@dataclass
class Frame:
    kind: str  # loop | alt | opt
    label: str
    first: int  # index of the first message inside
    last: int  # index of the last message inside


def _head_lines(p: Participant) -> tuple[list[str], list[str]]:
    return wrap(p.label, FONT, MAX_HEAD - 2 * HEAD_PAD, True), wrap(p.sublabel, SMALL, MAX_HEAD - 2 * HEAD_PAD) if p.sublabel else []


def _head_size(p: Participant) -> tuple[float, float]:
    title, sub = _head_lines(p)
    w = max([width(t, FONT, True) for t in title] + [width(s, SMALL) for s in sub]) + 2 * HEAD_PAD
    return max(MIN_HEAD, w), 2 * HEAD_PAD + LINE * len(title) + (SMALL + 3) * len(sub)


def _labels(messages: list[Message]) -> list[list[str]]:
    return [wrap(f"{i + 1}. {m.text}", SMALL, MAX_MSG) for i, m in enumerate(messages)]


def _columns(parts: list[Participant], messages: list[Message], labels) -> list[float]:
    idx = {p.id: i for i, p in enumerate(parts)}
    sizes = [_head_size(p)[0] for p in parts]
    # gap[i] is the distance between centre i and centre i+1
    gaps = [(sizes[i] + sizes[i + 1]) / 2 + GAP for i in range(len(parts) - 1)]
    need: list[tuple[int, int, float]] = []
    for m, lines in zip(messages, labels):
        text_w = max(width(line, SMALL) for line in lines)
        a, b = sorted((idx[m.src], idx[m.dst]))
        if a == b:  # self message: its label sits right of the loop
            if a < len(parts) - 1:
                need.append((a, a + 1, text_w + SELF_LOOP + 16))
        else:
            need.append((a, b, text_w + 24))
    for a, b, w in sorted(need, key=lambda n: n[1] - n[0]):
        have = sum(gaps[a:b])
        if have < w:
            extra = (w - have) / (b - a)
            for i in range(a, b):
                gaps[i] += extra
    xs = [MARGIN + sizes[0] / 2]
    for g in gaps:
        xs.append(xs[-1] + g)
    return xs


def render(diagram_id: str, title: str, description: str, parts: list[Participant],
           messages: list[Message], frames: list[Frame] = ()) -> str:
    ids = {p.id for p in parts}
    for m in messages:
        if m.src not in ids or m.dst not in ids:
            raise ValueError(f"message {m.src} -> {m.dst} names an unknown participant")
    labels = _labels(messages)
    xs = _columns(parts, messages, labels)
    idx = {p.id: i for i, p in enumerate(parts)}
    heads = [_head_size(p) for p in parts]
    head_h = max(h for _, h in heads)

    starts = {f.first for f in frames}
    ends = {f.last for f in frames}
    rows, y = [], MARGIN + head_h + 18
    for i, lines in enumerate(labels):
        y += 22 * sum(1 for f in frames if f.first == i)  # room for frame tabs
        text_top = y
        y += len(lines) * LINE
        arrow_y = y + 2
        if messages[i].src == messages[i].dst:
            y += 20
        rows.append((text_top, arrow_y))
        y += ROW_GAP + (8 * sum(1 for f in frames if f.last == i))
    bottom = y + 6
    right_extra = 0.0
    for m, lines in zip(messages, labels):
        if m.src == m.dst and idx[m.src] == len(parts) - 1:
            right_extra = max(right_extra, SELF_LOOP + 16 + max(width(line, SMALL) for line in lines))
    total_w = xs[-1] + max(heads[-1][0] / 2, right_extra) + MARGIN + 12
    total_h = bottom + MARGIN

    out = []
    for p, x, (w, h) in zip(parts, xs, heads):  # participant boxes and lifelines
        title_lines, sub = _head_lines(p)
        out.append(f'<g class="participant n-{esc(p.group)}" data-id="{esc(p.id)}">'
                   f'<line class="lifeline" x1="{num(x)}" y1="{num(MARGIN + h)}" x2="{num(x)}" y2="{num(bottom)}"/>'
                   f'<rect x="{num(x - w / 2)}" y="{num(MARGIN)}" width="{num(w)}" height="{num(h)}" rx="4"/>')
        ty = MARGIN + HEAD_PAD + FONT - 1
        for line in title_lines:
            out.append(f'<text class="title" x="{num(x)}" y="{num(ty)}" text-anchor="middle">{esc(line)}</text>')
            ty += LINE
        for line in sub:
            out.append(f'<text class="sub" x="{num(x)}" y="{num(ty)}" text-anchor="middle">{esc(line)}</text>')
            ty += SMALL + 3
        out.append("</g>")

    for f in frames:  # frames behind the messages they hold
        inside = messages[f.first:f.last + 1]
        cols = [idx[m.src] for m in inside] + [idx[m.dst] for m in inside]
        left = max(2.0, xs[min(cols)] - 60)
        right = min(total_w - 2, xs[max(cols)] + 60)
        if any(m.src == m.dst for m in inside):
            right = max(right, max(xs[idx[m.src]] + SELF_LOOP + 20 + max(width(t, SMALL) for t in labels[messages.index(m)])
                                   for m in inside if m.src == m.dst))
        top = rows[f.first][0] - 22 * (1 + sum(1 for g in frames if g.first == f.first and g is not f and frames.index(g) > frames.index(f)))
        low = rows[f.last][1] + (22 if messages[f.last].src == messages[f.last].dst else 8)
        tab = f"{f.kind} [{f.label}]"
        tab_w = width(tab, SMALL, True) + 14
        out.append(f'<g class="frame"><rect x="{num(left)}" y="{num(top)}" width="{num(right - left)}" height="{num(low - top)}"/>'
                   f'<path class="tab" d="M{num(left)},{num(top)} h{num(tab_w)} v12 l-6,6 h{num(-tab_w + 6)} z"/>'
                   f'<text x="{num(left + 6)}" y="{num(top + 13)}">{esc(tab)}</text></g>')

    for m, lines, (text_top, arrow_y) in zip(messages, labels, rows):
        a, b = xs[idx[m.src]], xs[idx[m.dst]]
        cls = f"msg {esc(m.kind)}"
        if m.src == m.dst:
            path = (f'M{num(a)},{num(arrow_y)} h{num(SELF_LOOP)} v16 h{num(-SELF_LOOP + 2)}')
            tx, anchor = a + SELF_LOOP + 8, "start"
        else:
            path = f"M{num(a)},{num(arrow_y)} L{num(b + (-2 if b > a else 2))},{num(arrow_y)}"
            tx, anchor = (a + b) / 2, "middle"
        out.append(f'<g class="{cls}"><path d="{path}" marker-end="url(#{esc(diagram_id)}-{esc(m.kind)})"/>')
        ty = text_top + SMALL
        for line in lines:
            out.append(f'<text x="{num(tx)}" y="{num(ty)}" text-anchor="{anchor}">{esc(line)}</text>')
            ty += LINE
        out.append("</g>")

    markers = (
        f'<marker id="{esc(diagram_id)}-call" class="arrow call" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10 z"/></marker>'
        f'<marker id="{esc(diagram_id)}-reply" class="arrow reply" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10"/></marker>'
        f'<marker id="{esc(diagram_id)}-async" class="arrow async" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10"/></marker>'
    )
    return (
        f'<svg class="study-diagram sequence" id="{esc(diagram_id)}" role="img" '
        f'aria-labelledby="{esc(diagram_id)}-title {esc(diagram_id)}-desc" '
        f'viewBox="0 0 {num(total_w)} {num(total_h)}" width="{num(total_w)}" height="{num(total_h)}" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{esc(diagram_id)}-title">{esc(title)}</title>'
        f'<desc id="{esc(diagram_id)}-desc">{esc(description)}</desc>'
        f'<defs>{markers}</defs>{"".join(out)}</svg>'
    )

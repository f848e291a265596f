"""Sequence diagrams, laid out in Python and drawn as inline SVG.

Three steps, each a function of the one before: `measure` sizes the
participant heads, `layout` places lifelines, messages, frames and lanes
within a width budget (labels wrap, so that nothing is cut and a figure fits
the page's column), and `draw` writes the SVG. Lanes are boxes around
neighbouring lifelines: a host, or the kernel.
"""

from __future__ import annotations

from dataclasses import dataclass

from study.diagrams.graph import svg_open
from study.diagrams.text import esc, num, width, wrap

FONT = 13.0  # participant names, bold
SMALL = 12.0  # messages, sublabels, frame and lane labels
LINE = 15.0
HEAD_PAD = 8.0
HEAD_TEXT = 104.0  # px before a participant name wraps
MIN_HEAD = 76.0
GAP = 12.0  # between two heads
LANE_GAP = 14.0  # extra room where one lane ends and the next begins
LANE_PAD = 5.0
LANE_LABEL = 18.0
MARGIN = 6.0
SELF_LOOP = 22.0
SELF_LABEL = 170.0  # room a self-message's label may take
ROW_GAP = 10.0
TAB = 20.0  # height of a frame's tab
MAX_WIDTH = 720.0  # the page column is 688 px: labels stay at 11.5 px or more
LABEL_CAPS = (220.0, 190.0, 160.0, 135.0, 110.0, 90.0)  # widest line a label may take, tried in turn


@dataclass(frozen=True)
class Participant:
    id: str
    label: str
    sublabel: str = ""
    group: str = "default"  # CSS class suffix: colour by area


@dataclass(frozen=True)
class Message:
    src: str
    dst: str
    text: str
    kind: str = "call"  # call | reply | async
    number: int = 0  # the step's number in its flow; 0: its position here


@dataclass(frozen=True)
class Frame:
    kind: str  # loop | alt | opt
    label: str
    first: int  # index of the first message inside
    last: int  # index of the last message inside


@dataclass(frozen=True)
class Lane:
    label: str
    first: int  # index of the first participant inside
    last: int
    style: str = "host"  # host | kernel


@dataclass(frozen=True)
class Diagram:
    participants: tuple[Participant, ...]
    messages: tuple[Message, ...]
    frames: tuple[Frame, ...] = ()
    lanes: tuple[Lane, ...] = ()

    def index(self, pid: str) -> int:
        return next(i for i, p in enumerate(self.participants) if p.id == pid)

    def label(self, i: int) -> str:
        m = self.messages[i]
        return f"{m.number or i + 1}. {m.text}"


# -- measure -------------------------------------------------------------------------

@dataclass(frozen=True)
class Head:
    width: float
    height: float
    title: tuple[str, ...]
    sub: tuple[str, ...]


def measure(diagram: Diagram) -> list[Head]:
    # A lane of one participant is as wide as its head: make the head wide enough for the lane's label.
    lane_label = {lane.first: width(lane.label, SMALL) + 4 for lane in diagram.lanes if lane.first == lane.last}
    heads = []
    for i, p in enumerate(diagram.participants):
        title = wrap(p.label, FONT, HEAD_TEXT, bold=True)
        sub = wrap(p.sublabel, SMALL, HEAD_TEXT) if p.sublabel else []
        w = max([width(t, FONT, True) for t in title] + [width(s, SMALL) for s in sub]) + 2 * HEAD_PAD
        heads.append(Head(max(MIN_HEAD, w, lane_label.get(i, 0)),
                          2 * HEAD_PAD + LINE * len(title) + (SMALL + 3) * len(sub), tuple(title), tuple(sub)))
    return heads


# -- layout ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Row:
    top: float  # where the label's first line starts
    arrow_y: float
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    heads: tuple[Head, ...]
    xs: tuple[float, ...]  # lifeline centres
    head_top: float
    bottom: float  # where lifelines end
    rows: tuple[Row, ...]
    frames: tuple[Rect, ...]
    lanes: tuple[Rect, ...]


def _lane_breaks(diagram: Diagram) -> set[int]:
    """Gaps i (between participant i and i+1) where a lane starts or ends."""
    breaks = set()
    for lane in diagram.lanes:
        breaks |= {lane.first - 1, lane.last}
    return {b for b in breaks if 0 <= b < len(diagram.participants) - 1}


def _gaps(diagram: Diagram, heads: list[Head], cap: float) -> list[float]:
    """Centre-to-centre distances that give each label the room it wants, at most `cap` px a line."""
    n = len(heads)
    breaks = _lane_breaks(diagram)
    gaps = [(heads[i].width + heads[i + 1].width) / 2 + GAP + (LANE_GAP if i in breaks else 0) for i in range(n - 1)]
    needs = []
    for i, m in enumerate(diagram.messages):
        a, b = sorted((diagram.index(m.src), diagram.index(m.dst)))
        want = min(width(diagram.label(i), SMALL), cap)
        if a == b:
            if a < n - 1:
                needs.append((a, a + 1, want + SELF_LOOP + 14))
        else:
            needs.append((a, b, want + 16))
    for a, b, want in sorted(needs, key=lambda need: need[1] - need[0]):
        have = sum(gaps[a:b])
        if have < want:
            for i in range(a, b):
                gaps[i] += (want - have) / (b - a)
    return gaps


def _right_extra(diagram: Diagram, heads: list[Head], cap: float) -> float:
    """Room right of the last lifeline for its own self-messages."""
    last = len(heads) - 1
    extra = heads[-1].width / 2
    for i, m in enumerate(diagram.messages):
        if m.src == m.dst and diagram.index(m.src) == last:
            extra = max(extra, SELF_LOOP + 10 + min(width(diagram.label(i), SMALL), cap))
    return extra


def _columns(diagram: Diagram, heads: list[Head], max_width: float) -> tuple[list[float], float, float]:
    """Lifeline centres, total width and the line cap used: the widest cap that fits, else the narrowest."""
    for cap in LABEL_CAPS:
        gaps = _gaps(diagram, heads, cap)
        xs = [MARGIN + LANE_PAD + heads[0].width / 2]
        for g in gaps:
            xs.append(xs[-1] + g)
        total = xs[-1] + _right_extra(diagram, heads, cap) + LANE_PAD + MARGIN
        if total <= max_width:
            break
    return xs, total, cap


def _label_room(diagram: Diagram, xs: list[float], total: float, i: int) -> float:
    m = diagram.messages[i]
    a, b = diagram.index(m.src), diagram.index(m.dst)
    if a == b:
        # A row of its own: the label may run past the next lifelines (its halo keeps it legible).
        nearest = (xs[a + 1] if a + 1 < len(xs) else total - MARGIN) - xs[a] - SELF_LOOP - 12
        return min(total - MARGIN - xs[a] - SELF_LOOP - 12, max(nearest, SELF_LABEL))
    return abs(xs[b] - xs[a]) - 14


def _rows(diagram: Diagram, xs: list[float], total: float, top: float) -> tuple[list[Row], float]:
    rows, y = [], top
    for i, m in enumerate(diagram.messages):
        y += TAB * sum(1 for f in diagram.frames if f.first == i)
        lines = wrap(diagram.label(i), SMALL, _label_room(diagram, xs, total, i))
        text_top = y
        y += len(lines) * LINE
        rows.append(Row(text_top, y + 3, tuple(lines)))
        y += 3 + ROW_GAP + (18 if m.src == m.dst else 0) + 8 * sum(1 for f in diagram.frames if f.last == i)
    return rows, y


def _frame_rect(diagram: Diagram, xs: list[float], total: float, rows: list[Row], k: int) -> Rect:
    frame = diagram.frames[k]
    inside = diagram.messages[frame.first:frame.last + 1]
    cols = [diagram.index(m.src) for m in inside] + [diagram.index(m.dst) for m in inside]
    left = max(2.0, xs[min(cols)] - 40)
    right = min(total - 2, xs[max(cols)] + 40)
    for i in range(frame.first, frame.last + 1):  # self-message labels stay inside
        m = diagram.messages[i]
        if m.src == m.dst:
            text = max(width(line, SMALL) for line in rows[i].lines)
            right = min(total - 2, max(right, xs[diagram.index(m.src)] + SELF_LOOP + 16 + text))
    # Frames opening on the same message nest: the later one sits one tab lower.
    depth = sum(1 for j in range(k + 1, len(diagram.frames)) if diagram.frames[j].first == frame.first)
    top = rows[frame.first].top - TAB * (1 + depth)
    low = rows[frame.last].arrow_y + (22 if inside[-1].src == inside[-1].dst else 7)
    return Rect(left, top, right - left, low - top)


def layout(diagram: Diagram, heads: list[Head], max_width: float = MAX_WIDTH) -> Layout:
    xs, total, _ = _columns(diagram, heads, max_width)
    head_top = MARGIN + (LANE_LABEL if diagram.lanes else 0)
    head_h = max(h.height for h in heads)
    rows, y = _rows(diagram, xs, total, head_top + head_h + 14)
    frames = [_frame_rect(diagram, xs, total, rows, k) for k in range(len(diagram.frames))]
    bottom = y + 4
    lanes = []
    for lane in diagram.lanes:
        left = xs[lane.first] - heads[lane.first].width / 2 - LANE_PAD
        right = xs[lane.last] + heads[lane.last].width / 2 + LANE_PAD
        if lane.last == len(xs) - 1:
            right = max(right, total - MARGIN)
        lanes.append(Rect(left, MARGIN, right - left, bottom + LANE_PAD - MARGIN))
    return Layout(total, bottom + LANE_PAD + MARGIN, tuple(heads), tuple(xs), head_top, bottom, tuple(rows),
                  tuple(frames), tuple(lanes))


# -- draw ----------------------------------------------------------------------------------

_MARKERS = {"call": '<path d="M0,0 L10,5 L0,10 z"/>', "reply": '<path d="M0,0 L10,5 L0,10"/>',
            "async": '<path d="M0,0 L10,5 L0,10"/>'}


def _draw_lanes(diagram: Diagram, lay: Layout) -> list[str]:
    return [f'<g class="lane lane-{esc(lane.style)}"><rect x="{num(r.x)}" y="{num(r.y)}" width="{num(r.w)}" '
            f'height="{num(r.h)}" rx="6"/><text x="{num(r.x + 6)}" y="{num(r.y + 13)}">{esc(lane.label)}</text></g>'
            for lane, r in zip(diagram.lanes, lay.lanes, strict=True)]


def _draw_heads(diagram: Diagram, lay: Layout) -> list[str]:
    out = []
    for p, x, head in zip(diagram.participants, lay.xs, lay.heads, strict=True):
        out.append(f'<g class="participant n-{esc(p.group)}" data-id="{esc(p.id)}">'
                   f'<line class="lifeline" x1="{num(x)}" y1="{num(lay.head_top + head.height)}" x2="{num(x)}" '
                   f'y2="{num(lay.bottom)}"/><rect x="{num(x - head.width / 2)}" y="{num(lay.head_top)}" '
                   f'width="{num(head.width)}" height="{num(head.height)}" rx="4"/>')
        ty = lay.head_top + HEAD_PAD + FONT - 1
        for line in head.title:
            out.append(f'<text class="title" x="{num(x)}" y="{num(ty)}" text-anchor="middle">{esc(line)}</text>')
            ty += LINE
        for line in head.sub:
            out.append(f'<text class="sub" x="{num(x)}" y="{num(ty)}" text-anchor="middle">{esc(line)}</text>')
            ty += SMALL + 3
        out.append("</g>")
    return out


def _draw_frames(diagram: Diagram, lay: Layout) -> list[str]:
    out = []
    for frame, r in zip(diagram.frames, lay.frames, strict=True):
        tab = f"{frame.kind} [{frame.label}]"
        tab_w = min(width(tab, SMALL, True) + 14, r.w)
        out.append(f'<g class="frame"><rect x="{num(r.x)}" y="{num(r.y)}" width="{num(r.w)}" height="{num(r.h)}"/>'
                   f'<path class="tab" d="M{num(r.x)},{num(r.y)} h{num(tab_w)} v12 l-6,6 h{num(-tab_w + 6)} z"/>'
                   f'<text x="{num(r.x + 6)}" y="{num(r.y + 13)}">{esc(tab)}</text></g>')
    return out


def _draw_messages(diagram: Diagram, lay: Layout, diagram_id: str) -> list[str]:
    out = []
    for m, row in zip(diagram.messages, lay.rows, strict=True):
        a, b = lay.xs[diagram.index(m.src)], lay.xs[diagram.index(m.dst)]
        if m.src == m.dst:
            path = f"M{num(a)},{num(row.arrow_y)} h{num(SELF_LOOP)} v16 h{num(-SELF_LOOP + 2)}"
            tx, anchor = a + SELF_LOOP + 8, "start"
        else:
            path = f"M{num(a)},{num(row.arrow_y)} L{num(b + (-2 if b > a else 2))},{num(row.arrow_y)}"
            tx, anchor = (a + b) / 2, "middle"
        marker = f"url(#{esc(diagram_id)}-{esc(m.kind)})"
        out.append(f'<g class="msg {esc(m.kind)}"><path d="{path}" marker-end="{marker}"/>')
        ty = row.top + SMALL
        for line in row.lines:
            out.append(f'<text x="{num(tx)}" y="{num(ty)}" text-anchor="{anchor}">{esc(line)}</text>')
            ty += LINE
        out.append("</g>")
    return out


def draw(diagram: Diagram, lay: Layout, diagram_id: str, title: str, description: str) -> str:
    markers = "".join(f'<marker id="{esc(diagram_id)}-{kind}" class="arrow {kind}" viewBox="0 0 10 10" refX="9" '
                      f'refY="5" markerWidth="8" markerHeight="8" orient="auto">{shape}</marker>'
                      for kind, shape in _MARKERS.items())
    body = (_draw_lanes(diagram, lay) + _draw_heads(diagram, lay) + _draw_frames(diagram, lay)
            + _draw_messages(diagram, lay, diagram_id))
    return (svg_open(diagram_id, "sequence", title, description, lay.width, lay.height, SMALL)
            + f"<defs>{markers}</defs>{''.join(body)}</svg>")


def render(diagram_id: str, title: str, description: str, diagram: Diagram, max_width: float = MAX_WIDTH) -> str:
    """Measure, lay out and draw: an accessible inline SVG."""
    for m in diagram.messages:
        for end in (m.src, m.dst):
            if not any(p.id == end for p in diagram.participants):
                raise ValueError(f"message {m.src} -> {m.dst} names an unknown participant")
    return draw(diagram, layout(diagram, measure(diagram), max_width), diagram_id, title, description)

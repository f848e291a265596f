"""The graph algorithms the study needs, on plain dicts: node -> successors.

Used by the validator (dependency and part-of cycles), the plan (phases and
the critical path) and the diagrams (row assignment). Every function visits
nodes in the order given, so results are deterministic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

Graph = Mapping[str, Sequence[str]]


def find_cycle(graph: Graph) -> list[str] | None:
    """The first cycle met by a depth-first walk, as [a, b, ..., a]; None if there is none."""
    state: dict[str, str] = {}
    for start in graph:
        if start in state:
            continue
        path = [start]
        stack = [iter(graph.get(start, ()))]
        state[start] = "open"
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = "done"
                stack.pop()
            elif state.get(nxt) == "open":
                return path[path.index(nxt):] + [nxt]
            elif nxt not in state:
                state[nxt] = "open"
                path.append(nxt)
                stack.append(iter(graph.get(nxt, ())))
    return None


def drop_back_edges(graph: Graph) -> dict[str, list[str]]:
    """The graph without the edges that close a cycle in a depth-first walk."""
    state: dict[str, str] = {}
    kept: dict[str, list[str]] = {node: [] for node in graph}

    for start in graph:
        if start in state:
            continue
        state[start] = "open"
        path, stack = [start], [iter(graph.get(start, ()))]
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = "done"
                stack.pop()
                continue
            if state.get(nxt) == "open":
                continue  # closes a cycle
            kept[path[-1]].append(nxt)
            if nxt not in state:
                state[nxt] = "open"
                path.append(nxt)
                stack.append(iter(graph.get(nxt, ())))
    return kept


def topological(graph: Graph) -> list[str]:
    """Nodes so that each comes after everything it points to; the graph must be acyclic."""
    out: list[str] = []
    done: set[str] = set()

    def visit(node: str) -> None:
        stack = [(node, iter(graph.get(node, ())))]
        while stack:
            current, successors = stack[-1]
            nxt = next(successors, None)
            if nxt is None:
                stack.pop()
                if current not in done:
                    done.add(current)
                    out.append(current)
            elif nxt not in done:
                stack.append((nxt, iter(graph.get(nxt, ()))))

    for node in graph:
        visit(node)
    return out


def depth(graph: Graph) -> dict[str, int]:
    """1 + the length of the longest chain a node points down to (an acyclic graph)."""
    result: dict[str, int] = {}
    for node in topological(graph):
        result[node] = 1 + max((result[n] for n in graph.get(node, ())), default=0)
    return result


def heaviest_chain(graph: Graph, weight: Callable[[str], int]) -> tuple[list[str], int]:
    """The chain with the largest total weight, listed from its last node back to its first.

    `graph` maps a node to the nodes it points to. Ties go to the node met first.
    """
    best: dict[str, tuple[int, list[str]]] = {}
    for node in topological(graph):
        below = [best[n] for n in graph.get(node, ())]
        top = max(below, default=(0, []), key=lambda t: t[0])
        best[node] = (top[0] + weight(node), [node, *top[1]])
    total, chain = max((best[n] for n in graph), key=lambda t: t[0])
    return chain, total


def longest_path_ranks(nodes: Iterable[str], graph: Graph) -> dict[str, int]:
    """Row of each node: the longest chain of predecessors above it (0 for sources)."""
    order = list(nodes)
    rank = dict.fromkeys(order, 0)
    for node in reversed(topological({n: list(graph.get(n, ())) for n in order})):
        for nxt in graph.get(node, ()):
            rank[nxt] = max(rank[nxt], rank[node] + 1)
    return rank

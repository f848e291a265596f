"""Read YAML while remembering where every value came from.

The data files are edited by hand, so every error message must point at a
file and a line. PyYAML drops positions once it builds Python objects; this
loader keeps them on two small container types.

Every plain scalar stays a string: the validator, not YAML's implicit typing,
decides what a value means. That keeps `no` a string, `2016-07-26` a string
and a 40-hex commit that happens to look like a float a commit.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from study.errors import DataError


class Mapping(dict):
    """A dict that knows its own line and the line of each value."""

    def __init__(self, line: int):
        super().__init__()
        self.line = line
        self.lines: dict[str, int] = {}
        self.duplicates: list[tuple[str, int]] = []

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class Sequence(list):
    """A list that knows its own line and the line of each item."""

    def __init__(self, line: int):
        super().__init__()
        self.line = line
        self.lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.lines[index] if index < len(self.lines) else self.line


# LibYAML's parser when PyYAML was built with it (the wheels are), else the
# pure-Python one; both give the same nodes, with the same line marks.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    """A safe loader without implicit typing: scalars are strings."""


_Loader.yaml_implicit_resolvers = {}


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Mapping:
    result = Mapping(node.start_mark.line + 1)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, str):
            raise DataError(None, line, "", "mapping keys must be plain strings")
        if key in result:
            result.duplicates.append((key, line))
            continue
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = value_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> Sequence:
    result = Sequence(node.start_mark.line + 1)
    for item in node.value:
        result.append(loader.construct_object(item, deep=True))
        result.lines.append(item.start_mark.line + 1)
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_text(text: str, label: str):
    """Parse YAML text; `label` names the file in error messages."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a safe loader
    except DataError as err:
        raise DataError(label, err.line, err.path, err.message) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        problem = err.problem or err.context or "invalid YAML"
        raise DataError(label, line, "", f"YAML syntax error: {problem}") from None
    except yaml.YAMLError as err:  # errors without a position
        raise DataError(label, 1, "", f"YAML error: {err}") from None


def load_file(path: Path, label: str):
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(label, 0, "", "file not found") from None
    except UnicodeDecodeError as err:
        raise DataError(label, 1, "", f"not UTF-8 text ({err.reason} at byte {err.start})") from None
    return load_text(text, label)

"""Read YAML while remembering where every value came from.

The data files are edited by hand, so every error message must point at a
file and a line. PyYAML drops positions once it builds Python objects; this
loader keeps them on two small container types.

Every plain scalar stays a string: the validator, not YAML's implicit typing,
decides what a value means. That keeps `no` a string, `2016-07-26` a string
and a 40-hex commit that happens to look like a float a commit. The one
exception is null (`~`, `null` or nothing at all), which becomes None so that
the validator can refuse it instead of printing "null" on a page.

Text is checked before YAML sees it, so that line numbers stay right: invalid
UTF-8, control characters and Unicode line separators are reported at their
own line, and CR line endings are read as LF. Anchors and aliases are refused:
they let a small file expand into an enormous model.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from study.errors import DataError

MAX_BYTES = 4_000_000  # the largest data file today is about 200 KB
MAX_DEPTH = 20  # nesting of mappings and lists; the schema needs 6


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
_NULLS = {"", "~", "null", "Null", "NULL"}


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """A safe loader without implicit typing: scalars are strings."""


_Loader.yaml_implicit_resolvers = {}


def _depth_guard(node: yaml.Node) -> None:
    depth = getattr(node, "_depth", 0)
    if depth > MAX_DEPTH:
        raise DataError(None, node.start_mark.line + 1, "", f"nested more than {MAX_DEPTH} levels deep")
    for child in _children(node):
        child._depth = depth + 1  # type: ignore[attr-defined]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Mapping:
    _depth_guard(node)
    result = Mapping(node.start_mark.line + 1)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, str) or not key:
            raise DataError(None, line, "", "mapping keys must be plain strings")
        if key in result:
            result.duplicates.append((key, line))
            continue
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = value_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> Sequence:
    _depth_guard(node)
    result = Sequence(node.start_mark.line + 1)
    for item in node.value:
        result.append(loader.construct_object(item, deep=True))
        result.lines.append(item.start_mark.line + 1)
    return result


def _construct_string(loader: _Loader, node: yaml.ScalarNode) -> str | None:
    value = loader.construct_scalar(node)
    return None if not node.style and value in _NULLS else value  # plain, not quoted


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG, _construct_string)

# C0 and C1 controls other than tab and the line feed, DEL, the Unicode line and
# paragraph separators (YAML 1.1 counts them as line breaks, we would not), and
# a byte order mark anywhere but at the start.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def clean_text(raw: bytes, label: str) -> str:
    """Decoded text with LF line endings; DataError for anything a reader cannot see.

    Shared by the data files and the Markdown pages.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise DataError(label, line, "", f"not UTF-8 text ({err.reason} at byte {err.start})") from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    bad = _FORBIDDEN.search(text)
    if bad:
        raise DataError(label, line_at(text, bad.start()), "",
                        f"control or invisible character U+{ord(bad.group(0)):04X} is not allowed")
    return text


def _refuse_anchors(text: str, label: str) -> None:
    if "&" not in text and "*" not in text:
        return  # neither can occur without one of these characters
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                line = event.start_mark.line + 1 if event.start_mark else 1
                raise DataError(label, line, "",
                                "YAML anchors and aliases are not allowed; write each value out")
    except yaml.YAMLError:
        return  # load_text reports the syntax error with its position


def load_text(text: str, label: str) -> object:
    """Parse YAML text; `label` names the file in error messages."""
    _refuse_anchors(text, label)
    try:
        return yaml.load(text, Loader=_Loader)
    except DataError as err:
        raise DataError(label, err.line, err.path, err.message) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        problem = err.problem or err.context or "invalid YAML"
        raise DataError(label, line, "", f"YAML syntax error: {problem}") from None
    except yaml.YAMLError as err:  # errors without a position
        raise DataError(label, 1, "", f"YAML error: {err}") from None
    except RecursionError:
        raise DataError(label, 1, "", f"nested more than {MAX_DEPTH} levels deep") from None


def read_file(path: Path, label: str) -> str:
    """The text of a data file or page, refusing what is not a plain file of sane size."""
    if path.is_symlink():
        raise DataError(label, 0, "", "symbolic links are not allowed; put the file itself here")
    if path.is_dir():
        raise DataError(label, 0, "", "is a directory, not a file")
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise DataError(label, 0, "", "file not found") from None
    except OSError as err:
        raise DataError(label, 0, "", f"cannot be read ({err.strerror})") from None
    if len(raw) > MAX_BYTES:
        raise DataError(label, 0, "", f"file is larger than {MAX_BYTES:,} bytes")
    return clean_text(raw, label)


def load_file(path: Path, label: str) -> object:
    return load_text(read_file(path, label), label)

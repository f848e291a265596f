"""The one error type that bad input raises, and how values appear in it."""

from __future__ import annotations

import re

# Longest value a message echoes; longer ones are cut with a count of the rest.
SHOWN_MAX = 80
MESSAGE_MAX = 1000

# Everything outside printable ASCII is written as an escape, so that a control
# sequence cannot redraw the terminal and a look-alike letter (Cyrillic о for
# Latin o) cannot pass for the real one.
_UNSAFE = re.compile(r"[^\x20-\x7e]")
# Our own messages may use a few typographic characters; values never show them raw.
_UNSAFE_IN_MESSAGE = re.compile(r"[^\x20-\x7e§…→–]")


def _escape(match: re.Match) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def escaped(text: str, pattern: re.Pattern[str] = _UNSAFE) -> str:
    return pattern.sub(_escape, text)


def shown(value: object) -> str:
    """A value as a message quotes it: escaped, and cut when long."""
    text = str(value)
    if len(text) > SHOWN_MAX:
        text = f"{text[:SHOWN_MAX]}... ({len(text) - SHOWN_MAX} more characters)"
    return escaped(text)


class DataError(Exception):
    """A problem in a data file or a page, located by file, line and field path.

    str() gives the message the build prints, for example
    ``data/components.yaml:42: components[3].sources[1]: unknown source 'vz-dox'``.
    """

    def __init__(self, file: str | None, line: int, path: str, message: str):
        self.file = file
        self.line = line
        self.path = path
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else f"{self.file}"
        field = f" {self.path}:" if self.path else ""
        text = escaped(f"{where}:{field} {self.message}", _UNSAFE_IN_MESSAGE)
        return text if len(text) <= MESSAGE_MAX else text[:MESSAGE_MAX] + "..."

    def at(self, file: str, line: int | None = None) -> DataError:
        """The same problem, reported against another file (and line)."""
        return DataError(file, self.line if line is None else line, self.path, self.message)

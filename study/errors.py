"""The one error type that bad data raises."""

from __future__ import annotations


class DataError(Exception):
    """A problem in a data file, located by file, line and field path.

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
        return f"{where}:{field} {self.message}"

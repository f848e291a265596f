"""Count lines of code the same way for every repository.

Method: every file in the commit's tree is classified by its name (extension,
or a few well-known file names; files without an extension are classified by
their first line if it is a #! line). Binary files (with a NUL byte) and files
of no listed language are skipped. For each file the count is its number of
non-blank lines: comments are included, blank lines are not. Nothing is
excluded by directory, so vendored or generated sources count too; the
component pages say where that matters.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Iterable

LANGUAGES = ("C", "C/C++ header", "C++", "Python", "Shell", "Go", "Perl", "Assembly", "Make", "Autotools")

_BY_EXTENSION = {
    ".c": "C", ".h": "C/C++ header", ".hh": "C/C++ header", ".hpp": "C/C++ header", ".hxx": "C/C++ header",
    ".cpp": "C++", ".cc": "C++", ".cxx": "C++", ".c++": "C++",
    ".py": "Python", ".sh": "Shell", ".bash": "Shell", ".go": "Go", ".pl": "Perl", ".pm": "Perl",
    ".s": "Assembly", ".S": "Assembly", ".mk": "Make", ".am": "Autotools", ".ac": "Autotools", ".m4": "Autotools",
}
_BY_NAME = {"Makefile": "Make", "makefile": "Make", "GNUmakefile": "Make", "Kbuild": "Make",
            "configure.in": "Autotools"}
_SHEBANGS = {"python": "Python", "sh": "Shell", "bash": "Shell", "perl": "Perl"}


def language(path: str, head: bytes) -> str | None:
    """The language of a file from its name, or from its #! line."""
    name = posixpath.basename(path)
    if name in _BY_NAME:
        return _BY_NAME[name]
    ext = posixpath.splitext(name)[1]
    if ext in _BY_EXTENSION:
        return _BY_EXTENSION[ext]
    if not ext and head.startswith(b"#!"):
        words = head[2:].split(b"\n", 1)[0].decode("ascii", "replace").replace("/usr/bin/env", "").split()
        if words:
            interpreter = posixpath.basename(words[0]).rstrip("0123456789.")
            return _SHEBANGS.get(interpreter)
    return None


def count(files: Iterable[tuple[str, bytes]]) -> dict[str, int]:
    """Non-blank lines per language over (path, content) pairs."""
    totals: Counter = Counter()
    for path, content in files:
        if b"\0" in content[:8192]:
            continue
        lang = language(path, content[:200])
        if lang:
            totals[lang] += sum(1 for line in content.splitlines() if line.strip())
    return {lang: totals[lang] for lang in LANGUAGES if totals[lang]}

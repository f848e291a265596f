"""Lines of code are counted the same way for every repository."""

from __future__ import annotations

from study import loc


def test_language_by_extension_name_and_shebang():
    assert loc.language("lib/ploop.c", b"") == "C"
    assert loc.language("include/ploop.h", b"") == "C/C++ header"
    assert loc.language("src/Makefile", b"") == "Make"
    assert loc.language("configure.ac", b"") == "Autotools"
    assert loc.language("bin/vzctl-wrapper", b"#!/bin/bash\necho") == "Shell"
    assert loc.language("scripts/vz", b"#!/usr/bin/env python2\n") == "Python"
    assert loc.language("README", b"OpenVZ") is None
    assert loc.language("docs/x.md", b"") is None


def test_count_skips_blank_lines_binaries_and_unknown_files():
    files = [
        ("a.c", b"int x;\n\n  \n/* c */\nint y;\n"),
        ("b.py", b"import os\n\nprint(1)\n"),
        ("c.bin", b"\x00\x01"),
        ("d.c", b"\x00binary with c suffix"),
        ("README", b"text\n"),
    ]
    assert loc.count(files) == {"C": 3, "Python": 2}


def test_count_keeps_language_order():
    assert list(loc.count([("x.py", b"a\n"), ("y.c", b"b\n")])) == ["C", "Python"]

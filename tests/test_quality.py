"""Reproducible output, content lint, the ProperDocs exit, and what we ship."""

from __future__ import annotations

import filecmp
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SITE_URL, mkdocs_build

BIN = Path(sys.executable).parent
PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "python"


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path):
    env_backup = os.environ.pop("SOURCE_DATE_EPOCH", None)
    try:
        # No SOURCE_DATE_EPOCH from the caller: the hook pins it to the last commit.
        first, second = tmp_path / "a", tmp_path / "b"
        for dest in (first, second):
            result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
                                    cwd=ROOT, capture_output=True, text=True,
                                    env={k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
                                    | {"NO_MKDOCS_2_WARNING": "1"})
            assert result.returncode == 0, result.stderr
    finally:
        if env_backup is not None:
            os.environ["SOURCE_DATE_EPOCH"] = env_backup
    a, b = _tree(first), _tree(second)
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []


def test_markdown_lint():
    result = subprocess.run([str(BIN / "pymarkdown"), "scan", "-r", "docs", "README.md", "seeds/README.md"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_markdown_lint_catches_a_problem(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("# Title\n\n\n\nText\n#Heading without space\n")
    result = subprocess.run([str(BIN / "pymarkdown"), "scan", str(bad)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0


def test_spelling():
    result = subprocess.run([str(BIN / "codespell")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_spelling_catches_a_typo(tmp_path):
    (tmp_path / "t.md").write_text("This is teh text.\n")  # codespell:ignore
    result = subprocess.run([str(BIN / "codespell"), str(tmp_path / "t.md")], capture_output=True, text=True)
    assert result.returncode != 0 and "teh" in result.stdout  # codespell:ignore


def test_builds_strictly_under_properdocs(tmp_path, site_dir):
    assert PROPERDOCS.exists(), "ProperDocs environment missing: run `make test`, which creates .venv-properdocs"
    env = {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1",
           "SOURCE_DATE_EPOCH": "1469491200", "STUDY_SITE_URL": SITE_URL}
    result = subprocess.run([str(PROPERDOCS), "-m", "properdocs", "build", "--strict", "-d", str(tmp_path / "p")],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    ours, theirs = _tree(site_dir), _tree(tmp_path / "p")
    assert sorted(ours) == sorted(theirs)
    # Only the generator meta tag may differ.
    differing = [n for n in ours if ours[n] != theirs[n]]
    for name in differing:
        a = [l for l in ours[name].decode().splitlines() if 'name="generator"' not in l]
        b = [l for l in theirs[name].decode().splitlines() if 'name="generator"' not in l]
        assert a == b, name


def test_shipped_scripts_are_the_pinned_themes_own(site_dir):
    """No third-party script is vendored: every JS file comes from the pinned Material package."""
    import material

    theme = Path(material.__file__).parent / "templates"
    shipped = sorted(p for p in site_dir.rglob("*.js"))
    assert shipped, "the theme's bundle should be there"
    for js in shipped:
        twin = theme / js.relative_to(site_dir)
        assert twin.exists(), f"{js.relative_to(site_dir)} does not come from the theme package"
        assert hashlib.sha256(js.read_bytes()).digest() == hashlib.sha256(twin.read_bytes()).digest()


def test_material_version_is_the_pinned_one():
    from importlib.metadata import version

    assert version("mkdocs") == "1.6.1"
    assert version("mkdocs-material") == "9.8.2"

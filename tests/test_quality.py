"""Reproducible output, lint, types, code shape, the ProperDocs exit, and what we ship."""

from __future__ import annotations

import ast
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BUILD_ENV, ROOT, SITE_URL, mkdocs_build

BIN = Path(sys.executable).parent
PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "python"
CODE = ["study", "hooks", "scripts"]
MAX_FUNCTION_LINES = 50


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _run(*cmd: str) -> subprocess.CompletedProcess:
    return subprocess.run(list(cmd), cwd=ROOT, capture_output=True, text=True)


@pytest.mark.slow
def test_two_builds_are_byte_identical(site_dir, tmp_path):
    """A second build of this commit, made as the session's build was, gives the same bytes.

    Neither build is given SOURCE_DATE_EPOCH: the hook pins it to the last commit.
    """
    result = mkdocs_build(tmp_path / "again")
    assert result.returncode == 0, result.stderr
    a, b = _tree(site_dir), _tree(tmp_path / "again")
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []


@pytest.mark.slow
def test_markdown_lint():
    result = _run(str(BIN / "pymarkdown"), "scan", "-r", "docs", "README.md", "seeds/README.md")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_markdown_lint_catches_a_problem(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("# Title\n\n\n\nText\n#Heading without space\n")
    assert _run(str(BIN / "pymarkdown"), "scan", str(bad)).returncode != 0


@pytest.mark.slow
def test_spelling():
    result = _run(str(BIN / "codespell"))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_spelling_catches_a_typo(tmp_path):
    (tmp_path / "t.md").write_text("This is teh text.\n")  # codespell:ignore
    result = _run(str(BIN / "codespell"), str(tmp_path / "t.md"))
    assert result.returncode != 0 and "teh" in result.stdout  # codespell:ignore


@pytest.mark.slow
def test_ruff_finds_nothing():
    result = _run(str(BIN / "ruff"), "check", *CODE, "tests")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_ruff_catches_an_unused_import(tmp_path):
    (tmp_path / "x.py").write_text("import os\n")
    result = _run(str(BIN / "ruff"), "check", "--config", str(ROOT / "pyproject.toml"), str(tmp_path / "x.py"))
    assert result.returncode == 1 and "F401" in result.stdout


@pytest.mark.slow
def test_mypy_finds_nothing():
    result = _run(str(BIN / "mypy"), *CODE)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_catches_a_wrong_record_key(tmp_path):
    bad = tmp_path / "bad.py"
    misspelt = "nmae"  # codespell:ignore
    code = f"from study.records import Component\n\n\ndef f(c: Component) -> str:\n    return c['{misspelt}']\n"
    bad.write_text(code)
    result = subprocess.run([str(BIN / "mypy"), str(bad)], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "MYPYPATH": str(ROOT)})
    assert result.returncode == 1 and misspelt in result.stdout


def _functions() -> list[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    found = []
    for folder in CODE:
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            found += [(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}", node) for node in ast.walk(tree)
                      if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
    return found


def test_no_function_is_longer_than_50_lines():
    long = [f"{where} ({node.end_lineno - node.lineno + 1} lines)" for where, node in _functions()
            if node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert long == []


def test_no_function_is_above_complexity_grade_c():
    from radon.complexity import cc_rank, cc_visit

    knotted = []
    for folder in CODE:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for block in cc_visit(path.read_text(encoding="utf-8")):
                if cc_rank(block.complexity) > "C":
                    knotted.append(f"{path.relative_to(ROOT)}:{block.lineno} {block.name} "
                                   f"({cc_rank(block.complexity)} {block.complexity})")
    assert knotted == []


def test_tests_do_not_load_the_model_at_import_time():
    """A data error must fail the tests that need the data, not stop collection."""
    offenders = []
    for path in sorted((ROOT / "tests").glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            calls = [n for n in ast.walk(node) if isinstance(n, ast.Call)]
            names = {getattr(c.func, "id", getattr(c.func, "attr", "")) for c in calls}
            if isinstance(node, (ast.Assign, ast.AnnAssign, ast.Expr)) and names & {"load_model", "load_site"}:
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


@pytest.mark.slow
def test_builds_strictly_under_properdocs(tmp_path, site_dir):
    assert PROPERDOCS.exists(), "ProperDocs environment missing: run `make test`, which creates .venv-properdocs"
    env = {**os.environ, **BUILD_ENV, "STUDY_SITE_URL": SITE_URL}
    result = subprocess.run([str(PROPERDOCS), "-m", "properdocs", "build", "--strict", "-d", str(tmp_path / "p")],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    ours, theirs = _tree(site_dir), _tree(tmp_path / "p")
    assert sorted(ours) == sorted(theirs)
    # Only the generator meta tag may differ.
    for name in [n for n in ours if ours[n] != theirs[n]]:
        a = [line for line in ours[name].decode().splitlines() if 'name="generator"' not in line]
        b = [line for line in theirs[name].decode().splitlines() if 'name="generator"' not in line]
        assert a == b, name


@pytest.mark.slow
def test_shipped_scripts_are_the_pinned_themes_own(site_dir):
    """No third-party script is vendored: every JS file comes from the pinned Material package."""
    import material

    theme = Path(material.__file__).parent / "templates"
    shipped = sorted(site_dir.rglob("*.js"))
    assert shipped, "the theme's bundle should be there"
    for js in shipped:
        twin = theme / js.relative_to(site_dir)
        assert twin.exists(), f"{js.relative_to(site_dir)} does not come from the theme package"
        assert hashlib.sha256(js.read_bytes()).digest() == hashlib.sha256(twin.read_bytes()).digest()


def test_material_version_is_the_pinned_one():
    from importlib.metadata import version

    assert version("mkdocs") == "1.6.1"
    assert version("mkdocs-material") == "9.8.2"

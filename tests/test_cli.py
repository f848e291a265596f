"""The command line: the quick check, the schema and the typed records."""

from __future__ import annotations

import subprocess
import sys

from conftest import FIXTURE, ROOT

from study.__main__ import main


def test_validate_reports_a_valid_project(capsys):
    assert main(["validate", str(FIXTURE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{FIXTURE}/data: valid (6 sources, 1 claims, 2 components")
    assert "; 10 pages)" in out


def test_validate_reads_another_data_folder(fixture_project, capsys):
    (fixture_project / "data").rename(fixture_project / "other")
    assert main(["validate", str(fixture_project), "--data", "other"]) == 0
    assert main(["validate", str(fixture_project)]) == 1
    assert capsys.readouterr().err == "data: the data folder is missing, or is a symbolic link\n"


def test_schema_writes_one_file_per_collection(tmp_path, capsys):
    assert main(["schema", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{c}.schema.json" for c in ("sources", "claims", "components", "glossary", "flows", "translation",
                                    "timeline", "actors", "buildability", "work_packages", "kernel_interfaces",
                                    "errors", "config_keys", "prlctl_options", "paths", "entry_points",
                                    "disambiguation"))


def test_module_runs_as_a_program():
    result = subprocess.run([sys.executable, "-m", "study", "validate", str(FIXTURE)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    bad = subprocess.run([sys.executable, "-m", "study", "frobnicate"], cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode == 2 and "invalid choice" in bad.stderr

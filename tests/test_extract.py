"""The extraction scripts: their parsers on small inputs, and --verify against local snapshots if present.

The parsers are tested on text shaped like the 7.0 sources. The full check needs the snapshots
(MIRRORS, one git directory per repository); without them those tests are skipped, as
scripts/loc.py --verify skips repositories it has no snapshot of.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

MIRRORS = Path(os.environ.get("STUDY_MIRRORS", "/work/.mirror"))


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the script runs
    spec.loader.exec_module(module)
    return module


errors = _script("extract_errors")
config = _script("extract_config")


# -- extract_errors ------------------------------------------------------------------------------

def test_string_expression_joins_literals_and_macros():
    src = 'putErr(MIG_ERR_X, MIG_MSG_A " and \\"b\\"\\n", x);'
    text, end = errors.string_expression(src, src.index(",") + 1, {"MIG_MSG_A": "a"})
    assert text == 'a and "b"\n' and src[end] == ","


def test_string_expression_refuses_a_computed_message():
    src = "putErr(MIG_ERR_X, getError());"
    assert errors.string_expression(src, src.index(",") + 1, {}) == (None, src.index(",") + 1)


def test_defines_resolve_aliases_and_keep_lines():
    text = "#define MIG_ERR_IMPROPER\t-5\n#define MIG_ERR_SPECIALVE\tMIG_ERR_IMPROPER\n#define OTHER 1\n"
    assert errors.defines(text, r"MIG_ERR_\w+", r"-?\d+") == {"MIG_ERR_IMPROPER": ("-5", 1),
                                                              "MIG_ERR_SPECIALVE": ("-5", 2)}


def test_message_macros_follow_continuations_and_other_macros():
    text = ('#define MIG_MSG_B\t"b"\n#define MIG_MSG_A\t"first "\\\n\t"second " MIG_MSG_B\n')
    macros, where = errors.message_macros(text)
    assert macros == {"MIG_MSG_B": "b", "MIG_MSG_A": "first second b"}
    assert where["MIG_MSG_A"] == (2, 3)


def test_raises_are_keyed_by_module_class_and_function():
    lines = ["class worker:", "\tdef run(self):", "\t\tif x:", "\t\t\traise Exception(\"{0} missing\".format(p))",
             "def top():", "\traise Exception('Top failed')"]
    facts = errors._raises("phaul/iters.py", lines)
    assert [(f.code, f.text, f.anchors) for f in facts] == [
        ("iters.worker.run", "{0} missing", [("phaul/iters.py", 4, 4)]),
        ("iters.top", "Top failed", [("phaul/iters.py", 6, 6)])]


def test_enum_values_count_on_and_follow_names():
    text = "enum {\n\tA = 1,\n\tB,\n\t__START = 1000,\n\tC =\n\t\t__START,\t/* 1000 */\n\tD,\n};\n"
    values = errors._enum_values(text)
    assert {k: v[0] for k, v in values.items()} == {"A": 1, "B": 2, "__START": 1000, "C": 1000, "D": 1001}
    assert values["C"][1:] == (5, 6)


def test_prl_values_paste_the_digits_as_hexadecimal():
    text = ("#define PRL_ERR_A  PRL_RESULT_DECLARE_ERROR(31035)\n#define PRL_ERR_B  PRL_ERR_A\n"
            "#define PRL_WARN_C  PRL_RESULT_DECLARE_SUCCESS(582)\n")
    assert errors._prl_values(text) == {"PRL_ERR_A": ("0x80031035", 1), "PRL_ERR_B": ("0x80031035", 2),
                                        "PRL_WARN_C": ("582", 3)}


def test_check_fact_wants_definition_message_and_a_raising_line():
    fact = errors.Fact("X", "-3", "busy", [("h", 10, 10), ("h", 20, 21)], [("a.c", 5, 6)])
    entry = {"value": "-3", "text": "busy"}
    assert errors.check_fact(entry, fact, [("h", 10, 10), ("h", 19, 22), ("a.c", 6, 6)]) == []
    assert errors.check_fact({"value": "-4", "text": "busy"}, fact, [("h", 10, 10)]) == [
        "value '-4', but the source says '-3'", "no evidence covers h:20-21",
        "no evidence covers a line that raises it, e.g. a.c:5"]


# -- extract_config ------------------------------------------------------------------------------

def _row(table, scope=""):
    return config.Row(table, "s", "p", 1, "K", scope)


@pytest.mark.parametrize("tables, scopes, expected", [
    (["libvzctl.config_param_map"], [""], "ct.conf"),
    (["vzctl.vz_conf"], [""], "vz.conf"),
    (["libvzctl.config_param_map", "vzctl.vz_conf"], ["", ""], "both"),
    (["libvzctl.named"], ["global"], "vz.conf"),
    (["libvzctl.named", "libvzctl.named"], ["global", "ct"], "both"),
    (["vzctl.config"], [""], None),
])
def test_file_follows_from_the_tables(tables, scopes, expected):
    assert config.file_of([_row(t, s) for t, s in zip(tables, scopes)]) == expected


def test_block_finds_the_table_lines():
    lines = ["x", "static Option set_options[] = {", '{"memsize", 0, OptRequireArg, CMD_MEMSIZE},', "OPTION_END", "y"]
    assert list(config.block(lines, r"set_options\[\]", r"OPTION_END")) == [1, 2, 3]


# -- against the snapshots -----------------------------------------------------------------------

needs_mirrors = pytest.mark.skipif(not (MIRRORS / "OpenVZ+libvzctl").exists(), reason=f"no snapshots in {MIRRORS}")


def _verify(script: str, data: str = "data") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / script), "--verify", str(MIRRORS), "--data", data],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.mark.slow
@needs_mirrors
@pytest.mark.parametrize("script", ["extract_errors.py", "extract_config.py"])
def test_the_data_matches_the_code(script):
    result = _verify(script)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.rstrip().splitlines()[-1].endswith("0 differences")


@pytest.mark.slow
@needs_mirrors
def test_verify_catches_a_changed_value_text_line_and_key(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    atlas = (data / "errors.yaml").read_text(encoding="utf-8")
    atlas = atlas.replace('code: MIG_ERR_LOCK\n    value: "-3"', 'code: MIG_ERR_LOCK\n    value: "-33"')
    atlas = atlas.replace('text: "system error : %m"', 'text: "system error: %m"')
    (data / "errors.yaml").write_text(atlas, encoding="utf-8")
    keys = (data / "config.yaml").read_text(encoding="utf-8").replace(
        '{file: /etc/vz/vz.conf, value: "/vz/actionlog", state: set}',
        '{file: /etc/vz/vz.conf, value: "/vz/actionlogs", state: set}')
    (data / "config.yaml").write_text(keys, encoding="utf-8")
    found = _verify("extract_errors.py", str(data))
    assert found.returncode == 1
    assert "mig-err-lock: value '-33', but the source says '-3'" in found.stdout
    assert 'mig-err-system: text "system error: %m" is not a message of MIG_ERR_SYSTEM' in found.stdout
    found = _verify("extract_config.py", str(data))
    assert found.returncode == 1 and "ACTIONLOGDIR: shipped values differ" in found.stdout

"""`python -m sixk_grammar parse`, run as users run it: in a subprocess."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import REAL, SEEDS


def run(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "sixk_grammar", *args], input=stdin,
                          capture_output=True, timeout=120)


def test_one_file_prints_one_json_object_and_exits_0():
    done = run("parse", str(SEEDS[0]))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["source"] == str(SEEDS[0]) and result["complete"] is True


def test_several_files_print_json_lines():
    done = run("parse", str(SEEDS[0]), str(SEEDS[1]))
    lines = done.stdout.decode().splitlines()
    assert done.returncode == 0 and len(lines) == 2
    assert [json.loads(line)["source"] for line in lines] == [str(SEEDS[0]), str(SEEDS[1])]


def test_partial_input_exits_1():
    truncated = next(p for p in REAL if p.stem == "r032")
    done = run("parse", str(truncated))
    assert done.returncode == 1
    assert json.loads(done.stdout)["complete"] is False


def test_stdin_is_read_with_dash():
    done = run("parse", "-", stdin=SEEDS[0].read_bytes())
    assert done.returncode == 0
    assert json.loads(done.stdout)["cover"]["registrant"] == "HANARO TELECOM, INC."


def test_pretty_format():
    done = run("parse", "--format", "pretty", str(SEEDS[0]))
    assert done.returncode == 0
    assert b"HANARO TELECOM, INC." in done.stdout and b"exhibit 99.1" in done.stdout


def test_missing_file_is_a_one_line_error_with_exit_2(tmp_path):
    done = run("parse", str(tmp_path / "nope.txt"))
    assert done.returncode == 2
    assert done.stderr.decode().strip().count("\n") == 0
    assert b"no such file" in done.stderr and b"Traceback" not in done.stderr


def test_bad_usage_exits_2_without_traceback():
    done = run("parse", "--format", "xml", str(SEEDS[0]))
    assert done.returncode == 2 and b"Traceback" not in done.stderr
    done = run()
    assert done.returncode == 2 and b"Traceback" not in done.stderr

"""The command line never damages a user's files, and behaves as a ruff user
expects (issue 16): each test states one behaviour, in a temporary folder."""
from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT, SEEDS, read
from test_cli_check import run

SEED = read(SEEDS[0]) + "\n"


@pytest.fixture
def filings(tmp_path):
    """Two seeds and an HTML 6-K in a folder, with a tool folder (.venv) beside them."""
    folder = tmp_path / "filings"
    folder.mkdir()
    (folder / "a.txt").write_text(SEED, encoding="utf-8")
    (folder / "b.txt").write_text(SEED.replace("Company's", "Company\u2019s", 1), encoding="utf-8")
    (folder / "c.htm").write_text(read(CORPUS / "html" / "filings" / "h004.htm"), encoding="utf-8")
    venv = folder / ".venv" / "lib"
    venv.mkdir(parents=True)
    (venv / "junk.txt").write_text("not a filing\n", encoding="utf-8")
    return folder


# --------------------------------------------------- 2. never damage files ---

def test_parse_output_through_a_symbolic_link_keeps_the_link_and_the_mode(filings, tmp_path):
    target = tmp_path / "real.csv"
    target.write_text("old\n", encoding="utf-8")
    os.chmod(target, 0o640)
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    assert run("parse", str(filings / "a.txt"), "-o", str(link)).returncode == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8").startswith("source,form_type")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_fix_through_a_symbolic_link_keeps_the_link(filings, tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to(filings / "b.txt")
    run("check", "--fix", str(link))
    assert link.is_symlink()
    assert "\u2019" not in (filings / "b.txt").read_text(encoding="utf-8")


def test_output_to_a_fifo_is_a_stream(filings, tmp_path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    done = run("parse", str(filings / "a.txt"), "-o", str(fifo), "--output-format", "jsonl")
    reader.join(timeout=60)
    assert done.returncode == 0 and json.loads(received[0])["cover"]["registrant"] == "HANARO TELECOM, INC."
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)      # never replaced by a regular file


@pytest.mark.parametrize("command", ["check", "parse"])
def test_a_fifo_in_a_folder_is_skipped_not_opened(filings, command):
    os.mkfifo(filings / "stuck.txt")
    done = run(command, str(filings), "--jobs", "1")      # would hang reading the FIFO
    assert "skipped 1 file not regular files" in done.stderr
    assert "stuck.txt" not in done.stdout


@pytest.mark.parametrize("extension,check", [
    (".csv", lambda text: text.startswith("source,form_type")),
    (".jsonl", lambda text: json.loads(text.splitlines()[0])["source"]),
    (".json", lambda text: isinstance(json.loads(text), list)),
])
def test_output_format_from_the_extension(filings, tmp_path, extension, check):
    out = tmp_path / f"facts{extension}"
    assert run("parse", str(filings), "-o", str(out)).returncode in (0, 1)
    assert check(out.read_text(encoding="utf-8"))


def test_a_conflicting_output_format_is_a_usage_error(filings, tmp_path):
    done = run("parse", str(filings), "-o", str(tmp_path / "facts.csv"), "--output-format", "jsonl")
    assert done.returncode == 2 and "does not match" in done.stderr
    assert not (tmp_path / "facts.csv").exists()


@pytest.mark.parametrize("target,message", [("missing/facts.csv", "folder does not exist"), (".", "is a folder")])
def test_output_errors_are_usage_errors(filings, tmp_path, target, message):
    done = run("parse", str(filings), "-o", str(tmp_path / target))
    assert done.returncode == 2 and message in done.stderr and "internal error" not in done.stderr


# ------------------------------------------------------ 3. ruff's habits ---

def files_checked(done) -> int:
    """How many files the summary says were checked."""
    summary = next(line for line in done.stdout.splitlines() if line.startswith(("Found", "All checks")))
    return int(summary.rsplit(" in ", 1)[-1].split()[0]) if " in " in summary else int(
        summary.split("(")[1].split()[0])


def test_tool_folders_are_excluded_and_html_is_included(filings):
    done = run("check", str(filings), "--output-format", "json", "--exit-zero")
    assert not [f for f in json.loads(done.stdout) if ".venv" in f["filename"]]
    assert files_checked(run("check", str(filings), "--exit-zero")) == 3     # a.txt, b.txt and c.htm


def test_exclude_and_extend_exclude(filings):
    assert files_checked(run("check", str(filings), "--exclude", "", "--exit-zero")) == 4
    assert files_checked(run("check", str(filings), "--extend-exclude", "c.htm", "--exit-zero")) == 2
    (filings / "pyproject.toml").write_text('[tool.sixk_grammar]\nextend-exclude = ["b.txt"]\n', encoding="utf-8")
    assert files_checked(run("check", ".", "--exit-zero", cwd=filings)) == 2


def test_a_missing_path_among_several(filings):
    done = run("check", str(filings / "a.txt"), str(filings / "nope.txt"), str(filings / "b.txt"))
    assert done.returncode == 2 and "nope.txt: no such file or directory" in done.stderr
    assert "b.txt:" in done.stdout                       # the others are still checked
    rows = run("parse", str(filings / "a.txt"), str(filings / "nope.txt"), "--output-format", "jsonl")
    assert rows.returncode == 2
    assert [json.loads(line).get("error") for line in rows.stdout.splitlines()] == [
        None, "no such file or directory"]


def _wait_until_it_reads_standard_input(pid: int) -> None:
    """Until the process blocks reading its standard input (Linux shows it
    in /proc: a read, syscall 0, of file 0), at most 60 seconds: a fixed
    sleep interrupted a process still starting on a loaded machine."""
    syscall = Path(f"/proc/{pid}/syscall")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if syscall.read_text().split()[:2] == ["0", "0x0"]:
                return
        except OSError:            # no /proc here (not Linux): the old fixed wait
            time.sleep(3)
            return
        time.sleep(0.1)


def test_interrupt_exits_130_and_leaves_no_output(tmp_path):
    out = tmp_path / "facts.csv"
    process = subprocess.Popen([sys.executable, "-m", "sixk_grammar", "parse", "-", "-o", str(out)],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    _wait_until_it_reads_standard_input(process.pid)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130 and b"Traceback" not in stderr
    assert list(tmp_path.iterdir()) == []               # no partial output, no temporary file


def test_summary_wording(tmp_path):
    one = tmp_path / "one.txt"
    one.write_text(SEED.replace("November 2002", "Novembr 2002", 1), encoding="utf-8")
    assert "Found 1 problem (1 error, 0 warnings) in 1 file." in run("check", str(one)).stdout
    old = tmp_path / "old.txt"
    old.write_text(SEED.replace("November 2002", "November 2019", 1), encoding="utf-8")
    assert "1 info)" in run("check", str(old)).stdout    # SK310: a 2019 cover with the 12g3-2(b) question


def test_an_empty_folder_says_no_filing_was_found(tmp_path):
    done = run("check", str(tmp_path))
    assert done.returncode == 0 and "no filing found" in done.stderr


def test_a_fix_that_would_change_a_fact_is_never_offered(tmp_path):
    """An en dash in "Rule 12g3\u20132(b)": its repair would change the 82- line's text."""
    target = tmp_path / "dash.txt"
    text = SEED.replace("Company's", "Company\u2019s", 1)
    text = text.replace("Rule 12g3-2(b):", "Rule 12g3\u20132(b):", 1)
    target.write_text(text, encoding="utf-8")
    listed = run("check", str(target)).stdout
    offered = int(listed.split(" fixable with --fix.")[0].rsplit("\n", 1)[-1]) if "fixable" in listed else 0
    would = run("check", "--diff", str(target)).stderr
    assert f"Would fix {offered} problem" in would
    fixed = run("check", "--fix", str(target)).stdout
    assert f"Fixed {offered} problem" in fixed and "[*]" not in fixed


def test_line_width_counts_tab_stops_so_fix_creates_nothing(tmp_path):
    target = tmp_path / "tabs.txt"
    line = "Hanaro\tTelecom\tnotes\tthat\tthe\tline\tgoes on to seventy-five characters."
    assert len(line) < 80 < len(line.expandtabs(8))
    target.write_text(SEED.replace("</TABLE>", "</TABLE>\n" + line, 1), encoding="utf-8")
    codes = [finding.split()[1] for finding in run("check", str(target)).stdout.splitlines()[:-2]]
    assert "SK201" in codes
    before = run("check", str(target)).returncode
    run("check", "--fix", str(target))
    assert run("check", str(target)).returncode <= before


def test_the_caret_stands_under_its_character_after_tabs(tmp_path):
    target = tmp_path / "caret.txt"
    target.write_text(SEED.replace("Company's", "\tCompany\u2019s", 1), encoding="utf-8")
    out = run("check", "--output-format", "full", "--select", "SK203", str(target)).stdout.splitlines()
    source, caret = out[1], out[2]
    assert source[caret.index("^")] == "\u2019"


def test_a_tab_in_a_table_continuation_line_keeps_the_description():
    text = SEED.replace("                    Press Release regarding the", "       \tPress Release regarding\tthe", 1)
    import sixk_grammar
    whole = sixk_grammar.parse(SEED)["exhibits"][0]["description"]
    assert sixk_grammar.parse(text)["exhibits"][0]["description"] == whole


def test_rule_links_are_absolute_and_sarif_names_its_pages(filings):
    findings = json.loads(run("check", str(filings / "b.txt"), "--output-format", "json").stdout)
    assert all(f["url"].startswith("https://") and f["url"].endswith(f"/rules/{f['code']}.md") for f in findings)
    log = json.loads(run("check", str(filings / "b.txt"), "--output-format", "sarif").stdout)
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["informationUri"].startswith("https://")
    assert all(rule["helpUri"].endswith(f"/rules/{rule['id']}.md") for rule in driver["rules"])


def test_docs_url_in_the_config(filings):
    (filings / "pyproject.toml").write_text('[tool.sixk_grammar]\ndocs-url = "https://docs.example/six"\n',
                                            encoding="utf-8")
    findings = json.loads(run("check", "b.txt", "--output-format", "json", cwd=filings).stdout)
    assert findings[0]["url"] == f"https://docs.example/six/rules/{findings[0]['code']}.md"


def test_version_output_file_quiet_verbose_and_color(filings, tmp_path):
    assert run("--version").stdout.startswith("sixk_grammar ")
    report = tmp_path / "report.txt"
    done = run("check", str(filings / "b.txt"), "--output-file", str(report))
    assert done.stdout == "" and "SK203" in report.read_text(encoding="utf-8")
    assert "Found" not in run("check", str(filings / "b.txt"), "-q").stdout
    assert "configuration (defaults)" in run("check", str(filings / "b.txt"), "-v", cwd=tmp_path).stderr
    assert "\033[" in run("check", str(filings / "b.txt"), "--color", "always").stdout
    assert "\033[" not in run("check", str(filings / "b.txt"), "--color", "never").stdout


def test_stdin_filename_names_the_findings_and_picks_their_ignores(filings):
    (filings / "pyproject.toml").write_text('[tool.sixk_grammar]\nper-file-ignores = {"named.txt" = ["SK203"]}\n',
                                            encoding="utf-8")
    text = (filings / "b.txt").read_text(encoding="utf-8")
    named = run("check", "--stdin-filename", "named.txt", "-", stdin=text, cwd=filings).stdout
    assert "SK203" not in named
    other = run("check", "--stdin-filename", "other.txt", "-", stdin=text, cwd=filings).stdout
    assert other.startswith("other.txt:")


def test_statistics_in_json(filings):
    counts = json.loads(run("check", str(filings / "b.txt"), "--statistics", "--output-format", "json").stdout)
    assert {"code": "SK203", "name": "invalid-character", "severity": "error", "count": 1, "fixable": 1} in counts


def test_configuration_is_the_nearest_above_each_file(filings, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "b.txt").write_text((filings / "b.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (other / "pyproject.toml").write_text('[tool.sixk_grammar]\nignore = ["SK203"]\n', encoding="utf-8")
    out = run("check", str(filings / "b.txt"), str(other / "b.txt"), "--output-format", "json").stdout
    assert {f["filename"] for f in json.loads(out) if f["code"] == "SK203"} == {str(filings / "b.txt")}


@pytest.mark.parametrize("spelling", ["./b.txt", "b.txt", "ABSOLUTE"])
def test_per_file_ignores_match_however_the_path_is_spelt(filings, spelling):
    (filings / "pyproject.toml").write_text('[tool.sixk_grammar]\nper-file-ignores = {"b.txt" = ["SK203"]}\n',
                                            encoding="utf-8")
    path = str(filings / "b.txt") if spelling == "ABSOLUTE" else spelling
    assert "SK203" not in run("check", path, cwd=filings).stdout


def test_the_api_says_what_it_takes(tmp_path):
    code = ("import pathlib, sixk_grammar\n"
            "p = pathlib.Path(r'%s')\n"
            "print(sixk_grammar.parse(p)['cover']['registrant'])\n"
            "print(sixk_grammar.lint.check(p)[0].path == str(p))\n"
            "try:\n    sixk_grammar.parse(42)\nexcept TypeError as e:\n    print(e)\n") % SEEDS[0]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT).stdout.splitlines()
    assert out == ["HANARO TELECOM, INC.", "True", "parse() takes a str, bytes or os.PathLike (a path to read), not int"]

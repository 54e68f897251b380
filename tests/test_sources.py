"""Which filings a command reads, in-process: folders, globs, exclusions,
archives and the reasons a source cannot be read (the CLI tests run the same
through subprocesses; these state each rule of ``sources`` on its own)."""
from __future__ import annotations

import io
import os
import sys
import tarfile
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from sixk_grammar import sources
from sixk_grammar.sources import Discovery, Source, SourceError, discover, read_all

SEED = Path(__file__).resolve().parent.parent / "corpus" / "seeds" / "hanaro-2003-04.txt"


def write(path: Path, data: bytes = b"filing") -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return str(path)


def names(found: Discovery) -> list[str]:
    return [source.name for source in found.sources]


@pytest.fixture(autouse=True)
def fresh_archives():
    """Archives are opened once per process: a test's rewritten archive must be reopened."""
    sources._open_zip.cache_clear()
    sources._tar.cache_clear()
    yield
    sources._open_zip.cache_clear()
    sources._tar.cache_clear()


def test_a_folder_gives_its_filings_sorted_with_the_skipped_counted(tmp_path):
    b = write(tmp_path / "b.txt")
    a = write(tmp_path / "sub" / "a.htm")
    c = write(tmp_path / "sub" / "deeper" / "c.html")
    write(tmp_path / "notes.md")
    write(tmp_path / "image.gif")
    write(tmp_path / ".git" / "HEAD.txt")
    write(tmp_path / "node_modules" / "x" / "one.txt")
    write(tmp_path / "node_modules" / "two.txt")
    found = discover([str(tmp_path)])
    assert names(found) == sorted([a, b, c])
    assert found.missing == []
    assert found.skipped == Counter(include=2, excluded=3)
    assert found.notes(sources.DEFAULT_INCLUDE) == [
        "skipped 3 files in excluded folders or excluded by name",
        "skipped 2 files not matching *.txt, *.htm, *.html"]
    source = found.sources[0]
    assert (source.path, source.member, source.problem) == (b, None, None)


def test_notes_say_one_file_in_the_singular_and_nothing_for_none():
    found = Discovery([], [], Counter(special=1, include=0))
    assert found.notes(["*.txt"]) == ["skipped 1 file not regular files (FIFOs, sockets, devices: never opened)"]


def test_include_and_exclude_globs_match_names_and_paths(tmp_path):
    kept = write(tmp_path / "filing.txt")
    write(tmp_path / "draft.txt")
    write(tmp_path / "other.htm")
    write(tmp_path / "old" / "x.txt")
    found = discover([str(tmp_path)], include=["*.txt"], exclude=["draft.*", str(tmp_path / "old")])
    assert names(found) == [kept]
    assert found.skipped == Counter(include=1, excluded=2)


def test_a_path_named_on_the_command_line_is_read_whatever_its_name(tmp_path):
    odd = write(tmp_path / "node_modules" / "report.dat")
    found = discover([odd])
    assert names(found) == [odd] and found.sources[0].path == odd


def test_repeats_are_read_once_and_missing_paths_are_listed(tmp_path):
    filing = write(tmp_path / "a.txt")
    found = discover([filing, str(tmp_path), filing, str(tmp_path / "gone.txt"), "-"])
    assert names(found) == ["-", filing]
    assert found.missing == [str(tmp_path / "gone.txt")]


def test_a_dangling_symbolic_link_is_a_source_that_says_why(tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    found = discover([str(link)])
    assert names(found) == [str(link)]
    with pytest.raises(SourceError, match="^no such file$"):
        found.sources[0].read()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_in_a_folder_is_never_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "pipe.htm")
    kept = write(tmp_path / "a.txt")
    found = discover([str(tmp_path)])
    assert names(found) == [kept]
    assert found.skipped == Counter(special=2)


def test_an_unreadable_status_is_read_and_reports_its_reason(tmp_path, monkeypatch):
    monkeypatch.setattr(sources.os, "stat", lambda path: (_ for _ in ()).throw(PermissionError(13, "denied")))
    assert sources._regular(str(tmp_path / "a.txt")) is True


def zip_with(path: Path, members: dict[str, bytes]) -> str:
    with zipfile.ZipFile(path, "w") as bundle:
        for name, data in members.items():
            bundle.writestr(name, data)
    return str(path)


def tar_with(path: Path, members: dict[str, bytes], mode: str = "w:gz") -> str:
    with tarfile.open(path, mode) as bundle:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            bundle.addfile(info, io.BytesIO(data))
        folder = tarfile.TarInfo("folder.txt")
        folder.type = tarfile.DIRTYPE
        bundle.addfile(folder)
    return str(path)


def test_zip_members_matching_the_globs_are_sources_read_in_any_process(tmp_path):
    archive = zip_with(tmp_path / "bulk.zip", {"b/two.txt": b"two", "one.htm": b"one", "image.gif": b"gif"})
    found = discover([archive])
    assert names(found) == [f"{archive}!b/two.txt", f"{archive}!one.htm"]
    two = found.sources[0]
    assert (two.path, two.member, two.read_here) == (archive, "b/two.txt", False)
    assert two.read() == b"two"
    assert read_all(found.sources[1]) == (b"one", None)


@pytest.mark.parametrize("suffix, mode", [(".tar.gz", "w:gz"), (".tgz", "w:gz"), (".tar", "w")])
def test_tar_members_are_read_by_the_process_that_listed_them(tmp_path, suffix, mode):
    archive = tar_with(tmp_path / f"bulk{suffix}", {"x/one.txt": b"one", "skip.pdf": b"%PDF"}, mode)
    found = discover([str(tmp_path)])
    assert names(found) == [f"{archive}!x/one.txt"]
    member = found.sources[0]
    assert member.read_here is True and member.read() == b"one"


def test_a_tar_member_that_is_not_a_regular_file_says_so(tmp_path):
    archive = tar_with(tmp_path / "bulk.tar", {}, "w")
    with pytest.raises(SourceError, match="^it is not a regular file$"):
        Source(f"{archive}!folder.txt", archive, "folder.txt").read()


def test_archives_in_a_folder_are_opened_and_a_broken_one_is_one_source_that_says_why(tmp_path):
    good = zip_with(tmp_path / "a.zip", {"in.txt": b"in"})
    broken = write(tmp_path / "b.zip", b"not a zip at all")
    found = discover([str(tmp_path)])
    assert names(found) == [f"{good}!in.txt", broken]
    problem = found.sources[1]
    assert (problem.path, problem.member) == (broken, None)
    assert problem.problem == "cannot open the archive: File is not a zip file"
    assert read_all(problem) == (None, "cannot open the archive: File is not a zip file")
    with pytest.raises(SourceError, match="^cannot open the archive: File is not a zip file$"):
        problem.read()


def test_a_broken_archive_named_directly_is_one_source_too(tmp_path):
    broken = write(tmp_path / "bulk.tar.gz", b"\x1f\x8b broken")
    [source] = discover([broken]).sources
    assert source.name == broken and source.problem.startswith("cannot open the archive: ")


def test_a_member_gone_from_its_archive_says_why(tmp_path):
    archive = zip_with(tmp_path / "bulk.zip", {"in.txt": b"in"})
    assert read_all(Source(f"{archive}!gone.txt", archive, "gone.txt")) == (
        None, "cannot read it: \"There is no item named 'gone.txt' in the archive\"")


def test_reasons_a_file_cannot_be_read(tmp_path, monkeypatch):
    assert read_all(Source(str(tmp_path), str(tmp_path))) == (None, "it is a directory")
    assert read_all(Source("gone.txt", str(tmp_path / "gone.txt"))) == (None, "no such file")

    def refuse(self):   # a mode bit root would ignore
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert read_all(Source("locked.txt", "locked.txt")) == (None, "permission denied")


def test_other_operating_system_errors_give_their_own_words(tmp_path, monkeypatch):
    def refuse(self):
        raise OSError(5, "Input/output error")
    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert read_all(Source("a.txt", "a.txt")) == (None, "cannot read it: Input/output error")


def test_an_error_without_words_is_named_by_its_type():
    assert sources._reason(EOFError()) == "cannot read it: EOFError"
    assert sources._reason(KeyError("x")) == "cannot read it: 'x'"


def test_standard_input_is_read_here_as_bytes(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes())))
    source = Source(sources.STDIN)
    assert source.read_here is True
    assert source.read() == SEED.read_bytes()


def test_a_plain_file_is_read_anywhere_and_whole():
    source = Source(str(SEED), str(SEED))
    assert source.read_here is False
    assert source.read() == SEED.read_bytes()


def test_globs_match_the_base_name_only():
    assert sources.matches("a/b/filing.txt", ["f*"]) and sources.matches("dir x/filing.txt", ["f*.txt"])
    assert sources.excluded("build", ["build"]) and sources.excluded("a/BOX/", ["BOX"])
    assert sources.matches("folder.txt/readme.md", ["*.txt"]) is False
    assert sources.matches("a/b/filing.txt", ["*.txt"]) is True
    assert sources.is_archive("BULK.TGZ") and not sources.is_archive("bulk.gz")
    assert sources.excluded("a/build/", ["build"]) and not sources.excluded("a/builder", ["build"])


def test_standard_input_first_does_not_end_the_list(tmp_path):
    filing = write(tmp_path / "a.txt")
    assert names(discover(["-", filing])) == ["-", filing]


def test_archive_members_are_chosen_by_the_include_globs(tmp_path):
    archive = zip_with(tmp_path / "bulk.zip", {"one.txt": b"one", "two.htm": b"two"})
    tar = tar_with(tmp_path / "more.tgz", {"three.txt": b"three", "four.htm": b"four"})
    assert names(discover([archive], include=["*.htm"])) == [f"{archive}!two.htm"]
    assert names(discover([str(tmp_path)], include=["*.htm"])) == [f"{archive}!two.htm", f"{tar}!four.htm"]


def test_a_forked_worker_reads_a_zip_through_its_own_handle(tmp_path):
    """Workers fork after the listing opened the zip: each process reads
    through a handle of its own (a shared one shares its file offset)."""
    archive = zip_with(tmp_path / "bulk.zip", {f"m{n}.txt": bytes([65 + n]) * 5000 for n in range(8)})
    found = discover([archive]).sources
    assert found[0].read() == b"A" * 5000          # the parent opens it first
    from concurrent.futures import ProcessPoolExecutor
    with ProcessPoolExecutor(2) as pool:
        assert list(pool.map(read_all, found * 4)) == [(bytes([65 + n]) * 5000, None) for n in range(8)] * 4
    parents = sources._zip(archive)
    assert sources._zip(archive) is parents

"""The filings a command reads: files, folders, standard input and archives.

    found = discover(["filings/", "bulk-2003.zip", "-"], ["*.txt"])
    for source in found.sources:    # sorted by name
        data = source.read()        # bytes, or SourceError with the reason

A folder is searched recursively for file names matching the include globs
(default ``*.txt``, ``*.htm``, ``*.html``), but not in the folders that tools
keep (``.git``, ``.venv``, ``node_modules``...: ``DEFAULT_EXCLUDE``); archives
found there are opened too.  A ``.zip``,
``.tar``, ``.tar.gz`` or ``.tgz`` archive is read member by member, never
unpacked to disk; a member is named ``ARCHIVE!member/path.txt``.  Sources are
sorted by name, so that every run lists them in one order.

Zip members and plain files are read by whichever process handles them (the
zip's index is opened once per process).  A tar member is read from an
archive handle the listing process keeps open: a compressed tar has no index
to seek in.
"""
from __future__ import annotations

import fnmatch
import functools
import os
import stat
import sys
import tarfile
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

STDIN = "-"
DEFAULT_INCLUDE = ("*.txt", "*.htm", "*.html")
#: Folders a folder run does not descend into (as ruff): tools' and packagers'.
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", "build", "dist",
                   "__pycache__", "site-packages", ".mypy_cache", ".pytest_cache", ".ruff_cache")
ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz")
#: Between an archive's path and its member's in a source's name.
MEMBER_SEPARATOR = "!"


class SourceError(Exception):
    """A source that cannot be read; the message says why, for a person."""


@dataclass(frozen=True)
class Source:
    """One filing: a file, standard input, or an archive's member."""

    name: str                      # the path, "-", or "ARCHIVE!member"
    path: str | None = None        # the file, or the archive that holds the member
    member: str | None = None
    problem: str | None = None     # known while listing: the archive cannot be opened

    @property
    def read_here(self) -> bool:
        """Whether only the process that listed the source should read it:
        standard input, and tar members (a compressed tar cannot seek)."""
        return self.name == STDIN or (self.member is not None and not self.path.lower().endswith(".zip"))

    def read(self) -> bytes:
        """The source's bytes; SourceError says why they cannot be had."""
        if self.problem:
            raise SourceError(self.problem)
        if self.name == STDIN:
            return sys.stdin.buffer.read()
        try:
            if self.member is None:
                return Path(self.path).read_bytes()
            if self.path.lower().endswith(".zip"):
                return _zip(self.path).read(self.member)
            return _tar_member(self.path, self.member)
        except IsADirectoryError:
            raise SourceError("it is a directory") from None
        except FileNotFoundError:
            raise SourceError("no such file") from None
        except PermissionError:
            raise SourceError("permission denied") from None
        except (OSError, zipfile.BadZipFile, tarfile.TarError, EOFError, KeyError, RuntimeError) as error:
            raise SourceError(_reason(error)) from None


def _reason(error: Exception) -> str:
    text = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return f"cannot read it: {text}"


def is_archive(path: str) -> bool:
    return path.lower().endswith(ARCHIVE_SUFFIXES)


def matches(name: str, include) -> bool:
    base = name.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(base, pattern) for pattern in include)


@dataclass
class Discovery:
    """What ``discover`` found: the sources, sorted; the paths that do not
    exist; and the files of folders it passed over, counted by reason."""

    sources: list[Source]
    missing: list[str]
    skipped: Counter

    def notes(self, include) -> list[str]:
        """One line per reason files were passed over in folders."""
        reasons = {"include": f"not matching {', '.join(include)}",
                   "special": "not regular files (FIFOs, sockets, devices: never opened)",
                   "excluded": "in excluded folders or excluded by name"}
        return [f"skipped {count} file{'s' if count != 1 else ''} {reasons[reason]}"
                for reason, count in sorted(self.skipped.items()) if count]


def excluded(path: str, exclude) -> bool:
    """Whether a path's name, or the path itself, matches an exclude glob."""
    name = path.rstrip("/").rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(path, pattern) for pattern in exclude)


def discover(paths: list[str], include=DEFAULT_INCLUDE, exclude=DEFAULT_EXCLUDE) -> Discovery:
    """The sources ``paths`` name, sorted and without repeats.  Folders are
    searched for ``include`` globs, not descending into ``exclude``d folders
    (a path named on the command line is always read); a FIFO, socket or
    device in a folder is never opened."""
    found: dict[str, Source] = {}
    missing = []
    skipped: Counter = Counter()
    for path in paths:
        if path == STDIN:
            found[STDIN] = Source(STDIN)
            continue
        target = Path(path)
        if target.is_dir():
            for folder, folders, names in os.walk(target):
                kept = sorted(name for name in folders if not excluded(str(Path(folder) / name), exclude))
                skipped["excluded"] += sum(_count_files(Path(folder) / name) for name in folders if name not in kept)
                folders[:] = kept
                for name in names:
                    file = str(Path(folder) / name)
                    if excluded(file, exclude):
                        skipped["excluded"] += 1
                    elif not matches(name, include) and not is_archive(name):
                        skipped["include"] += 1
                    elif not _regular(file):
                        skipped["special"] += 1
                    elif is_archive(name):
                        found.update((s.name, s) for s in archive_members(file, include))
                    else:
                        found[file] = Source(file, file)
        elif target.exists() or target.is_symlink():
            if is_archive(path):
                found.update((s.name, s) for s in archive_members(path, include))
            else:
                found[path] = Source(path, path)
        else:
            missing.append(path)
    return Discovery([found[name] for name in sorted(found)], missing, skipped)


def _regular(path: str) -> bool:
    """A regular file (a symbolic link to one too), not a FIFO, socket or device."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True     # read it, and say why it cannot be read


def _count_files(folder: Path) -> int:
    """How many files a folder holds (an excluded folder's, for the note)."""
    return sum(len(names) for _, _, names in os.walk(folder))


def archive_members(path: str, include=DEFAULT_INCLUDE) -> list[Source]:
    """The members of an archive whose names match ``include``; an archive
    that cannot be opened is one source that says so."""
    try:
        if path.lower().endswith(".zip"):
            names = [info.filename for info in _zip(path).infolist() if not info.is_dir()]
        else:
            names = [member.name for member in _tar(path).getmembers() if member.isfile()]
    except (OSError, zipfile.BadZipFile, tarfile.TarError, EOFError) as error:
        return [Source(path, path, problem=f"cannot open the archive: {_reason(error)[len('cannot read it: '):]}")]
    return [Source(f"{path}{MEMBER_SEPARATOR}{name}", path, name) for name in names if matches(name, include)]


def _zip(path: str) -> zipfile.ZipFile:
    """An open zip, once per process: its index is read when it opens.  A
    worker forked after the listing opens its own: a handle shared across
    processes shares its file offset, and their reads would interleave."""
    return _open_zip(path, os.getpid())


@functools.lru_cache(maxsize=8)
def _open_zip(path: str, process: int) -> zipfile.ZipFile:
    return zipfile.ZipFile(path)


@functools.lru_cache(maxsize=8)
def _tar(path: str) -> tarfile.TarFile:
    return tarfile.open(path)   # the compression is detected


def _tar_member(path: str, member: str) -> bytes:
    archive = _tar(path)
    handle = archive.extractfile(archive.getmember(member))
    if handle is None:
        raise SourceError("it is not a regular file")
    with handle:
        return handle.read()


def read_all(source: Source) -> tuple[bytes | None, str | None]:
    """(bytes, None), or (None, the reason) for a source that cannot be read."""
    try:
        return source.read(), None
    except SourceError as error:
        return None, str(error)

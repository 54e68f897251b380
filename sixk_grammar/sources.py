"""The filings a command reads: files, folders, standard input and archives.

    sources, problems = discover(["filings/", "bulk-2003.zip", "-"], ["*.txt"])
    for source in sources:          # sorted by name
        data = source.read()        # bytes, or SourceError with the reason

A folder is searched recursively for file names matching the include globs
(default ``*.txt``); archives found there are opened too.  A ``.zip``,
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
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

STDIN = "-"
DEFAULT_INCLUDE = ("*.txt",)
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


def discover(paths: list[str], include=DEFAULT_INCLUDE) -> tuple[list[Source], list[str]]:
    """The sources ``paths`` name, sorted and without repeats, and one-line
    problems for paths that do not exist."""
    found: dict[str, Source] = {}
    problems = []
    for path in paths:
        if path == STDIN:
            found[STDIN] = Source(STDIN)
            continue
        target = Path(path)
        if target.is_dir():
            for folder, folders, names in os.walk(target):
                folders.sort()
                for name in names:
                    file = str(Path(folder) / name)
                    if is_archive(name):
                        found.update((s.name, s) for s in archive_members(file, include))
                    elif matches(name, include):
                        found[file] = Source(file, file)
        elif target.exists():
            if is_archive(path):
                found.update((s.name, s) for s in archive_members(path, include))
            else:
                found[path] = Source(path, path)
        else:
            problems.append(f"{path}: no such file or directory")
    return [found[name] for name in sorted(found)], problems


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


@functools.lru_cache(maxsize=8)
def _zip(path: str) -> zipfile.ZipFile:
    """An open zip, once per process: its index is read when it opens."""
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

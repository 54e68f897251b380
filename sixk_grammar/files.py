"""Writing a file so that it is never seen half-written."""
from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


@contextlib.contextmanager
def replaced_atomically(path: str | os.PathLike, binary: bool = False, encoding: str = "utf-8"):
    """A temporary file beside ``path`` to write; it replaces ``path`` (keeping
    an existing file's permissions) only when the block ends without an
    error.  An interrupted write leaves ``path`` as it was.

    A symbolic link is written through: the file it points to is replaced,
    the link stays.  What is not a regular file (a device, a FIFO,
    ``/dev/stdout``) is written as a stream, never replaced."""
    options = {} if binary else {"encoding": encoding, "newline": ""}
    if os.path.exists(path) and not os.path.isfile(path):
        with open(path, "wb" if binary else "w", **options) as stream:
            yield stream
        return
    target = Path(os.path.realpath(path))
    mode = _mode_for(target)
    handle = tempfile.NamedTemporaryFile(
        "wb" if binary else "w", dir=target.parent, prefix=f".{target.name}.", suffix=".tmp",
        delete=False, **options)
    try:
        with handle:
            yield handle
        os.chmod(handle.name, mode)
        os.replace(handle.name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise


def _mode_for(target: Path) -> int:
    """An existing file's permissions, or those a new file gets under the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask

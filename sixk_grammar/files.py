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
    error.  An interrupted write leaves ``path`` as it was."""
    target = Path(path)
    mode = _mode_for(target)
    handle = tempfile.NamedTemporaryFile(
        "wb" if binary else "w", dir=target.parent, prefix=f".{target.name}.", suffix=".tmp",
        delete=False, **({} if binary else {"encoding": encoding, "newline": ""}))
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

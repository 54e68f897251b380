"""Reading filings from paths or standard input, with one-line problems."""
from __future__ import annotations

import sys
from pathlib import Path

STDIN = "-"


def read_source(path: str) -> tuple[bytes | None, str | None]:
    """The file's bytes, or None and a message saying why it cannot be read."""
    if path == STDIN:
        return sys.stdin.buffer.read(), None
    target = Path(path)
    try:
        return target.read_bytes(), None
    except IsADirectoryError:
        return None, f"cannot read {path}: it is a directory"
    except FileNotFoundError:
        return None, f"cannot read {path}: no such file"
    except PermissionError:
        return None, f"cannot read {path}: permission denied"
    except OSError as error:
        return None, f"cannot read {path}: {error.strerror or error}"

"""What a worker does with one source: read it and parse it.

A job is a source with its bytes when the listing process had to read them
(standard input, tar members); other sources are read by the worker.  A
source that cannot be read, or is binary, gives ``{"source", "error"}``,
never an exception.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from .api import BINARY, analyse, binary, decode
from .records import record
from .sources import Source, read_all

Job = tuple  # (Source, (bytes, problem) read here or None, True for a flat record rather than the dict)


def jobs_for(sources: Iterable[Source], table: bool) -> Iterator[Job]:
    """The jobs for ``sources``, reading here those only this process can read."""
    for source in sources:
        yield source, (read_all(source) if source.read_here else None), table


def carried(job: tuple) -> int:
    """The bytes a job carries to its worker (a source read here)."""
    read = job[1]
    return len(read[0]) if read is not None and read[0] is not None else 0


def parse_job(job: Job) -> dict:
    """The parse dict of one source (``source`` first), or its flat record."""
    source, read, table = job
    del job
    result = parsed(source.name, [read if read is not None else read_all(source)])
    return record(result) if table else result


def parsed(name: str, read: list) -> dict:
    """``{"source": name}`` and the parse dict of the bytes in ``read``
    (``[(bytes, problem)]``, emptied here so that the bytes are freed before
    the text is parsed), or the problem (a binary file is one)."""
    data, problem = read.pop()
    problem = problem or (BINARY if binary(data) else None)
    if problem:
        return {"source": name, "error": problem}
    text, encoding = decode(data)
    del data
    return {"source": name} | analyse(text, encoding).result

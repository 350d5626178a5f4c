"""Writing an output file so that a failure never leaves a half-written file in place of a good one."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it replaces `path`, on error it is removed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


COPY_CHUNK = 1 << 20  # bytes between two progress reports: a second or less on a slow USB stick


def copy_file(source: Path, dest: Path, progress: Callable[[int, int, str], None] | None = None,
              cancel: Callable[[], bool] | None = None) -> Path:
    """Copy `source` to `dest` through a temporary file renamed at the end. `progress(bytes, total, "")`
    follows the copy; `cancel()` stops it (progress.Cancelled) and nothing is left at `dest`."""
    from ...domain.progress import step

    total = Path(source).stat().st_size
    with atomic_output(Path(dest)) as tmp, open(source, "rb") as src, open(tmp, "wb") as out:
        done = 0
        while chunk := src.read(COPY_CHUNK):
            out.write(chunk)
            done += len(chunk)
            step(progress, cancel, done, total)
        out.flush()
        os.fsync(out.fileno())
    return Path(dest)

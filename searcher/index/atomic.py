"""One way to replace a file: a reader sees the old file or the new one, never a part,
and after a crash or a power cut the new one is on disk (file and folder fsynced).

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> write_atomic(folder / "build.json", '{"articles": 5}')
>>> (folder / "build.json").read_text(), sorted(p.name for p in folder.iterdir())
('{"articles": 5}', ['build.json'])
"""

from __future__ import annotations

import os
from pathlib import Path


def write_atomic(path: Path, data: bytes | str, temp_prefix: str = ".") -> None:
    """Write ``data`` (str: UTF-8) to ``path`` through a temporary file beside it, named
    ``<temp_prefix><name>.<pid>.tmp`` (hidden by default: corpus walks skip it)."""
    tmp = path.with_name(f"{temp_prefix}{path.name}.{os.getpid()}.tmp")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        with open(tmp, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
        fsync_dir(path.parent)
    finally:
        tmp.unlink(missing_ok=True)


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in ``path`` durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

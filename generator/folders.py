"""Output folders replaced all at once: made beside the target, then swapped in."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def staging(beside: Path, prefix: str) -> Iterator[Path]:
    """A new empty folder beside ``beside`` (so that a rename can swap it in), removed
    on the way out with whatever was not swapped in."""
    beside.parent.mkdir(parents=True, exist_ok=True)
    # Absolute, because mkdocs reads relative paths from mkdocs.yml's folder.
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=beside.parent)).resolve()
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def swap_in(new: Path, target: Path) -> None:
    """Replace ``target`` with ``new``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)

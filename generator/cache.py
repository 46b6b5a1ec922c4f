"""Content-hash caches, so that a rebuild redoes only what a change touched.

Every key includes ``CODE``, a hash of the generator's code and templates: a
new version of either makes every entry stale. The parse cache keeps each
source file's documents, warnings and search pages under the hash of its
bytes; the render stage keeps a fingerprint of each page's inputs beside the
pages (render.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
from functools import cache
from pathlib import Path

from .errors import Problem
from .model import Document

PACKAGE = Path(__file__).resolve().parent
THEME = PACKAGE.parent / "theme"


@cache
def code_version() -> str:
    """A hash of every file of the generator and of the theme."""
    digest = hashlib.sha256()
    for path in sorted([*PACKAGE.rglob("*.py"), *THEME.rglob("*")]):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def source_key(name: str, data: bytes) -> str:
    """What a source file's parse depends on: its name (its documents and warnings
    give it), its bytes and the code."""
    return hashlib.sha256(f"{code_version()}\0{name}\0".encode() + data).hexdigest()


# What a source file gave: its documents (model.StoredDocument: clauses read on first
# use), its warnings, and each document's search page (search.search_page, UTF-8)
# if the parse made them.
Entry = tuple[list[Document], list[Problem], list[bytes | None]]


class ParseCache:
    """Parsed source files (``Entry``) by the hash of the file and of the code.

    Entries are pickles written by this program for itself; ``prune`` drops
    those a build did not use, so the folder holds one build's worth.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()
        self.hits: set[str] = set()

    def get(self, key: str) -> Entry | None:
        self.used.add(key)
        try:
            entry: Entry = pickle.loads(self.path(key).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            return None
        self.hits.add(key)
        return entry

    def put(self, key: str, entry: Entry) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        # This process's own: workers may put the same entry at once (two files of
        # one name and the same bytes, in two folders).
        part = self.folder / f"{key}.{os.getpid()}.part"
        part.write_bytes(pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))
        part.replace(self.path(key))  # never a half-written entry

    def prune(self) -> None:
        for entry in self.folder.glob("*.pickle"):
            if entry.stem not in self.used:
                entry.unlink(missing_ok=True)
        for part in self.folder.glob("*.part"):  # left by a build that was stopped
            part.unlink(missing_ok=True)

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.pickle"


def read_manifest(file: Path) -> dict[str, str]:
    """The fingerprints a previous build recorded ({} if none)."""
    try:
        manifest: dict[str, str] = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest


def reuse(source: Path, target: Path) -> bool:
    """Hard-link (or copy) a file of the previous build; False if it is gone."""
    try:
        link_or_copy(source, target)
    except OSError:
        return False
    return True


def link_or_copy(source: str | Path, target: str | Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)

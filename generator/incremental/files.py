"""Digests, and files of a previous build read without trusting them."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from functools import cache
from pathlib import Path
from typing import Any

from ..parse import Parsed

PACKAGE = Path(__file__).resolve().parent.parent
THEME = PACKAGE.parent / "theme"


@cache
def code_version() -> str:
    """A hash of every file of the generator and of the theme: a new version of either
    makes everything the incremental layer kept stale."""
    digest = hashlib.sha256()
    for path in sorted([*PACKAGE.rglob("*.py"), *THEME.rglob("*")]):
        if path.is_file():
            name = path.relative_to(PACKAGE.parent).as_posix()
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def bytes_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def source_key(name: str, data: bytes) -> str:
    """What parsing a source file depends on: its name (its documents and warnings give
    it), its bytes and the code."""
    return hashlib.sha256(f"{code_version()}\0{name}\0".encode() + data).hexdigest()


def document_digests(parsed: Parsed) -> dict[str, str]:
    """A digest of each document by id: of its source file, its place in the file and
    its id (which a repeated id in another file changes). The parser is a function of
    the file's name and bytes, so the same digest means the same document."""
    return {
        document.id: digest(
            source_key(file.source.path.name, file.source.data), str(i), document.id
        )
        for file in parsed.files
        for i, document in enumerate(file.documents)
    }


def read_manifest(file: Path) -> dict[str, Any]:
    """The mapping a previous build recorded in a JSON file; {} if it is missing, damaged
    in any way, or not a mapping."""
    try:
        data = json.loads(file.read_bytes())
    except (OSError, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def read_verified(file: Path, expected: object) -> bytes | None:
    """A file's bytes if their digest is ``expected``; None otherwise."""
    try:
        data = file.read_bytes()
    except OSError:
        return None
    return data if bytes_digest(data) == expected else None


def reuse_verified(source: Path, target: Path, expected: object) -> bool:
    """Hard-link (or copy) ``source`` to ``target`` if its bytes have the ``expected``
    digest; False, saying so, if they have not (it is made again)."""
    if not isinstance(expected, str) or read_verified(source, expected) is None:
        if source.exists():
            print(f"rebuilt {source}: it is not what the previous build made", file=sys.stderr)
        return False
    try:
        hardlink_or_copy(source, target)
    except OSError:
        return False
    return True


def hardlink_or_copy(source: str | Path, target: str | Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def write_json(file: Path, data: object) -> None:
    file.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")

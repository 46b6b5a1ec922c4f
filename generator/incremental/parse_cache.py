"""Parsed source files, by the hash of their name, bytes and the code (``source_key``).

An entry is a JSON file: a first line with the digest of the rest, then the
entry's own key, its documents (as ``store.to_dict`` gives them) and its
warnings. A file whose digest or key does not match, or that does not read as
an entry, is a miss. ``prune`` drops the entries a build did not use.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..parse import ParsedFile
from ..read import Source
from ..store import document_from, to_dict
from .files import bytes_digest, source_key


class ParseCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()

    def get(self, source: Source) -> ParsedFile | None:
        key = source_key(source.path.name, source.data)
        self.used.add(key)
        try:
            head, _, body = self.path(key).read_bytes().partition(b"\n")
            if head.decode() != bytes_digest(body):
                raise ValueError("damaged")
            entry = json.loads(body)
            if entry["key"] != key:
                raise ValueError("another file's entry")
            documents = [document_from(data) for data in entry["documents"]]
            warnings = [Problem(*warning) for warning in entry["warnings"]]
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            print(f"parsed {source.path} again: its cache entry is damaged", file=sys.stderr)
            return None
        return ParsedFile(source, documents, warnings)

    def put(self, parsed: ParsedFile) -> None:
        key = source_key(parsed.source.path.name, parsed.source.data)
        entry: dict[str, Any] = {
            "key": key,
            "documents": [to_dict(document) for document in parsed.documents],
            "warnings": [[w.path, w.line, w.message, w.column, w.text] for w in parsed.warnings],
        }
        body = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode()
        # This process's own: workers may put the same entry at once (two files of
        # one name and the same bytes, in two folders).
        part = self.folder / f"{key}.{os.getpid()}.part"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if self.path(key).is_dir():  # a folder where an entry belongs
                remove(self.path(key))
            part.write_bytes(bytes_digest(body).encode() + b"\n" + body)
            part.replace(self.path(key))  # never a half-written entry
        except OSError as error:  # a cache that cannot be written only makes the next build slower
            print(f"not cached: {parsed.source.path}: {error}", file=sys.stderr)

    def prune(self) -> None:
        """Drop the entries this build did not use, and parts left by a stopped build."""
        if not self.folder.is_dir():
            return
        for entry in self.folder.iterdir():
            if entry.name.removesuffix(".json") not in self.used or entry.suffix != ".json":
                remove(entry)

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.json"


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)

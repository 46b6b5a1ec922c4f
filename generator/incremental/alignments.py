"""AlignMemo: two documents' alignment, kept while neither document changed.

Aligning a work's documents is most of what a one-file rebuild would otherwise
redo for every work (``align.alignment``: a similarity matrix per pair). The
alignment is a function of the two documents and the code: keyed by their digests
and the code version, it is kept in ``build/cache/alignments.json``, which holds
the digest of its own entries: a damaged file is a miss, never an answer.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .files import code_version, digest, read_manifest, write_json

Pairs = list[tuple[str, str]]


class AlignMemo:
    def __init__(self, cache: Path, digests: dict[str, str]) -> None:
        self.file = cache / "alignments.json"
        self.digests = digests
        found = read_manifest(self.file)
        entries = found.get("entries")
        self.before: dict[str, Any] = (
            entries if isinstance(entries, dict) and found.get("digest") == of(entries) else {}
        )
        self.after: dict[str, Pairs] = {}  # this build's: the next one keeps only these

    def key(self, older: str, newer: str) -> str:
        return digest(code_version(), self.digests[older], self.digests[newer])

    def get(self, older: str, newer: str) -> Pairs | None:
        kept = self.before.get(self.key(older, newer))
        if not isinstance(kept, list) or not all(
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(a, str) for a in pair)
            for pair in kept
        ):
            return None
        pairs = [(a, b) for a, b in kept]
        self.after[self.key(older, newer)] = pairs
        return pairs

    def put(self, older: str, newer: str, pairs: Pairs) -> None:
        self.after[self.key(older, newer)] = pairs

    def save(self) -> None:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        entries = {key: [list(pair) for pair in pairs] for key, pairs in self.after.items()}
        write_json(self.file, {"digest": of(entries), "entries": entries})


def of(entries: object) -> str:
    return digest(json.dumps(entries, ensure_ascii=False, sort_keys=True))

"""Passes over the whole collection, after every file is parsed.

For now: make document ids unique where two sources give the same one.
"""

from __future__ import annotations

from dataclasses import replace

from .model import Document


def unique_ids(documents: list[Document]) -> list[Document]:
    """Suffix ``-2``, ``-3`` … to repeated ids, in source order, so each id names one file."""
    seen: dict[str, int] = {}
    result = []
    for document in documents:
        count = seen.get(document.id, 0) + 1
        seen[document.id] = count
        result.append(document if count == 1 else replace(document, id=f"{document.id}-{count}"))
    return result

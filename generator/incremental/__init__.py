"""The incremental layer: what a build may take from the previous one, and only that.

The pipeline (``generator/build.py``) reads the same without it: a ``--fresh``
build passes no memo to any stage. With it, each stage that can skip work gets
a memo from here:

- parse: ``ParseCache``, a source file's documents by the hash of its bytes and
  of the code (``build/cache/parse/``);
- write YAML: ``YamlMemo``, a document's YAML file kept where its digest is unchanged;
- render: ``PageMemo``, a page of the previous docs folder (``build/docs``) kept
  where every query it made of the collection gives what it gave then;
- mkdocs: ``SiteMemo``, the previous site's files, so mkdocs builds only the
  pages that changed;
- link: ``AlignMemo``, two documents' alignment, while neither changed
  (``build/cache/alignments.json``).

Nothing is reused unverified: every kept output is checked against the digest
recorded when it was made, and an entry that is missing, damaged or foreign is a
miss (rebuilt), never an error. Everything is JSON: no format that runs code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..parse import Parsed
from .alignments import AlignMemo
from .files import document_digests
from .outputs import SiteMemo, YamlMemo
from .pages import PageMemo
from .parse_cache import ParseCache

__all__ = [
    "NONE",
    "AlignMemo",
    "Memos",
    "PageMemo",
    "ParseCache",
    "SiteMemo",
    "YamlMemo",
    "memos",
]


@dataclass(frozen=True)
class Memos:
    """What the stages after the parse may take from the previous build."""

    yaml: YamlMemo | None
    pages: PageMemo | None
    site: SiteMemo | None
    alignments: AlignMemo | None


NONE = Memos(None, None, None, None)  # a fresh build


def memos(parsed: Parsed, yaml: Path, site: Path, build_dir: Path, config: Path) -> Memos:
    """The memos of a build of the documents ``parsed`` into these folders."""
    digests = document_digests(parsed)
    previous_docs = build_dir / "docs"
    return Memos(
        YamlMemo(yaml, digests),
        PageMemo(previous_docs, digests),
        SiteMemo(site, previous_docs, config),
        AlignMemo(build_dir / "cache", digests),
    )

"""The clauses of a work's documents aligned by what they say: lineages.

Clauses are renumbered freely between revisions, so a clause is followed by its
text, not its number. The documents of a work are taken oldest first (by year:
an adopted text's revision, a proposal's conference); each neighbouring pair is
aligned one to one, as an assignment (scipy's Hungarian method) over the
similarity of their normalised texts (rapidfuzz), the label and the section a
tie-breaker; a pair less alike than THRESHOLD is no pair: the clause is new, or
gone. Matched clauses share a lineage, named after the clause it starts from
(``pp-140-2018-eur-48a1-9/recalling-a``), as Akoma Ntoso's ``wId`` names an
element across versions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process
from scipy.optimize import linear_sum_assignment

from .extract import reading
from .model import Clause, Document, every_clause, within
from .names import document_year
from .patterns import FOOTNOTE_MARKER

THRESHOLD = 0.6  # similarity (0–1) under which two clauses are not one
SAME_LABEL = 0.03  # a tie-breaker: two equally similar clauses, the one keeping its label
SAME_SECTION = 0.03  # …or its section

YEARS = re.compile(r"[0-9]{4}")  # year residue: editions change, the clause stays
NOT_WORDS = re.compile(r"[\W_]+")  # punctuation and spaces, of either width


@dataclass(frozen=True)
class Lineage:
    """One clause through a work's documents: each document's anchor for it."""

    id: str
    clauses: dict[str, str]  # document id → anchor


@dataclass(frozen=True)
class Entry:
    """A clause as the alignment sees it."""

    anchor: str
    section: str
    label: str | None
    text: str  # normalised


def alignment(older: Document, newer: Document) -> list[tuple[str, str]]:
    """The pairs (older anchor, newer anchor) of clauses that are one clause. The older
    document is read as it proposes, the newer as its base text: what the one
    proposed is what the other amends."""
    a, b = entries(older, "new"), entries(newer, "old")
    if not a or not b:
        return []
    texts = [e.text for e in a], [e.text for e in b]
    similar = process.cdist(*texts, scorer=fuzz.ratio, workers=-1) / 100  # on every core
    score = similar + SAME_LABEL * same([e.label for e in a], [e.label for e in b])
    score += SAME_SECTION * same([e.section for e in a], [e.section for e in b])
    rows, columns = linear_sum_assignment(score, maximize=True)
    return [
        (a[i].anchor, b[j].anchor)
        for i, j in zip(rows, columns, strict=True)
        if similar[i, j] >= THRESHOLD
    ]


def same(a: list[str | None], b: list[str | None]) -> np.ndarray:
    """1 where an item of ``a`` equals one of ``b`` (and is not None), else 0: the
    items as numbers, compared by numpy at once (a work's pair can be 300 × 300)."""
    codes: dict[str | None, int] = {None: -1}
    numbered_a = np.array([codes.setdefault(x, len(codes)) for x in a])
    numbered_b = np.array([codes.setdefault(y, len(codes)) for y in b])
    equal = (numbered_a[:, None] == numbered_b[None, :]) & (numbered_a[:, None] >= 0)
    result: np.ndarray = equal.astype(float)
    return result


def proposed(clause: Clause) -> str:
    """A clause's text as its document proposes it (an adopted text's as it is)."""
    return reading(clause.text, clause.edits, "new")


def entries(document: Document, side: str) -> list[Entry]:
    found = []
    for section in document.sections:
        for clause in within(section.clauses):
            text = normalised(reading(clause.text, clause.edits, side))
            found.append(Entry(clause.anchor, section.verb or section.heading, clause.label, text))
    return found


# NFKC's own mapping of full-width ASCII and the ideographic space, done by
# str.translate: what is left of a Chinese text is then NFKC already, which Python
# checks much faster than it normalises.
FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def normalised(text: str) -> str:
    """Chinese as compared: NFKC (full and half width alike), without footnote markers,
    years or punctuation."""
    text = FOOTNOTE_MARKER.sub("", text).translate(FULL_WIDTH)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return NOT_WORDS.sub("", YEARS.sub("", text))


def in_time(documents: list[Document]) -> list[Document]:
    """A work's documents oldest first: by year (an adopted text's revision, a
    proposal's conference), an adopted text before the proposals of its year."""
    return sorted(documents, key=lambda d: (document_year(d) or 0, d.proposal is not None))


def lineages(
    documents: list[Document], aligned: Callable[[str, str], list[tuple[str, str]]]
) -> list[Lineage]:
    """Every clause of a work's documents in exactly one lineage, in the order the
    lineages start (oldest document first, then document order); ``aligned`` gives
    the pairs of two documents' clauses (``Collection.aligned``)."""
    ordered = in_time(documents)
    groups: list[Lineage] = []
    previous: dict[str, Lineage] = {}  # the older document's anchors → their lineage
    for n, document in enumerate(ordered):
        pairs = aligned(ordered[n - 1].id, document.id) if n else []
        came_from = {new: old for old, new in pairs}
        current: dict[str, Lineage] = {}
        for clause in every_clause(document):
            old = came_from.get(clause.anchor)
            lineage = previous.get(old) if old else None
            if lineage is None:
                lineage = Lineage(f"{document.id}/{clause.anchor}", {})
                groups.append(lineage)
            lineage.clauses[document.id] = clause.anchor
            current[clause.anchor] = lineage
        previous = current
    return groups

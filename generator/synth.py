"""Synthetic corpora for the benchmarks: N resolutions recombined from the real parsed ones.

Each synthetic resolution takes a real one's title and whole sections drawn
from several real resolutions (so clause trees, labels and Chinese text are
real), gets its own body, number and year, and its citations are pointed at
other synthetic resolutions, so cross-references and the matrix stay dense.
Deterministic for a given seed.
"""

from __future__ import annotations

import random
from dataclasses import replace

from .model import Citation, Clause, Document, Revision, Section
from .tables import ACTION_LINES, CONFERENCES

BODIES = ("pp", "wtsa", "wtdc", "itu-r")


def synthesize(real: list[Document], count: int, seed: int = 0) -> list[Document]:
    rng = random.Random(seed)
    donors = [d for d in real if d.kind == "resolution" and d.sections]
    works = [(rng.choice(BODIES), n) for n in range(1, count + 1)]
    return [synthetic_document(rng, donors, works, body, number) for body, number in works]


def synthetic_document(
    rng: random.Random, donors: list[Document], works: list[tuple[str, int]], body: str, number: int
) -> Document:
    year, place = rng.choice([(y, p) for b, y, p in CONFERENCES if b == body])
    title_donor = rng.choice(donors)
    sections: dict[str, Section] = {}
    for donor in rng.sample(donors, k=min(3, len(donors))):
        for section in donor.sections:
            if section.anchor not in sections and rng.random() < 0.6:
                clauses = tuple(rewire(rng, clause, works) for clause in section.clauses)
                sections[section.anchor] = replace(section, clauses=clauses)
    return replace(
        title_donor,
        id=f"{body}-{number}-{year}",
        work=f"{body}-{number}",
        body=body,
        number=str(number),
        revision=Revision(year, place),
        history=(Revision(year, place),),
        proposal=None,
        sections=tuple(sections.values()),
        source=f"synthetic-{number}.txt",
    )


def rewire(rng: random.Random, clause: Clause, works: list[tuple[str, int]]) -> Clause:
    """The clause with its citations pointed at synthetic works, and some tags added."""
    refs = tuple(
        Citation(target="{}-{}".format(*rng.choice(works)), text=ref.text) for ref in clause.refs
    )
    action_lines, sdgs = clause.action_lines, clause.sdgs
    if rng.random() < 0.05:
        action_lines = tuple(sorted(rng.sample(sorted(ACTION_LINES), 2), key=lambda c: int(c[1:])))
        sdgs = tuple(sorted(rng.sample(range(1, 18), 2)))
    children = tuple(rewire(rng, child, works) for child in clause.clauses)
    return replace(clause, refs=refs, action_lines=action_lines, sdgs=sdgs, clauses=children)

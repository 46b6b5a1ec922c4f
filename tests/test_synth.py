"""Synthetic corpora for the benchmarks: real clauses recombined, written as source texts."""

from __future__ import annotations

from dataclasses import replace

import pytest

from benchmarks.synth import BODIES, source_text, synthesize
from generator.errors import Warnings
from generator.html import marked_footnotes
from generator.link import Collection, places
from generator.model import Clause, Document
from generator.parse import Parsed, parse_lines
from generator.read import normalise


def parse_text(text: str, name: str = "synthetic.txt") -> list[Document]:
    return parse_lines(normalise(text), name, Warnings())


@pytest.fixture(scope="module")
def synthetic(corpus: Parsed) -> list[Document]:
    files = synthesize(corpus.documents, 60, seed=1)
    assert files == synthesize(corpus.documents, 60, seed=1)  # deterministic
    return [document for name, text in files for document in parse_text(text, name)]


def test_each_synthetic_file_parses_into_the_resolution_it_names(
    synthetic: list[Document],
) -> None:
    assert len(synthetic) == 60 and len({d.id for d in synthetic}) == 60
    assert {d.body for d in synthetic} == set(BODIES)
    assert all(d.kind == "resolution" and d.sections for d in synthetic)


def test_synthetic_works_have_versions_in_the_same_mix_at_every_size(
    corpus: Parsed, synthetic: list[Document]
) -> None:
    """Works are adopted, then revised at later conferences of their body, under one title."""
    by_work: dict[str, list[Document]] = {}
    for document in synthetic:
        by_work.setdefault(document.work, []).append(document)
    assert max(map(len, by_work.values())) > 1
    for versions in by_work.values():
        assert len({d.title for d in versions}) == 1
        years = [d.revision.year for d in versions if d.revision]
        assert years == sorted(set(years)) and len(years) == len(versions)
    large = synthesize(corpus.documents, 1000, seed=1)
    works = {name.rsplit("-", 1)[0] for name, _ in large}
    assert len(large) == 1000 and 2.5 < 1000 / len(works) < 3.5
    assert 2.5 < len(synthetic) / len(by_work) < 3.5


def test_synthetic_resolutions_are_real_resolutions_recombined(
    corpus: Parsed, synthetic: list[Document]
) -> None:
    real = [d for d in corpus.documents if d.kind == "resolution"]
    shapes = {tuple((s.verb, s.addressee) for s in d.sections) for d in real}
    assert all(tuple((s.verb, s.addressee) for s in d.sections) in shapes for d in synthetic)
    real_texts = {place.text for d in real for place, _ in places(d)}
    texts = [place.text for d in synthetic for place, _ in places(d)]
    assert sum(text in real_texts for text in texts) > 0.8 * len(texts)  # the rest: redrawn numbers


def test_synthetic_citations_point_inside_the_corpus(synthetic: list[Document]) -> None:
    collection = Collection(synthetic)
    itu = [ref for ref in collection.references if ref.target.split("-")[0] in BODIES]
    assert len(itu) > 100
    assert all(ref.target in collection.works() for ref in itu)
    assert collection.matrix()  # some clauses name an action line and an SDG


def test_a_resolution_written_as_a_source_text_parses_back_the_same(corpus: Parsed) -> None:
    """The writer the synthetic corpora use, checked against every resolution of the
    collection: the Chinese seeds, and the English texts imported from Akoma Ntoso
    (their repaired model, written as a Word export, reads back as the same model)."""
    resolutions = [d for d in corpus.documents if d.kind == "resolution" and d.sections]
    assert len([d for d in resolutions if d.language == "zh"]) == 11
    assert len([d for d in resolutions if d.language == "en"]) == 61
    for document in resolutions:
        (back,) = parse_text(source_text(document))
        assert without_lines(back) == without_lines(document), document.id


def without_lines(document: Document) -> Document:
    """The document without where it came from (file, lines, proposal, history), a
    proposal read as the text it proposes."""

    def clause(c: Clause) -> Clause:
        return replace(c, line=0, clauses=tuple(map(clause, c.clauses)))

    return replace(
        document,
        id="",
        revision=document.revision or (document.proposal.conference if document.proposal else None),
        source="",
        line=0,
        expression=None,
        repairs=(),
        proposal=None,
        history=(),
        # A footnote no marker points to (an unrepaired fault of the Akoma Ntoso file)
        # has no place in a Word export's text.
        footnotes=tuple(
            replace(note, line=0)
            for note in document.footnotes
            if note.id in marked_footnotes(document)
        ),
        sections=tuple(
            replace(s, line=0, clauses=tuple(map(clause, s.clauses))) for s in document.sections
        ),
    )

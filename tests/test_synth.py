"""Synthetic corpora for the benchmarks: real clauses, new numbers, linked to each other."""

from __future__ import annotations

from generator.build import ParseReport
from generator.link import Collection, places
from generator.synth import synthesize


def test_a_synthetic_corpus_is_deterministic_and_made_of_real_clauses(
    corpus: ParseReport,
) -> None:
    documents = synthesize(corpus.documents, 50, seed=1)
    assert documents == synthesize(corpus.documents, 50, seed=1)
    assert len({d.id for d in documents}) == 50
    assert len({d.body for d in documents}) > 1
    real_texts = {place.text for d in corpus.documents for place, _ in places(d)}
    texts = [place.text for d in documents for place, _ in places(d)]
    assert texts and set(texts) <= real_texts


def test_synthetic_citations_point_inside_the_corpus(corpus: ParseReport) -> None:
    collection = Collection(synthesize(corpus.documents, 50, seed=1))
    assert collection.references
    assert all(ref.target in collection.works for ref in collection.references)
    assert collection.matrix  # some clauses name an action line and an SDG

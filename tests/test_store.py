"""YAML: the saved form of the model, validated against the JSON Schema."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.synth import synthesize
from generator import store
from generator.parse import Parsed

from .conftest import parse_paths


def test_every_seed_document_round_trips(corpus: Parsed) -> None:
    for document in corpus.documents:
        assert store.load(store.dump(document)) == document


def test_every_seed_document_is_valid_against_the_schema(corpus: Parsed) -> None:
    for document in corpus.documents:
        store.validate(store.to_dict(document))


def test_the_yaml_is_marked_as_generated(corpus: Parsed) -> None:
    assert store.dump(corpus.documents[0]).startswith("# Generated from content/sources/")


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("id",), "PP 140", "must match pattern"),
        (("body",), "wrc", "must be one of"),
        (("sections", 0, "clauses", 0, "anchor"), "Recalling A", "must match pattern"),
        (
            ("sections", 0, "clauses", 0, "refs"),
            [{"target": "pp140", "text": "x"}],
            "must match pattern",
        ),
        (("sections", 0, "clauses", 0, "sdgs"), [18], "must be smaller than or equal to"),
        (("sections", 0, "clauses", 0, "action_lines"), ["C12"], "must match pattern"),
    ],
)
def test_the_schema_rejects_malformed_documents(
    corpus: Parsed, path: tuple, value: object, message: str
) -> None:
    data = yaml.safe_load(store.dump(corpus.documents[0]))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(store.SchemaError, match=message):
        store.validate(data)


def test_the_yaml_is_what_pyyaml_writes_for_every_seed_and_synthetic_document(
    corpus: Parsed, tmp_path: Path
) -> None:
    for name, text in synthesize(corpus.documents, 200, seed=3):
        (tmp_path / name).write_text(text, encoding="utf-8")
    documents = corpus.documents + parse_paths(tmp_path).documents
    for document in documents:
        data = store.to_dict(document)
        assert store.yaml_text(data) == store.pyyaml_text(data), document.id


def test_every_seed_is_written_without_falling_back_on_pyyaml(corpus: Parsed) -> None:
    """Proposals' summaries span lines: they are quoted by PyYAML, the document is not."""
    summaries = [d.proposal.summary for d in corpus.documents if d.proposal]
    assert any("\n" in summary for summary in summaries if summary)
    for document in corpus.documents:
        if document.id == "en/pp-71-2018":  # texts over 10,000 characters, which PyYAML folds
            continue  # (its annexes' tables, flattened by the PDF conversion)
        store.write_mapping(store.to_dict(document), "", "", [])  # raises Unusual if not


# Strings that need quotes, escapes or several lines, among ordinary ones.
TRICKY = ["", "1", "0x1F", "1e3", "2015-01-01", "true", "No", "~", "null", "=", "<<", ".inf"]
TRICKY += ["a: b", "a #b", "a:", "- a", "-a", "? a", ":a", "#a", "a#b", "'a'", '"a"', "@a", "`a"]
TRICKY += [" a", "a ", "a\tb", "a\nb", "a\u2028b", "\ufeffa", "\x85", "\u3000a", "第1号", "（a）"]
text = st.one_of(st.sampled_from(TRICKY), st.text(max_size=12))
scalar = st.one_of(text, text, st.integers(-5, 3000), st.booleans())
tree = st.recursive(
    st.dictionaries(st.sampled_from(["id", "text", "label", "a"]), scalar, min_size=1),
    lambda inner: st.dictionaries(
        st.sampled_from(["sections", "clauses", "refs", "revision"]),
        st.one_of(inner, st.lists(st.one_of(inner, scalar), min_size=1)),
        min_size=1,
    ),
    max_leaves=12,
)


@settings(max_examples=400, deadline=None)
@given(tree)
def test_the_yaml_writer_matches_pyyaml_on_any_tree(data: dict) -> None:
    assert store.yaml_text(data) == store.pyyaml_text(data)

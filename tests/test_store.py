"""YAML: the saved form of the model, validated against the JSON Schema."""

from __future__ import annotations

import pytest
import yaml

from generator import store
from generator.build import ParseReport


def test_every_seed_document_round_trips(corpus: ParseReport) -> None:
    for document in corpus.documents:
        assert store.load(store.dump(document)) == document


def test_every_seed_document_is_valid_against_the_schema(corpus: ParseReport) -> None:
    for document in corpus.documents:
        store.validate(store.to_dict(document))


def test_the_yaml_is_marked_as_generated(corpus: ParseReport) -> None:
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
    corpus: ParseReport, path: tuple, value: object, message: str
) -> None:
    data = yaml.safe_load(store.dump(corpus.documents[0]))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(store.SchemaError, match=message):
        store.validate(data)

"""Documents ⇄ YAML: the one pair of functions that saves and loads the model.

Every dictionary written is first validated against the JSON Schema in
``schema/document.schema.json``. Empty and absent fields are left out.
"""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema
import yaml

from .model import (
    Citation,
    Clause,
    Document,
    Footnote,
    Outcome,
    Proposal,
    Revision,
    Section,
    YearEdit,
)

# libyaml's emitter where PyYAML was built with it: 3.6× faster here.
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

SCHEMA_PATH = Path(__file__).parent / "schema" / "document.schema.json"

# Keys in the order a reader of the YAML wants them; others follow.
KEY_ORDER = (
    *("id", "kind", "target", "work", "body", "number", "title", "revision", "history"),
    *("proposal", "proposed_for_abolition", "source", "anchor", "code", "label", "old_label"),
    *("heading", "verb", "addressee", "part", "line", "text"),
)


class SchemaError(Exception):
    """A document does not match the schema (a bug in the parser, not the input)."""


@cache
def validator() -> Any:
    """The schema compiled to Python (fastjsonschema: ~17× jsonschema's speed here)."""
    return fastjsonschema.compile(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def to_dict(document: Document) -> dict[str, Any]:
    data = plain(document)
    if document.proposed_for_abolition:
        data["proposed_for_abolition"] = True
    return ordered(data)


def plain(value: Any) -> Any:
    """Dataclasses → dicts without empty fields, tuples → lists."""
    if is_dataclass(value) and not isinstance(value, type):
        items = {f.name: plain(getattr(value, f.name)) for f in fields(value)}
        return ordered({k: v for k, v in items.items() if v not in (None, [], {})})
    if isinstance(value, tuple | list):
        return [plain(item) for item in value]
    return value


def ordered(data: dict[str, Any]) -> dict[str, Any]:
    rank = {key: i for i, key in enumerate(KEY_ORDER)}
    return dict(sorted(data.items(), key=lambda item: rank.get(item[0], len(rank))))


def validate(data: dict[str, Any]) -> None:
    try:
        validator()(data)
    except fastjsonschema.JsonSchemaValueException as error:
        raise SchemaError(f"{data.get('id', '?')}: {error.name}: {error.message}") from None


def dump(document: Document) -> str:
    """The YAML text of a document, validated against the schema."""
    data = to_dict(document)
    validate(data)
    header = f"# Generated from content/sources/{document.source} by `python -m generator parse`.\n"
    body = yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=1_000_000)
    return header + body


def load(text: str) -> Document:
    """A document from its YAML text (the inverse of ``dump``)."""
    data = yaml.load(text, Loader=LOADER)
    validate(data)
    return document_from(data)


def document_from(d: dict[str, Any]) -> Document:
    return Document(
        id=d["id"],
        kind=d["kind"],
        title=d["title"],
        source=d["source"],
        line=d["line"],
        work=d.get("work"),
        body=d.get("body"),
        number=d.get("number"),
        revision=revision_from(d.get("revision")),
        history=tuple(Revision(**r) for r in d.get("history", [])),
        proposal=Proposal(**d["proposal"]) if "proposal" in d else None,
        sections=tuple(section_from(s) for s in d.get("sections", [])),
        footnotes=tuple(Footnote(**f) for f in d.get("footnotes", [])),
        outcomes=tuple(
            Outcome(
                **{
                    **o,
                    "sdgs": tuple(o.get("sdgs", [])),
                    "action_lines": tuple(o.get("action_lines", [])),
                }
            )
            for o in d.get("outcomes", [])
        ),
    )


def revision_from(d: dict[str, Any] | None) -> Revision | None:
    return Revision(**d) if d else None


def section_from(d: dict[str, Any]) -> Section:
    return Section(**{**d, "clauses": tuple(clause_from(c) for c in d.get("clauses", []))})


def clause_from(d: dict[str, Any]) -> Clause:
    return Clause(
        **{
            **d,
            "refs": tuple(
                Citation(r["target"], r["text"], revision_from(r.get("revision")))
                for r in d.get("refs", [])
            ),
            "action_lines": tuple(d.get("action_lines", [])),
            "sdgs": tuple(d.get("sdgs", [])),
            "sdg_targets": tuple(d.get("sdg_targets", [])),
            "year_edits": tuple(YearEdit(**e) for e in d.get("year_edits", [])),
            "clauses": tuple(clause_from(c) for c in d.get("clauses", [])),
        }
    )

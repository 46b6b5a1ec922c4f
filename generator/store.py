"""Documents ⇄ YAML: the one pair of functions that saves and loads the model.

Every dictionary written is first validated against the JSON Schema in
``schema/document.schema.json``. Empty and absent fields are left out.
"""

from __future__ import annotations

import json
import re
from dataclasses import fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import fastjsonschema
import yaml

from .model import (
    Citation,
    Clause,
    Document,
    Edit,
    Footnote,
    Outcome,
    Proposal,
    Repair,
    Revision,
    Section,
)


class YamlMemo(Protocol):
    """What writing the YAML asks of the previous build (``incremental.YamlMemo``)."""

    def reuse(self, document: Document, target: Path) -> bool: ...

    def made(self, document: Document, data: bytes) -> None: ...

    def save(self, folder: Path) -> None: ...


# libyaml's emitter where PyYAML was built with it: C, not Python.
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

SCHEMA_PATH = Path(__file__).parent / "schema" / "document.schema.json"

# Keys in the order a reader of the YAML wants them; others follow.
KEY_ORDER = (
    *("id", "kind", "status", "language", "target", "work", "body", "number", "title", "revision"),
    *("history", "proposal", "action", "ref", "proposer", "conference", "base"),
    *("proposed_for_abolition", "source", "expression", "anchor", "code", "label", "old_label"),
    *("heading", "verb", "addressee", "part", "line", "text", "old", "new", "ambiguity"),
)
RANK = {key: i for i, key in enumerate(KEY_ORDER)}


class SchemaError(Exception):
    """A document does not match the schema (a bug in the parser, not the input)."""


@cache
def validator() -> Any:
    """The schema compiled to Python (fastjsonschema), rather than interpreted."""
    return fastjsonschema.compile(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def to_dict(document: Document) -> dict[str, Any]:
    data = plain(document)
    data["status"] = document.status
    if document.proposed_for_abolition:
        data["proposed_for_abolition"] = True
    return ordered(data)


SCALARS = frozenset({str, int, bool, float})


def plain(value: Any) -> Any:
    """Dataclasses → dicts without empty fields, tuples → lists."""
    names = field_names(value.__class__)
    if not names:
        if isinstance(value, tuple | list):
            return [plain(item) for item in value]
        return value
    data = {}
    for name in names:
        item = getattr(value, name)
        if item.__class__ in SCALARS:  # most fields: no call for them
            data[name] = item
        elif item is not None:
            item = plain(item)
            if item != [] and item != {}:
                data[name] = item
    return data


@cache
def field_names(kind: type) -> tuple[str, ...]:
    """A dataclass's fields in KEY_ORDER (so its dicts need no sorting); () for other types."""
    if not is_dataclass(kind):
        return ()
    names = [f.name for f in fields(kind)]
    return tuple(sorted(names, key=lambda name: RANK.get(name, len(RANK))))


def ordered(data: dict[str, Any]) -> dict[str, Any]:
    return dict(sorted(data.items(), key=lambda item: RANK.get(item[0], len(RANK))))


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
    return header + yaml_text(data)


def yaml_name(document: Document) -> str:
    """The YAML file of a document, in the YAML folder: ``en/pp-140-2018.yaml`` is in a
    folder of its own language's."""
    return f"{document.id}.yaml"


def write_yaml(documents: list[Document], folder: Path, memo: YamlMemo | None = None) -> int:
    """One YAML file per document in the new ``folder``; returns the files written
    (with a ``memo``, the others are linked from the previous folder)."""
    written = 0
    for document in documents:
        target = folder / yaml_name(document)
        target.parent.mkdir(exist_ok=True)
        if memo and memo.reuse(document, target):
            continue
        data = dump(document).encode()
        target.write_bytes(data)
        written += 1
        if memo:
            memo.made(document, data)
    if memo:
        memo.save(folder)
    return written


def pyyaml_text(data: Any) -> str:
    return yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=1_000_000)


class Unusual(Exception):
    """A value yaml_text leaves to PyYAML."""


def yaml_text(data: dict[str, Any]) -> str:
    """What ``pyyaml_text`` writes for a document's dict, without its representer.

    PyYAML's representer walks every node in Python, which was most of the cost of
    writing the YAML. Our documents are maps, lists and scalars in block style,
    whose layout is simple: this writes them directly. Strings that might need
    quotes are quoted by PyYAML itself, and a value it would spread over several
    lines makes the whole document go to PyYAML.
    """
    lines: list[str] = []
    try:
        write_mapping(data, "", "", lines)
    except Unusual:
        return pyyaml_text(data)
    lines.append("")
    return "\n".join(lines)


def write_mapping(data: dict[str, Any], indent: str, first: str, lines: list[str]) -> None:
    """Lines of a block mapping at ``indent``; its first line starts with ``first`` (``- ``)."""
    for key, value in data.items():
        if key.__class__ is not str or not plain_key(key):
            raise Unusual
        prefix, first = first or indent, ""
        kind = value.__class__  # exact types: a subclass is left to scalar, which refuses it
        if kind is dict:
            lines.append(f"{prefix}{key}:")
            write_mapping(value, indent + "  ", "", lines)
        elif kind is list:
            lines.append(f"{prefix}{key}:")
            write_sequence(value, indent, lines)  # PyYAML does not indent these
        else:
            lines.append(f"{prefix}{key}: {scalar(value, indent)}")


def write_sequence(items: list[Any], indent: str, lines: list[str]) -> None:
    for item in items:
        kind = item.__class__
        if kind is dict:
            write_mapping(item, indent + "  ", indent + "- ", lines)
        elif kind is list:
            raise Unusual
        else:
            lines.append(f"{indent}- {scalar(item, indent)}")


# What keeps PyYAML from writing a string as it is: a character that is not
# printable (or is a line break), ``: ``, `` #``; and first, an indicator or space;
# last, a space or colon.
NOT_PLAIN = re.compile(
    r"[^ !-~\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]|: | #|^[-?:,\[\]{}#&*!|>'\"%@`. ]|[ :]$"
)
RESOLVER = yaml.resolver.Resolver()


def scalar(value: Any, indent: str) -> str:
    """A scalar in a mapping or sequence at ``indent``."""
    kind = value.__class__
    if kind is not str:
        if kind is bool:
            return "true" if value else "false"
        if kind is int:
            return str(value)
        raise Unusual
    if len(value) > 10_000:  # PyYAML folds by the column
        raise Unusual
    text = short_string(value) if len(value) < 16 else string(value)
    if "\n" in text:  # a quoted string's lines go on two spaces in from where it stands
        return text.replace("\n  ", "\n  " + indent)
    return text


def string(value: str) -> str:
    """The string as PyYAML writes it on its own: its continuation lines indented by two."""
    if is_plain(value):
        return value
    text = pyyaml_text(value).removesuffix("\n").removesuffix("\n...")
    if any(mark in text for mark in "\x85\u2028\u2029"):
        raise Unusual
    return text


short_string = cache(string)  # labels and numbers: the same few hundred, many times


def is_plain(text: str) -> bool:
    """Whether PyYAML writes this string without quotes (as a string, not a number…)."""
    if not text or NOT_PLAIN.search(text):
        return False
    if text[0] not in RESOLVER.yaml_implicit_resolvers:
        return True
    tag = RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return bool(tag == RESOLVER.DEFAULT_SCALAR_TAG)


plain_key = cache(is_plain)


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
        language=d["language"],
        work=d.get("work"),
        body=d.get("body"),
        number=d.get("number"),
        revision=revision_from(d.get("revision")),
        history=tuple(Revision(**r) for r in d.get("history", [])),
        proposal=proposal_from(d["proposal"]) if "proposal" in d else None,
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
        expression=d.get("expression"),
        repairs=tuple(Repair(**r) for r in d.get("repairs", [])),
    )


def proposal_from(d: dict[str, Any]) -> Proposal:
    conference, base = revision_from(d.get("conference")), revision_from(d.get("base"))
    return Proposal(**{**d, "conference": conference, "base": base})


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
            "edits": tuple(Edit(**e) for e in d.get("edits", [])),
            "clauses": tuple(clause_from(c) for c in d.get("clauses", [])),
        }
    )

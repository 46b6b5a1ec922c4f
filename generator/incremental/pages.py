"""Pages of the previous docs folder, reused when nothing they read has changed.

While a page renders, its templates and helpers see the collection through a
``Recorder``: each query they make (``Collection.QUERIES``) is noted with a
digest of its answer. The manifest of the docs folder keeps, per page, the
digest of its inputs (code, template, context), those queries and the digest
of the page written. The next build asks the same queries of the new
collection: a page whose inputs and answers are all the same would render to
the same bytes, so the previous file is reused, once its bytes are checked
against the recorded digest. Nobody lists what a page depends on: what it
read is what it depends on.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, TypeGuard

from ..link import Collection
from ..model import Document
from ..render import Page
from .files import bytes_digest, code_version, digest, read_manifest, reuse_verified, write_json

MANIFEST = ".pages.json"  # mkdocs skips dotfiles: it stays out of the site

Query = tuple[str, tuple[Any, ...]]


class PageMemo:
    def __init__(self, previous: Path, digests: dict[str, str]) -> None:
        """``previous``: the docs folder of the last build; ``digests``: each document's
        digest by id (``document_digests``)."""
        self.previous = previous
        self.digests = digests
        self.before = read_manifest(previous / MANIFEST)
        self.after: dict[str, Any] = {}
        self.collection: Collection | None = None
        self.answers: dict[Query, str] = {}  # this build's answers, by query
        self.reads: dict[Query, str] | None = None  # the page rendering now
        self.rendered = 0

    def view(self, collection: Collection) -> Collection:
        """What the templates get instead of the collection: the same queries, recorded."""
        self.collection = collection
        return Recorder(collection, self)  # type: ignore[return-value]

    def write(self, page: Page, target: Path, make: Callable[[], str]) -> None:
        """Write a page (``make`` renders it), or link the previous build's file if the
        page is as it was."""
        inputs = self.inputs(page)
        kept = self.before.get(page.path)
        if self.unchanged(kept, inputs) and reuse_verified(
            self.previous / page.path, target, kept.get("output")
        ):
            self.after[page.path] = kept
            return
        with self.recording() as reads:
            data = make().encode()
        output = bytes_digest(data)
        self.after[page.path] = {
            "inputs": inputs,
            "reads": [[name, list(args), answer] for (name, args), answer in reads.items()],
            "output": output,
        }
        # The same bytes as before (what it read changed, but not what it shows): the
        # previous file keeps its time, so that mkdocs does not build the page again.
        same = isinstance(kept, dict) and kept.get("output") == output
        if not (same and reuse_verified(self.previous / page.path, target, output)):
            target.write_bytes(data)
            self.rendered += 1

    def inputs(self, page: Page) -> str:
        return digest(code_version(), page.path, page.template, self.value(page.context))

    def unchanged(self, kept: Any, inputs: str) -> TypeGuard[dict[str, Any]]:
        """Whether a page the previous build recorded would render the same now."""
        if not isinstance(kept, dict) or kept.get("inputs") != inputs:
            return False
        reads = kept.get("reads")
        if not isinstance(reads, list):
            return False
        for read in reads:
            query = as_query(read)
            if query is None or self.answer(*query) != read[2]:
                return False
        return True

    @contextmanager
    def recording(self) -> Iterator[dict[Query, str]]:
        self.reads = {}
        try:
            yield self.reads
        finally:
            self.reads = None

    def note(self, name: str, args: tuple[Any, ...], answer: object) -> None:
        """A query made while a page renders, and its answer."""
        query = (name, args)
        if query not in self.answers:
            self.answers[query] = self.value(answer)
        if self.reads is not None:
            self.reads[query] = self.answers[query]

    def answer(self, name: str, args: tuple[Any, ...]) -> str | None:
        """The digest of a query's answer in this build; None if there is no such query."""
        query = (name, args)
        if query not in self.answers:
            if name not in Collection.QUERIES or self.collection is None:
                return None
            try:
                answer = getattr(self.collection, name)(*args)
            except TypeError:  # arguments of another version of the query
                return None
            self.answers[query] = self.value(answer)
        return self.answers[query]

    def value(self, value: object) -> str:
        """A digest of a value that a page reads: documents by their digest, dataclasses
        by their fields, containers by their items."""
        hasher = hashlib.sha256()
        self.feed(hasher, value)
        return hasher.hexdigest()

    def feed(self, hasher: Any, value: object) -> None:
        if type(value) in SCALARS:
            hasher.update(f"{value!r};".encode())  # repr tells the types apart: 1, '1', True
        elif isinstance(value, Document):
            hasher.update(f"document:{self.digests[value.id]};".encode())
        elif isinstance(value, list | tuple):
            hasher.update(b"[")
            for item in value:
                self.feed(hasher, item)
            hasher.update(b"]")
        elif isinstance(value, dict):
            hasher.update(b"{")
            for key, item in value.items():
                self.feed(hasher, key)
                self.feed(hasher, item)
            hasher.update(b"}")
        elif dataclasses.is_dataclass(value):
            kind: type = type(value)
            values = [getattr(value, name) for name in field_names(kind)]
            if all(type(item) in SCALARS for item in values):  # a Place: the common case
                hasher.update(f"{type(value).__name__}{values!r};".encode())
                return
            hasher.update(f"{type(value).__name__}(".encode())
            for item in values:
                self.feed(hasher, item)
            hasher.update(b")")
        else:
            raise TypeError(f"a page read a {type(value).__name__}, which has no digest")

    def save(self, docs: Path) -> None:
        write_json(docs / MANIFEST, self.after)


SCALARS = frozenset({str, int, float, bool, type(None)})


@cache
def field_names(kind: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(kind))


def as_query(read: Any) -> Query | None:
    """A recorded read as a query, if it reads as one."""
    if not (isinstance(read, list) and len(read) == 3 and isinstance(read[0], str)):
        return None
    if not isinstance(read[1], list) or not all(isinstance(a, str | int) for a in read[1]):
        return None
    return read[0], tuple(read[1])


class Recorder:
    """The collection as templates see it in an incremental build: its queries, each
    call noted with its answer; anything else is refused, so that nothing a page reads
    goes unrecorded."""

    def __init__(self, collection: Collection, memo: PageMemo) -> None:
        self._collection = collection
        self._memo = memo

    def __getattr__(self, name: str) -> Callable[..., Any]:
        if name not in Collection.QUERIES:
            raise AttributeError(f"Collection.{name} is not a query that pages may make")
        query = getattr(self._collection, name)

        def recorded(*args: Any) -> Any:
            answer = query(*args)
            self._memo.note(name, args, answer)
            return answer

        return recorded

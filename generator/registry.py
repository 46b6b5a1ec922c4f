"""Every page and anchor the site has published, so that no link to them breaks.

The registry (``content/published.txt`` beside the YAML, kept in the repository)
lists each address the site has published, with what it showed:

- a document page, ``pp-140-2022/``: the document, named by where it comes from
  (``000_85a01f60b3e6883b.txt#1``, the first document of that source file), and its work;
- an anchor, ``pp-140-2022-eur-44a15-1/#resolves-6-i``: a fingerprint of the clause's
  (or heading's) text.

A build that would drop one of them keeps an alias where what it showed is still
there: a page whose document has another id becomes a redirect page, an anchor
whose clause has another number leads to it (same document, same text). Anything
else fails the build, naming each address and where ``--keep-aliases`` would send
it: an anchor to its clause's successor by lineage in the newest document of the
work that has it (or the top of its page), a page to its work's page (or the
index). An alias kept that way is written into the registry (``→ address``),
reviewed in the commit.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from .align import in_time
from .html import escape
from .link import Collection, places
from .model import Document
from .names import served_at, work_of, work_page

# An address as the site serves pages (``pp-140-2022/``), and an anchor in one: it
# becomes a folder of the site, so nothing else is read from the file.
# A page's folder (``pp-140-2022/``; a text not in Chinese under its language's,
# ``en/pp-140-2018/``), and an anchor in it.
ADDRESS = re.compile(r"(?:[a-z]{2}/)?[a-z0-9][a-z0-9-]*/(?:#[a-z0-9][a-z0-9-]*)?")
ALIAS = "→ "  # the last field of a line whose alias a build was asked to keep

RESOLUTIONS = served_at("resolutions.md")  # where a page leads whose work has gone

HEADER = (
    "# Every page and anchor the site has published (addresses from the site's root).\n"
    "# A page: <address>/ TAB <source file>#<n> (the nth document of that file) TAB <work>.\n"
    "# An anchor: <address>/#<anchor> TAB a fingerprint of the text it showed.\n"
    "# A last field '→ <address>' is an alias that a build was asked to keep.\n"
    "# The build adds to it and never removes: review its changes in commits.\n"
)


class RegistryError(ValueError):
    """The registry file cannot be read: its path and line say where."""


class VanishedError(RegistryError):
    """The build would drop published addresses; the message names each."""


@dataclass(frozen=True)
class Entry:
    """What a published address showed: a page's document key, or an anchor's
    fingerprint; a page's work; and the alias a build was asked to keep, if any."""

    shows: str
    work: str = ""
    alias: str = ""


@dataclass
class Kept:
    """What a build does about the addresses published before it."""

    registry: dict[str, Entry]  # to save: what was published, and what is now
    redirects: dict[str, str] = field(default_factory=dict)  # old page → address it leads to
    # Per document id, each old anchor of its page → the address it leads to
    # (``pp-140-2022-eur-44a15-1/#resolves-6``, or its own page's with another anchor).
    anchors: dict[str, dict[str, str]] = field(default_factory=dict)
    moved: list[str] = field(default_factory=list)  # anchors that now show another clause


def fingerprint(text: str) -> str:
    """Twelve hex digits naming a text. The text as it is, not as the alignment
    compares it: a renumbered clause keeps its words, and normalising every clause
    of a large collection took most of this stage."""
    return hashlib.blake2b(text.encode(), digest_size=6).hexdigest()


def document_keys(documents: list[Document]) -> dict[str, str]:
    """Each document's id → where it comes from (``<source file>#<n>``)."""
    by_source: dict[str, list[Document]] = defaultdict(list)
    for document in documents:
        by_source[document.source].append(document)
    return {
        document.id: f"{source}#{n}"
        for source, found in by_source.items()
        for n, document in enumerate(sorted(found, key=lambda d: d.line), start=1)
    }


def page_address(document_id: str) -> str:
    return served_at(f"{document_id}.md")


def anchors_of(document: Document) -> Iterator[tuple[str, str]]:
    """Each anchor of a document's page that comes from its text, and its fingerprint."""
    for section in document.sections:
        yield section.anchor, fingerprint(section.heading)
    for place, part in places(document):
        yield place.anchor, fingerprint(part.text)


def read_registry(path: Path) -> dict[str, Entry]:
    """Address → what it showed; {} if there is no registry yet."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    entries = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        address, *fields = line.split("\t")
        alias = fields.pop()[len(ALIAS) :] if fields and fields[-1].startswith(ALIAS) else ""
        # (a page's work: registries before anchors were kept have none)
        counts = (1, 2) if address.endswith("/") else (1,)
        if not ADDRESS.fullmatch(address) or len(fields) not in counts:
            raise RegistryError(
                f"{path}:{number}: not '<address>/<TAB><source file>#<n><TAB><work>' nor "
                f"'<address>/#<anchor><TAB><fingerprint>': {line!r}"
            )
        entries[address] = Entry(fields[0], "".join(fields[1:]), alias)
    return entries


def keep_published(published: dict[str, Entry], collection: Collection, ask: bool) -> Kept:
    """Aliases for the published addresses this build would drop (``ask``: also where
    only ``--keep-aliases`` may send them); raises VanishedError naming the rest."""
    now = Publishing(collection, published)
    kept = Kept({})
    registry = dict(published)
    vanished = []
    for address, entry in published.items():
        page, _, anchor = address.partition("#")
        if address in now.entries:
            if now.shows_another(address, entry):
                kept.moved.append(address)
            continue
        if not anchor:
            moved_to = now.document_of(entry)
            target, why = now.page_target(entry, moved_to, ask)
            if target is not None:
                kept.redirects[address] = target
            if moved_to:  # its record follows the document it leads to
                registry[address] = now.entries[page_address(moved_to)]
        else:
            id = now.page_ids.get(page) or now.document_of(published.get(page, Entry("")))
            if id is None or anchor in now.fingerprints[id]:
                continue  # its page has gone (said once, for the page), or moved with it
            target, why = now.anchor_target(entry, id, ask)
            if target is not None:
                kept.anchors.setdefault(id, {})[anchor] = target
        if target is None:
            vanished.append(f"/{address}: {why}")
        elif why == ALIAS:
            registry[address] = replace(entry, alias=target)
    if vanished:
        raise VanishedError(
            f"the build would drop {len(vanished)} published address(es):\n  "
            + "\n  ".join(vanished)
            + "\nrestore them, or build with --keep-aliases to keep the aliases named"
        )
    kept.registry = {**registry, **now.entries}
    return kept


class Publishing:
    """What this build publishes (its pages and anchors as registry entries), and where
    what an earlier build published is now."""

    def __init__(self, collection: Collection, published: dict[str, Entry]) -> None:
        self.collection = collection
        documents = collection.documents()
        self.keys = document_keys(documents)
        self.by_key = {key: id for id, key in self.keys.items()}
        self.works = {document.id: work_of(document) for document in documents}
        self.page_ids = {page_address(document.id): document.id for document in documents}
        self.fingerprints = {document.id: dict(anchors_of(document)) for document in documents}
        self.entries: dict[str, Entry] = {}
        for document in documents:
            page = page_address(document.id)
            self.entries[page] = Entry(self.keys[document.id], self.works[document.id])
            for anchor, printed in self.fingerprints[document.id].items():
                self.entries[f"{page}#{anchor}"] = Entry(printed)
        self.published_as: dict[str, list[str]] = defaultdict(list)  # key → page addresses
        for address, entry in published.items():
            if address.endswith("/"):
                self.published_as[entry.shows].append(address)

    def shows_another(self, address: str, entry: Entry) -> bool:
        """Whether a published address that is still there shows another document, or
        another clause while the one it showed is elsewhere on its page."""
        if entry.shows == self.entries[address].shows:
            return False
        page, _, anchor = address.partition("#")
        return not anchor or entry.shows in self.fingerprints[self.page_ids[page]].values()

    def document_of(self, page: Entry) -> str | None:
        """The id of the document a published page showed, if it is still built: the
        one at an address published with the same key, or else the one now at that
        place in its source file; of the same work either way (a document deleted
        from a file moves the next ones up)."""
        found = [self.page_ids[a] for a in self.published_as[page.shows] if a in self.page_ids]
        found += [self.by_key[page.shows]] if page.shows in self.by_key else []
        return next((id for id in found if self.works[id] == (page.work or self.works[id])), None)

    def page_target(self, entry: Entry, moved_to: str | None, ask: bool) -> tuple[str | None, str]:
        """Where an old page address leads: the new address of its document (``moved_to``:
        its id), the alias kept for it, or (``ask``) its work's page; else None, and why."""
        if moved_to:
            return page_address(moved_to), "moved"
        versions = self.collection.versions(entry.work)
        is_resolution = (
            bool(versions) and versions[0].kind == "resolution"
        )  # (reports have no works page)
        nearest = served_at(work_page(entry.work)) if is_resolution else RESOLUTIONS
        if entry.alias == nearest:
            return nearest, "kept"
        if ask:
            return nearest, ALIAS
        where = f"/{nearest}" + (f", the page of {entry.work}" if is_resolution else ", the index")
        why = f"its document ({entry.shows}) is no longer built; --keep-aliases sends it to"
        return None, f"{why} {where}"

    def anchor_target(self, entry: Entry, id: str, ask: bool) -> tuple[str | None, str]:
        """Where an anchor its document no longer has leads: the clause of that document
        with the same text (renumbered), the alias kept for it, or (``ask``) the clause's
        successor by lineage in the newest document of the work that has one, else the
        top of its page; None otherwise, and why."""
        page = page_address(id)
        anchors = self.fingerprints[id]
        same = [anchor for anchor, printed in anchors.items() if printed == entry.shows]
        if same:
            return f"{page}#{same[0]}", "renumbered"
        if entry.alias and self.exists(entry.alias):
            return entry.alias, "kept"
        successor = self.successor(entry.shows, self.works[id])
        if ask:
            return successor or page, ALIAS
        where = f"/{successor}" if successor else f"the top of /{page}"
        why = "no clause of its document has its text now; --keep-aliases sends it to"
        return None, f"{why} {where}"

    def exists(self, address: str) -> bool:
        page, _, anchor = address.partition("#")
        id = self.page_ids.get(page)
        return id is not None and (not anchor or anchor in self.fingerprints[id])

    def successor(self, printed: str, work: str) -> str | None:
        """The clause that showed ``printed``, found in any document of the work,
        followed along its lineage to the newest document that has it."""
        newest_first = [d.id for d in reversed(in_time(self.collection.versions(work)))]
        for group in self.collection.lineages(work):
            if any(self.fingerprints[d].get(a) == printed for d, a in group.clauses.items()):
                newest = next(d for d in newest_first if d in group.clauses)
                return f"{page_address(newest)}#{group.clauses[newest]}"
        return None


def write_redirect(docs: Path, old: str, new: str) -> None:
    """``old/index.html``, a static page that sends the reader to ``new`` with the
    anchor they asked for; its canonical link names the new address."""
    page = docs / old / "index.html"
    target = "../" * old.count("/") + new  # relative: the site works from any folder
    # (ADDRESS and the ids' own pattern leave nothing here to escape in the script)
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(
        "<!doctype html>\n"
        '<html lang="zh"><head><meta charset="utf-8">\n'
        f"<title>本页已移至 /{escape(new)}</title>\n"
        f'<link rel="canonical" href="{escape(target)}">\n'
        f'<meta http-equiv="refresh" content="0; url={escape(target)}">\n'
        f"<script>location.replace({json.dumps(target)} + location.hash)</script>\n"
        f'</head><body><p>本页已移至 <a href="{escape(target)}">/{escape(new)}</a>。</p></body></html>\n',
        encoding="utf-8",
    )


def write_registry(path: Path, entries: dict[str, Entry]) -> None:
    """The registry, sorted, written whole or not at all."""
    lines = []
    for address, entry in sorted(entries.items()):
        fields = [address, entry.shows, *([entry.work] if address.endswith("/") else [])]
        fields += [ALIAS + entry.alias] if entry.alias else []
        lines.append("\t".join(fields) + "\n")
    partial = path.with_name(path.name + ".partial")
    partial.write_text(HEADER + "".join(lines), encoding="utf-8")
    os.replace(partial, path)

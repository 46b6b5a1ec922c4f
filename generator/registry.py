"""The pages the site has published, so that no link to them breaks.

The registry (``content/published.txt`` beside the YAML, kept in the repository)
lists every document page ever published, with the document it showed, named by
where that document comes from: ``000_85a01f60b3e6883b.txt#1``, the first
document of that source file. A later build that gives the document another id
(proposals got ids of their own) keeps its old address as a redirect page, with
its anchors: a delegate's saved link still opens the clause.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from pathlib import Path

from .html import escape
from .model import Document
from .names import document_url

# An address as document_url gives them (``pp-140-2022/``): it becomes a folder of
# the site, so nothing else is read from the file.
ADDRESS = re.compile(r"[a-z0-9][a-z0-9-]*/")

HEADER = (
    "# Every document page the site has published (its address, from the site's root),\n"
    "# and the document it showed: <source file>#<n>, the nth document of that file.\n"
    "# The build adds to it and never removes: review its changes in commits.\n"
)


class RegistryError(ValueError):
    """The registry file cannot be read: its path and line say where."""


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


def read_registry(path: Path) -> dict[str, str]:
    """Address → document key; {} if there is no registry yet."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    entries = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        address, tab, key = line.partition("\t")
        if not tab or not ADDRESS.fullmatch(address):
            raise RegistryError(
                f"{path}:{number}: not '<address>/<TAB><source file>#<n>': {line!r}"
            )
        entries[address] = key
    return entries


def keep_published(
    published: dict[str, str], documents: list[Document], docs: Path
) -> tuple[dict[str, str], list[str]]:
    """Write a redirect page into ``docs`` for each published address whose document
    is now elsewhere; the registry to save (what was published and what is now), and
    the addresses that lead nowhere any more."""
    keys = document_keys(documents)
    now = {document_url(id).lstrip("/"): key for id, key in keys.items()}
    where = {key: address for address, key in now.items()}
    vanished = []
    for address, key in published.items():
        if address in now:
            continue
        if key in where:
            write_redirect(docs, address, where[key])
        else:
            vanished.append(address)
    return {**published, **now}, vanished


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


def write_registry(path: Path, entries: dict[str, str]) -> None:
    """The registry, sorted, written whole or not at all."""
    lines = "".join(f"{address}\t{key}\n" for address, key in sorted(entries.items()))
    partial = path.with_name(path.name + ".partial")
    partial.write_text(HEADER + lines, encoding="utf-8")
    os.replace(partial, path)

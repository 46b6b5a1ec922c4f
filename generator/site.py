"""The docs folder → the site, built by mkdocs-material as mkdocs.yml says."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort


class SiteMemo(Protocol):
    """What building the site asks of the previous build (``incremental.SiteMemo``)."""

    def link_previous(self, built: Path, docs: Path, overrides: Path | None) -> bool: ...

    def record(self, built: Path, docs: Path) -> None: ...


def build_site(docs: Path, built: Path, config: Path, memo: SiteMemo | None = None) -> None:
    """Build ``docs`` into the empty folder ``built``.

    With a ``memo``, the previous site's files are linked in first and mkdocs
    builds "dirty": only the pages whose source is newer than their file.
    """
    loaded = load_config(str(config), docs_dir=str(docs), site_dir=str(built))
    overrides = Path(loaded.theme.custom_dir) if loaded.theme.custom_dir else None
    dirty = memo.link_previous(built, docs, overrides) if memo else False
    quiet, said = QuietDirty(), Said()
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)
    logging.getLogger("mkdocs").addHandler(said)
    try:
        mkdocs_build(loaded, dirty=dirty)
    except Abort as abort:  # a SystemExit: it would end the program without a word
        raise SiteError(said.messages or [abort.format_message()]) from None
    finally:
        logging.getLogger("mkdocs.commands.build").removeFilter(quiet)
        logging.getLogger("mkdocs").removeHandler(said)
    if memo:
        memo.record(built, docs)


class SiteError(Exception):
    """mkdocs failed; ``messages`` are its warnings and errors, each naming its page."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


class Said(logging.Handler):
    """Keeps what mkdocs warned of: in strict mode (mkdocs.yml) a warning fails the
    build, and nothing else would show which."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class QuietDirty(logging.Filter):
    """Drops mkdocs' warning that a dirty build may leave navigation stale: our
    navigation is fixed in mkdocs.yml, and the warning would fail a strict build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build")

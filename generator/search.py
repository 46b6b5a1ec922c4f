"""The search index: Pagefind (extended build, which segments Chinese), one record per document.

Pagefind runs from the build over the collection, not over the site's HTML:
each document is given to it as a small page made for search, in which every
clause and report outcome is a heading with the clause's anchor as its id, so
Pagefind makes it a sub-result that opens at ``/<id>/#<anchor>``. The page
starts with the ways people write the document's number, weighted up, so
``140`` or ``第140号决议`` ranks the resolution first. One record per document
(not per clause) keeps the index metadata a query must load small: at 1,000
resolutions, per-clause records made it 560 KB.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import queue
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self, cast

from markupsafe import escape
from pagefind.service import get_executable

from .link import document_tags, places
from .model import Document
from .render import title_line
from .tables import BODY_SHORT_NAMES

LANGUAGE = "zh"
BATCH = 500  # pages sent to Pagefind before reading its replies


@dataclass(frozen=True)
class Record:
    """A document as Pagefind indexes it: its URL and a page of HTML made for search."""

    url: str
    html: str


def records(documents: list[Document], pages: list[str | None] | None = None) -> list[Record]:
    """A record per document, with its ``search_page`` where given (the parse makes them
    in its workers, and caches them: each needs only its document)."""
    pages = pages or [None] * len(documents)
    return [Record(f"/{d.id}/", page or search_page(d)) for d, page in zip(documents, pages)]


def search_page(document: Document) -> str:
    """Numbers and title first, then each clause as a heading (its anchor) and its text."""
    title = escape(title_line(document))
    parts = [
        f'<html lang="{LANGUAGE}"><body><main data-pagefind-body>',
        f"<h1>{title}</h1>",
        f'<p data-pagefind-weight="10">{escape(number_words(document))}</p>',
        f"<p>{escape(document.title)}</p>",
    ]
    for place, _ in places(document):
        parts.append(
            f'<h2 id="{place.anchor}">{escape(place.label)}</h2><p>{escape(place.text)}</p>'
        )
    for name, values in document_filters(document).items():
        parts.extend(f'<span data-pagefind-filter="{name}">{escape(v)}</span>' for v in values)
    parts.append("</main></body></html>")
    return "".join(parts)


def number_words(document: Document) -> str:
    """What people type to find a resolution by number: 140, 第140号决议, PP-140, Res 140.

    The search box finds a number query as an exact phrase of these words
    ("res 140", "pp 140", "itu r 5", "pp 140 2022": theme/assets/search.js), and
    Pagefind's phrases skip no hyphen, so the body and the id are written with spaces.
    """
    words = []
    if document.number:
        short = BODY_SHORT_NAMES.get(document.body or "", "").replace("-", " ")
        number = document.number
        words += [number, f"第{number}号决议", f"{short} {number}"]
        words += [f"Res {number}", f"Resolution {number}", document.id.replace("-", " ")]
    return " ".join(words)


def document_filters(document: Document) -> dict[str, list[str]]:
    """The index page's filters, as Pagefind filters."""
    action_lines, sdgs = document_tags(document)
    filters = {
        "机构": [BODY_SHORT_NAMES[document.body] if document.body else "报告"],
        "行动方面": list(action_lines),
        "可持续发展目标": [f"SDG {sdg}" for sdg in sdgs],
    }
    if document.revision:
        filters["年份"] = [str(document.revision.year)]
    return {name: values for name, values in filters.items() if values}


def write_index(records: list[Record], site: Path) -> None:
    """Write the Pagefind bundle (index chunks, its JS, CSS and WASM) into ``site/pagefind``."""
    with Indexing() as indexing:
        indexing.add(records)
        indexing.write(site / "pagefind")
        indexing.wait()


class Indexing:
    """Pagefind indexing records as they are added, then writing its bundle, in the background.

    The build starts it before parsing and adds each document's record as soon as
    it is parsed: the binary then works while the parse workers and the rest of
    the build do. ``write`` says where the bundle goes once every record is added;
    ``wait`` returns when it is written (or raises what went wrong).
    """

    def __init__(self) -> None:
        self.service = PagefindService()
        self.failure: BaseException | None = None
        # Records to index; then the bundle's folder, or None to stop without writing.
        self.queue: queue.SimpleQueue[list[Record] | Path | None] = queue.SimpleQueue()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def add(self, records: list[Record]) -> None:
        self.queue.put(records)

    def write(self, output: Path) -> None:
        self.queue.put(output)

    def run(self) -> None:
        try:
            reply = self.service.request(
                {"type": "NewIndex", "config": {"force_language": LANGUAGE}}
            )
            index_id, unread = reply["index_id"], 0
            while isinstance(item := self.queue.get(), list):
                for record in item:
                    self.service.send(
                        {
                            "type": "AddFile",
                            "index_id": index_id,
                            "url": record.url,
                            "file_contents": record.html,
                            "file_path": None,
                        }
                    )
                unread += len(item)
                # Records that come while a flush waits for its replies go in the next one.
                if unread >= BATCH or self.queue.empty():
                    self.service.flush()
                    unread = 0
            self.service.flush()
            if item is not None:
                self.service.request(
                    {"type": "WriteFiles", "index_id": index_id, "output_path": str(item)}
                )
        except Exception as error:  # noqa: BLE001 (raised again by wait(), in the caller's thread)
            self.failure = error

    def wait(self) -> None:
        self.thread.join()
        if self.failure:
            raise self.failure

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        if self.thread.is_alive():  # the build failed before wait(): stop at once
            self.queue.put(None)
            self.service.process.kill()
        self.thread.join()
        self.service.close()


class PagefindService:
    """The Pagefind binary's ``--service`` mode: base64 JSON messages, each ended by a comma.

    The ``pagefind`` package's own client waits 0.1 s before reading each reply
    (94 s for the seeds' 937 records); this one streams every request while
    it reads the replies.
    """

    def __init__(self) -> None:
        binary = get_executable()
        if binary is None:
            raise FileNotFoundError(
                "the pagefind binary is missing: pip install 'pagefind[extended]'"
            )
        self.process = subprocess.Popen(
            [str(binary), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self.pending: list[bytes] = []
        self.message_id = 0

    def encode(self, payload: dict[str, Any]) -> bytes:
        self.message_id += 1
        message = {"message_id": self.message_id, "payload": payload}
        # Unescaped UTF-8: a third of the bytes of \u escapes for Chinese text.
        return base64.b64encode(json.dumps(message, ensure_ascii=False).encode()) + b","

    def request(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Send one request and wait for its reply."""
        self.send(payload)
        (reply,) = self.flush()
        return reply

    def send(self, payload: dict[str, Any]) -> None:
        self.pending.append(self.encode(payload))

    def flush(self) -> list[dict[str, Any]]:
        """Send what is pending and read a reply to each; fail on any error reply.

        The service stops at the end of its input, before replying, so input
        stays open until every reply is in; a thread writes while this one reads.
        """
        assert self.process.stdin and self.process.stdout
        stdin, stdout = self.process.stdin, cast(io.BufferedReader, self.process.stdout)
        requests, self.pending = b"".join(self.pending), []
        expected = requests.count(b",")
        writer = threading.Thread(target=lambda: (stdin.write(requests), stdin.flush()))
        writer.start()
        replies: list[dict[str, Any]] = []
        buffer = b""
        while len(replies) < expected:
            chunk = stdout.read1(1 << 16)
            if not chunk:
                raise RuntimeError(f"pagefind stopped after {len(replies)} of {expected} replies")
            *complete, buffer = (buffer + chunk).split(b",")
            replies.extend(check(decode(reply)) for reply in complete)
        writer.join()
        return replies

    def close(self) -> None:
        assert self.process.stdin
        with contextlib.suppress(OSError):  # a killed service has closed its end
            self.process.stdin.close()
        self.process.wait()


def decode(reply: bytes) -> dict[str, Any]:
    return dict(json.loads(base64.b64decode(reply)))


def check(reply: dict[str, Any]) -> dict[str, Any]:
    payload: dict[str, Any] = reply["payload"]
    if payload.get("type") == "Error":
        raise RuntimeError(f"pagefind: {payload.get('message')}")
    return payload

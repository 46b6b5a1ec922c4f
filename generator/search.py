"""The search index: Pagefind (extended build, which segments Chinese), one record per clause.

Pagefind runs from the build over the collection, not over the HTML: every
clause and report outcome is its own record, so a hit opens at
``/<id>/#<anchor>``, and every document has a short record of its numbers and
title, so ``140`` or ``第140号决议`` finds the resolution before the clauses that
merely mention it. The index is written in chunks: a query loads only the
chunks its words fall in.
"""

from __future__ import annotations

import base64
import io
import json
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from pagefind.service import get_executable

from .link import Collection, places
from .model import Document
from .render import title_line
from .tables import BODY_SHORT_NAMES

LANGUAGE = "zh"
BATCH = 2000  # records sent to Pagefind before reading its replies


@dataclass(frozen=True)
class Record:
    url: str
    content: str
    title: str
    filters: dict[str, list[str]]


def records(collection: Collection) -> list[Record]:
    """A record per document, then one per clause and outcome, in collection order."""
    found = []
    for document in collection.documents:
        filters = document_filters(collection, document)
        title = title_line(document)
        found.append(Record(f"/{document.id}/", number_words(document, title), title, filters))
        for place, _ in places(document):
            content = f"{place.label} {place.text}"
            found.append(Record(place.url, content, f"{title} {place.label}", filters))
    return found


def number_words(document: Document, title: str) -> str:
    """What people type to find a resolution by number: 140, 第140号决议, PP-140, Res 140."""
    words = [title, document.title]
    if document.number:
        short = BODY_SHORT_NAMES.get(document.body or "", "")
        number = document.number
        words += [number, f"第{number}号决议", f"{short}-{number}", f"{short} {number}"]
        words += [f"Res {number}", f"Resolution {number}", document.id]
    return " ".join(words)


def document_filters(collection: Collection, document: Document) -> dict[str, list[str]]:
    """The index page's filters, as Pagefind filters: the document's, on each of its records."""
    action_lines, sdgs = collection.tags[document.id]
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
    service = PagefindService()
    index_id = service.request({"type": "NewIndex", "config": {"force_language": LANGUAGE}})[
        "index_id"
    ]
    for number, record in enumerate(records, start=1):
        if number % BATCH == 0:
            service.flush()  # bounds what the service holds in memory at once
        service.send(
            {
                "type": "AddRecord",
                "index_id": index_id,
                "url": record.url,
                "content": record.content,
                "language": LANGUAGE,
                "meta": {"title": record.title},
                "filters": record.filters,
                "sort": None,
            }
        )
    service.send(
        {"type": "WriteFiles", "index_id": index_id, "output_path": str(site / "pagefind")}
    )
    try:
        service.flush()
    finally:
        service.close()


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
        return base64.b64encode(json.dumps(message).encode()) + b","

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
        self.process.stdin.close()
        self.process.wait()


def decode(reply: bytes) -> dict[str, Any]:
    return dict(json.loads(base64.b64decode(reply)))


def check(reply: dict[str, Any]) -> dict[str, Any]:
    payload: dict[str, Any] = reply["payload"]
    if payload.get("type") == "Error":
        raise RuntimeError(f"pagefind: {payload.get('message')}")
    return payload

"""Benchmarks: parse throughput, and the bytes one search query transfers.

``python -m generator.bench [--mb 10] [--search 0,1000]`` prints two tables.

Parse: the shipped sources repeated to ≥ 10 MB. Timings are shown as MB/s and
as ratios against a baseline measured in the same run: decoding and
normalising the same bytes (the least any parser must do), so the ratio says
what the parse itself costs, whatever the machine.

Search: for the shipped corpus (size 0) and synthetic corpora of N resolutions
(``synth.py``), the Pagefind index is built and a few queries run in Chromium;
the bytes it fetched are read from the network log, against the baseline of
downloading the whole index (as mkdocs-material's built-in search does).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from . import search, store
from .build import parse_sources
from .errors import Warnings
from .link import Collection
from .parse import parse_lines
from .read import decode, normalise
from .synth import synthesize

if TYPE_CHECKING:
    from playwright.sync_api import Page

SOURCES = Path(__file__).resolve().parent.parent / "content" / "sources"


def corpus(megabytes: float) -> list[tuple[str, bytes]]:
    """The seed files, repeated until their total size reaches ``megabytes``."""
    seeds = [(p.name, p.read_bytes()) for p in sorted(SOURCES.glob("*.txt"))]
    size = sum(len(data) for _, data in seeds)
    return seeds * max(1, round(megabytes * 1e6 / size + 0.5))


def timed(work: Callable[[], object]) -> float:
    """Best of three wall-clock runs, in seconds."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m generator.bench")
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    parser.add_argument(
        "--search",
        default="0,1000",
        help="corpus sizes for the search table, 0 for the shipped corpus ('' to skip)",
    )
    args = parser.parse_args(argv)
    parse_table(args.mb)
    if args.search:
        search_table([int(n) for n in args.search.split(",")])


def parse_table(mb: float) -> None:
    files = corpus(mb)
    megabytes = sum(len(data) for _, data in files) / 1e6

    def baseline() -> None:
        for name, data in files:
            normalise(decode(data, name))

    def parse() -> None:
        for name, data in files:
            parse_lines(normalise(decode(data, name)), name, Warnings())

    def parse_and_dump() -> None:
        for name, data in files:
            for document in parse_lines(normalise(decode(data, name)), name, Warnings()):
                store.dump(document)

    rows = [("decode + normalise (baseline)", timed(baseline))]
    rows.append(("read → parse (model)", timed(parse)))
    rows.append(("read → parse → validated YAML", timed(parse_and_dump)))
    base = rows[0][1]
    print(f"corpus: {len(files)} files, {megabytes:.1f} MB (shipped sources repeated)\n")
    print(f"| {'stage':<32} | {'seconds':>8} | {'MB/s':>7} | {'× baseline':>10} |")
    print(f"|{'-' * 34}|{'-' * 10}|{'-' * 9}|{'-' * 12}|")
    for name, seconds in rows:
        print(
            f"| {name:<32} | {seconds:>8.2f} | {megabytes / seconds:>7.1f} | {seconds / base:>10.1f} |"
        )


QUERIES = ("数字鸿沟", "140", "网络安全", "性别平等")
RUN_QUERY = """async (query) => {
  const pagefind = await import("/pagefind/pagefind.js");
  await pagefind.options({ ranking: { termFrequency: 0 } });  // as the search box does
  const found = await pagefind.search(query);
  await Promise.all(found.results.slice(0, 8).map((result) => result.data()));
  return found.results.length;
}"""


def search_table(sizes: list[int]) -> None:
    """Bytes per query (the first 8 results loaded, as the search box shows them)."""
    shipped = parse_sources([SOURCES]).documents
    print("\nsearch: bytes Chromium fetched for one query, first 8 results loaded")
    print("(median of the queries; baseline: the whole index, which a single-file index sends)\n")
    print(f"| {'corpus':<22} | {'records':>8} | {'index s':>7} | {'whole index':>11} |", end="")
    print(f" {'per query':>9} | {'÷ whole':>7} |")
    print(f"|{'-' * 24}|{'-' * 10}|{'-' * 9}|{'-' * 13}|{'-' * 11}|{'-' * 9}|")
    for size in sizes:
        documents = synthesize(shipped, size) if size else shipped
        name = f"{size} synthetic" if size else "shipped seeds"
        with tempfile.TemporaryDirectory() as folder:
            site = Path(folder)
            records = search.records(Collection(documents))
            started = time.perf_counter()
            search.write_index(records, site)
            seconds = time.perf_counter() - started
            whole = sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file())
            per_query = sorted(query_bytes(site, QUERIES))[len(QUERIES) // 2]
        print(
            f"| {name:<22} | {len(records):>8} | {seconds:>7.1f} | {kb(whole):>11} |"
            f" {kb(per_query):>9} | {per_query / whole:>7.3f} |"
        )


def kb(size: int) -> str:
    return f"{size / 1024:,.0f} KB"


def query_bytes(site: Path, queries: tuple[str, ...]) -> list[int]:
    """For each query, the bytes a fresh browser fetched from pagefind/ to answer it."""
    from playwright.sync_api import sync_playwright  # a test dependency: imported when used

    (site / "index.html").write_text("<!doctype html><title>search</title>", encoding="utf-8")
    sizes = []
    with served(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for query in queries:
            page = browser.new_context().new_page()  # a fresh cache for each query
            page.goto(f"{url}/index.html")
            sizes.append(fetched_bytes(page, query))
            page.context.close()
        browser.close()
    return sizes


def fetched_bytes(page: Page, query: str) -> int:
    fetched: list[int] = []
    page.on("requestfinished", lambda r: fetched.append(r.sizes()["responseBodySize"]))
    page.evaluate(RUN_QUERY, query)
    return sum(fetched)


@contextmanager
def served(folder: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    main()

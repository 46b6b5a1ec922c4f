"""Benchmarks: parse throughput, and the bytes one search query transfers.

``python -m benchmarks.bench [--mb 10] [--search 0,1000]`` prints two tables.

Parse: the shipped sources repeated to ≥ 10 MB. Timings are shown as MB/s and
as ratios against a baseline measured in the same run: decoding and
normalising the same bytes (the least any parser must do), so the ratio says
what the parse itself costs, whatever the machine.

Search: for the shipped corpus (size 0) and synthetic corpora of N resolutions
(``synth.py``), the Pagefind index is built and a few queries run in Chromium
as the search box runs them; the loopback server counts the bytes it sends
(gzipping text as static hosts do, and once without), against the baseline of
downloading the whole index (as mkdocs-material's built-in search does).

Build: see ``build_table``.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from generator import search, store
from generator.errors import Warnings
from generator.incremental import ParseCache
from generator.link import link
from generator.model import Document
from generator.parse import parse_lines, parse_sources
from generator.read import decode, normalise, read_sources

from .synth import synthesize

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "content" / "sources"


def parse_folder(folder: Path) -> list[Document]:
    return parse_sources(read_sources([folder])[0]).documents


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
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench")
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    parser.add_argument(
        "--search",
        default="0",
        help="corpus sizes for the search table, 0 for the shipped corpus ('' to skip)",
    )
    parser.add_argument(
        "--sizes", default="100,1000,5000", help="corpus sizes for the build table ('' to skip)"
    )
    parser.add_argument(
        "--naive-max",
        type=int,
        default=1000,
        help="build the naive baseline only up to this size (its nav makes it quadratic)",
    )
    parser.add_argument("--json", type=Path, help="also write the build table here, as JSON")
    args = parser.parse_args(argv)
    parse_speeds = parse_table(args.mb)
    if args.search:
        search_table([int(n) for n in args.search.split(",")])
    if args.sizes:
        sizes = [int(n) for n in args.sizes.split(",")]
        build_table(sizes, parse_speeds, args.naive_max, args.json)


def parse_table(mb: float) -> dict[str, float]:
    """Prints the parse table; returns the MB/s of read → parse, in one process
    (``parse_mb_s``) and in the build's parse stage (``build_parse_mb_s``)."""
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

    def parse_in_workers(folder: Path) -> None:
        """As ``generator build`` parses: into an (empty) cache, which its workers fill."""
        with tempfile.TemporaryDirectory() as cache:
            parse_sources(read_sources([folder])[0], WORKERS, ParseCache(Path(cache)))

    rows = [("decode + normalise (baseline)", timed(baseline))]
    rows.append(("read → parse (model)", timed(parse)))
    rows.append(("read → parse → validated YAML", timed(parse_and_dump)))
    with tempfile.TemporaryDirectory() as folder:
        for index, (name, data) in enumerate(files):
            (Path(folder) / f"{index:04d}-{name}").write_bytes(data)
        seconds = timed(functools.partial(parse_in_workers, Path(folder)))
    rows.append((f"the build's parse: {WORKERS} processes, + cache entries", seconds))
    base = rows[0][1]
    print(f"corpus: {len(files)} files, {megabytes:.1f} MB (shipped sources repeated)\n")
    print(f"| {'stage':<54} | {'seconds':>8} | {'MB/s':>7} | {'× baseline':>10} |")
    print(f"|{'-' * 56}|{'-' * 10}|{'-' * 9}|{'-' * 12}|")
    for name, seconds in rows:
        print(
            f"| {name:<54} | {seconds:>8.2f} | {megabytes / seconds:>7.1f} | {seconds / base:>10.1f} |"
        )
    speeds = {"parse_mb_s": megabytes / rows[1][1], "build_parse_mb_s": megabytes / seconds}
    return {key: round(value, 2) for key, value in speeds.items()}


WORKERS = os.cpu_count() or 1  # as `generator build` parses many files

# Chinese phrases, a resolution's number, and names the clauses' keys stand for
# (generator/search.py), which the box searches as those keys.
QUERIES = ("数字鸿沟", "140", "网络安全", "性别平等", "WSIS+20", "SDG 5")
KINDS = ("code", "metadata", "index", "fragments")
CHROMIUM = "/usr/bin/chromium"
# No background requests: the machine has no network, and the site needs none.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# What the search box does for a query, through its own functions (theme/assets/search.js):
# it loads Pagefind without its worker, searches, and loads the first 5 results. The
# filters load only when their panel is opened: measured on their own.
SEARCH_JS = ROOT / "theme" / "assets" / "search.js"
BENCH_PAGE = '<!doctype html><meta charset="utf-8"><title>search</title><script src="bench-search.js"></script>'
RUN_QUERY = """async (query) => {
  const pagefind = await siteSearch.load(new URL("pagefind/", location.href));
  const found = await siteSearch.find(pagefind, query, {});
  await Promise.all(found.results.slice(0, 5).map((result) => result.data()));
  return found.results.length;
}"""
OPEN_FILTERS = """async () => {
  const pagefind = await siteSearch.load(new URL("pagefind/", location.href));
  await pagefind.filters();
}"""


def search_table(sizes: list[int]) -> None:
    """Bytes per query through the site's own search box, by what they are."""
    shipped = parse_folder(SOURCES)
    print("\nsearch: bytes Chromium fetched for a query, as the search box makes it")
    print("(median of the queries; first: a fresh browser; repeat: another query on the same page;")
    print("served as most static hosts do, JS gzipped; 'no gzip': from a host that compresses")
    print("nothing; filters: what opening the filter panel adds, once per visit)")
    print("(baseline: the whole index, all of which a single-file index sends)\n")
    head = ["corpus", "records", "index s", "whole index", "first", *KINDS, "÷ whole", "repeat"]
    head += ["first, no gzip", "filters"]
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---" for _ in head) + "|")
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            documents = synthetic_documents(shipped, size, Path(folder)) if size else shipped
            site = Path(folder) / "site"
            records = search.records(link(documents))
            started = time.perf_counter()
            search.write_index(records, site)
            seconds = time.perf_counter() - started
            whole = sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file())
            first, repeat, filters = query_costs(site, QUERIES, compress=True)
            plain, _, _ = query_costs(site, QUERIES, compress=False)
        parts = [kb(first[kind]) for kind in KINDS]
        row = [f"{size} synthetic" if size else "shipped seeds", str(len(records))]
        spread = f"{first['low'] / 1024:.0f}–{first['high'] / 1024:.0f}"
        row += [f"{seconds:.1f}", kb(whole), f"{kb(first['total'])} ({spread})", *parts]
        row += [f"{first['total'] / whole:.3f}", kb(repeat["total"]), kb(plain["total"])]
        row += [kb(filters)]
        print("| " + " | ".join(row) + " |")


def build_table(
    sizes: list[int], parse_speeds: dict[str, float], naive_max: int, json_file: Path | None
) -> None:
    """Our full build against the naive mkdocs-material one, on synthetic corpora."""
    shipped = parse_folder(SOURCES)
    results: dict[str, Any] = {**parse_speeds, "runs": []}
    print("\nbuild: our pipeline (parse → YAML → render → mkdocs → Pagefind) against the naive")
    print("mkdocs-material build (Markdown pages, all in the nav, built-in search with lang: zh)")
    print("incremental: rebuild after one source file gains a citation (ours: median of")
    print(f"{REBUILDS} such rebuilds, each after a new citation; naive: one)\n")
    head = ["corpus", "build", "wall s", "peak MB", "site MB", "median page KB"]
    head += ["median resolution page KB", "query KB"]
    head += ["incremental s", "generator s (full → one file)"]
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---" for _ in head) + "|")
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            write_sources(shipped, size, root / "sources")
            ours = measure_ours(root)
            naive = measure_naive(root) if size <= naive_max else None
        print("| " + " | ".join([str(size), "ours", *build_cells(ours)]) + " |")
        if naive:
            print("| " + " | ".join([str(size), "naive", *build_cells(naive)]) + " |")
            ratios = [f"{ours[key] / naive[key]:.2f}" for key in MEASURES]
            print("| " + " | ".join([str(size), "ours ÷ naive", *ratios, ""]) + " |")
        results["runs"].append({"n": size, "ours": ours, "naive": naive})
    if json_file:
        json_file.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


MEASURES = (
    "wall_s",
    "peak_rss_mb",
    "site_mb",
    "median_page_kb",
    "median_resolution_page_kb",
    "query_kb",
    "incremental_s",
)


def build_cells(run: dict[str, float]) -> list[str]:
    cells = [f"{run[key]:,.1f}" for key in MEASURES]
    if "generator_s" in run:
        cells.append(f"{run['generator_s']:.2f} → {run['incremental_generator_s']:.2f}")
    else:
        cells.append("")
    return cells


def measure_ours(root: Path) -> dict[str, float]:
    site, timings = root / "ours", root / "timings.json"
    command = [sys.executable, "-m", "generator", "build", "--sources", str(root / "sources")]
    command += [
        "--out",
        str(root / "yaml"),
        "--site",
        str(site),
        "--build-dir",
        str(root / "build"),
    ]
    command += ["--timings", str(timings)]
    wall, peak = run_measured(command)
    full = generator_seconds(timings)
    ids = {path.stem for path in (root / "yaml").glob("*.yaml")}
    measures = site_measures(site, ids) | {"wall_s": wall, "peak_rss_mb": peak}
    first, _, _ = query_costs(site, QUERIES)
    measures["query_kb"] = first["total"] / 1024
    walls, generators = [], []
    for _ in range(REBUILDS):
        edit_one_source(root / "sources")
        walls.append(run_measured(command)[0])
        generators.append(generator_seconds(timings))
    measures["incremental_s"] = statistics.median(walls)
    measures["generator_s"] = full
    measures["incremental_generator_s"] = statistics.median(generators)
    return measures


# One-file rebuilds of our build, each after a new edit: the table gives the median.
# (On a shared 2-core machine one rebuild's seconds vary by a third from run to run.)
REBUILDS = 3


GENERATOR_STAGES = ("parse", "yaml", "link", "render", "api")


def generator_seconds(timings: Path) -> float:
    seconds = json.loads(timings.read_text(encoding="utf-8"))
    return float(sum(seconds[stage] for stage in GENERATOR_STAGES))


def measure_naive(root: Path) -> dict[str, float]:
    site = root / "naive"
    command = [sys.executable, "-m", "benchmarks.naive", str(root / "sources"), str(site)]
    wall, peak = run_measured(command)
    ids = {path.stem for path in (root / "yaml").glob("*.yaml")}  # written by measure_ours
    measures = site_measures(site, ids) | {"wall_s": wall, "peak_rss_mb": peak}
    measures["query_kb"] = naive_query_bytes(site, QUERIES[0]) / 1024
    edit_one_source(root / "sources")
    measures["incremental_s"], _ = run_measured(command)  # mkdocs rebuilds everything
    return measures


# A child forked from this (large) process would start with its memory counted
# in its peak, so a small fresh interpreter starts the command and reports its peak.
MEASURE = """import os, subprocess, sys
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
open(sys.argv[1], "w").write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))"""


def run_measured(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB, the largest of its processes) of a command."""
    with tempfile.TemporaryDirectory() as folder:
        peak, errors = Path(folder) / "peak", Path(folder) / "errors"
        started = time.perf_counter()
        with errors.open("wb") as stderr:
            wrapped = [sys.executable, "-c", MEASURE, str(peak), *command]
            run = subprocess.run(wrapped, check=False, stdout=subprocess.DEVNULL, stderr=stderr)
        wall = time.perf_counter() - started
        if run.returncode:
            message = errors.read_text(encoding="utf-8", errors="replace")[-3000:]
            raise RuntimeError(f"{' '.join(command)} failed:\n{message}")
        return wall, int(peak.read_text()) / 1024


def site_measures(site: Path, ids: set[str]) -> dict[str, float]:
    """Site size; the median of every page, and of the resolutions' own pages (``ids``):
    our site also has a page per work and per matrix cell, the naive one has not."""
    files = [f for f in site.rglob("*") if f.is_file()]
    pages = {f: f.stat().st_size for f in files if f.name == "index.html"}
    own = [size for page, size in pages.items() if page.parent.name in ids]
    return {
        "site_mb": sum(f.stat().st_size for f in files) / 1e6,
        "median_page_kb": statistics.median(pages.values()) / 1024,
        "median_resolution_page_kb": statistics.median(own) / 1024,
    }


def edit_one_source(sources: Path) -> None:
    """Add a citation to the first clause of the first file, before its closing punctuation."""
    path = min(sources.glob("*.txt"))
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if "\t" in line)
    end = len(lines[at]) - 1 if lines[at][-1] in "；，。" else len(lines[at])
    lines[at] = lines[at][:end] + "，并忆及全权代表大会第2号决议" + lines[at][end:]
    path.write_text("\n".join(lines), encoding="utf-8")


def naive_query_bytes(site: Path, query: str) -> int:
    """Bytes of search fetched for a first query in mkdocs-material's search box: its
    worker, lunr and the index, which the worker fetches as the page loads."""
    from playwright.sync_api import sync_playwright

    sent: list[tuple[str, int]] = []
    with served(site, sent, compress=True) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page()
        page.goto(f"{url}/")
        page.locator(".md-search__input").fill(query)
        page.wait_for_selector(".md-search-result__item", timeout=600_000)
        browser.close()
    return sum(size for path, size in sent if "search" in path or "lunr" in path)


def write_sources(real: list[Document], size: int, folder: Path) -> None:
    """A synthetic corpus of ``size`` resolutions, as source files in ``folder``."""
    folder.mkdir(parents=True)
    for name, text in synthesize(real, size):
        (folder / name).write_text(text, encoding="utf-8")


def synthetic_documents(real: list[Document], size: int, folder: Path) -> list[Document]:
    """A synthetic corpus of ``size`` resolutions, written as sources and parsed."""
    write_sources(real, size, folder / "sources")
    return parse_folder(folder / "sources")


def kb(size: float) -> str:
    return f"{size / 1024:,.0f} KB"


def query_costs(
    site: Path, queries: tuple[str, ...], compress: bool = True
) -> tuple[dict[str, float], dict[str, float], int]:
    """Median bytes, by kind, of a first query (fresh browser) and of a repeat query;
    and the bytes that opening the filter panel then adds."""
    from playwright.sync_api import sync_playwright  # a test dependency: imported when used

    (site / "bench-search.html").write_text(BENCH_PAGE, encoding="utf-8")
    (site / "bench-search.js").write_bytes(SEARCH_JS.read_bytes())
    sent: list[tuple[str, int]] = []
    firsts: list[dict[str, int]] = []
    repeats: list[dict[str, int]] = []
    with served(site, sent, compress) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for number, query in enumerate(queries):
            page = browser.new_context().new_page()  # a fresh cache for each first query
            page.goto(f"{url}/bench-search.html")
            for answers, words in ((firsts, query), (repeats, queries[number - 1])):
                sent.clear()
                page.evaluate(RUN_QUERY, words)
                answers.append(by_kind(sent))
            sent.clear()
            page.evaluate(OPEN_FILTERS)
            filters = sum(size for _, size in sent)
            page.context.close()
        browser.close()
    return median_by_kind(firsts), median_by_kind(repeats), filters


def by_kind(sent: list[tuple[str, int]]) -> dict[str, int]:
    sizes = dict.fromkeys(KINDS, 0)
    for path, size in sent:
        sizes[kind_of(path)] += size
    return sizes


def kind_of(url: str) -> str:
    for kind, marks in (
        ("metadata", (".pf_meta",)),
        ("index", ("/index/",)),
        ("fragments", ("/fragment/",)),
    ):
        if any(mark in url for mark in marks):
            return kind
    return "code"  # pagefind.js, its WASM and entry file: cached after the first query


def median_by_kind(costs: list[dict[str, int]]) -> dict[str, float]:
    """The query of median total, by kind (so the parts add up to the total), and the range."""
    ranked = sorted(costs, key=lambda cost: sum(cost.values()))
    middle = ranked[len(ranked) // 2]
    low, high = sum(ranked[0].values()), sum(ranked[-1].values())
    return {**middle, "total": sum(middle.values()), "low": low, "high": high}


# What static hosts (GitHub Pages, Netlify, nginx with gzip on) compress on the way;
# Pagefind's own files are gzipped already.
COMPRESSED = {".html", ".js", ".css", ".json", ".csv", ".svg", ".xml"}


@contextmanager
def served(
    folder: Path, sent: list[tuple[str, int]] | None = None, compress: bool = False
) -> Iterator[str]:
    """``folder`` served on a loopback port; each file sent is logged in ``sent`` (path, bytes
    on the wire). With ``compress``, text files are gzipped for a browser that accepts it."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            path = Path(self.translate_path(self.path))
            accepts = "gzip" in self.headers.get("Accept-Encoding", "")
            if compress and accepts and path.suffix in COMPRESSED and path.is_file():
                self.send_gzipped(path)
            else:
                super().do_GET()

        def send_gzipped(self, path: Path) -> None:
            body = gzip.compress(path.read_bytes(), compresslevel=6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            if sent is not None:
                sent.append((self.path, len(body)))

        def copyfile(self, source: Any, outputfile: Any) -> None:
            if sent is not None:
                sent.append((self.path, os.fstat(source.fileno()).st_size))
            super().copyfile(source, outputfile)

    handler = functools.partial(Handler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    main()

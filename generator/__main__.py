"""Command line: ``python -m generator parse SOURCE... --out DIR`` and ``build``."""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from pathlib import Path

from .build import (
    RESOLUTIONS,
    SITE,
    SOURCES,
    WORK,
    ParseReport,
    build_site,
    parse_sources,
    source_files,
    write_yaml,
)
from .cache import ParseCache
from .progress import Stages
from .store import SchemaError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator")
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="parse source texts into YAML, one file per document")
    parse.add_argument("sources", nargs="+", type=Path, help="source .txt files or folders")
    parse.add_argument("--out", type=Path, default=RESOLUTIONS, help="folder for the YAML")
    parse.add_argument("--strict", action="store_true", help="fail on warnings")
    build = commands.add_parser("build", help="parse the sources into YAML and build the site")
    build.add_argument("--sources", type=Path, default=SOURCES, help="source folder")
    build.add_argument("--out", type=Path, default=RESOLUTIONS, help="folder for the YAML")
    build.add_argument("--site", type=Path, default=SITE, help="folder for the site")
    build.add_argument("--work", type=Path, default=WORK, help="folder for the caches")
    build.add_argument("--strict", action="store_true", help="fail on warnings")
    build.add_argument("--timings", type=Path, help="write the seconds of each stage as JSON here")
    args = parser.parse_args(argv)
    stages = Stages(sys.stderr) if args.command == "build" else Stages(None)
    cache = ParseCache(args.work / "cache" / "parse") if args.command == "build" else None
    sources = [args.sources] if args.command == "build" else args.sources
    # The documents are millions of small objects without cycles. Collecting while
    # they are loaded from the cache, and afterwards, traversed them again and again:
    # half of a one-file rebuild's parse and link at 1,000 resolutions.
    gc.disable()
    report = run_parse(sources, args.strict, cache, stages, build=args.command == "build")
    gc.freeze()  # they live to the end: later collections skip them
    gc.enable()
    if report is None:
        return 1
    try:
        if args.command == "parse":
            write_documents(report, args.out, stages)
            return 0
        return run_build(args, report, cache, stages)
    except SchemaError as error:  # a parser bug, still reported without a traceback
        print(f"error: {error} (please report); nothing was written", file=sys.stderr)
        return 1


def run_build(
    args: argparse.Namespace, report: ParseReport, cache: ParseCache | None, stages: Stages
) -> int:
    """Write the YAML and build the site; the YAML is written while Pagefind indexes."""
    site = build_site(
        report.documents,
        args.site,
        digests=report.digests,
        work=args.work,
        stages=stages,
        alongside=lambda: write_documents(report, args.out, stages),
        records=report.records,
    )
    if cache:
        cache.prune()
    if args.timings:
        args.timings.write_text(json.dumps(stages.seconds), encoding="utf-8")
    print(
        f"site: {site.pages} pages ({site.rendered} rendered, the rest unchanged), "
        f"{site.clauses} clauses, {site.citations} citations → {args.site}\n{stages.table()}"
    )
    return 0


def run_parse(
    sources: list[Path],
    strict: bool,
    cache: ParseCache | None,
    stages: Stages,
    build: bool,
) -> ParseReport | None:
    """Parse; None (after saying why) if there are errors, or warnings under ``strict``.
    For a build, the parse also makes the search records."""
    files = len(source_files(sources))
    with stages.run("parse", total=files, unit="files") as progress:
        report = parse_sources(
            sources,
            cache,
            progress,
            workers=os.cpu_count() or 1,
            dump_yaml=True,
            search_pages=build,
        )
    print_problems(report)
    if report.errors or (strict and report.warnings):
        failed = "errors" if report.errors else "warnings (--strict)"
        print(f"not written: {failed}; nothing was changed", file=sys.stderr)
        return None
    return report


def write_documents(report: ParseReport, out: Path, stages: Stages) -> None:
    """Write the YAML of every document (all or nothing) and say what was parsed."""
    with stages.run("yaml"):
        dumped = write_yaml(report.documents, out, report.digests, report.yaml)
    kinds = [d.kind for d in report.documents]
    print(
        f"{len(kinds)} documents ({kinds.count('resolution')} resolutions, "
        f"{kinds.count('report')} reports) from {report.files} files ({report.parsed_files} "
        f"parsed, the rest cached) → {out} ({dumped} written), {len(report.warnings)} warnings, "
        f"{stages.seconds['parse'] + stages.seconds['yaml']:.2f} s"
    )


SHOWN_WARNINGS = 20  # a large corpus can have thousands; the first ones show the pattern


def print_problems(report: ParseReport) -> None:
    for warning in report.warnings.items[:SHOWN_WARNINGS]:
        print(f"warning: {warning}", file=sys.stderr)
    if len(report.warnings) > SHOWN_WARNINGS:
        hidden = len(report.warnings) - SHOWN_WARNINGS
        print(f"… and {hidden} more warnings", file=sys.stderr)
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())

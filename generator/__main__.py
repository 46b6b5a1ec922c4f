"""Command line: ``python -m generator parse SOURCE... --out DIR`` and ``build``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .build import (
    RESOLUTIONS,
    SITE,
    SOURCES,
    ParseReport,
    build_site,
    parse_sources,
    write_yaml,
)
from .store import SchemaError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator")
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="parse source texts into YAML, one file per document")
    parse.add_argument("sources", nargs="+", type=Path, help="source .txt files or folders")
    parse.add_argument("--out", type=Path, default=RESOLUTIONS, help="folder for the YAML")
    parse.add_argument("--strict", action="store_true", help="fail on warnings")
    build = commands.add_parser(
        "build", help="parse content/sources/ into content/resolutions/ and build site/"
    )
    build.add_argument("--strict", action="store_true", help="fail on warnings")
    args = parser.parse_args(argv)
    sources = args.sources if args.command == "parse" else [SOURCES]
    out = args.out if args.command == "parse" else RESOLUTIONS
    status = run_parse(sources, out, args.strict)
    if status or args.command == "parse":
        return status
    return run_site(sources)


def run_site(sources: list[Path]) -> int:
    """Build site/ from the documents just parsed (parse again: it is fast)."""
    started = time.perf_counter()
    pages = build_site(parse_sources(sources).documents, SITE)
    print(f"site: {pages} pages → {SITE}, {time.perf_counter() - started:.2f} s")
    return 0


def run_parse(sources: list[Path], out: Path, strict: bool) -> int:
    started = time.perf_counter()
    report = parse_sources(sources)
    print_problems(report)
    if report.errors or (strict and report.warnings):
        failed = "errors" if report.errors else "warnings (--strict)"
        print(f"not written: {failed}; {out} is unchanged", file=sys.stderr)
        return 1
    try:
        write_yaml(report.documents, out)
    except SchemaError as error:  # a parser bug, still reported without a traceback
        print(f"error: {error} (please report); {out} is unchanged", file=sys.stderr)
        return 1
    kinds = [d.kind for d in report.documents]
    print(
        f"{len(kinds)} documents ({kinds.count('resolution')} resolutions, "
        f"{kinds.count('report')} reports) → {out}, {len(report.warnings)} warnings, "
        f"{time.perf_counter() - started:.2f} s"
    )
    return 0


def print_problems(report: ParseReport) -> None:
    for warning in report.warnings.items:
        print(f"warning: {warning}", file=sys.stderr)
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())

"""Command line: ``python -m generator build`` and ``python -m generator parse SOURCE... --out DIR``."""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections import Counter
from pathlib import Path

from .build import ROOT, Options, Report, build, read_and_parse
from .folders import Staging
from .progress import Stages
from .registry import RegistryError
from .signals import Stopped, say_stopped, stopped_by_signals
from .site import SiteError
from .store import SchemaError, write_yaml
from .workers import WorkerDied

SOURCES = ROOT / "content" / "sources"
RESOLUTIONS = ROOT / "content" / "resolutions"
SITE = ROOT / "site"
BUILD_DIR = ROOT / "build"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator")
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="parse source texts into YAML, one file per document")
    parse.add_argument("sources", nargs="+", type=Path, help="source .txt files or folders")
    parse.add_argument("--out", type=Path, default=RESOLUTIONS, help="folder for the YAML")
    parse.add_argument("--strict", action="store_true", help="fail on warnings")
    site = commands.add_parser("build", help="parse the sources into YAML and build the site")
    site.add_argument("--sources", type=Path, default=SOURCES, help="source folder")
    site.add_argument("--out", type=Path, default=RESOLUTIONS, help="folder for the YAML")
    site.add_argument("--site", type=Path, default=SITE, help="folder for the site")
    site.add_argument(
        "--build-dir", type=Path, default=BUILD_DIR, help="folder for the docs and caches"
    )
    site.add_argument("--fresh", action="store_true", help="build everything, reading no cache")
    site.add_argument("--strict", action="store_true", help="fail on warnings")
    site.add_argument(
        "--registry",
        type=Path,
        help="the pages published so far, kept as redirects (default: published.txt beside --out)",
    )
    site.add_argument(
        "--keep-aliases",
        action="store_true",
        help="a published page or anchor whose text is gone leads to the nearest (its work's "
        "page, the clause's successor) instead of failing the build",
    )
    site.add_argument("--timings", type=Path, help="write the seconds of each stage as JSON here")
    args = parser.parse_args(argv)
    # The documents are millions of small objects without cycles: collecting while
    # they are made traverses them again and again, for nothing.
    gc.disable()
    try:
        with stopped_by_signals():
            return run(args)
    except Stopped as stopped:
        return say_stopped(stopped.signum)
    except SiteError as error:
        for message in error.messages:
            print(f"error: mkdocs: {message}", file=sys.stderr)
        print("not written: the site did not build; nothing was changed", file=sys.stderr)
        return 1
    except RegistryError as error:
        print(f"error: {error}; nothing was changed", file=sys.stderr)
        return 1
    except WorkerDied as error:
        print(f"error: {error}, out of memory or killed; nothing was changed", file=sys.stderr)
        return 1
    except SchemaError as error:  # a parser bug, still reported without a traceback
        print(f"error: {error} (please report); nothing was written", file=sys.stderr)
        return 1
    finally:
        gc.enable()


def run(args: argparse.Namespace) -> int:
    if args.command == "parse":
        options = Options(args.sources, args.out, SITE, BUILD_DIR, fresh=True, strict=args.strict)
        return parse_only(options)
    options = Options(
        [args.sources],
        args.out,
        args.site,
        args.build_dir,
        fresh=args.fresh,
        strict=args.strict,
        registry=args.registry or args.out.parent / "published.txt",
        keep_aliases=args.keep_aliases,
    )
    stages = Stages(sys.stderr)
    report = build(options, stages)
    if report is None:
        return 1
    if args.timings:
        args.timings.write_text(json.dumps(stages.seconds), encoding="utf-8")
    print(summary(report, options, stages))
    return 0


def parse_only(options: Options) -> int:
    """Parse the sources and write their YAML, without building the site."""
    stages = Stages(None)
    parsed = read_and_parse(options, stages)
    if parsed is None:
        return 1
    with Staging() as staging:
        written = write_yaml(parsed.documents, staging.folder(options.out))
        staging.publish(options.out)
    print(documents_line(Report(parsed, written), options))
    return 0


def documents_line(report: Report, options: Options) -> str:
    kinds = Counter(document.kind for document in report.parsed.documents)
    files = len(report.parsed.files) + len(report.parsed.errors)
    parsed = files - report.parsed.reused
    by_count = sorted(kinds.items(), key=lambda item: -item[1])
    counted = ", ".join(f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in by_count)
    return (
        f"{kinds.total()} documents ({counted}) from {files} files ({parsed} parsed, the rest "
        f"cached) → {options.out} ({report.yaml_written} written), "
        f"{len(report.parsed.warnings)} warnings"
    )


def summary(report: Report, options: Options, stages: Stages) -> str:
    return (
        f"{documents_line(report, options)}\n"
        f"site: {report.pages} pages ({report.rendered} rendered, the rest unchanged), "
        f"{report.clauses} clauses, {report.citations} citations → {options.site}\n"
        f"{stages.table()}"
    )

"""A build stopped at any instant, by SIGINT, SIGTERM or SIGKILL, leaves a complete
site whose pages are those of the YAML beside it, and no process behind."""

from __future__ import annotations

import itertools
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.synth import synthesize
from generator.folders import Staging
from generator.parse import PARALLEL_FROM, Parsed

from .conftest import ROOT, SOURCES, descendants, seed

# The lines a build prints as each stage starts, in order ("search" twice: it starts
# Pagefind, then waits for it). A kill aims at one of them, or at Python's start.
STAGE_LINES = ("parse", "link", "search", "yaml", "render", "api", "mkdocs", "search", "publish")
SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGKILL)
LATEST_KILL = 0.15  # seconds after a stage's line: the seeds' stages take 0 to 0.4 s
LOADING = (0.05, 0.5)  # seconds after starting: Python has begun loading mkdocs and the rest
TIMEOUT = 60  # for one build, killed or not


def start_build(sources: Path, work: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "generator", "build", "--sources", str(sources)]
    command += ["--out", str(work / "yaml"), "--site", str(work / "site")]
    command += ["--build-dir", str(work / "build"), "--keep-aliases"]  # wtsa-75 comes and goes
    return subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def wait_for_stage(build: subprocess.Popen[str], stage: int) -> list[str]:
    """The lines the build printed up to the start of its ``stage``-th stage (-1: none)."""
    assert build.stderr
    lines: list[str] = []
    started = 0  # warnings come between the stages' lines
    while started <= stage and (line := build.stderr.readline()):
        lines.append(line)
        started += re.split(r"[:…]", line)[0] in STAGE_LINES
    return lines


def alive(pids: set[int]) -> set[int]:
    """Those of ``pids`` still running (a zombie has finished)."""
    running = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            running.add(pid)
    return running


def gone_within(pids: set[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while alive(pids) and time.monotonic() < deadline:
        time.sleep(0.02)
    return not alive(pids)


def published_ids(work: Path, ids: set[str]) -> tuple[set[str], set[str]]:
    """The documents (of ``ids``) in the YAML folder, and those with a page in the site
    (not the redirect page that a document gone leaves)."""
    in_yaml = {path.stem for path in (work / "yaml").glob("*.yaml")}
    in_site = {id for id in ids if is_document_page(work / "site" / id / "index.html")}
    return in_yaml, in_site


def is_document_page(path: Path) -> bool:
    return path.is_file() and 'http-equiv="refresh"' not in path.read_text(encoding="utf-8")


def staging_left(work: Path, pid: int | None = None) -> list[str]:
    """Staging folders of builds (of the build ``pid`` only, if given), where they are
    made: beside each output folder."""
    mark = f".{pid}." if pid else "."
    return sorted(
        path.name
        for folder in (work, work / "build")
        if folder.is_dir()
        for path in folder.iterdir()
        if path.name.startswith(".") and mark in path.name
    )


def test_a_build_stopped_at_any_instant_leaves_a_whole_site(tmp_path: Path) -> None:
    all_seeds, fewer = tmp_path / "all", tmp_path / "fewer"
    shutil.copytree(SOURCES, all_seeds)
    shutil.copytree(SOURCES, fewer)
    (fewer / seed("001").name).unlink()  # the WTSA resolution: wtsa-75-2022 comes and goes
    work = tmp_path / "work"
    first = start_build(all_seeds, work)
    finish(first)
    assert first.returncode == 0
    every_id = {path.stem for path in (work / "yaml").glob("*.yaml")}
    states = {frozenset(every_id), frozenset(every_id - {"wtsa-75-2022"})}

    rng = random.Random(15)
    outcomes: dict[str, int] = {}
    trials = list(itertools.product(range(-1, len(STAGE_LINES)), SIGNALS))
    for stage, signum in trials:
        in_yaml, _ = published_ids(work, every_id)
        sources = fewer if "wtsa-75-2022" in in_yaml else all_seeds  # each build changes things
        build = start_build(sources, work)
        printed = wait_for_stage(build, stage)
        # Before any stage: while Python loads the program, not in the first few
        # milliseconds, when Python's own handler would still print a traceback.
        time.sleep(rng.uniform(*(LOADING if stage < 0 else (0, LATEST_KILL))))
        helpers = descendants(build.pid)
        build.send_signal(signum)
        out, err = finish(build)  # returns once no helper holds the pipes
        err = "".join(printed) + err
        what = f"{signal.Signals(signum).name} at {STAGE_LINES[stage] if stage >= 0 else 'start'}"
        assert gone_within(helpers, 5), f"{what}: helpers left running"
        assert "Traceback" not in err, f"{what}:\n{err}"
        if signum == signal.SIGKILL:
            with Staging(work / "build" / "publishing.json"):  # what the next build does first
                pass
        else:
            if "site: " in out:  # finished; a signal while Python exits ends it as killed
                assert build.returncode in (0, 128 + signum, -signum), f"{what}:\n{err}"
            else:
                assert build.returncode == 128 + signum, f"{what}:\n{err}"
                assert err.endswith(
                    f"stopped by {signal.Signals(signum).name}: the YAML and the site are the"
                    " last complete build's\n"
                ), err
            assert staging_left(work, build.pid) == [], (what, staging_left(work), err)
        in_yaml, in_site = published_ids(work, every_id)
        assert in_yaml == in_site and frozenset(in_yaml) in states, what
        assert (work / "site" / "index.html").is_file(), what
        assert (work / "site" / "pagefind" / "pagefind.js").is_file(), what
        finished = "completed" if "site: " in out else "stopped"
        outcomes[finished] = outcomes.get(finished, 0) + 1
    assert len(trials) >= 30 and outcomes.get("stopped", 0) >= 20, outcomes

    # What the kills left, the next build removes; and it builds what a fresh build does.
    for folder in (work, tmp_path / "fresh"):
        build = start_build(all_seeds, folder)
        finish(build)
        assert build.returncode == 0
    assert staging_left(work) == []
    fresh = tmp_path / "fresh"
    for folder in ("yaml", "site"):
        assert pages(work / folder) == pages(fresh / folder), folder


def pages(folder: Path) -> dict[str, bytes]:
    """The YAML files or HTML pages under ``folder``, by relative path."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for pattern in ("*.yaml", "*.html")
        for path in folder.rglob(pattern)
    }


@pytest.fixture(scope="module")
def many_sources(corpus: Parsed, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough files for the parse to run in worker processes."""
    folder = tmp_path_factory.mktemp("many")
    for name, text in synthesize(corpus.documents, PARALLEL_FROM * 4, seed=3):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def started_workers(build: subprocess.Popen[str]) -> set[int]:
    """The parse's worker processes, once the build has started them."""
    wait_for_stage(build, STAGE_LINES.index("parse"))
    deadline = time.monotonic() + 10
    while len(workers := descendants(build.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(workers) >= 2, "the parse did not start its workers"
    return workers


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_parse_workers_die_with_the_build(many_sources: Path, tmp_path: Path, signum: int) -> None:
    build = start_build(many_sources, tmp_path)
    workers = started_workers(build)
    os.kill(build.pid, signum)  # the build alone, not its process group
    finish(build)
    assert gone_within(workers, 5)


def test_a_worker_that_dies_fails_the_build_with_a_line(many_sources: Path, tmp_path: Path) -> None:
    build = start_build(many_sources, tmp_path)
    workers = started_workers(build)
    os.kill(min(workers), signal.SIGKILL)  # as the kernel's out-of-memory killer would
    _, err = finish(build)
    assert build.returncode == 1
    assert err.endswith(", out of memory or killed; nothing was changed\n"), err
    assert f"error: a worker process (pid {min(workers)}) died" in err
    assert "Traceback" not in err
    assert gone_within(workers, 5)
    assert not (tmp_path / "site").exists()


def finish(build: subprocess.Popen[str]) -> tuple[str, str]:
    """What the build printed, once it has ended; killed if it runs past TIMEOUT."""
    try:
        return build.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        build.kill()
        raise

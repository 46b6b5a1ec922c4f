"""Output folders replaced all together, each at once, whatever stops the build.

A build makes each new output folder beside the one it replaces (the same file
system, so that a rename can swap them), and ``Staging.publish`` swaps them all
in when everything has succeeded:

- each swap is one rename-exchange (Linux's ``renameat2(RENAME_EXCHANGE)``): at
  every instant the target is a complete folder, the old one or the new one.
  Where the system has no exchange, two renames, with a moment between them
  when the target is missing;
- SIGINT and SIGTERM are held back while the swaps run, so they cannot split them;
- a journal naming the swaps is written first and removed last: if the build is
  killed (SIGKILL) between two swaps, the next build finishes them before it
  reads anything (``Staging.__enter__``), so the YAML and the site are always
  those of the same build once a build starts;
- a staging folder's name holds its build's process id: the next build removes
  those whose process is gone.

A target that is a symbolic link stays one: the folder it points to is replaced.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import re
import secrets
import shutil
from pathlib import Path
from typing import Self

from .signals import held, stop_if_asked


class Staging:
    """New versions of output folders, swapped in together by ``publish``; whatever
    is not swapped in (and the old folders, once swapped out) is removed on exit."""

    def __init__(self, journal: Path | None = None) -> None:
        self.journal = journal  # None where one swap only is published
        self.staged: dict[Path, Path] = {}  # the real target → its new folder

    def __enter__(self) -> Self:
        if self.journal:
            finish_publishing(self.journal)
        return self

    def __exit__(self, *_: object) -> None:
        with held():  # a stop during the removal would leave the rest
            for folder in self.staged.values():
                shutil.rmtree(folder, ignore_errors=True)

    def folder(self, target: Path) -> Path:
        """A new empty folder that ``publish`` can swap with ``target`` (absolute,
        because mkdocs reads relative paths from mkdocs.yml's folder)."""
        real = real_path(target)
        real.parent.mkdir(parents=True, exist_ok=True)
        remove_stale(real)
        # Not tempfile.mkdtemp, whose folders only their owner can read: this one is
        # published, for a web server to read.
        folder = real.parent / f".{real.name}.{os.getpid()}.{secrets.token_hex(4)}"
        folder.mkdir()
        self.staged[real] = folder
        return folder

    def publish(self, *targets: Path) -> None:
        """Swap in the new folders of ``targets``."""
        swaps = [(self.staged[real], real) for real in map(real_path, targets)]
        with held():
            stop_if_asked()  # a stop that landed where Python could not raise it
            if self.journal:
                write_journal(self.journal, swaps)
            for new, target in swaps:
                exchange(new, target)
            if self.journal:
                self.journal.unlink()


def real_path(target: Path) -> Path:
    """``target`` with its links resolved: the folder to replace, not the link to it."""
    return Path(os.path.realpath(target))


def exchange(new: Path, target: Path) -> None:
    """Put ``new`` at ``target`` in one step; the old target (if any) is left at ``new``."""
    try:
        rename_exchange(new, target)
    except FileNotFoundError:  # no target yet
        os.rename(new, target)
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
            raise
        # No exchange on this system or file system: two renames.
        old = new.with_name(new.name + "-old")
        os.rename(target, old)
        os.rename(new, target)
        os.rename(old, new)


AT_FDCWD = -100
RENAME_EXCHANGE = 2
LIBC = ctypes.CDLL(None, use_errno=True)


def rename_exchange(a: Path, b: Path) -> None:
    """Swap two paths atomically (Linux 3.15 and later, glibc 2.28 and later)."""
    renameat2 = getattr(LIBC, "renameat2", None)
    if renameat2 is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available")
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(a), None, str(b))


def write_journal(journal: Path, swaps: list[tuple[Path, Path]]) -> None:
    """The swaps about to be made, each with its new folder's inode: an exchange
    moves the new folder to the target, inode and all, so the inode says which
    swaps were made. Written whole or not at all."""
    entries = [
        {"new": str(new), "target": str(target), "inode": new.stat().st_ino}
        for new, target in swaps
    ]
    journal.parent.mkdir(parents=True, exist_ok=True)
    partial = journal.with_name(journal.name + ".partial")
    partial.write_text(json.dumps(entries), encoding="utf-8")
    os.replace(partial, journal)


def finish_publishing(journal: Path) -> None:
    """Make the swaps of a build killed while publishing, if any."""
    try:
        entries = json.loads(journal.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return
    for entry in entries:
        new, target = Path(entry["new"]), Path(entry["target"])
        with contextlib.suppress(FileNotFoundError):
            if new.stat().st_ino == entry["inode"]:  # not swapped yet
                exchange(new, target)
        shutil.rmtree(new, ignore_errors=True)
    journal.unlink()


def remove_stale(target: Path) -> None:
    """Remove the staging folders beside ``target`` whose build is no longer running,
    and those of builds older than process ids in their names."""
    name = re.escape(target.name)
    ours = re.compile(rf"\.{name}\.(?P<pid>\d+)\.\w+(-old)?")
    older = re.compile(rf"\.(build|{name})-\w{{8}}|\.{name}-old")
    for sibling in target.parent.iterdir():
        match = ours.fullmatch(sibling.name)
        if (match and not running(int(match["pid"]))) or older.fullmatch(sibling.name):
            shutil.rmtree(sibling, ignore_errors=True)


def running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's
        return True
    return True

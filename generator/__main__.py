"""``python -m generator``: the command line (``cli``), quiet if stopped while it loads.

Loading mkdocs and the rest takes most of a second. Until ``cli.main`` handles
SIGINT and SIGTERM itself, either ends the program with one line rather than
with a traceback of whatever was being imported.
"""

import signal
import sys
from types import FrameType

from generator.signals import STOPPING, say_stopped


def leave(signum: int, _: FrameType | None) -> None:
    sys.exit(say_stopped(signum))


if __name__ == "__main__":  # not when imported
    for signum in STOPPING:
        signal.signal(signum, leave)
    from generator.cli import main

    code = main()
    # Done: a stop that arrives now, or arrived as main returned, changes nothing, and
    # a handler run while Python shuts down would print a traceback.
    for signum in STOPPING:
        signal.signal(signum, signal.SIG_DFL)
    sys.exit(code)

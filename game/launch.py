"""The `bystander` command (and `python -m game`) as it starts.

A plain start (`bystander`, `bystander play`: nearly every start) first shows the title as the
last plain start drew it, before anything else of the game is imported: see
`ui/title_snapshot.py`. Everything else is `cli.main`'s.
"""

from __future__ import annotations

import sys


def main() -> int:
    argv = sys.argv[1:]
    try:
        if argv in ([], ["play"]):  # as cli.PLAIN_PLAY reads them
            from .ui import title_snapshot
            title_snapshot.show()
    except KeyboardInterrupt:
        return 130
    from .cli import main as cli_main
    return cli_main(argv)

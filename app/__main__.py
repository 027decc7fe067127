"""Entry point: `python -m app` starts the GUI; with a subcommand, the command line."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if _wants_gui(argv):
        from app.ui.app.application import run_gui

        return run_gui(argv)
    from app import cli

    return cli.run(argv)


def _wants_gui(argv: list[str]) -> bool:
    """No subcommand (only --db PATH and GUI flags) means the GUI."""
    rest = list(argv)
    while rest:
        head = rest.pop(0)
        if head == "--db":
            if rest:
                rest.pop(0)
            continue
        if head.startswith("--db="):
            continue
        if head in ("--self-check",):
            return True
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())

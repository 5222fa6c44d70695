"""Command line: `python -m scripts <command>` (see scripts/README.md)."""

from __future__ import annotations

import argparse
import sys

from scripts import build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("build", help="check the content and build site/ atomically")
    args = parser.parse_args(argv)
    if args.command == "build":
        return build.build()
    return 2


if __name__ == "__main__":
    sys.exit(main())

"""MkDocs hook: check the content before anything is built, so a broken page stops the build."""

from __future__ import annotations

import sys
from pathlib import Path

# Hooks are loaded by file path; make the `scripts` package importable whatever the caller.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import Abort  # noqa: E402

from scripts.checks import run_checks  # noqa: E402


def on_pre_build(config: MkDocsConfig) -> None:
    problems = run_checks(Path(config.docs_dir))
    if problems:
        listing = "\n".join(f"  {p}" for p in problems)
        raise Abort(f"The content has {len(problems)} problem(s); nothing was built:\n{listing}")

"""Shared constants: where things live and which languages the site has."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS_DIR = ROOT / "docs"
DATA_DIR = ROOT / "data"
SITE_DIR = ROOT / "site"
CONFIG_FILE = ROOT / "mkdocs.yml"

# The first language is the default one, served at the site root.
LANGUAGES = ("pl", "id")
DEFAULT_LANGUAGE = LANGUAGES[0]

# The site generator that runs mkdocs.yml, as `python -m <BUILDER>`: "mkdocs", or "properdocs"
# (MkDocs 1.x's maintained continuation, which builds this site byte for byte the same but for
# its generator tag). The one setting to switch: make build, make serve, the tests and the
# benchmarks all call it. KB_BUILDER=properdocs tries the other one without editing.
BUILDER = os.environ.get("KB_BUILDER", "mkdocs")

# Front matter every page must carry.
REQUIRED_META = ("title", "description", "reviewed")


def relative(path: Path) -> str:
    """A path as maintainers see it: relative to the repository root when inside it."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


# Debian's Chromium, as every browser test, the audit and the benchmarks launch it.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# How long a checked fact (a contact's number, a law) and a page's review stay fresh: a contact
# or law entry whose `checked` date is older is reported by `make check`; each page shows its
# next review this long after `reviewed` (NHS and HSE pages show "next review due" likewise).
CHECK_INTERVAL_MONTHS = 6
REVIEW_INTERVAL_MONTHS = 12

# A page larger than this (its Markdown, or its share of the search index) gets a warning: every
# reader on a slow line downloads it, and the search index with it.
PAGE_BUDGET_BYTES = 100 * 1024

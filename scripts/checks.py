"""Content checks run before every build (and by `python -m scripts check`)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from scripts.pages import Page, load_pages
from scripts.problems import Problem
from scripts.project import DOCS_DIR, LANGUAGES, REQUIRED_META

Check = Callable[[list[Page]], list[Problem]]

HOW_TO_FILL = {
    "title": "add 'title: <the page title>' to the front matter",
    "description": "add 'description: <one sentence for search engines>' to the front matter",
    "reviewed": "add 'reviewed: YYYY-MM-DD' (the date the page was last reviewed)",
}


def check_twins(pages: list[Page]) -> list[Problem]:
    """Every page exists in every language, at the same path."""
    slugs = {lang: {p.slug for p in pages if p.lang == lang} for lang in LANGUAGES}
    problems = []
    for page in pages:
        for other in LANGUAGES:
            if other != page.lang and page.slug not in slugs[other]:
                problems.append(
                    Problem(
                        page.name,
                        None,
                        f"the page has no twin in docs/{other}/",
                        f"create docs/{other}/{page.slug} (its translation), or remove this page",
                    )
                )
    return problems


def check_required_meta(pages: list[Page]) -> list[Problem]:
    problems = []
    for page in pages:
        for key in REQUIRED_META:
            value = page.meta.get(key)
            if value is None or (isinstance(value, str) and not value.strip()):
                problems.append(
                    Problem(page.name, 1, f"front matter has no '{key}'", HOW_TO_FILL[key])
                )
        reviewed = page.meta.get("reviewed")
        if reviewed is not None and not isinstance(reviewed, datetime.date):
            problems.append(
                Problem(
                    page.name,
                    page.meta_lines.get("reviewed", 1),
                    f"'reviewed: {reviewed}' is not a date",
                    "write it as YYYY-MM-DD, e.g. 2026-11-22",
                )
            )
    return problems


CHECKS: tuple[Check, ...] = (check_twins, check_required_meta)


def run_checks(docs_dir: Path = DOCS_DIR) -> list[Problem]:
    pages, problems = load_pages(docs_dir)
    for check in CHECKS:
        problems.extend(check(pages))
    return problems

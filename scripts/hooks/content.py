"""MkDocs hook: check the content before anything is built, so a broken page stops the build;
mark translations that fell behind their source page."""

from __future__ import annotations

import sys
from pathlib import Path

# Hooks are loaded by file path; make the `scripts` package importable whatever the caller.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from markupsafe import Markup, escape  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.structure.files import Files  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402
from mkdocs.utils import get_relative_url  # noqa: E402

from scripts.checks import run_checks  # noqa: E402
from scripts.i18n import nested_language_build  # noqa: E402
from scripts.translations import outdated_sources  # noqa: E402

_outdated: dict = {}


def on_pre_build(config: MkDocsConfig) -> None:
    if nested_language_build(config):
        return  # both languages were checked by the outer build
    problems = run_checks(Path(config.docs_dir))
    if problems:
        listing = "\n".join(f"  {p}" for p in problems)
        raise Abort(f"The content has {len(problems)} problem(s); nothing was built:\n{listing}")
    _outdated.clear()
    _outdated.update(
        {path.resolve(): source for path, source in outdated_sources(Path(config.docs_dir)).items()}
    )


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> None:
    # Front matter is text, not HTML: the theme writes title and description into the page head
    # and the navigation unescaped, so a quote or an angle bracket would break them. Markup
    # (already escaped) is printed as is, and left alone where the theme escapes itself.
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str) and not isinstance(page.meta[key], Markup):
            page.meta[key] = escape(page.meta[key])
    source = _outdated.get(Path(page.file.abs_src_path).resolve())
    # Read by overrides/partials/outdated.html: the source page's URL and language.
    page.outdated_source = get_relative_url(source.url or "./", page.url) if source else None
    page.outdated_lang = source.lang if source else None

"""MkDocs hook: expand the data blocks of each page and add the glossary tooltips."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import jinja2  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.structure.files import Files  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

from scripts import render  # noqa: E402
from scripts.data import load_data  # noqa: E402
from scripts.freshness import add_months  # noqa: E402
from scripts.i18n import nested_language_build  # noqa: E402
from scripts.problems import ContentError  # noqa: E402
from scripts.project import LANGUAGES, REVIEW_INTERVAL_MONTHS, relative  # noqa: E402

_data: dict = {}
_env: jinja2.Environment | None = None


def on_pre_build(config: MkDocsConfig) -> None:
    global _env
    if _data and nested_language_build(config):
        return  # loaded by the outer build
    try:
        _data.update(load_data())
    except ContentError as error:
        listing = "\n".join(f"  {p}" for p in error.problems)
        raise Abort(
            f"The data files have {len(error.problems)} problem(s); nothing was built:\n{listing}"
        ) from None
    _env = render.environment()


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    # The theme's templates show dates and labels the same way the data blocks do.
    env.filters["long_date"] = render.long_date
    env.filters["next_review"] = lambda day: add_months(day, REVIEW_INTERVAL_MONTHS)
    env.globals["labels"] = lambda lang: render.labels()[lang]
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang, _, slug = page.file.src_uri.partition("/")
    if lang not in LANGUAGES:
        return markdown
    try:
        return render.render_page(markdown, _data, lang, slug, _env)
    except jinja2.TemplateError as error:
        path = Path(page.file.abs_src_path)
        line = render.template_error_line(error)
        where = (
            f"{relative(path)}:{line + render.body_offset(path, markdown)}"
            if line
            else relative(path)
        )
        raise Abort(
            f"{where}: a data block could not be rendered ({error.message}) — "
            'check the spelling of the call, e.g. {{ contact("bnn-184") }}'
        ) from None


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return render.first_mentions_only(html)

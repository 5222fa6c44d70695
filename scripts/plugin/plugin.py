"""The `kb` MkDocs plugin: checks before building, data blocks, glossary terms, translation
notices, the site's search behind Material's UI, and the one pass over the built pages.

mkdocs-static-i18n builds each further language inside the first language's `on_post_build`,
with the same plugin objects: work that covers the whole site runs in the outer build only
(`nested_language_build`), and what the pages tell the build is gathered in `self.facts`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urljoin

import jinja2
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from scripts.content import render
from scripts.editors.checks import check_content
from scripts.editors.freshness import add_months
from scripts.editors.translations import outdated_sources
from scripts.plugin import material
from scripts.plugin.config import KnowledgeBaseConfig
from scripts.plugin.i18n import nested_language_build
from scripts.plugin.pipeline import SiteFacts, finish, write_not_found
from scripts.project import REVIEW_INTERVAL_MONTHS

WORKER = "assets/search/worker.js"
ALTERNATE = re.compile(r'<link rel="alternate" href="(?P<href>[^"]+)" hreflang="(?P<lang>[^"]+)">')


def source_key(path: Path | str) -> str:
    """A page file as MkDocs names it (`abs_src_path`: the absolute docs_dir joined with the
    page's path, normalised), without a filesystem call per page."""
    return os.path.normpath(os.path.abspath(path))


def listing(problems: list) -> str:
    return "\n".join(f"  {p}" for p in problems)


class KnowledgeBasePlugin(BasePlugin[KnowledgeBaseConfig]):
    def __init__(self) -> None:
        self.sources: dict[str, str] = {}  # each page's Markdown, read once by the checks
        self.rendered: dict[str, str] = {}  # each page's body with its data blocks expanded
        self.outdated: dict[str, object] = {}  # translation file -> its source page
        self.data: dict = {}
        self.facts = SiteFacts()

    # --- Configuration -------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> None:
        # A Material outside the range scripts/plugin/material.py was checked against stops the
        # build here, before any of its assumptions is used.
        try:
            material.check_version()
        except material.Incompatible as error:
            raise Abort(str(error)) from None
        i18n = config.plugins.get("i18n")
        locales = [language.locale for language in i18n.config.languages] if i18n else []
        if locales != self.config.languages:
            raise PluginError(
                f"plugins → kb → languages is {self.config.languages}, but the i18n plugin "
                f"builds {locales}: list the same languages, the default one first"
            )

    @property
    def default_language(self) -> str:
        return self.config.languages[0]

    @property
    def own_search(self) -> bool:
        return self.config.search_engine == "site"

    # --- Before building: the content, read and checked once ------------------------------

    def on_pre_build(self, config: MkDocsConfig) -> None:
        if nested_language_build(config):
            return  # both languages were read and checked by the outer build
        docs_dir = Path(config.docs_dir)
        content = check_content(docs_dir, Path(self.config.data_dir))
        if content.problems:
            raise Abort(
                f"The content has {len(content.problems)} problem(s); nothing was built:\n"
                + listing(content.problems)
            )
        self.sources = {source_key(page.path): page.text for page in content.pages}
        self.rendered = {source_key(path): text for path, text in content.rendered.items()}
        self.outdated = {
            source_key(path): source
            for path, source in outdated_sources(docs_dir, content.pages).items()
        }
        self.data = content.data
        self.facts = SiteFacts()

    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str | None:
        return self.sources.get(source_key(page.file.abs_src_path))

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files):
        # The theme's templates show dates and labels the same way the data blocks do.
        env.filters["long_date"] = render.long_date
        env.filters["next_review"] = lambda day: add_months(day, REVIEW_INTERVAL_MONTHS)
        env.filters["kb_search_worker"] = self.search_worker
        env.globals["labels"] = lambda lang: render.labels()[lang]
        env.globals["kb"] = self.config
        return env

    # --- Each page -----------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files):
        self.escape_front_matter(page)
        self.mark_outdated(page)
        if self.own_search:
            # Material's lunr index would be replaced after the build: skip building it, with
            # Material's documented page setting. Its search box and dialog are the UI we use.
            page.meta["search"] = {"exclude": True}
        lang, _, slug = page.file.src_uri.partition("/")
        if lang not in self.config.languages:
            return markdown
        # The checks rendered every page under a language folder (a page they could not render
        # stopped the build in on_pre_build): the build uses that rendering.
        rendered = self.rendered.get(source_key(page.file.abs_src_path))
        if rendered is None:
            raise PluginError(f"{page.file.src_uri}: not among the pages the content checks read")
        return rendered.lstrip("\n")  # MkDocs hands over the body without its first blank lines

    @staticmethod
    def escape_front_matter(page: Page) -> None:
        # Front matter is text, not HTML: the theme writes title and description into the page
        # head and the navigation unescaped, so a quote or an angle bracket would break them.
        # Markup (already escaped) is printed as is, and left alone where the theme escapes.
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str) and not isinstance(page.meta[key], Markup):
                page.meta[key] = escape(page.meta[key])

    def mark_outdated(self, page: Page) -> None:
        source = self.outdated.get(source_key(page.file.abs_src_path))
        # Read by overrides/partials/outdated.html: the source page's URL and language.
        page.outdated_source = get_relative_url(source.url or "./", page.url) if source else None
        page.outdated_lang = source.lang if source else None

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return render.first_mentions_only(html)

    def search_worker(self, config_block: str, language: str) -> Markup:
        """Material's __config block with its search worker replaced by ours, for `language`."""
        if not self.own_search:
            return Markup(config_block)
        try:
            worker = f"{WORKER}?lang={language}"
            return Markup(material.with_search_worker(str(config_block), worker))
        except material.Incompatible as error:
            raise jinja2.TemplateError(str(error)) from None

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        output = self.absolute_alternates(output, page, config)
        lang = config.theme["language"]
        dest = Path(page.file.abs_dest_path)
        try:
            self.facts.add_page(output, lang, page.url, dest, self.own_search)
        except material.Incompatible as error:
            raise Abort(str(error)) from None
        return output

    def absolute_alternates(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Material writes hreflang alternates as the switcher's relative links; search engines
        need absolute URLs there (the switcher stays relative, for local previews). Readers of
        neither language get the default one (x-default)."""
        if not config.site_url:
            return output
        here = urljoin(config.site_url, page.url)
        default_href = None

        def absolute(match: re.Match) -> str:
            nonlocal default_href
            href = urljoin(here, match["href"])
            if match["lang"] == self.default_language:
                default_href = href
            return f'<link rel="alternate" href="{href}" hreflang="{match["lang"]}">'

        output = ALTERNATE.sub(absolute, output)
        if default_href:
            x_default = f'<link rel="alternate" href="{default_href}" hreflang="x-default">'
            output = output.replace("</head>", f"{x_default}\n</head>", 1)
        return output

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        if template_name == "404.html":
            self.facts.add_not_found(output, config.theme["language"])
        return output

    # --- After every language is built ---------------------------------------------------

    # After mkdocs-static-i18n (-100), whose post_build builds the other languages (each with its
    # own post_build, while `building` is set) and then rewrites Material's search index.
    @event_priority(-110)
    def on_post_build(self, config: MkDocsConfig) -> None:
        if nested_language_build(config):
            return  # the outer build finishes the site
        if not self.config.finish:
            write_not_found(Path(config.site_dir), self.facts, self.default_language)
            return
        try:
            finish(
                Path(config.site_dir),
                self.facts,
                self.data["synonyms"],
                self.default_language,
                self.own_search,
            )
        except material.Incompatible as error:
            raise Abort(str(error)) from None

"""MkDocs hook: the site's own search engine behind Material's search UI (scripts/search/).

- Each page's search worker URL (in Material's `__config`) points to our worker, with the
  page's language, so a reader searches the pages of their language.
- After the build: the per-language indexes, the stub Material loads at page load, and the
  worker and engine scripts (the engine carries the Snowball stemmers translated to JavaScript).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import jinja2  # noqa: E402
from markupsafe import Markup  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import Files  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

from scripts import material  # noqa: E402
from scripts.data import load_data  # noqa: E402
from scripts.i18n import nested_language_build  # noqa: E402
from scripts.search import index, stemmers  # noqa: E402

SOURCES = Path(__file__).resolve().parents[1] / "search"
WORKER = "assets/search/worker.js"


def material_search(config: MkDocsConfig) -> bool:
    """`extra: {search_engine: material}` keeps Material's own search (lunr), for comparisons
    (scripts/bench/search.py); the site itself never sets it."""
    return config.extra.get("search_engine") == "material"


def search_worker(config_block: str, language: str, keep: bool = False) -> Markup:
    """Material's __config block with its search worker replaced by ours, for `language`."""
    if keep:
        return Markup(config_block)
    try:
        return Markup(material.with_search_worker(str(config_block), f"{WORKER}?lang={language}"))
    except material.Incompatible as error:
        raise jinja2.TemplateError(str(error)) from None


def on_config(config: MkDocsConfig) -> None:
    # A Material outside the range scripts/material.py was checked against stops the build here,
    # before any of its assumptions is used.
    try:
        material.check_version()
    except material.Incompatible as error:
        raise Abort(str(error)) from None


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> None:
    # Material's lunr index of every page would be replaced by a stub after the build (and
    # mkdocs-static-i18n would deduplicate it first): skip building it, a fifth of a large build,
    # with Material's documented page setting. Its search box and dialog are the UI we use.
    if not material_search(config):
        page.meta["search"] = {"exclude": True}


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.filters["kb_search_worker"] = search_worker
    return env


# After mkdocs-static-i18n (-100) has built every language; before assets.py (-110) compresses.
@event_priority(-105)
def on_post_build(config: MkDocsConfig) -> None:
    if nested_language_build(config) or material_search(config):
        return
    site_dir = Path(config.site_dir)
    index.write(site_dir, load_data()["synonyms"])
    target = site_dir / "assets/search"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCES / "worker.js", target / "worker.js")
    engine = stemmers.javascript() + (SOURCES / "engine.js").read_text(encoding="utf-8")
    (target / "engine.js").write_text(engine, encoding="utf-8")

"""MkDocs hook: one "not found" page per language.

mkdocs-static-i18n builds each language with the same site_dir, so the theme's 404.html of the
last language built overwrites the first. Keep the default language's at site/404.html and move
each other language's to site/<lang>/404.html, where the server looks for it.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402

from scripts.project import DEFAULT_LANGUAGE  # noqa: E402

_default_page: dict[str, bytes] = {}


def on_post_build(config: MkDocsConfig) -> None:
    page = Path(config.site_dir) / "404.html"
    if not page.exists():
        return
    language = config.theme["language"]
    if language == DEFAULT_LANGUAGE:
        _default_page["html"] = page.read_bytes()
        return
    (page.parent / language).mkdir(exist_ok=True)
    page.replace(page.parent / language / "404.html")
    if "html" in _default_page:
        page.write_bytes(_default_page["html"])

"""What the hooks need to know about mkdocs-static-i18n's way of building."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


def nested_language_build(config: MkDocsConfig) -> bool:
    """True while mkdocs-static-i18n builds another language inside the first language's build:
    work that covers the whole site is done once, by the outer build."""
    i18n = config.plugins.get("i18n")
    return i18n is not None and i18n.building

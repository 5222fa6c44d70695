"""The `kb` plugin's options, declared and checked in one place (MkDocs reports a wrong value
with the key's name: `Config value 'plugins' … 'quick_exit_url': …`)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from scripts.project import LANGUAGES

SEARCH_ENGINES = ("site", "material")


class KnowledgeBaseConfig(base.Config):
    # The site's languages, default first; must be mkdocs-static-i18n's languages in that order.
    languages = c.ListOfItems(c.Type(str), default=list(LANGUAGES))
    # Contacts, laws, glossary, synonyms and wording rules (relative to mkdocs.yml).
    data_dir = c.Dir(exists=True, default="data")
    # Where the quick exit goes: a neutral page that says nothing about this site.
    quick_exit_url = c.URL()
    # `site`: the site's own search (Polish and Indonesian stemming) behind Material's UI;
    # `material`: Material's lunr search, kept only for comparisons (make bench-search).
    search_engine = c.Choice(SEARCH_ENGINES, default="site")
    # false: the build stops where MkDocs leaves off (each language's 404 page in its place), and
    # `python -m scripts finish SITE` makes the one pass over the pages: the route for a builder
    # that runs no MkDocs plugins (README, "Dependency future").
    finish = c.Type(bool, default=True)

"""Every assumption this site makes about Material for MkDocs' internals, in one place.

The build, the audit and the benchmarks take Material's file names, class names, patterns and
protocols from here, and tests/test_material_contract.py checks each against the installed
Material in a few seconds. When Material changes (or the site moves to its successor), this
module and that test are the checklist: README, "Dependency future".
"""

from __future__ import annotations

import json
import re
from importlib import metadata
from pathlib import Path

from jinja2.utils import htmlsafe_json_dumps

# The Material versions these assumptions were checked against.
SUPPORTED = ((9, 7), (9, 9))  # from 9.7 inclusive to 9.9 exclusive
PACKAGE = "mkdocs-material"

# Built theme assets, relative to the site folder.
STYLESHEET_GLOBS = {"main": "main.*.min.css", "palette": "palette.*.min.css"}
BUNDLE_GLOB = "bundle.*.min.js"
STYLESHEETS_DIR, JAVASCRIPTS_DIR = "assets/stylesheets", "assets/javascripts"
# Theme files no page of this site loads (lunr is replaced by the site's own search).
UNUSED_FOLDERS = ("assets/javascripts/lunr", "assets/javascripts/workers")
# The site's copy of the bundle, loaded after the first paint (scripts/plugin/assets.py, audit).
THEME_SCRIPT_GLOB = "**/assets/javascripts/site.*.min.js"

# In the bundle: the call that fetches sitemap.xml beside every alternate link at page load (the
# site links twins directly; the fetch would request the production host from a preview).
ALTERNATE_SITEMAP_FETCH = "ui({document$:ct});"

# In every page: the element holding the article (the search index reads pages from here), and
# the theme's settings block whose "search" key names the search worker.
ARTICLE_START = '<article class="md-content__inner md-typeset">'
CONFIG_BLOCK = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
SEARCH_PLUGIN = "material/search"
# Material's search dialog, as the benchmarks drive it.
SEARCH_BOX = "[data-md-component=search-query]"
SEARCH_RESULTS = ".md-search-result"
RESULT_LINKS = ".md-search-result__item > a:first-child"

# Material features this site does not enable (mkdocs.yml): their classes are named in Material's
# script, but no page carries them unless a page uses the feature (then its class is in the page
# and its rules are kept).
UNUSED_FEATURES = (
    "md-source",
    "md-tags",
    "md-tag",
    "md-version",
    "md-annotation",
    "md-clipboard",
    "md-code",
    "highlight",
    "tabbed",
    "mermaid",
    "md-tabs",
    "md-post",
    "md-social",
    "md-feedback",
    "md-status",
    "md-progress",
    "md-consent",
    "md-button",
    "md-meta",
    "md-author",
    "md-pagination",
)

# Template blocks overrides/main.html overrides (each calls super()), and the partials it forks.
OVERRIDDEN_BLOCKS = ("extrahead", "announce", "header", "config", "content", "scripts")
FORKED_PARTIALS = ("search.html",)


class Incompatible(Exception):
    """Installed Material does not match an assumption of this module."""


def installed_version() -> str:
    return metadata.version(PACKAGE)


def check_version(version: str | None = None) -> None:
    version = version or installed_version()
    parts = tuple(int(p) for p in re.findall(r"\d+", version)[:2])
    low, high = SUPPORTED
    if not low <= parts < high:
        raise Incompatible(
            f"mkdocs-material {version} is installed; this site supports "
            f">={'.'.join(map(str, low))},<{'.'.join(map(str, high))} — install the version "
            "pinned in requirements.txt (make does), or review scripts/plugin/material.py and run "
            "tests/test_material_contract.py against the new version"
        )


def only(folder: Path, pattern: str) -> Path:
    found = sorted(folder.glob(pattern))
    if len(found) != 1:
        raise Incompatible(f"expected one {pattern} in {folder}, found {len(found)}")
    return found[0]


def without_sitemap_fetch(bundle: str, marker: str) -> str:
    """The bundle with the alternate-sitemap fetch replaced by `marker` (once)."""
    if marker in bundle:
        return bundle
    if bundle.count(ALTERNATE_SITEMAP_FETCH) != 1:
        raise Incompatible(
            "Material's bundle no longer contains the alternate-sitemap fetch once "
            f"({ALTERNATE_SITEMAP_FETCH!r}); review scripts/plugin/material.py"
        )
    return bundle.replace(ALTERNATE_SITEMAP_FETCH, marker, 1)


WORKERS_DIR = "assets/javascripts/workers/"


def with_search_worker(config_block: str, worker: str) -> str:
    """The theme's settings block (the HTML <script id="__config">…</script> element, as the
    `config` template block renders it) with its search worker replaced by `worker` (a path from
    the site root; the page's own relative prefix is kept): the JSON is edited, not patterned."""
    match = CONFIG_BLOCK.search(config_block)
    if not match:
        raise Incompatible('Material\'s config block (<script id="__config">) was not found')
    settings = json.loads(match[2])
    if "search" not in settings:
        raise Incompatible("Material's config block has no 'search' key naming its worker")
    current = str(settings["search"])
    if WORKERS_DIR not in current:
        raise Incompatible(f"Material's search worker is no longer in {WORKERS_DIR}: {current}")
    settings["search"] = current.split(WORKERS_DIR, 1)[0] + worker
    # As the theme writes it (Jinja's tojson): sorted keys, HTML-safe escapes.
    body = str(htmlsafe_json_dumps(settings, sort_keys=True))  # str: Markup would escape the rest
    return config_block[: match.start(2)] + body + config_block[match.end(2) :]


def article(page_html: str, where: str) -> str:
    """The article part of a built page. A page without it is an error, never an empty index."""
    start = page_html.find(ARTICLE_START)
    if start < 0:
        raise Incompatible(f"{where}: no {ARTICLE_START!r}; review scripts/plugin/material.py")
    end = page_html.find("</article>", start)
    return page_html[start + len(ARTICLE_START) : end if end >= 0 else None]

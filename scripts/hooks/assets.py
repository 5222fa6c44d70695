"""MkDocs hook: adjust Material's JavaScript bundle after each build.

Material fetches `sitemap.xml` beside every `<link rel="alternate">` URL at page load, to map
language links during instant navigation. This site links each page to its twin directly and
does not use instant navigation, and its hreflang alternates are absolute production URLs: the
fetch would request another host from a preview, and 404s in production. So the call that starts
it is removed. The build fails loudly if Material's bundle no longer contains it (new version).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

ALTERNATE_SITEMAP_FETCH = "ui({document$:ct});"
MARKER = "/* kb: alternate sitemap fetch removed */"


def on_post_build(config: MkDocsConfig) -> None:
    bundles = sorted((Path(config.site_dir) / "assets/javascripts").glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise Abort(f"expected one Material bundle in assets/javascripts, found {len(bundles)}")
    script = bundles[0].read_text(encoding="utf-8")
    if MARKER in script:
        return
    if script.count(ALTERNATE_SITEMAP_FETCH) != 1:
        raise Abort(
            f"{bundles[0].name}: Material's bundle changed; review scripts/hooks/assets.py "
            "(the alternate-sitemap fetch it removes was not found once)"
        )
    bundles[0].write_text(script.replace(ALTERNATE_SITEMAP_FETCH, MARKER, 1), encoding="utf-8")

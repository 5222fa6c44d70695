"""MkDocs hook: post-build work on the theme's assets (see scripts/assets.py), once every
language is built.

Material fetches `sitemap.xml` beside every `<link rel="alternate">` URL at page load, to map
language links during instant navigation. This site links each page to its twin directly and
does not use instant navigation, and its hreflang alternates are absolute production URLs: the
fetch would request another host from a preview, and 404s in production. So the call that starts
it is removed. The build fails loudly if Material's bundle no longer contains it (new version).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

from scripts import assets, deploy, material  # noqa: E402
from scripts.i18n import nested_language_build  # noqa: E402

MARKER = "/* kb: alternate sitemap fetch removed */"


def patch_bundle(site_dir: Path) -> None:
    try:
        bundle = material.only(site_dir / material.JAVASCRIPTS_DIR, material.BUNDLE_GLOB)
        script = bundle.read_text(encoding="utf-8")
        bundle.write_text(material.without_sitemap_fetch(script, MARKER), encoding="utf-8")
    except material.Incompatible as error:
        raise Abort(str(error)) from None


# After mkdocs-static-i18n (-100), whose post_build builds the other languages (each with its
# own post_build, while `building` is set) and then rewrites the search index.
@event_priority(-110)
def on_post_build(config: MkDocsConfig) -> None:
    if nested_language_build(config):
        return  # the outer build finishes the site
    site_dir = Path(config.site_dir)
    patch_bundle(site_dir)
    names = assets.used_names(site_dir)
    for stylesheet in (site_dir / "assets/stylesheets").glob("*.min.css"):
        stylesheet.write_text(
            assets.purge_css(stylesheet.read_text(encoding="utf-8"), names), encoding="utf-8"
        )
    renamed, removed = assets.combine_theme_assets(site_dir)
    if config.extra.get("search_engine") != "material":  # see hooks/search.py
        renamed.update(assets.fingerprint_search(site_dir))
        assets.drop_unused(site_dir)
    assets.rewrite_pages(site_dir, renamed, removed)
    # Hosts that read a _headers file (Netlify, Cloudflare Pages) get the same headers as nginx.
    (site_dir / "_headers").write_text(deploy.netlify_headers(site_dir), encoding="utf-8")
    assets.precompress(site_dir)

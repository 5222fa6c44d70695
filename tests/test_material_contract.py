"""What this site assumes about Material for MkDocs' internals (scripts/plugin/material.py), checked
against the installed Material in a few seconds, without a build or a browser. When one of these
fails after an upgrade, scripts/plugin/material.py is the place to look (README, "Dependency
future")."""

from __future__ import annotations

import re
from pathlib import Path

import material as material_package
import pytest

from scripts.plugin import material

THEME = Path(material_package.__file__).parent / "templates"
BUNDLE = next((THEME / material.JAVASCRIPTS_DIR).glob(material.BUNDLE_GLOB))
BASE = (THEME / "base.html").read_text(encoding="utf-8")


def test_installed_version_is_in_the_supported_range():
    material.check_version()


@pytest.mark.parametrize("version", ["9.6.9", "9.9.0", "10.0.0"])
def test_a_version_outside_the_range_is_refused_naming_both_versions(version):
    with pytest.raises(material.Incompatible) as refused:
        material.check_version(version)
    assert version in str(refused.value) and ">=9.7,<9.9" in str(refused.value)


def test_the_bundle_has_the_alternate_sitemap_fetch_once():
    script = BUNDLE.read_text(encoding="utf-8")
    patched = material.without_sitemap_fetch(script, "/*x*/")
    assert patched.count("/*x*/") == 1 and material.ALTERNATE_SITEMAP_FETCH not in patched


def test_a_bundle_without_the_fetch_stops_the_build():
    with pytest.raises(material.Incompatible):
        material.without_sitemap_fetch("ui({document$:xy});", "/*x*/")


def test_the_stylesheets_and_the_bundle_are_where_the_build_looks():
    for pattern in material.STYLESHEET_GLOBS.values():
        assert material.only(THEME / material.STYLESHEETS_DIR, pattern)
    assert material.only(THEME / material.JAVASCRIPTS_DIR, material.BUNDLE_GLOB)
    for folder in material.UNUSED_FOLDERS:
        assert (THEME / folder).is_dir(), folder


def test_pages_hold_their_article_where_the_search_index_reads_it():
    main = (THEME / "main.html").read_text(encoding="utf-8")
    assert material.ARTICLE_START in BASE + main
    assert material.article(f"<p>x</p>{material.ARTICLE_START}<h1>T</h1></article>", "x") == (
        "<h1>T</h1>"
    )
    with pytest.raises(material.Incompatible):
        material.article('<article class="md-content">x</article>', "/page/")


def test_the_config_block_names_its_search_worker_in_json():
    assert '<script id="__config" type="application/json">' in BASE
    assert re.search(r'"search": "assets/javascripts/workers/search\.\w+\.min\.js" \| url', BASE)
    block = (
        '<script id="__config" type="application/json">{"base": "..", "search": '
        '"../assets/javascripts/workers/search.1234.min.js"}</script>'
    )
    replaced = material.with_search_worker(block, "assets/search/worker.js?lang=id")
    assert replaced.startswith('<script id="__config" type="application/json">{')
    assert replaced.endswith("}</script>")
    assert '"search": "../assets/search/worker.js?lang=id"' in replaced
    with pytest.raises(material.Incompatible):
        material.with_search_worker(block.replace('"search"', '"lookup"'), "w.js")


def test_the_documented_search_exclude_setting_is_honoured():
    from material.plugins.search.plugin import SearchIndex

    class Page:
        meta = {"search": {"exclude": True}}
        content = "<h1>Never indexed</h1>"
        toc: list = []

    index = SearchIndex()
    index.add_entry_from_context(Page())
    assert index.entries == []


@pytest.mark.parametrize("block", material.OVERRIDDEN_BLOCKS)
def test_every_overridden_block_exists_in_the_theme(block):
    assert re.search(r"{%-?\s*block " + block + r"\b", BASE), block


@pytest.mark.parametrize("partial", material.FORKED_PARTIALS)
def test_every_forked_partial_still_exists(partial):
    assert (THEME / "partials" / partial).exists()


def test_every_unused_feature_is_a_class_family_of_the_theme():
    css = "".join(p.read_text("utf-8") for p in (THEME / material.STYLESHEETS_DIR).glob("*.css"))
    script = BUNDLE.read_text(encoding="utf-8")
    for feature in material.UNUSED_FEATURES:
        assert feature in css or feature in script, feature


def test_the_search_dialog_the_benchmarks_drive_exists():
    search = (THEME / "partials/search.html").read_text(encoding="utf-8")
    assert 'data-md-component="search-query"' in search
    assert "md-search-result" in search

"""The one pass over the built site, once every language is built.

While MkDocs renders, the plugin hands each page's final HTML to `SiteFacts.add_page`, which keeps
what later steps need (the classes it uses, its search sections) and nothing else. `finish` then
works on the theme's assets, and reads each built page once, applies every page transform, writes
it once and gzips it from memory. It needs no MkDocs object, so it also runs outside MkDocs.
"""

from __future__ import annotations

import gzip
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from scripts.plugin import assets, material
from scripts.plugin.search import index, stemmers
from scripts.serving import deploy

SEARCH_SOURCES = Path(__file__).resolve().parent / "search"
BUNDLE_MARKER = "/* kb: alternate sitemap fetch removed */"
NOT_FOUND = "404.html"
PAGE_LANGUAGE = re.compile(r'<html lang="([^"]+)"')


@dataclass
class SiteFacts:
    """What the built pages told the build, gathered as MkDocs wrote them."""

    pages: list[Path] = field(default_factory=list)  # every built page, as MkDocs wrote it
    class_names: set[str] = field(default_factory=set)
    # language -> [(path of the built file, site-relative URL, sections)]
    sections: dict[str, list[tuple[str, str, list]]] = field(default_factory=dict)
    not_found: dict[str, str] = field(default_factory=dict)  # language -> its 404 page

    def add_page(self, html: str, lang: str, url: str, dest: Path, search: bool) -> None:
        self.pages.append(dest)
        self.class_names |= assets.page_names(html)
        if search:
            found = index.page_sections(html, f"/{url}")
            self.sections.setdefault(lang, []).append((dest.as_posix(), url, found))

    def add_not_found(self, html: str, lang: str) -> None:
        # Each language's build writes site/404.html over the last one: keep each in memory.
        self.not_found[lang] = html
        self.class_names |= assets.page_names(html)


def not_found_path(site_dir: Path, lang: str, default_lang: str) -> Path:
    return site_dir / NOT_FOUND if lang == default_lang else site_dir / lang / NOT_FOUND


def write_not_found(site_dir: Path, facts: SiteFacts, default_lang: str) -> None:
    """Each language's 404 page in its place, as it left the theme (for `facts_from_site`)."""
    for lang, html in facts.not_found.items():
        path = not_found_path(site_dir, lang, default_lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")


def facts_from_site(site_dir: Path, search: bool) -> SiteFacts:
    """What the pages tell the build, read from a site a builder left on disk: the route that
    needs no MkDocs events (`python -m scripts finish SITE`). Each page is read here and once
    more by `finish`; inside MkDocs the pages come from its events instead."""
    facts = SiteFacts()
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        found = PAGE_LANGUAGE.search(html)
        if found is None:
            raise material.Incompatible(f"{path}: no <html lang> attribute; is this a built page?")
        if path.name == NOT_FOUND:
            facts.add_not_found(html, found[1])
        else:
            url = path.relative_to(site_dir).as_posix().removesuffix("index.html")
            facts.add_page(html, found[1], url, path, search)
    return facts


def write_search(site_dir: Path, facts: SiteFacts, synonyms: list[dict]) -> None:
    """The per-language indexes, the worker and the engine (with the stemmers in JavaScript)."""
    documents = {
        lang: index.documents_of(sorted(found, key=lambda item: Path(item[0])))
        for lang, found in facts.sections.items()
    }
    index.write(site_dir, documents, synonyms)
    target = site_dir / "assets/search"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SEARCH_SOURCES / "worker.js", target / "worker.js")
    engine = stemmers.javascript() + (SEARCH_SOURCES / "engine.js").read_text(encoding="utf-8")
    (target / "engine.js").write_text(engine, encoding="utf-8")


def theme_assets(site_dir: Path, facts: SiteFacts, search: bool) -> assets.PageRewrite:
    """Material's bundle patched, its stylesheets purged and combined, names fingerprinted."""
    bundle = material.only(site_dir / material.JAVASCRIPTS_DIR, material.BUNDLE_GLOB)
    script = bundle.read_text(encoding="utf-8")
    bundle.write_text(material.without_sitemap_fetch(script, BUNDLE_MARKER), encoding="utf-8")
    names = facts.class_names | assets.script_names(site_dir)
    for stylesheet in (site_dir / material.STYLESHEETS_DIR).glob("*.min.css"):
        css = stylesheet.read_text(encoding="utf-8")
        stylesheet.write_text(assets.purge_css(css, names), encoding="utf-8")
    renamed, removed = assets.combine_theme_assets(site_dir)
    if search:
        renamed.update(assets.fingerprint_search(site_dir))
        assets.drop_unused(site_dir)
    return assets.PageRewrite(renamed, removed)


def rewrite(path: Path, html: str | None, transform: assets.PageRewrite) -> set[str]:
    """One page (read now if `html` is None): transformed, written once, gzipped from memory;
    returns the hashes of its inline scripts."""
    text = transform(path.read_text(encoding="utf-8") if html is None else html)
    data = text.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, 9, mtime=0))
    return deploy.inline_script_hashes(text)


def rewrite_all(pages: list[tuple[Path, str | None]], transform: assets.PageRewrite) -> set[str]:
    """Every page, in threads: gzip at level 9 is most of the work and releases the GIL, so every
    core compresses while another page is transformed."""
    with ThreadPoolExecutor() as pool:
        found = pool.map(lambda page: rewrite(page[0], page[1], transform), pages)
        return set().union(*found)


def finish(site_dir: Path, facts: SiteFacts, synonyms: list[dict], default_lang: str, search: bool):
    """Everything after MkDocs: search, assets, each page once, headers, compressed copies."""
    if search:
        write_search(site_dir, facts, synonyms)
    transform = theme_assets(site_dir, facts, search)
    not_found = [
        (not_found_path(site_dir, lang, default_lang), html)
        for lang, html in facts.not_found.items()
    ]
    hashes = rewrite_all(not_found + [(page, None) for page in facts.pages], transform)
    # Hosts that read a _headers file (Netlify, Cloudflare Pages) get the same headers as nginx.
    (site_dir / "_headers").write_text(deploy.netlify_headers(sorted(hashes)), encoding="utf-8")
    assets.precompress(site_dir, skip=".html")

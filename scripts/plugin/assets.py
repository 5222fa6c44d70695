"""Post-build work on the theme's assets, for a small first view on a slow phone.

- `purge_css`: drop the rules of Material's stylesheets whose selectors need a class, or a
  `data-md-color-*` value, that no built page and no script of the site can produce.
- `combine_theme_assets`, `fingerprint_search`, `PageRewrite`: fewer files before the first
  paint, each named after its content; the theme's script fetched after the first paint.
- `precompress`: write `<file>.gz` (gzip level 9) beside each text asset, for `gzip_static`.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import tinycss2

from scripts.plugin import material

CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')
COLOR_VALUE = re.compile(r'data-md-color-\w+="([^"]*)"')
GROUPING = ("media", "supports", "container", "layer")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


# A feature's block, element or modifier class: `md-tag`, `md-tag__icon`, `md-tag--hidden`.
_UNUSED_FEATURE = re.compile(rf"(?:{'|'.join(map(re.escape, material.UNUSED_FEATURES))})(?:[_-]|$)")


def _unused_feature(name: str) -> bool:
    return _UNUSED_FEATURE.match(name) is not None


def page_names(html: str) -> set[str]:
    """The class and data-md-color-* values one page uses."""
    names: set[str] = set()
    # Two patterns with literal starts: twice as fast as one with alternatives.
    for value in CLASS_ATTRIBUTE.findall(html) + COLOR_VALUE.findall(html):
        names.update(value.split())
    return names


def script_names(site_dir: Path) -> set[str]:
    """The identifier-like words of the site's scripts (which add classes at run time), less the
    classes of Material features the site does not use."""
    words: set[str] = set()
    for script in site_dir.rglob("*.js"):
        words.update(re.findall(r"[A-Za-z_][\w-]*", script.read_text(encoding="utf-8")))
    return {name for name in words if not _unused_feature(name)}


def _requirements(selector: list) -> set[str]:
    """The class names and data-md-color-* values a selector needs to match anything. What a
    functional pseudo-class (`:not(…)`, `:is(…)`) holds is a condition, not a requirement."""
    needed, previous = set(), None
    for token in selector:
        if token.type == "ident" and previous is not None and previous == ".":
            needed.add(token.value)
        elif token.type == "[] block":
            needed |= _color_value(token.content)
        previous = token
    return needed


def _color_value(attribute: list) -> set[str]:
    parts = [t for t in attribute if t.type not in ("whitespace", "comment")]
    if len(parts) == 3 and parts[0].type == "ident" and parts[1] == "=":
        if parts[0].value.startswith("data-md-color-") and parts[2].type in ("ident", "string"):
            return {parts[2].value}
    return set()


def _selectors(prelude: list) -> list[list]:
    """A selector list split at its top-level commas (nested ones are inside block tokens)."""
    selectors: list[list] = [[]]
    for token in prelude:
        if token == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return selectors


def _kept(rule, names: set[str]) -> str:
    if rule.type == "qualified-rule":
        kept = [
            tinycss2.serialize(selector).strip()
            for selector in _selectors(rule.prelude)
            if _requirements(selector) <= names
        ]
        return f"{','.join(kept)}{{{tinycss2.serialize(rule.content)}}}" if kept else ""
    if rule.type == "at-rule" and rule.lower_at_keyword in GROUPING and rule.content is not None:
        inner = _purged(tinycss2.parse_rule_list(rule.content, True, True), names)
        prelude = tinycss2.serialize(rule.prelude)
        return f"@{rule.at_keyword}{prelude}{{{inner}}}" if inner else ""
    return rule.serialize()  # @font-face, @keyframes, @charset…: kept as they are


def _purged(rules: list, names: set[str]) -> str:
    return "".join(_kept(rule, names) for rule in rules)


def purge_css(css: str, names: set[str]) -> str:
    """The stylesheet without the selectors no page can match (a rule without any is dropped,
    and a grouping rule left empty)."""
    return _purged(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), names)


def _write_gzip(path: Path) -> None:
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(path.read_bytes(), 9, mtime=0))


def precompress(site_dir: Path, skip: str = "") -> int:
    """Level 9 (each byte counts on a slow line), in threads: zlib releases the GIL, so every
    core compresses and the build does not pay for the level on a large site. Files ending in
    `skip` are left out (the build gzips its pages as it writes them)."""
    paths = [
        p
        for p in site_dir.rglob("*")
        if p.suffix in COMPRESSIBLE and not (skip and p.name.endswith(skip)) and p.is_file()
    ]
    with ThreadPoolExecutor() as pool:
        list(pool.map(_write_gzip, paths))
    return len(paths)


# --- Fingerprinting: every file the build changes gets a name derived from its content, so
# browsers may cache it for a year (deploy/headers.yml) and still never see a stale copy.
HASH_LENGTH = 10
SOURCE_MAP = re.compile(r"\n?/[/*]# sourceMappingURL=\S+?(?: \*/)?\s*$")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def write_hashed(folder: Path, stem: str, suffix: str, text: str) -> Path:
    path = folder / f"{stem}.{content_hash(text)}{suffix}"
    path.write_text(text, encoding="utf-8")
    return path


def combine_theme_assets(site_dir: Path) -> tuple[dict[str, str], list[str]]:
    """Material's stylesheets and the site's own as one file (fewer requests before the first
    paint), and Material's (patched) script renamed after its content. Returns (renamed,
    removed) site-relative paths."""
    css_dir, js_dir = site_dir / material.STYLESHEETS_DIR, site_dir / material.JAVASCRIPTS_DIR
    main = material.only(css_dir, material.STYLESHEET_GLOBS["main"])
    palette = material.only(css_dir, material.STYLESHEET_GLOBS["palette"])
    bundle = material.only(js_dir, material.BUNDLE_GLOB)
    own_css = site_dir / "assets/kb.css"
    # Same order as the <link> elements they replace, so the cascade is unchanged.
    css = "\n".join(
        SOURCE_MAP.sub("", p.read_text(encoding="utf-8")) for p in (main, palette, own_css)
    )
    site_css = write_hashed(css_dir, "site", ".min.css", css)
    site_js = write_hashed(js_dir, "site", ".min.js", SOURCE_MAP.sub("", bundle.read_text("utf-8")))
    rel = lambda path: path.relative_to(site_dir).as_posix()  # noqa: E731
    renamed = {rel(main): rel(site_css), rel(bundle): rel(site_js)}
    removed = [rel(palette), rel(own_css)]
    for path in (main, palette, bundle, own_css, *css_dir.glob("*.map"), *js_dir.glob("*.map")):
        path.unlink()
    return renamed, removed


def fingerprint_search(site_dir: Path) -> dict[str, str]:
    """Engine and indexes get hashed names, written into the worker, which gets one too."""
    folder, index_dir = site_dir / "assets/search", site_dir / "search"
    engine = folder / "engine.js"
    hashed_engine = write_hashed(folder, "engine", ".min.js", engine.read_text(encoding="utf-8"))
    indexes = {}
    for index in sorted(index_dir.glob("??.json")):
        hashed = write_hashed(index_dir, index.stem, ".json", index.read_text(encoding="utf-8"))
        indexes[index.stem] = hashed.name
        index.unlink()
    worker = folder / "worker.js"
    script = (
        worker.read_text(encoding="utf-8")
        .replace('"engine.js"', f'"{hashed_engine.name}"')
        .replace("INDEX_FILES = {}", f"INDEX_FILES = {json.dumps(indexes)}")
    )
    hashed_worker = write_hashed(folder, "worker", ".min.js", script)
    engine.unlink()
    worker.unlink()
    return {worker.relative_to(site_dir).as_posix(): hashed_worker.relative_to(site_dir).as_posix()}


def drop_unused(site_dir: Path) -> None:
    """Theme files no page loads: lunr (replaced by the site's search), the default icon."""
    for folder in material.UNUSED_FOLDERS:
        shutil.rmtree(site_dir / folder, ignore_errors=True)
    (site_dir / "assets/images/favicon.png").unlink(missing_ok=True)


# The theme's script is fetched once the page has painted: on a slow phone the text shows without
# waiting for 37 KB of script, and the script no longer forces the page's first layout inside
# its own start-up task. Material starts on DOMContentLoaded, which has passed by then, so the
# loader repeats that event once the script has run, in a task of its own (two shorter tasks
# block a tap less than one long one). Reader safety does not wait for any of this:
# overrides/partials/reader-safety.html is inline.
THEME_SCRIPT_LOADER = (
    '<script>addEventListener("DOMContentLoaded",function(){{requestAnimationFrame(function(){{'
    'setTimeout(function(){{var s=document.createElement("script");s.src="{src}";'
    "s.onload=function(){{setTimeout(function(){{"
    'document.dispatchEvent(new Event("DOMContentLoaded"))}})}};'
    "document.body.appendChild(s)}})}})}},{{once:true}})</script>"
)


class PageRewrite:
    """A page's text pointed at the renamed files, without the tags of the merged ones, and with
    the theme's script loaded after the first paint. It runs over every page of the site, so each
    pattern starts with a long literal (which the regex engine finds fast), and the renamed paths
    are replaced as plain strings: ten times faster than one pattern with alternatives."""

    def __init__(self, renamed: dict[str, str], removed: list[str]):
        self.renamed = renamed
        self.dropped = re.compile(
            rf'<link rel="stylesheet" href="[^"]*(?:{"|".join(map(re.escape, removed))})">\n?'
        )
        # Material's own script (the search worker is renamed too, but started by that script).
        scripts = "|".join(
            re.escape(path) for path in renamed if path.startswith("assets/javascripts/")
        )
        self.theme_script = re.compile(rf'<script src="([^"]*)({scripts})"></script>\n?')

    def _loader(self, match: re.Match) -> str:
        return THEME_SCRIPT_LOADER.format(src=match[1] + self.renamed[match[2]]) + "\n"

    def __call__(self, html: str) -> str:
        rewritten = self.theme_script.sub(self._loader, self.dropped.sub("", html))
        for old, new in self.renamed.items():
            rewritten = rewritten.replace(old, new)
        return rewritten

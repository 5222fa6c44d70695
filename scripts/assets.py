"""Post-build work on the theme's assets, for a small first view on a slow phone.

- `purge_css`: drop the rules of Material's stylesheets whose selectors need a class, or a
  `data-md-color-*` value, that no built page and no script of the site can produce.
- `combine_theme_assets`, `fingerprint_search`, `rewrite_pages`: fewer files before the first
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

from scripts import material

CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')
COLOR_VALUE = re.compile(r'data-md-color-\w+="([^"]*)"')
COLOR_ATTRIBUTE = re.compile(r"\[data-md-color-(\w+)=\"?([\w-]+)\"?\]")
# Functional pseudo-classes are kept whole: what they contain is a condition, not a requirement.
FUNCTIONAL = re.compile(r":(?:not|is|where|has)\((?:[^()]|\([^()]*\))*\)")
GROUPING = ("@media", "@supports", "@container", "@layer")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


# A feature's block, element or modifier class: `md-tag`, `md-tag__icon`, `md-tag--hidden`.
_UNUSED_FEATURE = re.compile(rf"(?:{'|'.join(map(re.escape, material.UNUSED_FEATURES))})(?:[_-]|$)")


def _unused_feature(name: str) -> bool:
    return _UNUSED_FEATURE.match(name) is not None


def used_names(site_dir: Path) -> set[str]:
    """Every class and colour name the site can show: from the pages' class and data-md-color-*
    attributes, and the identifier-like words of its scripts (which add classes at run time),
    less the classes of Material features the site does not use."""
    in_pages: set[str] = set()
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        # Two patterns with literal starts: twice as fast as one with alternatives.
        for value in CLASS_ATTRIBUTE.findall(text) + COLOR_VALUE.findall(text):
            in_pages.update(value.split())
    in_scripts: set[str] = set()
    for script in site_dir.rglob("*.js"):
        in_scripts.update(re.findall(r"[A-Za-z_][\w-]*", script.read_text(encoding="utf-8")))
    return in_pages | {name for name in in_scripts if not _unused_feature(name)}


def _blocks(css: str, start: int = 0) -> tuple[list[tuple[str, object]], int]:
    """Minified CSS as (prelude, body) pairs; a grouping rule's body is its own list."""
    blocks, i = [], start
    while i < len(css):
        if css[i] == "}":
            return blocks, i + 1
        brace = css.find("{", i)
        semicolon = css.find(";", i)
        if brace < 0:
            break
        if 0 <= semicolon < brace:  # @charset / @import: keep as is
            blocks.append((css[i : semicolon + 1], None))
            i = semicolon + 1
            continue
        prelude = css[i:brace]
        if prelude.startswith(GROUPING):
            inner, i = _blocks(css, brace + 1)
            blocks.append((prelude, inner))
            continue
        depth, j = 0, brace
        while True:
            depth += {"{": 1, "}": -1}.get(css[j], 0)
            if depth == 0:
                break
            j += 1
        blocks.append((prelude, css[brace : j + 1]))
        i = j + 1
    return blocks, i


def _selectors(prelude: str) -> list[str]:
    parts, depth, current = [], 0, []
    for char in prelude:
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _possible(selector: str, names: set[str]) -> bool:
    core = FUNCTIONAL.sub("", selector)
    return all(name in names for name in CLASS.findall(core)) and all(
        value in names for _, value in COLOR_ATTRIBUTE.findall(core)
    )


def _emit(blocks: list, names: set[str]) -> str:
    out = []
    for prelude, body in blocks:
        if isinstance(body, list):
            inner = _emit(body, names)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif body is None or prelude.startswith("@"):
            out.append(prelude + (body or ""))
        else:
            kept = [s for s in _selectors(prelude) if _possible(s, names)]
            if kept:
                out.append(",".join(kept) + body)
    return "".join(out)


def purge_css(css: str, names: set[str]) -> str:
    blocks, _ = _blocks(css)
    return _emit(blocks, names)


def _write_gzip(path: Path) -> None:
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(path.read_bytes(), 9, mtime=0))


def precompress(site_dir: Path) -> int:
    """Level 9 (each byte counts on a slow line), in threads: zlib releases the GIL, so every
    core compresses and the build does not pay for the level on a large site."""
    paths = [p for p in site_dir.rglob("*") if p.suffix in COMPRESSIBLE and p.is_file()]
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


def rewrite_pages(site_dir: Path, renamed: dict[str, str], removed: list[str]) -> None:
    """Point every page at the renamed files, drop the tags of the merged ones and load the
    theme's script after the first paint. This runs over every page of the site, so each
    pattern starts with a long literal (which the regex engine finds fast), and the renamed
    paths are replaced as plain strings: ten times faster than one pattern with alternatives."""
    dropped = re.compile(
        rf'<link rel="stylesheet" href="[^"]*(?:{"|".join(map(re.escape, removed))})">\n?'
    )
    # Material's own script (the search worker is renamed too, but started by that script).
    scripts = "|".join(
        re.escape(path) for path in renamed if path.startswith("assets/javascripts/")
    )
    theme_script = re.compile(rf'<script src="([^"]*)({scripts})"></script>\n?')

    def loader(match: re.Match) -> str:
        return THEME_SCRIPT_LOADER.format(src=match[1] + renamed[match[2]]) + "\n"

    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        rewritten = theme_script.sub(loader, dropped.sub("", text))
        for old, new in renamed.items():
            rewritten = rewritten.replace(old, new)
        if rewritten != text:
            page.write_text(rewritten, encoding="utf-8")

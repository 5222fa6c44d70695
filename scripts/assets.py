"""Post-build work on the theme's assets, for a small first view on a slow phone.

- `purge_css`: drop the rules of Material's stylesheets whose selectors need a class, or a
  `data-md-color-*` value, that no built page and no script of the site can produce.
- `precompress`: write `<file>.gz` (gzip level 9) beside each text asset, for `gzip_static`.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
COLOR_ATTRIBUTE = re.compile(r"\[data-md-color-(\w+)=\"?([\w-]+)\"?\]")
# Functional pseudo-classes are kept whole: what they contain is a condition, not a requirement.
FUNCTIONAL = re.compile(r":(?:not|is|where|has)\((?:[^()]|\([^()]*\))*\)")
GROUPING = ("@media", "@supports", "@container", "@layer")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


def used_names(site_dir: Path) -> set[str]:
    """Every class and colour name the site can show: from the pages' class and data-md-color-*
    attributes, and every identifier-like word in its scripts (which add classes at run time)."""
    names: set[str] = set()
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for value in re.findall(r'(?:class|data-md-color-\w+)="([^"]*)"', text):
            names.update(value.split())
    for script in site_dir.rglob("*.js"):
        names.update(re.findall(r"[A-Za-z_][\w-]*", script.read_text(encoding="utf-8")))
    return names


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


def precompress(site_dir: Path) -> int:
    count = 0
    for path in site_dir.rglob("*"):
        if path.suffix in COMPRESSIBLE and path.is_file():
            data = path.read_bytes()
            path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, 9, mtime=0))
            count += 1
    return count

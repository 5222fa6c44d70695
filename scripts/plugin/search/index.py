"""The search index of each language, written after the build: the text of every section of
every page, and the synonym groups. The browser stems it with the same Snowball stemmers it uses
for the query (scripts/plugin/search/stemmers.py), so index and query always agree.

Material's search UI asks its worker for `search/search_index.json` at page load; that file is
replaced by a stub, and the worker loads `search/<lang>.json` only when the reader first types.
"""

from __future__ import annotations

import json
import logging
from html.parser import HTMLParser
from pathlib import Path

from scripts.plugin import material
from scripts.plugin.search import stopwords
from scripts.project import LANGUAGES, PAGE_BUDGET_BYTES

# Not under "mkdocs": a strict build would stop on it, and an oversized page is a warning only.
log = logging.getLogger("kb.search")

# Parts of a page that are not its content: theme additions, the print-only sheet.
SKIPPED_CLASSES = {"kb-reviewed", "kb-outdated", "kb-print-sheet", "headerlink"}
SECTION_HEADINGS = {"h1", "h2", "h3"}
VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source"}


class Sections(HTMLParser):
    """Splits an article into (heading id, heading text, text) sections at h1–h3."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[list] = [[None, "", []]]
        self.heading: list[str] | None = None
        self.skip_depth = 0
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in VOID:
            return
        self.depth += 1
        attributes = dict(attrs)
        if self.skip_depth or SKIPPED_CLASSES & set((attributes.get("class") or "").split()):
            self.skip_depth = self.skip_depth or self.depth
            return
        if tag in SECTION_HEADINGS:
            self.heading = []
            self.sections.append([attributes.get("id"), "", []])

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if self.skip_depth == self.depth:
            self.skip_depth = 0
        self.depth -= 1
        if tag in SECTION_HEADINGS and self.heading is not None and not self.skip_depth:
            self.sections[-1][1] = " ".join("".join(self.heading).split())
            self.heading = None

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        (self.heading if self.heading is not None else self.sections[-1][2]).append(data)


def page_sections(html: str, where: str = "a page") -> list[tuple[str | None, str, str]]:
    parser = Sections()
    parser.feed(material.article(html, where))
    return [
        (anchor, title, " ".join("".join(text).split()))
        for anchor, title, text in parser.sections
        if title or "".join(text).strip()
    ]


def documents_of(pages: list[tuple[str, str, list]]) -> list[list[str]]:
    """[url, title, text] for each page (its intro) and each of its sections, from
    (built file, url, sections) in the order of the built files."""
    docs: list[list[str]] = []
    for _, url, sections in pages:
        if not sections:
            continue
        (_, page_title, intro), *rest = sections
        docs.append([url, page_title, intro])
        docs.extend([f"{url}#{anchor}", title, text] for anchor, title, text in rest if anchor)
    return docs


def warn_oversized(docs: list[list[str]]) -> None:
    """A page whose sections weigh more than the budget in the index gets a warning."""
    shares: dict[str, int] = {}
    for location, title, text in docs:
        page = location.split("#")[0]
        shares[page] = shares.get(page, 0) + len(title.encode()) + len(text.encode())
    for page, size in shares.items():
        if size > PAGE_BUDGET_BYTES:
            log.warning(
                f"/{page}: {size // 1024} KB of the search index, over the "
                f"{PAGE_BUDGET_BYTES // 1024} KB budget — split the page into several pages"
            )


def write(
    site_dir: Path, documents: dict[str, list[list[str]]], synonyms: list[dict]
) -> dict[str, int]:
    """Write search/<lang>.json and the stub search_index.json; return each file's size."""
    folder = site_dir / "search"
    folder.mkdir(exist_ok=True)
    sizes = {}
    for lang in LANGUAGES:
        docs = documents.get(lang, [])
        warn_oversized(docs)
        index = {
            "lang": lang,
            "docs": docs,
            "synonyms": [group[lang] for group in synonyms],
            "stop": stopwords.stop_words(lang),
        }
        path = folder / f"{lang}.json"
        path.write_text(
            json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
        sizes[lang] = path.stat().st_size
    # What Material's UI loads at page load: nothing to search yet (see the module docstring).
    stub = {
        "config": {"lang": list(LANGUAGES), "separator": "[\\s\\-]+", "pipeline": []},
        "docs": [],
    }
    (folder / "search_index.json").write_text(json.dumps(stub), encoding="utf-8")
    return sizes

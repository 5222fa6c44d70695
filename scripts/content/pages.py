"""Reading the Markdown pages: their language, relative path and front matter."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from scripts.content.editorfiles import load_yaml, read_text
from scripts.problems import Problem
from scripts.project import DEFAULT_LANGUAGE, LANGUAGES, relative

FENCE = "---"


@dataclass
class Page:
    path: Path  # the file on disk
    lang: str  # "pl" or "id": the folder under docs/
    slug: str  # path under the language folder, e.g. "dependence/types.md" (same for twins)
    meta: dict = field(default_factory=dict)
    meta_lines: dict = field(default_factory=dict)  # front-matter key -> line number in the file
    body_start: int = 1  # line number of the first body line
    body: str = ""
    text: str = ""  # the whole file, read once
    front_matter_ok: bool = False  # read and parsed as a mapping

    @property
    def name(self) -> str:
        return relative(self.path)

    @property
    def url(self) -> str:
        """Site-relative URL of the built page ('' is the Polish home, 'id/help/' ...)."""
        prefix = "" if self.lang == DEFAULT_LANGUAGE else f"{self.lang}/"
        stem = PurePosixPath(self.slug).with_suffix("")
        if stem.name != "index":
            return f"{prefix}{stem}/"
        return prefix if stem.parent == PurePosixPath(".") else f"{prefix}{stem.parent}/"


def find_pages(docs_dir: Path) -> list[Page]:
    """Every Markdown page under docs/<lang>/, sorted, without reading it."""
    pages = []
    for lang in LANGUAGES:
        root = docs_dir / lang
        for path in sorted(root.rglob("*.md")):
            pages.append(Page(path=path, lang=lang, slug=path.relative_to(root).as_posix()))
    return pages


def read_front_matter(page: Page) -> list[Problem]:
    """Fill page.meta and page.body; return the problems met (bad YAML, no front matter)."""
    text, unreadable = read_text(page.path)
    if unreadable:
        return [unreadable]
    page.text = text
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        page.body = text
        return [
            Problem(
                page.name,
                1,
                "the page has no front matter",
                "start the file with a '---' line, then title:, description:, reviewed:, "
                "then another '---' line",
            )
        ]
    try:
        end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == FENCE)
    except StopIteration:
        return [
            Problem(
                page.name,
                1,
                "the front matter is never closed",
                "add a line with '---' after the last front-matter key",
            )
        ]
    page.body_start = end + 2
    page.body = "\n".join(lines[end + 1 :])
    source = "\n".join(lines[1:end])
    meta, problem = load_yaml(source, page.name, first_line=2)
    if problem:
        return [replace(problem, what=f"front matter: {problem.what}")]
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return [
            Problem(
                page.name,
                2,
                "the front matter is not a list of 'key: value' lines",
                "write each entry as 'key: value'",
            )
        ]
    page.meta = meta
    page.front_matter_ok = True
    page.meta_lines = {
        line.split(":", 1)[0].strip(): number
        for number, line in enumerate(lines[1:end], start=2)
        if line and not line[0].isspace() and ":" in line
    }
    return []


def load_pages(docs_dir: Path) -> tuple[list[Page], list[Problem]]:
    pages = find_pages(docs_dir)
    problems = [problem for page in pages for problem in _read_or_report(page)]
    return pages, problems


def _read_or_report(page: Page) -> list[Problem]:
    """Whatever goes wrong while reading a page ends as a problem naming the page."""
    try:
        return read_front_matter(page)
    except Exception as error:  # noqa: BLE001 - an editor sees the file, never a traceback
        what = f"the page could not be read ({type(error).__name__}: {error})"
        return [Problem(page.name, None, what, "check that it is a text file saved as UTF-8")]

"""Reading the Markdown pages: their language, relative path and front matter."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import yaml

from scripts.problems import Problem
from scripts.project import DEFAULT_LANGUAGE, LANGUAGES, relative

FENCE = "---"
# libyaml's safe loader when PyYAML has it (it does on Linux wheels): many times faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Page:
    path: Path  # the file on disk
    lang: str  # "pl" or "id": the folder under docs/
    slug: str  # path under the language folder, e.g. "dependence/types.md" (same for twins)
    meta: dict = field(default_factory=dict)
    meta_lines: dict = field(default_factory=dict)  # front-matter key -> line number in the file
    body_start: int = 1  # line number of the first body line
    body: str = ""
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
    text = page.path.read_text(encoding="utf-8")
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
    try:
        meta = yaml.load(source, Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 2
        reason = getattr(error, "problem", None) or "it is not valid YAML"
        return [
            Problem(
                page.name,
                line,
                f"the front matter is not valid YAML ({reason})",
                "write each entry as 'key: value'; put quotes around a value "
                "that contains ':' or starts with a special character",
            )
        ]
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
    problems = [problem for page in pages for problem in read_front_matter(page)]
    return pages, problems

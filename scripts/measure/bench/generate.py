"""Generated sites of N pages per language, for the benchmarks: a copy of the project whose
docs/ holds its real pages plus N generated twins per language, written from the real pages'
paragraphs (so the text, its words and its markup look like the site's own)."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

from scripts.content.pages import find_pages, read_front_matter
from scripts.project import DOCS_DIR, LANGUAGES, ROOT

PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "templates", "overrides", "scripts", "deploy")
# Plain Material + mkdocs-static-i18n, the baseline the project's additions are measured against.
PLAIN_CONFIG = """site_name: Plain
site_url: https://example.invalid/
docs_dir: docs
theme:
  name: material
  language: pl
validation:
  omitted_files: info
plugins:
  - search
  - i18n:
      docs_structure: folder
      languages:
        - locale: pl
          name: Polski
          default: true
        - locale: id
          name: Bahasa Indonesia
"""
# The project's own configuration; generated pages stay out of the navigation, as a large site's
# would be reached through section pages rather than one menu of thousands of entries.
PROJECT_CONFIG = """INHERIT: mkdocs.yml
validation:
  omitted_files: info
"""


def paragraphs(lang: str) -> list[str]:
    """Plain paragraphs of the real pages (no data blocks, links or headings)."""
    found = []
    for page in find_pages(DOCS_DIR):
        if page.lang != lang:
            continue
        read_front_matter(page)
        for block in page.body.split("\n\n"):
            block = block.strip()
            if (
                block
                and not block.startswith(("#", "{{", "<", "!!!", "|", "-", "*", "1."))
                and "](" not in block
            ):
                found.append(block)
    return found


def page_text(lang: str, number: int, pool: list[str], rng: random.Random, record: bool) -> str:
    title = f"{'Strona' if lang == 'pl' else 'Halaman'} {number}: " + " ".join(
        rng.choice(pool).split()[:4]
    ).strip(".,:;")
    body = []
    for section in range(1, 4):
        body.append(
            f"## {' '.join(rng.choice(pool).split()[:5]).strip('.,:;?')}? {{ #s{section} }}"
        )
        body += rng.sample(pool, k=min(3, len(pool)))
    description = re.sub(r"\s+", " ", rng.choice(pool))[:150].replace(":", " ")
    translation = "translation:\n  from: pl\n  source_commit: generated\n" if record else ""
    return (
        f'---\ntitle: "{title.replace(chr(34), "")}"\n'
        f'description: "{description.replace(chr(34), "")}"\nreviewed: 2026-11-22\n'
        f"{translation}---\n\n# {title}\n\n" + "\n\n".join(body) + "\n"
    )


def generate(target: Path, pages: int, plain: bool = False, seed: int = 1) -> Path:
    """A project in `target` with the real pages and `pages` generated twins per language."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    if plain:
        shutil.copytree(DOCS_DIR, target / "docs")
        # The same navigation as the project's (real pages only), or every page would carry a
        # menu of thousands of entries and the comparison would measure that instead.
        # The same Markdown extensions too: they are what the pages are written in, not an
        # addition of the project's.
        config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        nav = config.split("\nnav:\n", 1)[1]
        extensions = config.split("\nmarkdown_extensions:\n", 1)[1].split("\n\n", 1)[0]
        (target / "mkdocs.yml").write_text(
            f"{PLAIN_CONFIG}markdown_extensions:\n{extensions}\nnav:\n{nav}", encoding="utf-8"
        )
        # Plain Material knows no data blocks: leave the calls as text.
        for page in (target / "docs").rglob("*.md"):
            text = page.read_text(encoding="utf-8").replace("{{", "(( ").replace("}}", " ))")
            page.write_text(text, encoding="utf-8")
    else:
        for part in PROJECT_PARTS:
            source = ROOT / part
            if source.is_dir():
                shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(source, target / part)
        (target / "bench.yml").write_text(PROJECT_CONFIG, encoding="utf-8")
        # Out of the navigation on purpose (MkDocs' setting, which `make check` honours too).
        with (target / "mkdocs.yml").open("a", encoding="utf-8") as config:
            config.write("\nnot_in_nav: |\n  gen/\n")
        # Generated pages are random cuts of real paragraphs (a title is a sentence's first
        # words): a forbidden-wording rule's exception may be cut off. Editors' wording is
        # checked on the real pages; here the build only has to be measured.
        (target / "data/wording.yml").write_text("forbidden: []\n", encoding="utf-8")
    rng = random.Random(seed)
    pools = {lang: paragraphs(lang) for lang in LANGUAGES}
    for lang in LANGUAGES:
        folder = target / "docs" / lang / "gen"
        folder.mkdir(parents=True)
        for number in range(pages):
            text = page_text(lang, number, pools[lang], rng, record=lang != LANGUAGES[0])
            (folder / f"p{number:05d}.md").write_text(text, encoding="utf-8")
    return target

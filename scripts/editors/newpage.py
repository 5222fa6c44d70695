"""`make page PAGE=treatment/example`: both language files with valid front matter, in the nav."""

from __future__ import annotations

import datetime
import re
import sys
from pathlib import Path

from scripts.editors import git
from scripts.project import CONFIG_FILE, DEFAULT_LANGUAGE, DOCS_DIR, LANGUAGES, relative

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*$")
PLACEHOLDER = {
    "pl": (
        "Nowa strona {slug}",
        "Opis strony {slug} w jednym zdaniu — do uzupełnienia.",
        "Tu wpisz treść po polsku.",
    ),
    "id": (
        "Halaman baru {slug}",
        "Deskripsi halaman {slug} dalam satu kalimat — harap dilengkapi.",
        "Tulis isi dalam bahasa Indonesia di sini.",
    ),
}


def front_matter(lang: str, slug: str, today: datetime.date, source_commit: str | None) -> str:
    title, description, body = (text.format(slug=slug) for text in PLACEHOLDER[lang])
    lines = ["---", f"title: {title}", f"description: {description}", f"reviewed: {today}"]
    if source_commit:
        lines += [
            "translation:",
            f"  from: {DEFAULT_LANGUAGE}",
            f"  source_commit: {source_commit}",
        ]
    return "\n".join([*lines, "---", "", f"# {title}", "", body, ""])


def with_nav_entry(config: str, entry: str) -> str:
    """mkdocs.yml with `entry` added to the nav: after its folder's last entry, else at the end."""
    lines = config.split("\n")
    start = lines.index("nav:")
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i] and not lines[i][0].isspace()),
        len(lines),
    )
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    folder = entry.rsplit("/", 1)[0] + "/" if "/" in entry else None
    siblings = [i for i in range(start + 1, end) if folder and f"- {folder}" in lines[i]]
    if siblings:
        last = siblings[-1]
        indent = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
        lines.insert(last + 1, f"{indent}- {entry}")
    else:
        lines.insert(end, f"  - {entry}")
    return "\n".join(lines)


def create(slug: str, docs_dir: Path = DOCS_DIR, config_file: Path = CONFIG_FILE) -> int:
    slug = slug.strip().removesuffix(".md").strip("/")
    if not SLUG.match(slug):
        print(
            f"PAGE={slug!r}: use short English words in lower case, with dashes and folders, "
            "e.g. PAGE=treatment/family-support",
            file=sys.stderr,
        )
        return 2
    files = {lang: docs_dir / lang / f"{slug}.md" for lang in LANGUAGES}
    existing = [relative(p) for p in files.values() if p.exists()]
    if existing:
        print(f"{', '.join(existing)} already exists — choose another PAGE name", file=sys.stderr)
        return 2
    source_commit = git.git("rev-parse", "HEAD", cwd=docs_dir.parent)
    if not source_commit:
        print(
            "make page needs a git checkout with at least one commit "
            "(the translation records the commit it was made from)",
            file=sys.stderr,
        )
        return 2
    today = datetime.date.today()
    config = with_nav_entry(config_file.read_text(encoding="utf-8"), f"{slug}.md")
    for lang, path in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        commit = None if lang == DEFAULT_LANGUAGE else source_commit
        path.write_text(front_matter(lang, slug, today, commit), encoding="utf-8")
        print(f"created {relative(path)}")
    config_file.write_text(config, encoding="utf-8")
    print(f"added {slug}.md to the navigation in {relative(config_file)}")
    print("Next: write the Polish page, commit it, translate it, then `make synced PAGE=...`.")
    return 0

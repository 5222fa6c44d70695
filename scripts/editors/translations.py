"""Translation freshness, after MDN and Kubernetes' lsync: is each translation behind its source?

A translated page records in front matter the language it came from and the commit whose source
text it reflects. A pair is outdated when the source page changed after that commit.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from scripts.content.pages import Page, load_pages
from scripts.editors import git
from scripts.project import DOCS_DIR, LANGUAGES, relative

UP_TO_DATE, OUTDATED, MISSING = "up to date", "outdated", "missing"


@dataclass
class Pair:
    slug: str
    source: Page | None
    translation: Page | None
    state: str = UP_TO_DATE
    commits: list[str] = field(default_factory=list)
    uncommitted: bool = False

    @property
    def source_commit(self) -> str:
        return str(self.translation.meta["translation"].get("source_commit", ""))


def record(page: Page) -> dict | None:
    value = page.meta.get("translation")
    return value if isinstance(value, dict) else None


def pairs(docs_dir: Path = DOCS_DIR, pages: list[Page] | None = None) -> list[Pair]:
    pages = pages if pages is not None else load_pages(docs_dir)[0]
    by_key = {(p.lang, p.slug): p for p in pages}
    found = []
    for slug in sorted({p.slug for p in pages}):
        twins = [by_key.get((lang, slug)) for lang in LANGUAGES]
        translation = next((p for p in twins if p and record(p)), None)
        if translation is None:
            # No record: the existing page is the source, any missing twin is a missing translation.
            source = next(p for p in twins if p)
            state = MISSING if None in twins else UP_TO_DATE
            found.append(Pair(slug, source, None, state))
            continue
        source = by_key.get((record(translation).get("from"), slug))
        found.append(assess(Pair(slug, source, translation)))
    return found


def assess(pair: Pair) -> Pair:
    if pair.source is None:
        pair.state = MISSING
        return pair
    sha = pair.source_commit
    known = git.is_commit(sha)
    pair.commits = git.commits_since(sha, pair.source.path) if known else []
    pair.uncommitted = git.has_uncommitted_changes(pair.source.path)
    if pair.commits or pair.uncommitted or not known:
        pair.state = OUTDATED
    return pair


def outdated_sources(
    docs_dir: Path = DOCS_DIR, pages: list[Page] | None = None
) -> dict[Path, Page]:
    """Translation file -> its source page, for every outdated translation (for the notice)."""
    if not git.is_repository():
        return {}
    return {
        p.translation.path: p.source
        for p in pairs(docs_dir, pages)
        if p.state == OUTDATED and p.translation and p.source
    }


def report(docs_dir: Path = DOCS_DIR) -> int:
    """`make translations`: every pair and its state; 1 when any is outdated or missing."""
    if not git.is_repository():
        print("make translations needs a git checkout (it compares commits).", file=sys.stderr)
        return 2
    pages, unreadable = load_pages(docs_dir)
    for problem in unreadable:
        # A page whose front matter cannot be read may be a translation: its state is unknown.
        print(f"UNREADABLE  {problem}")
    found = pairs(docs_dir, pages)
    for pair in found:
        print(describe(pair))
    bad = [p for p in found if p.state != UP_TO_DATE]
    outdated = sum(p.state == OUTDATED for p in bad)
    print(
        f"\n{len(found)} pairs: {len(found) - len(bad)} up to date, {outdated} outdated, "
        f"{len(bad) - outdated} missing"
    )
    if bad:
        print("Update each outdated translation, then mark it: make synced PAGE=<translation file>")
    if unreadable:
        print(f"{len(unreadable)} page(s) could not be read: fix them first (make check)")
    return 1 if bad or unreadable else 0


def describe(pair: Pair) -> str:
    if pair.state == MISSING:
        have = pair.translation or pair.source
        other = next(lang for lang in LANGUAGES if lang != have.lang)
        return f"MISSING     docs/{other}/{pair.slug} (twin of {have.name}) — create it: make page"
    if pair.translation is None:
        return f"source only {pair.source.name} — its twin has no translation block"
    line = f"{pair.state.upper():<11} {pair.translation.name} ← {pair.source.name}"
    if pair.state != OUTDATED:
        return line
    details = [f"    source changed since {pair.source_commit[:10]}:"]
    details += [f"      {c}" for c in pair.commits]
    if pair.uncommitted:
        details.append("      (uncommitted changes in the source file)")
    if git.is_commit(pair.source_commit):
        stat = git.diff_stat(pair.source_commit, pair.source.path)
        details += [f"      {s}" for s in stat.splitlines()]
    else:
        details.append(
            f"      source_commit '{pair.source_commit}' is not a commit of this repository"
        )
    return "\n".join([line, *details])


SOURCE_COMMIT = re.compile(r"^(\s+source_commit:\s*).*$", re.M)


def sync(path: Path) -> int:
    """Mark a translation as synced: its source_commit becomes the source page's last commit."""
    path = path if path.is_absolute() else (Path.cwd() / path)
    pages, _ = load_pages(DOCS_DIR)
    page = next((p for p in pages if p.path.resolve() == path.resolve()), None)
    if page is None or record(page) is None:
        print(
            f"{relative(path)}: not a translated page (no 'translation:' block) — give the "
            "translation's path, e.g. docs/id/help/index.md",
            file=sys.stderr,
        )
        return 2
    source = DOCS_DIR / str(record(page).get("from")) / page.slug
    if git.has_uncommitted_changes(source):
        print(
            f"{relative(source)} has uncommitted changes — commit the source page first, "
            "then mark its translation as synced",
            file=sys.stderr,
        )
        return 2
    sha = git.last_commit(source)
    text = page.path.read_text(encoding="utf-8")
    page.path.write_text(SOURCE_COMMIT.sub(rf"\g<1>{sha}", text, count=1), encoding="utf-8")
    print(f"{page.name}: source_commit set to {sha[:10]} (last change of {relative(source)})")
    return 0

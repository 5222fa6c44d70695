"""Content checks: run by `make check` and before every build, so nothing broken is built.

Each check takes the pages (front matter already read) and returns Problems, each naming the
file and line and saying how to fix it.
"""

from __future__ import annotations

import datetime
import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pathspec
from markdown.extensions.toc import slugify

from scripts.content.data import check_data
from scripts.content.editorfiles import load_yaml, read_text
from scripts.content.pages import Page, load_pages
from scripts.content.schema import schema, validate
from scripts.editors import git
from scripts.editors.unsafe import unsafe_parts
from scripts.editors.wording import check_wording
from scripts.problems import Problem
from scripts.project import DATA_DIR, DOCS_DIR, LANGUAGES, relative

Check = Callable[[list[Page]], list[Problem]]

LINK = re.compile(r"(?P<image>!?)\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]*)(?:\s+\"[^\"]*\")?\)")
ATTR_ID = re.compile(r"\{[^}]*?#(?P<id>[\w-]+)[^}]*\}")
HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*$")
SCHEMES = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def body_lines(page: Page) -> Iterator[tuple[int, str]]:
    """(line number in the file, line) for the body, skipping fenced code blocks."""
    fenced = False
    for number, line in enumerate(page.body.split("\n"), start=page.body_start):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if not fenced:
            yield number, line


def check_front_matter(pages: list[Page]) -> list[Problem]:
    problems = []
    for page in pages:
        if not page.front_matter_ok:
            continue  # reported when reading it
        for finding in validate(page.meta, schema("front-matter"), ""):
            what = f"has no '{finding.key}'" if finding.missing else finding.what
            line = page.meta_lines.get(finding.key, 1)
            problems.append(Problem(page.name, line, f"front matter {what}", finding.fix))
        problems += _review_date_problems(page)
    return problems


def _review_date_problems(page: Page) -> list[Problem]:
    """A review date after today would tell readers a page was checked in the future."""
    reviewed = page.meta.get("reviewed")
    if not isinstance(reviewed, datetime.date) or reviewed <= datetime.date.today():
        return []
    line = page.meta_lines.get("reviewed", 1)
    what = f"front matter reviewed: {reviewed.isoformat()} is after today"
    return [Problem(page.name, line, what, "write the date you last reviewed the page")]


def check_twins(pages: list[Page]) -> list[Problem]:
    """Every page exists in every language, at the same path."""
    slugs = {lang: {p.slug for p in pages if p.lang == lang} for lang in LANGUAGES}
    return [
        Problem(
            page.name,
            None,
            f"the page has no twin in docs/{other}/",
            f"create docs/{other}/{page.slug} (its translation: `make page` starts one), "
            "or remove this page",
        )
        for page in pages
        for other in LANGUAGES
        if other != page.lang and page.slug not in slugs[other]
    ]


def check_translation_records(pages: list[Page]) -> list[Problem]:
    """Of two twins exactly one is the source; the other records what it was translated from."""
    by_key = {(p.lang, p.slug): p for p in pages}
    problems = []
    for page in pages:
        record = page.meta.get("translation")
        twins = [by_key.get((lang, page.slug)) for lang in LANGUAGES if lang != page.lang]
        line = page.meta_lines.get("translation", 1)
        if isinstance(record, dict):
            source = record.get("from")
            if source not in LANGUAGES or source == page.lang:
                others = [lang for lang in LANGUAGES if lang != page.lang]
                problems.append(
                    Problem(
                        page.name,
                        line,
                        f"translation.from is '{source}'",
                        f"write the language it was translated from: {others[0]}",
                    )
                )
            else:
                twin = by_key.get((source, page.slug))
                if twin and isinstance(twin.meta.get("translation"), dict):
                    problems.append(
                        Problem(
                            page.name,
                            line,
                            "both twins say they are translations",
                            f"remove the translation block from {twin.name}",
                        )
                    )
            sha = str(record.get("source_commit") or "")
            if sha and git.has_full_history() and not git.is_commit(sha):
                problems.append(
                    Problem(
                        page.name,
                        line,
                        f"translation.source_commit '{sha}' is not a commit of this repository",
                        f"run `make synced PAGE={page.name}` after updating the translation",
                    )
                )
        elif (
            all(t is not None and not isinstance(t.meta.get("translation"), dict) for t in twins)
            and page.lang != LANGUAGES[0]
            and twins
        ):
            problems.append(
                Problem(
                    page.name,
                    1,
                    "neither this page nor its twin has a translation block",
                    "add 'translation:' with 'from:' and 'source_commit:' to the page that "
                    "was translated (see CONTRIBUTING.md)",
                )
            )
    return problems


def anchors_of(markdown: str) -> set[str]:
    """The ids a page's headings and attribute lists give, as Python-Markdown's toc makes them."""
    ids, seen = set(), {}
    for line in markdown.split("\n"):
        ids.update(m["id"] for m in ATTR_ID.finditer(line))
        heading = HEADING.match(line)
        if heading and not ATTR_ID.search(line):
            text = re.sub(r"\{[^}]*\}|[*_`]", "", heading["text"])
            text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
            slug = slugify(text, "-")
            count = seen.get(slug, 0)
            seen[slug] = count + 1
            ids.add(slug if count == 0 else f"{slug}_{count}")
    return ids


# Reference-style link definitions ("[name]: target") and links written as raw HTML.
REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(?P<target>[^\s>]+)")
HTML_LINK = re.compile(
    r"<(?P<tag>a|img)\b[^>]*?\b(?:href|src)\s*=\s*[\"']?(?P<target>[^\"'\s>]+)", re.I
)


def link_targets(line: str) -> Iterator[tuple[str, bool]]:
    """(target, is it an image) for each link on a line: Markdown, reference-style, raw HTML."""
    for link in LINK.finditer(line):
        yield link["target"], bool(link["image"])
    if reference := REFERENCE.match(line):
        yield reference["target"], False
    for html_link in HTML_LINK.finditer(line):
        yield html.unescape(html_link["target"]), html_link["tag"].lower() == "img"


def _missing_image(page: Page, number: int, target: str) -> list[Problem]:
    if (page.path.parent / target.split("#")[0]).exists():
        return []
    fix = "check the file name; images sit beside the page or in a folder next to it"
    return [Problem(page.name, number, f"the image file '{target}' does not exist", fix)]


def check_links(pages: list[Page], rendered: dict[Path, str] | None = None) -> list[Problem]:
    """Relative links to pages of the same language exist, and so do their #anchors."""
    rendered = rendered or {}
    by_path = {p.path.resolve(): p for p in pages}
    problems = []
    for page in pages:
        folder = PurePosixPath(page.slug).parent
        for number, line in body_lines(page):
            for target, is_image in link_targets(line):
                if not target or SCHEMES.match(target) or target.startswith("//"):
                    continue
                if is_image:
                    problems += _missing_image(page, number, target)
                    continue
                path, _, anchor = target.partition("#")
                target_page = page
                if path:
                    resolved = (page.path.parent / path).resolve()
                    lang_root = (page.path.parents[len(folder.parts)]).resolve()
                    if not resolved.is_relative_to(lang_root):
                        problems.append(
                            Problem(
                                page.name,
                                number,
                                f"the link '{target}' leaves docs/{page.lang}/",
                                "link only to pages of the same language; the language "
                                "switcher leads readers to the other one",
                            )
                        )
                        continue
                    target_page = by_path.get(resolved)
                    if target_page is None:
                        problems.append(
                            Problem(
                                page.name,
                                number,
                                f"the link '{target}' leads to no page",
                                "check the file name (links end in .md, relative to this page)",
                            )
                        )
                        continue
                # An unreadable page is reported as such; its anchors cannot be known.
                if anchor and target_page.text:
                    text = rendered.get(target_page.path, target_page.body)
                    if anchor not in anchors_of(text):
                        problems.append(
                            Problem(
                                page.name,
                                number,
                                f"the anchor '#{anchor}' is not on {target_page.name}",
                                "use the id of a heading there (lower case, dashes, no "
                                "Polish letters), or add '{ #" + anchor + " }' to one",
                            )
                        )
    return problems


def check_unsafe_html(pages: list[Page]) -> list[Problem]:
    fix = (
        "remove it: pages may not run scripts, send forms or load other pages (the site's "
        "security policy blocks them); ask a developer if the page needs interactive content"
    )
    problems = []
    for page in pages:
        # Fenced code blocks are shown, not run: blank them, keeping the line numbers.
        lines = dict(body_lines(page))
        text = "\n".join(
            lines.get(n, "")
            for n in range(page.body_start, page.body_start + len(page.body.split("\n")))
        )
        for line, what in unsafe_parts(text):
            problems.append(
                Problem(page.name, page.body_start + line - 1, f"the page contains {what}", fix)
            )
    return problems


def images_of(page: Page) -> list[tuple[int, str]]:
    if "![" not in page.body and "<img" not in page.body.lower():
        return []  # most pages: skip the line-by-line search
    found = [
        (n, m["text"]) for n, line in body_lines(page) for m in LINK.finditer(line) if m["image"]
    ]
    found += [
        (n, (re.search(r'alt="([^"]*)"', m) or [None, ""])[1])
        for n, line in body_lines(page)
        for m in re.findall(r"<img\b[^>]*>", line, re.I)
    ]
    return found


def check_images(pages: list[Page]) -> list[Problem]:
    by_key = {(p.lang, p.slug): p for p in pages}
    problems = []
    for page in pages:
        twin_alts = {
            alt
            for lang in LANGUAGES
            if lang != page.lang
            for _, alt in images_of(by_key.get((lang, page.slug)) or page)
        } - {""}
        for number, alt in images_of(page):
            if not alt.strip():
                problems.append(
                    Problem(
                        page.name,
                        number,
                        "an image has no alt text",
                        "describe the image in the page's language: ![what it shows](file.png)",
                    )
                )
            elif alt in twin_alts and page.lang != LANGUAGES[0]:
                problems.append(
                    Problem(
                        page.name,
                        number,
                        f"the alt text '{alt}' is the same as on the twin",
                        "write the alt text in this page's language",
                    )
                )
    return problems


CHECKS: tuple[Check, ...] = (
    check_front_matter,
    check_twins,
    check_translation_records,
    check_unsafe_html,
    check_images,
)


def render_data_blocks(pages: list[Page], data: dict) -> tuple[dict[Path, str], list[Problem]]:
    """Each page's Markdown with its data blocks expanded (so their anchors count), and a
    problem for each page whose data blocks cannot be rendered: the build would refuse it."""
    import jinja2

    from scripts.content import render  # local: rendering is only needed when the data is sound

    env, rendered, problems = render.environment(), {}, []
    for page in pages:
        try:
            rendered[page.path] = render.render_page(page.body, data, page.lang, page.slug, env)
        except jinja2.TemplateError as error:
            rendered[page.path] = page.body
            line = render.template_error_line(error)
            problems.append(
                Problem(
                    page.name,
                    page.body_start + line - 1 if line else None,
                    f"a data block could not be rendered ({error.message})",
                    "check the spelling and the brackets of the call, "
                    'e.g. {{ contact("bnn-184") }}',
                )
            )
    return rendered, problems


def check_site_config(config: Path, pages: list[Page]) -> list[Problem]:
    """mkdocs.yml read as editors' YAML (a key written twice, two `nav:`, is an error), and its
    navigation against the pages: every entry is a page, every page is in it."""
    if not config.exists():
        return []
    text, problem = read_text(config)
    if problem:
        return [problem]
    settings, problem = load_yaml(text, relative(config))
    if problem:
        return [problem]
    if not isinstance(settings, dict):
        return []
    outside = outside_nav(settings.get("not_in_nav"))
    return _nav_problems(settings.get("nav"), text, [p for p in pages if not outside(p)])


def outside_nav(patterns: str | None) -> Callable[[Page], bool]:
    """Pages left out of the navigation on purpose: MkDocs' `not_in_nav` setting, gitignore-style
    patterns relative to docs/ (e.g. `gen/` for the benchmark's generated pages)."""
    spec = pathspec.GitIgnoreSpec.from_lines(str(patterns or "").splitlines())
    return lambda page: spec.match_file(f"{page.lang}/{page.slug}")


def _nav_entries(node) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _nav_entries(value)
    elif isinstance(node, list):
        for item in node:
            yield from _nav_entries(item)


def _nav_problems(nav, text: str, pages: list[Page]) -> list[Problem]:
    if not nav:
        return []
    listed = [entry for entry in _nav_entries(nav) if entry.endswith(".md")]
    slugs = {page.slug for page in pages}
    lines = text.split("\n")
    problems = []
    for entry in listed:
        if entry not in slugs:
            line = next((n for n, ln in enumerate(lines, 1) if ln.strip().endswith(entry)), None)
            what = f"the navigation lists '{entry}', which is not a page in docs/"
            fix = "check the file name, or remove the line"
            problems.append(Problem("mkdocs.yml", line, what, fix))
    for page in pages:
        if page.lang == LANGUAGES[0] and page.slug not in listed:
            fix = f"add '- {page.slug}' under nav: in mkdocs.yml (make page adds new pages there)"
            problems.append(Problem(page.name, None, "the page is not in the navigation", fix))
    return problems


@dataclass
class Content:
    """The content as the checks read it: the build uses the same reading."""

    problems: list[Problem]
    pages: list[Page]
    data: dict
    rendered: dict[Path, str]  # each page's body with its data blocks expanded


def check_content(docs_dir: Path = DOCS_DIR, data_dir: Path = DATA_DIR) -> Content:
    pages, problems = load_pages(docs_dir)
    problems += check_site_config(docs_dir.parent / "mkdocs.yml", pages)
    for check in CHECKS:
        problems.extend(check(pages))
    data, data_problems = check_data(data_dir)
    problems.extend(data_problems)
    rendered = None
    if not data_problems:
        rendered, block_problems = render_data_blocks(pages, data)
        problems.extend(block_problems)
    problems.extend(check_links(pages, rendered))
    problems.extend(check_wording(pages, data_dir))
    return Content(problems, pages, data, rendered or {})


def run_checks(docs_dir: Path = DOCS_DIR, data_dir: Path = DATA_DIR) -> list[Problem]:
    return check_content(docs_dir, data_dir).problems

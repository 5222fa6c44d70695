"""Bad input stops `python -m scripts build` with a message naming the file; nothing is lost."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import run_build, snapshot


def drop_line(path: Path, startswith: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    kept = [line for line in lines if not line.startswith(startswith)]
    assert len(kept) == len(lines) - 1, f"no single line starting with {startswith!r} in {path}"
    path.write_text("\n".join(kept), encoding="utf-8")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# name: (how to break the project copy, what the error must say)
BREAKAGES = {
    "page without its twin": (
        lambda p: (p / "docs/id/about.md").unlink(),
        ["docs/pl/about.md", "no twin", "docs/id/about.md"],
    ),
    "broken link": (
        lambda p: append(p / "docs/pl/about.md", "\n[zobacz](missing-page.md)\n"),
        ["pl/about.md", "missing-page.md"],
    ),
    "missing title": (
        lambda p: drop_line(p / "docs/id/treatment/stages.md", "title:"),
        ["docs/id/treatment/stages.md", "'title'"],
    ),
    "missing description": (
        lambda p: drop_line(p / "docs/pl/dependence/types.md", "description:"),
        ["docs/pl/dependence/types.md", "'description'"],
    ),
}


@pytest.mark.parametrize("case", sorted(BREAKAGES))
def test_bad_content_stops_the_build_and_keeps_the_last_good_site(project_copy, case):
    project = project_copy()
    assert run_build(project).returncode == 0, "the unbroken copy must build"
    good_site = snapshot(project / "site")

    breakage, expected = BREAKAGES[case]
    breakage(project)
    tree = snapshot(project / "docs") | snapshot(project / "data")
    result = run_build(project)

    assert result.returncode != 0
    message = result.stdout + result.stderr
    for words in expected:
        assert words in message, message
    assert snapshot(project / "site") == good_site
    assert snapshot(project / "docs") | snapshot(project / "data") == tree
    assert not list(project.glob(".site-build-*"))


TYPED_TITLE = 'O serwisie <b>"ważne"</b> & więcej'
TYPED_DESCRIPTION = 'Opis z "cudzysłowem" i <i>znacznikiem</i>'
TYPED_PURPOSE = "Zagrożenie życia <img src=x onerror=alert(1)> & więcej"


def test_front_matter_and_data_texts_show_as_typed(project_copy):
    """Quotes and angle brackets in a title, a description or a data text are text: they never
    break the page head, and never become markup in the navigation or the page."""
    project = project_copy()
    about = project / "docs/pl/about.md"
    text = about.read_text(encoding="utf-8")
    text = re.sub(r"^title: .*$", f"title: '{TYPED_TITLE}'", text, count=1, flags=re.M)
    description = f"description: '{TYPED_DESCRIPTION}'"
    text = re.sub(r"^description: .*$", description, text, count=1, flags=re.M)
    about.write_text(text, encoding="utf-8")
    contacts = project / "data/contacts.yml"
    # The first contact's Polish purpose: the home page's emergency box shows it.
    replace_once(contacts, "    purpose:\n      pl: ", f"    purpose:\n      pl: {TYPED_PURPOSE} ")
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr

    page = BeautifulSoup((project / "site/about/index.html").read_text("utf-8"), "html.parser")
    assert page.select_one('meta[name="description"]')["content"] == TYPED_DESCRIPTION
    assert not page.select("nav b, header b, title b, head i, nav i")
    nav_titles = [a.get_text(" ", strip=True) for a in page.select("nav.md-nav--primary a")]
    assert TYPED_TITLE in nav_titles
    assert page.title.get_text().startswith(TYPED_TITLE)
    home = BeautifulSoup((project / "site/index.html").read_text("utf-8"), "html.parser")
    assert not home.select("article img"), "a data text never becomes an element"
    assert TYPED_PURPOSE in home.select_one("article").get_text()

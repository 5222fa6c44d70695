"""The built site: twins, language switcher, hreflang, lang, titles, links, navigation."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from mkdocs.utils.yaml import yaml_load

from scripts.content.pages import find_pages, read_front_matter
from scripts.project import CONFIG_FILE, DOCS_DIR, LANGUAGES

SITE_URL = "https://pomoc-uzaleznienia.example/"
PREFIX = {"pl": "", "id": "id/"}


def expected_urls(lang: str) -> list[str]:
    return sorted(page.url for page in find_pages(DOCS_DIR) if page.lang == lang)


def twin_url(url: str, lang: str) -> str:
    """The same page in the other language."""
    return url.removeprefix("id/") if lang == "id" else "id/" + url


def resolve(page_url: str, href: str) -> str:
    """A link on a page, as a site-relative URL ('' is the Polish home)."""
    absolute = urljoin(SITE_URL + page_url, href)
    return absolute.removeprefix(SITE_URL)


ALL_PAGES = [(lang, url) for lang in LANGUAGES for url in expected_urls(lang)]


def test_both_languages_build_exactly_the_pages_in_docs(site):
    for lang in LANGUAGES:
        assert site.page_urls(lang) == expected_urls(lang)
    assert [twin_url(u, "pl") for u in expected_urls("pl")] == expected_urls("id")


@pytest.mark.parametrize(("lang", "url"), ALL_PAGES)
def test_page_declares_its_language_and_absolute_alternates(site, lang, url):
    soup = site.soup(url)
    assert soup.html["lang"] == lang
    alternates = {
        link["hreflang"]: link["href"]
        for link in soup.find_all("link", rel="alternate")
        if link.get("hreflang")
    }
    own, twin = SITE_URL + url, SITE_URL + twin_url(url, lang)
    other = "id" if lang == "pl" else "pl"
    assert alternates[lang] == own
    assert alternates[other] == twin
    assert alternates["x-default"] == (own if lang == "pl" else twin)
    assert all(urlsplit(href).scheme == "https" for href in alternates.values())


@pytest.mark.parametrize(("lang", "url"), ALL_PAGES)
def test_language_switcher_leads_to_the_twin(site, lang, url):
    soup = site.soup(url)
    links = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link")}
    assert set(links) == set(LANGUAGES)
    other = "id" if lang == "pl" else "pl"
    assert resolve(url, links[other]) == twin_url(url, lang)
    assert site.path(twin_url(url, lang)).exists()


@pytest.mark.parametrize(("lang", "url"), ALL_PAGES)
def test_help_link_leads_to_the_situations_page_in_the_page_language(site, lang, url):
    links = site.soup(url).select("a.kb-help-now")
    assert len(links) == 1
    assert resolve(url, links[0]["href"]) == PREFIX[lang] + "situations/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_titles_and_descriptions_present_and_unique(site, lang):
    titles, descriptions = [], []
    for url in expected_urls(lang):
        soup = site.soup(url)
        description = soup.find("meta", attrs={"name": "description"})
        assert description and description["content"].strip(), url
        titles.append(soup.title.string.strip())
        descriptions.append(description["content"].strip())
    assert len(set(titles)) == len(titles), titles
    assert len(set(descriptions)) == len(descriptions), descriptions


@pytest.mark.parametrize(("lang", "url"), ALL_PAGES)
def test_internal_links_and_anchors_resolve(site, lang, url):
    soup = site.soup(url)
    for a in soup.select("a[href]"):
        href = a["href"]
        if urlsplit(href).scheme or href.startswith("//"):
            continue
        target = resolve(url, href)
        path, _, fragment = target.partition("#")
        assert site.path(path).exists(), f"{url}: broken link {href}"
        if fragment and path.endswith("/"):
            assert site.soup(path).find(id=fragment), f"{url}: no #{fragment} on {path}"


def nav_shape(site, lang: str) -> list:
    """The primary navigation as nested lists of page URLs, with the language prefix removed."""
    home = PREFIX[lang]
    nav = site.soup(home).select_one("nav.md-nav--primary > ul.md-nav__list")

    def walk(ul) -> list:
        shape = []
        for item in ul.find_all("li", recursive=False):
            link = item.find("a", class_="md-nav__link", recursive=True)
            if link and link["href"].startswith("#"):
                continue  # the current page's table of contents, not navigation
            child = item.find("ul", class_="md-nav__list")
            href = resolve(home, link["href"]).removeprefix(home) if link else None
            shape.append((href, walk(child)) if child else href)
        return shape

    return walk(nav)


def test_both_languages_have_the_same_navigation(site):
    assert nav_shape(site, "pl") == nav_shape(site, "id")
    nav = yaml_load(CONFIG_FILE.read_text(encoding="utf-8"))["nav"]
    assert len(nav_shape(site, "pl")) == len(nav)


# Month names as readers of each language write dates (22 listopada 2026, 22 November 2026),
# written out here rather than taken from the code that renders them.
MONTHS = {
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
    "listopada grudnia".split(),
    "id": "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November "
    "Desember".split(),
}


@pytest.mark.parametrize("page", find_pages(DOCS_DIR), ids=lambda p: f"{p.lang}/{p.slug}")
def test_page_shows_when_it_was_last_reviewed_and_its_next_review(site, page):
    read_front_matter(page)
    reviewed = page.meta["reviewed"]
    last, following = site.soup(page.url).select(".kb-reviewed time")
    assert last["datetime"] == reviewed.isoformat()
    assert (
        last.get_text() == f"{reviewed.day} {MONTHS[page.lang][reviewed.month - 1]} {reviewed.year}"
    )
    # The next review is due a year later (scripts/project.py, REVIEW_INTERVAL_MONTHS = 12).
    due = reviewed.replace(year=reviewed.year + 1)
    assert following["datetime"] == due.isoformat()
    assert following.get_text() == f"{due.day} {MONTHS[page.lang][due.month - 1]} {due.year}"

"""The family's next step: the reader's country first, numbers where the eye lands, the guided
path within two clicks of the home page (with JavaScript off too), glossary terms that open on
tap and focus, and a quick exit that never lies over the text being read."""

from __future__ import annotations

import re
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest

from scripts.project import LANGUAGES

PREFIX = {"pl": "", "id": "id/"}
SITUATIONS = ["overdose", "adult", "child", "arrested", "after-treatment", "family"]
# Written out, not read from the data: what a reader of each language must see first.
FIRST_NUMBERS = {"pl": ["tel:112", "tel:800199990"], "id": ["tel:119", "tel:184"]}
COUNTRY_HEADINGS = {"pl": ["Polska", "Indonezja"], "id": ["Indonesia", "Polandia"]}
WARNING_NUMBERS = {"pl": ["112"], "id": ["119", "112"]}
PHONES = [(360, 640), (412, 915)]


def article(site, url: str):
    return site.soup(url).select_one("article")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_starts_with_the_readers_emergency_number_and_helpline(site, lang):
    body = article(site, PREFIX[lang])
    first = body.find("h1").find_next_sibling()
    assert "admonition" in first["class"], "getting help is the first thing after the title"
    numbers = [a["href"] for a in first.select('a[href^="tel:"]')]
    assert numbers[:2] == FIRST_NUMBERS[lang]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", ["", "help/"])
def test_countries_come_in_the_readers_order(site, lang, page):
    """Every per-country block (the emergency box, the contacts table) starts with the reader's
    country: the country names set in bold, in page order."""
    names = [
        tag.get_text().strip()
        for tag in article(site, PREFIX[lang] + page).select("strong")
        if tag.get_text().strip() in COUNTRY_HEADINGS[lang]
    ]
    assert names, "the page names the countries"
    pairs = [names[i : i + 2] for i in range(0, len(names), 2)]
    assert all(pair == COUNTRY_HEADINGS[lang] for pair in pairs), names


@pytest.mark.parametrize("lang", LANGUAGES)
def test_help_page_sections_and_print_sheet_put_the_readers_country_first(site, lang):
    body = article(site, PREFIX[lang] + "help/")
    own, other = ("poland", "indonesia") if lang == "pl" else ("indonesia", "poland")
    ids = [tag["id"] for tag in body.select("h2[id]")]
    assert ids.index(own) < ids.index(other)
    sheet = body.select_one(".kb-print-sheet")
    headings = [
        b.get_text() for b in sheet.select("p > strong") if b.get_text() in COUNTRY_HEADINGS[lang]
    ]
    assert headings == COUNTRY_HEADINGS[lang], "the contacts table: reader's country first"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_first_warning_on_the_help_page_carries_the_numbers(site, lang):
    warning = article(site, PREFIX[lang] + "help/").select_one(".admonition:not(.kb-outdated)")
    text = warning.get_text(" ")
    for number in WARNING_NUMBERS[lang]:
        assert re.search(rf"\b{number}\b", text), number


def links_of(site, url: str) -> set[str]:
    """Site-relative URLs a reader can follow from a page: the help bar and the article."""
    soup = site.soup(url)
    found = set()
    for a in soup.select(".kb-help-bar a[href], article a[href]"):
        target = urlsplit(urljoin("http://site/" + url, a["href"]))
        if target.netloc == "site":
            found.add(target.path.lstrip("/"))
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_situation_is_within_two_clicks_of_the_home_page(site, lang):
    home = PREFIX[lang]
    depth, queue = {home: 0}, deque([home])
    while queue:
        url = queue.popleft()
        if depth[url] == 2 or not site.path(url).exists():
            continue
        for target in links_of(site, url):
            if target not in depth:
                depth[target] = depth[url] + 1
                queue.append(target)
    for situation in SITUATIONS:
        assert depth.get(f"{home}situations/{situation}/", 9) <= 2, situation


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("situation", SITUATIONS)
def test_each_situation_ends_in_steps_with_contacts(site, lang, situation):
    body = article(site, f"{PREFIX[lang]}situations/{situation}/")
    assert body.select('a[href^="tel:"]'), "a number to call"
    assert body.select("ol li, ul li"), "concrete steps"
    assert (
        body.find(id=re.compile("^(zrodla|sumber)$"))
        or "Źródła" in body.get_text()
        or ("Sumber" in body.get_text())
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_guided_path_works_with_javascript_off(served_site, visit, lang):
    tab = visit(java_script_enabled=False, viewport={"width": 360, "height": 640}).tab
    tab.goto(served_site + PREFIX[lang])
    tab.locator(".kb-help-now").click()
    tab.wait_for_url(re.compile(r".*/situations/$"))
    tab.locator("article a[href$='child/']").first.click()
    tab.wait_for_url(re.compile(r".*/situations/child/$"))
    assert tab.locator("article a[href^='tel:']").count() > 0
    assert tab.get_attribute("html", "lang") == lang


def test_links_into_the_glossary_land_on_their_term(site):
    for lang in LANGUAGES:
        glossary_ids = {
            tag["id"] for tag in article(site, PREFIX[lang] + "glossary/").select("[id]")
        }
        for html in (site.root / PREFIX[lang]).rglob("index.html"):
            url = html.parent.relative_to(site.root).as_posix() + "/"
            if url.startswith("id/") != (lang == "id") or "glossary" in url:
                continue
            for a in site.soup(url).select("article a[href*='glossary/']"):
                fragment = urlsplit(a["href"]).fragment
                if a.get_text().strip().casefold() in ("słowniczek", "słowniczka", "glosarium"):
                    continue
                assert fragment in glossary_ids, f"{url}: {a}"


def open_term(view, served_site, lang: str):
    view.tab.goto(served_site + PREFIX[lang] + "rehabilitation/")
    return view.tab.locator("article abbr[title]").first


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_glossary_term_opens_on_tap_and_closes_again(served_site, visit, lang):
    view = visit(viewport={"width": 360, "height": 640}, has_touch=True, is_mobile=True)
    term = open_term(view, served_site, lang)
    term.scroll_into_view_if_needed()
    meaning = term.get_attribute("title")
    term.tap()
    tip = view.tab.locator("[role=tooltip].kb-term-tip")
    assert tip.is_visible() and tip.inner_text() == meaning
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360, "the meaning stays on screen"
    term.tap()
    assert tip.count() == 0, "a second tap closes it"
    term.tap()
    view.tab.locator("article h1").tap()
    assert tip.count() == 0, "a tap elsewhere closes it"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_glossary_term_opens_on_keyboard_focus_and_closes_on_escape(served_site, visit, lang):
    view = visit()
    term = open_term(view, served_site, lang)
    term.focus()
    tip = view.tab.locator("[role=tooltip].kb-term-tip")
    assert tip.is_visible()
    assert term.get_attribute("aria-describedby") == tip.get_attribute("id")
    view.tab.keyboard.press("Escape")
    assert tip.count() == 0


# What lies directly under the quick exit: nothing of the article, at any scroll position.
UNDER_EXIT = """() => {
  const exit = document.querySelector('.kb-exit').getBoundingClientRect();
  const points = [];
  for (const fx of [0.02, 0.5, 0.98]) for (const fy of [0.02, 0.5, 0.98])
    points.push([exit.left + fx * exit.width, exit.top + fy * exit.height]);
  return points.map(([x, y]) => {
    const below = document.elementsFromPoint(x, y).filter(e => !e.closest('.kb-exit'))[0];
    const content = below && below.closest('article, .md-content');
    const bar = below && below.closest('.md-header, .md-banner');
    return content && !bar ? below.tagName + ':' + below.textContent.trim().slice(0, 30) : null;
  }).filter(Boolean);
}"""


@pytest.mark.parametrize("size", PHONES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("url", ["", "help/", "id/situations/adult/", "id/law/"])
def test_quick_exit_never_lies_over_the_text(served_site, visit, size, url):
    width, height = size
    tab = visit(viewport={"width": width, "height": height}, has_touch=True, is_mobile=True).tab
    tab.goto(served_site + url)
    total = tab.evaluate("document.documentElement.scrollHeight")
    for y in range(0, total, height // 3):
        tab.evaluate(f"window.scrollTo(0, {y})")
        assert tab.locator(".kb-exit").is_visible()
        assert tab.evaluate(UNDER_EXIT) == [], f"scrolled to {y}"
    exit_box = tab.locator(".kb-exit").bounding_box()
    assert exit_box["width"] >= 44 and exit_box["height"] >= 44, "large enough to tap"


@pytest.mark.parametrize("size", PHONES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_numbers_are_seen_without_scrolling(served_site, visit, lang, size):
    width, height = size
    tab = visit(viewport={"width": width, "height": height}, has_touch=True, is_mobile=True).tab
    tab.goto(served_site + PREFIX[lang])
    for href in FIRST_NUMBERS[lang]:
        box = tab.locator(f"article .admonition a[href='{href}']").first.bounding_box()
        assert box and box["y"] + box["height"] <= height, href

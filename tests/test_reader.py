"""The reader's experience in a real browser: accessibility, privacy, quick exit, help, print."""

from __future__ import annotations

import re

import pytest

from scripts.content.pages import find_pages
from scripts.measure.audit import theme_started, without_theme_script
from scripts.plugin import material
from scripts.project import DOCS_DIR, LANGUAGES
from tests.conftest import AXE

PAGES = [page.url for page in find_pages(DOCS_DIR)]
NOT_FOUND = ["404.html", "id/404.html"]
NEUTRAL = "https://www.google.com/"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(tab) -> list[str]:
    if not tab.evaluate("() => typeof axe !== 'undefined'"):
        tab.add_script_tag(path=str(AXE))
    # Only violations are read: axe skips gathering the details of what passed (a third faster).
    result = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
        for v in result["violations"]
    ]


def open_page(view, url: str, theme: str) -> None:
    """Open a page as it is before the theme's script arrives, or once it has started."""
    if theme == "before theme script":
        without_theme_script(view.context)
    view.tab.goto(url)
    if theme == "theme script started":
        theme_started(view.tab)


THEME_STATES = ["before theme script", "theme script started"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", PAGES + NOT_FOUND)
def test_axe_finds_no_violation_before_and_after_the_theme_script(served_site, visit, url, scheme):
    """One visit, two states: the page as a reader has it while the theme's script is still on
    its way (the request is held, as on a slow line), then once the script has started."""
    view = visit(color_scheme=scheme)
    held = []
    view.context.route(material.THEME_SCRIPT_GLOB, lambda route: held.append(route))
    view.tab.goto(served_site + url, wait_until="domcontentloaded")
    while not held:  # the page asks for the theme's script after its first paint
        view.tab.wait_for_timeout(10)
    assert view.tab.evaluate("() => window.document$ === undefined"), "the theme has not started"
    before = axe_violations(view.tab)
    held[0].continue_()
    theme_started(view.tab)
    assert {"before theme script": before, "theme script started": axe_violations(view.tab)} == {
        "before theme script": [],
        "theme script started": [],
    }


@pytest.mark.parametrize("theme", THEME_STATES)
@pytest.mark.parametrize(("system", "scheme"), [("light", "default"), ("dark", "slate")])
def test_colour_scheme_follows_the_system_from_the_first_paint(
    served_site, visit, system, scheme, theme
):
    view = visit(color_scheme=system)
    open_page(view, served_site + "id/help/", theme)
    assert view.tab.get_attribute("body", "data-md-color-scheme") == scheme


def test_no_page_holds_its_first_paint_for_a_script(site):
    """Scripts with a src are fetched after the first paint or deferred, never parser-blocking."""
    blocking = re.compile(r"<script\b(?![^>]*\b(?:async|defer)\b)[^>]*\bsrc=")
    pages = sorted(site.root.rglob("*.html"))
    assert len(pages) == len(PAGES) + len(NOT_FOUND)
    assert [
        p.relative_to(site.root).as_posix() for p in pages if blocking.search(p.read_text())
    ] == []


def test_search_leaves_nothing_in_storage_that_outlives_the_tab(served_site, visit):
    view = visit()
    view.tab.goto(served_site)
    view.tab.keyboard.press("/")
    view.tab.keyboard.type("heroina")
    view.tab.wait_for_timeout(300)
    stored = view.tab.evaluate("JSON.stringify(Object.assign({}, localStorage))")
    assert "heroina" not in stored
    assert view.context.cookies() == []


def neutral_stub(view) -> None:
    """Answer for the neutral site locally: the test must not reach the network."""
    view.context.route(
        NEUTRAL + "**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<title>neutral</title>"
        ),
    )
    view.context.route(
        "https://before.test/**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<title>before</title>"
        ),
    )


@pytest.mark.parametrize("theme", ["with theme script", "without theme script"])
@pytest.mark.parametrize("how", ["button", "escape twice", "keyboard"])
def test_quick_exit_leaves_the_site_out_of_the_back_history(served_site, visit, how, theme):
    view = visit()
    neutral_stub(view)
    if theme == "without theme script":  # reader safety must not wait for the theme's script
        without_theme_script(view.context)
    view.tab.goto("https://before.test/")
    entries_before = view.tab.evaluate("history.length")
    view.tab.goto(served_site)
    view.tab.click("article a[href='dependence/']")  # move within the site first
    view.tab.wait_for_url("**/dependence/")
    view.tab.click("article a[href='../help/']") if view.tab.query_selector(
        "article a[href='../help/']"
    ) else view.tab.click(".kb-help-now")
    view.tab.wait_for_url("**/help/")
    if how == "button":
        view.tab.click("[data-kb-exit]")
    elif how == "escape twice":
        view.tab.keyboard.press("Escape")
        view.tab.keyboard.press("Escape")
    else:
        for _ in range(10):
            view.tab.keyboard.press("Tab")
            if view.tab.evaluate("document.activeElement.hasAttribute('data-kb-exit')"):
                break
        view.tab.keyboard.press("Enter")
    view.tab.wait_for_url(NEUTRAL)
    # One entry was added in all (the visit, replaced page by page, then by the neutral page)...
    assert view.tab.evaluate("history.length") == entries_before + 1
    # ...so Back skips this site entirely.
    view.tab.go_back()
    assert view.tab.url == "https://before.test/"


# One page of each kind in each language: the home page, a situation, a knowledge page, the
# glossary. Every page's link targets are checked in the built HTML
# (tests/test_site.py); here a reader clicks them, which works alike on pages of one kind.
CLICKED = ["", "situations/child/", "dependence/types/", "glossary/"]
CLICKED += ["id/" + url for url in CLICKED]


@pytest.mark.parametrize("url", CLICKED)
def test_help_link_and_language_switcher_lead_to_the_right_pages(served_site, visit, url):
    """The help link opens the guided path in the page's language, and the language switcher
    opens the page's twin."""
    tab = visit().tab
    tab.goto(served_site + url)
    lang = tab.get_attribute("html", "lang")
    link = tab.locator(".kb-help-now")
    assert link.is_visible()
    link.click()
    tab.wait_for_url(re.compile(r".*/situations/$"))
    assert tab.url == served_site + ("" if lang == "pl" else f"{lang}/") + "situations/"
    assert tab.get_attribute("html", "lang") == lang

    tab.goto(served_site + url)
    other = next(code for code in LANGUAGES if code != lang)
    twin = url.removeprefix("id/") if lang == "id" else f"id/{url}"
    tab.hover(".md-header__option .md-select")
    tab.click(f".md-select__link[hreflang='{other}']")
    tab.wait_for_url(served_site + twin)
    assert tab.get_attribute("html", "lang") == other


@pytest.mark.parametrize("lang", LANGUAGES)
def test_help_page_prints_as_one_clean_sheet(served_site, visit, lang):
    tab = visit().tab
    tab.goto(served_site + ("" if lang == "pl" else "id/") + "help/")
    tab.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".kb-exit", ".md-banner"):
        assert not tab.locator(hidden).first.is_visible(), hidden
    # Phone numbers are their own link text; other link targets are written out after the link.
    phones = tab.eval_on_selector_all(
        'article a[href^="tel:"]',
        "links => links.filter(a => a.offsetParent).map(a => [a.href, a.textContent])",
    )
    assert len(phones) >= 5
    assert all(href == "tel:" + text.replace(" ", "") for href, text in phones)
    outside = tab.evaluate("""() => [...document.querySelectorAll('article a[href^="http"]')]
        .map(a => getComputedStyle(a, '::after').content)""")
    assert all("http" in content for content in outside)
    pdf = tab.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


@pytest.mark.parametrize("url", NOT_FOUND)
def test_not_found_page_leads_home_to_help_and_to_search(served_site, visit, url):
    tab = visit().tab
    tab.goto(served_site + url)
    lang = tab.get_attribute("html", "lang")
    home = served_site + ("" if lang == "pl" else f"{lang}/")
    hrefs = tab.eval_on_selector_all("article a", "links => links.map(a => a.href)")
    assert home in hrefs and f"{home}help/" in hrefs
    tab.click("[data-kb-search]")
    assert tab.evaluate("document.activeElement.matches('[data-md-component=search-query]')")

"""Contacts, laws, glossary: rendered from data/ into both languages; bad data stops the build."""

from __future__ import annotations

import re

import pytest

from scripts.content.data import load_data
from scripts.content.render import long_date
from scripts.project import LANGUAGES
from tests.conftest import run_build, snapshot

DATA = load_data()
PREFIX = {"pl": "", "id": "id/"}


def text_of(site, url: str) -> str:
    """The article's text as a reader sees it, whitespace collapsed."""
    return " ".join(site.soup(url).select_one("article").get_text().split())


def plain(markdown: str) -> str:
    """Data text as it reads once rendered: without emphasis marks, {attribute} lists and link
    targets."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", re.sub(r"\{[^}]*\}", "", markdown))
    return " ".join(text.replace("*", "").split())


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("contact", DATA["contacts"], ids=lambda c: c["id"])
def test_every_contact_is_on_the_help_page_with_purpose_and_last_checked(site, lang, contact):
    soup = site.soup(PREFIX[lang] + "help/")
    text = text_of(site, PREFIX[lang] + "help/")
    digits = contact["number"].replace(" ", "")
    assert soup.select_one(f'a[href="tel:{digits}"]'), contact["id"]
    assert plain(contact["purpose"][lang]) in text
    assert long_date(contact["checked"], lang) in text
    assert contact["source"] in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_emergency_box_comes_from_the_contacts(site, lang):
    box = site.soup(PREFIX[lang]).select_one(".admonition.danger")
    numbers = {a["href"] for a in box.select('a[href^="tel:"]')}
    expected = {
        "tel:" + c["number"].replace(" ", "")
        for c in DATA["contacts"]
        if c.get("emergency") or c.get("helpline")
    }
    assert numbers == expected


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("law", DATA["laws"], ids=lambda law: law["id"])
def test_every_law_and_article_is_on_the_law_page(site, lang, law):
    soup = site.soup(PREFIX[lang] + "law/")
    heading = soup.find(id=law["id"])
    assert heading and str(law["year"]) in heading.get_text()
    text = text_of(site, PREFIX[lang] + "law/")
    assert law["name"] in text
    assert plain(law["summary"][lang]) in text
    for article in law.get("articles") or []:
        assert plain(f"{article['ref']}: {article['summary'][lang]}") in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_lists_every_term_in_both_languages(site, lang):
    text = text_of(site, PREFIX[lang] + "glossary/")
    for term in DATA["glossary"]:
        assert term["pl"]["term"] in text and term["id"]["term"] in text
        assert plain(term[lang]["meaning"]) in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_terms_show_their_meaning_in_place_in_the_page_language(site, lang):
    meanings = {t[lang]["meaning"] for t in DATA["glossary"]}
    other = {t["id" if lang == "pl" else "pl"]["meaning"] for t in DATA["glossary"]}
    tooltips = site.soup(PREFIX[lang] + "rehabilitation/").select("abbr[title]")
    assert len(tooltips) >= 5
    for abbr in tooltips:
        assert abbr["title"] in meanings and abbr["title"] not in other


# The facts of the Indonesian source text and facts.md, as they must read on both languages.
FACTS = {
    "rehabilitation/": {
        "pl": [
            r"2415",
            r"asesmen",
            r"rawat jalan",
            r"terapi rumatan",
            r"dialog motywujący",
            r"zapobieganie nawrotom",
        ],
        "id": [
            r"2415",
            r"asesmen",
            r"rawat jalan",
            r"terapi rumatan",
            r"wawancara motivasional",
            r"pencegahan (ke)?kambuh",
        ],
    },
    "law/": {
        "pl": [
            r"Pasal 54",
            r"Pasal 128",
            r"PP 25/2011",
            r"Tim Asesmen Terpadu",
            r"4/2020",
            r"2026",
        ],
        "id": [
            r"Pasal 54",
            r"Pasal 128",
            r"PP 25/2011",
            r"Tim Asesmen Terpadu",
            r"4/2020",
            r"2026",
        ],
    },
    "help/": {
        "pl": [
            r"zaprzecza",
            r"184",
            r"IPWL",
            r"800 199 990",
            r"bez skierowania|nie potrzeba .*skierowania",
            r"NFZ",
        ],
        "id": [
            r"menyangkal",
            r"184",
            r"IPWL",
            r"800 199 990",
            r"tanpa (surat )?rujukan|tidak perlu surat rujukan",
            r"NFZ",
        ],
    },
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("url", sorted(FACTS))
def test_facts_are_told_in_both_languages(site, lang, url):
    text = text_of(site, PREFIX[lang] + url)
    for fact in FACTS[url][lang]:
        assert re.search(fact, text, re.IGNORECASE), f"{lang}/{url}: {fact}"


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# name: (file, text to replace, replacement, words the error must contain)
BAD_DATA = {
    "missing language field": (
        "contacts.yml",
        "      id: Nomor darurat Polandia\n",
        "",
        ["data/contacts.yml", "entry 'pl-112'", "name", "'id'"],
    ),
    "unknown key": (
        "laws.yml",
        "    short:",
        "    shortname: x\n    short:",
        ["data/laws.yml", "unknown key 'shortname'"],
    ),
    "malformed date": (
        "contacts.yml",
        "checked: 2026-11-22",
        "checked: 22.11.2026",
        ["data/contacts.yml", "entry 'pl-112'", "checked", "YYYY-MM-DD"],
    ),
    "contact without last checked": (
        "contacts.yml",
        "    checked: 2026-11-22\n",
        "",
        ["data/contacts.yml", "entry 'pl-112'", "checked", "missing"],
    ),
    "contact without source": (
        "contacts.yml",
        "    source: policja.pl\n",
        "",
        ["data/contacts.yml", "entry 'pl-112'", "source", "missing"],
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_DATA))
def test_bad_data_stops_the_build_naming_file_and_entry(project_copy, case):
    project = project_copy()
    name, old, new, expected = BAD_DATA[case]
    edit(project / "data" / name, old, new)
    before = snapshot(project / "data")
    result = run_build(project)
    message = result.stdout + result.stderr
    assert result.returncode != 0
    for words in expected:
        assert words in message, message
    assert snapshot(project / "data") == before
    assert not (project / "site").exists()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_is_one_table_with_a_row_per_term(site, lang):
    tables = site.soup(PREFIX[lang] + "glossary/").select("article table")
    assert len(tables) == 1
    rows = tables[0].select("tbody tr")
    assert len(rows) == len(DATA["glossary"])
    assert all(len(row.find_all("td")) == 3 for row in rows)
    assert {row.td.em["id"] for row in rows} == {term["key"] for term in DATA["glossary"]}
    # The reader's language first, the other second; a name used as is in both languages is
    # marked with its own language in both columns, so a screen reader pronounces it right.
    other = next(code for code in LANGUAGES if code != lang)
    for row in rows:
        first, second = (cell.em for cell in row.find_all("td")[:2])
        assert first["lang"] == BORROWED.get(first.get_text(), lang)
        assert second["lang"] == BORROWED.get(second.get_text(), other)


# Written out here: the glossary's names that stay as they are in both languages.
BORROWED = {
    **dict.fromkeys(
        ["narkoba", "NAPZA", "narkotika", "pecandu", "wajib lapor", "IPWL", "puskesmas"], "id"
    ),
    **dict.fromkeys(["kartu lapor diri", "TAT", "BNN"], "id"),
    "KCPU": "pl",
}


# The reader's country first, its emergency number and helpline at the top (issue: "numbers
# where the eye lands"): written out here, not derived from the data's order.
BOX_ORDER = {
    "pl": ["112", "800199990", "119", "184", "112"],
    "id": ["119", "184", "112", "112", "800199990"],
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_emergency_box_lists_each_number_as_its_own_item_reader_country_first(site, lang):
    items = site.soup(PREFIX[lang]).select(".admonition.danger li")
    assert [item.a["href"] for item in items] == [f"tel:{n}" for n in BOX_ORDER[lang]]

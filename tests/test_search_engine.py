"""The search engine's JavaScript in Node, on small hand-made indexes: whole questions, stop words,
Unicode normalisation, synonym phrases. And the stop-word lists: the copy the build ships equals
the npm package pinned in package-lock.json."""

from __future__ import annotations

import json
import subprocess
import unicodedata
from pathlib import Path

import pytest

from scripts.plugin.search import stemmers, stopwords

ROOT = Path(__file__).resolve().parent.parent
RUNNER = ROOT / "tests/search/engine_queries.js"


@pytest.fixture(scope="module")
def engine_js(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("engine") / "engine.js"
    engine = (ROOT / "scripts/plugin/search/engine.js").read_text(encoding="utf-8")
    path.write_text(stemmers.javascript() + engine, encoding="utf-8")
    return path


def search(engine_js: Path, tmp_path: Path, lang: str, docs: dict, queries: list[str], **extra):
    """Pages found for each query, best first. `docs`: location -> (title, text)."""
    index = {
        "lang": lang,
        "docs": [[location, title, text] for location, (title, text) in docs.items()],
        "synonyms": extra.get("synonyms", []),
        "stop": extra.get("stop", stopwords.stop_words(lang)),
    }
    index_path = tmp_path / f"{lang}.json"
    index_path.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run(
        ["node", str(RUNNER), str(engine_js), str(index_path)],
        input="\n".join(queries),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [json.loads(line)["pages"] for line in out.splitlines()]


POLISH = {
    "prison/": ("Więzienie", "Czy za narkotyki w Indonezji grozi więzienie? Zależy od sprawy."),
    "chat/": ("Rozmowa", "Czy się da? Czy się uda? Czy to się uda, czy nie?"),
    "clinic/": ("Poradnia", "Poradnia leczenia uzależnień przyjmuje bez skierowania."),
}


def test_stop_words_never_count_as_matches(engine_js, tmp_path):
    [found] = search(engine_js, tmp_path, "pl", POLISH, ["czy się mój syn pójdzie do więzienia"])
    assert found[0] == "prison/"
    assert "chat/" not in found, "a page of stop words is not an answer"


def test_no_word_of_a_long_question_is_dropped(engine_js, tmp_path):
    docs = {
        "indonesia/": ("Indonezja", "Więzienie w Indonezji: co mówi prawo."),
        "poland/": ("Polska", "Więzienie w Polsce: co mówi prawo."),
    }
    question = "mój syn bierze od roku i boję się że pójdzie do więzienia w Indonezji"
    assert len(question.split()) > 8
    [found] = search(engine_js, tmp_path, "pl", docs, [question])
    assert found[0] == "indonesia/", "the last words still rank the pages"


def test_a_question_made_only_of_stop_words_is_searched_as_typed(engine_js, tmp_path):
    [found] = search(engine_js, tmp_path, "pl", POLISH, ["czy się uda"])
    assert found and found[0] == "chat/"


def test_decomposed_letters_find_what_composed_ones_find(engine_js, tmp_path):
    composed = "uzależnień"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    found = search(engine_js, tmp_path, "pl", POLISH, [composed, decomposed])
    assert found[0] == found[1] == ["clinic/"]


def test_the_longest_synonym_phrase_wins(engine_js, tmp_path):
    docs = {
        "law/": ("Hukum", "Pecandu tidak dituntut pidana."),
        "glossary/": ("Glosarium", "Termasuk juga rumah sakit dan puskesmas."),
    }
    synonyms = [["penjara", "masuk penjara", "pidana"]]
    query = ["apakah berarti masuk penjara"]
    [found] = search(engine_js, tmp_path, "id", docs, query, synonyms=synonyms)
    assert found[0] == "law/"


def test_the_shipped_stop_words_are_the_pinned_packages_lists():
    shipped = json.loads(stopwords.LISTS.read_text(encoding="utf-8"))
    package = stopwords.package_lists()
    assert shipped["pl"] == package["pl"] and shipped["id"] == package["id"]
    version = json.loads((ROOT / "node_modules/stopword/package.json").read_text())["version"]
    assert version in shipped["source"]

"""The browser's stemmers (Snowball translated to JavaScript at build time) against the Python
reference they were translated from, on every word of the site and generated word forms: index
and query are only stemmed alike if the two agree on every word."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess

import pytest

from scripts.plugin.search import stemmers
from scripts.project import DATA_DIR, DOCS_DIR, LANGUAGES

WORD = re.compile(r"[^\W\d_]+")
# Endings and affixes the Snowball rules handle, to reach forms the site's text does not contain.
POLISH_ENDINGS = (
    "", "a", "e", "i", "y", "ą", "ę", "o", "u", "em", "om", "ami", "ach", "ów", "ego", "emu",
    "ym", "ymi", "ych", "ej", "ość", "ości", "ania", "aniem", "anie", "owy", "owa", "owe",
    "owej", "owych", "ować", "uje", "ują", "ał", "ała", "ało", "ili", "iej", "ie", "cie",
)  # fmt: skip
INDONESIAN_PREFIXES = ("", "me", "mem", "men", "meng", "meny", "ber", "di", "ke", "pe", "pem",
                       "pen", "peng", "per", "ter", "se")  # fmt: skip
INDONESIAN_SUFFIXES = ("", "kan", "an", "i", "nya", "lah", "kah", "pun", "ku", "mu")

RUN = """
const lines = require("fs").readFileSync(0, "utf8");
const words = JSON.parse(lines);
%s
process.stdout.write(JSON.stringify(Object.fromEntries(
  Object.entries(words).map(([lang, list]) => [lang, list.map(w => kbStemmers[lang](w))]))));
"""


def site_words(lang: str) -> set[str]:
    texts = [p.read_text(encoding="utf-8") for p in (DOCS_DIR / lang).rglob("*.md")]
    texts += [p.read_text(encoding="utf-8") for p in DATA_DIR.glob("*.yml")]
    return {w.lower() for text in texts for w in WORD.findall(text) if len(w) > 1}


def generated_forms(lang: str, words: set[str]) -> set[str]:
    roots = sorted({w[:-2] if len(w) > 6 else w for w in words})
    if lang == "pl":
        return {root + ending for root in roots for ending in POLISH_ENDINGS}
    return {
        prefix + root + suffix
        for root, prefix, suffix in itertools.product(
            roots, INDONESIAN_PREFIXES, INDONESIAN_SUFFIXES
        )
    }


@pytest.fixture(scope="module")
def vocabulary() -> dict[str, list[str]]:
    found = {}
    for lang in LANGUAGES:
        words = site_words(lang)
        found[lang] = sorted(words | generated_forms(lang, words))
    return found


def test_javascript_stemmers_agree_with_snowballstemmer_on_every_word(vocabulary):
    node = shutil.which("node") or shutil.which("nodejs")
    assert node, "node is required: apt-get install nodejs"
    result = subprocess.run(
        [node, "-e", RUN % stemmers.javascript()],
        input=json.dumps(vocabulary),
        capture_output=True,
        text=True,
        check=True,
    )
    browser = json.loads(result.stdout)
    for lang, words in vocabulary.items():
        assert len(words) > 10_000, lang  # the comparison must cover many forms, not a sample
        reference = [stemmers.stem(lang, w) for w in words]
        differ = [
            (w, python, js)
            for w, python, js in zip(words, reference, browser[lang], strict=True)
            if python != js
        ]
        assert differ == [], f"{lang}: {len(differ)} words stem differently, e.g. {differ[:5]}"

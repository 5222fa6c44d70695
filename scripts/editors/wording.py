"""Wording the style guide (STYLE.md) forbids: phrasings that say more than the law, advice
without a source, remarks to the reader about "the source text", calques. The list is data
(data/wording.yml) that editors extend; `make check` reports each hit as path:line.
"""

from __future__ import annotations

from pathlib import Path

from scripts.content.editorfiles import load_yaml, read_text
from scripts.content.pages import Page
from scripts.problems import Problem
from scripts.project import DATA_DIR, LANGUAGES, relative

WORDING_FILE = DATA_DIR / "wording.yml"
KNOWN_KEYS = {"phrase", "lang", "unless", "why", "fix"}


def load_rules(path: Path = WORDING_FILE) -> tuple[list[dict], list[Problem]]:
    shown = relative(path)
    if not path.exists():
        return [], []
    text, problem = read_text(path)
    document, problem = (None, problem) if problem else load_yaml(text, shown)
    if problem:
        return [], [problem]
    rules, problems = [], []
    for number, rule in enumerate((document or {}).get("forbidden") or [], start=1):
        if not isinstance(rule, dict) or not {"phrase", "lang", "fix"} <= rule.keys():
            fix = "give it 'phrase:', 'lang:' (pl or id), 'why:' and 'fix:'"
            problems.append(Problem(shown, None, f"rule {number} is incomplete", fix))
        elif rule["lang"] not in LANGUAGES or set(rule) - KNOWN_KEYS:
            fix = f"use lang: {' or '.join(LANGUAGES)} and only the keys {sorted(KNOWN_KEYS)}"
            problems.append(Problem(shown, None, f"rule {number} ('{rule['phrase']}')", fix))
        else:
            rules.append(rule)
    return rules, problems


def _exempt(rule: dict, lowered: str) -> bool:
    unless = rule.get("unless") or []
    return any(
        str(words).casefold() in lowered for words in ([unless], unless)[isinstance(unless, list)]
    )


def _hits(rules: list[dict], lang: str, line: str) -> list[dict]:
    lowered = line.casefold()
    return [
        rule
        for rule in rules
        if rule["lang"] == lang
        and str(rule["phrase"]).casefold() in lowered
        and not _exempt(rule, lowered)
    ]


def _problem(path: str, number: int, rule: dict) -> Problem:
    why = f" ({rule['why']})" if rule.get("why") else ""
    return Problem(path, number, f"'{rule['phrase']}' must not appear{why}", rule["fix"])


def check_pages(pages: list[Page], rules: list[dict]) -> list[Problem]:
    problems = []
    for page in pages:
        lines = page.text.split("\n")
        for number, line in enumerate(lines, start=1):
            problems += [_problem(page.name, number, r) for r in _hits(rules, page.lang, line)]
    return problems


def _texts(node, lang: str | None = None):
    """(language, text) of every text in a data file: the values under `pl:` and `id:` keys,
    written as a line, an inline mapping (`{term: …, meaning: …}`) or a list (aliases)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _texts(value, key if key in LANGUAGES else lang)
    elif isinstance(node, list):
        for value in node:
            yield from _texts(value, lang)
    elif isinstance(node, str) and lang:
        yield lang, node


def check_data_texts(data_dir: Path, rules: list[dict]) -> list[Problem]:
    problems = []
    for path in sorted(data_dir.glob("*.yml")):
        if path.name == WORDING_FILE.name:
            continue
        raw, unreadable = read_text(path)
        document, problem = (None, unreadable) if unreadable else load_yaml(raw, relative(path))
        if problem:
            continue  # reported by the data checks
        lines = raw.casefold().split("\n")
        for lang, text in _texts(document):
            for rule in _hits(rules, lang, text):
                phrase = str(rule["phrase"]).casefold()
                line = next((n for n, ln in enumerate(lines, 1) if phrase in ln), None)
                problems.append(_problem(relative(path), line, rule))
    return problems


def check_wording(pages: list[Page], data_dir: Path = DATA_DIR) -> list[Problem]:
    rules, problems = load_rules(data_dir / WORDING_FILE.name)
    return problems + check_pages(pages, rules) + check_data_texts(data_dir, rules)

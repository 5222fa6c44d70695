"""The data files (contacts, laws, glossary): schemas, loading and validation.

Each text a reader sees is a mapping with one field per language ("translated text"), so a
maintainer changes a number or a summary in one place and both languages follow.
"""

from __future__ import annotations

from pathlib import Path

from scripts.content.editorfiles import load_yaml, read_text
from scripts.content.schema import item_schema, validate
from scripts.problems import ContentError, Problem
from scripts.project import DATA_DIR, LANGUAGES, relative

# file stem -> (top-level key, key naming an entry);
# the rules: scripts/content/schemas/<stem>.schema.json
FILES = {
    "contacts": ("contacts", "id"),
    "laws": ("laws", "id"),
    "glossary": ("terms", "key"),
    "synonyms": ("synonyms", "key"),
}


def line_of(text: str, name_key: str, name: object) -> int | None:
    """The line of a data file where the entry named `name` starts."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().lstrip("- ").strip() == f"{name_key}: {name}":
            return number
    return None


def load_file(path: Path, stem: str) -> tuple[list[dict], list[Problem]]:
    top, name_key = FILES[stem]
    rules = item_schema(stem, top)
    shown = relative(path)
    text, unreadable = read_text(path)
    if unreadable:
        return [], [unreadable]
    document, problem = load_yaml(text, shown)
    if problem:
        return [], [problem]
    if not isinstance(document, dict) or not isinstance(document.get(top), list):
        return [], [
            Problem(
                shown,
                1,
                f"the file has no '{top}:' list",
                f"start the file with '{top}:' and list the entries under it",
            )
        ]
    entries, problems, seen = document[top], [], set()
    for number, entry in enumerate(entries, start=1):
        name = entry.get(name_key) if isinstance(entry, dict) else None
        label = f"entry '{name}'" if name else f"entry {number}"
        line = line_of(text, name_key, name) if name else None
        for finding in validate(entry, rules, label):
            problems.append(Problem(shown, line, finding.what, finding.fix))
        if name in seen:
            problems.append(
                Problem(
                    shown, line, f"{label} appears twice", f"give each entry its own '{name_key}'"
                )
            )
        seen.add(name)
    return entries, problems


def check_data(data_dir: Path = DATA_DIR) -> tuple[dict[str, list[dict]], list[Problem]]:
    data, problems = {}, []
    for stem in FILES:
        path = data_dir / f"{stem}.yml"
        if not path.exists():
            problems.append(
                Problem(
                    relative(path),
                    None,
                    "the data file is missing",
                    f"restore data/{stem}.yml from git",
                )
            )
            continue
        data[stem], found = load_file(path, stem)
        problems += found
    if "glossary" in data:
        problems += glossary_name_problems(data["glossary"], data_dir / "glossary.yml")
    return data, problems


def glossary_name_problems(terms: list[dict], path: Path) -> list[Problem]:
    """A term or alias under two keys: its tooltip would silently take one of the meanings."""
    owner, problems = {}, []
    text = read_text(path)[0] or ""
    for term in terms:
        if not isinstance(term, dict):
            continue
        names = [
            term.get(lang, {}).get("term") for lang in LANGUAGES if isinstance(term.get(lang), dict)
        ]
        for aliases in (term.get("aliases") or {}).values():
            names += aliases or []
        for name in {n.casefold(): n for n in names if isinstance(n, str)}.values():
            first = owner.setdefault(name.casefold(), term.get("key"))
            if first != term.get("key"):
                line = line_of(text, "key", term.get("key"))
                what = f"'{name}' is a term of both '{first}' and '{term.get('key')}'"
                problems.append(Problem(relative(path), line, what, "keep it under one key only"))
    return problems


def load_data(data_dir: Path = DATA_DIR) -> dict[str, list[dict]]:
    data, problems = check_data(data_dir)
    if problems:
        raise ContentError(problems)
    return data

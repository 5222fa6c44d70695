"""Schemas for YAML (data files and page front matter) and the messages their checks give.

A schema maps each key to (kind, required). A kind is one of the names below, a nested schema
(a mapping), or a one-item list holding the schema of each list item. Unknown keys are errors.
"""

from __future__ import annotations

import datetime

from scripts.project import LANGUAGES

TEXT, STR, DATE, INT, BOOL, STR_LIST = "text", "str", "date", "int", "bool", "str_list"

HOW = {
    TEXT: "give it one line per language: " + ", ".join(f"'{lang}: ...'" for lang in LANGUAGES),
    STR: "write it as text",
    DATE: "write it as YYYY-MM-DD, e.g. 2026-11-22",
    INT: "write it as a whole number",
    BOOL: "write true or false",
    STR_LIST: "write it as a list, e.g. [a, b]",
}


def _is(kind: str, value: object) -> bool:
    if kind == TEXT:
        return (
            isinstance(value, dict)
            and set(value) == set(LANGUAGES)
            and all(isinstance(v, str) and v.strip() for v in value.values())
        )
    return {
        STR: lambda v: isinstance(v, str) and v.strip() != "",
        DATE: lambda v: isinstance(v, datetime.date),
        INT: lambda v: isinstance(v, int) and not isinstance(v, bool),
        BOOL: lambda v: isinstance(v, bool),
        STR_LIST: lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    }[kind](value)


def validate(entry: object, schema: dict, where: str) -> list[str]:
    """Messages 'where.key: what is wrong — how to fix it' for one mapping."""
    if not isinstance(entry, dict):
        return [f"{where}: is not a mapping of 'key: value' lines — indent its fields under it"]
    errors = [
        f"{where + ': ' if where else ''}unknown key '{key}' — remove it or use one of: "
        f"{', '.join(schema)}"
        for key in entry
        if key not in schema
    ]
    for key, (kind, required) in schema.items():
        here = f"{where}.{key}" if where else key
        if key not in entry or entry[key] is None:
            if required:
                how = HOW[kind] if isinstance(kind, str) else "see the other entries"
                errors.append(f"{here}: is missing — add it ({how})")
            continue
        value = entry[key]
        if isinstance(kind, dict):
            errors += validate(value, kind, here)
        elif isinstance(kind, list):
            if not isinstance(value, list):
                errors.append(f"{here}: should be a list — start each item with '- '")
            else:
                for i, item in enumerate(value, start=1):
                    errors += validate(item, kind[0], f"{here}[{i}]")
        elif kind == TEXT and isinstance(value, dict):
            errors += [
                f"{here}: has no '{lang}' text — add '{lang}: ...' under {key}"
                for lang in LANGUAGES
                if not (isinstance(value.get(lang), str) and value[lang].strip())
            ] + [
                f"{here}: unknown language '{k}' — use only {', '.join(LANGUAGES)}"
                for k in value
                if k not in LANGUAGES
            ]
        elif kind == STR and isinstance(value, int | float) and not isinstance(value, bool):
            errors.append(f'{here}: {value} is read as a number — put it in quotes: "{value}"')
        elif not _is(kind, value):
            errors.append(f"{here}: '{value}' is not valid — {HOW[kind]}")
    return errors

"""The rules for YAML that editors write (page front matter, data files) are JSON Schema files in
scripts/content/schemas/, which editors' tools read too (VS Code's YAML extension,
.vscode/settings.json).
This module validates with them (the `jsonschema` package) and turns each error into the
project's message: `where.key: what is wrong — how to fix it`, the fix taken from the schema's
`x-fix` where it has one.
"""

from __future__ import annotations

import datetime
import json
from functools import cache
from pathlib import Path
from typing import NamedTuple

import jsonschema

from scripts.project import LANGUAGES

SCHEMAS_DIR = Path(__file__).with_name("schemas")
KIND_NAMES = {
    "string": "text",
    "array": "a list",
    "object": "a group of 'key: value' lines",
    "boolean": "true or false",
    "integer": "a whole number",
}


@cache
def schema(name: str) -> dict:
    """A schema file of scripts/content/schemas/ (e.g. 'contacts', 'front-matter')."""
    return json.loads((SCHEMAS_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def item_schema(name: str, top: str) -> dict:
    """The schema of one entry of a data file's list, with the definitions it refers to."""
    root = schema(name)
    return {"$defs": root.get("$defs", {}), **root["properties"][top]["items"]}


def as_json(value: object) -> object:
    """YAML's dates as the text an editor wrote (the schemas describe YAML as written)."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _resolve(part: object, root: dict) -> dict:
    """A (sub)schema with a $ref to a definition replaced by that definition."""
    part = part if isinstance(part, dict) else {}
    if "$ref" in part:
        target = root.get("$defs", {}).get(part["$ref"].rsplit("/", 1)[-1], {})
        return {**target, **{k: v for k, v in part.items() if k != "$ref"}}
    return part


def _fix(part: dict, fallback: str) -> str:
    return part.get("x-fix") or fallback


class Finding(NamedTuple):
    """One rule broken: the top-level key it concerns (for the line), what, and how to fix it."""

    key: str | None
    what: str
    fix: str
    missing: bool = False


def _findings(error: jsonschema.ValidationError, root: dict, where: str) -> list[Finding]:
    path = [f"[{p + 1}]" if isinstance(p, int) else str(p) for p in error.absolute_path]
    top = path[0] if path else None
    here = (where + "".join(p if p.startswith("[") else f".{p}" for p in path)).lstrip(".")
    prefix = f"{here}: " if here else ""
    part, value = _resolve(error.schema, root), error.instance
    if error.validator == "required":
        missing = [key for key in error.validator_value if key not in value]
        if part.get("x-kind") == "text":
            name = here.split(".")[-1]
            return [
                Finding(top, f"{here}: has no '{key}' text", f"add '{key}: ...' under {name}")
                for key in missing
            ]
        properties = part.get("properties", {})
        return [
            Finding(
                top or key,
                f"{here + '.' if here else ''}{key}: is missing",
                _fix(_resolve(properties.get(key), root), "see the other entries"),
                missing=True,
            )
            for key in missing
        ]
    if error.validator == "additionalProperties":
        allowed = list(part.get("properties", {}))
        extra = [key for key in value if key not in allowed]
        if part.get("x-kind") == "text":
            use = f"use only {', '.join(LANGUAGES)}"
            return [Finding(top, f"{here}: unknown language '{key}'", use) for key in extra]
        use = f"remove it or use one of: {', '.join(allowed)}"
        return [Finding(top or key, f"{prefix}unknown key '{key}'", use) for key in extra]
    if error.validator == "type":
        expected = error.validator_value
        if isinstance(value, int | float) and not isinstance(value, bool) and expected == "string":
            return [
                Finding(top, f"{here}: {value} is read as a number", f'put it in quotes: "{value}"')
            ]
        if expected == "object":
            what = f"{here}: is not a mapping of 'key: value' lines"
            return [Finding(top, what, _fix(part, "indent its fields under it"))]
        kind = KIND_NAMES.get(expected, expected)
        return [Finding(top, f"{here}: '{value}' is not valid", _fix(part, f"write it as {kind}"))]
    if error.validator == "minLength":
        return [Finding(top, f"{here}: is empty", _fix(part, "write the text"))]
    if error.validator == "enum":
        options = ", ".join(str(option) for option in error.validator_value)
        return [Finding(top, f"{here}: '{value}' is not valid", f"use one of: {options}")]
    return [Finding(top, f"{here}: '{value}' is not valid", _fix(part, error.message))]


def validate(entry: object, rules: dict, where: str) -> list[Finding]:
    """What is wrong with one entry (or a page's front matter), in the editor's terms."""
    if not isinstance(entry, dict):
        return [
            Finding(
                None,
                f"{where}: is not a mapping of 'key: value' lines",
                "indent its fields under it",
            )
        ]
    validator = jsonschema.Draft202012Validator(rules)
    errors = sorted(
        validator.iter_errors(as_json(entry)), key=lambda e: list(map(str, e.absolute_path))
    )
    return [finding for error in errors for finding in _findings(error, rules, where)]

"""The JSON Schemas in scripts/content/schemas/ are the rules of the data files and the front
matter:
`make check` reports by them, and VS Code's YAML extension reads the same files while typing."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.conftest import ROOT

SCHEMAS = ROOT / "scripts/content/schemas"
DATA_FILES = ["contacts", "laws", "glossary", "synonyms"]


def as_typed(path: Path) -> object:
    """A data file as an editor's YAML extension sees it: dates stay text."""

    class Plain(yaml.SafeLoader):
        pass

    Plain.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: node.value)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Plain)


@pytest.mark.parametrize("name", DATA_FILES)
def test_each_data_file_is_valid_by_its_schema_as_an_editor_reads_it(name):
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(as_typed(ROOT / f"data/{name}.yml"), schema)


def test_vs_code_maps_every_data_file_to_its_schema():
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapped = {target: source for source, target in settings["yaml.schemas"].items()}
    for name in DATA_FILES:
        assert (ROOT / mapped[f"data/{name}.yml"]).resolve() == SCHEMAS / f"{name}.schema.json"
    assert "mkdocs-material/schema.json" in mapped["mkdocs.yml"]


def test_a_schema_rule_is_what_make_check_enforces(fixture_repo, tmp_path):
    """Change a rule in the schema only: make check follows it, with the schema's own fix."""
    from tests.conftest import run_scripts

    repo = fixture_repo()
    path = repo / "scripts/content/schemas/contacts.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    contact = schema["properties"]["contacts"]["items"]
    contact["required"].append("hours")
    contact["properties"]["hours"]["x-fix"] = "give the hours in both languages"
    path.write_text(json.dumps(schema), encoding="utf-8")
    edit_line = repo / "data/contacts.yml"
    text = edit_line.read_text(encoding="utf-8")
    edit_line.write_text(text.replace("    hours: {pl: całą dobę, id: 24 jam}\n", ""), "utf-8")
    result = run_scripts(repo, "check")
    assert result.returncode == 1
    assert (
        "data/contacts.yml:2: entry 'pl-112'.hours: is missing — give the hours in both languages"
        in result.stdout
    )

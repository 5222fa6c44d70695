"""Reading the files editors write (Markdown pages, data YAML) so that every mistake becomes a
Problem in the editor's own terms, with the line: a wrong encoding, a tab, an unclosed quote or
bracket, a key written twice, a date that does not exist. Never a traceback.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from pathlib import Path

import yaml

from scripts.problems import Problem
from scripts.project import relative

BOM = "\ufeff"
MONTHS = (
    "January February March April May June July August September October November December"
).split()


def read_text(path: Path) -> tuple[str | None, Problem | None]:
    """The file's text. A UTF-8 byte-order mark (Notepad adds one) is accepted and dropped.
    Each file is read once while it is unchanged: the checks, the build and the wording rules
    ask for the same files."""
    stat = path.stat()
    return _decoded(path.resolve(), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4096)
def _decoded(path: Path, mtime_ns: int, size: int) -> tuple[str | None, Problem | None]:
    data = path.read_bytes()
    try:
        return data.decode("utf-8").removeprefix(BOM), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        kind = "UTF-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "another encoding"
        fix = "save the file as UTF-8 (in most editors: Save as… → Encoding: UTF-8)"
        return None, Problem(relative(path), line, f"the file is saved as {kind}, not UTF-8", fix)


class DuplicateKey(yaml.constructor.ConstructorError):
    pass


class ImpossibleDate(yaml.constructor.ConstructorError):
    pass


def _date_problem(text: str) -> str:
    year, month, day = (int(part) for part in text.split("-")[:3])
    if not 1 <= month <= 12:
        return f"'{text}' is not a date: there is no month {month}"
    return f"'{text}' is not a date: {MONTHS[month - 1]} {year} has no day {day}"


class EditorLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The safe loader, but a key written twice and an impossible date are errors with a line,
    and tags such as mkdocs.yml's !ENV are read as plain values."""

    def construct_mapping(self, node, deep=False):
        seen = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, str | int | float | bool | datetime.date) and key in seen:
                error = DuplicateKey(None, None, f"'{key}' is written twice", key_node.start_mark)
                error.first_seen = seen[key]  # 0-based line within the YAML text
                raise error
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            raise ImpossibleDate(None, None, _date_problem(node.value), node.start_mark) from None


EditorLoader.add_constructor("tag:yaml.org,2002:timestamp", EditorLoader.construct_yaml_timestamp)
EditorLoader.add_constructor("tag:yaml.org,2002:map", EditorLoader.construct_yaml_map)
EditorLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def _tab_problem(text: str, shown: str, first_line: int) -> Problem | None:
    for number, line in enumerate(text.split("\n"), start=first_line):
        indent = re.match(r"[ \t]*", line).group()
        if "\t" in indent:
            column = indent.index("\t") + 1
            fix = f"replace the tab at column {column} with spaces"
            return Problem(shown, number, "the line is indented with a tab", fix)
    return None


UNCLOSED = (
    ("quoted scalar", "a quote opened on this line is never closed", "close it with the same mark"),
    ("flow sequence", "a '[' opened on this line is never closed", "add the closing ']'"),
    ("flow mapping", "a '{' opened on this line is never closed", "add the closing '}'"),
)


def _yaml_problem(error: yaml.YAMLError, shown: str, first_line: int) -> Problem:
    mark = getattr(error, "problem_mark", None)
    line = first_line + mark.line if mark else None
    if isinstance(error, DuplicateKey):
        what = f"{error.problem} (also on line {first_line + error.first_seen})"
        return Problem(shown, line, what, "keep one of the two lines and delete the other")
    if isinstance(error, ImpossibleDate):
        return Problem(shown, line, error.problem, "write a real date as YYYY-MM-DD")
    context, opened = str(getattr(error, "context", "") or ""), getattr(error, "context_mark", None)
    for words, what, fix in UNCLOSED:
        if words in context and opened:
            return Problem(shown, first_line + opened.line, what, fix)
    reason = getattr(error, "problem", None) or "it is not valid YAML"
    return Problem(
        shown,
        line,
        f"this is not valid YAML ({reason})",
        "write each entry as 'key: value'; put quotes around a value that contains ':' "
        "or starts with a special character",
    )


def load_yaml(text: str, shown: str, first_line: int = 1) -> tuple[object, Problem | None]:
    """Parse YAML written by an editor. `first_line`: the file line where `text` starts."""
    tab = _tab_problem(text, shown, first_line)
    if tab:
        return None, tab
    try:
        return yaml.load(text, Loader=EditorLoader), None
    except yaml.YAMLError as error:
        return None, _yaml_problem(error, shown, first_line)

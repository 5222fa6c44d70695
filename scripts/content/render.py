"""Render the data blocks (contacts, laws, glossary) into a page's Markdown with Jinja2.

A page calls them like `{{ contact("bnn-184") }}`; each expands to Markdown in the page's
language, from templates/*.md.j2 and the data files, so both languages show the same entry.
"""

from __future__ import annotations

import datetime
import re
from functools import cache

import jinja2
import yaml
from markupsafe import Markup

from scripts.plugin.search import stemmers
from scripts.project import ROOT

TEMPLATES_DIR = ROOT / "templates"


@cache
def labels() -> dict:
    return yaml.safe_load((TEMPLATES_DIR / "labels.yml").read_text(encoding="utf-8"))


def long_date(value: datetime.date, lang: str) -> str:
    """22 listopada 2026 / 22 November 2026, as the style guide writes dates."""
    return f"{value.day} {labels()[lang]['months'][value.month - 1]} {value.year}"


def environment() -> jinja2.Environment:
    # Jinja's default comment marker `{#` would swallow attr_list ids such as `{#emergency}`,
    # so comments get a marker nobody writes in Markdown.
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        undefined=jinja2.StrictUndefined,
        comment_start_string="<#--",
        comment_end_string="--#>",
        keep_trailing_newline=True,
        # A `{% for %}` line leaves no blank line behind: Markdown tables stay whole.
        trim_blocks=True,
        lstrip_blocks=True,
        # Data texts are text: `<`, `>`, `&` and quotes are escaped as they enter the Markdown
        # (Markdown's own marks, *emphasis* and [links](…), still work).
        autoescape=True,
        finalize=_no_function,
    )


def _no_function(value):
    """`{{ emergency_box }}` without brackets would print a Python function into the page."""
    if callable(value):
        name = getattr(value, "kb_name", "the data block")
        raise jinja2.TemplateRuntimeError(f"'{name}' has no brackets: write {{{{ {name}() }}}}")
    return value


# Polish letters with a diacritic come right after their base letter (ł after l, before m), as in
# a Polish dictionary; Indonesian uses the plain Latin alphabet.
_AFTER_BASE = str.maketrans(
    {
        "ą": "a~",
        "ć": "c~",
        "ę": "e~",
        "ł": "l~",
        "ń": "n~",
        "ó": "o~",
        "ś": "s~",
        "ź": "z~",
        "ż": "z~~",
    }
)


def collation_key(text: str) -> str:
    return text.casefold().translate(_AFTER_BASE)


def page_functions(env: jinja2.Environment, data: dict, lang: str, slug: str) -> dict:
    """The calls a page may make, bound to its language and its place in the site."""
    up = "../" * slug.count("/")
    env.filters["long_date"] = lambda value: long_date(value, lang)
    common = {
        "lang": lang,
        "t": labels()[lang],
        "sources_page": f"{up}sources.md",
        "help_page": f"{up}help/index.md",
    }
    contacts = {c["id"]: c for c in data["contacts"]}

    def render(template: str, **values) -> Markup:
        return Markup(env.get_template(template).render(**common, **values).strip("\n"))

    def contact(name: str) -> str:
        if name not in contacts:
            known = ", ".join(contacts)
            raise jinja2.TemplateRuntimeError(f"no contact '{name}' in data/contacts.yml ({known})")
        return render("contact.md.j2", c=contacts[name])

    functions = {
        "contact": contact,
        "emergency_box": lambda: render("emergency.md.j2", contacts=data["contacts"]),
        "contacts_table": lambda: render("contacts-table.md.j2", contacts=data["contacts"]),
        "laws_timeline": lambda: render(
            "laws.md.j2", laws=sorted(data["laws"], key=lambda law: law["year"])
        ),
        "glossary_table": lambda: render(
            "glossary.md.j2",
            terms=sorted(data["glossary"], key=lambda term: collation_key(term[lang]["term"])),
        ),
    }
    for name, function in functions.items():
        function.kb_name = name
    return functions


def abbreviations(data: dict, lang: str, text: str) -> str:
    """Markdown abbreviation lines: every glossary name (both languages) that occurs in `text`,
    explained in `lang`. Only those present: each definition costs Markdown a search of the
    whole page."""
    lines = []
    for term in data["glossary"]:
        names = [term["pl"]["term"], term["id"]["term"]]
        for aliases in (term.get("aliases") or {}).values():
            names += aliases or []
        meaning = term[lang]["meaning"].replace("\n", " ")
        lines += [f"*[{name}]: {meaning}" for name in dict.fromkeys(names) if name in text]
    return "\n".join(lines)


# A link to the glossary page without an anchor: [tolerancja](../glossary.md)
GLOSSARY_LINK = re.compile(r"\[([^\]]+)\]\(((?:\.\./)*glossary\.md)\)")


def _stems(text: str, lang: str) -> tuple[str, ...]:
    return tuple(stemmers.stem(lang, word) for word in re.findall(r"\w+", text.casefold()))


def glossary_key(data: dict, lang: str, text: str) -> str | None:
    """The glossary entry a link's text names, in any inflected form ('detoksykacji' is the
    term 'detoksykacja'), or None."""
    wanted = _stems(text, lang)
    for term in data["glossary"]:
        names = [term["pl"]["term"], term["id"]["term"], *(term.get("aliases") or {}).get(lang, [])]
        if any(_stems(name, lang) == wanted for name in names):
            return term["key"]
    return None


def glossary_anchors(markdown: str, data: dict, lang: str) -> str:
    """Links into the glossary land on the term they name, not at the top of the page."""

    def anchor(match: re.Match) -> str:
        key = glossary_key(data, lang, match[1])
        return f"[{match[1]}]({match[2]}#{key})" if key else match[0]

    return GLOSSARY_LINK.sub(anchor, markdown)


def render_page(markdown: str, data: dict, lang: str, slug: str, env: jinja2.Environment) -> str:
    body = markdown
    if "{{" in markdown or "{%" in markdown:  # most pages call no data block: skip Jinja
        body = env.from_string(markdown).render(**page_functions(env, data, lang, slug))
    if "glossary.md)" in body:
        body = glossary_anchors(body, data, lang)
    return f"{body}\n\n{abbreviations(data, lang, body)}\n"


def template_error_line(error: Exception) -> int | None:
    """The page line of a template error: syntax errors carry it; for errors while rendering,
    Jinja rewrites the traceback so that the page's own frame ('<template>') has it."""
    if getattr(error, "lineno", None):
        return error.lineno
    line, trace = None, error.__traceback__
    while trace:
        if trace.tb_frame.f_code.co_filename == "<template>":
            line = trace.tb_lineno
        trace = trace.tb_next
    return line


ABBREVIATION = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.S)


def first_mentions_only(html: str) -> str:
    """A glossary term explains itself where it first appears on a page (the style guide's
    rule); later mentions are plain text. Every mention used to carry the whole meaning, about
    a fifth of a long page's bytes."""
    seen: set[str] = set()

    def keep_first(match: re.Match) -> str:
        if match[1] in seen:
            return match[2]
        seen.add(match[1])
        return match[0]

    return ABBREVIATION.sub(keep_first, html)

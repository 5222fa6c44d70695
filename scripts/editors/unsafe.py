"""The unsafe-HTML check: the HTML inside a page's Markdown, read by a real HTML parser (tags over
several lines, entity-encoded URLs), and the targets of Markdown links. A page may not run code,
send a form, load another page or change the base of its links; the site's security policy would
block most of it on nginx, but not on every host.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# Elements a page may not contain, and what to call them in a message.
FORBIDDEN_TAGS = {
    "script": "a <script> tag",
    "iframe": "an <iframe>",
    "frame": "a <frame>",
    "object": "an <object>",
    "embed": "an <embed>",
    "form": "a <form>",
    "base": "a <base> tag",
    "meta": "a <meta> tag",
    "link": "a <link> tag",
    "style": "a <style> block",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}
UNSAFE_SCHEME = re.compile(r"^(javascript|vbscript|data):", re.I)
# Browsers ignore tabs, newlines and control characters inside a URL's scheme.
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20]")
MARKDOWN_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")


def unsafe_url(value: str) -> bool:
    return bool(UNSAFE_SCHEME.match(IGNORED_IN_SCHEME.sub("", html.unescape(value))))


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag in FORBIDDEN_TAGS:
            self.found.append((line, FORBIDDEN_TAGS[tag]))
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append((line, f"an inline event handler ({name}=)"))
            elif name in URL_ATTRIBUTES and unsafe_url(value):
                self.found.append((line, f"a {value.split(':')[0].strip().lower()}: URL"))
            elif name == "style" and "url(" in value.replace(" ", "").lower():
                self.found.append((line, "a style that loads a URL (url(…))"))
            elif name == "http-equiv":
                self.found.append((line, "an http-equiv instruction"))

    handle_startendtag = handle_starttag


def unsafe_parts(markdown: str) -> list[tuple[int, str]]:
    """(line within `markdown`, what) for each unsafe element, attribute or link target."""
    finder = _Finder()
    finder.feed(markdown)
    finder.close()
    found = list(finder.found)
    for number, line in enumerate(markdown.split("\n"), start=1):
        for target in MARKDOWN_TARGET.findall(line):
            if unsafe_url(target):
                found.append((number, f"a {target.split(':')[0].strip().lower()}: link"))
    return sorted(set(found))

"""MkDocs hook: make every page's hreflang alternates absolute URLs of its twins.

Material writes `<link rel="alternate" hreflang>` with the same relative links as the language
switcher. Search engines require absolute URLs there, while the switcher must stay relative so
that local previews keep working; so only the <head> links are rewritten, after rendering.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import urljoin

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

from scripts.project import DEFAULT_LANGUAGE  # noqa: E402

ALTERNATE = re.compile(r'<link rel="alternate" href="(?P<href>[^"]+)" hreflang="(?P<lang>[^"]+)">')


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str | None:
    if not config.site_url:
        return None
    here = urljoin(config.site_url, page.url)
    default_href = None

    def absolute(match: re.Match) -> str:
        nonlocal default_href
        href = urljoin(here, match["href"])
        if match["lang"] == DEFAULT_LANGUAGE:
            default_href = href
        return f'<link rel="alternate" href="{href}" hreflang="{match["lang"]}">'

    output = ALTERNATE.sub(absolute, output)
    if default_href:
        # x-default: readers whose language is neither get the Polish (default) twin.
        x_default = f'<link rel="alternate" href="{default_href}" hreflang="x-default">'
        output = output.replace("</head>", f"{x_default}\n</head>", 1)
    return output

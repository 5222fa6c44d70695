"""`make audit`: Lighthouse (mobile, default throttling) on each language's home page and longest
page, axe-core on every page in light and dark schemes, all served by nginx as in production.
Prints one table. A report, not a test: figures vary with the machine's load, so each page is
measured several times and the median is shown.
"""

from __future__ import annotations

import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from scripts.content.pages import find_pages, read_front_matter
from scripts.plugin import material
from scripts.project import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DOCS_DIR,
    LANGUAGES,
    ROOT,
    SITE_DIR,
)
from scripts.serving import build, serve

LIGHTHOUSE = ROOT / "node_modules/.bin/lighthouse"
AXE = ROOT / "node_modules/axe-core/axe.min.js"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
BUDGET = {"score": 100, "fcp_ms": 1200, "bytes": 70 * 1024}
RUNS = int(os.environ.get("AUDIT_RUNS", "3"))


def sampled_pages() -> list[str]:
    """Each language's home page and its longest page (by Markdown length); every page with
    AUDIT_PAGES=all (e.g. `AUDIT_PAGES=all AUDIT_RUNS=1 make audit` after adding pages)."""
    if os.environ.get("AUDIT_PAGES") == "all":
        return [page.url for page in find_pages(DOCS_DIR)]
    chosen = []
    for lang in LANGUAGES:
        pages = [p for p in find_pages(DOCS_DIR) if p.lang == lang]
        for page in pages:
            read_front_matter(page)
        longest = max(pages, key=lambda p: len(p.body))
        home = next(p for p in pages if p.slug == "index.md")
        chosen += [home.url, longest.url]
    return chosen


def lighthouse(url: str, attempts: int = 3) -> dict:
    # Lighthouse sometimes fails to record a trace on a busy machine and asks to be run again.
    for attempt in range(1, attempts + 1):
        with tempfile.NamedTemporaryFile(suffix=".json") as report:
            status = subprocess.call(
                [
                    str(LIGHTHOUSE),
                    url,
                    "--quiet",
                    f"--chrome-flags={CHROME_FLAGS}",
                    "--output=json",
                    f"--output-path={report.name}",
                ],
                env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
            )
            if status == 0:
                result = json.loads(Path(report.name).read_text(encoding="utf-8"))
                break
        if attempt == attempts:
            raise RuntimeError(f"Lighthouse failed {attempts} times on {url}")
    audits = result["audits"]
    host = urlsplit(url).netloc
    requests = audits["network-requests"]["details"]["items"]
    return {
        **{name: round(category["score"] * 100) for name, category in result["categories"].items()},
        "fcp_ms": audits["first-contentful-paint"]["numericValue"],
        "bytes": audits["total-byte-weight"]["numericValue"],
        "third_party": sum(
            1
            for r in requests
            if urlsplit(r["url"]).scheme in ("http", "https") and urlsplit(r["url"]).netloc != host
        ),
    }


def median_run(url: str) -> dict:
    runs = [lighthouse(url) for _ in range(RUNS)]
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def without_theme_script(target) -> None:
    """A tab or context that has the pages as a reader does before the theme's script arrives
    (it loads after the first paint), or if it never does."""
    target.route(material.THEME_SCRIPT_GLOB, lambda route: route.abort())


def theme_started(tab) -> None:
    """Wait until Material's script has started on the page (document$ replays its last value)."""
    tab.wait_for_function("() => window.document$ !== undefined")
    tab.evaluate("() => new Promise(done => document$.subscribe(() => setTimeout(done)))")


def axe_violations(base: str) -> dict[str, int]:
    """Violations per page: light and dark scheme, each before the theme's script arrives (it
    loads after the first paint) and once it has started."""
    from playwright.sync_api import sync_playwright

    urls = [page.url for page in find_pages(DOCS_DIR)] + ["404.html", "id/404.html"]
    found = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for url in urls:
            found[url] = 0
            for scheme, started in itertools.product(("light", "dark"), (False, True)):
                # axe is injected as a script: the site's own policy would (rightly) block it.
                tab = browser.new_page(color_scheme=scheme, bypass_csp=True)
                if not started:
                    without_theme_script(tab)
                tab.goto(base + url)
                if started:
                    theme_started(tab)
                tab.add_script_tag(path=str(AXE))
                result = tab.evaluate(
                    "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
                )
                found[url] += sum(len(v["nodes"]) for v in result["violations"])
                tab.close()
        browser.close()
    return found


def table(rows: dict[str, dict], axe: dict[str, int]) -> str:
    head = (
        "| page | perf | a11y | best practices | SEO | first paint | bytes | "
        "3rd-party requests | axe violations |"
    )
    lines = [head, "|" + " --- |" * 9]
    for url, row in rows.items():
        lines.append(
            f"| /{url} | {row['performance']:.0f} | {row['accessibility']:.0f} | "
            f"{row['best-practices']:.0f} | {row['seo']:.0f} | {row['fcp_ms'] / 1000:.2f} s | "
            f"{row['bytes'] / 1024:.1f} KB | {row['third_party']:.0f} | {axe.get(url, 0)} |"
        )
    lines.append(
        f"\naxe-core, every page ({len(axe)}), light and dark, before and after the theme's "
        f"script: {sum(axe.values())} violations."
    )
    return "\n".join(lines)


def missed(rows: dict[str, dict], axe: dict[str, int]) -> list[str]:
    problems = []
    for url, row in rows.items():
        scores = [row[k] for k in ("performance", "accessibility", "best-practices", "seo")]
        if min(scores) < BUDGET["score"]:
            problems.append(f"/{url}: a Lighthouse score below 100")
        if row["fcp_ms"] > BUDGET["fcp_ms"]:
            problems.append(f"/{url}: first paint {row['fcp_ms']:.0f} ms > {BUDGET['fcp_ms']} ms")
        if row["bytes"] > BUDGET["bytes"]:
            problems.append(f"/{url}: {row['bytes'] / 1024:.1f} KB > 70 KB")
        if row["third_party"]:
            problems.append(f"/{url}: requests to another host")
    problems += [f"/{url}: {count} axe violations" for url, count in axe.items() if count]
    return problems


def main() -> int:
    if not LIGHTHOUSE.exists() or not AXE.exists():
        print("npm packages missing: run `npm ci`", file=sys.stderr)
        return 2
    if build.build() != 0:
        return 1
    with serve.running(SITE_DIR) as base:
        rows = {url: median_run(base + url) for url in sampled_pages()}
        axe = axe_violations(base)
    print(f"\nLighthouse {RUNS} runs per page (median), mobile, default throttling:\n")
    print(table(rows, axe))
    problems = missed(rows, axe)
    print(
        "\nBudgets: all met." if not problems else "\nBudgets missed:\n  " + "\n  ".join(problems)
    )
    return 0

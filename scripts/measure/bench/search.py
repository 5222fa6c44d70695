"""Search benchmark: per language, bytes downloaded on first use (gzip) and time from the last
keystroke to results rendered, on the real site and on a generated site of 1,000 pages per
language; and, on the same real pages, the site's engine against Material's own (lunr): the
share of the query set answered in the first three results. A report, not a test."""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bs4 import BeautifulSoup

from scripts.measure.bench.generate import generate
from scripts.plugin import material
from scripts.project import BUILDER, CHROMIUM, CHROMIUM_ARGS, LANGUAGES, ROOT
from scripts.serving import serve

QUERIES = json.loads((ROOT / "tests/search/queries.json").read_text(encoding="utf-8"))["queries"]
HOME = {"pl": "", "id": "id/"}
TIMING = """
window.__kbKey = 0; window.__kbShown = 0; window.__kbFirst = 0;
document.addEventListener("keyup", () => {
  window.__kbKey = performance.now(); window.__kbFirst = 0;
}, true);
document.addEventListener("DOMContentLoaded", () => {
  new MutationObserver(() => {
    window.__kbShown = performance.now();
    window.__kbFirst = window.__kbFirst || window.__kbShown;
  }).observe(document.querySelector("SEARCH_RESULTS"),
             {subtree: true, childList: true, characterData: true});
});
""".replace("SEARCH_RESULTS", material.SEARCH_RESULTS)
# Material's own search on the same pages: the kb plugin's `search_engine` option switched.
SITE_SEARCH = "search_engine: site"


def material_config(project: Path) -> str:
    """The project's configuration with Material's search (a plugin option cannot be overridden
    through INHERIT: MkDocs replaces the whole plugins list)."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    if SITE_SEARCH not in config:
        raise SystemExit(f"mkdocs.yml no longer sets '{SITE_SEARCH}' (plugins → kb)")
    return config.replace(SITE_SEARCH, "search_engine: material")


PAGEFIND = ROOT / "node_modules/.bin/pagefind"
# Pagefind through its JavaScript API (no UI): each query's time from the call to the first three
# results' data, in the page. Its WebAssembly needs a policy nginx's does not allow, so the copy
# with Pagefind's index is served by Python's plain HTTP server.
PAGEFIND_QUERY = """async q => {
  window.__pf = window.__pf || await import('/pagefind/pagefind.js');
  const start = performance.now();
  const found = await window.__pf.search(q);
  const top = await Promise.all(found.results.slice(0, 3).map(r => r.data()));
  return {ms: performance.now() - start, urls: top.map(d => d.url)};
}"""


def build(project: Path, config: str) -> Path:
    subprocess.run(
        [sys.executable, "-m", BUILDER, "build", "-q", "-f", config, "-d", "site"],
        cwd=project,
        check=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    return project / "site"


def settle(tab) -> bool:
    """Wait until the results changed after the last keystroke and stayed so for 150 ms;
    False if they did not change within 5 s (the same list as before)."""
    try:
        tab.wait_for_function(
            """() => { if (window.__kbShown <= window.__kbKey) return false;
            const s = String(window.__kbShown), same = window.__kbSettle === s;
            window.__kbSettle = s; return same; }""",
            polling=150,
            timeout=5000,
        )
        return True
    except Exception:  # noqa: BLE001 - Playwright's timeout: nothing re-rendered
        return False


def run_queries(tab, site: Path, base: str, lang: str) -> dict:
    queries = [q for q in QUERIES if q["lang"] == lang]
    latencies, answered, questions, first_use = [], 0, [], None
    for number, query in enumerate(queries):
        tab.fill(material.SEARCH_BOX, "")
        tab.click(material.SEARCH_BOX)
        tab.keyboard.type(query["q"])
        if settle(tab):
            latency = tab.evaluate("window.__kbFirst - window.__kbKey")
            if number == 0:
                first_use = latency
            else:
                latencies.append(latency)
        urls = tab.eval_on_selector_all(
            material.RESULT_LINKS, "links => links.slice(0, 3).map(a => a.href)"
        )
        texts = []
        for url in urls:
            path = url.removeprefix(base).split("#")[0].split("?")[0]
            page = site / path / "index.html" if not path.endswith(".html") else site / path
            article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(
                "article"
            )
            texts.append(article.get_text(" ").lower() if article else "")
        hit = any(all(re.search(e, t) for e in query["expect"]) for t in texts)
        answered += hit
        if query.get("kind") == "question":
            questions.append(hit)
    return {
        "answered": answered / len(queries),
        "questions": sum(questions) / len(questions) if questions else None,
        "question_count": len(questions),
        "first_ms": first_use,
        "median_ms": statistics.median(latencies),
        "p95_ms": sorted(latencies)[int(0.95 * (len(latencies) - 1))],
    }


def answered(site: Path, query: dict, paths: list[str]) -> bool:
    """Whether one of the result pages' article text matches every pattern of the query."""
    texts = []
    for path in paths:
        path = path.lstrip("/").split("#")[0].split("?")[0]
        page = site / path / "index.html" if not path.endswith(".html") else site / path
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(
            "article"
        )
        texts.append(article.get_text(" ").lower() if article else "")
    return any(all(re.search(e, t) for e in query["expect"]) for t in texts)


def pagefind(site: Path) -> dict[str, dict]:
    """The same built pages indexed by Pagefind (npm `pagefind`, package-lock.json), the same
    queries through its API in Chromium."""
    import functools
    import http.server
    import shutil
    import threading

    from playwright.sync_api import sync_playwright

    copy = site.with_name(site.name + "-pagefind")
    shutil.copytree(site, copy)
    subprocess.run(
        [str(PAGEFIND), "--site", str(copy), "--root-selector", "article"],
        check=True,
        capture_output=True,
    )

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(copy))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    results = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for lang in LANGUAGES:
                context = browser.new_context()
                requests: list = []
                context.on("requestfinished", lambda request, sink=requests: sink.append(request))
                tab = context.new_page()
                tab.goto(base + HOME[lang], wait_until="networkidle")
                before = len(requests)
                queries = [q for q in QUERIES if q["lang"] == lang]
                times, hits, questions = [], 0, []
                for query in queries:
                    found = tab.evaluate(PAGEFIND_QUERY, query["q"])
                    times.append(found["ms"])
                    hit = answered(copy, query, found["urls"])
                    hits += hit
                    if query.get("kind") == "question":
                        questions.append(hit)
                results[lang] = {
                    "answered": hits / len(queries),
                    "questions": sum(questions) / len(questions) if questions else None,
                    "question_count": len(questions),
                    "first_ms": times[0],
                    "median_ms": statistics.median(times[1:]),
                    "p95_ms": sorted(times[1:])[int(0.95 * (len(times) - 2))],
                    "at_load": 0,
                    "payload": sum(
                        r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]
                        for r in requests[before:]
                    ),
                }
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return results


def measure(site: Path) -> dict[str, dict]:
    from playwright.sync_api import sync_playwright

    results = {}
    with serve.running(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for lang in LANGUAGES:
            context = browser.new_context()
            context.add_init_script(TIMING)
            at_load: list = []
            context.on("requestfinished", lambda request, sink=at_load: sink.append(request))
            tab = context.new_page()
            tab.goto(base + HOME[lang], wait_until="networkidle")
            loaded_before_typing = len(at_load)
            stats = run_queries(tab, site, base, lang)

            def size(request) -> int:
                sizes = request.sizes()
                return sizes["responseBodySize"] + sizes["responseHeadersSize"]

            stats["at_load"] = sum(
                size(r) for r in at_load[:loaded_before_typing] if "search" in r.url
            )
            stats["payload"] = sum(size(r) for r in at_load[loaded_before_typing:])
            results[lang] = stats
            context.close()
        browser.close()
    return results


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="kb-search-bench-") as work:
        real = generate(Path(work) / "real", 0)
        (real / "material.yml").write_text(material_config(real), encoding="utf-8")
        rows = {"site engine, real site": measure(build(real, "bench.yml"))}
        rows["Material (lunr), real site"] = measure(build(real, "material.yml"))
        rows["Pagefind 1.6 (API, no stemming for pl/id), real site"] = pagefind(real / "site")
        large = generate(Path(work) / "large", 1000)
        rows["site engine, 1,000 pages per language"] = measure(build(large, "bench.yml"))
    print(
        "| engine, site | language | answered in top 3 | first query (loads) | "
        "median after | 95th percentile | search bytes at page load | on first use |"
    )
    print("|" + " --- |" * 8)
    for label, by_lang in rows.items():
        for lang, row in by_lang.items():
            print(
                f"| {label} | {lang} | {row['answered']:.0%} | {row['first_ms']:.0f} ms | "
                f"{row['median_ms']:.0f} ms | {row['p95_ms']:.0f} ms | "
                f"{row['at_load'] / 1024:.1f} KB | {row['payload'] / 1024:.1f} KB |"
            )
    print("\n| engine, site | language | whole questions answered in top 3 |")
    print("|" + " --- |" * 3)
    for label, by_lang in rows.items():
        for lang, row in by_lang.items():
            if row["questions"] is not None:
                share = f"{row['questions']:.0%} of {row['question_count']}"
                print(f"| {label} | {lang} | {share} |")
    print(
        "\nTimes: from the last keystroke to the first change of the result list, in headless "
        "Chromium; bytes as transferred (gzip, headers included)."
    )
    return 0

"""Command line: `python -m scripts <command>` (see scripts/README.md)."""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from pathlib import Path

from scripts.editors import freshness, newpage, translations
from scripts.editors.checks import run_checks
from scripts.serving import build


def show(problem, level: str = "error") -> str:
    """`path:line: what — how to fix`; under GitHub Actions, its annotation on that line."""
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return problem.as_workflow_command(level)
    return str(problem) if level == "error" else f"{level}: {problem}"


def check() -> int:
    problems = run_checks()
    for problem in problems:
        print(show(problem))
    # Facts checked long ago are a warning here (the monthly workflow fails on them: stale()).
    for problem in freshness.overdue(datetime.date.today()) + oversized_pages():
        print(show(problem, "warning"))
    print(f"{len(problems)} problem(s) found." if problems else "Content checks passed.")
    return 1 if problems else 0


def oversized_pages() -> list:
    """Pages whose Markdown is over the budget (scripts/project.py, PAGE_BUDGET_BYTES)."""
    from scripts.content.pages import find_pages
    from scripts.problems import Problem
    from scripts.project import DOCS_DIR, PAGE_BUDGET_BYTES

    return [
        Problem(
            page.name,
            None,
            f"the page is {page.path.stat().st_size // 1024} KB, over the "
            f"{PAGE_BUDGET_BYTES // 1024} KB budget (readers on a slow line download all of it)",
            "split it into several pages",
        )
        for page in find_pages(DOCS_DIR)
        if page.path.stat().st_size > PAGE_BUDGET_BYTES
    ]


def stale() -> int:
    """Exit 1 while a contact or law is overdue for checking (the scheduled workflow)."""
    problems = freshness.overdue(datetime.date.today())
    for problem in problems:
        print(show(problem))
    print(f"{len(problems)} entries overdue for checking." if problems else "Nothing overdue.")
    return 1 if problems else 0


def finish_site(site_dir: Path) -> int:
    """Search, assets, each page once, headers: what the plugin does after MkDocs, for a site a
    builder left on disk (the route for a builder that runs no MkDocs plugins)."""
    from scripts.content.data import load_data
    from scripts.plugin import material, pipeline
    from scripts.project import LANGUAGES

    if not (site_dir / "index.html").is_file():
        print(f"{site_dir}: no index.html; give the folder of a built site.")
        return 2
    site_dir = site_dir.resolve()
    try:
        facts = pipeline.facts_from_site(site_dir, search=True)
        pipeline.finish(site_dir, facts, load_data()["synonyms"], LANGUAGES[0], search=True)
    except material.Incompatible as error:
        print(error)
        return 1
    print(f"Finished {len(facts.pages)} pages in {site_dir}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("build", help="check the content and build site/ atomically")
    live = commands.add_parser("serve", help="live preview (make serve)")
    live.add_argument("--port", type=int, default=8000)
    commands.add_parser("check", help="content checks only (no build)")
    commands.add_parser("translations", help="list every translation pair and its freshness")
    synced = commands.add_parser("synced", help="mark a translation as brought up to date")
    synced.add_argument(
        "page", type=Path, help="the translation's file, e.g. docs/id/help/index.md"
    )
    page = commands.add_parser("page", help="create a page in both languages and add it to the nav")
    page.add_argument("slug", help="path under docs/<lang>/ without .md, e.g. treatment/example")
    commands.add_parser("audit", help="Lighthouse and axe-core on the built site, as a table")
    preview = commands.add_parser("preview-prod", help="serve site/ with nginx as production")
    preview.add_argument("--port", type=int, default=8080)
    commands.add_parser("bench", help="build cost of generated sites, project vs plain Material")
    commands.add_parser("bench-search", help="search payload, latency and hit rate (a report)")
    commands.add_parser("pages-meta", help="write the security policy into site/ as <meta> tags")
    commands.add_parser("deploy-config", help="write deploy/nginx/kb-site.conf from site/")
    commands.add_parser("stale", help="list contacts and laws overdue for checking (exit 1)")
    commands.add_parser("stopwords", help="copy the npm package stopword's lists for the search")
    after = commands.add_parser(
        "finish", help="the one pass over a site built with the kb plugin's `finish: false`"
    )
    after.add_argument("site", help="the built site's folder")
    args = parser.parse_args(argv)
    if args.command == "deploy-config":
        from scripts.project import SITE_DIR
        from scripts.serving import deploy

        deploy.PRODUCTION_FILE.parent.mkdir(exist_ok=True)
        deploy.PRODUCTION_FILE.write_text(deploy.nginx_production(SITE_DIR), encoding="utf-8")
        print(f"Wrote {deploy.PRODUCTION_FILE.relative_to(deploy.ROOT)}")
        return 0
    if args.command == "stale":
        return stale()
    if args.command == "stopwords":
        from scripts.plugin.search import stopwords

        stopwords.update()
        return 0
    if args.command == "bench":
        from scripts.measure.bench import site

        return site.main()
    if args.command == "bench-search":
        from scripts.measure.bench import search

        return search.main()
    if args.command == "pages-meta":
        from scripts.project import SITE_DIR
        from scripts.serving import deploy

        print(f"Policy written into {deploy.write_meta_policy(SITE_DIR)} pages.")
        return 0
    if args.command == "audit":
        from scripts.measure import audit

        return audit.main()
    if args.command == "preview-prod":
        from scripts.serving import serve

        return serve.preview(args.port)
    if args.command == "finish":
        return finish_site(Path(args.site))
    if args.command == "build":
        return build.build()
    if args.command == "serve":
        return build.live_preview(args.port)
    if args.command == "check":
        return check()
    if args.command == "translations":
        return translations.report()
    if args.command == "synced":
        return translations.sync(args.page)
    return newpage.create(args.slug)


if __name__ == "__main__":
    sys.exit(main())

"""Shared fixtures: the real site built once, and factories for broken copies of the project."""

from __future__ import annotations

import contextlib
import functools
import http.server
import importlib
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts.project import BUILDER, CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
# What a copy of the project needs to build on its own.
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "templates", "overrides", "scripts", "deploy")
# The default site_url (not a deployment's SITE_URL); no end-of-life banner in the output.
BUILD_ENV = {k: v for k, v in os.environ.items() if k != "SITE_URL"} | {"NO_MKDOCS_2_WARNING": "1"}


class BuiltSite:
    """The built site: its HTML pages by language and slug ('dependence/types/')."""

    def __init__(self, root: Path):
        self.root = root

    def path(self, url: str) -> Path:
        """The file serving a site-relative URL such as 'id/help/' or 'sources/#facts-law'."""
        url = url.split("#", 1)[0]
        target = self.root / url
        return target / "index.html" if url.endswith("/") or url == "" else target

    def soup(self, url: str) -> BeautifulSoup:
        return BeautifulSoup(self.path(url).read_text(encoding="utf-8"), "html.parser")

    def page_urls(self, lang: str) -> list[str]:
        """Every content page of a language, as site-relative URLs ('' for the Polish home)."""
        base = self.root / "id" if lang == "id" else self.root
        urls = []
        for html in sorted(base.rglob("index.html")):
            relative = html.parent.relative_to(self.root).as_posix()
            if lang == "pl" and relative.split("/")[0] in ("id", "search", "assets"):
                continue
            urls.append("" if relative == "." else relative + "/")
        return sorted(urls)


@contextlib.contextmanager
def build_environment(**variables: str):
    """BUILD_ENV in this process while a build runs in it, restored afterwards."""
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(BUILD_ENV | variables)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def build_in_process(out: Path, kb_options: dict | None = None, **variables: str) -> None:
    """The real site built in this process (as mkdocs-static-i18n's tests build), by the builder
    `make build` uses, with `--strict`: no interpreter start-up per build. `kb_options` override
    the kb plugin's options from mkdocs.yml."""
    load_config = importlib.import_module(f"{BUILDER}.config").load_config
    build = importlib.import_module(f"{BUILDER}.commands.build").build
    with build_environment(**variables):
        config = load_config(str(ROOT / "mkdocs.yml"), strict=True, site_dir=str(out))
        for key, value in (kb_options or {}).items():
            config.plugins["kb"].config[key] = value
        build(config)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    out = tmp_path_factory.mktemp("site")
    build_in_process(out)
    return BuiltSite(out)


@pytest.fixture
def project_copy(tmp_path):
    """A factory: a copy of the project in a temporary folder, to be broken on purpose."""

    def make() -> Path:
        copy = tmp_path / "project"
        for part in PROJECT_PARTS:
            source = ROOT / part
            if source.is_dir():
                shutil.copytree(source, copy / part, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                copy.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, copy / part)
        return copy

    return make


def run_build(project: Path) -> subprocess.CompletedProcess:
    """`python -m scripts build` in a project copy, as `make build` runs it."""
    return subprocess.run(
        [sys.executable, "-m", "scripts", "build"],
        cwd=project,
        env=BUILD_ENV,
        capture_output=True,
        text=True,
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


FIXTURES = Path(__file__).resolve().parent / "fixtures"


def run_scripts(project: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m scripts ...` in a project copy, as the make targets run it."""
    return subprocess.run(
        [sys.executable, "-m", "scripts", *args],
        cwd=project,
        env=BUILD_ENV,
        capture_output=True,
        text=True,
    )


def git(project: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def commit_all(project: Path, message: str) -> None:
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", message)


def as_synced_repository(project: Path) -> Path:
    """Make `project` a git repository of its own, every translation synced with its source."""
    git(project, "init", "-q", "-b", "main")
    commit_all(project, "project")
    for page in sorted((project / "docs").rglob("*.md")):
        if "translation:" in page.read_text(encoding="utf-8"):
            assert run_scripts(project, "synced", str(page.relative_to(project))).returncode == 0
    commit_all(project, "sync translations")
    return project


@pytest.fixture
def fixture_repo(tmp_path):
    """A factory: the minimal fixture tree (tests/fixtures/minimal) with this project's code, as
    a git repository whose translations are synced with their sources."""

    def make(name: str = "minimal") -> Path:
        repo = tmp_path / name
        shutil.copytree(FIXTURES / name, repo)
        for part in ("scripts", "templates"):
            shutil.copytree(ROOT / part, repo / part, ignore=shutil.ignore_patterns("__pycache__"))
        return as_synced_repository(repo)

    return make


# --- Browser tests: Debian's chromium driven by Playwright, against the built site served on
# loopback. A missing browser is a failure, never a skip.

AXE = ROOT / "node_modules/axe-core/axe.min.js"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass


@pytest.fixture(scope="session")
def served_site(site):
    """The built site over HTTP on 127.0.0.1; yields its base URL ('http://127.0.0.1:PORT/')."""
    handler = functools.partial(QuietHandler, directory=str(site.root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    assert CHROMIUM.exists(), "Debian's chromium is required: apt-get install chromium"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Visit:
    """A browser tab that records every request, console error and page error."""

    def __init__(self, context):
        self.context = context
        self.tab = context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.tab.on("request", lambda request: self.requests.append(request.url))
        self.tab.on("pageerror", lambda error: self.errors.append(str(error)))
        self.tab.on("console", lambda m: m.type == "error" and self.errors.append(m.text))


@pytest.fixture
def visit(browser):
    """A factory of fresh tabs (each in its own browser context: no shared storage)."""
    contexts = []

    def open_tab(**options) -> Visit:
        context = browser.new_context(**options)
        contexts.append(context)
        return Visit(context)

    yield open_tab
    for context in contexts:
        context.close()

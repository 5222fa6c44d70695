"""Shared fixtures: the real site built once, and factories for broken copies of the project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
# What a copy of the project needs to build on its own.
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "templates", "overrides", "scripts")
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


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env=BUILD_ENV,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
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

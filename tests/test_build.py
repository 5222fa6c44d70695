"""Reproducible builds: the only date in the output comes from SOURCE_DATE_EPOCH (set from the
last commit by `make build`), never from the clock, so two builds of one commit are identical."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

from tests.conftest import BUILD_ENV, ROOT, build_in_process, snapshot

EPOCH = 1767225600  # 2026-01-01 00:00 UTC
THREE_DAYS = 3 * 24 * 3600


def build(out: Path, epoch: int) -> dict[str, bytes]:
    build_in_process(out, SOURCE_DATE_EPOCH=str(epoch))
    return snapshot(out)


def finish(site: Path) -> subprocess.CompletedProcess:
    """`python -m scripts finish SITE`, as a maintainer runs it."""
    command = [sys.executable, "-m", "scripts", "finish", str(site)]
    return subprocess.run(command, cwd=ROOT, env=BUILD_ENV, capture_output=True, text=True)


def test_two_builds_are_byte_identical_and_take_their_date_from_the_commit(tmp_path):
    first, second = build(tmp_path / "a", EPOCH), build(tmp_path / "b", EPOCH)
    assert first == second
    later = build(tmp_path / "c", EPOCH + THREE_DAYS)
    changed = sorted(name for name in first if first[name] != later.get(name))
    assert changed == ["sitemap.xml", "sitemap.xml.gz"], "only the sitemap carries a date"
    day = datetime.datetime.fromtimestamp(EPOCH, datetime.UTC).date().isoformat()
    assert f"<lastmod>{day}</lastmod>".encode() in first["sitemap.xml"]


def test_the_pass_after_mkdocs_also_runs_as_a_command_with_the_same_result(tmp_path):
    """The route for a builder that runs no MkDocs plugins: with `finish: false` the build stops
    where MkDocs leaves off, and `python -m scripts finish SITE` gives the very same site."""
    whole = build(tmp_path / "whole", EPOCH)
    out = tmp_path / "outside"
    build_in_process(out, kb_options={"finish": False}, SOURCE_DATE_EPOCH=str(EPOCH))
    assert not list(out.rglob("*.html.gz")), "the build stopped before the pass over the pages"
    result = finish(out)
    assert result.returncode == 0, result.stdout + result.stderr
    outside = snapshot(out)
    assert sorted(outside) == sorted(whole)
    assert [name for name in whole if outside[name] != whole[name]] == []


def test_the_pass_refuses_a_folder_that_is_not_a_built_site(tmp_path):
    result = finish(tmp_path)
    assert result.returncode == 2
    assert f"{tmp_path}: no index.html" in result.stdout

"""Reproducible builds: the only date in the output comes from SOURCE_DATE_EPOCH (set from the
last commit by `make build`), never from the clock, so two builds of one commit are identical."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

from scripts.project import BUILDER
from tests.conftest import BUILD_ENV, ROOT, snapshot

EPOCH = 1767225600  # 2026-01-01 00:00 UTC
THREE_DAYS = 3 * 24 * 3600


def build(out: Path, epoch: int) -> dict[str, bytes]:
    result = subprocess.run(
        [sys.executable, "-m", BUILDER, "build", "--strict", "-q", "--site-dir", str(out)],
        cwd=ROOT,
        env=BUILD_ENV | {"SOURCE_DATE_EPOCH": str(epoch)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return snapshot(out)


def test_two_builds_are_byte_identical_and_take_their_date_from_the_commit(tmp_path):
    first, second = build(tmp_path / "a", EPOCH), build(tmp_path / "b", EPOCH)
    assert first == second
    later = build(tmp_path / "c", EPOCH + THREE_DAYS)
    changed = sorted(name for name in first if first[name] != later.get(name))
    assert changed == ["sitemap.xml", "sitemap.xml.gz"], "only the sitemap carries a date"
    day = datetime.datetime.fromtimestamp(EPOCH, datetime.UTC).date().isoformat()
    assert f"<lastmod>{day}</lastmod>".encode() in first["sitemap.xml"]

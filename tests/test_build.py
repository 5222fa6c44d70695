"""Reproducible builds: the only date in the output comes from SOURCE_DATE_EPOCH (set from the
last commit by `make build`), never from the clock, so two builds of one commit are identical."""

from __future__ import annotations

import datetime
from pathlib import Path

from tests.conftest import build_in_process, snapshot

EPOCH = 1767225600  # 2026-01-01 00:00 UTC
THREE_DAYS = 3 * 24 * 3600


def build(out: Path, epoch: int) -> dict[str, bytes]:
    build_in_process(out, SOURCE_DATE_EPOCH=str(epoch))
    return snapshot(out)


def test_two_builds_are_byte_identical_and_take_their_date_from_the_commit(tmp_path):
    first, second = build(tmp_path / "a", EPOCH), build(tmp_path / "b", EPOCH)
    assert first == second
    later = build(tmp_path / "c", EPOCH + THREE_DAYS)
    changed = sorted(name for name in first if first[name] != later.get(name))
    assert changed == ["sitemap.xml", "sitemap.xml.gz"], "only the sitemap carries a date"
    day = datetime.datetime.fromtimestamp(EPOCH, datetime.UTC).date().isoformat()
    assert f"<lastmod>{day}</lastmod>".encode() in first["sitemap.xml"]

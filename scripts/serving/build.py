"""Build the site atomically: into a fresh folder, swapped into site/ only on success.

A failed build (bad content, broken link) leaves the last good site/ exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.project import BUILDER, CONFIG_FILE, ROOT, SITE_DIR


def commit_time(folder: Path) -> str | None:
    """The last commit's time (seconds since 1970), or None outside a git checkout."""
    result = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=folder, capture_output=True, text=True
    )
    return result.stdout.strip() or None if result.returncode == 0 else None


def mkdocs_build(site_dir: Path, config_file: Path = CONFIG_FILE) -> int:
    command = [
        sys.executable,
        "-m",
        BUILDER,
        "build",
        "--strict",
        "--config-file",
        str(config_file),
        "--site-dir",
        str(site_dir),
    ]
    # The only date MkDocs writes (the sitemap's lastmod) comes from the commit, never the clock,
    # so two builds of one commit are byte-identical (reproducible-builds.org's variable).
    env = dict(os.environ)
    if "SOURCE_DATE_EPOCH" not in env and (epoch := commit_time(config_file.parent)):
        env["SOURCE_DATE_EPOCH"] = epoch
    return subprocess.call(command, cwd=config_file.parent, env=env)


def build(site_dir: Path = SITE_DIR, config_file: Path = CONFIG_FILE) -> int:
    # The new build sits beside site/ so the final rename stays on one filesystem.
    fresh = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    fresh.chmod(0o755)  # mkdtemp makes it private; a web server must be able to read site/
    try:
        status = mkdocs_build(fresh, config_file)
        if status != 0:
            print(f"Build failed; {site_dir.name}/ was left as it was.", file=sys.stderr)
            return status
        old = site_dir.with_name(fresh.name + "-old")
        if site_dir.exists():
            site_dir.rename(old)
        fresh.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)
        print(
            f"Built {sum(1 for _ in site_dir.rglob('*.html'))} HTML files into "
            f"{site_dir.relative_to(ROOT) if site_dir.is_relative_to(ROOT) else site_dir}/"
        )
        return 0
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


def live_preview(port: int) -> int:
    """The builder's live preview (`make serve`), which rebuilds on every saved change."""
    command = [sys.executable, "-m", BUILDER, "serve", "--dev-addr", f"127.0.0.1:{port}"]
    os.execv(sys.executable, command)

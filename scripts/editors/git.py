"""The few git questions the translation tooling asks, answered by the git command line."""

from __future__ import annotations

import subprocess
from functools import cache
from pathlib import Path

from scripts.project import ROOT


def git(*args: str, cwd: Path = ROOT) -> str | None:
    """git's output, or None when git fails (no repository, unknown commit...)."""
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    except FileNotFoundError:
        return None
    return result.stdout.strip() if result.returncode == 0 else None


@cache
def is_repository(cwd: Path = ROOT) -> bool:
    return git("rev-parse", "--git-dir", cwd=cwd) is not None


@cache
def has_full_history(cwd: Path = ROOT) -> bool:
    """False in a shallow clone, where older commits are absent without being wrong."""
    return is_repository(cwd) and git("rev-parse", "--is-shallow-repository", cwd=cwd) == "false"


def is_commit(sha: str, cwd: Path = ROOT) -> bool:
    return git("cat-file", "-e", f"{sha}^{{commit}}", cwd=cwd) is not None


def commits_since(sha: str, path: Path, cwd: Path = ROOT) -> list[str]:
    """One line per commit after `sha` that changed `path`, newest first."""
    out = git("log", "--format=%h %ad %s", "--date=short", f"{sha}..HEAD", "--", str(path), cwd=cwd)
    return out.splitlines() if out else []


def has_uncommitted_changes(path: Path, cwd: Path = ROOT) -> bool:
    return bool(git("status", "--porcelain", "--", str(path), cwd=cwd))


def diff_stat(sha: str, path: Path, cwd: Path = ROOT) -> str:
    return git("diff", "--stat", sha, "--", str(path), cwd=cwd) or ""


def last_commit(path: Path, cwd: Path = ROOT) -> str | None:
    """The newest commit that changed `path` (or HEAD if none did)."""
    return git("log", "-1", "--format=%H", "--", str(path), cwd=cwd) or git(
        "rev-parse", "HEAD", cwd=cwd
    )

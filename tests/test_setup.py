"""Set-up inside the Makefile: missing Debian packages are installed with apt-get (as root or with
passwordless sudo) or named in a message with the one command to run. Real make and bash; fake
apt-get, sudo and id on PATH that record how they were called."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# What the script needs from the system; chromium, node and npm are deliberately not linked.
TOOLS = ("bash", "awk", "env", "cat")


def fake_bin(tmp_path: Path, *, uid: int, sudo: str | None) -> tuple[Path, Path]:
    """A PATH folder with the basic tools, a recording apt-get and id, and optionally sudo."""
    bin_dir, log = tmp_path / "bin", tmp_path / "calls.log"
    bin_dir.mkdir()
    for tool in TOOLS:
        if found := shutil.which(tool):
            (bin_dir / tool).symlink_to(found)
    scripts = {
        "apt-get": f'echo "apt-get $*" >> {log}',
        "id": f'[ "$1" = -u ] && echo {uid}',
    }
    if sudo == "passwordless":
        scripts["sudo"] = f'echo "sudo $*" >> {log}; [ "$1" = -n ] && shift; "$@"'
    elif sudo == "asks":
        scripts["sudo"] = f'echo "sudo $*" >> {log}; exit 1'
    for name, body in scripts.items():
        (bin_dir / name).write_text(f"#!/bin/bash\n{body}\n")
        (bin_dir / name).chmod(0o755)
    return bin_dir, log


def system_check_pairs() -> list[str]:
    """The COMMAND=PACKAGE pairs `make test` asks for, read from the Makefile's dry run."""
    dry = subprocess.run(
        ["make", "-n", "system-check"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    pairs = re.findall(r"\b[\w-]+=[\w.-]+", dry.split("system-packages.sh", 1)[1])
    # nginx is found in /usr/sbin on this machine whatever PATH says, so it cannot be faked away.
    return [pair for pair in pairs if not pair.startswith("nginx=")]


def run(tmp_path: Path, *, uid: int, sudo: str | None):
    bin_dir, log = fake_bin(tmp_path, uid=uid, sudo=sudo)
    result = subprocess.run(
        ["bash", str(ROOT / "scripts/serving/system-packages.sh"), *system_check_pairs()],
        env={"PATH": str(bin_dir), "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
    )
    calls = log.read_text().splitlines() if log.exists() else []
    return result, calls


def test_make_test_asks_for_the_browser_and_node():
    assert {"chromium=chromium", "node=nodejs", "npm=npm"} <= set(system_check_pairs())


def test_as_root_missing_packages_are_installed_with_apt_get(tmp_path):
    result, calls = run(tmp_path, uid=0, sudo=None)
    assert result.returncode == 0, result.stderr
    assert calls[0] == "apt-get update -qq"
    assert calls[1] == "apt-get install -y -qq --no-install-recommends chromium nodejs npm"


def test_with_passwordless_sudo_apt_get_runs_through_sudo(tmp_path):
    result, calls = run(tmp_path, uid=1000, sudo="passwordless")
    assert result.returncode == 0, result.stderr
    installs = [c for c in calls if "install" in c]
    assert installs[0].startswith("sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install")
    assert installs[-1].endswith("chromium nodejs npm")


@pytest.mark.parametrize("sudo", [None, "asks"])
def test_without_root_or_sudo_the_message_names_the_command(tmp_path, sudo):
    result, calls = run(tmp_path, uid=1000, sudo=sudo)
    assert result.returncode == 1
    assert "sudo apt-get install -y chromium nodejs npm" in result.stderr
    assert not [c for c in calls if c.startswith("apt-get")]


def test_nothing_is_installed_when_nothing_is_missing(tmp_path):
    bin_dir, log = fake_bin(tmp_path, uid=0, sudo=None)
    result = subprocess.run(
        ["bash", str(ROOT / "scripts/serving/system-packages.sh"), "bash=bash"],
        env={"PATH": str(bin_dir)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    assert not log.exists()


def test_ci_installs_nothing_of_its_own():
    commands = [
        line for line in (ROOT / ".ci/run").read_text().splitlines() if not line.startswith("#")
    ]
    assert not [line for line in commands if "apt-get" in line]
    assert "make test" in commands


def test_the_build_benchmark_runs_on_a_small_site():
    """`make bench` builds generated sites with this project and with plain Material: a small
    size keeps it a smoke test (the figures themselves are for the README, not for tests)."""
    result = subprocess.run(
        [sys.executable, "-m", "scripts", "bench"],
        cwd=ROOT,
        env={**os.environ, "BENCH_SIZES": "5", "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert re.search(r"^\| 5 \| [\d.]+ s → [\d.]+ s \|", result.stdout, re.M), result.stdout

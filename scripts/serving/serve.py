"""Serve site/ with nginx exactly as production would (deploy/headers.yml,
scripts/serving/deploy.py).

`make preview-prod PORT=8080` runs it in the foreground; tests and the audit use `running()`.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from scripts.project import SITE_DIR
from scripts.serving import deploy

NGINX_HINT = "nginx is missing: apt-get install nginx"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def nginx_binary() -> str:
    found = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).exists()), None
    )
    if not found:
        raise SystemExit(NGINX_HINT)
    return found


def prepare(site_dir: Path, port: int, run_dir: Path) -> Path:
    conf = run_dir / "nginx.conf"
    conf.write_text(deploy.nginx_conf(site_dir, port, run_dir), encoding="utf-8")
    return conf


@contextlib.contextmanager
def running(site_dir: Path = SITE_DIR, port: int | None = None) -> Iterator[str]:
    """nginx serving `site_dir` on loopback; yields its base URL. Stopped on exit."""
    port = port or free_port()
    with tempfile.TemporaryDirectory(prefix="kb-nginx-") as run:
        conf = prepare(site_dir, port, Path(run))
        process = subprocess.Popen(
            [nginx_binary(), "-c", str(conf), "-p", run], stderr=subprocess.PIPE, text=True
        )
        try:
            deadline = time.monotonic() + 10
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"nginx stopped: {process.stderr.read()}")
                with (
                    contextlib.suppress(OSError),
                    socket.create_connection(("127.0.0.1", port), 0.2),
                ):
                    break
                if time.monotonic() > deadline:
                    raise RuntimeError("nginx did not start within 10 s")
                time.sleep(0.05)
            yield f"http://127.0.0.1:{port}/"
        finally:
            process.terminate()
            process.wait(timeout=10)


def preview(port: int, site_dir: Path = SITE_DIR) -> int:
    """Foreground server for `make preview-prod`; Ctrl+C stops it."""
    if not (site_dir / "index.html").exists():
        print("site/ is not built: run make build first", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="kb-nginx-") as run:
        conf = prepare(site_dir, port, Path(run))
        print(f"Serving {site_dir} as production would at http://127.0.0.1:{port}/ (Ctrl+C stops)")
        try:
            return subprocess.call([nginx_binary(), "-c", str(conf), "-p", run])
        except KeyboardInterrupt:
            return 0

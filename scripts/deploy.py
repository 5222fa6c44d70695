"""HTTP headers and server configuration, generated from deploy/headers.yml.

The Content-Security-Policy allows Material's inline scripts by their sha256 hashes, read from
the built pages, instead of 'unsafe-inline'.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from pathlib import Path

import yaml

from scripts.project import ROOT

HEADERS_FILE = ROOT / "deploy/headers.yml"
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.S
)


def settings() -> dict:
    return yaml.safe_load(HEADERS_FILE.read_text(encoding="utf-8"))


def script_hashes(site_dir: Path) -> list[str]:
    """'sha256-…' of every distinct inline script in the built pages."""
    found = set()
    for page in site_dir.rglob("*.html"):
        for script in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
            found.add(f"'sha256-{digest}'")
    return sorted(found)


def security_headers(site_dir: Path, tls: bool = False) -> dict[str, dict[str, str]]:
    """{"every_response": {...}, "documents": {...}} with the script hashes filled in."""
    config = settings()
    hashes = " ".join(script_hashes(site_dir))
    groups = {
        group: {
            name: " ".join(str(value).split()).replace("{script_hashes}", hashes)
            for name, value in config[group].items()
        }
        for group in ("every_response", "documents")
    }
    if tls:
        groups["every_response"].update(config["tls"])
    return groups


def netlify_headers(site_dir: Path) -> str:
    """A `_headers` file (Netlify, Cloudflare Pages). It cannot tell pages from other files, so
    every response gets every header."""
    config, groups = settings(), security_headers(site_dir)
    every = {**groups["every_response"], **groups["documents"]}
    lines = ["/*"] + [f"  {name}: {value}" for name, value in every.items()]
    lines += [f"  Cache-Control: {config['cache']['other']}", ""]
    for folder in ("assets/stylesheets", "assets/javascripts", "assets/search", "search"):
        lines += [f"/{folder}/*", f"  Cache-Control: {config['cache']['fingerprinted']}", ""]
    return "\n".join(lines)


def nginx_http(site_dir: Path, port: int, tls: bool = False) -> str:
    """What goes in nginx's `http` block: one variable per document header (set for pages and
    scripts only; nginx omits a header whose value is empty) and the `server` block."""
    config, groups = settings(), security_headers(site_dir, tls)
    maps, adds = [], []
    for number, (name, value) in enumerate(groups["documents"].items()):
        variable = f"$kb_header_{number}"
        maps.append(
            f'map $sent_http_content_type {variable} {{\n  "~^text/html" "{value}";\n'
            f'  "~javascript" "{value}";\n  default "";\n}}'
        )
        adds.append(f"add_header {name} {variable} always;")
    adds += [
        f'add_header {name} "{value}" always;' for name, value in groups["every_response"].items()
    ]

    def headers(cache: str) -> str:
        return "\n".join(
            f"    {line}" for line in [*adds, f'add_header Cache-Control "{cache}" always;']
        )

    return (
        "\n".join(maps)
        + f"""
server {{
  listen 127.0.0.1:{port};
  server_name localhost;
  root {site_dir.resolve()};
  index index.html;
  charset utf-8;
  server_tokens off;

  gzip_static on;
  gzip on;
  gzip_comp_level 6;
  gzip_min_length 256;
  gzip_vary on;
  gzip_types text/css application/javascript application/json image/svg+xml text/xml text/plain;

  # Pages and the site's own files: revalidated on every visit.
  location / {{
{headers(config["cache"]["other"])}
    try_files $uri $uri/ =404;
    error_page 404 /404.html;
  }}
  # Readers of the Indonesian site get the Indonesian "not found" page.
  location /id/ {{
{headers(config["cache"]["other"])}
    try_files $uri $uri/ =404;
    error_page 404 /id/404.html;
  }}
  # Files named after their content: cached for a year.
  location ~ "{config["fingerprinted_pattern"]}" {{
{headers(config["cache"]["fingerprinted"])}
  }}
}}
"""
    )


def nginx_conf(site_dir: Path, port: int, run_dir: Path) -> str:
    """A whole nginx.conf that runs in the foreground, as an unprivileged user, from run_dir."""
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read site/ as its owner
    return f"""daemon off;
{user}worker_processes 1;
pid {run_dir}/nginx.pid;
error_log stderr warn;
events {{ worker_connections 256; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  client_body_temp_path {run_dir}/body;
  proxy_temp_path {run_dir}/proxy;
  fastcgi_temp_path {run_dir}/fastcgi;
  uwsgi_temp_path {run_dir}/uwsgi;
  scgi_temp_path {run_dir}/scgi;
{nginx_http(site_dir, port)}}}
"""


# Directives a <meta http-equiv> policy cannot carry (browsers ignore them there).
META_IGNORED = ("frame-ancestors", "report-uri", "sandbox")


def meta_policy(site_dir: Path) -> str:
    policy = security_headers(site_dir)["documents"]["Content-Security-Policy"]
    kept = [d.strip() for d in policy.split(";") if d.strip().split(" ")[0] not in META_IGNORED]
    return "; ".join(kept)


def write_meta_policy(site_dir: Path) -> int:
    """For hosts that cannot send headers (GitHub Pages): the policy as <meta> in each page."""
    from scripts.assets import precompress

    tag = f'<meta http-equiv="Content-Security-Policy" content="{meta_policy(site_dir)}">'
    pages = 0
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if 'http-equiv="Content-Security-Policy"' not in text:
            page.write_text(text.replace("<head>", f"<head>\n    {tag}", 1), encoding="utf-8")
            pages += 1
    precompress(site_dir)
    return pages

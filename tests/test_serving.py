"""Production serving: nginx with the site's headers, gzip, caching and per-language 404s; the
same headers for static hosts; Chromium meets no CSP violation, failed request or script error."""

from __future__ import annotations

import base64
import gzip
import hashlib
import re
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
from bs4 import BeautifulSoup

from scripts.content.pages import find_pages
from scripts.plugin.material import SEARCH_BOX
from scripts.project import DOCS_DIR
from scripts.serving import deploy, serve

PAGES = [page.url for page in find_pages(DOCS_DIR)]


@pytest.fixture(scope="session")
def prod(site):
    """The built site behind real nginx, configured as in production."""
    with serve.running(site.root) as base:
        yield base


def fetch(url: str, gzip_ok: bool = True):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        return urllib.request.urlopen(request, timeout=10)
    except urllib.error.HTTPError as error:
        return error


def test_pages_carry_the_security_headers(prod):
    headers = fetch(prod + "help/").headers
    policy = headers["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]+)", policy)[1]
    assert "'unsafe-inline'" not in script_src and "'sha256-" in script_src
    assert "frame-ancestors 'none'" in policy and "default-src 'self'" in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in headers["Permissions-Policy"]
    assert "geolocation=()" in headers["Permissions-Policy"]
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_policy_allows_exactly_the_inline_scripts_of_the_pages(site, prod):
    """The hashes computed here from the pages as a browser parses them (BeautifulSoup), not by
    the code that wrote the policy."""
    expected = set()
    for page in site.root.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script", src=False):
            if script.get("type") in (None, "", "text/javascript", "module"):
                digest = hashlib.sha256(script.string.encode("utf-8")).digest()
                expected.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    policy = fetch(prod).headers["Content-Security-Policy"]
    assert expected and set(re.findall(r"'sha256-[^']+'", policy)) == expected


def test_text_is_served_gzipped_from_precompressed_files(site, prod):
    for path in ["", "help/", "search/search_index.json"]:
        response = fetch(prod + path)
        assert response.headers["Content-Encoding"] == "gzip"
        body = gzip.decompress(response.read())
        assert body == site.path(path).read_bytes()
    stylesheet = next(site.root.glob("assets/stylesheets/site.*.min.css"))
    assert stylesheet.with_name(stylesheet.name + ".gz").exists()


def test_fingerprinted_files_are_immutable_and_pages_revalidated(site, prod):
    assets = [
        p.relative_to(site.root).as_posix()
        for p in (
            *site.root.glob("assets/stylesheets/site.*.min.css"),
            *site.root.glob("assets/javascripts/site.*.min.js"),
            *site.root.glob("assets/search/*.min.js"),
            *site.root.glob("search/??.*.json"),
        )
    ]
    assert len(assets) == 6
    for path in assets:
        assert "immutable" in fetch(prod + path).headers["Cache-Control"], path
    for path in ["", "id/help/"]:
        assert fetch(prod + path).headers["Cache-Control"] == "no-cache"


@pytest.mark.parametrize(
    ("path", "lang"),
    [("nowhere/", "pl"), ("id/nowhere/", "id"), ("help/missing.html", "pl"), ("id/law/x", "id")],
)
def test_not_found_comes_in_the_readers_language(prod, path, lang):
    response = fetch(prod + path)
    assert response.status == 404
    body = (
        gzip.decompress(response.read())
        if response.headers["Content-Encoding"]
        else response.read()
    )
    assert f'<html lang="{lang}"'.encode() in body


def test_static_hosts_get_the_same_headers_as_nginx(site, prod):
    """site/_headers (Netlify, Cloudflare Pages) says what nginx sends with every page."""
    written = (site.root / "_headers").read_text(encoding="utf-8")
    block = written.split("\n\n")[0].splitlines()
    assert block[0] == "/*"
    rules = dict(line.strip().split(": ", 1) for line in block[1:])
    sent = fetch(prod + "help/").headers
    for name, value in rules.items():
        assert sent[name] == value, name
    assert set(rules) >= {
        "Content-Security-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Permissions-Policy",
        "Cross-Origin-Opener-Policy",
    }


CSP_LISTENER = """
window.__kbViolations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__kbViolations.push(e.violatedDirective + " " + e.blockedURI));
"""


@pytest.mark.parametrize("url", PAGES + ["nowhere/", "id/nowhere/"])
def test_a_page_served_by_nginx_keeps_to_its_policy_and_to_its_own_host(prod, visit, url):
    """Loading the page and searching from it: no CSP violation, no failed request, no request
    to another host, no cookie, no script error (the reader's privacy and the policy's
    completeness, in one visit under the production headers)."""
    view = visit()
    view.context.add_init_script(CSP_LISTENER)
    failed = []
    view.tab.on("requestfailed", lambda request: failed.append(request.url))
    view.tab.on(
        "response", lambda r: r.status >= 400 and r.url != prod + url and failed.append(r.url)
    )
    view.tab.goto(prod + url, wait_until="networkidle")
    # Use the search too: worker, engine and index load under the same policy.
    view.tab.click(SEARCH_BOX)
    view.tab.keyboard.type("leczenie" if not url.startswith("id/") else "pengobatan")
    view.tab.wait_for_selector(".md-search-result__item", timeout=10000)
    assert view.tab.evaluate("window.__kbViolations") == []
    assert failed == []
    assert [r for r in view.requests if not r.startswith((prod, "data:"))] == []
    assert view.context.cookies() == []
    assert [
        e for e in view.errors if "404" not in e or url not in ("nowhere/", "id/nowhere/")
    ] == []


def test_github_pages_gets_the_same_policy_as_meta(site, prod, tmp_path):
    import shutil

    copy = tmp_path / "site"
    shutil.copytree(site.root, copy)
    assert deploy.write_meta_policy(copy) == len(list(copy.rglob("*.html")))
    html = (copy / "help/index.html").read_text(encoding="utf-8")
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)[1]
    header = fetch(prod + "help/").headers["Content-Security-Policy"]
    expected = "; ".join(d.strip() for d in header.split(";") if "frame-ancestors" not in d)
    assert meta == expected
    workflow = (deploy.ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8")
    assert "python -m scripts pages-meta" in workflow and "make check build" in workflow


GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def comparable(name: str, data: bytes) -> bytes:
    """A built file with its generator tag blanked (the one place the builders differ)."""
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    return GENERATOR.sub(b"<generator>", data)


def test_properdocs_builds_the_same_site_byte_for_byte(site, tmp_path):
    """The maintained continuation of MkDocs 1.x (scripts/project.py BUILDER) builds this site's
    configuration and plugin into the same files, byte for byte, but for the generator tag."""
    from tests.conftest import BUILD_ENV, ROOT, snapshot

    out = tmp_path / "properdocs-site"
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-d", str(out)],
        cwd=ROOT,
        env=BUILD_ENV,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    proper, material = snapshot(out), snapshot(site.root)
    assert sorted(proper) == sorted(material)
    differ = [n for n in material if comparable(n, proper[n]) != comparable(n, material[n])]
    assert differ == []
    assert b"ProperDocs" in GENERATOR.search(proper["index.html"])[0]


def test_production_config_is_in_step_with_the_headers_and_the_pages(site):
    committed = deploy.PRODUCTION_FILE.read_text(encoding="utf-8")
    assert committed == deploy.nginx_production(site.root), (
        "deploy/nginx/kb-site.conf is out of date: run `make deploy-config` and commit it"
    )


def test_production_config_is_valid_nginx_and_serves_https(site, tmp_path):
    """nginx -t on the committed file, its placeholders pointed at a throw-away certificate."""
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=example.org",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    server = deploy.PRODUCTION_FILE.read_text(encoding="utf-8")
    assert "listen 443 ssl http2;" in server and "return 301 https://$host$request_uri;" in server
    assert "Strict-Transport-Security" in server
    server = (
        server.replace(deploy.CERTIFICATE, str(cert))
        .replace(deploy.CERTIFICATE_KEY, str(key))
        .replace(deploy.WEB_ROOT, str(site.root))
    )
    (tmp_path / "site.conf").write_text(server, encoding="utf-8")
    main = f"""pid {tmp_path}/nginx.pid;
error_log stderr warn;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  include {tmp_path}/site.conf;
}}
"""
    (tmp_path / "nginx.conf").write_text(main, encoding="utf-8")
    result = subprocess.run(
        [serve.nginx_binary(), "-t", "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr

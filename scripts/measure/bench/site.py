"""`make bench`: build time, peak memory, output size and search payload for generated sites of
100, 1,000 and 5,000 pages per language, the project's build beside a plain Material +
mkdocs-static-i18n build of the same pages. Medians of several runs; prints a table."""

from __future__ import annotations

import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.measure.bench.generate import generate
from scripts.project import BUILDER, LANGUAGES

SIZES = tuple(int(n) for n in os.environ.get("BENCH_SIZES", "100,1000,5000").split(","))
RUNS = {100: 3, 1000: 3, 5000: 1}


def timed_build(project: Path, config: str) -> tuple[float, int]:
    """(seconds, peak resident memory in bytes) of one build in a child process."""
    site = project / "site"
    command = [sys.executable, "-m", BUILDER, "build", "-q", "-f", config, "-d", str(site)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    child = subprocess.Popen(
        command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise RuntimeError(f"build failed in {project}: {child.stderr.read().decode()[-1500:]}")
    return elapsed, usage.ru_maxrss * 1024


def output_size(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


def search_payload(site: Path, plain: bool) -> dict[str, int]:
    """Bytes (gzip) a reader downloads to search, per language."""
    if plain:  # Material's lunr index holds both languages; each reader downloads all of it
        index = site / "search/search_index.json"
        size = len(gzip.compress(index.read_bytes(), 9))
        return {lang: size for lang in LANGUAGES}
    engine = next((site / "assets/search").glob("engine.*.min.js.gz")).stat().st_size
    return {
        lang: next((site / "search").glob(f"{lang}.*.json.gz")).stat().st_size + engine
        for lang in LANGUAGES
    }


def measure(pages: int, plain: bool, workdir: Path) -> dict:
    project = generate(workdir / f"{'plain' if plain else 'project'}-{pages}", pages, plain)
    config = "mkdocs.yml" if plain else "bench.yml"
    runs = [timed_build(project, config) for _ in range(RUNS.get(pages, 1))]
    site = project / "site"
    return {
        "seconds": statistics.median(r[0] for r in runs),
        "memory": statistics.median(r[1] for r in runs),
        "size": output_size(site),
        "search": search_payload(site, plain),
        "pages": sum(1 for _ in site.rglob("*.html")),
    }


def main() -> int:
    rows = []
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as work:
        for pages in SIZES:
            plain = measure(pages, True, Path(work))
            ours = measure(pages, False, Path(work))
            rows.append((pages, plain, ours))
            print(f"  measured {pages} pages per language", file=sys.stderr)
    print(
        "| pages per language | build (plain → project) | ratio | peak memory (plain → project)"
        " | ratio | output size (plain → project) | search payload pl / id, gzip"
        " (plain → project) |"
    )
    print("|" + " --- |" * 7)
    for pages, plain, ours in rows:
        print(
            f"| {pages:,} | {plain['seconds']:.1f} s → {ours['seconds']:.1f} s | "
            f"{ours['seconds'] / plain['seconds']:.2f}× | {plain['memory'] / 2**20:.0f} MB → "
            f"{ours['memory'] / 2**20:.0f} MB | {ours['memory'] / plain['memory']:.2f}× | "
            f"{plain['size'] / 2**20:.1f} MB → {ours['size'] / 2**20:.1f} MB | "
            f"{plain['search']['pl'] / 1024:.0f} / {plain['search']['id'] / 1024:.0f} KB → "
            f"{ours['search']['pl'] / 1024:.0f} / {ours['search']['id'] / 1024:.0f} KB |"
        )
    runs = ", ".join(f"{RUNS.get(n, 1)} at {n:,}" for n in SIZES)
    print(f"\nMedian of {runs} pages; the project's output includes precompressed .gz copies.")
    return 0

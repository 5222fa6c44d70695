"""The editors' workflow: `make check` on bad input, translation freshness, `make page`."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import (
    BUILD_ENV,
    as_synced_repository,
    commit_all,
    run_build,
    run_scripts,
    snapshot,
)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_fixture_and_the_real_content_pass_the_checks(fixture_repo):
    assert run_scripts(fixture_repo(), "check").returncode == 0
    real = run_scripts(Path(__file__).resolve().parent.parent, "check")
    assert real.returncode == 0, real.stdout


# name: (file, text, replacement, expected "path:line" prefix, words the message must contain)
BAD_INPUT = {
    "broken link": (
        "docs/pl/guide/steps.md",
        "(../index.md)",
        "(../missing.md)",
        "docs/pl/guide/steps.md:11:",
        ["../missing.md", "leads to no page"],
    ),
    "broken anchor": (
        "docs/pl/index.md",
        "#jak-zaczac",
        "#jak-skonczyc",
        "docs/pl/index.md:9:",
        ["#jak-skonczyc", "docs/pl/guide/steps.md"],
    ),
    "front matter not YAML": (
        "docs/id/index.md",
        "title: Beranda",
        "title: [Beranda",
        "docs/id/index.md:2:",
        ["'[' opened on this line is never closed", "add the closing ']'"],
    ),
    "missing description": (
        "docs/pl/guide/steps.md",
        "description: Kroki w zestawie testowym.\n",
        "",
        "docs/pl/guide/steps.md:1:",
        ["has no 'description'"],
    ),
    "unknown front-matter key": (
        "docs/pl/index.md",
        "reviewed:",
        "autor: Jan\nreviewed:",
        "docs/pl/index.md:4:",
        ["unknown key 'autor'"],
    ),
    "script tag": (
        "docs/pl/guide/steps.md",
        "## Numer",
        "<script>alert(1)</script>\n\n## Numer",
        "docs/pl/guide/steps.md:13:",
        ["<script>"],
    ),
    "inline event handler": (
        "docs/id/guide/steps.md",
        "Kembali",
        '<b onclick="x()">Hi</b> Kembali',
        "docs/id/guide/steps.md:14:",
        ["event handler"],
    ),
    "javascript URL": (
        "docs/pl/index.md",
        "(guide/steps.md#kontakt)",
        "(javascript:alert(1))",
        "docs/pl/index.md:9:",
        ["javascript:"],
    ),
    "raw-HTML link to a missing page": (
        "docs/pl/guide/steps.md",
        "## Numer",
        '<a href="../nowhere.md">tutaj</a>\n\n## Numer',
        "docs/pl/guide/steps.md:13:",
        ["the link '../nowhere.md' leads to no page"],
    ),
    "reference-style link to a missing page": (
        "docs/id/guide/steps.md",
        "Kembali",
        "[lihat][ref] Kembali\n\n[ref]: ../hilang.md\n",
        "docs/id/guide/steps.md:16:",
        ["the link '../hilang.md' leads to no page"],
    ),
    "missing image file": (
        "docs/pl/guide/steps.md",
        "(steps.png)",
        "(kroki.png)",
        "docs/pl/guide/steps.md:15:",
        ["the image file 'kroki.png' does not exist"],
    ),
    "handler in a tag split over two lines": (
        "docs/pl/guide/steps.md",
        "## Numer",
        '<img src="x.png" alt="x"\n     onerror="alert(1)">\n\n## Numer',
        "docs/pl/guide/steps.md:13:",
        ["inline event handler (onerror=)"],
    ),
    "entity-encoded javascript link": (
        "docs/pl/guide/steps.md",
        "## Numer",
        '<a href="&#106;avascript&#58;alert(1)">x</a>\n\n## Numer',
        "docs/pl/guide/steps.md:13:",
        ["a javascript: URL"],
    ),
    "meta refresh": (
        "docs/id/guide/steps.md",
        "Kembali",
        '<meta http-equiv="refresh" content="0;url=https://example.org"> Kembali',
        "docs/id/guide/steps.md:14:",
        ["a <meta> tag"],
    ),
    "base, form, object, embed and a style with url(": (
        "docs/pl/guide/steps.md",
        "## Numer",
        '<base href="https://example.org/">\n<form action="/x"></form>\n'
        '<object data="x"></object>\n<embed src="x">\n'
        '<p style="background: url(https://example.org/t.png)">x</p>\n\n## Numer',
        "docs/pl/guide/steps.md:1",
        ["a <base> tag"],
    ),
    "image without alt": (
        "docs/pl/guide/steps.md",
        "![Schemat kroków leczenia]",
        "![]",
        "docs/pl/guide/steps.md:15:",
        ["no alt text"],
    ),
    "data entry missing a language": (
        "data/glossary.yml",
        "    id: {term: IPWL, meaning: Institusi penerima wajib lapor.}\n",
        "",
        "data/glossary.yml:2:",
        ["entry 'ipwl'", "id", "missing"],
    ),
    "data block without brackets": (
        "docs/pl/guide/steps.md",
        "## Numer",
        "{{ emergency_box }}\n\n## Numer",
        "docs/pl/guide/steps.md:13:",
        ["'emergency_box' has no brackets", "{{ emergency_box() }}"],
    ),
    "misspelled data block": (
        "docs/id/guide/steps.md",
        "Kembali",
        '{{ contactt("pl-112") }} Kembali',
        "docs/id/guide/steps.md:14:",
        ["'contactt' is undefined", "check the spelling"],
    ),
    "forbidden phrase on a page": (
        "docs/pl/guide/steps.md",
        "Wróć na",
        "Według tekstu źródłowego wróć na",
        "docs/pl/guide/steps.md:11:",
        ["'według tekstu źródłowego' must not appear", "state the fact"],
    ),
    "forbidden phrase in a data text": (
        "data/contacts.yml",
        "id: Keadaan darurat.",
        "id: Pasal ini tidak dicabut.",
        "data/contacts.yml:7:",
        ["'tidak dicabut' must not appear", "name the KUHP"],
    ),
    "tab in front matter": (
        "docs/pl/guide/steps.md",
        "description: Kroki",
        "\tdescription: Kroki",
        "docs/pl/guide/steps.md:3:",
        ["indented with a tab", "replace the tab at column 1 with spaces"],
    ),
    "impossible day": (
        "docs/pl/guide/steps.md",
        "reviewed: 2026-11-22",
        "reviewed: 2026-02-30",
        "docs/pl/guide/steps.md:4:",
        ["February 2026 has no day 30", "YYYY-MM-DD"],
    ),
    "impossible month": (
        "docs/id/guide/steps.md",
        "reviewed: 2026-11-22",
        "reviewed: 2026-13-01",
        "docs/id/guide/steps.md:4:",
        ["no month 13"],
    ),
    "review date after today": (
        "docs/pl/guide/steps.md",
        "reviewed: 2026-11-22",
        "reviewed: 2062-11-22",
        "docs/pl/guide/steps.md:4:",
        ["2062-11-22 is after today", "the date you last reviewed"],
    ),
    "title written twice": (
        "docs/pl/guide/steps.md",
        "description: Kroki",
        "title: Inne\ndescription: Kroki",
        "docs/pl/guide/steps.md:3:",
        ["'title' is written twice (also on line 2)", "delete the other"],
    ),
    "contact number written twice": (
        "data/contacts.yml",
        "    emergency: true",
        '    emergency: true\n    number: "999"',
        "data/contacts.yml:6:",
        ["'number' is written twice (also on line 4)"],
    ),
    "glossary term under two keys": (
        "data/glossary.yml",
        "    id: {term: IPWL, meaning: Institusi penerima wajib lapor.}",
        "    id: {term: IPWL, meaning: Institusi penerima wajib lapor.}\n"
        "  - key: other\n"
        "    pl: {term: Instytucja, meaning: Inna.}\n"
        "    id: {term: Institusi, meaning: Lain.}\n"
        "    aliases: {pl: [IPWL], id: []}",
        "data/glossary.yml:5:",
        ["'IPWL' is a term of both 'ipwl' and 'other'", "one key only"],
    ),
    "unclosed quote": (
        "docs/pl/guide/steps.md",
        "title: Kroki",
        'title: "Kroki',
        "docs/pl/guide/steps.md:2:",
        ["quote opened on this line is never closed"],
    ),
    "number not in quotes": (
        "data/contacts.yml",
        'number: "112"',
        "number: 112",
        "data/contacts.yml:",
        ["112 is read as a number", 'put it in quotes: "112"'],
    ),
    "source_commit not a commit": (
        "docs/id/index.md",
        "source_commit: ",
        "source_commit: 1234abcd",
        "docs/id/index.md:5:",
        ["not a commit of this repository"],
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUT))
def test_make_check_names_file_and_line_and_leaves_the_tree_alone(fixture_repo, case):
    repo = fixture_repo()
    name, old, new, where, words = BAD_INPUT[case]
    if case == "source_commit not a commit":
        # Replace the whole synced sha, not just prefix it.
        path = repo / name
        path.write_text(
            re.sub(
                r"source_commit: \w+", "source_commit: 1234abcd", path.read_text(encoding="utf-8")
            ),
            encoding="utf-8",
        )
    else:
        edit(repo / name, old, new)
    before = snapshot(repo / "docs") | snapshot(repo / "data")

    result = run_scripts(repo, "check")

    assert result.returncode == 1
    errors = [line for line in result.stdout.splitlines() if line.startswith(where)]
    assert errors, result.stdout
    assert any(all(w in line for w in words) for line in errors), result.stdout
    assert all(" — " in line for line in errors), "every error says how to fix it"
    assert snapshot(repo / "docs") | snapshot(repo / "data") == before


def test_every_unsafe_element_is_named_on_its_own_line(fixture_repo):
    repo = fixture_repo()
    edit(
        repo / "docs/pl/guide/steps.md",
        "## Numer",
        '<base href="https://example.org/">\n<form action="/x"></form>\n'
        '<object data="x"></object>\n<embed src="x">\n'
        '<p style="background: url(https://example.org/t.png)">x</p>\n\n'
        "```html\n<script>shown, not run</script>\n```\n\n## Numer",
    )
    out = run_scripts(repo, "check").stdout
    for line, what in [
        (13, "a <base> tag"),
        (14, "a <form>"),
        (15, "an <object>"),
        (16, "an <embed>"),
        (17, "a style that loads a URL"),
    ]:
        assert f"docs/pl/guide/steps.md:{line}: the page contains {what}" in out, out
    assert ":20: the page contains a <script>" not in out, "code blocks are shown, not run"


def test_a_forbidden_phrase_is_allowed_where_its_exception_stands(fixture_repo):
    repo = fixture_repo()
    edit(repo / "docs/id/guide/steps.md", "Kembali", "Pasal 54 tidak dicabut oleh KUHP. Kembali")
    assert run_scripts(repo, "check").returncode == 0
    edit(repo / "docs/id/guide/steps.md", "oleh KUHP", "")
    result = run_scripts(repo, "check")
    assert "docs/id/guide/steps.md:14: 'tidak dicabut' must not appear" in result.stdout


@pytest.mark.parametrize(
    ("encoding", "words"),
    [("utf-16", "saved as UTF-16"), ("cp1250", "saved as another encoding")],
)
def test_a_page_not_saved_as_utf8_is_named_with_the_fix(fixture_repo, encoding, words):
    repo = fixture_repo()
    page = repo / "docs/pl/guide/steps.md"
    page.write_bytes(page.read_text(encoding="utf-8").encode(encoding))
    for command in ("check", "translations"):
        result = run_scripts(repo, command)
        assert result.returncode == 1, result.stdout
        assert "Traceback" not in result.stdout + result.stderr
        assert "docs/pl/guide/steps.md" in result.stdout and words in result.stdout
        assert "save the file as UTF-8" in result.stdout


def test_a_byte_order_mark_is_accepted(fixture_repo):
    repo = fixture_repo()
    page = repo / "docs/pl/guide/steps.md"
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())
    result = run_scripts(repo, "check")
    assert result.returncode == 0, result.stdout


def test_translations_fail_on_a_translation_whose_front_matter_cannot_be_read(fixture_repo):
    repo = fixture_repo()
    edit(repo / "docs/id/index.md", "title: Beranda", "\ttitle: Beranda")
    result = run_scripts(repo, "translations")
    assert result.returncode == 1
    assert "docs/id/index.md:2: front matter: the line is indented with a tab" in result.stdout


NAV_CONFIG = "site_name: A\nnav:\n  - index.md\n  - Przewodnik:\n      - guide/steps.md\n"


def test_the_navigation_and_the_pages_agree(fixture_repo):
    repo = fixture_repo()
    (repo / "mkdocs.yml").write_text(NAV_CONFIG, encoding="utf-8")
    assert run_scripts(repo, "check").returncode == 0
    (repo / "mkdocs.yml").write_text(NAV_CONFIG.replace("guide/steps.md", "guide/step.md"))
    out = run_scripts(repo, "check").stdout
    assert "mkdocs.yml:5: the navigation lists 'guide/step.md', which is not a page" in out
    assert "docs/pl/guide/steps.md: the page is not in the navigation" in out


def test_a_page_left_out_of_the_navigation_on_purpose_is_no_problem(fixture_repo):
    """MkDocs' `not_in_nav` (gitignore-style patterns) says a page is outside the menu on
    purpose, as the benchmark's generated pages are."""
    repo = fixture_repo()
    without_guide = "site_name: A\nnav:\n  - index.md\n"
    (repo / "mkdocs.yml").write_text(without_guide, encoding="utf-8")
    assert "guide/steps.md: the page is not in the navigation" in run_scripts(repo, "check").stdout
    (repo / "mkdocs.yml").write_text(without_guide + "not_in_nav: |\n  guide/\n")
    assert run_scripts(repo, "check").returncode == 0


def test_a_key_written_twice_in_the_site_config_is_reported(fixture_repo):
    repo = fixture_repo()
    (repo / "mkdocs.yml").write_text("site_name: A\nnav:\n  - index.md\nnav:\n  - x.md\n")
    result = run_scripts(repo, "check")
    assert "mkdocs.yml:4: 'nav' is written twice (also on line 2)" in result.stdout


def test_page_without_twin_is_reported(fixture_repo):
    repo = fixture_repo()
    (repo / "docs/id/guide/steps.md").unlink()
    result = run_scripts(repo, "check")
    assert result.returncode == 1
    assert "docs/pl/guide/steps.md: the page has no twin in docs/id/" in result.stdout


def test_translations_report_up_to_date_outdated_and_missing(fixture_repo):
    repo = fixture_repo()
    fresh = run_scripts(repo, "translations")
    assert fresh.returncode == 0, fresh.stdout
    assert "2 pairs: 2 up to date, 0 outdated, 0 missing" in fresh.stdout

    edit(repo / "docs/pl/guide/steps.md", "## Jak zacząć?", "## Jak zacząć?\n\nNowe zdanie.")
    commit_all(repo, "Add a sentence to the Polish steps")
    outdated = run_scripts(repo, "translations")
    assert outdated.returncode == 1
    assert "OUTDATED    docs/id/guide/steps.md ← docs/pl/guide/steps.md" in outdated.stdout
    assert "Add a sentence to the Polish steps" in outdated.stdout
    assert "1 file changed" in outdated.stdout
    assert "UP TO DATE  docs/id/index.md" in outdated.stdout

    assert run_scripts(repo, "synced", "docs/id/guide/steps.md").returncode == 0
    assert run_scripts(repo, "translations").returncode == 0

    (repo / "docs/id/guide/steps.md").unlink()
    missing = run_scripts(repo, "translations")
    assert missing.returncode == 1
    assert "MISSING     docs/id/guide/steps.md" in missing.stdout


def test_outdated_translation_shows_a_notice_in_its_language(project_copy):
    project = as_synced_repository(project_copy())
    edit(project / "docs/pl/treatment/stages.md", "\n# ", "\nNowy akapit.\n\n# ")
    commit_all(project, "Change the Polish stages page")

    assert run_build(project).returncode == 0
    notice = (project / "site/id/treatment/stages/index.html").read_text(encoding="utf-8")
    assert "kb-outdated" in notice and "Terjemahan ini mungkin sudah tidak mutakhir" in notice
    assert 'href="../../../treatment/stages/"' in notice
    untouched = (project / "site/id/treatment/index.html").read_text(encoding="utf-8")
    assert "kb-outdated" not in untouched


def test_make_page_creates_both_twins_in_the_nav_and_checks_pass(project_copy):
    project = as_synced_repository(project_copy())
    result = run_scripts(project, "page", "treatment/example")
    assert result.returncode == 0, result.stderr
    assert (project / "docs/pl/treatment/example.md").exists()
    translation = (project / "docs/id/treatment/example.md").read_text(encoding="utf-8")
    assert "translation:\n  from: pl\n  source_commit: " in translation
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "      - treatment/stages.md\n      - treatment/example.md\n" in config
    assert run_scripts(project, "check").returncode == 0
    assert run_build(project).returncode == 0
    assert (project / "site/id/treatment/example/index.html").exists()
    again = run_scripts(project, "page", "treatment/example")
    assert again.returncode == 2 and "already exists" in again.stderr


def run_with(repo: Path, *args: str, **env: str):
    return subprocess.run(
        [sys.executable, "-m", "scripts", *args],
        cwd=repo,
        env=BUILD_ENV | env,
        capture_output=True,
        text=True,
    )


def test_under_github_actions_each_problem_is_an_annotation_on_its_line(fixture_repo):
    repo = fixture_repo()
    edit(repo / "docs/pl/guide/steps.md", "(../index.md)", "(../missing.md)")
    result = run_with(repo, "check", GITHUB_ACTIONS="true")
    assert result.returncode == 1
    annotation = next(line for line in result.stdout.splitlines() if line.startswith("::error"))
    assert annotation.startswith("::error file=docs/pl/guide/steps.md,line=11,title=")
    assert annotation.endswith(
        "leads to no page — check the file name (links end in .md, relative to this page)"
    )
    plain = run_with(repo, "check", GITHUB_ACTIONS="false").stdout
    assert "docs/pl/guide/steps.md:11: the link '../missing.md' leads to no page" in plain


def test_a_fact_checked_long_ago_warns_in_check_and_fails_the_monthly_job(fixture_repo):
    repo = fixture_repo()
    edit(repo / "data/contacts.yml", "checked: 2026-11-22", "checked: 2025-01-10")
    check = run_with(repo, "check")
    assert check.returncode == 0, "age alone does not fail the build"
    warning = "warning: data/contacts.yml:2: entry 'pl-112' was last checked on 2025-01-10"
    assert warning in check.stdout
    stale = run_with(repo, "stale")
    assert stale.returncode == 1
    assert "data/contacts.yml:2: entry 'pl-112' was last checked on 2025-01-10" in stale.stdout
    today = datetime.date.today().isoformat()
    edit(repo / "data/contacts.yml", "checked: 2025-01-10", f"checked: {today}")
    assert run_with(repo, "stale").returncode == 0


def test_a_page_over_the_budget_gets_a_warning_naming_it(fixture_repo):
    repo = fixture_repo()
    page = repo / "docs/pl/guide/steps.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nDługi akapit. " * 9000, "utf-8")
    result = run_scripts(repo, "check")
    assert result.returncode == 0, "size alone does not stop an editor"
    assert "warning: docs/pl/guide/steps.md: the page is 1" in result.stdout
    assert "over the 100 KB budget" in result.stdout

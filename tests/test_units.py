"""Unit tests of small pieces the editors' tools rely on, with inputs and expectations written
here: the navigation edit of `make page` and the heading anchors the link check knows."""

from __future__ import annotations

from scripts.content.render import collation_key
from scripts.editors.checks import anchors_of
from scripts.editors.newpage import with_nav_entry

CONFIG = """site_name: A
nav:
  - index.md
  - Leczenie:
      - treatment/index.md
      - treatment/stages.md
  - glossary.md

extra_css: []
"""


def test_a_new_page_goes_after_the_last_page_of_its_folder():
    assert with_nav_entry(CONFIG, "treatment/detox.md") == CONFIG.replace(
        "      - treatment/stages.md\n",
        "      - treatment/stages.md\n      - treatment/detox.md\n",
    )


def test_a_page_of_a_new_folder_goes_at_the_end_of_the_nav():
    assert with_nav_entry(CONFIG, "family/index.md") == CONFIG.replace(
        "  - glossary.md\n", "  - glossary.md\n  - family/index.md\n"
    )


def test_a_top_level_page_goes_at_the_end_of_the_nav_before_the_next_key():
    edited = with_nav_entry(CONFIG, "contact.md")
    assert edited.split("\n")[7] == "  - contact.md"
    assert edited.endswith("\nextra_css: []\n")


def test_headings_get_the_anchors_python_markdown_gives_them():
    page = "\n".join(
        [
            "# Czym jest uzależnienie?",
            "## Jak wygląda *leczenie*?",
            "## Jak wygląda leczenie?",
            "## Kto pomaga? { #help }",
            "## Zobacz [słowniczek](glossary.md)",
            "Tekst z {#inline-id} w akapicie.",
        ]
    )
    assert anchors_of(page) == {
        "czym-jest-uzaleznienie",
        "jak-wyglada-leczenie",
        "jak-wyglada-leczenie_1",
        "help",
        "zobacz-sowniczek",
        "inline-id",
    }


def test_glossary_terms_sort_as_in_a_polish_dictionary():
    words = ["łza", "lek", "Mama", "żaba", "zebra", "ćma", "cel", "Źródło", "ocena", "ósemka"]
    assert sorted(words, key=collation_key) == [
        "cel",
        "ćma",
        "lek",
        "łza",
        "Mama",
        "ocena",
        "ósemka",
        "zebra",
        "Źródło",
        "żaba",
    ]

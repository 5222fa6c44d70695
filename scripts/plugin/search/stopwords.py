"""Stop words: the words of a question that say nothing about what is asked ("czy", "się",
"karena"). The search never counts them as matches, so a whole question typed into the box is
ranked by its informative words.

The lists come from the npm package `stopword` (MIT, maintained at
github.com/fergiemcdowall/stopword; its lists `pol` and `ind`), copied into stopwords.json by
`python -m scripts stopwords` (the build itself needs no Node). tests/test_search_engine.py
checks that the copy equals the pinned package in package-lock.json.
"""

from __future__ import annotations

import json
import subprocess
from functools import cache
from pathlib import Path

from scripts.project import ROOT

LISTS = Path(__file__).with_name("stopwords.json")
PACKAGE_LISTS = {"pl": "pol", "id": "ind"}
# Words of those lists that carry meaning on this site and must still be searched for:
# "kartu lapor diri", "keadaan darurat", "kasus" (a court case), "pertama" (first aid),
# "keluar" (quick exit), "kembali" (returning to society), "biaya"-like cost words, ...
KEEP = {
    "pl": {"sam", "sama", "musi", "powinien", "trzeba", "pomimo", "lat", "roku", "dziś"},
    "id": {
        "diri",
        "dirinya",
        "keadaan",
        "kasus",
        "pertama",
        "keluar",
        "kembali",
        "masalah",
        "tempat",
        "cara",
        "caranya",
        "biasa",
        "bulan",
        "tahun",
        "lama",
        "umum",
        "besar",
        "minta",
        "meminta",
        "diminta",
        "penting",
        "harus",
        "wajib",
        "pihak",
        "jawab",
        "bertanya",
        "tanya",
        "pertanyaan",
        "datang",
        "mendatangi",
        "keinginan",
        "rasa",
        "merasa",
        "berjumlah",
        "jumlah",
        "waktu",
        "pukul",
        "satu",
        "dua",
        "tiga",
        "empat",
        "lima",
        "bapak",
        "awal",
        "akhir",
        "lanjut",
        "selanjutnya",
        "sendiri",
        "ingin",
    },
}


@cache
def stop_words(lang: str) -> list[str]:
    lists = json.loads(LISTS.read_text(encoding="utf-8"))
    return sorted(set(lists[lang]) - KEEP[lang])


def package_lists() -> dict[str, list[str]]:
    """The lists as the installed npm package has them (node_modules, from package-lock.json)."""
    script = "const s = require('stopword'); console.log(JSON.stringify({pl: s.pol, id: s.ind}))"
    out = subprocess.run(
        ["node", "-e", script], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out)


def update() -> None:
    """Copy the package's lists into stopwords.json (after upgrading `stopword` with npm)."""
    version = json.loads((ROOT / "node_modules/stopword/package.json").read_text())["version"]
    lists = {"source": f"npm package stopword {version} (MIT), lists pol and ind"}
    LISTS.write_text(json.dumps(lists | package_lists(), ensure_ascii=False) + "\n", "utf-8")

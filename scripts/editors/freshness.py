"""When checked facts and reviewed pages fall due: contacts and laws whose `checked` date is more
than CHECK_INTERVAL_MONTHS old are reported (a warning in `make check`, a failure in the monthly
workflow, `python -m scripts stale`), and each page's next review date.

Dates are computed from the files and a given day; nothing here reads the clock unless asked for
today's date, so builds stay reproducible.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from scripts.content.data import line_of, load_file
from scripts.problems import Problem
from scripts.project import CHECK_INTERVAL_MONTHS, DATA_DIR, relative

# The data files whose entries carry a `checked` date, and the key naming an entry.
CHECKED_FILES = {"contacts": "id", "laws": "id"}


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (the month's last day when it has no such day)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    raise ValueError(day)


def overdue(today: datetime.date, data_dir: Path = DATA_DIR) -> list[Problem]:
    """A problem (path:line, entry, date) for each entry checked too long ago."""
    problems = []
    for stem, name_key in CHECKED_FILES.items():
        path = data_dir / f"{stem}.yml"
        if not path.exists():
            continue
        entries, _ = load_file(path, stem)
        text = path.read_text(encoding="utf-8")
        for entry in entries:
            checked = entry.get("checked") if isinstance(entry, dict) else None
            if not isinstance(checked, datetime.date):
                continue  # reported by the data checks
            due = add_months(checked, CHECK_INTERVAL_MONTHS)
            if due >= today:
                continue
            name = entry.get(name_key)
            line = line_of(text, name_key, name)
            what = (
                f"entry '{name}' was last checked on {checked.isoformat()}, more than "
                f"{CHECK_INTERVAL_MONTHS} months ago"
            )
            fix = "check it against its source, then set checked: to today's date"
            problems.append(Problem(relative(path), line, what, fix))
    return problems

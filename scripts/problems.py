"""A problem found in the content, reported as `path:line: what is wrong — how to fix it`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    what: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.what} — {self.fix}"

    def as_workflow_command(self, level: str = "error") -> str:
        """GitHub Actions' annotation, shown on the pull request's changed line."""
        where = f"file={self.path}" + (f",line={self.line}" if self.line else "")
        title = self.what.split(" (")[0][:80]
        message = f"{self.what} — {self.fix}"

        def escape(text: str, *, in_property: bool = False) -> str:
            text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            return text.replace(":", "%3A").replace(",", "%2C") if in_property else text

        return f"::{level} {where},title={escape(title, in_property=True)}::{escape(message)}"


class ContentError(Exception):
    """Raised with every problem found, so one run shows them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

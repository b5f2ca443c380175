"""The one hierarchy of typed errors for the core (api, store, sync, contest).

Every failure the officer may see is a `RecourseError`: `message` says what happened in
words an officer understands, `next_step` what to do about it. The UI shows both; logs
record the class name, never personal data. Each layer subclasses `RecourseError` in its
own module (`recourse.api.errors`, `recourse.store`...), so this module stays small.
"""

from __future__ import annotations


class RecourseError(Exception):
    """A failure with a message for the officer and the next step to take."""

    def __init__(self, message: str, next_step: str) -> None:
        super().__init__(message)
        self.message = message
        self.next_step = next_step

    def __str__(self) -> str:
        return self.message

    def for_officer(self) -> str:
        """Message and next step, as one paragraph of plain text."""
        return f"{self.message} {self.next_step}".strip()

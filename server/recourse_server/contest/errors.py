"""The contest's one refusal type, shared by keys, intake, review and SAR packages."""

from __future__ import annotations

from ..problems import ProblemError


class ContestError(ProblemError):
    """A refusal: `status` for the API, `detail` in words a person understands."""

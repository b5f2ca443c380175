"""URL paths on the force's API: identifiers go in as single, escaped segments."""

from __future__ import annotations

from urllib.parse import quote

__all__ = ["segment"]


def segment(value: str) -> str:
    """`value` as one path segment: '/' and every other reserved character escaped, so an
    identifier from the server can never step into another path."""
    if not value:
        raise ValueError("an identifier is empty")
    return quote(value, safe="")

"""Every table of the server, created at once.

`db` holds the core tables and the shared `metadata`; the contest package registers its
own tables on it. This module sits above both, so neither has to import the other.
"""

from __future__ import annotations

from sqlalchemy import Engine

from . import db
from .contest import tables  # noqa: F401  (importing it registers the contest tables)


def create_schema(engine: Engine) -> None:
    db.metadata.create_all(engine)

"""The JSON wire format of "what changed since these cursors": one request that tells a
client, for itself or for every member of a caseload, which categories have new changes
and whether the flags, the access log, the requests and the catalogues changed.

`POST /v1/changes` `ChangesQuery` -> `ChangesSummary`. A nothing-new sync is then this one
call (after `/me`) instead of a request per category and per resource; the pages
themselves still come from the per-category feed.

The answer for each officer is computed as the per-resource endpoints would answer: a
category's count is the number of feed changes after the cursor given, and each ETag is
the one `GET` of that resource would send now, so an unchanged ETag means that request
would have answered 304.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import Field

from recourse.protocol.wire import Category, Identifier, ShortText, WireModel

__all__ = [
    "CATALOGUES",
    "MAX_OFFICERS_PER_QUERY",
    "Catalogue",
    "ChangesQuery",
    "ChangesSummary",
    "OfficerChanges",
    "OfficerCursors",
    "Resource",
]

#: A caseload is tens of members; a request naming more is refused rather than served.
MAX_OFFICERS_PER_QUERY = 200

Resource = Literal["flags", "access_log", "submissions"]
Catalogue = Literal["rules", "sources"]
CATALOGUES: tuple[Catalogue, ...] = get_args(Catalogue)
Cursor = Annotated[str, Field(min_length=1, max_length=200)]


class OfficerCursors(WireModel):
    officer_id: Identifier
    #: The `next_cursor` the client holds for each category it has synced; a category
    #: left out is counted from the start of its feed.
    cursors: dict[Category, Cursor] = Field(default_factory=dict, max_length=20)


class ChangesQuery(WireModel):
    officers: list[OfficerCursors] = Field(min_length=1, max_length=MAX_OFFICERS_PER_QUERY)


class OfficerChanges(WireModel):
    officer_id: Identifier
    #: False when this officer's data is not available to the caller (no such officer,
    #: or a mandate that ended): what a 404 from their own endpoints would say, no more.
    available: bool = True
    #: How many feed changes follow the cursor given, for categories with any.
    changed: dict[Category, Annotated[int, Field(ge=0)]] = Field(default_factory=dict,
                                                               max_length=20)
    #: The ETag each resource's `GET` would answer with now.
    etags: dict[Resource, ShortText] = Field(default_factory=dict, max_length=3)


class ChangesSummary(WireModel):
    officers: list[OfficerChanges] = Field(max_length=MAX_OFFICERS_PER_QUERY)
    #: The ETags of the force's rule and source catalogues (the same for everyone).
    catalogues: dict[Catalogue, ShortText] = Field(default_factory=dict, max_length=2)

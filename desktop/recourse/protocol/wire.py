"""The JSON wire format shared by the reference server and the desktop client.

The server declares these models as its response models (so the committed OpenAPI
contract is generated from them) and the client validates every response against the
same models before anything reaches the encrypted store. Every model forbids unknown
fields and bounds its strings and lists, so a hostile or broken server cannot smuggle
oversized or unexpected data into the store.

Models are strict: no coercion (`"false"` is not a boolean, `"0"` not a number) and no
NaN or infinity, which JSON cannot hold and so could never be read back from the store.
Free-form JSON (a record's `data`) is bounded in size, depth and members and holds only
values that canonical JSON can write (`JsonObject`). Code that validates Python objects
it made from JSON itself (a stored body, a file) uses `model_validate_json` on the text,
or passes `strict=False` for its own trusted rows.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

API_VERSION = "v1"

#: Largest page of the change feed the server will serve and the client will accept.
MAX_PAGE_SIZE = 5000
DEFAULT_PAGE_SIZE = 1000
#: Largest feed page, in bytes, the client reads: far above any real page (5,000 pings
#: are about 1.3 MB). A larger one is refused as it arrives, and sync asks again for
#: fewer changes, so a category of large records still comes down.
MAX_FEED_PAGE_BYTES = 32 * 1024 * 1024

ShortText = Annotated[str, Field(max_length=200)]
LongText = Annotated[str, Field(max_length=20_000)]
Identifier = Annotated[str, Field(min_length=1, max_length=120, pattern=r"^[A-Za-z0-9_.:\-]+$")]

#: Categories of record in the change feed, in the order a client syncs them.
Category = Literal[
    "roster_entries",
    "roster_audit",
    "absences",
    "overtime",
    "building_access",
    "logins",
    "declarations",
    "registry_matches",
    "system_lookups",
    "standards_actions",
    "location_pings",
]
CATEGORIES: tuple[Category, ...] = get_args(Category)

Role = Literal["officer", "representative", "reviewer"]


_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def _iso_datetime(value: object) -> object:
    # Strict models read a time only from JSON text, and pydantic would read "1700000000"
    # as seconds since 1970; a wire time is ISO 8601 text (or, in Python, a datetime).
    if isinstance(value, datetime) or (isinstance(value, str) and _ISO_DATETIME.match(value)):
        return value
    raise ValueError("a time must be ISO 8601 text, such as 2026-03-01T09:30:00Z")


def _iso_date(value: object) -> object:
    if (isinstance(value, date) and not isinstance(value, datetime)) or (
        isinstance(value, str) and _ISO_DATE.match(value)
    ):
        return value
    raise ValueError("a date must be ISO 8601 text, such as 2026-03-01")


#: A time or a date on the wire: ISO 8601 text, read the same from JSON and from the
#: Python objects a server or a store made from JSON (`strict=False` lets the text in;
#: the check before it lets nothing else in).
WireDateTime = Annotated[datetime, BeforeValidator(_iso_datetime), Field(strict=False)]
WireDate = Annotated[date, BeforeValidator(_iso_date), Field(strict=False)]


#: Bounds of one free-form JSON object (a record's `data`): its canonical size in bytes,
#: how deep lists and objects nest inside it, how many values it holds in all, and the
#: length of any one text in it. Real records are a few hundred bytes, two levels deep.
MAX_DATA_BYTES = 64 * 1024
MAX_DATA_DEPTH = 8
MAX_DATA_VALUES = 2000
MAX_DATA_TEXT = 20_000
#: Integers beyond this lose precision in a double; canonical JSON refuses them.
_MAX_SAFE_INTEGER = 2**53 - 1


def _bounded_json(value: dict[str, Any]) -> dict[str, Any]:
    """Refuse free-form JSON beyond the `MAX_DATA_*` bounds or holding a value JSON cannot
    write back (NaN, infinity, an unsafe integer). Iterative, so depth cannot recurse."""
    size = 2
    values = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        values += 1
        if values > MAX_DATA_VALUES:
            raise ValueError(f"holds more than {MAX_DATA_VALUES} values")
        if isinstance(item, str):
            if len(item) > MAX_DATA_TEXT:
                raise ValueError(f"holds a text longer than {MAX_DATA_TEXT} characters")
            size += len(item) + 3
        elif isinstance(item, bool) or item is None:
            size += 5
        elif isinstance(item, int):
            if abs(item) > _MAX_SAFE_INTEGER:
                raise ValueError("holds an integer beyond 2**53 - 1")
            size += 8
        elif isinstance(item, float):
            if not math.isfinite(item):
                raise ValueError("holds a number that is not finite")
            size += 12
        elif isinstance(item, dict | list):
            if depth > MAX_DATA_DEPTH:
                raise ValueError(f"nests lists or objects more than {MAX_DATA_DEPTH} deep")
            if isinstance(item, dict):
                for key, member in item.items():
                    if not isinstance(key, str) or len(key) > 200:
                        raise ValueError("has a key that is not a short text")
                    size += len(key) + 4
                    stack.append((member, depth + 1))
            else:
                stack.extend((member, depth + 1) for member in item)
                size += len(item)
        else:
            raise ValueError(f"holds a {type(item).__name__}, which is not JSON")
        if size > MAX_DATA_BYTES:
            raise ValueError(f"is larger than {MAX_DATA_BYTES:,} bytes")
    return value


#: A JSON object from outside, within the `MAX_DATA_*` bounds. (A narrower bound on its
#: members goes on the field, `Field(max_length=...)`, so the contract shows it.)
JsonObject = Annotated[dict[str, Any], AfterValidator(_bounded_json)]
#: An object of at most 8 members within the same bounds (a public JWK, a SAR's scope).
SmallJsonObject = Annotated[dict[str, Any], Field(max_length=8), AfterValidator(_bounded_json)]


class WireModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, allow_inf_nan=False)


class Problem(WireModel):
    """RFC 9457 problem details. `detail` is written for a person to read."""

    type: str = "about:blank"
    title: ShortText
    status: int
    detail: LongText | None = None
    instance: str | None = None


class RepresentedMember(WireModel):
    """A member a representative acts for under a current mandate."""

    officer_id: Identifier
    name: ShortText
    force_number: ShortText | None = None
    rank: ShortText | None = None
    mandate: Annotated[str, Field(pattern=r"^M-\d{4}-\d{6}$")]
    scope: list[Literal["read", "act", "receive"]] = Field(min_length=1, max_length=3)
    expires_at: WireDateTime


class Me(WireModel):
    officer_id: Identifier
    username: ShortText
    name: ShortText
    role: Role
    force_number: ShortText | None = None
    rank: ShortText | None = None
    unit: ShortText | None = None
    #: Members a representative acts for under a current, member-signed mandate.
    represents: list[RepresentedMember] = Field(default_factory=list, max_length=1000)


class Record(WireModel):
    """One item the force holds about the officer.

    `data` holds the category's own fields (see server docs / README), scalars only or
    small nested objects; `summary` is a one-line plain-text description used for
    display and full-text search (absent for high-volume categories such as pings).
    """

    id: Identifier
    category: Category
    occurred_at: WireDateTime
    updated_at: WireDateTime
    summary: LongText | None = None
    data: JsonObject = Field(default_factory=dict, max_length=64)


class Upsert(WireModel):
    op: Literal["upsert"]
    record: Record


class Tombstone(WireModel):
    op: Literal["delete"]
    id: Identifier
    deleted_at: WireDateTime


Change = Annotated[Upsert | Tombstone, Field(discriminator="op")]


class FeedPage(WireModel):
    """One page of the change feed of one category.

    `next_cursor` is opaque; passing it back returns the changes after this page. When
    `has_more` is false the client is up to date and keeps `next_cursor` for next time.
    `remaining` is present only when the request asked for it (`with_remaining=true`):
    how many changes of this category follow this page, counted when it was served.
    """

    category: Category
    changes: list[Change] = Field(max_length=MAX_PAGE_SIZE)
    next_cursor: Annotated[str, Field(max_length=200)]
    has_more: bool
    remaining: Annotated[int, Field(ge=0)] | None = None


class RuleParameter(WireModel):
    name: Identifier
    value: float | int | str | bool
    unit: ShortText | None = None
    description: LongText


class Rule(WireModel):
    id: Identifier
    version: Annotated[int, Field(ge=1)]
    title: ShortText
    description: LongText
    parameters: list[RuleParameter] = Field(max_length=50)
    input_categories: list[Category] = Field(max_length=20)
    #: True where the client can recompute the rule from the officer's own records.
    rule_based: bool = True


class RuleCatalogue(WireModel):
    rules: list[Rule] = Field(max_length=500)


class Place(WireModel):
    """A place the force's data names (a station, a town), by which a recorded position
    can be named."""

    name: ShortText
    lat: Annotated[float, Field(ge=-90, le=90)]
    lon: Annotated[float, Field(ge=-180, le=180)]


class Source(WireModel):
    category: Category | Literal["access_log", "flags"]
    system: ShortText
    owner: ShortText
    lawful_basis: LongText
    retention: ShortText
    description: LongText
    #: For positions (location pings): the named places, so a position reads as a place.
    places: list[Place] = Field(default_factory=list, max_length=500)


class SourceCatalogue(WireModel):
    sources: list[Source] = Field(max_length=100)


class ComputationStep(WireModel):
    """One step of the arithmetic that led to the flag, in order."""

    description: LongText
    value: float | int | str | bool | None = None
    unit: ShortText | None = None


class Observation(WireModel):
    """One observed value over the window, for charting against the threshold."""

    label: ShortText
    period_start: WireDate
    period_end: WireDate
    value: float
    record_ids: list[Identifier] = Field(default_factory=list, max_length=10_000)


FlagStatus = Literal["open", "under_review", "withdrawn", "amended", "upheld", "closed"]
Action = Literal[
    "none",
    "management_advice",
    "prevention_notice",
    "misconduct_assessment",
    "gross_misconduct_investigation",
    "arrest",
]
Corroboration = Literal["corroborated", "uncorroborated", "not_applicable"]


class RuleRef(WireModel):
    id: Identifier
    version: Annotated[int, Field(ge=1)]
    title: ShortText


class FlagSummary(WireModel):
    id: Identifier
    officer_id: Identifier
    rule: RuleRef
    status: FlagStatus
    raised_at: WireDateTime
    updated_at: WireDateTime
    action: Action
    headline: LongText


class Provenance(WireModel):
    """Everything needed to show why a flag was raised and to recompute it."""

    parameters: list[RuleParameter] = Field(max_length=50)
    window_start: WireDate
    window_end: WireDate
    input_record_ids: list[Identifier] = Field(max_length=100_000)
    observed: dict[str, float | int | str | bool | None] = Field(max_length=50)
    threshold: float | None = None
    comparison: ShortText | None = None
    computation: list[ComputationStep] = Field(max_length=100)
    observations: list[Observation] = Field(default_factory=list, max_length=400)
    confidence: Annotated[float, Field(ge=0, le=1)] | None = None
    corroboration: Corroboration
    corroboration_detail: LongText | None = None


class Review(WireModel):
    human_reviewed: bool
    reviewed_by: ShortText | None = None
    reviewed_at: WireDateTime | None = None
    note: LongText | None = None


class FlagDetail(FlagSummary):
    provenance: Provenance
    review: Review
    action_taken_at: WireDateTime | None = None


class FlagList(WireModel):
    flags: list[FlagSummary] = Field(max_length=10_000)


class AccessLogEntry(WireModel):
    id: Identifier
    viewed_at: WireDateTime
    viewer: ShortText
    viewer_role: ShortText
    reason: LongText
    what: ShortText


class AccessLog(WireModel):
    entries: list[AccessLogEntry] = Field(max_length=100_000)

"""The JSON wire format shared by the reference server and the desktop client.

The server declares these models as its response models (so the committed OpenAPI
contract is generated from them) and the client validates every response against the
same models before anything reaches the encrypted store. Every model forbids unknown
fields and bounds its strings and lists, so a hostile or broken server cannot smuggle
oversized or unexpected data into the store.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

API_VERSION = "v1"

#: Largest page of the change feed the server will serve and the client will accept.
MAX_PAGE_SIZE = 5000
DEFAULT_PAGE_SIZE = 1000

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


class WireModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


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
    expires_at: datetime


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
    occurred_at: datetime
    updated_at: datetime
    summary: LongText | None = None
    data: dict[str, Any] = Field(default_factory=dict, max_length=64)


class Upsert(WireModel):
    op: Literal["upsert"]
    record: Record


class Tombstone(WireModel):
    op: Literal["delete"]
    id: Identifier
    deleted_at: datetime


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


class Source(WireModel):
    category: Category | Literal["access_log", "flags"]
    system: ShortText
    owner: ShortText
    lawful_basis: LongText
    retention: ShortText
    description: LongText


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
    period_start: date
    period_end: date
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
    raised_at: datetime
    updated_at: datetime
    action: Action
    headline: LongText


class Provenance(WireModel):
    """Everything needed to show why a flag was raised and to recompute it."""

    parameters: list[RuleParameter] = Field(max_length=50)
    window_start: date
    window_end: date
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
    reviewed_at: datetime | None = None
    note: LongText | None = None


class FlagDetail(FlagSummary):
    provenance: Provenance
    review: Review
    action_taken_at: datetime | None = None


class FlagList(WireModel):
    flags: list[FlagSummary] = Field(max_length=10_000)


class AccessLogEntry(WireModel):
    id: Identifier
    viewed_at: datetime
    viewer: ShortText
    viewer_role: ShortText
    reason: LongText
    what: ShortText


class AccessLog(WireModel):
    entries: list[AccessLogEntry] = Field(max_length=100_000)

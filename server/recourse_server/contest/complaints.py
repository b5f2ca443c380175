"""Complaints to the force (DPA 2018 s.164A) about how a challenge or SAR was handled.

A complaint is a signed submission like the others (kind `complaint`, its target the
reference of the officer's own challenge or SAR); the force must acknowledge it within 30
days (`complaint_acknowledgement_due`), which is the due date its receipt states. The
reviewer acknowledges it and gives an outcome with reasons through the same review
functions as for the other kinds.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, select

from recourse.domain.deadlines import DEFAULT_REGION, complaint_acknowledgement_due

from . import tables as t
from .errors import ContestError

COMPLAINT = "complaint"
#: What a complaint may be about: the officer's own challenges and requests.
_COMPLAINABLE = ("challenge", "sar")


def about_reference(row: Mapping[str, Any]) -> str | None:
    """The reference a stored complaint is about (from its signed payload)."""
    if row["kind"] != COMPLAINT:
        return None
    target = json.loads(row["payload"]).get("target")
    return target if isinstance(target, str) else None


def check_complaint(conn: Connection, officer_id: str, payload: dict[str, Any],
                    now: datetime, region: str = DEFAULT_REGION) -> date | None:
    """For a complaint: refuse one about anything but the officer's own challenge or SAR,
    or while an earlier complaint about it is still open; return the last day to
    acknowledge it. None for the other kinds."""
    if payload["kind"] != COMPLAINT:
        return None
    reference = payload["target"]
    s = t.submissions.c
    row = conn.execute(select(s.kind, s.officer_id).where(
        s.reference == reference)).first()
    # Another officer's reference is refused in the same words as one that does not exist.
    if row is None or row.officer_id != officer_id or row.kind not in _COMPLAINABLE:
        raise ContestError(422, f"The complaint is about {reference}, which is not one of "
                                "your challenges or requests.")
    earlier = conn.execute(select(t.submissions).where(
        s.officer_id == officer_id, s.kind == COMPLAINT, s.state != "outcome")).mappings()
    for complaint in earlier:
        if about_reference(dict(complaint)) == reference:
            raise ContestError(409, f"Your complaint {complaint['reference']} about "
                                    f"{reference} is still open: the force answers it "
                                    "before another about the same request.")
    return complaint_acknowledgement_due(now.date(), region)

"""Mandates: a member's signed authority for a Federation representative, and its end.

The force registers a mandate only as the member signed it (`recourse.protocol.mandate`)
with a key registered to them, keeps the exact bytes, and answers with a receipt signed
by its receipt key. A revocation is the member's signed act too and takes effect at
once: `auth.held_mandates` reads the table on every request. A newer mandate for the
same representative replaces the older one.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from recourse.protocol import contest_wire as cw
from recourse.protocol import mandate as pm
from recourse.protocol import mandate_wire as mw
from recourse.protocol.jws import (
    KeyMismatch,
    ProtocolError,
    key_id,
    public_jwk,
    unverified_header,
)
from recourse.protocol.receipt import submission_sha256
from recourse.protocol.submission import format_utc, parse_utc

from .. import db
from . import receipt_log
from . import tables as t
from .errors import ContestError
from .keys import key_record, register_key, server_private_key, signing_key_of

MANDATE_NOT_AVAILABLE = "No mandate with this reference is available to you."


def _accounts(conn: Connection) -> dict[str, tuple[str, str, str | None]]:
    a = db.accounts.c
    return {r[0]: (r[1], r[2], r[3]) for r in conn.execute(
        select(a.officer_id, a.name, a.role, a.unit))}


def representatives(engine: Engine) -> mw.RepresentativeList:
    """The force's directory of Federation representatives."""
    a = db.accounts.c
    with engine.connect() as conn:
        rows = conn.execute(select(a.officer_id, a.name, a.unit)
                            .where(a.role == "representative").order_by(a.name)).all()
    return mw.RepresentativeList(representatives=[
        mw.Representative(officer_id=r[0], name=r[1], branch=r[2] or "Police Federation")
        for r in rows])


def state_of(row: Any, now: datetime) -> mw.MandateState:
    if row["end_reason"] == "revoked":
        return "revoked"
    if row["end_reason"] == "replaced":
        return "replaced"
    moment = format_utc(now)
    if row["expires_at"] <= moment:
        return "expired"
    if row["not_before"] > moment:
        return "pending"
    return "current"


def _entry(conn: Connection, row: Any, now: datetime,
           names: dict[str, tuple[str, str, str | None]]) -> mw.MandateEntry:
    return mw.MandateEntry(
        reference=row["reference"], officer_id=row["officer_id"],
        officer_name=names.get(row["officer_id"], (row["officer_id"],))[0],
        representative_id=row["representative_id"],
        representative_name=names.get(row["representative_id"], (row["representative_id"],))[0],
        # The model checks each scope again; the column holds only what was verified.
        scope=cast(list[pm.Scope], str(row["scope"]).split()),
        not_before=parse_utc(row["not_before"]),
        expires_at=parse_utc(row["expires_at"]), created_at=parse_utc(row["created_at"]),
        received_at=parse_utc(row["received_at"]), state=state_of(row, now),
        revoked_at=(parse_utc(row["ended_at"]) if row["end_reason"] == "revoked" else None),
        jws=row["token"], receipt=row["receipt"], revocation_jws=row["revocation_token"],
        revocation_receipt=row["revocation_receipt"],
        officer_key=key_record(conn, row["officer_key_id"]),
    )


def _nonce_recorder(conn: Connection, now: datetime) -> Any:
    def seen(nonce: str) -> bool:
        n = t.nonces.c
        if conn.execute(select(n.nonce).where(n.nonce == nonce)).first() is not None:
            return True
        conn.execute(insert(t.nonces), {"nonce": nonce, "seen_at": format_utc(now)})
        return False
    return seen


def _refused(what: str, error: ProtocolError) -> ContestError:
    status = 409 if isinstance(error, pm.MandateReplayed) else 422
    return ContestError(status, f"The {what} cannot be accepted: {error}")


def grant(engine: Engine, officer_id: str, token: str, now: datetime) -> mw.MandateAccepted:
    """Register the member `officer_id`'s signed mandate; the receipt names its reference."""
    now = now.astimezone(UTC).replace(microsecond=0)
    try:
        sha = submission_sha256(token)
        unverified_header(token)
    except ProtocolError as error:
        raise _refused("mandate", error) from None
    private = server_private_key(engine)
    m = db.mandates.c
    try:
        with engine.begin() as conn:
            kid, public = signing_key_of(conn, officer_id, token, "mandate")
            try:
                payload = pm.verify_mandate(token, public, now=now,
                                            seen_nonces=_nonce_recorder(conn, now),
                                            expected_officer_id=officer_id)
            except (ProtocolError, ValueError) as error:
                if isinstance(error, ProtocolError):
                    raise _refused("mandate", error) from None
                raise ContestError(422, f"The mandate cannot be accepted: {error}") from None
            names = _accounts(conn)
            rep = names.get(payload.representative_id)
            if rep is None or rep[1] != "representative":
                raise ContestError(422, "The mandate names someone who is not one of the "
                                        "force's Federation representatives. Choose the "
                                        "representative from the list and sign it again.")
            received = format_utc(now)
            inserted = conn.execute(insert(db.mandates), {
                "reference": "pending-" + secrets.token_hex(8), "officer_id": officer_id,
                "representative_id": payload.representative_id, "officer_key_id": kid,
                "scope": " ".join(payload.scope), "not_before": payload.not_before,
                "expires_at": payload.expires_at, "created_at": payload.created_at,
                "received_at": received, "token": token, "token_sha256": sha, "receipt": "",
            })
            primary_key = inserted.inserted_primary_key
            assert primary_key is not None  # an INSERT of one row always has one
            seq = int(primary_key[0])
            reference = f"M-{now.year}-{seq:06d}"
            log_index = receipt_log.allocate(conn)
            receipt = pm.issue_mandate_receipt(
                token, kind="mandate", reference=reference, officer_id=officer_id,
                representative_id=payload.representative_id, received_at=now,
                private_key=private, log_index=log_index)
            receipt_log.append(conn, log_index, receipt, kind="mandate", submitted_sha256=sha,
                               now=now, private_key=private)
            conn.execute(update(db.mandates).where(m.seq == seq)
                         .values(reference=reference, receipt=receipt))
            # One mandate per member and representative: the newest speaks for the member.
            conn.execute(update(db.mandates).where(
                m.officer_id == officer_id, m.representative_id == payload.representative_id,
                m.seq != seq, m.ended_at.is_(None)).values(ended_at=received,
                                                           end_reason="replaced"))
            row = conn.execute(select(db.mandates).where(m.seq == seq)).mappings().one()
            entry = _entry(conn, row, now, names)
    except IntegrityError:
        raise ContestError(409, "This exact mandate has been received before.") from None
    return mw.MandateAccepted(reference=reference, receipt=receipt, mandate=entry)


def revoke(engine: Engine, officer_id: str, reference: str, token: str,
           now: datetime) -> mw.MandateAccepted:
    """End the member's mandate `reference` by their signed revocation, at once."""
    now = now.astimezone(UTC).replace(microsecond=0)
    private = server_private_key(engine)
    m = db.mandates.c
    with engine.begin() as conn:
        row = conn.execute(select(db.mandates).where(m.reference == reference)).mappings().first()
        if row is None or row["officer_id"] != officer_id:
            raise ContestError(404, MANDATE_NOT_AVAILABLE)
        _kid, public = signing_key_of(conn, officer_id, token, "revocation")
        try:
            pm.verify_revocation(token, public, now=now, seen_nonces=_nonce_recorder(conn, now),
                                 expected_officer_id=officer_id, expected_mandate=reference)
        except KeyMismatch as error:
            raise _refused("revocation", error) from None
        except ProtocolError as error:
            raise _refused("revocation", error) from None
        if row["end_reason"] == "revoked":
            raise ContestError(409, f"Mandate {reference} was already revoked on "
                                    f"{row['ended_at'][:10]}.")
        log_index = receipt_log.allocate(conn)
        receipt = pm.issue_mandate_receipt(
            token, kind="mandate_revocation", reference=reference, officer_id=officer_id,
            representative_id=row["representative_id"], received_at=now, private_key=private,
            log_index=log_index)
        receipt_log.append(conn, log_index, receipt, kind="mandate_revocation",
                           submitted_sha256=submission_sha256(token), now=now,
                           private_key=private)
        conn.execute(update(db.mandates).where(m.reference == reference).values(
            ended_at=format_utc(now), end_reason="revoked", revocation_token=token,
            revocation_receipt=receipt))
        changed = conn.execute(select(db.mandates).where(m.reference == reference)
                               ).mappings().one()
        entry = _entry(conn, changed, now, _accounts(conn))
    return mw.MandateAccepted(reference=reference, receipt=receipt, mandate=entry)


def list_mandates(engine: Engine, principal_id: str, role: str,
                  now: datetime) -> mw.MandateList:
    """An officer's granted mandates (all), or a representative's current ones."""
    m = db.mandates.c
    column = m.representative_id if role == "representative" else m.officer_id
    with engine.connect() as conn:
        rows = conn.execute(select(db.mandates).where(column == principal_id)
                            .order_by(m.seq)).mappings().all()
        names = _accounts(conn)
        entries = [_entry(conn, row, now, names) for row in rows]
    if role == "representative":
        entries = [e for e in entries if e.state == "current"]
    return mw.MandateList(mandates=entries)


def seed_demo_mandates(engine: Engine, grants: dict[str, tuple[str, ...]],
                       private_key_of: Any, now: datetime,
                       scope: tuple[pm.Scope, ...] = ("read", "act", "receive"),
                       term_days: int = pm.DEFAULT_TERM_DAYS) -> list[str]:
    """Register real signed mandates, each signed with the member's demo key
    (`private_key_of(officer_id)`), through the same checks as the API."""
    references = []
    now = now.astimezone(UTC).replace(microsecond=0)
    for representative_id, members in grants.items():
        for officer_id in members:
            private = private_key_of(officer_id)
            register_key(engine, officer_id, cw.KeyRegistration(
                public_jwk=public_jwk(private.public_key()),
                device_label="Demo key (seeded)"), now)
            payload = pm.build_mandate(
                officer_id=officer_id, key_id=key_id(private.public_key()),
                representative_id=representative_id, scope=scope,
                expires_at=now + timedelta(days=term_days), created_at=now)
            references.append(grant(engine, officer_id, pm.sign_mandate(payload, private),
                                    now).reference)
    return references


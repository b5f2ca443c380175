"""Keys: the force's receipt-signing key, and each officer's registered signing keys.

Every function takes the engine (and, where the time matters, the moment `now`, UTC)
explicitly, so the API, the command line and the tests share the same code.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from recourse.protocol import contest_wire as cw
from recourse.protocol.canonical import canonical_json
from recourse.protocol.jws import (
    InvalidKey,
    ProtocolError,
    b64url_decode,
    b64url_encode,
    fingerprint_words,
    key_id,
    load_public_jwk,
    public_jwk,
    sign_compact,
    unverified_header,
)
from recourse.protocol.submission import format_utc, parse_utc

from . import tables as t
from .errors import ContestError

_SERVER_KEY_NAME = "receipts"
KEY_NOT_AVAILABLE = "No key with this id is registered to you."


# --------------------------------------------------------------------------- server key


def server_private_key(engine: Engine) -> Ed25519PrivateKey:
    """The receipt-signing key, generated and stored on first use."""
    k = t.server_keys.c
    with engine.connect() as conn:
        stored = conn.execute(
            select(k.private_key).where(k.name == _SERVER_KEY_NAME)
        ).scalar_one_or_none()
    if stored is None:
        key = Ed25519PrivateKey.generate()
        raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        try:
            with engine.begin() as conn:
                conn.execute(insert(t.server_keys), {
                    "name": _SERVER_KEY_NAME, "kid": key_id(key.public_key()),
                    "private_key": b64url_encode(raw),
                    "created_at": format_utc(datetime.now(UTC)),
                })
        except IntegrityError:
            pass  # another worker made one at the same moment: use the stored one
        return server_private_key(engine)
    return Ed25519PrivateKey.from_private_bytes(b64url_decode(stored, "server key"))


def server_key(engine: Engine) -> cw.ServerKey:
    public = server_private_key(engine).public_key()
    return cw.ServerKey(key_id=key_id(public), public_jwk=public_jwk(public),
                        fingerprint=fingerprint_words(public))


def sign(engine: Engine, content: Mapping[str, Any], typ: str) -> str:
    """`content` as a compact JWS of type `typ`, signed with the receipt-signing key."""
    private = server_private_key(engine)
    return sign_compact(canonical_json(dict(content)), private, key_id(private.public_key()),
                        typ)


# ------------------------------------------------------------------------- officer keys


def key_record(conn: Connection, kid: str) -> cw.KeyRecord:
    """The force's signed record of the key `kid` (which must exist)."""
    row = conn.execute(select(t.officer_keys).where(t.officer_keys.c.key_id == kid)
                       ).mappings().one()
    return _key_record(dict(row))


def _key_record(row: Mapping[str, Any]) -> cw.KeyRecord:
    return cw.KeyRecord(
        key_id=row["key_id"], officer_id=row["officer_id"],
        public_jwk=json.loads(row["public_jwk"]), device_label=row["device_label"],
        registered_at=parse_utc(row["registered_at"]),
        revoked_at=None if row["revoked_at"] is None else parse_utc(row["revoked_at"]),
        record=row["record"],
    )


def _signed_key_record(engine: Engine, row: Mapping[str, Any]) -> str:
    content = cw.key_record_content(
        key_id=row["key_id"], officer_id=row["officer_id"],
        public_jwk=json.loads(row["public_jwk"]), device_label=row["device_label"],
        registered_at=parse_utc(row["registered_at"]),
        revoked_at=None if row["revoked_at"] is None else parse_utc(row["revoked_at"]),
    )
    return sign(engine, content, cw.KEY_RECORD_TYP)


def register_key(engine: Engine, officer_id: str, registration: cw.KeyRegistration,
                 now: datetime) -> tuple[cw.KeyRecord, bool]:
    """Bind a public key to `officer_id`; returns the record and whether it is new."""
    try:
        public = load_public_jwk(registration.public_jwk)
    except InvalidKey as error:
        raise ContestError(422, f"The key cannot be registered: {error}") from None
    kid = key_id(public)
    label = registration.device_label.strip()
    if not label:
        raise ContestError(422, "Give the device a name, such as 'Home laptop'.")
    k = t.officer_keys.c
    try:
        with engine.begin() as conn:
            existing = conn.execute(select(t.officer_keys).where(
                k.officer_id == officer_id, k.key_id == kid)).mappings().first()
            if existing is not None:
                if existing["revoked_at"] is not None:
                    raise ContestError(409, "You revoked this key, so it cannot be registered "
                                            "again. Make a new key on this device.")
                return _key_record(dict(existing)), False
            row: dict[str, Any] = {
                "key_id": kid, "officer_id": officer_id,
                "public_jwk": json.dumps(public_jwk(public), sort_keys=True),
                "device_label": label, "registered_at": format_utc(now), "revoked_at": None,
            }
            row["record"] = _signed_key_record(engine, row)
            conn.execute(insert(t.officer_keys), row)
    except IntegrityError:
        # The same key registered twice at once by this officer, or a database made
        # before keys were kept per officer (key_id alone was unique): the same words
        # either way, which say nothing about anyone else.
        raise ContestError(409, "This key cannot be registered now. Try again, or make a "
                                "new key on this device and register that.") from None
    return _key_record(row), True


def list_keys(engine: Engine, officer_id: str) -> cw.KeyList:
    k = t.officer_keys.c
    with engine.connect() as conn:
        rows = conn.execute(select(t.officer_keys).where(k.officer_id == officer_id)
                            .order_by(k.registered_at, k.key_id)).mappings().all()
    return cw.KeyList(keys=[_key_record(dict(r)) for r in rows])


def revoke_key(engine: Engine, officer_id: str, kid: str, now: datetime) -> cw.KeyRecord:
    k = t.officer_keys.c
    with engine.begin() as conn:
        row = conn.execute(select(t.officer_keys).where(
            k.officer_id == officer_id, k.key_id == kid)).mappings().first()
        if row is None:
            raise ContestError(404, KEY_NOT_AVAILABLE)
        if row["revoked_at"] is not None:
            return _key_record(dict(row))  # revoking twice changes nothing
        changed = dict(row)
        changed["revoked_at"] = format_utc(now)
        changed["record"] = _signed_key_record(engine, changed)
        conn.execute(update(t.officer_keys).where(
            k.officer_id == officer_id, k.key_id == kid).values(
            revoked_at=changed["revoked_at"], record=changed["record"]))
    return _key_record(changed)


def signing_key_of(conn: Connection, officer_id: str, token: str,
                   what: str = "submission") -> tuple[str, Ed25519PublicKey]:
    """The id and public key of the registered, unrevoked key `token` was signed with."""
    try:
        header = unverified_header(token)
    except ProtocolError as error:
        raise ContestError(422, f"The {what} cannot be accepted: {error}") from None
    kid = header.get("kid")
    k = t.officer_keys.c
    row = None
    if isinstance(kid, str):
        row = conn.execute(select(t.officer_keys).where(
            k.officer_id == officer_id, k.key_id == kid)).mappings().first()
    if row is None:
        raise ContestError(422, f"The {what} was signed with a key that is not registered "
                                "to you. Register this device's key, then sign it again.")
    if row["revoked_at"] is not None:
        raise ContestError(422, f"The {what} was signed with a key you revoked on "
                                f"{row['revoked_at'][:10]}; it cannot be accepted. Register "
                                "a new key on this device and sign it again.")
    return str(kid), load_public_jwk(json.loads(row["public_jwk"]))

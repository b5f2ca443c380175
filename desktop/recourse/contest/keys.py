"""The keys a contest rests on: the force's receipt-signing key, pinned on this PC, and the
officer's own Ed25519 signing key, whose private half never leaves the encrypted store.

* The force's key: IT's configured key (a fingerprint or key id), or trust on first use;
  a changed key is refused (`ServerKeyChanged`) until IT or the officer sorts it out.
* The officer's key: made on this PC, registered with the force, and accepted only with a
  key record that the PINNED force key signed; rotated, or revoked (also from another PC
  after a loss, which retires it here too).
"""

from __future__ import annotations

import logging
import socket
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from recourse.api.client import ApiClient
from recourse.api.errors import ApiError, RequestRefused, ResponseInvalid, SignedOut
from recourse.contest.errors import (
    ContestError,
    KeyRecordInvalid,
    NoSigningKey,
    NotPinned,
    ServerKeyChanged,
    ServerKeyMismatch,
)
from recourse.protocol import contest_wire as cw
from recourse.protocol.canonical import is_canonical, loads_strict
from recourse.protocol.jws import (
    ProtocolError,
    fingerprint_words,
    key_id,
    load_public_jwk,
    public_jwk,
    verify_compact,
)
from recourse.store import Store
from recourse.store.contest import ContestStore, ServerPin, StoredKey

log = logging.getLogger(__name__)

__all__ = ["PinResult", "SigningKeys"]


@dataclass(frozen=True)
class PinResult:
    key_id: str
    #: For the officer to compare with what IT published (16 groups of 4 hex digits).
    fingerprint: str
    source: Literal["configured", "first_use"]
    #: True when this call pinned it (show the fingerprint and ask the officer to note it).
    newly_pinned: bool


def _normalise_fingerprint(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch in "0123456789ABCDEF")


def _matches_configured(configured: str, server_key: Ed25519PublicKey) -> bool:
    """IT may configure the key id (thumbprint) or the fingerprint in any spacing."""
    configured = configured.strip()
    if configured == key_id(server_key):
        return True
    wanted = _normalise_fingerprint(configured)
    return len(wanted) == 64 and wanted == _normalise_fingerprint(fingerprint_words(server_key))


def _default_device_label() -> str:
    try:
        return (socket.gethostname() or "This computer")[:100]
    except OSError:
        return "This computer"


def _verify_key_record(
    record: cw.KeyRecord,
    server_key: Ed25519PublicKey,
    *,
    officer_id: str,
    expected_key_id: str | None = None,
) -> dict[str, Any]:
    """Check the server's signed key record; return what it signed."""
    try:
        verified = verify_compact(
            record.record,
            server_key,
            expected_kid=key_id(server_key),
            expected_typ=cw.KEY_RECORD_TYP,
        )
        if not is_canonical(verified.payload_bytes):
            raise KeyRecordInvalid("its content is not in canonical form.")
        signed = loads_strict(verified.payload_bytes)
    except ProtocolError as exc:
        raise KeyRecordInvalid(str(exc)) from None
    expected = cw.key_record_content(
        key_id=record.key_id,
        officer_id=record.officer_id,
        public_jwk=record.public_jwk,
        device_label=record.device_label,
        registered_at=record.registered_at,
        revoked_at=record.revoked_at,
    )
    if signed != expected:
        raise KeyRecordInvalid("what the force signed differs from what it sent.")
    if record.officer_id != officer_id:
        raise KeyRecordInvalid("it names another officer.")
    if expected_key_id is not None and record.key_id != expected_key_id:
        raise KeyRecordInvalid("it is for a different key.")
    try:
        if key_id(load_public_jwk(record.public_jwk)) != record.key_id:
            raise KeyRecordInvalid("its key id is not the key's thumbprint.")
    except ProtocolError as exc:
        raise KeyRecordInvalid(str(exc)) from None
    return expected


def _record_model(stored: StoredKey) -> cw.KeyRecord:
    assert stored.record is not None and stored.record_body is not None
    body = stored.record_body
    return cw.KeyRecord(
        key_id=body["key_id"],
        officer_id=body["officer_id"],
        public_jwk=body["public_jwk"],
        device_label=body["device_label"],
        registered_at=body["registered_at"],
        revoked_at=body["revoked_at"],
        record=stored.record,
    )


class KeysFrom(ContestStore):
    """A member's contest tables (drafts, outbox, receipts, statuses) in the member's
    store, with the signing keys and the force's pinned key of the representative's own
    store: he signs for the member with his own key, which never leaves his store."""

    def __init__(self, store: Store, keys: ContestStore) -> None:
        super().__init__(store)
        self.keys_store = keys

    def add_key(self, key_id: str, public_jwk: dict[str, str], private_raw: bytes,
                device_label: str) -> None:
        self.keys_store.add_key(key_id, public_jwk, private_raw, device_label)

    def private_key(self, key_id: str) -> bytes | None:
        return self.keys_store.private_key(key_id)

    def set_key_record(self, key_id: str, officer_id: str, record: str,
                       body: dict[str, Any], active: bool) -> None:
        self.keys_store.set_key_record(key_id, officer_id, record, body, active)

    def mark_key_revoked(self, key_id: str, revoked_at: datetime, record: str | None = None,
                         body: dict[str, Any] | None = None) -> None:
        self.keys_store.mark_key_revoked(key_id, revoked_at, record, body)

    def keys(self) -> list[StoredKey]:
        return self.keys_store.keys()

    def key(self, key_id: str) -> StoredKey | None:
        return self.keys_store.key(key_id)

    def active_key(self) -> StoredKey | None:
        return self.keys_store.active_key()

    def unregistered_key(self) -> StoredKey | None:
        return self.keys_store.unregistered_key()

    def server_pin(self) -> ServerPin | None:
        return self.keys_store.server_pin()

    def pin_server(self, key_id: str, public_jwk: dict[str, str], source: str) -> ServerPin:
        return self.keys_store.pin_server(key_id, public_jwk, source)


class SigningKeys:
    """The keys part of `ContestService`: one signed-in officer over one unlocked store.

    `configured_server_key` is IT's policy (a fingerprint or key id), or None for trust
    on first use. Every call blocks (network); the UI runs them in its workers.
    """

    def __init__(
        self, store: Store, api: ApiClient | None, *, configured_server_key: str | None = None
    ) -> None:
        self.store = store
        self.contest = ContestStore(store)
        self.connection = api
        self.configured_server_key = configured_server_key
        #: (member's officer id, mandate reference) when a representative acts for a
        #: member (`ContestService.acting_for`); None for the officer's own contest.
        self.acting: tuple[str, str] | None = None

    @property
    def subject_id(self) -> str:
        """The officer a submission is about: the member when acting for one."""
        return self.acting[0] if self.acting is not None else self.officer_id

    @property
    def actor_id(self) -> str | None:
        """The representative signing for a member (None: the officer signs their own)."""
        return None if self.acting is None else self.officer_id

    @property
    def mandate_reference(self) -> str | None:
        return None if self.acting is None else self.acting[1]

    @property
    def api(self) -> ApiClient:
        """The force's API; without one (not signed in), only what is kept on this PC
        can be read, and anything that needs the force says so (`SignedOut`)."""
        if self.connection is None:
            raise SignedOut("You are not signed in to the force's server.")
        return self.connection

    @property
    def officer_id(self) -> str:
        officer = getattr(self.api, "officer_id", None)
        if isinstance(officer, str) and officer:
            return officer
        return str(self.api.me().officer_id)

    # -- the force's key -------------------------------------------------------------

    def fetch_server_key(self) -> Ed25519PublicKey:
        """The key the force offers now, checked for consistency but NOT trusted."""
        offered = self.api.server_key()
        try:
            key = load_public_jwk(offered.public_jwk)
        except ProtocolError as exc:
            raise ResponseInvalid(f"the force's signing key was not usable ({exc})") from None
        if offered.key_id != key_id(key):
            raise ResponseInvalid("the force's signing key did not match its key id")
        return key

    def pin_server_key(self) -> PinResult:
        """Check the force's receipt-signing key against IT's policy or the pinned one.

        With IT's configured key the server's key must be that key (`ServerKeyMismatch`
        otherwise), and it is pinned as "configured". Without it, the first key seen is
        pinned (trust on first use: show `fingerprint` to the officer); afterwards a
        different key raises `ServerKeyChanged`.
        """
        configured = self.configured_server_key
        offered = self.fetch_server_key()
        offered_id = key_id(offered)
        pinned = self.contest.server_pin()
        if configured:
            if not _matches_configured(configured, offered):
                raise ServerKeyMismatch(configured, fingerprint_words(offered))
            # IT's policy is the trust root: it may replace a key pinned on first use.
            fresh = pinned is None or pinned.key_id != offered_id or pinned.source != "configured"
            if fresh:
                self.contest.pin_server(offered_id, public_jwk(offered), "configured")
            return PinResult(offered_id, fingerprint_words(offered), "configured", fresh)
        if pinned is None:
            self.contest.pin_server(offered_id, public_jwk(offered), "first_use")
            log.info("pinned the force's signing key on first use")
            return PinResult(offered_id, fingerprint_words(offered), "first_use", True)
        if pinned.key_id != offered_id:
            raise ServerKeyChanged(
                fingerprint_words(load_public_jwk(pinned.public_jwk)), fingerprint_words(offered)
            )
        return PinResult(
            offered_id,
            fingerprint_words(offered),
            "configured" if pinned.source == "configured" else "first_use",
            False,
        )

    def pinned_key(self) -> tuple[Ed25519PublicKey, ServerPin]:
        """The force's key as pinned on this PC (`NotPinned` before it has been)."""
        pin = self.contest.server_pin()
        if pin is None:
            raise NotPinned()
        return load_public_jwk(pin.public_jwk), pin

    def check_server_key_unchanged(self, pin: ServerPin) -> None:
        offered = self.fetch_server_key()
        if key_id(offered) != pin.key_id:
            raise ServerKeyChanged(
                fingerprint_words(load_public_jwk(pin.public_jwk)), fingerprint_words(offered)
            )

    # -- the officer's key -------------------------------------------------------------

    def ensure_signing_key(self, device_label: str | None = None) -> cw.KeyRecord:
        """This officer's signing key on this PC, made and registered if there is none.

        Call after sign-in. The private key is kept only as a store secret; the force's
        key record is accepted only if signed by the pinned server key (pinned now if
        needed).
        """
        if self.contest.server_pin() is None or self.configured_server_key:
            self.pin_server_key()
        officer_id = self.officer_id
        active = self.contest.active_key()
        if (
            active is not None
            and active.officer_id == officer_id
            and self.contest.private_key(active.key_id)
            and not self._revoked_elsewhere(active)
        ):
            return _record_model(active)
        pending = self.contest.unregistered_key() or self.new_key(device_label)
        return self.register(pending, officer_id)

    def _revoked_elsewhere(self, active: StoredKey) -> bool:
        """True when the force says this PC's key was revoked (e.g. from another PC after
        a loss); the key is then retired here too. Offline, the local key stands."""
        try:
            records = {k.key_id: k for k in self.list_keys()}
        except (ApiError, ContestError):
            return False
        record = records.get(active.key_id)
        if record is None or record.revoked_at is None:
            return False
        self.contest.mark_key_revoked(active.key_id, record.revoked_at)
        return True

    def new_key(self, device_label: str | None) -> StoredKey:
        """A fresh key for this PC, kept in the store and not yet registered."""
        private = Ed25519PrivateKey.generate()
        raw = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        kid = key_id(private.public_key())
        self.contest.add_key(
            kid, public_jwk(private.public_key()), raw,
            (device_label or _default_device_label())[:100],
        )
        stored = self.contest.key(kid)
        assert stored is not None
        return stored

    def register(self, stored: StoredKey, officer_id: str) -> cw.KeyRecord:
        """Register `stored` with the force and make it this PC's active key, once the
        force's record of it verifies with the pinned key."""
        server_key, _ = self.pinned_key()
        body = cw.KeyRegistration(public_jwk=stored.public_jwk, device_label=stored.device_label)
        try:
            record = self.api.register_key(body)
        except RequestRefused as exc:
            if exc.status != 409:
                raise
            # Registered before, and the answer was lost: the server's list has the record.
            found = [k for k in self.api.keys().keys if k.key_id == stored.key_id]
            if not found:
                raise
            record = found[0]
        signed = _verify_key_record(
            record, server_key, officer_id=officer_id, expected_key_id=stored.key_id
        )
        if record.revoked_at is not None:
            raise KeyRecordInvalid("the force says this key has been revoked.")
        self.contest.set_key_record(stored.key_id, officer_id, record.record, signed, True)
        return record

    def rotate_key(self, device_label: str | None = None) -> cw.KeyRecord:
        """A new key for this PC; the old one is revoked once the new one is registered."""
        officer_id = self.officer_id
        old = self.contest.active_key()
        new = self.new_key(device_label or (old.device_label if old else None))
        record = self.register(new, officer_id)
        if old is not None:
            self.revoke_key(old.key_id)
        return record

    def revoke_key(self, key_id_to_revoke: str | None = None) -> cw.KeyRecord:
        """Revoke a key (this PC's active key by default; any of the officer's keys by id,
        e.g. one on a lost or reimaged PC). A revoked key here loses its private half."""
        server_key, _ = self.pinned_key()
        officer_id = self.officer_id
        if key_id_to_revoke is None:
            active = self.contest.active_key()
            if active is None:
                raise NoSigningKey()
            key_id_to_revoke = active.key_id
        record = self.api.revoke_key(key_id_to_revoke)
        signed = _verify_key_record(
            record, server_key, officer_id=officer_id, expected_key_id=key_id_to_revoke
        )
        if record.revoked_at is None:
            raise KeyRecordInvalid("the force did not record the key as revoked.")
        if self.contest.key(key_id_to_revoke) is not None:
            self.contest.mark_key_revoked(key_id_to_revoke, record.revoked_at, record.record,
                                          signed)
        return record

    def list_keys(self) -> list[cw.KeyRecord]:
        """The officer's registered keys (all devices), each record verified."""
        server_key, _ = self.pinned_key()
        officer_id = self.officer_id
        listed = self.api.keys()
        for record in listed.keys:
            _verify_key_record(record, server_key, officer_id=officer_id)
        return list(listed.keys)

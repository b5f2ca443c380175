"""Bearer-token verification and who may read whose data.

The API accepts only JWT access tokens signed by the configured issuer: the signature
is checked against the issuer's JWKS with an allow-list of asymmetric algorithms (so
`alg: none` and HMAC confusion are impossible), then issuer, audience and expiry.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import ECKey, KeySet, KeySetSerialization
from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from . import db
from .config import Settings

#: The built-in issuer signs with ES256 (P-256): supported by every OpenID library.
BUILTIN_ALGORITHM = "ES256"
#: What an external provider may sign with; never `none`, never a symmetric algorithm.
EXTERNAL_ALGORITHMS = ["RS256", "PS256", "ES256", "ES384", "EdDSA"]
#: How many distinct verified tokens a worker remembers (a few hundred bytes each).
MAX_VERIFIED_TOKENS = 10_000


class AuthError(Exception):
    """The request carries no usable credentials (401) or no account matches (403)."""

    def __init__(self, detail: str, status: int = 401) -> None:
        super().__init__(detail)
        self.detail = detail
        self.status = status


@dataclass(frozen=True)
class HeldMandate:
    """A current, member-signed mandate a representative holds."""

    reference: str
    officer_id: str
    name: str
    force_number: str | None
    rank: str | None
    scope: frozenset[str]
    expires_at: str


@dataclass(frozen=True)
class Principal:
    officer_id: str
    username: str
    name: str
    role: str
    force_number: str | None
    rank: str | None
    unit: str | None
    #: A representative's current mandates, one per member (the newest), by member id.
    mandates: tuple[HeldMandate, ...] = ()

    @property
    def represents(self) -> tuple[str, ...]:
        return tuple(m.officer_id for m in self.mandates)

    def mandate_for(self, officer_id: str) -> HeldMandate | None:
        for held in self.mandates:
            if held.officer_id == officer_id:
                return held
        return None


def ensure_signing_key(engine: Engine) -> ECKey:
    """The built-in issuer's signing key, generated and stored on first start."""
    with engine.connect() as conn:
        exists = conn.execute(select(db.signing_keys.c.kid)).first() is not None
    if exists:
        return _stored_key(engine)
    created = datetime.now(UTC).isoformat()
    kid = "es256-" + created.replace(":", "").replace("-", "").replace(".", "")[:20]
    key = ECKey.generate_key("P-256", parameters={"kid": kid, "alg": BUILTIN_ALGORITHM,
                                                  "use": "sig"})
    try:
        with engine.begin() as conn:
            conn.execute(insert(db.signing_keys), {
                "kid": kid, "private_jwk": json.dumps(key.as_dict(private=True)),
                "created_at": created,
            })
    except IntegrityError:
        pass  # another process created one at the same moment: use the stored one
    return _stored_key(engine)


def _stored_key(engine: Engine) -> ECKey:
    with engine.connect() as conn:
        row = conn.execute(
            select(db.signing_keys.c.private_jwk).order_by(
                db.signing_keys.c.created_at, db.signing_keys.c.kid
            )
        ).first()
    assert row is not None
    return ECKey.import_key(json.loads(row[0]))


def public_jwks(engine: Engine) -> dict[str, Any]:
    with engine.connect() as conn:
        rows = conn.execute(select(db.signing_keys.c.private_jwk)).scalars().all()
    return {"keys": [ECKey.import_key(json.loads(r)).as_dict(private=False) for r in rows]}


class TokenVerifier:
    def __init__(self, settings: Settings, engine: Engine) -> None:
        self.settings = settings
        self.engine = engine
        self._lock = threading.Lock()
        self._keys: KeySet | None = None
        self._fetched_at = 0.0
        self._algorithms = (
            [BUILTIN_ALGORITHM] if settings.builtin_issuer else EXTERNAL_ALGORITHMS
        )
        self._claims_registry = jwt.JWTClaimsRegistry(
            iss={"essential": True, "value": settings.issuer_url},
            aud={"essential": True, "value": settings.audience},
            exp={"essential": True},
            sub={"essential": True},
        )
        # Raw token -> claims whose signature has been checked. A client sends the same
        # token with every request of a sync, and checking an ES256 signature costs more
        # than serving a small page; the claims (expiry above all) are still validated on
        # every request.
        self._verified: dict[str, dict[str, Any]] = {}

    def _key_set(self, refresh: bool = False) -> KeySet:
        with self._lock:
            stale = refresh and time.monotonic() - self._fetched_at > 30
            if self._keys is None or stale:
                if self.settings.builtin_issuer:
                    document = public_jwks(self.engine)
                else:
                    document = self._fetch_external_jwks()
                self._keys = KeySet.import_key_set(cast(KeySetSerialization, document))
                self._fetched_at = time.monotonic()
            return self._keys

    def _fetch_external_jwks(self) -> dict[str, Any]:
        url = self.settings.jwks_url
        if url is None:
            discovery = self.settings.issuer_url.rstrip("/") + "/.well-known/openid-configuration"
            with urllib.request.urlopen(discovery, timeout=10) as response:  # noqa: S310
                url = json.load(response)["jwks_uri"]
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            return dict(json.load(response))

    def verify(self, raw: str) -> dict[str, Any]:
        claims = self._verified.get(raw)
        try:
            if claims is None:
                try:
                    token = jwt.decode(raw, self._key_set(), algorithms=self._algorithms)
                except JoseError:
                    # The issuer may have rotated its key since we fetched the set.
                    token = jwt.decode(raw, self._key_set(refresh=True),
                                       algorithms=self._algorithms)
                claims = dict(token.claims)
                self._claims_registry.validate(claims)
                if len(self._verified) >= MAX_VERIFIED_TOKENS:
                    self._verified.clear()  # crude but bounded; a miss only costs a check
                self._verified[raw] = claims
            else:
                self._claims_registry.validate(claims)
        except (JoseError, ValueError, TypeError, KeyError) as error:
            raise AuthError("Your sign-in is not valid or has expired. Sign in again.") from (
                error
            )
        except OSError as error:
            raise AuthError("The sign-in service could not be reached to check your sign-in.") \
                from error
        return dict(claims)

    def is_cheap(self, raw: str) -> bool:
        """Whether `principal(raw)` is in-process CPU work with nothing to wait for:
        accounts live in SQLite and no key set needs fetching from another server (the
        built-in issuer's keys are in the database; an external issuer's are fetched
        on a cache miss, which may take a network round trip)."""
        if self.engine.dialect.name != "sqlite":
            return False
        return self.settings.builtin_issuer or raw in self._verified

    def principal(self, raw: str, now: datetime | None = None) -> Principal:
        claims = self.verify(raw)
        subject = str(claims["sub"])
        if self.settings.builtin_issuer:
            grant = claims.get("sid")
            if isinstance(grant, str) and grant_revoked(self.engine, grant):
                raise AuthError("Your sign-in was ended (signed out, or its sign-in code or "
                                "refresh token was used twice). Sign in again.")
            # This server's own issuer names each account by its officer id.
            return load_principal(self.engine, subject, now=now)
        return load_principal(self.engine, linked_officer(self.engine, str(claims["iss"]),
                                                          subject), now=now)


def _utc_text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def held_mandates(conn: Any, representative_id: str, now: datetime) -> tuple[HeldMandate, ...]:
    """The representative's mandates current at `now`: signed by the member, not revoked
    or replaced, begun and not expired. Read on every request, so a revocation takes
    effect at once; `now` is the wall clock (the contest's test clock times receipts
    and deadlines, not who may read)."""
    m, a = db.mandates.c, db.accounts.c
    moment = _utc_text(now)
    rows = conn.execute(
        select(m.reference, m.officer_id, a.name, a.force_number, a.rank, m.scope,
               m.expires_at)
        .join(db.accounts, a.officer_id == m.officer_id)
        .where(m.representative_id == representative_id, m.ended_at.is_(None),
               m.not_before <= moment, m.expires_at > moment)
        .order_by(m.officer_id, m.seq.desc())
    ).all()
    held: dict[str, HeldMandate] = {}
    for row in rows:
        held.setdefault(row[1], HeldMandate(
            reference=row[0], officer_id=row[1], name=row[2], force_number=row[3],
            rank=row[4], scope=frozenset(str(row[5]).split()), expires_at=row[6]))
    return tuple(held.values())


def grant_revoked(engine: Engine, family_id: str) -> bool:
    """Whether the built-in issuer ended this sign-in (checked on every request: one
    primary-key lookup, so a revocation takes effect at once in every worker)."""
    g = db.revoked_grants.c
    with engine.connect() as conn:
        return conn.execute(select(g.family_id).where(g.family_id == family_id)).first() \
            is not None


def normalise_issuer(issuer: str) -> str:
    """An issuer identifier as stored: `https://idp/` and `https://idp` are one issuer."""
    return issuer.strip().rstrip("/")


def linked_officer(engine: Engine, issuer: str, subject: str) -> str | None:
    """The account an administrator linked to this external subject, if any.

    Only the issuer and the subject count (OpenID Connect Core §5.7: they are the only
    stable, unique pair); `preferred_username`, `email` and the like can be chosen by
    whoever holds the external account, so they never pick a Recourse account.
    """
    x = db.external_identities.c
    with engine.connect() as conn:
        found = conn.execute(
            select(x.officer_id).where(x.issuer == normalise_issuer(issuer),
                                       x.subject == subject)
        ).scalar_one_or_none()
    return None if found is None else str(found)


NO_ACCOUNT = "You are signed in, but this server holds no account for you."


def load_principal(engine: Engine, officer_id: str | None,
                   now: datetime | None = None) -> Principal:
    if officer_id is None:
        raise AuthError(NO_ACCOUNT, 403)
    with engine.connect() as conn:
        row = conn.execute(
            select(db.accounts).where(db.accounts.c.officer_id == officer_id)
        ).mappings().first()
        if row is None:
            raise AuthError(NO_ACCOUNT, 403)
        mandates: tuple[HeldMandate, ...] = ()
        if row["role"] == "representative":
            mandates = held_mandates(conn, row["officer_id"], now or datetime.now(UTC))
    return Principal(
        officer_id=row["officer_id"], username=row["username"], name=row["name"],
        role=row["role"], force_number=row["force_number"], rank=row["rank"],
        unit=row["unit"], mandates=mandates,
    )


def may_read(engine: Engine, principal: Principal, officer_id: str,
             scopes: frozenset[str] = frozenset({"read"})) -> bool:
    """Whether `principal` may read `officer_id`'s data (which must be an officer).

    A representative may only under a current mandate of the member's with one of
    `scopes` (`read` for the member's data; the force's replies also under `receive`)."""
    if principal.role == "officer":
        return principal.officer_id == officer_id
    if principal.role == "representative":
        held = principal.mandate_for(officer_id)
        if held is None or not held.scope & scopes:
            return False
    elif principal.role != "reviewer":
        return False
    with engine.connect() as conn:
        role = conn.execute(
            select(db.accounts.c.role).where(db.accounts.c.officer_id == officer_id)
        ).scalar_one_or_none()
    return role == "officer"

"""OpenID Connect for one issuer: discovery, its keys, ID-token verification, and the
token endpoint's answers turned into a `TokenSet` or a typed error.

The ID token is verified with joserfc against the issuer's JWKS (signature, iss, aud,
exp, iat, nonce); only asymmetric algorithms are accepted. The same code runs against
the reference server's built-in issuer and any standard OpenID provider; only
`OidcSettings` (issuer, client id, scopes) differ.
"""

from __future__ import annotations

import base64
import io
import json
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit

import requests
from authlib.integrations.requests_client import (
    OAuth2Session,
    OAuthError,
)
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from recourse.api.errors import (
    ApiError,
    CertificateNotTrusted,
    ResponseInvalid,
    ServerError,
    ServerUnreachable,
    SignedOut,
    SignInFailed,
    SignInServiceFailed,
)
from recourse.api.exchange import abort_on, is_json, read_bounded
from recourse.api.transport import check_address, secure_session
from recourse.protocol.canonical import JsonLimits, StrictJsonError, loads_bounded

log = logging.getLogger(__name__)

DEFAULT_CLIENT_ID = "recourse-desktop"
DEFAULT_SCOPES = ("openid", "profile", "offline_access")
_MAX_METADATA_BYTES = 1024 * 1024
_ID_TOKEN_LEEWAY = 120
_UNSAFE_ALGORITHMS = {"none", "HS256", "HS384", "HS512"}
#: Discovery documents, key sets, token answers and ID tokens are small and shallow.
_JSON_LIMITS = JsonLimits(max_bytes=_MAX_METADATA_BYTES, max_depth=16, max_values=20_000)
#: Token and revocation answers are read this far and no further.
_MAX_TOKEN_ANSWER_BYTES = 256 * 1024


@dataclass(frozen=True)
class OidcSettings:
    """All that differs between identity providers."""

    issuer: str
    client_id: str = DEFAULT_CLIENT_ID
    scopes: tuple[str, ...] = DEFAULT_SCOPES
    redirect_path: str = "/callback"
    #: Origins (`https://host[:port]`) besides the issuer's own that its discovery
    #: document may send the token, keys, authorization and revocation requests to: IT's
    #: setting for a provider that serves them from another host. Empty: none.
    endpoint_origins: tuple[str, ...] = ()


def origin(url: str) -> str:
    """`scheme://host[:port]` of `url`, lower-cased, the default port left out."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    default = {"https": 443, "http": 80}.get(parts.scheme.lower())
    port = "" if parts.port in (None, default) else f":{parts.port}"
    if ":" in host:
        host = f"[{host}]"
    return f"{parts.scheme.lower()}://{host}{port}"


@dataclass(frozen=True)
class ProviderMetadata:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    revocation_endpoint: str | None
    id_token_algorithms: tuple[str, ...]
    iss_parameter_supported: bool


@dataclass(frozen=True)
class TokenSet:
    """What the store keeps after sign-in (as one JSON secret)."""

    issuer: str
    client_id: str
    subject: str
    access_token: str = field(repr=False)
    refresh_token: str | None = field(repr=False)
    #: Epoch seconds at which the access token expires, and its lifetime when issued.
    expires_at: float
    lifetime: float
    scope: str = ""
    id_token: str | None = field(default=None, repr=False)
    name: str | None = None

    def to_bytes(self) -> bytes:
        return json.dumps(asdict(self), separators=(",", ":")).encode()

    @classmethod
    def from_bytes(cls, raw: bytes) -> TokenSet | None:
        try:
            return cls(**json.loads(raw))
        except (ValueError, TypeError):
            return None


class OpenIdProvider:
    """Discovery, the JWKS and ID-token verification for one issuer (cached)."""

    def __init__(
        self,
        settings: OidcSettings,
        *,
        ca_bundle: str | None = None,
        pinned_spki_sha256: str | None = None,
        timeout: tuple[float, float] = (5, 30),
    ) -> None:
        check_address(settings.issuer)
        self.settings = settings
        self.timeout = timeout
        self._ca_bundle = ca_bundle
        self._pin = pinned_spki_sha256
        self._http = secure_session(ca_bundle=ca_bundle, pinned_spki_sha256=pinned_spki_sha256)
        self._http.headers["Accept"] = "application/json"
        self._metadata: ProviderMetadata | None = None
        self._keys: KeySet | None = None
        self._lock = threading.Lock()

    def oauth_session(
        self,
        redirect_uri: str | None = None,
        *,
        purpose: Literal["token", "revocation"] = "token",
    ) -> OAuth2Session:
        """authlib's client for this issuer, on the same verified TLS.

        Only the authorization request names scopes: a refresh keeps what was granted
        (RFC 6749 §6), which may be less than what was asked for. Every answer passes
        `guard_token_answer` before authlib sees it: a redirect is never followed (it
        would carry the code, the PKCE verifier or the refresh token to wherever it
        points), and a failure says what happened."""
        session = OAuth2Session(
            self.settings.client_id,
            scope=" ".join(self.settings.scopes) if redirect_uri else None,
            redirect_uri=redirect_uri,
            token_endpoint_auth_method="none",  # noqa: S106 (a public client)
            revocation_endpoint_auth_method="none",
            code_challenge_method="S256",
            default_timeout=self.timeout,
        )
        session.max_redirects = 0  # and the hook below refuses before any would be
        session.hooks["response"].append(
            lambda response, *args, **kwargs: guard_token_answer(response, purpose)
        )
        return secure_session(session, ca_bundle=self._ca_bundle, pinned_spki_sha256=self._pin)

    def metadata(self) -> ProviderMetadata:
        with self._lock:
            if self._metadata is None:
                self._metadata = self._discover()
            return self._metadata

    def _discover(self) -> ProviderMetadata:
        issuer = self.settings.issuer.rstrip("/")
        doc = self._get_json(issuer + "/.well-known/openid-configuration")
        try:
            if doc["issuer"].rstrip("/") != issuer:
                # OpenID Connect Discovery §4.3: the document must name this issuer.
                raise ResponseInvalid("the sign-in service named a different issuer")
            endpoints = {
                k: str(doc[k]) for k in ("authorization_endpoint", "token_endpoint", "jwks_uri")
            }
            revocation = doc.get("revocation_endpoint")
            algorithms = tuple(
                a for a in doc.get("id_token_signing_alg_values_supported", ["RS256"])
                if isinstance(a, str) and a not in _UNSAFE_ALGORITHMS
            )
            methods = doc.get("code_challenge_methods_supported")
        except (KeyError, TypeError, AttributeError) as exc:
            raise ResponseInvalid("the sign-in service's configuration was incomplete") from exc
        allowed = {origin(issuer), *(origin(o) for o in self.settings.endpoint_origins)}
        for name, url in (*endpoints.items(), *([("revocation_endpoint", revocation)]
                                                  if revocation else [])):
            check_address(url)
            if origin(url) not in allowed:
                # A discovery document that sends the token request elsewhere would hand
                # that host the code and the refresh token; only IT may allow one.
                raise SignInFailed(
                    f"the sign-in service's configuration sends its {name.replace('_', ' ')} "
                    f"to another address ({origin(url)}), which IT has not allowed",
                    "Tell force IT: they can allow that address in Recourse's settings if "
                    "it is really the force's sign-in service.",
                )
        if methods is not None and "S256" not in methods:
            raise SignInFailed("the sign-in service does not support PKCE (S256)")
        if not algorithms:
            raise SignInFailed("the sign-in service signs ID tokens with no safe algorithm")
        return ProviderMetadata(
            issuer=str(doc["issuer"]),
            revocation_endpoint=str(revocation) if revocation else None,
            id_token_algorithms=algorithms,
            iss_parameter_supported=bool(doc.get("authorization_response_iss_parameter_supported")),
            **endpoints,
        )

    def _key_set(self, refresh: bool = False) -> KeySet:
        with self._lock:
            keys = self._keys
        if keys is None or refresh:
            document = self._get_json(self.metadata().jwks_uri)
            try:
                keys = KeySet.import_key_set(document)  # type: ignore[arg-type]
            except (JoseError, ValueError, TypeError, KeyError) as exc:
                raise ResponseInvalid("the sign-in service's keys could not be read") from exc
            with self._lock:
                self._keys = keys
        return keys

    def verify_id_token(
        self,
        id_token: str,
        *,
        nonce: str | None,
        subject: str | None = None,
        now: Callable[[], float] = time.time,
    ) -> dict[str, Any]:
        """The ID token's claims, once its signature and claims check out."""
        check_token_json(id_token)
        metadata = self.metadata()
        try:
            try:
                token = jwt.decode(
                    id_token, self._key_set(), algorithms=list(metadata.id_token_algorithms)
                )
            except (JoseError, ValueError):
                # The issuer may have rotated its keys since we fetched them.
                token = jwt.decode(
                    id_token, self._key_set(refresh=True),
                    algorithms=list(metadata.id_token_algorithms),
                )
            expected: dict[str, Any] = {
                "iss": {"essential": True, "value": metadata.issuer},
                "aud": {"essential": True, "value": self.settings.client_id},
                "exp": {"essential": True},
                "iat": {"essential": True},
                "sub": {"essential": True, **({"value": subject} if subject else {})},
            }
            if nonce is not None:
                expected["nonce"] = {"essential": True, "value": nonce}
            registry = jwt.JWTClaimsRegistry(
                now=lambda: int(now()), leeway=_ID_TOKEN_LEEWAY, **expected
            )
            registry.validate(token.claims)
        except (JoseError, ValueError) as exc:
            log.warning("ID token refused: %s", type(exc).__name__)
            raise SignInFailed("the sign-in service's answer could not be verified") from exc
        claims = dict(token.claims)
        audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
        if len(audiences) > 1 and claims.get("azp") != self.settings.client_id:
            raise SignInFailed("the sign-in answer was meant for another application")
        return claims

    def _get_json(self, url: str) -> dict[str, Any]:
        deadline = time.monotonic() + 60
        with abort_on(None, deadline=deadline):  # headers included
            try:
                response = self._http.get(
                    url, timeout=self.timeout, stream=True, allow_redirects=False
                )
            except ApiError:
                raise
            except requests.exceptions.SSLError as exc:
                raise CertificateNotTrusted() from exc
            except requests.exceptions.RequestException as exc:
                raise ServerUnreachable(
                    "Recourse could not reach the force's sign-in service."
                ) from exc
            with response:
                body = read_bounded(response, _MAX_METADATA_BYTES, deadline, strict=True)
        if response.status_code >= 500:
            raise ServerError(response.status_code)
        if 300 <= response.status_code < 400:
            raise ResponseInvalid(
                f"the sign-in service redirected Recourse elsewhere (HTTP "
                f"{response.status_code}), which it does not follow"
            )
        if response.status_code != 200:
            raise ResponseInvalid(f"the sign-in service answered {response.status_code}")
        try:
            document = loads_bounded(body, _JSON_LIMITS)
        except StrictJsonError as exc:
            log.warning("sign-in service answer refused: %s", type(exc).__name__)
            raise ResponseInvalid("the sign-in service's answer was not plain JSON") from None
        if not isinstance(document, dict):
            raise ResponseInvalid("the sign-in service's answer was not a JSON object")
        return document


def check_token_json(token: str) -> None:
    """Refuse a JWT whose header or claims are not bounded, plain JSON, before joserfc
    parses them with the standard library (where deep nesting raises RecursionError)."""
    parts = token.split(".")
    if len(parts) != 3 or len(token) > _MAX_METADATA_BYTES:
        raise SignInFailed("the sign-in service's answer could not be verified")
    for part in parts[:2]:
        try:
            loads_bounded(_b64url(part), _JSON_LIMITS)
        except (StrictJsonError, ValueError):
            log.warning("ID token refused: its JSON is not plain")
            raise SignInFailed("the sign-in service's answer could not be verified") from None


def _b64url(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def guard_token_answer(response: requests.Response, purpose: str) -> requests.Response:
    """Check an answer of the token or revocation endpoint before authlib reads it.

    A redirect is refused, never followed. A server error, or a web page where a token
    should be, is said as such (not as "could not reach"). The body is read here within
    a bound and checked by the bounded JSON reader, then handed on to authlib."""
    status = response.status_code
    if 300 <= status < 400:
        response.close()
        log.warning("%s endpoint redirected (HTTP %d): not followed", purpose, status)
        raise SignInFailed(
            f"the sign-in service tried to send Recourse's {purpose} request to another "
            f"address (HTTP {status}); Recourse did not follow it, so nothing was sent there",
            "Tell force IT: the sign-in service is misconfigured or someone is "
            "interfering with the connection.",
        )
    raw = response.raw
    body = bytearray()
    deadline = time.monotonic() + 60
    try:
        while len(body) <= _MAX_TOKEN_ANSWER_BYTES and time.monotonic() < deadline:
            chunk = raw.read(16 * 1024, decode_content=True)
            if not chunk:
                break
            body += chunk
    finally:
        raw.release_conn()
    if len(body) > _MAX_TOKEN_ANSWER_BYTES or time.monotonic() >= deadline:
        raise ResponseInvalid(f"the sign-in service's {purpose} answer was too large or slow")
    # requests reads the body from `raw` when authlib asks for it: hand it what we read.
    response.raw = io.BytesIO(bytes(body))
    if status >= 500:
        raise SignInServiceFailed(status)
    if purpose == "revocation":
        return response  # RFC 7009: its body, if any, says nothing the client uses
    if not is_json(response.headers.get("Content-Type")):
        kind = (response.headers.get("Content-Type") or "nothing").split(";")[0][:60]
        raise ResponseInvalid(
            f"the sign-in service answered HTTP {status} with {kind} instead of a token"
        )
    try:
        loads_bounded(bytes(body), _JSON_LIMITS)
    except StrictJsonError:
        raise ResponseInvalid("the sign-in service's token answer was not plain JSON") from None
    return response


def token_set(
    settings: OidcSettings,
    response: Mapping[str, Any],
    claims: Mapping[str, Any],
    id_token: str | None,
    now: float,
    previous: TokenSet | None = None,
) -> TokenSet:
    """The token endpoint's `response` (with the ID token's `claims`) as a `TokenSet`;
    what a refresh leaves out (a rotated refresh token, the ID token) is kept from
    `previous`."""
    access = response.get("access_token")
    if not isinstance(access, str) or not access:
        raise ResponseInvalid("the sign-in service returned no access token")
    if str(response.get("token_type", "bearer")).lower() != "bearer":
        raise ResponseInvalid("the sign-in service returned an unusable token type")
    try:
        lifetime = float(response.get("expires_in", 300))
    except (TypeError, ValueError) as exc:
        raise ResponseInvalid("the sign-in service returned a malformed expiry") from exc
    lifetime = max(1.0, min(lifetime, 24 * 3600))
    refresh = response.get("refresh_token")
    if not isinstance(refresh, str) or not refresh:
        # No rotation: the old refresh token stays valid (RFC 6749 §6).
        refresh = previous.refresh_token if previous else None
    name = claims.get("name")
    return TokenSet(
        issuer=settings.issuer,
        client_id=settings.client_id,
        subject=str(claims["sub"]),
        access_token=access,
        refresh_token=refresh,
        expires_at=now + lifetime,
        lifetime=lifetime,
        scope=str(response.get("scope", "")),
        id_token=id_token if id_token else (previous.id_token if previous else None),
        name=str(name)[:200] if isinstance(name, str) else (previous.name if previous else None),
    )


def token_endpoint_error(exc: Exception, *, signing_in: bool) -> ApiError:
    """The typed error for a failed call to the token endpoint (authlib's, requests')."""
    if isinstance(exc, ApiError):
        return exc
    if isinstance(exc, OAuthError):
        log.warning("token endpoint refused: %s", exc.error)
        if signing_in:
            return SignInFailed("the sign-in service refused the sign-in code")
        return SignedOut()
    if isinstance(exc, requests.exceptions.SSLError):
        return CertificateNotTrusted()
    if isinstance(exc, requests.exceptions.RequestException):
        return ServerUnreachable("Recourse could not reach the force's sign-in service.")
    if isinstance(exc, ValueError):
        return ResponseInvalid("the sign-in service's answer was not JSON")
    if isinstance(exc, RecursionError):  # pragma: no cover - the guard bounds the JSON first
        return ResponseInvalid("the sign-in service's answer was not plain JSON")
    return ResponseInvalid(f"the sign-in service's answer could not be used ({type(exc).__name__})")



"""OpenID Connect sign-in for a native app, and the tokens it yields.

The authorization code flow with PKCE (S256) and a loopback redirect (RFC 8252, RFC
7636, RFC 9207), through authlib's requests client; the ID token is verified with
joserfc against the issuer's JWKS (signature, iss, aud, exp, iat, nonce).

* `SignIn` — one interactive sign-in: a one-shot listener on 127.0.0.1 (never any other
  interface) on a free port, the system browser opened at the authorization endpoint
  (the opener is injectable), `state`, `iss` and `nonce` checked. `run()` blocks (call
  it from a worker); `cancel()` from any thread.
* `TokenManager` — the `TokenProvider` the `ApiClient` uses: keeps the tokens ONLY in
  the encrypted store (`TokenStore`), refreshes before expiry, follows refresh-token
  rotation, serialises refreshes so two threads never spend the same refresh token, and
  signs out by revoking the refresh token and wiping the tokens.

The same code runs against the reference server's built-in issuer and any standard
OpenID provider; only `OidcSettings` (issuer, client id, scopes) differ.
"""

from __future__ import annotations

import hmac
import json
import logging
import threading
import time
import webbrowser
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol
from urllib.parse import parse_qs, urlsplit

import requests
from authlib.common.security import generate_token  # type: ignore[import-untyped]
from authlib.integrations.requests_client import (  # type: ignore[import-untyped]
    OAuth2Session,
    OAuthError,
)
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from recourse.api.client import _read_bounded
from recourse.api.errors import (
    ApiError,
    CertificateNotTrusted,
    ResponseInvalid,
    ServerError,
    ServerUnreachable,
    SignedOut,
    SignInCancelled,
    SignInDenied,
    SignInFailed,
)
from recourse.api.transport import check_address, secure_session

log = logging.getLogger(__name__)

DEFAULT_CLIENT_ID = "recourse-desktop"
DEFAULT_SCOPES = ("openid", "profile", "offline_access")
#: The one secret holding the whole token set, so a rotation is one atomic write.
TOKENS_SECRET = "oidc.tokens"  # noqa: S105 (a name, not a secret)
_MAX_METADATA_BYTES = 1024 * 1024
_ID_TOKEN_LEEWAY = 120
_UNSAFE_ALGORITHMS = {"none", "HS256", "HS384", "HS512"}

#: Opens the authorization URL in a browser; False (like `webbrowser.open`) = none.
BrowserOpener = Callable[[str], object]


class TokenStore(Protocol):
    """Where tokens live: the encrypted store (`recourse.store.Store` fits)."""

    def get_secret(self, name: str) -> bytes | None: ...

    def put_secret(self, name: str, value: bytes) -> None: ...

    def delete_secret(self, name: str) -> None: ...


@dataclass(frozen=True)
class OidcSettings:
    """All that differs between identity providers."""

    issuer: str
    client_id: str = DEFAULT_CLIENT_ID
    scopes: tuple[str, ...] = DEFAULT_SCOPES
    redirect_path: str = "/callback"


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

    def oauth_session(self, redirect_uri: str | None = None) -> OAuth2Session:
        """authlib's client for this issuer, on the same verified TLS.

        Only the authorization request names scopes: a refresh keeps what was granted
        (RFC 6749 §6), which may be less than what was asked for."""
        session = OAuth2Session(
            self.settings.client_id,
            scope=" ".join(self.settings.scopes) if redirect_uri else None,
            redirect_uri=redirect_uri,
            token_endpoint_auth_method="none",  # noqa: S106 (a public client)
            revocation_endpoint_auth_method="none",
            code_challenge_method="S256",
            default_timeout=self.timeout,
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
        for url in (*endpoints.values(), *([revocation] if revocation else [])):
            check_address(url)
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
            body = _read_bounded(
                response, _MAX_METADATA_BYTES, time.monotonic() + 60, strict=True
            )
        if response.status_code >= 500:
            raise ServerError(response.status_code)
        if response.status_code != 200:
            raise ResponseInvalid(f"the sign-in service answered {response.status_code}")
        try:
            document = json.loads(body)
        except ValueError as exc:
            raise ResponseInvalid("the sign-in service's answer was not JSON") from exc
        if not isinstance(document, dict):
            raise ResponseInvalid("the sign-in service's answer was not a JSON object")
        return document


# --- the loopback listener --------------------------------------------------------------

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Recourse</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto">
<h1 style="font-size: 1.4rem">{heading}</h1>
<p>You can close this tab and return to Recourse.</p>
</body></html>
"""


class LoopbackListener:
    """A one-shot HTTP listener on 127.0.0.1 for the authorization response."""

    def __init__(self, path: str = "/callback", *, expected_state: str | None = None) -> None:
        self.path = path
        self._expected_state = expected_state
        self._received = threading.Event()
        self._params: dict[str, str] | None = None
        listener = self

        class Handler(BaseHTTPRequestHandler):
            timeout = 10  # a stalled browser connection must not hold a thread

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                if parts.path != listener.path or listener._received.is_set():
                    self._answer(404, "Nothing to see here.")
                    return
                raw = parse_qs(parts.query, keep_blank_values=True, max_num_fields=20)
                params = {k: v[0] for k, v in raw.items() if len(v) == 1}
                succeeded = "code" in params and "error" not in params and (
                    listener._expected_state is None
                    or hmac.compare_digest(
                        params.get("state", ""), listener._expected_state
                    )
                )
                heading = (
                    "You are signed in to Recourse."
                    if succeeded
                    else "Sign-in to Recourse was not completed."
                )
                self._answer(200, heading)
                listener._params = params
                listener._received.set()

            def _answer(self, status: int, heading: str) -> None:
                body = _PAGE.format(heading=heading).encode()
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.send_header("Content-Security-Policy", "default-src 'none'")
                self.send_header("Referrer-Policy", "no-referrer")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                # The default logs the query string, which holds the code.
                return

        # 127.0.0.1 only: never reachable from another machine.
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port: int = self._server.server_address[1]
        self.redirect_uri = f"http://127.0.0.1:{self.port}{path}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.1},
            name="signin-listener", daemon=True,
        )
        self._thread.start()

    def wait(
        self, deadline: float, cancelled: Callable[[], bool]
    ) -> dict[str, str]:
        """The redirect's query parameters; SignInCancelled on cancel or timeout."""
        while not self._received.wait(0.05):
            if cancelled():
                raise SignInCancelled()
            if time.monotonic() > deadline:
                raise SignInCancelled(timed_out=True)
        assert self._params is not None
        return self._params

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)


# --- one interactive sign-in ---------------------------------------------------------------


class SignIn:
    """One authorization-code + PKCE sign-in through the system browser."""

    def __init__(
        self,
        provider: OpenIdProvider,
        *,
        open_browser: BrowserOpener = webbrowser.open,
        timeout: float = 300.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.provider = provider
        self._open_browser = open_browser
        self._timeout = timeout
        self._clock = clock
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    def run(self, cancel: threading.Event | None = None) -> TokenSet:
        """Block until the browser comes back; return the verified tokens."""
        settings = self.provider.settings
        metadata = self.provider.metadata()
        state = generate_token(32)
        nonce = generate_token(32)
        code_verifier = generate_token(64)

        def cancelled() -> bool:
            return self._cancelled.is_set() or (cancel is not None and cancel.is_set())

        listener = LoopbackListener(settings.redirect_path, expected_state=state)
        try:
            oauth = self.provider.oauth_session(listener.redirect_uri)
            url, _ = oauth.create_authorization_url(
                metadata.authorization_endpoint,
                state=state,
                code_verifier=code_verifier,
                nonce=nonce,
            )
            if cancelled():
                raise SignInCancelled()
            if self._open_browser(url) is False:
                raise SignInFailed(
                    "no web browser could be opened",
                    "Set a default web browser on this PC, or ask force IT for help.",
                )
            params = listener.wait(time.monotonic() + self._timeout, cancelled)
        finally:
            listener.close()

        # state first: an answer to someone else's request is not ours to act on.
        if not hmac.compare_digest(params.get("state", ""), state):
            raise SignInFailed("the answer from the browser did not match this sign-in")
        issuer_param = params.get("iss")
        if (issuer_param is not None or metadata.iss_parameter_supported) and (
            issuer_param != metadata.issuer
        ):
            raise SignInFailed("the answer came from a different sign-in service")
        if "error" in params:
            raise SignInDenied(params["error"][:100], params.get("error_description"))
        code = params.get("code")
        if not code:
            raise SignInFailed("the answer from the browser carried no sign-in code")

        try:
            response = oauth.fetch_token(
                metadata.token_endpoint,
                grant_type="authorization_code",
                code=code,
                code_verifier=code_verifier,
                timeout=self.provider.timeout,
            )
        except Exception as exc:
            raise _token_endpoint_error(exc, signing_in=True) from exc
        finally:
            oauth.close()
        id_token = response.get("id_token")
        if not isinstance(id_token, str):
            raise SignInFailed("the sign-in service returned no ID token")
        claims = self.provider.verify_id_token(id_token, nonce=nonce, now=self._clock)
        return _token_set(settings, response, claims, id_token, self._clock())


def _token_set(
    settings: OidcSettings,
    response: Mapping[str, Any],
    claims: Mapping[str, Any],
    id_token: str | None,
    now: float,
    previous: TokenSet | None = None,
) -> TokenSet:
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


def _token_endpoint_error(exc: Exception, *, signing_in: bool) -> ApiError:
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
    return ResponseInvalid(f"the sign-in service's answer could not be used ({type(exc).__name__})")


# --- tokens over time ----------------------------------------------------------------------

#: Serialises refreshes in this process, across TokenManagers sharing one store too:
#: two refreshes with the same rotating refresh token would revoke the whole family.
_REFRESH_LOCK = threading.RLock()


class TokenManager:
    """Tokens for the `ApiClient`: sign-in, refresh before expiry, rotation, sign-out."""

    def __init__(
        self,
        settings: OidcSettings,
        store: TokenStore,
        *,
        ca_bundle: str | None = None,
        pinned_spki_sha256: str | None = None,
        open_browser: BrowserOpener = webbrowser.open,
        timeout: tuple[float, float] = (5, 30),
        sign_in_timeout: float = 300.0,
        refresh_margin: float = 60.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.settings = settings
        self.provider = OpenIdProvider(
            settings, ca_bundle=ca_bundle, pinned_spki_sha256=pinned_spki_sha256,
            timeout=timeout,
        )
        self._store = store
        self._open_browser = open_browser
        self._sign_in_timeout = sign_in_timeout
        self._refresh_margin = refresh_margin
        self._clock = clock
        self._sign_in: SignIn | None = None

    # sign-in state

    def tokens(self) -> TokenSet | None:
        """The stored token set for this issuer and client, if any."""
        raw = self._store.get_secret(TOKENS_SECRET)
        tokens = TokenSet.from_bytes(raw) if raw else None
        if tokens is None or (tokens.issuer, tokens.client_id) != (
            self.settings.issuer, self.settings.client_id
        ):
            return None
        return tokens

    def signed_in(self) -> bool:
        return self.tokens() is not None

    @property
    def officer_id(self) -> str | None:
        """The ID token's `sub`: the officer id at the reference server."""
        tokens = self.tokens()
        return tokens.subject if tokens else None

    def sign_in(self, cancel: threading.Event | None = None) -> TokenSet:
        """Run the browser sign-in and store the tokens. Blocks; call from a worker."""
        flow = SignIn(
            self.provider, open_browser=self._open_browser, timeout=self._sign_in_timeout,
            clock=self._clock,
        )
        self._sign_in = flow
        try:
            tokens = flow.run(cancel)
        finally:
            self._sign_in = None
        with _REFRESH_LOCK:
            self._store.put_secret(TOKENS_SECRET, tokens.to_bytes())
        log.info("signed in")
        return tokens

    def cancel_sign_in(self) -> None:
        flow = self._sign_in
        if flow is not None:
            flow.cancel()

    def sign_out(self) -> bool:
        """Revoke the refresh token where the issuer can, and wipe the tokens.

        The tokens are wiped whatever happens; returns whether the issuer confirmed the
        revocation (False when it has no revocation endpoint or could not be reached)."""
        with _REFRESH_LOCK:
            tokens = self.tokens()
            self._store.delete_secret(TOKENS_SECRET)
        if tokens is None:
            return False
        revoked = False
        try:
            endpoint = self.provider.metadata().revocation_endpoint
            if endpoint:
                oauth = self.provider.oauth_session()
                try:
                    response = oauth.revoke_token(
                        endpoint, token=tokens.refresh_token or tokens.access_token,
                        token_type_hint="refresh_token" if tokens.refresh_token
                        else "access_token",
                        timeout=self.provider.timeout,
                    )
                    revoked = response.status_code == 200
                finally:
                    oauth.close()
        except (ApiError, requests.exceptions.RequestException) as exc:
            log.warning("sign-out: revocation failed (%s)", type(exc).__name__)
        log.info("signed out (revoked: %s)", revoked)
        return revoked

    # TokenProvider

    def access_token(self) -> str:
        tokens = self.tokens()
        if tokens is None:
            raise SignedOut()
        if not self._expiring(tokens):
            return tokens.access_token
        try:
            return self._refresh(stale=tokens.access_token).access_token
        except (ServerUnreachable, ServerError):
            # Renewal is early on purpose: while the token is still valid, a sign-in
            # service that is briefly down must not stop the officer's work.
            if self._clock() < tokens.expires_at:
                log.info("refresh failed; the current access token is still valid")
                return tokens.access_token
            raise

    def access_token_rejected(self, rejected: str) -> str:
        return self._refresh(stale=rejected).access_token

    def refresh(self) -> TokenSet:
        """Refresh now, whatever the expiry."""
        tokens = self.tokens()
        if tokens is None:
            raise SignedOut()
        return self._refresh(stale=tokens.access_token)

    def _expiring(self, tokens: TokenSet) -> bool:
        # Refresh when a minute is left, or a third of a short lifetime.
        margin = min(self._refresh_margin, tokens.lifetime / 3)
        return self._clock() >= tokens.expires_at - margin

    def _refresh(self, stale: str) -> TokenSet:
        with _REFRESH_LOCK:
            # Re-read under the lock: another thread may have refreshed meanwhile, and
            # the refresh token it was given replaced (rotated) the one we saw.
            tokens = self.tokens()
            if tokens is None:
                raise SignedOut()
            if not hmac.compare_digest(tokens.access_token, stale) and not self._expiring(
                tokens
            ):
                return tokens
            if not tokens.refresh_token:
                self._store.delete_secret(TOKENS_SECRET)
                raise SignedOut()
            metadata = self.provider.metadata()
            oauth = self.provider.oauth_session()
            try:
                response = oauth.refresh_token(
                    metadata.token_endpoint,
                    refresh_token=tokens.refresh_token,
                    timeout=self.provider.timeout,
                )
            except Exception as exc:
                error = _token_endpoint_error(exc, signing_in=False)
                if isinstance(error, SignedOut):
                    # The refresh token was refused (revoked, expired, reused): it is
                    # worthless now, so nothing of it stays on this PC.
                    self._store.delete_secret(TOKENS_SECRET)
                raise error from exc
            finally:
                oauth.close()
            id_token = response.get("id_token")
            claims: dict[str, Any] = {"sub": tokens.subject, "name": tokens.name}
            if isinstance(id_token, str):
                claims = self.provider.verify_id_token(
                    id_token, nonce=None, subject=tokens.subject, now=self._clock
                )
            new = _token_set(
                self.settings, response, claims,
                id_token if isinstance(id_token, str) else None, self._clock(), tokens,
            )
            self._store.put_secret(TOKENS_SECRET, new.to_bytes())
            log.info("access token refreshed (refresh token rotated: %s)",
                     new.refresh_token != tokens.refresh_token)
            return new


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

The issuer's side (discovery, keys, ID tokens, token-endpoint answers) is
`recourse.api.oidc`, the redirect listener `recourse.api.loopback`; both are re-exported
here. The same code runs against the reference server's built-in issuer and any standard
OpenID provider; only `OidcSettings` (issuer, client id, scopes) differ.
"""

from __future__ import annotations

import hmac
import logging
import threading
import time
import webbrowser
from collections.abc import Callable
from typing import Any, Protocol

import requests
from authlib.common.security import generate_token

from recourse.api.errors import (
    ApiError,
    ServerError,
    ServerUnreachable,
    SignedOut,
    SignInCancelled,
    SignInDenied,
    SignInFailed,
)
from recourse.api.exchange import abort_on
from recourse.api.loopback import LoopbackListener
from recourse.api.oidc import (
    DEFAULT_CLIENT_ID,
    DEFAULT_SCOPES,
    OidcSettings,
    OpenIdProvider,
    ProviderMetadata,
    TokenSet,
    token_endpoint_error,
    token_set,
)

__all__ = [
    "DEFAULT_CLIENT_ID",
    "DEFAULT_SCOPES",
    "TOKENS_SECRET",
    "BrowserOpener",
    "LoopbackListener",
    "OidcSettings",
    "OpenIdProvider",
    "ProviderMetadata",
    "SignIn",
    "TokenManager",
    "TokenSet",
    "TokenStore",
]

log = logging.getLogger(__name__)

#: The one secret holding the whole token set, so a rotation is one atomic write.
TOKENS_SECRET = "oidc.tokens"  # noqa: S105 (a name, not a secret)
#: Seconds a token, refresh or revocation request may take in all, headers included.
TOKEN_REQUEST_DEADLINE = 60.0

#: Opens the authorization URL in a browser; False (like `webbrowser.open`) = none.
BrowserOpener = Callable[[str], object]


class TokenStore(Protocol):
    """Where tokens live: the encrypted store (`recourse.store.Store` fits)."""

    def get_secret(self, name: str) -> bytes | None: ...

    def put_secret(self, name: str, value: bytes) -> None: ...

    def delete_secret(self, name: str) -> None: ...


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
            with abort_on(None, deadline=time.monotonic() + TOKEN_REQUEST_DEADLINE):
                response = oauth.fetch_token(
                    metadata.token_endpoint,
                    grant_type="authorization_code",
                    code=code,
                    code_verifier=code_verifier,
                    timeout=self.provider.timeout,
                )
        except Exception as exc:
            raise token_endpoint_error(exc, signing_in=True) from exc
        finally:
            oauth.close()
        id_token = response.get("id_token")
        if not isinstance(id_token, str):
            raise SignInFailed("the sign-in service returned no ID token")
        claims = self.provider.verify_id_token(id_token, nonce=nonce, now=self._clock)
        return token_set(settings, response, claims, id_token, self._clock())


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
                oauth = self.provider.oauth_session(purpose="revocation")
                try:
                    with abort_on(None, deadline=time.monotonic() + TOKEN_REQUEST_DEADLINE):
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
                with abort_on(None, deadline=time.monotonic() + TOKEN_REQUEST_DEADLINE):
                    response = oauth.refresh_token(
                        metadata.token_endpoint,
                        refresh_token=tokens.refresh_token,
                        timeout=self.provider.timeout,
                    )
            except Exception as exc:
                error = token_endpoint_error(exc, signing_in=False)
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
            new = token_set(
                self.settings, response, claims,
                id_token if isinstance(id_token, str) else None, self._clock(), tokens,
            )
            self._store.put_secret(TOKENS_SECRET, new.to_bytes())
            log.info("access token refreshed (refresh token rotated: %s)",
                     new.refresh_token != tokens.refresh_token)
            return new


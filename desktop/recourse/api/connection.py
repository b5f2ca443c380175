"""`ServerConnection`: the API client together with its own sign-in.

What the app holds once the store is open: every `ApiClient` call, plus `sign_in()`,
`signed_in()`, `sign_out()` and `officer_id`, with the tokens kept in the store.
"""

from __future__ import annotations

import threading
import webbrowser
from typing import Any

from recourse.api.client import ApiClient
from recourse.api.signin import (
    DEFAULT_CLIENT_ID,
    DEFAULT_SCOPES,
    BrowserOpener,
    OidcSettings,
    TokenManager,
    TokenSet,
    TokenStore,
)


class ServerConnection(ApiClient):
    """An `ApiClient` whose tokens come from OpenID Connect sign-in.

    `issuer` defaults to the server itself (the reference server's built-in issuer);
    a force's own identity provider is configured with `issuer`, `client_id`, `scopes`.
    """

    def __init__(
        self,
        server_url: str,
        store: TokenStore,
        *,
        issuer: str | None = None,
        client_id: str = DEFAULT_CLIENT_ID,
        scopes: tuple[str, ...] = DEFAULT_SCOPES,
        browser: BrowserOpener | None = None,
        ca_bundle: str | None = None,
        pinned_spki_sha256: str | None = None,
        sign_in_timeout: float = 300.0,
        sign_in_endpoint_origins: tuple[str, ...] = (),
        **client_options: Any,
    ) -> None:
        self.auth = TokenManager(
            OidcSettings(issuer or server_url.rstrip("/"), client_id, scopes,
                         endpoint_origins=sign_in_endpoint_origins),
            store,
            ca_bundle=ca_bundle,
            pinned_spki_sha256=pinned_spki_sha256,
            open_browser=browser or webbrowser.open,
            sign_in_timeout=sign_in_timeout,
        )
        super().__init__(
            server_url, self.auth, ca_bundle=ca_bundle,
            pinned_spki_sha256=pinned_spki_sha256, **client_options,
        )

    def sign_in(self, cancel: threading.Event | None = None) -> TokenSet:
        """Browser sign-in; blocks until done, cancelled (`cancel` set) or timed out."""
        return self.auth.sign_in(cancel)

    def cancel_sign_in(self) -> None:
        self.auth.cancel_sign_in()

    def signed_in(self) -> bool:
        return self.auth.signed_in()

    @property
    def officer_id(self) -> str | None:
        return self.auth.officer_id

    def sign_out(self) -> bool:
        return self.auth.sign_out()

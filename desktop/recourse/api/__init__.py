"""HTTP client to the force's Recourse API and OpenID Connect sign-in (no Qt).

* `ApiClient` — typed, validated calls to the API (see `recourse.api.client`).
* `TokenProvider` — what `ApiClient` asks for bearer tokens.
* `ServerConnection` — an `ApiClient` with its own sign-in (`sign_in`, `signed_in`,
  `sign_out`, `officer_id`): what the app holds once the store is open.
* `TokenManager`, `SignIn`, `OidcSettings`, `TokenStore` — OpenID Connect sign-in and
  tokens (see `recourse.api.signin`).
* the typed errors, all subclasses of `recourse.domain.errors.RecourseError`.
"""

from recourse.api.client import ApiClient, TokenProvider
from recourse.api.connection import ServerConnection
from recourse.api.errors import (
    ApiError,
    CertificateNotTrusted,
    InsecureAddress,
    NotFound,
    RequestCancelled,
    RequestRefused,
    ResponseInvalid,
    ResponseTooLarge,
    ServerError,
    ServerUnreachable,
    SignedOut,
    SignInCancelled,
    SignInDenied,
    SignInFailed,
)
from recourse.api.signin import OidcSettings, SignIn, TokenManager, TokenSet, TokenStore

__all__ = [
    "ApiClient",
    "ApiError",
    "CertificateNotTrusted",
    "InsecureAddress",
    "NotFound",
    "OidcSettings",
    "RequestCancelled",
    "RequestRefused",
    "ResponseInvalid",
    "ResponseTooLarge",
    "ServerConnection",
    "ServerError",
    "ServerUnreachable",
    "SignIn",
    "SignInCancelled",
    "SignInDenied",
    "SignInFailed",
    "SignedOut",
    "TokenManager",
    "TokenProvider",
    "TokenSet",
    "TokenStore",
]

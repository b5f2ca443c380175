"""HTTP client to the force's Recourse API and OpenID Connect sign-in (no Qt).

* `ApiClient` — typed, validated calls to the API (see `recourse.api.client`).
* `TokenProvider` — what `ApiClient` asks for bearer tokens.
* the typed errors, all subclasses of `recourse.errors.RecourseError`.
"""

from recourse.api.client import ApiClient, TokenProvider
from recourse.api.errors import (
    ApiError,
    CertificateNotTrusted,
    InsecureAddress,
    NotFound,
    RequestRefused,
    ResponseInvalid,
    ServerError,
    ServerUnreachable,
    SignedOut,
    SignInCancelled,
    SignInDenied,
    SignInFailed,
)

__all__ = [
    "ApiClient",
    "ApiError",
    "CertificateNotTrusted",
    "InsecureAddress",
    "NotFound",
    "RequestRefused",
    "ResponseInvalid",
    "ServerError",
    "ServerUnreachable",
    "SignInCancelled",
    "SignInDenied",
    "SignInFailed",
    "SignedOut",
    "TokenProvider",
]

"""Typed errors of the API client and sign-in.

Each carries a message for the officer and the next step; `status` and `detail` (the
server's RFC 9457 problem detail, written for a person) where the server answered.
Nothing here holds a token or record content.
"""

from __future__ import annotations

from recourse.domain.errors import RecourseError


class ApiError(RecourseError):
    """Base of everything the API client and sign-in raise."""

    def __init__(
        self,
        message: str,
        next_step: str,
        *,
        status: int | None = None,
        detail: str | None = None,
    ) -> None:
        super().__init__(message, next_step)
        self.status = status
        self.detail = detail


class ServerUnreachable(ApiError):
    """Connection refused, DNS failure, timeout or reset: nothing usable came back."""

    def __init__(self, message: str | None = None, next_step: str | None = None) -> None:
        super().__init__(
            message or "Recourse could not reach the force's server.",
            next_step
            or "Check that this PC is connected to the force network and try again in a "
            "few minutes. Everything already on this PC is still available.",
        )


class RequestCancelled(ApiError):
    """The caller cancelled the request (its `cancel` event was set); the connection was
    closed, whatever had arrived was dropped."""

    def __init__(self) -> None:
        super().__init__(
            "The request to the force's server was stopped.",
            "Start it again when you are ready. Everything already on this PC is kept.",
        )


class CertificateNotTrusted(ApiError):
    """TLS verification failed, or the server's key does not match the pinned key."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or "The server's identity could not be confirmed, so Recourse did not connect.",
            "Contact force IT and tell them the server's certificate was not trusted. "
            "Do not continue on this network.",
        )


class InsecureAddress(ApiError):
    """Plain http:// to anything but this PC: configuration error, refused."""

    def __init__(self, address: str) -> None:
        super().__init__(
            f"Recourse will not connect to {address} because the connection would not be "
            "encrypted.",
            "Ask force IT to configure the server address with https://.",
        )


class SignedOut(ApiError):
    """The server refused the credentials and they could not be renewed."""

    def __init__(self, message: str | None = None, *, status: int | None = None) -> None:
        super().__init__(
            message or "You are signed out: your sign-in has expired or was withdrawn.",
            "Sign in again. Everything already on this PC is still available.",
            status=status,
        )


class ServerError(ApiError):
    """The server failed (5xx)."""

    def __init__(self, status: int, detail: str | None = None) -> None:
        message = "The force's server had a problem and could not answer."
        if detail:
            message += f" It said: {detail}"
        super().__init__(
            message,
            "Try again later. If it keeps happening, tell force IT. Nothing on this PC "
            "was changed.",
            status=status,
            detail=detail,
        )


class SignInServiceFailed(ServerError):
    """The sign-in service itself failed (5xx on its token endpoint)."""

    def __init__(self, status: int) -> None:
        ApiError.__init__(
            self,
            f"The force's sign-in service failed (it answered HTTP {status}), so Recourse "
            "could not sign you in or renew your sign-in.",
            "Try again later. If it keeps happening, tell force IT. Nothing on this PC "
            "was changed.",
            status=status,
        )


class ResponseInvalid(ApiError):
    """The answer was malformed, truncated, too large or not what the contract says."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            "The server sent an answer Recourse could not accept, so nothing on this PC "
            f"was changed ({reason}).",
            "Try again later. If it keeps happening, tell force IT.",
        )
        self.reason = reason


class ResponseTooLarge(ResponseInvalid):
    """The answer was larger than Recourse accepts for it (declared, or as it arrived)."""

    def __init__(self) -> None:
        super().__init__("the answer was larger than Recourse accepts")


class NotFound(ApiError):
    def __init__(self, detail: str | None = None) -> None:
        super().__init__(
            detail or "The server has no such item; it may have been withdrawn.",
            "Refresh to see the current list.",
            status=404,
            detail=detail,
        )


class RequestRefused(ApiError):
    """The server refused the request (4xx other than 401 and 404)."""

    def __init__(self, status: int, detail: str | None = None) -> None:
        if status == 429:
            message = "The server is busy and asked Recourse to wait."
            next_step = "Try again in a few minutes."
        else:
            message = "The server refused the request."
            next_step = "Check what you entered and try again; if it keeps happening, " \
                "tell force IT."
        if detail:
            message += f" It said: {detail}"
        super().__init__(message, next_step, status=status, detail=detail)


# --- sign-in -----------------------------------------------------------------------


class SignInFailed(ApiError):
    """The sign-in could not be completed safely (bad state, nonce, ID token...)."""

    def __init__(self, reason: str, next_step: str | None = None) -> None:
        super().__init__(
            f"Sign-in did not complete: {reason}.",
            next_step or "Try signing in again. If it keeps happening, tell force IT.",
        )
        self.reason = reason


class SignInDenied(SignInFailed):
    """The identity provider answered with an error (access_denied...)."""

    def __init__(self, error: str, description: str | None = None) -> None:
        reason = (
            "the force's sign-in page refused or was declined"
            if error == "access_denied"
            else f"the force's sign-in page reported an error ({error})"
        )
        super().__init__(reason, "Try again, or contact force IT if you cannot sign in.")
        self.error = error
        self.description = description


class SignInCancelled(SignInFailed):
    """Cancelled by the officer, or no answer from the browser in time."""

    def __init__(self, timed_out: bool = False) -> None:
        super().__init__(
            "no answer came back from the browser in time" if timed_out
            else "it was cancelled",
            "Sign in again when you are ready.",
        )
        self.timed_out = timed_out

"""The contest's typed errors: each says, in the officer's words, what happened and what
to do (`message`, `next_step`)."""

from __future__ import annotations

from recourse.domain.errors import RecourseError

__all__ = [
    "ContestError",
    "DraftInvalid",
    "KeyRecordInvalid",
    "NoSigningKey",
    "NotFoundLocally",
    "NotPinned",
    "ReceiptInvalid",
    "SarPackageInvalid",
    "ServerKeyChanged",
    "ServerKeyMismatch",
    "SubmissionRefused",
]


class ContestError(RecourseError):
    """A contest step failed; `message` and `next_step` are for the officer."""


class ServerKeyChanged(ContestError):
    def __init__(self, pinned: str, offered: str) -> None:
        super().__init__(
            "The force's signing key has changed since this computer first trusted it "
            f"(it was {pinned}, the server now shows {offered}). Receipts signed with the "
            "new key cannot be checked, so nothing will be submitted.",
            "Do not submit anything. Contact your force's IT service desk or your "
            "Federation representative and read them both fingerprints.",
        )
        self.pinned = pinned
        self.offered = offered


class ServerKeyMismatch(ContestError):
    def __init__(self, configured: str, offered: str) -> None:
        super().__init__(
            "The force's signing key is not the one your IT department configured "
            f"(configured {configured}, the server shows {offered}).",
            "Do not submit anything. Contact your force's IT service desk or your "
            "Federation representative.",
        )


class NotPinned(ContestError):
    def __init__(self) -> None:
        super().__init__(
            "Recourse has not yet recorded the force's signing key on this computer.",
            "Connect to the force's server so Recourse can fetch and show you the key.",
        )


class NoSigningKey(ContestError):
    def __init__(self) -> None:
        super().__init__(
            "This computer has no signing key for you yet.",
            "Sign in while connected to the force's server; Recourse will set one up.",
        )


class KeyRecordInvalid(ContestError):
    def __init__(self, reason: str) -> None:
        super().__init__(
            f"The force's record of your signing key could not be checked: {reason}",
            "Nothing was changed. Try again later; if it keeps happening, contact IT.",
        )


class ReceiptInvalid(ContestError):
    def __init__(self, reason: str) -> None:
        super().__init__(
            "The receipt the force sent back does not prove that your submission was "
            f"received: {reason}",
            "Your signed submission is kept and will be sent again; it is NOT shown as "
            "received. If this keeps happening, contact IT or your Federation "
            "representative.",
        )


class SubmissionRefused(ContestError):
    def __init__(self, detail: str | None) -> None:
        super().__init__(
            "The force refused the submission" + (f": {detail}" if detail else "."),
            "Your draft is kept. Check it, then sign and submit it again.",
        )


class SarPackageInvalid(ContestError):
    def __init__(self, reason: str) -> None:
        super().__init__(
            f"The force's response to your request could not be verified: {reason}",
            "It was not saved. Try again later; if it keeps happening, contact IT or "
            "your Federation representative.",
        )


class NotFoundLocally(ContestError):
    def __init__(self, what: str) -> None:
        super().__init__(f"{what} is not on this computer.", "Refresh your requests and try again.")


class DraftInvalid(ContestError):
    def __init__(self, reason: str) -> None:
        super().__init__(reason, "Correct it and try again; your draft is kept.")

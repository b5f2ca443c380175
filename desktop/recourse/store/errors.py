"""Errors of the encrypted store, each with a message an officer can act on."""

from __future__ import annotations

from recourse.domain.errors import RecourseError


class StoreError(RecourseError):
    """Base of every store error; `message` and `next_step` are written for the officer."""

    message = "Recourse could not use its encrypted store on this PC."
    next_step = ""

    def __init__(
        self,
        message: str | None = None,
        *,
        detail: str | None = None,
        next_step: str | None = None,
    ) -> None:
        super().__init__(
            message if message is not None else type(self).message,
            next_step if next_step is not None else type(self).next_step,
        )
        # `detail` is for logs and never holds officer data (no SQL values, no content).
        self.detail = detail


class WrongPassphrase(StoreError):
    message = "That passphrase is not right. Check it and try again."

    def __init__(
        self, message: str | None = None, *, retry_after: float = 0.0, detail: str | None = None
    ) -> None:
        super().__init__(message, detail=detail)
        #: Seconds the officer must wait before the next attempt.
        self.retry_after = retry_after


class TooSoon(StoreError):
    """An attempt came before the delay that follows wrong passphrases had passed."""

    def __init__(self, retry_after: float) -> None:
        self.retry_after = retry_after
        super().__init__(
            f"Too many wrong passphrases. Wait {max(1, round(retry_after))} seconds and try again."
        )


class StoreDamaged(StoreError):
    message = (
        "This store is damaged and Recourse will not read it, so it cannot show you wrong "
        "data. Sign in again after removing your data from this PC, or ask IT to restore it "
        "from a backup."
    )


class OtherPassphraseOpens(StoreError):
    """The passphrase matches a key header, but the database is keyed to another header
    that is still here: a passphrase change stopped half way. Nothing is damaged."""

    message = (
        "Your passphrase was being changed when Recourse last stopped, so this store now "
        "opens with the other passphrase. Try your new passphrase (or, if that is the one "
        "you just typed, the one you had before). Your data is safe: do not remove it."
    )


class StoredDataUnreadable(StoreError):
    """Something the store holds no longer reads back as what Recourse expects (saved by
    an older version, or by a server that sent what should have been refused). The store
    itself is sound: a sync replaces it."""

    message = (
        "Part of what Recourse saved on this PC could not be read back, so it is not shown."
    )
    next_step = "Sync to download it again. If this keeps happening, tell IT."


class StoreUnavailable(StoreError):
    message = (
        "Recourse could not open its store on this PC. Check there is free disk space and "
        "that no other copy of Recourse is running, then try again."
    )


class ProfileExists(StoreError):
    message = (
        "A Recourse store already exists on this PC for this profile. Unlock it with its "
        "passphrase, or remove it first."
    )


class NoProfile(StoreError):
    message = "There is no Recourse store on this PC yet. Create one first."


class UnsupportedSQLCipher(StoreError):
    message = (
        "This copy of Recourse was built with an encryption library it cannot trust "
        "(SQLCipher 4 with in-memory temporary storage is required). Ask IT to reinstall it."
    )

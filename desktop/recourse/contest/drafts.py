"""What the officer is writing: challenge and SAR drafts, answers to the force's questions,
their attachments, and the exact content each will sign.

Drafts are saved as they are typed (encrypted, surviving a lock or a crash); `prepare`
turns one into the RFC 8785 canonical bytes the officer reads before signing.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Final, Literal

from recourse.contest.errors import DraftInvalid, NoSigningKey
from recourse.contest.keys import SigningKeys
from recourse.domain.contest import ART15_ITEMS
from recourse.protocol import contest_wire as cw
from recourse.protocol.canonical import canonical_json
from recourse.protocol.submission import (
    attachment_entry,
    build_submission,
    check_attachment,
    sar_target,
)
from recourse.store.contest import StoredFile

__all__ = [
    "CLARIFICATION",
    "MAX_ATTACHMENT_BYTES",
    "Draft",
    "Drafts",
    "PreparedSubmission",
    "answer_draft_id",
]

#: An outbox entry of this kind answers a request for clarification (not a case itself).
CLARIFICATION: Final = "clarification"
MAX_ATTACHMENT_BYTES = cw.MAX_ATTACHMENT_UPLOAD_BYTES


def answer_draft_id(reference: str) -> str:
    """The draft id under which the answer to the force's question on `reference` is kept."""
    return f"answer:{reference}"


@dataclass
class Draft:
    """What the officer is writing; saved on every change (`ContestService.save_draft`)."""

    kind: Literal["challenge", "sar"]
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    flag_id: str | None = None
    grounds: list[str] = field(default_factory=list)
    statement: str = ""
    disputed_record_ids: list[str] = field(default_factory=list)
    #: SAR: Art. 15 item codes, categories ("all" or a list), date range, format.
    sar_items: list[str] | None = None
    sar_categories: str | list[str] = "all"
    sar_date_from: date | None = None
    sar_date_to: date | None = None
    sar_format: str = "electronic"

    def body(self) -> dict[str, Any]:
        return {
            "flag_id": self.flag_id,
            "grounds": list(self.grounds),
            "statement": self.statement,
            "disputed_record_ids": list(self.disputed_record_ids),
            "sar_items": self.sar_items,
            "sar_categories": self.sar_categories,
            "sar_date_from": None if self.sar_date_from is None else self.sar_date_from.isoformat(),
            "sar_date_to": None if self.sar_date_to is None else self.sar_date_to.isoformat(),
            "sar_format": self.sar_format,
        }

    @classmethod
    def from_body(cls, draft_id: str, kind: str, body: Mapping[str, Any]) -> Draft:
        def day(value: Any) -> date | None:
            return None if value is None else date.fromisoformat(value)

        return cls(
            kind="sar" if kind == "sar" else "challenge",
            id=draft_id,
            flag_id=body.get("flag_id"),
            grounds=list(body.get("grounds", [])),
            statement=body.get("statement", ""),
            disputed_record_ids=list(body.get("disputed_record_ids", [])),
            sar_items=body.get("sar_items"),
            sar_categories=body.get("sar_categories", "all"),
            sar_date_from=day(body.get("sar_date_from")),
            sar_date_to=day(body.get("sar_date_to")),
            sar_format=body.get("sar_format", "electronic"),
        )


@dataclass(frozen=True)
class PreparedSubmission:
    """A draft turned into the exact content to sign; `canonical` is what the UI shows."""

    draft_id: str | None
    payload: dict[str, Any]
    #: The exact bytes the signature will cover (RFC 8785 canonical JSON).
    canonical: bytes
    files: tuple[StoredFile, ...]

    @property
    def text(self) -> str:
        return self.canonical.decode("utf-8")


class Drafts(SigningKeys):
    """The drafts part of `ContestService`."""

    def save_draft(self, draft: Draft) -> None:
        """Keep what the officer typed (call on every change)."""
        self.store.save_draft(draft.id, draft.kind, draft.body())

    def drafts(self) -> list[Draft]:
        """The officer's challenge and SAR drafts (answers have their own, below)."""
        # Answers and complaints have their own drafts (`answer_draft`, `complaint_draft`).
        return [Draft.from_body(d.id, d.kind, d.body) for d in self.store.drafts()
                if d.kind not in (CLARIFICATION, "complaint")]

    def draft(self, draft_id: str) -> Draft | None:
        return next((d for d in self.drafts() if d.id == draft_id), None)

    def delete_draft(self, draft_id: str) -> None:
        self.contest.delete_draft(draft_id)

    # An answer being typed is kept like a draft: encrypted, saved as typed, surviving a
    # lock or a crash, and deleted with the receipt for the answer (same transaction).
    def save_answer_draft(self, reference: str, text: str) -> None:
        if text.strip():
            self.store.save_draft(answer_draft_id(reference), CLARIFICATION,
                                  {"reference": reference, "text": text})
        else:
            self.contest.delete_draft(answer_draft_id(reference))

    def answer_draft(self, reference: str) -> str:
        wanted = answer_draft_id(reference)
        return next((str(d.body.get("text", "")) for d in self.store.drafts()
                     if d.id == wanted), "")

    def attach(self, draft_id: str, name: str, media_type: str, data: bytes) -> dict[str, Any]:
        """Add a file to a draft (kept encrypted in the store); returns its signed entry."""
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise DraftInvalid(
                f"{name} is {len(data) // (1024 * 1024)} MB; files up to "
                f"{MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB can be attached."
            )
        try:
            entry = attachment_entry(name, media_type, data)
            check_attachment(entry)
        except ValueError as exc:
            raise DraftInvalid(str(exc)) from None
        self.contest.put_draft_file(
            draft_id, StoredFile(name, media_type, entry["sha256"], bytes(data))
        )
        return entry

    def detach(self, draft_id: str, name: str) -> None:
        self.contest.remove_draft_file(draft_id, name)

    def draft_files(self, draft_id: str) -> list[StoredFile]:
        return self.contest.draft_files(draft_id)

    def prepare(self, draft: Draft, *, offline: bool = False) -> PreparedSubmission:
        """The exact content that will be signed, for the officer to read first.

        Raises `DraftInvalid` saying what is missing; `NoSigningKey` without a key. With
        `offline` (the force's server cannot be reached to set a key up), a key made on
        this PC and not yet registered signs it; `submit` then queues it, and it is
        registered and sent once the force's key is trusted."""
        active = self.contest.active_key()
        if active is None and offline:
            active = self.contest.unregistered_key() or self.new_key(None)
        if active is None:
            raise NoSigningKey()
        files = tuple(self.contest.draft_files(draft.id))
        target: str | dict[str, Any]
        if draft.kind == "challenge":
            if not draft.flag_id:
                raise DraftInvalid("Choose the flag you are challenging.")
            target = draft.flag_id
            grounds = draft.grounds
            disputed = draft.disputed_record_ids
        else:
            try:
                target = sar_target(
                    items=draft.sar_items if draft.sar_items is not None else tuple(ART15_ITEMS),
                    categories=draft.sar_categories,
                    date_from=draft.sar_date_from,
                    date_to=draft.sar_date_to,
                    format=draft.sar_format,
                )
            except ValueError as exc:
                raise DraftInvalid(str(exc)) from None
            grounds, disputed = [], []
        try:
            payload = build_submission(
                officer_id=self.subject_id,
                actor_id=self.actor_id,
                mandate=self.mandate_reference,
                key_id=active.key_id,
                kind=draft.kind,
                target=target,
                created_at=datetime.now(UTC),
                grounds=grounds,
                statement=draft.statement,
                disputed_record_ids=disputed,
                attachments=[
                    {
                        "name": f.name,
                        "media_type": f.media_type,
                        "size": len(f.content),
                        "sha256": f.sha256,
                    }
                    for f in files
                ],
            )
        except ValueError as exc:
            raise DraftInvalid(str(exc)) from None
        return PreparedSubmission(draft.id, payload, canonical_json(payload), files)

    def prepare_answer(self, reference: str, text: str) -> PreparedSubmission:
        """The exact content of a signed answer to the force's request for clarification
        of `reference` (shown to the officer before signing)."""
        active = self.contest.active_key()
        if active is None:
            raise NoSigningKey()
        if not text.strip():
            raise DraftInvalid("Write your answer to the force's question.")
        try:
            payload = build_submission(
                officer_id=self.subject_id,
                actor_id=self.actor_id,
                mandate=self.mandate_reference,
                key_id=active.key_id,
                kind=CLARIFICATION,
                target=reference,
                created_at=datetime.now(UTC),
                statement=text,
            )
        except ValueError as exc:
            raise DraftInvalid(str(exc)) from None
        return PreparedSubmission(answer_draft_id(reference), payload, canonical_json(payload),
                                  ())

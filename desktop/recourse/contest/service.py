"""`ContestService`: the one API of contesting, for one signed-in officer over one
unlocked store. Its parts live by job beside it (keys, drafts, outbox, SAR responses,
bundles); the UI and the command line use only this class. No Qt; every call blocks,
so the UI runs them in its workers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from recourse.api.client import ApiClient
from recourse.contest.escalation import Escalations
from recourse.contest.keys import KeysFrom
from recourse.documents.pdf import text_pdf
from recourse.domain import deadlines
from recourse.domain.letters import welsh
from recourse.store import Store
from recourse.store.contest import ContestStore

__all__ = ["ContestService"]


class ContestService(Escalations):
    """Keys (`pin_server_key`, `ensure_signing_key`, `rotate_key`, `revoke_key`,
    `list_keys`), drafts (`save_draft`, `prepare`, `attach`...), the outbox (`submit`,
    `resume_outbox`, `answer_clarification`, `submissions`, `refresh_submissions`), SAR
    responses (`fetch_sar_response`, `check_completeness`) and evidence bundles
    (`export_bundle`), mandates (`representatives`, `grant_mandate`, `revoke_mandate`,
    `mandates`) and escalation (`prepare_complaint`, `send_complaint`, `escalations`,
    `deadline_clocks`, `calendar_file`, `export_ico_pack`, `record_ico_sent`)."""

    def __init__(
        self,
        store: Store,
        api: ApiClient | None,
        *,
        configured_server_key: str | None = None,
        region: str = deadlines.DEFAULT_REGION,
        refresh_flags: Callable[[], None] | None = None,
        acting_for: tuple[str, str] | None = None,
        keys_store: Store | None = None,
    ) -> None:
        """`acting_for` (member's officer id, mandate reference) with `keys_store` (the
        representative's own store): contest for the member over the member's `store`,
        signed with his key under that mandate."""
        super().__init__(store, api, configured_server_key=configured_server_key,
                         refresh_flags=refresh_flags)
        self.region = region
        if acting_for is not None:
            if keys_store is None:
                raise ValueError("acting for a member needs the representative's own store")
            self.contest = KeysFrom(store, ContestStore(keys_store))
            self.acting = acting_for

    def overdue_letter_pdf(
        self, reference: str, today: date, *, officer_name: str = "", force_number: str = "",
        language: str = "en",
    ) -> bytes:
        """The letter chasing the force's overdue reply to `reference`, as a PDF (in
        Welsh if `language` is ``cy``)."""
        text = self.submission(reference).overdue_letter(
            today, officer_name=officer_name, force_number=force_number, language=language)
        late = "ymateb yn hwyr" if welsh(language) else "response overdue"
        return text_pdf(text, f"{reference} - {late}")

"""Contesting, client side: the use cases on top of the API client, the store and the
protocol (see `ContestService`). No Qt here.

* `keys` — the force's pinned receipt key and the officer's signing key lifecycle.
* `drafts` — what the officer writes, and the exact bytes it will sign.
* `outbox` — sign, keep, send exactly once, verify the receipt.
* `sar` — the force's signed response to a subject-access request, and its completeness.
* `bundles` — the evidence bundle as a zip, written atomically and read within limits.
* `mandates` — a member's signed mandate for a representative, and its revocation.
* `errors` — what went wrong, in the officer's words.
"""

from recourse.contest.bundles import UnreadableBundle, read_bundle, write_zip_atomically
from recourse.contest.drafts import CLARIFICATION, Draft, PreparedSubmission, answer_draft_id
from recourse.contest.errors import (
    ContestError,
    DraftInvalid,
    KeyRecordInvalid,
    NoSigningKey,
    NotFoundLocally,
    NotPinned,
    ReceiptInvalid,
    SarPackageInvalid,
    ServerKeyChanged,
    ServerKeyMismatch,
    SubmissionRefused,
)
from recourse.contest.keys import PinResult
from recourse.contest.mandates import MandateInvalid, MandateRefused, add_months
from recourse.contest.outbox import WAITING_FOR_KEY, SubmissionRecord
from recourse.contest.sar import SarResult, check_completeness
from recourse.contest.service import ContestService

__all__ = [
    "CLARIFICATION",
    "WAITING_FOR_KEY",
    "ContestError",
    "ContestService",
    "Draft",
    "DraftInvalid",
    "KeyRecordInvalid",
    "MandateInvalid",
    "MandateRefused",
    "NoSigningKey",
    "NotFoundLocally",
    "NotPinned",
    "PinResult",
    "PreparedSubmission",
    "ReceiptInvalid",
    "SarPackageInvalid",
    "SarResult",
    "ServerKeyChanged",
    "ServerKeyMismatch",
    "SubmissionRecord",
    "SubmissionRefused",
    "UnreadableBundle",
    "add_months",
    "answer_draft_id",
    "check_completeness",
    "read_bundle",
    "write_zip_atomically",
]

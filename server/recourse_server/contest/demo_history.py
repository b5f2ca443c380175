"""Demo data for the escalation path: a force that misses its deadlines.

One demo officer (`ps.bennett`) asked for his data 75 days before the seeding; the force
never answered. 40 days before the seeding he complained to the force (DPA 2018 s.164A);
the force never acknowledged it. Both are real signed submissions (his demo key, as for
the demo mandates) recorded through the same intake as the API's, with receipts dated
then, so the client shows an overdue request, a complaint unacknowledged past 30 days and
an open ICO window. Demo data only.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine

from recourse.protocol import contest_wire as cw
from recourse.protocol.jws import b64url_encode, key_id, public_jwk
from recourse.protocol.submission import (
    build_submission,
    complaint_details,
    sar_target,
    sign_submission,
)

from . import intake
from .keys import register_key

#: The demo account whose request goes unanswered (`ps.bennett`).
ESCALATION_OFFICER = "off-1733"
SAR_DAYS_AGO = 75
COMPLAINT_DAYS_AGO = 40


def _nonce(*parts: str) -> str:
    # The same seeding on the same day signs the same bytes: a retry is not a replay.
    return b64url_encode(hashlib.sha256("/".join(parts).encode()).digest()[:16])


def seed_escalation_history(engine: Engine, officer_id: str, private: Ed25519PrivateKey,
                            now: datetime) -> list[str]:
    """Record the officer's unanswered SAR and unacknowledged complaint; their references."""
    now = now.astimezone(UTC).replace(hour=10, minute=0, second=0, microsecond=0)
    sar_at = now - timedelta(days=SAR_DAYS_AGO)
    complaint_at = now - timedelta(days=COMPLAINT_DAYS_AGO)
    register_key(engine, officer_id, cw.KeyRegistration(
        public_jwk=public_jwk(private.public_key()), device_label="Demo key (seeded)"), sar_at)
    kid = key_id(private.public_key())
    sar = sign_submission(build_submission(
        officer_id=officer_id, key_id=kid, kind="sar", target=sar_target(),
        created_at=sar_at, nonce=_nonce("sar", officer_id, sar_at.isoformat())), private)
    day = f"{now:%Y%m%d}"
    asked = intake.submit(engine, officer_id, sar, f"demo-sar-{officer_id}-{day}", sar_at)
    complaint = sign_submission(build_submission(
        officer_id=officer_id, key_id=kid, kind="complaint", target=asked.reference,
        created_at=complaint_at,
        statement="I asked for all the data you hold about me and you have not answered, "
                  "although the month the law gives you has passed.",
        complaint=complaint_details("overdue", "Answer my request in full within 14 days."),
        nonce=_nonce("complaint", officer_id, complaint_at.isoformat())), private)
    complained = intake.submit(engine, officer_id, complaint,
                               f"demo-complaint-{officer_id}-{day}", complaint_at)
    return [asked.reference, complained.reference]

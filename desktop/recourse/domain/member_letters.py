"""Letters a Federation representative writes for a member: the chaser for a reply the
force owes on a request of the member's, naming the member, the request, the day the
force received it and the day it was due, and the mandate he writes under.

Plain text from plain facts; `recourse.documents` turns it into a PDF. No I/O.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from recourse.domain import letters_cy
from recourse.domain.letters import long_date, welsh

__all__ = ["member_overdue_letter"]


def member_overdue_letter(
    *,
    kind: Literal["sar", "challenge"],
    reference: str,
    received_on: date,
    due_on: date,
    extended: bool,
    today: date,
    member_name: str,
    member_rank: str,
    member_force_number: str,
    representative_name: str,
    mandate: str,
    language: str = "en",
) -> str:
    """In Welsh when `language` is ``cy`` (the representative's language, as for the
    officer's own letters)."""
    if welsh(language):
        return letters_cy.member_overdue_letter(
            kind=kind, reference=reference, received_on=received_on, due_on=due_on,
            extended=extended, today=today, member_name=member_name,
            member_rank=member_rank, member_force_number=member_force_number,
            representative_name=representative_name, mandate=mandate)
    what = "subject access request" if kind == "sar" else "challenge"
    late = (today - due_on).days
    member = " ".join(part for part in (member_rank, member_name) if part)
    if member_force_number:
        member += f" (force number {member_force_number})"
    lines = [long_date(today), "", "To the Data Protection Officer,", ""]
    lines += [f"Re: {what.capitalize()} {reference} of {member_name} - response overdue", ""]
    lines.append(
        f"I write as the Police Federation representative of {member}, under the signed "
        f"mandate {mandate} that authorises me to act for them.")
    lines.append("")
    lines.append(
        f"You received their {what} on {long_date(received_on)} (your reference "
        f"{reference}; they hold your signed receipt). Your response was due by "
        f"{long_date(due_on)}"
        + (", the extended date you gave" if extended else "")
        + (f", and is now {late} day{'s' if late != 1 else ''} late." if late > 0 else "."))
    lines.append("")
    if kind == "sar":
        lines.append(
            "Please send them the information Article 15 of the UK GDPR entitles them to "
            "without further delay. If it is not received within 14 days, a complaint will "
            "be made to the Information Commissioner's Office.")
    else:
        lines.append(
            "Please give the outcome of the challenge, with your reasons, without further "
            "delay. If it is not received within 14 days, the matter will be raised with "
            "the Information Commissioner's Office.")
    lines += ["", "Yours faithfully,", "", representative_name,
              "Police Federation representative", f"Acting under mandate {mandate}"]
    return "\n".join(lines).rstrip() + "\n"

"""The wording of a complaint to the Information Commissioner's Office.

The ICO's complaint form asks: who is complaining (and who for, if a representative), which
organisation, what was asked of it and when, its replies with their dates, what is still
wrong, and what outcome is wanted. This letter gives those facts from the signed receipts
and the force's own record, in that order, and lists the evidence that goes with it.
Plain text; `recourse.documents` makes the PDF. No I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from recourse.domain.contest import ART15_ITEMS, ART15_LETTERS
from recourse.domain.escalation import FORCE_COMPLAINT_LAW, PROBLEMS
from recourse.domain.letters import long_date

__all__ = ["IcoComplaint", "Reply", "ico_letter"]


@dataclass(frozen=True)
class Reply:
    """One thing the force did or said, with its date."""

    on: date
    what: str


@dataclass(frozen=True)
class IcoComplaint:
    officer_name: str
    force_number: str
    organisation: str
    #: "subject access request" or "challenge to a flag".
    request_kind: str
    request_reference: str
    request_summary: str
    request_received_on: date
    request_due_on: date
    request_replies: Sequence[Reply]
    complaint_reference: str
    complaint_received_on: date
    complaint_acknowledge_by: date
    complaint_replies: Sequence[Reply]
    #: Problem codes (`escalation.PROBLEMS`).
    problems: Sequence[str]
    missing_items: Sequence[str]
    statement: str
    outcome_wanted: str
    complain_by: date
    evidence: Sequence[str] = ()
    #: A representative acting for the member: (his name, the mandate's reference).
    representative: tuple[str, str] | None = None
    today: date = field(default_factory=date.today)


def _replies(replies: Sequence[Reply]) -> list[str]:
    if not replies:
        return ["- No reply at all."]
    return [f"- {long_date(r.on)}: {r.what}" for r in replies]


def ico_letter(c: IcoComplaint) -> str:
    """The letter, with a heading per question of the ICO's form."""
    lines = [long_date(c.today), "", "To the Information Commissioner's Office", ""]
    lines += ["Complaint about how my personal data request was handled", ""]
    lines += ["1. Who is complaining", ""]
    who = c.officer_name + (f", force number {c.force_number}" if c.force_number else "")
    if c.representative is not None:
        name, mandate = c.representative
        lines.append(f"{name}, Police Federation representative, for {who}, under the "
                     f"member's signed written authority (mandate {mandate}, enclosed).")
    else:
        lines.append(who + ".")
    lines += ["", "2. The organisation", "", f"{c.organisation}.", ""]
    lines += ["3. What was asked, and when", ""]
    lines.append(
        f"A {c.request_kind} ({c.request_summary}), received by the force on "
        f"{long_date(c.request_received_on)} under its reference {c.request_reference} "
        f"(its signed receipt is enclosed). Its answer was due by "
        f"{long_date(c.request_due_on)}.")
    lines.append("")
    lines.append(
        f"A complaint to the force under {FORCE_COMPLAINT_LAW}, received on "
        f"{long_date(c.complaint_received_on)} under its reference {c.complaint_reference} "
        f"(signed receipt enclosed). The force had to acknowledge it by "
        f"{long_date(c.complaint_acknowledge_by)}.")
    lines += ["", "4. The force's replies", "", f"To the {c.request_kind}:"]
    lines += _replies(c.request_replies)
    lines += ["", "To the complaint:"]
    lines += _replies(c.complaint_replies)
    lines += ["", "5. What is still wrong", ""]
    for code in c.problems:
        lines.append(f"- {PROBLEMS.get(code, code)}.")
    if c.missing_items:
        lines.append("- The answer leaves out:")
        for code in c.missing_items:
            item = ART15_ITEMS.get(code)
            if item is None:
                continue
            letter = ART15_LETTERS.get(code)
            law = f"Art. 15(1)({letter})" if letter else item.law
            lines.append(f"    {item.label} ({law})")
    if c.statement.strip():
        lines += ["", c.statement.strip()]
    lines += ["", "6. The outcome I want", "", c.outcome_wanted.strip() or "-", ""]
    lines.append(
        f"I make this complaint within three months of my last meaningful contact with the "
        f"force (by {long_date(c.complain_by)}).")
    if c.evidence:
        lines += ["", "Enclosed:"]
        lines += [f"- {name}" for name in c.evidence]
    lines += ["", "Yours faithfully,", "",
              c.representative[0] if c.representative is not None else c.officer_name]
    return "\n".join(lines).rstrip() + "\n"

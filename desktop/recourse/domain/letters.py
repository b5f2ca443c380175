"""The wording of the officer's letters: a subject-access request, a chaser for the
Art. 15 items a response left out, and a chaser for an overdue reply.

Plain text from plain facts; `recourse.documents` turns it into a PDF. No I/O.
Each takes ``language``: ``"cy"`` writes it in Welsh (`recourse.domain.letters_cy`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Literal

from recourse.domain import letters_cy
from recourse.domain.contest import ART15_ITEMS, ART15_LETTERS, SAR_FORMATS, Art15Item

__all__ = [
    "chaser_letter",
    "long_date",
    "overdue_letter",
    "sar_letter_text",
]

def welsh(language: str) -> bool:
    """Whether `language` (``cy``, ``cy_GB``, ``en_GB``…) asks for Welsh."""
    return language.replace("-", "_").split("_")[0] == "cy"


def long_date(day: date) -> str:
    """'2 March 2026': the day as a letter writes it."""
    return f"{day.day} {day:%B %Y}"


def _signature(officer_name: str, force_number: str) -> list[str]:
    lines = ["Yours faithfully,", "", officer_name]
    if force_number:
        lines.append(f"Force number {force_number}")
    return lines


def sar_letter_text(
    target: Mapping[str, Any],
    officer_name: str,
    force_number: str,
    on: date,
    *,
    force_name: str | None = None,
    language: str = "en",
) -> str:
    """The subject-access request as a plain letter (for post or email)."""
    if welsh(language):
        return letters_cy.sar_letter_text(target, officer_name, force_number, on,
                                          force_name=force_name)
    to = f"The Data Protection Officer, {force_name}" if force_name else (
        "The Data Protection Officer"
    )
    categories = target.get("categories", "all")
    what = (
        "all personal data you hold about me"
        if categories == "all"
        else "the personal data you hold about me in these categories: "
        + ", ".join(str(c).replace("_", " ") for c in categories)
    )
    date_range = target.get("date_range")
    if date_range:
        what += f", from {date_range['from']} to {date_range['to']}"
    items = [ART15_ITEMS[c] for c in target.get("items", ()) if c in ART15_ITEMS]
    lines = [
        long_date(on), "", to, "",
        "Subject access request under Article 15 of the UK GDPR and section 45 of the "
        "Data Protection Act 2018", "",
        f"I am {officer_name}, force number {force_number}. I ask for {what}, and for:",
        "",
    ]
    lines += [f"  - {item.label} ({item.law})" for item in items]
    fmt = SAR_FORMATS.get(str(target.get("format", "electronic")), "Electronically")
    lines += [
        "",
        f"Please provide it in this form: {fmt.lower()}.",
        "",
        "You must respond without undue delay and within one month of receiving this "
        "request (Article 12(3)). If you need more information to identify me or the data, "
        "please tell me promptly.",
        "",
        "Yours faithfully,",
        "",
        officer_name,
        f"Force number {force_number}",
    ]
    return "\n".join(lines) + "\n"


def chaser_letter(
    missing: Sequence[Art15Item],
    *,
    today: date,
    reference: str = "",
    officer_name: str = "",
    force_number: str = "",
    received_on: date | None = None,
    due_on: date | None = None,
    language: str = "en",
) -> str:
    """A letter asking the force for the Art. 15 items its response left out;
    `received_on` and `due_on` are the days on the force's receipt for the request."""
    if welsh(language):
        return letters_cy.chaser_letter(
            missing, today=today, reference=reference, officer_name=officer_name,
            force_number=force_number, received_on=received_on, due_on=due_on)
    lines = [long_date(today), "", "To the Data Protection Officer,", ""]
    subject = "Subject access request"
    if reference:
        subject += f" {reference}"
    lines += [f"Re: {subject} - information not yet provided", ""]
    when = f" received on {long_date(received_on)}" if received_on else ""
    lines.append(
        f"Thank you for your response to my subject access request{when}. It does not "
        "include all of the information Article 15(1) of the UK GDPR entitles me to. "
        "Please provide the following:"
    )
    if due_on is not None:
        lines[-1] += f" Your full response was due by {long_date(due_on)}."
    lines.append("")
    for item in missing:
        letter = ART15_LETTERS.get(item.code)
        cite = f"Art. 15(1)({letter})" if letter else item.law
        lines.append(f"  - {item.label} ({cite}).")
    lines += [
        "",
        "Please send this within the time limit that applies to my original request. If "
        "you believe any of it does not apply, please tell me why.",
        "",
        *_signature(officer_name, force_number),
    ]
    return "\n".join(lines).rstrip() + "\n"


def overdue_letter(
    *,
    kind: Literal["sar", "challenge"],
    reference: str,
    received_on: date,
    due_on: date,
    extended: bool,
    today: date,
    officer_name: str = "",
    force_number: str = "",
    language: str = "en",
) -> str:
    """A letter chasing a request the force has not answered by its due date: the
    reference, the day the force received it (from its signed receipt) and the due date
    that applies now (`extended` when the force lawfully extended it)."""
    if welsh(language):
        return letters_cy.overdue_letter(
            kind=kind, reference=reference, received_on=received_on, due_on=due_on,
            extended=extended, today=today, officer_name=officer_name,
            force_number=force_number)
    what = "subject access request" if kind == "sar" else "challenge"
    late = (today - due_on).days
    lines = [long_date(today), "", "To the Data Protection Officer,", ""]
    lines += [f"Re: {what.capitalize()} {reference} - response overdue", ""]
    lines.append(
        f"You received my {what} on {long_date(received_on)} (your reference "
        f"{reference}; I hold your signed receipt). Your response was due by "
        f"{long_date(due_on)}"
        + (", the extended date you gave me" if extended else "")
        + (f", and is now {late} day{'s' if late != 1 else ''} late." if late > 0 else ".")
    )
    lines.append("")
    if kind == "sar":
        lines.append(
            "Please send me the information Article 15 of the UK GDPR entitles me to without "
            "further delay. If I do not receive it within 14 days I will complain to the "
            "Information Commissioner's Office."
        )
    else:
        lines.append(
            "Please tell me the outcome of my challenge, with your reasons, without further "
            "delay. If I do not receive it within 14 days I will raise it with the "
            "Information Commissioner's Office."
        )
    lines += ["", *_signature(officer_name, force_number)]
    return "\n".join(lines).rstrip() + "\n"

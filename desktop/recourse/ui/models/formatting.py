"""Turning stored values into short plain text for table cells and detail panes."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QCoreApplication

from recourse.domain import letters, letters_cy
from recourse.domain.rules.uktime import LONDON
from recourse.ui.i18n import current_language
from recourse.ui.plain_text import visible_controls
from recourse.ui.qt import QT_TRANSLATE_NOOP

EMPTY = "—"


def tr(text: str) -> str:
    return QCoreApplication.translate("Formatting", text)


def format_time(moment: datetime | None) -> str:
    """Every time an officer reads: UK civil time with its zone marked (`2026-03-29
    14:05 BST`). Stored and signed times are UTC; a naive one is taken as UTC."""
    if moment is None:
        return EMPTY
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone(LONDON)
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()}"


MONTHS = (
    QT_TRANSLATE_NOOP("Formatting", "Jan"), QT_TRANSLATE_NOOP("Formatting", "Feb"),
    QT_TRANSLATE_NOOP("Formatting", "Mar"), QT_TRANSLATE_NOOP("Formatting", "Apr"),
    QT_TRANSLATE_NOOP("Formatting", "May"), QT_TRANSLATE_NOOP("Formatting", "Jun"),
    QT_TRANSLATE_NOOP("Formatting", "Jul"), QT_TRANSLATE_NOOP("Formatting", "Aug"),
    QT_TRANSLATE_NOOP("Formatting", "Sep"), QT_TRANSLATE_NOOP("Formatting", "Oct"),
    QT_TRANSLATE_NOOP("Formatting", "Nov"), QT_TRANSLATE_NOOP("Formatting", "Dec"),
)


def format_short_day(day: date) -> str:
    """`4 Dec` in the officer's language (strftime's %b is always English)."""
    return f"{day.day} {tr(MONTHS[day.month - 1])}"


def format_long_day(day: date | datetime) -> str:
    """`4 Dec 2026`; a datetime is first put in UK time, so the day is the UK day."""
    if isinstance(day, datetime):
        day = (day if day.tzinfo else day.replace(tzinfo=UTC)).astimezone(LONDON).date()
    return f"{format_short_day(day)} {day.year}"


def in_welsh() -> bool:
    """Whether the officer reads Recourse in Welsh now."""
    return (current_language() or "").split("_")[0] == "cy"


def format_letter_day(day: date) -> str:
    """`4 December 2026` / `4 Rhagfyr 2026`: a day in running text, in the officer's
    language (the domain's `long_date` is English only)."""
    return letters_cy.long_date(day) if in_welsh() else letters.long_date(day)


def format_law(text: str) -> str:
    """A citation ('DPA 2018 s.164A') as the officer's language writes it."""
    return letters_cy.law(text) if in_welsh() else text


def format_date(day: date | None) -> str:
    return EMPTY if day is None else day.isoformat()


def format_value(value: object) -> str:
    """Plain text for one field value; never interpreted as markup by the views."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return tr("Yes") if value else tr("No")
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, datetime):
        return format_time(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {format_value(item)}" for key, item in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(format_value(item) for item in value)
    return visible_controls(
        str(value).replace("_", " ")
        if isinstance(value, str) and value.islower() and " " not in value
        else str(value)
    )


def humanise(name: str) -> str:
    """`annual_leave` → `Annual leave` for identifiers used as labels."""
    text = name.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


CATEGORY_NAMES = {
    "roster_entries": QT_TRANSLATE_NOOP("Categories", "Duty roster"),
    "roster_audit": QT_TRANSLATE_NOOP("Categories", "Roster changes (audit log)"),
    "absences": QT_TRANSLATE_NOOP("Categories", "Absences (sickness and leave)"),
    "overtime": QT_TRANSLATE_NOOP("Categories", "Overtime claims"),
    "building_access": QT_TRANSLATE_NOOP("Categories", "Building access"),
    "logins": QT_TRANSLATE_NOOP("Categories", "Computer log-ins"),
    "declarations": QT_TRANSLATE_NOOP("Categories", "Your declarations"),
    "registry_matches": QT_TRANSLATE_NOOP("Categories", "Outside-registry matches"),
    "system_lookups": QT_TRANSLATE_NOOP("Categories", "Police system look-ups"),
    "standards_actions": QT_TRANSLATE_NOOP("Categories", "Professional standards actions"),
    "location_pings": QT_TRANSLATE_NOOP("Categories", "Device location pings"),
    "access_log": QT_TRANSLATE_NOOP("Categories", "Access log"),
    "flags": QT_TRANSLATE_NOOP("Categories", "Flags"),
}


def category_name(category: str) -> str:
    text = CATEGORY_NAMES.get(category)
    if text is None:
        return category.replace("_", " ").capitalize()
    return QCoreApplication.translate("Categories", text)


# lupdate reads only calls that name their context, so the texts `tr` translates
# above are listed for it here (tests/gui/test_shell_translations.py checks none is missing).
_CATALOGUE = (
    QT_TRANSLATE_NOOP("Formatting", "No"),
    QT_TRANSLATE_NOOP("Formatting", "Yes"),
)

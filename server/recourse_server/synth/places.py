"""Fixed geography and calendar of the synthetic force ("Northshire Police")."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from recourse.domain.rules.uktime import uk_to_utc

#: The data year: fixed, so nothing depends on the day the server runs.
YEAR_START = date(2025, 11, 1)
YEAR_END = date(2026, 10, 31)
DAYS_IN_YEAR = (YEAR_END - YEAR_START).days + 1
YEAR_START_UTC = datetime(2025, 11, 1, tzinfo=UTC)
MINUTES_IN_YEAR = DAYS_IN_YEAR * 24 * 60

#: The analytics platform's run: flags are raised that morning over windows ending the
#: day before, and professional-standards decisions follow in the weeks after.
RUN_DATE = date(2026, 9, 14)
WINDOW_END = RUN_DATE - timedelta(days=1)
RAISED_AT = datetime(2026, 9, 14, 5, 30, tzinfo=UTC)

# England and Wales bank holidays in the data year (gov.uk).
BANK_HOLIDAYS = frozenset(
    {
        date(2025, 12, 25),
        date(2025, 12, 26),
        date(2026, 1, 1),
        date(2026, 4, 3),
        date(2026, 4, 6),
        date(2026, 5, 4),
        date(2026, 5, 25),
        date(2026, 8, 31),
    }
)

SITES: dict[str, tuple[str, float, float]] = {
    "kirkgate": ("Kirkgate Police Station", 53.79602, -1.54201),
    "eastgate": ("Eastgate Police Station", 53.80031, -1.53302),
    "hq": ("Force HQ, Carr Lane", 53.77120, -1.59050),
    "training": ("Northshire Police Training Centre", 53.74410, -1.60330),
}
#: Where officers go on holiday in the synthetic world (device pings follow them).
HOLIDAY_PLACES: tuple[tuple[float, float], ...] = (
    (54.28140, -0.39970),  # Scarborough
    (54.48650, -0.61440),  # Whitby
    (54.59610, -3.13600),  # Keswick
    (53.41010, -2.97750),  # Liverpool
)
HOLIDAY_PLACE_NAMES = ("Scarborough", "Whitby", "Keswick", "Liverpool")
#: Every place the force's data names, for naming a position (the location pings'
#: catalogue entry carries them, so the client names a ping by its nearest place).
NAMED_PLACES: tuple[tuple[str, float, float], ...] = (
    *SITES.values(),
    *((name, lat, lon) for name, (lat, lon) in zip(HOLIDAY_PLACE_NAMES, HOLIDAY_PLACES,
                                                   strict=True)),
)


def local_time(day: date, hour: int, minute: int = 0) -> datetime:
    """UTC instant of a UK wall-clock time on `day`."""
    return uk_to_utc(datetime(day.year, day.month, day.day) + timedelta(hours=hour, minutes=minute))


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def minute_of_year(moment: datetime) -> int:
    return int((moment - YEAR_START_UTC).total_seconds() // 60)

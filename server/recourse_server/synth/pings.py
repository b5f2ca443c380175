"""Device location pings, generated lazily: an officer-year at one a minute is 525,600.

The year is first cut into a few thousand segments (at home, on patrol, in the office,
away on holiday, an errand) from the officer's roster; pings are then produced segment
by segment with integer micro-degree arithmetic and precomputed time strings, so each
ping costs a couple of random numbers and one dict.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from typing import Any

from recourse_server.synth.officer import OfficerYear, officer_seed
from recourse_server.synth.places import (
    MINUTES_IN_YEAR,
    SITES,
    YEAR_START,
    local_time,
    minute_of_year,
)

STILL, PATROL = 0, 1
# Coordinates in units of 1e-5 degrees (about 1 m): ints are cheap, and dividing by
# 1e5 gives the shortest decimal representation in JSON.
SCALE = 100_000

_TIME_OF_DAY = [f"T{m // 60:02d}:{m % 60:02d}:00Z" for m in range(1440)]

Segment = tuple[int, int, int, int, int]  # start minute, end minute, mode, lat, lon


def _scaled(lat: float, lon: float) -> tuple[int, int]:
    return round(lat * SCALE), round(lon * SCALE)


def segments(year: OfficerYear) -> list[Segment]:
    """The officer's year as non-overlapping segments, filled with "at home"."""
    home = _scaled(*year.home)
    wanted: list[Segment] = []
    for absence in year.absences:
        if absence.away is not None:
            start = minute_of_year(_midday(absence.start))
            end = minute_of_year(_midday(absence.end + timedelta(days=1)))
            wanted.append((start, end, STILL, *_scaled(*absence.away)))
    for entry in year.days:
        if entry.start is None or entry.end is None:
            continue
        if entry.location == "remote":
            continue
        site = "training" if entry.kind == "training" else year.profile.site
        lat, lon = _scaled(*SITES[site][1:])
        mode = PATROL if entry.location == "field" and entry.kind != "training" else STILL
        wanted.append((minute_of_year(entry.start), minute_of_year(entry.end), mode, lat, lon))
    for visit in year.visits:
        wanted.append(
            (
                minute_of_year(visit.start),
                minute_of_year(visit.end),
                STILL,
                *_scaled(visit.lat, visit.lon),
            )
        )
    wanted.sort()
    result: list[Segment] = []
    cursor = 0
    for start, end, mode, lat, lon in wanted:
        start = max(start, cursor, 0)
        end = min(end, MINUTES_IN_YEAR)
        if start >= end:
            continue
        if start > cursor:
            result.append((cursor, start, STILL, *home))
        result.append((start, end, mode, lat, lon))
        cursor = end
    if cursor < MINUTES_IN_YEAR:
        result.append((cursor, MINUTES_IN_YEAR, STILL, *home))
    return result


def _midday(day: date) -> datetime:
    return local_time(day, 12)


def pings(
    year: OfficerYear,
    interval_minutes: int,
    days: Iterable[date] | None = None,
) -> Iterator[dict[str, Any]]:
    """Every ping of the year at `interval_minutes`, in time order.

    With `days`, only the pings of those UTC dates (the same pings, same ids and values:
    the random stream is per segment, so a subset costs only what it yields).
    """
    if interval_minutes < 1:
        raise ValueError("the ping interval must be at least one minute")
    wanted_days = None if days is None else {(d - YEAR_START).days for d in days}
    day_prefix = [str(YEAR_START + timedelta(days=i)) for i in range((MINUTES_IN_YEAR // 1440) + 1)]
    device = year.device_id
    prefix = f"ping-{year.num}-"
    base_seed = officer_seed(year.seed, year.account.officer_id, "pings")
    for number, (start, end, mode, lat, lon) in enumerate(segments(year)):
        first = -(-start // interval_minutes) * interval_minutes
        if first >= end:
            continue
        if wanted_days is not None and not any(
            d in wanted_days for d in range(first // 1440, (end - 1) // 1440 + 1)
        ):
            continue
        rng = random.Random(base_seed ^ (number * 0x9E3779B1))
        bits = rng.getrandbits
        walk_lat = walk_lon = 0
        for minute in range(first, end, interval_minutes):
            if mode == PATROL:
                # A bounded random walk of up to ~25 m a step within ~2 km of the station.
                walk_lat = max(-1800, min(1800, walk_lat + bits(6) - 32))
                walk_lon = max(-3000, min(3000, walk_lon + bits(6) - 32))
                jitter_lat, jitter_lon = walk_lat, walk_lon
                accuracy = 8 + bits(4)
            else:
                jitter_lat = bits(5) - 16
                jitter_lon = bits(5) - 16
                accuracy = 5 + bits(5)
            day = minute // 1440
            if wanted_days is not None and day not in wanted_days:
                continue
            stamp = day_prefix[day] + _TIME_OF_DAY[minute % 1440]
            yield {
                "id": f"{prefix}{minute:06d}",
                "category": "location_pings",
                "occurred_at": stamp,
                "updated_at": stamp,
                "data": {
                    "lat": (lat + jitter_lat) / SCALE,
                    "lon": (lon + jitter_lon) / SCALE,
                    "accuracy_m": accuracy,
                    "device_id": device,
                },
            }

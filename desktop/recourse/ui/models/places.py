"""A recorded position named by the nearest place the force's data names (its stations,
the towns its records mention), from the location pings' catalogue entry: "Kirkgate
Police Station (0.4 km)". Far from every named place, the position has no name."""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from recourse.protocol.wire import Place, Source

#: Beyond this a place's name says more about the place than about the position.
NEAREST_WITHIN_KM = 25.0
_EARTH_KM = 6371.0


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


class PlaceNames:
    def __init__(self, places: Iterable[Place] = ()) -> None:
        self.places = list(places)

    @classmethod
    def from_sources(cls, sources: Iterable[Source]) -> PlaceNames:
        return cls(p for s in sources if s.category == "location_pings" for p in s.places)

    def nearest(self, lat: object, lon: object) -> tuple[Place, float] | None:
        if not isinstance(lat, int | float) or not isinstance(lon, int | float):
            return None
        found = min(((p, distance_km(float(lat), float(lon), p.lat, p.lon))
                     for p in self.places), key=lambda pair: pair[1], default=None)
        return found if found is not None and found[1] <= NEAREST_WITHIN_KM else None

    def name_of(self, lat: object, lon: object) -> str | None:
        """'Kirkgate Police Station (0.4 km)', or None when no named place is near."""
        found = self.nearest(lat, lon)
        if found is None:
            return None
        place, km = found
        return QCoreApplication.translate("RecordTableModel", "{place} ({km} km)").format(
            place=place.name, km=f"{km:.1f}")

"""One officer's year: roster, absences, overtime and everything that follows from them.

Built once per officer from a private `random.Random` seeded from the dataset seed and a
CRC of the officer id (never `hash()`, which varies between processes), so every
category is identical from run to run. The demo stories are scripted on top of the
random background so they hold for every seed.
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from recourse.domain.rules.uktime import uk_local
from recourse_server.synth.accounts import (
    BENNETT,
    HUGHES,
    OKAFOR,
    SHAH,
    WALSH,
    Account,
)
from recourse_server.synth.places import (
    BANK_HOLIDAYS,
    DAYS_IN_YEAR,
    HOLIDAY_PLACES,
    SITES,
    WINDOW_END,
    YEAR_END,
    YEAR_START,
    local_time,
)
from recourse_server.synth.stories import STANDARDS, WALSH_GARDEN_CENTRE

Record = dict[str, Any]

# (start hour, length in hours) of each kind of shift, UK wall-clock.
SHIFTS: dict[str, tuple[int, int]] = {
    "early": (7, 10),
    "late": (14, 10),
    "night": (22, 9),
    "day": (8, 8),
    "training": (9, 8),
}
RESPONSE_CYCLE = (
    "early",
    "early",
    "late",
    "late",
    "night",
    "night",
    "rest_day",
    "rest_day",
    "rest_day",
    "rest_day",
)
PAID_OVERTIME_RANKS = (
    "Police Constable",
    "Police Sergeant",
    "Detective Constable",
    "Detective Sergeant",
)

SUPERVISORS = {
    "kirkgate": "PS 2210 Karen Barker",
    "eastgate": "PS 1874 Lee Whitfield",
    "hq": "Supt 0412 Helen Marsh",
}
ROSTER_PLANNER = "Duty Planning Unit (J. Fenwick)"


def officer_seed(seed: int, officer_id: str, stream: str = "") -> int:
    """A per-officer seed: the dataset seed XOR a CRC of the officer id and stream."""
    return seed ^ zlib.crc32(f"{officer_id}/{stream}".encode())


@dataclass
class Profile:
    pattern: str  # response, hybrid or cid
    site: str
    phase: int = 0
    remote_share: float = 0.0


PROFILES: dict[str, Profile] = {
    HUGHES.officer_id: Profile("response", "kirkgate", phase=3),
    OKAFOR.officer_id: Profile("hybrid", "hq", remote_share=0.2),
    SHAH.officer_id: Profile("cid", "kirkgate"),
    WALSH.officer_id: Profile("response", "eastgate", phase=7),
    BENNETT.officer_id: Profile("hybrid", "hq", remote_share=0.05),
    "off-9001": Profile("response", "kirkgate", phase=5),
}


@dataclass
class Day:
    day: date
    kind: str
    location: str
    entry_id: str
    start: datetime | None = None
    end: datetime | None = None
    planned: tuple[datetime, datetime] | None = None
    original_kind: str = ""
    absence_id: str | None = None
    edits: list[Record] = field(default_factory=list)

    @property
    def on_duty(self) -> bool:
        return self.start is not None


@dataclass
class Absence:
    kind: str
    start: date
    end: date
    certified: bool
    reason: str
    away: tuple[float, float] | None = None  # where the device went, for holidays


@dataclass
class Visit:
    """Time the device spent somewhere other than home or duty (errands, second job)."""

    start: datetime
    end: datetime
    lat: float
    lon: float


class OfficerYear:
    """Every non-ping record of one officer, and what the ping generator needs."""

    def __init__(self, account: Account, seed: int) -> None:
        self.account = account
        self.seed = seed
        self.num = account.officer_id.removeprefix("off-")
        self.profile = PROFILES.get(account.officer_id, Profile("response", "kirkgate"))
        self.rng = random.Random(officer_seed(seed, account.officer_id))
        rng = self.rng
        base_lat, base_lon = SITES[self.profile.site][1:]
        self.home = (
            round(base_lat + rng.uniform(-0.06, 0.06), 5),
            round(base_lon + rng.uniform(-0.09, 0.09), 5),
        )
        self.device_id = f"mdm-{zlib.crc32(account.officer_id.encode()) & 0xFFFFFF:06x}"
        self.supervisor = SUPERVISORS.get(self.profile.site, SUPERVISORS["kirkgate"])
        self.pays_overtime = account.rank in PAID_OVERTIME_RANKS
        self.days: list[Day] = []
        self.absences: list[Absence] = []
        self.overtime: list[Record] = []
        self.visits: list[Visit] = []
        self.lookups: list[Record] = []
        #: (rule id, action, decided at, decided by, note) for flags the platform raised.
        self.standards = list(STANDARDS.get(account.officer_id, []))
        self._build_roster()
        self._build_absences()
        self._apply_absences()
        self._build_overtime_and_edits()
        self._build_visits()
        self._build_lookups()

    def rng_for(self, stream: str) -> random.Random:
        """A generator of its own for one category, so categories can be built in any order."""
        return random.Random(officer_seed(self.seed, self.account.officer_id, stream))

    # ----------------------------------------------------------------- roster
    def _shift(self, day: date, kind: str) -> tuple[datetime, datetime]:
        hour, length = SHIFTS[kind]
        start = local_time(day, hour)
        return start, local_time(day, hour) + timedelta(hours=length)

    def _build_roster(self) -> None:
        rng, profile = self.rng, self.profile
        for index in range(DAYS_IN_YEAR):
            day = YEAR_START + timedelta(days=index)
            entry_id = f"roster-{self.num}-{day:%Y%m%d}"
            if profile.pattern == "response":
                kind = RESPONSE_CYCLE[(index + profile.phase) % len(RESPONSE_CYCLE)]
                location = "field"
            else:
                weekday = day.weekday() < 5 and day not in BANK_HOLIDAYS
                kind = "day" if weekday else "rest_day"
                if profile.pattern == "cid" and weekday and rng.random() < 0.3:
                    kind = "late"
                location = "field" if profile.pattern == "cid" else "office"
                if (
                    profile.pattern == "hybrid"
                    and kind != "rest_day"
                    and rng.random() < profile.remote_share
                ):
                    location = "remote"
            if kind != "rest_day" and rng.random() < 0.025:
                kind = "training"
            entry = Day(day, kind, location, entry_id, original_kind=kind)
            if kind != "rest_day":
                if profile.pattern == "cid" and kind == "late":
                    entry.start = local_time(day, 12)
                    entry.end = local_time(day, 20)
                else:
                    entry.start, entry.end = self._shift(day, kind)
            self.days.append(entry)
        if self.account is OKAFOR:
            self._script_okafor_remote_days()

    def _day(self, day: date) -> Day:
        return self.days[(day - YEAR_START).days]

    def _script_okafor_remote_days(self) -> None:
        # In the 12 weeks before the run she works from home on Fridays (agreed flexible
        # working), and in the office every other working day.
        start = WINDOW_END - timedelta(weeks=12) + timedelta(days=1)
        fridays = 0
        for index in range((WINDOW_END - start).days + 1):
            entry = self._day(start + timedelta(days=index))
            if entry.kind == "rest_day":
                continue
            if entry.kind == "training":
                entry.kind = entry.original_kind = "day"
            is_friday = entry.day.weekday() == 4
            entry.location = "remote" if is_friday and fridays > 0 else "office"
            fridays += is_friday

    # --------------------------------------------------------------- absences
    def _build_absences(self) -> None:
        rng = self.rng
        scripted: list[Absence] = []
        if self.account is OKAFOR:
            scripted = [
                Absence(
                    "sickness",
                    date(2026, 7, 14),
                    date(2026, 7, 17),
                    False,
                    "Gastroenteritis (self-certified)",
                ),
                Absence(
                    "annual_leave",
                    date(2026, 8, 3),
                    date(2026, 8, 7),
                    True,
                    "Annual leave (booked February)",
                    away=HOLIDAY_PLACES[2],
                ),
            ]
        elif self.account is WALSH:
            scripted = [
                Absence(
                    "sickness",
                    date(2026, 7, 6),
                    date(2026, 7, 24),
                    True,
                    "Lower back injury; fit note: may be fit for light duties",
                ),
            ]
        # Hybrid officers without a story keep the attendance window clear of leave so
        # that they show the rule not firing.
        protected: list[tuple[date, date]] = [
            (a.start - timedelta(days=3), a.end + timedelta(days=3)) for a in scripted
        ]
        if self.profile.pattern == "hybrid":
            protected.append((WINDOW_END - timedelta(weeks=13), WINDOW_END))
        if self.account is HUGHES:
            protected.append((date(2026, 6, 10), WINDOW_END))

        def free(start: date, end: date) -> bool:
            return end <= YEAR_END and all(end < p0 or start > p1 for p0, p1 in protected)

        wanted = [("annual_leave", rng.randint(5, 10)) for _ in range(4)]
        wanted += [("sickness", rng.randint(1, 4)) for _ in range(rng.randint(0, 2))]
        generated: list[Absence] = []
        for kind, length in wanted:
            for _ in range(50):
                start = YEAR_START + timedelta(days=rng.randrange(DAYS_IN_YEAR - length))
                end = start + timedelta(days=length - 1)
                if free(start, end):
                    protected.append((start - timedelta(days=7), end + timedelta(days=7)))
                    if kind == "annual_leave":
                        away = rng.choice(HOLIDAY_PLACES) if rng.random() < 0.5 else None
                        generated.append(Absence(kind, start, end, True, "Annual leave", away))
                    else:
                        generated.append(
                            Absence(
                                kind,
                                start,
                                end,
                                length > 7,
                                rng.choice(["Cold", "Migraine", "Chest infection"])
                                + " (self-certified)",
                            )
                        )
                    break
        self.absences = sorted(scripted + generated, key=lambda a: a.start)

    def _apply_absences(self) -> None:
        for number, absence in enumerate(self.absences, 1):
            absence_id = f"absence-{self.num}-{number:03d}"
            for index in range((absence.end - absence.start).days + 1):
                entry = self._day(absence.start + timedelta(days=index))
                entry.absence_id = absence_id
                if entry.kind == "rest_day":
                    continue
                assert entry.start is not None and entry.end is not None
                entry.planned = (entry.start, entry.end)
                entry.start = entry.end = None
                entry.kind = absence.kind
                when = local_time(absence.start, 8) - timedelta(
                    days=30 if absence.kind == "annual_leave" else 0
                )
                entry.edits.append(
                    self._edit(
                        entry,
                        when,
                        "kind",
                        entry.original_kind,
                        absence.kind,
                        ROSTER_PLANNER if absence.kind == "annual_leave" else self.supervisor,
                        "Annual leave approved"
                        if absence.kind == "annual_leave"
                        else "Sickness reported",
                    )
                )

    def _edit(
        self,
        entry: Day,
        when: datetime,
        field_name: str,
        old: Any,
        new: Any,
        by: str,
        reason: str,
        self_edit: bool = False,
    ) -> Record:
        return {
            "at": when,
            "field": field_name,
            "old": old,
            "new": new,
            "by": self.account.name if self_edit else by,
            "self": self_edit,
            "reason": reason,
            "entry": entry,
        }

    # ------------------------------------------------------ overtime and edits
    def _claim(self, entry: Day, start: datetime, hours: float, reason: str) -> None:
        self.overtime.append(
            {
                "entry": entry,
                "start": start,
                "hours": hours,
                "reason": reason,
                "approved_by": self.supervisor,
            }
        )

    def _build_overtime_and_edits(self) -> None:
        rng = self.rng
        reasons = [
            "Late arrest, prisoner processing",
            "Scene preservation until relieved",
            "Statement taking, victim vulnerable",
            "Court warning, trial overran",
            "Missing person enquiries",
            "Road traffic collision, awaiting recovery",
        ]
        scripted_days: set[date] = set()
        if self.account is HUGHES:
            # Five rest days in the run window that he changed to early shifts himself,
            # a day or two before claiming them as rest-day overtime (his sergeant had
            # asked him to cover by phone; the system lets officers record the swap).
            rest = [
                d
                for d in self.days
                if d.kind == "rest_day" and date(2026, 6, 20) <= d.day <= date(2026, 9, 10)
            ]
            for entry in rest[2::5][:5]:
                scripted_days.add(entry.day)
                entry.kind = "early"
                entry.start, entry.end = self._shift(entry.day, "early")
                edited = entry.start - timedelta(
                    hours=rng.randint(20, 44), minutes=rng.randint(0, 59)
                )
                entry.edits.append(
                    self._edit(
                        entry,
                        edited,
                        "kind",
                        "rest_day",
                        "early",
                        "",
                        "Covering shortfall, agreed with PS Barker by phone",
                        self_edit=True,
                    )
                )
                self._claim(entry, entry.start, 10.0, "Rest day worked, cancelled at short notice")
        if self.pays_overtime:
            for entry in self.days:
                if entry.on_duty and entry.day not in scripted_days and rng.random() < 0.08:
                    assert entry.end is not None
                    self._claim(
                        entry, entry.end, rng.choice([1.0, 1.5, 2.0, 2.5, 3.0]), rng.choice(reasons)
                    )
            # A supervisor cancels a rest day now and then: paid overtime, not a self-edit.
            spare = [d for d in self.days if d.kind == "rest_day" and d.absence_id is None]
            for entry in rng.sample(spare, 3):
                entry.kind = "early"
                entry.start, entry.end = self._shift(entry.day, "early")
                entry.edits.append(
                    self._edit(
                        entry,
                        entry.start - timedelta(days=rng.randint(3, 10)),
                        "kind",
                        "rest_day",
                        "early",
                        self.supervisor,
                        "Rest day cancelled: operational demand (football)",
                    )
                )
                self._claim(entry, entry.start, 10.0, "Rest day cancelled by supervisor")
        claimed = {c["entry"].day for c in self.overtime}
        # A couple of harmless self-edits (shift swaps) on days with no overtime.
        swaps = [
            d
            for d in self.days
            if d.on_duty
            and d.day not in claimed
            and d.kind != "training"
            and not (date(2026, 6, 1) <= d.day <= WINDOW_END and self.account is HUGHES)
        ]
        for entry in rng.sample(swaps, 2):
            assert entry.start is not None and entry.end is not None
            old = f"{uk_local(entry.start):%H:%M}"
            entry.start += timedelta(hours=1)
            entry.end += timedelta(hours=1)
            entry.edits.append(
                self._edit(
                    entry,
                    entry.start - timedelta(days=rng.randint(2, 9)),
                    "start",
                    old,
                    f"{uk_local(entry.start):%H:%M}",
                    "",
                    "Childcare: start moved an hour, agreed with a colleague",
                    self_edit=True,
                )
            )
        self.overtime.sort(key=lambda c: c["start"])

    # ----------------------------------------------------------------- visits
    def _build_visits(self) -> None:
        rng = self.rng
        for entry in self.days:
            if entry.on_duty or entry.kind == "sickness":
                continue
            if rng.random() < 0.5:
                start = local_time(entry.day, rng.randint(9, 15), rng.choice([0, 15, 30, 45]))
                self.visits.append(
                    Visit(
                        start,
                        start + timedelta(minutes=rng.randint(60, 240)),
                        self.home[0] + rng.uniform(-0.04, 0.04),
                        self.home[1] + rng.uniform(-0.06, 0.06),
                    )
                )
        if self.account is WALSH:
            lat, lon = WALSH_GARDEN_CENTRE
            sick = [d for d in self.days if date(2026, 7, 6) <= d.day <= date(2026, 7, 24)]
            rest = [d for d in sick if d.kind == "rest_day"][:2]
            duty = [d for d in sick if d.kind == "sickness"][3:5]
            for entry in rest:  # Saturday mornings, on rest days, at the family business
                start = local_time(entry.day, 10)
                self.visits.append(Visit(start, start + timedelta(hours=3), lat, lon))
            for entry in duty:  # collecting a prescription on the way: a short stop
                start = local_time(entry.day, 11, 30)
                self.visits.append(Visit(start, start + timedelta(minutes=45), lat, lon))
            self.visits = [
                v
                for v in self.visits
                if not (date(2026, 7, 6) <= v.start.date() <= date(2026, 7, 24))
                or (v.lat, v.lon) == (lat, lon)
            ]
        self.visits.sort(key=lambda v: v.start)

    # ---------------------------------------------------------------- lookups
    def _build_lookups(self) -> None:
        rng = self.rng
        per_day = {"response": 2.0, "cid": 1.5, "hybrid": 0.1}[self.profile.pattern]
        purposes_linked = [
            "Suspect check for incident",
            "Witness address check",
            "Vehicle check, reported collision",
            "Bail conditions check",
        ]
        number = 0

        def add(at: datetime, system: str, case: str | None, purpose: str) -> None:
            nonlocal number
            number += 1
            self.lookups.append(
                {
                    "id": f"lookup-{self.num}-{number:05d}",
                    "at": at,
                    "system": system,
                    "subject": f"{'VRM' if system == 'PNC' else 'NOM'}-{rng.randrange(16**6):06X}",
                    "case": case,
                    "purpose": purpose,
                }
            )

        for entry in self.days:
            if not entry.on_duty:
                continue
            assert entry.start is not None and entry.end is not None
            count = int(per_day) + (rng.random() < per_day - int(per_day))
            for _ in range(count):
                at = entry.start + timedelta(
                    minutes=rng.randint(
                        20, int((entry.end - entry.start).total_seconds() // 60) - 20
                    )
                )
                system = rng.choice(["PNC", "PNC", "PND", "Niche"])
                if rng.random() < 0.04:
                    add(at, system, None, rng.choice(["Stop check", "", "Intelligence check"]))
                else:
                    add(
                        at,
                        system,
                        f"INC-{entry.day:%y%m%d}-{rng.randint(1, 999):04d}",
                        rng.choice(purposes_linked),
                    )
        if self.account is HUGHES:
            # Roadside vehicle checks during a month on the roads policing rota: real
            # stops, no incident number raised because nothing further was done.
            duty = [d for d in self.days if d.on_duty and date(2026, 8, 16) <= d.day <= WINDOW_END]
            for index in range(13):
                entry = duty[index % len(duty)]
                assert entry.start is not None
                add(
                    entry.start + timedelta(minutes=60 + 37 * index % 400),
                    "PNC",
                    None,
                    "Vehicle stop check, no further action",
                )
        self.lookups.sort(key=lambda item: item["at"])


__all__ = ["OfficerYear", "officer_seed"]

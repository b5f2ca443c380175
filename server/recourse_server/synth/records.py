"""Wire `Record` dicts of every category except pings, from an `OfficerYear`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

from recourse.domain.rules.uktime import uk_local
from recourse_server.synth.officer import ROSTER_PLANNER, SHIFTS, OfficerYear
from recourse_server.synth.places import SITES, iso, local_time
from recourse_server.synth.stories import DECLARATIONS, REGISTRY_MATCHES, RULE_NUMBER

Record = dict[str, Any]


def _record(
    record_id: str,
    category: str,
    occurred: datetime,
    summary: str,
    data: dict[str, Any],
    updated: datetime | None = None,
) -> Record:
    return {
        "id": record_id,
        "category": category,
        "occurred_at": iso(occurred),
        "updated_at": iso(updated or occurred),
        "summary": summary,
        "data": data,
    }


def _hm(moment: datetime | None) -> str:
    return f"{uk_local(moment):%H:%M}" if moment else ""


def roster_entries(year: OfficerYear) -> Iterator[Record]:
    unit = year.account.unit
    for entry in year.days:
        occurred = entry.start or local_time(entry.day, 0)
        audit_times = [e["at"] for e in entry.edits] + [
            local_time(entry.day, 0) - timedelta(days=42)
        ]
        kind_words = entry.kind.replace("_", " ")
        if entry.on_duty:
            where = {"office": "in the office", "remote": "working remotely", "field": "on patrol"}
            place = where.get(entry.location, entry.location)
            times = f"{_hm(entry.start)}–{_hm(entry.end)}"
            summary = f"{kind_words.capitalize()} shift {times}, {place}"
        else:
            summary = kind_words.capitalize()
        data: dict[str, Any] = {
            "duty_date": entry.day.isoformat(),
            "kind": entry.kind,
            "start": iso(entry.start) if entry.start else None,
            "end": iso(entry.end) if entry.end else None,
            "unit": unit,
            "work_location": entry.location,
        }
        if entry.planned:
            data["planned_start"] = iso(entry.planned[0])
            data["planned_end"] = iso(entry.planned[1])
        yield _record(
            entry.entry_id,
            "roster_entries",
            occurred,
            f"{entry.day:%a %d %b %Y}: {summary}",
            data,
            updated=max(audit_times),
        )


def roster_audit(year: OfficerYear) -> Iterator[Record]:
    events: list[tuple[datetime, str, Any, Any, str, bool, str, str]] = []
    for entry in year.days:
        created = local_time(entry.day, 0) - timedelta(days=42) + timedelta(hours=9)
        events.append(
            (
                created,
                "kind",
                None,
                entry.original_kind,
                ROSTER_PLANNER,
                False,
                "Roster drafted",
                entry.entry_id,
            )
        )
        events.append(
            (
                created + timedelta(days=1, minutes=5),
                "status",
                "draft",
                "published",
                ROSTER_PLANNER,
                False,
                "Roster published",
                entry.entry_id,
            )
        )
        events.append(
            (
                local_time(entry.day, 9) - timedelta(days=14),
                "status",
                "published",
                "locked",
                ROSTER_PLANNER,
                False,
                "Roster locked: changes now need notice under Police Regulations",
                entry.entry_id,
            )
        )
        for edit in entry.edits:
            events.append(
                (
                    edit["at"],
                    edit["field"],
                    edit["old"],
                    edit["new"],
                    edit["by"],
                    edit["self"],
                    edit["reason"],
                    entry.entry_id,
                )
            )
        if entry.on_duty and entry.end is not None:
            events.append(
                (
                    entry.end + timedelta(hours=10),
                    "status",
                    "published",
                    "worked",
                    year.supervisor,
                    False,
                    "Duty confirmed",
                    entry.entry_id,
                )
            )
    events.sort(key=lambda e: (e[0], e[7]))
    for number, (at, field_name, old, new, by, by_self, reason, entry_id) in enumerate(events, 1):
        who = "the officer" if by_self else by
        yield _record(
            f"rosteraudit-{year.num}-{number:05d}",
            "roster_audit",
            at,
            f"{entry_id}: {field_name} {old or '(none)'} → {new} by {who} ({reason})",
            {
                "roster_entry_id": entry_id,
                "field": field_name,
                "old_value": old,
                "new_value": new,
                "edited_by": by,
                "edited_by_self": by_self,
                "reason": reason,
            },
        )


def absences(year: OfficerYear) -> Iterator[Record]:
    for number, absence in enumerate(year.absences, 1):
        words = absence.kind.replace("_", " ")
        days = (absence.end - absence.start).days + 1
        yield _record(
            f"absence-{year.num}-{number:03d}",
            "absences",
            local_time(absence.start, 0),
            f"{words.capitalize()}, {absence.start:%d %b} to {absence.end:%d %b %Y} ({days} days)"
            + (
                ""
                if absence.kind != "sickness"
                else (", certified" if absence.certified else ", self-certified")
            ),
            {
                "kind": absence.kind,
                "start_date": absence.start.isoformat(),
                "end_date": absence.end.isoformat(),
                "certified": absence.certified,
                "reason": absence.reason,
            },
        )


def overtime(year: OfficerYear) -> Iterator[Record]:
    for number, claim in enumerate(year.overtime, 1):
        entry = claim["entry"]
        yield _record(
            f"overtime-{year.num}-{number:04d}",
            "overtime",
            claim["start"],
            f"Overtime {claim['hours']:g} h on {entry.day:%d %b %Y}: {claim['reason']}",
            {
                "duty_date": entry.day.isoformat(),
                "hours": claim["hours"],
                "claimed_reason": claim["reason"],
                "approved_by": claim["approved_by"],
                "roster_entry_id": entry.entry_id,
            },
        )


def _site_for(year: OfficerYear, kind: str) -> str:
    return "training" if kind == "training" else year.profile.site


def building_access(year: OfficerYear) -> Iterator[Record]:
    rng = year.rng_for("badges")
    number = 0
    for entry in year.days:
        if not entry.on_duty or entry.location == "remote":
            continue
        assert entry.start is not None and entry.end is not None
        site = SITES[_site_for(year, entry.kind)][0]
        moves = [(entry.start - timedelta(minutes=rng.randint(5, 25)), "Main entrance", "in")]
        if year.profile.pattern == "response" and rng.random() < 0.6:
            back = entry.start + timedelta(hours=rng.randint(3, 6), minutes=rng.randint(0, 59))
            moves += [
                (back, "Rear yard gate", "in"),
                (back + timedelta(minutes=rng.randint(20, 70)), "Rear yard gate", "out"),
            ]
        elif year.profile.pattern != "response" and rng.random() < 0.3:
            lunch = entry.start + timedelta(hours=4, minutes=rng.randint(0, 40))
            moves += [
                (lunch, "Main entrance", "out"),
                (lunch + timedelta(minutes=rng.randint(20, 45)), "Main entrance", "in"),
            ]
        moves.append((entry.end + timedelta(minutes=rng.randint(0, 20)), "Main entrance", "out"))
        for at, door, direction in sorted(moves):
            number += 1
            yield _record(
                f"badge-{year.num}-{number:05d}",
                "building_access",
                at,
                f"Badge {direction} at {site}, {door.lower()}",
                {"site": site, "door": door, "direction": direction},
            )


def logins(year: OfficerYear) -> Iterator[Record]:
    rng = year.rng_for("logins")
    number = 0
    for entry in year.days:
        if not entry.on_duty:
            continue
        assert entry.start is not None
        remote = entry.location == "remote"
        site = "Home (VPN)" if remote else SITES[_site_for(year, entry.kind)][0]
        count = 1 + (rng.random() < 0.4)
        for index in range(count):
            at = entry.start + timedelta(minutes=rng.randint(2, 15) + 180 * index)
            system = rng.choice(["Windows (force network)", "Niche RMS", "Duty Sheet"])
            workstation = (
                f"LT-{year.num}" if remote else f"{site[:2].upper()}-WS-{rng.randint(1, 60):03d}"
            )
            number += 1
            yield _record(
                f"login-{year.num}-{number:05d}",
                "logins",
                at,
                f"Log-in to {system} from {workstation}" + (" (remote)" if remote else ""),
                {"system": system, "workstation": workstation, "site": site, "remote": remote},
            )


def declarations(year: OfficerYear) -> Iterator[Record]:
    for number, (kind, organisation, details, declared_on, place) in enumerate(
        DECLARATIONS.get(year.account.officer_id, []), 1
    ):
        yield _record(
            f"declaration-{year.num}-{number:02d}",
            "declarations",
            local_time(declared_on, 10),
            f"Declared {kind.replace('_', ' ')}: {organisation} ({details})",
            {
                "kind": kind,
                "organisation": organisation,
                "details": details,
                "declared_on": declared_on.isoformat(),
                "lat": place[0] if place else None,
                "lon": place[1] if place else None,
            },
        )


def registry_matches(year: OfficerYear) -> Iterator[Record]:
    for number, (registry, organisation, basis, score, corroborated, note, at) in enumerate(
        REGISTRY_MATCHES.get(year.account.officer_id, []), 1
    ):
        yield _record(
            f"registry-{year.num}-{number:02d}",
            "registry_matches",
            at,
            f"{registry}: {organisation} (score {score:g}, "
            + ("corroborated)" if corroborated else "not corroborated)"),
            {
                "registry": registry,
                "organisation": organisation,
                "match_basis": basis,
                "match_score": score,
                "corroborated": corroborated,
                "corroboration_note": note,
            },
        )


def system_lookups(year: OfficerYear) -> Iterator[Record]:
    for item in year.lookups:
        case = item["case"]
        yield _record(
            item["id"],
            "system_lookups",
            item["at"],
            f"{item['system']} search {item['subject']}"
            + (f" for {case}" if case else " (no case linked)"),
            {
                "system": item["system"],
                "subject_ref": item["subject"],
                "case_ref": case,
                "purpose": item["purpose"],
            },
        )


def standards_actions(year: OfficerYear) -> Iterator[Record]:
    for number, (rule_id, action, at, by, note) in enumerate(
        sorted(year.standards, key=lambda s: s[2]), 1
    ):
        flag_id = f"flag-{year.account.officer_id}-{RULE_NUMBER[rule_id]}"
        yield _record(
            f"standards-{year.num}-{number:02d}",
            "standards_actions",
            at,
            f"{action.replace('_', ' ').capitalize()} following {flag_id}, decided by {by}",
            {"action": action, "flag_id": flag_id, "decided_by": by, "note": note},
        )


BUILDERS = {
    "roster_entries": roster_entries,
    "roster_audit": roster_audit,
    "absences": absences,
    "overtime": overtime,
    "building_access": building_access,
    "logins": logins,
    "declarations": declarations,
    "registry_matches": registry_matches,
    "system_lookups": system_lookups,
    "standards_actions": standards_actions,
}

__all__ = ["BUILDERS", "SHIFTS"]

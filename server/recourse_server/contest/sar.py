"""The signed SAR response package: the records asked for, the flags, the access log and
the Art. 15(1)(a)-(h) answers, bounded in size so a client can check it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import Connection, Engine, select

from recourse.domain.contest import ART15_ITEMS
from recourse.protocol import contest_wire as cw
from recourse.protocol import wire
from recourse.protocol.jws import MAX_TOKEN_LENGTH

from .. import db
from .keys import sign

_RIGHTS = (
    "Right to rectification: have inaccurate data corrected or completed (UK GDPR Art. 16).",
    "Right to erasure, where the law allows (UK GDPR Art. 17).",
    "Right to restriction: have the data kept but not used while its accuracy is checked "
    "(UK GDPR Art. 18).",
    "Right to object to processing based on the force's legitimate interests or public task "
    "(UK GDPR Art. 21).",
    "Safeguards for decisions based solely on automated processing: to be told, to make "
    "representations, to have a person review it and to contest it (UK GDPR Arts. 22A-22D).",
)
_RECIPIENTS = (
    "Professional Standards Department, when a flag is reviewed or a case is assessed.",
    "Your line management, for management advice and attendance matters.",
    "Police Federation representatives you have given a written mandate.",
    "The Independent Office for Police Conduct, where a matter must be referred to it.",
)


def _documents(conn: Connection, name: str) -> list[dict[str, Any]]:
    d = db.documents.c
    body = conn.execute(select(d.body).where(d.name == name)).scalar_one_or_none()
    return list(json.loads(body).get(name, [])) if body else []


def _section(code: str, answer: str, details: list[str] | None = None) -> cw.Art15Section:
    item = ART15_ITEMS[code]
    return cw.Art15Section(label=item.label, law=item.law, answer=answer[:20_000],
                           details=[d[:20_000] for d in (details or [])][:500])


def _art15(items: set[str], sources: list[dict[str, Any]], rules: list[dict[str, Any]],
           counts: Mapping[str, int], access: list[dict[str, Any]]) -> cw.Art15Answer:
    sections: dict[str, cw.Art15Section] = {}
    if "purposes" in items:
        sections["purposes"] = _section(
            "purposes", "The force uses this data to manage duties and attendance, to keep "
            "its systems and premises secure, and to uphold professional standards.",
            [f"{s['category']}: {s['description']} Lawful basis: {s['lawful_basis']}"
             for s in sources])
    if "categories" in items:
        sections["categories"] = _section(
            "categories", "The kinds of data held about you, with the number of records of "
            "each kind.", [f"{category}: {count} records" for category, count in counts.items()])
    if "recipients" in items:
        viewers = sorted({f"{e['viewer']} ({e['viewer_role']})" for e in access})
        sections["recipients"] = _section(
            "recipients", "Who the data has been or may be shared with. Everyone who looked "
            "at your data is in the access log in this package.",
            list(_RECIPIENTS) + [f"Viewed by: {v}" for v in viewers][:400])
    if "retention" in items:
        sections["retention"] = _section(
            "retention", "How long each kind of data is kept.",
            [f"{s['category']}: {s['retention']}" for s in sources])
    if "rights" in items:
        sections["rights"] = _section(
            "rights", "You can ask the force to correct, erase or restrict this data, or "
            "object to its use. Recourse lets you send these requests signed.", list(_RIGHTS))
    if "complaint" in items:
        sections["complaint"] = _section(
            "complaint", "You may complain to the Information Commissioner's Office if you "
            "are unhappy with how the force has handled your data or this request: "
            "ico.org.uk/make-a-complaint, telephone 0303 123 1113, or Information "
            "Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF.")
    if "source" in items:
        sections["source"] = _section(
            "source", "Where each kind of data comes from.",
            [f"{s['category']}: {s['system']}, run by {s['owner']}" for s in sources])
    if "automated_logic" in items:
        details = []
        for rule in rules:
            parameters = "; ".join(
                f"{p['name']} = {p['value']}{' ' + p['unit'] if p.get('unit') else ''}"
                for p in rule.get("parameters", []))
            details.append(f"{rule['title']} (rule {rule['id']} v{rule['version']}): "
                           f"{rule['description']} Parameters: {parameters or 'none'}.")
        sections["automated_logic"] = _section(
            "automated_logic", "The force's analytics apply the rules below to your records "
            "and raise a flag when a rule's threshold is crossed. A flag is a prompt for a "
            "person to look; each of your flags, with the arithmetic behind it, is in this "
            "package. Any action on a flag needs a decision by a person.", details)
    return cw.Art15Answer(**sections)


def _in_range(record: Mapping[str, Any], start: date | None, end: date | None) -> bool:
    if start is None or end is None:
        return True
    day = str(record.get("occurred_at", ""))[:10]
    return start.isoformat() <= day <= end.isoformat()


def build_package(engine: Engine, row: Mapping[str, Any], now: datetime,
                  record_budget: int = cw.MAX_PACKAGE_RECORD_BYTES,
                  leave_out: frozenset[str] = frozenset()) -> str:
    """The signed SAR response: exactly what the request asked for, bounded in size;
    `leave_out` names Art. 15 items a force answers without (an incomplete answer)."""
    request = json.loads(row["payload"])["target"]
    officer_id = row["officer_id"]
    wanted_categories: list[str] = (list(wire.CATEGORIES) if request["categories"] == "all"
                         else [c for c in wire.CATEGORIES if c in request["categories"]])
    span = request.get("date_range")
    start = date.fromisoformat(span["from"]) if span else None
    end = date.fromisoformat(span["to"]) if span else None
    items = set(request["items"]) - leave_out
    c = db.changes.c
    held: dict[str, list[str]] = {}
    with engine.connect() as conn:
        for category in wanted_categories:
            bodies = conn.execute(select(c.body).where(
                c.officer_id == officer_id, c.category == category, c.deleted.is_(False),
            ).order_by(c.seq)).scalars()
            held[category] = [body for body in bodies
                              if _in_range(json.loads(body)["record"], start, end)]
        f = db.flags.c
        flags = [wire.FlagSummary.model_validate(
            {k: v for k, v in json.loads(b).items() if k in wire.FlagSummary.model_fields})
            for b in conn.execute(select(f.body).where(f.officer_id == officer_id)
                                  .order_by(f.raised_at, f.flag_id)).scalars()]
        a = db.access_log.c
        access = [dict(r) for r in conn.execute(
            select(a.entry_id.label("id"), a.viewed_at, a.viewer, a.viewer_role, a.reason,
                   a.what).where(a.officer_id == officer_id)
            .order_by(a.viewed_epoch, a.seq)).mappings()]
        sources = [s for s in _documents(conn, "sources")
                   if s.get("category") in wanted_categories
                   or s.get("category") in ("access_log", "flags")]
        rules = _documents(conn, "rules")
    counts = {category: len(bodies) for category, bodies in held.items()}
    records: list[wire.Record] = []
    omitted: dict[str, int] = {}
    if "copy" in items:
        # Share the budget fairly: small categories whole, the largest cut to what is left.
        remaining = record_budget
        by_size = sorted(held, key=lambda name: sum(map(len, held[name])))
        kept: dict[str, list[str]] = {}
        for position, category in enumerate(by_size):
            share = remaining // (len(by_size) - position)
            taken: list[str] = []
            used = 0
            for body in held[category]:
                if used + len(body) > share:
                    break
                taken.append(body)
                used += len(body)
            kept[category] = taken
            remaining -= used
            if len(taken) < len(held[category]):
                omitted[category] = len(held[category]) - len(taken)
        for category in wanted_categories:
            records.extend(wire.Record.model_validate(json.loads(body)["record"])
                           for body in kept[category])
    complete = not omitted
    note = None
    if not complete:
        asked = len(records) + sum(omitted.values())
        note = (f"This signed package holds {len(records)} of the {asked} records asked for, so "
                "that it stays small enough to check. Every record is also in your own copy "
                "in Recourse, and the force will send the rest in further parts on request.")
    package = cw.SarPackage(
        reference=row["reference"], officer_id=officer_id,
        generated_at=now.astimezone(UTC).replace(microsecond=0),
        request=request, records_by_category=cast("dict[wire.Category, int]", counts),
        records=records, records_complete=complete,
        records_omitted_by_category=cast("dict[wire.Category, int]", omitted), records_note=note,
        flags=flags, access_log=[wire.AccessLogEntry.model_validate(e) for e in access],
        art15=_art15(items, sources, rules, counts, access),
    )
    token = sign(engine, package.model_dump(mode="json", by_alias=True), cw.SAR_PACKAGE_TYP)
    if len(token) > MAX_TOKEN_LENGTH and record_budget > 1000:
        return build_package(engine, row, now, record_budget // 2)
    return token

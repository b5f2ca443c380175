"""The officer's letters in Welsh (Cymraeg), for forces working under the Welsh Language
Standards: the same three letters as `recourse.domain.letters`, from the same facts; and
the Welsh of the rights they cite (Art. 15 items, grounds), which the wizards show too.

The domain has no Qt, so the Welsh is here as text tables, not in the UI's catalogue.
Terms follow the Welsh of public bodies: "cais gwrthrych am wybodaeth" (subject access
request), "GDPR y DU", "Deddf Diogelu Data 2018", "Swyddfa'r Comisiynydd Gwybodaeth".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any, Literal

from recourse.domain.contest import ART15_ITEMS, ART15_LETTERS, Art15Item, Ground

MONTHS = ("Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf",
          "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr")

#: Art. 15 item code -> what the officer asks for, in Welsh.
ART15_LABELS = {
    "copy": "Copi o'r data sydd gennych amdanaf",
    "purposes": "Pam rydych yn ei ddefnyddio (y dibenion)",
    "categories": "Pa fathau o ddata sydd gennych",
    "recipients": "Gyda phwy y mae wedi'i rannu neu y caiff ei rannu",
    "retention": "Am ba hyd y byddwch yn ei gadw, neu sut y penderfynir hynny",
    "rights": "Fy hawliau i'w gywiro, ei ddileu, cyfyngu arno neu wrthwynebu iddo",
    "complaint": "Fy hawl i gwyno i'r Comisiynydd Gwybodaeth",
    "source": "O ble y cawsoch ef, os nad gennyf i",
    "automated_logic": "A yw peiriant yn gwneud penderfyniadau amdanaf, y rhesymeg y mae'n "
                       "ei defnyddio a beth mae'n ei olygu i mi",
}

SAR_FORMATS = {
    "electronic": "yn electronig, mewn fformat a ddefnyddir yn gyffredin",
    "paper": "ar bapur",
}

#: Data category code -> its name in Welsh (as the app's screens name it).
CATEGORIES = {
    "roster_entries": "rota dyletswyddau",
    "roster_audit": "newidiadau i'r rota (log archwilio)",
    "absences": "absenoldebau (salwch a gwyliau)",
    "overtime": "hawliadau goramser",
    "building_access": "mynediad i adeiladau",
    "logins": "mewngofnodi i gyfrifiaduron",
    "declarations": "fy natganiadau",
    "registry_matches": "cyfatebiaethau â chofrestrau allanol",
    "system_lookups": "chwiliadau ar systemau'r heddlu",
    "standards_actions": "camau safonau proffesiynol",
    "location_pings": "pingiau lleoliad dyfais",
}


def long_date(day: date) -> str:
    """'2 Mawrth 2026'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def law(text: str) -> str:
    """'UK GDPR Art. 15(1)(a)' as Welsh cites it: 'GDPR y DU Erth. 15(1)(a)'; a section
    (adran) of the DPA 2018, 'DPA 2018 s.164A', is 'DPA 2018 a.164A'."""
    return (text.replace("UK GDPR", "GDPR y DU").replace("Art.", "Erth.")
            .replace(" and ", " a ").replace(" s.", " a.").replace("(extended)", "(estynedig)"))


def label(item: Art15Item) -> str:
    return ART15_LABELS.get(item.code, item.label)


def _signature(officer_name: str, force_number: str) -> list[str]:
    lines = ["Yn gywir,", "", officer_name]
    if force_number:
        lines.append(f"Rhif heddlu {force_number}")
    return lines


def sar_letter_text(target: Mapping[str, Any], officer_name: str, force_number: str,
                    on: date, *, force_name: str | None = None) -> str:
    to = (f"Y Swyddog Diogelu Data, {force_name}" if force_name
          else "Y Swyddog Diogelu Data")
    categories = target.get("categories", "all")
    what = (
        "yr holl ddata personol sydd gennych amdanaf"
        if categories == "all"
        else "y data personol sydd gennych amdanaf yn y categorïau hyn: "
        + ", ".join(CATEGORIES.get(str(c), str(c).replace("_", " ")) for c in categories)
    )
    date_range = target.get("date_range")
    if date_range:
        what += f", o {date_range['from']} i {date_range['to']}"
    items = [ART15_ITEMS[c] for c in target.get("items", ()) if c in ART15_ITEMS]
    lines = [
        long_date(on), "", to, "",
        "Cais gwrthrych am wybodaeth dan Erthygl 15 o GDPR y DU ac adran 45 o Ddeddf "
        "Diogelu Data 2018", "",
        f"{officer_name} ydw i, rhif heddlu {force_number}. Gofynnaf am {what}, ac am:",
        "",
    ]
    lines += [f"  - {label(item)} ({law(item.law)})" for item in items]
    fmt = SAR_FORMATS.get(str(target.get("format", "electronic")), SAR_FORMATS["electronic"])
    lines += [
        "",
        f"Rhowch ef i mi yn y ffurf hon: {fmt}.",
        "",
        "Rhaid i chi ymateb heb oedi gormodol ac o fewn mis i dderbyn y cais hwn "
        "(Erthygl 12(3)). Os oes angen rhagor o wybodaeth arnoch i'm hadnabod i neu'r data, "
        "rhowch wybod i mi yn brydlon.",
        "",
        *_signature(officer_name, force_number),
    ]
    return "\n".join(lines) + "\n"


def chaser_letter(missing: Sequence[Art15Item], *, today: date, reference: str = "",
                  officer_name: str = "", force_number: str = "",
                  received_on: date | None = None, due_on: date | None = None) -> str:
    lines = [long_date(today), "", "At y Swyddog Diogelu Data,", ""]
    subject = "Cais gwrthrych am wybodaeth"
    if reference:
        subject += f" {reference}"
    lines += [f"Pwnc: {subject} - gwybodaeth nas darparwyd eto", ""]
    when = f" a dderbyniwyd ar {long_date(received_on)}" if received_on else ""
    lines.append(
        f"Diolch am eich ymateb i'm cais gwrthrych am wybodaeth{when}. Nid yw'n cynnwys yr "
        "holl wybodaeth y mae gennyf hawl iddi dan Erthygl 15(1) o GDPR y DU. Rhowch y "
        "canlynol i mi:"
    )
    if due_on is not None:
        lines[-1] += f" Roedd eich ymateb llawn yn ddyledus erbyn {long_date(due_on)}."
    lines.append("")
    for item in missing:
        letter = ART15_LETTERS.get(item.code)
        cite = f"Erth. 15(1)({letter})" if letter else law(item.law)
        lines.append(f"  - {label(item)} ({cite}).")
    lines += [
        "",
        "Anfonwch hyn o fewn y terfyn amser sy'n berthnasol i'm cais gwreiddiol. Os ydych o'r "
        "farn nad yw rhan ohono'n berthnasol, dywedwch wrthyf pam.",
        "",
        *_signature(officer_name, force_number),
    ]
    return "\n".join(lines).rstrip() + "\n"


def overdue_letter(*, kind: Literal["sar", "challenge"], reference: str, received_on: date,
                   due_on: date, extended: bool, today: date, officer_name: str = "",
                   force_number: str = "") -> str:
    what = "nghais gwrthrych am wybodaeth" if kind == "sar" else "her"
    subject = "Cais gwrthrych am wybodaeth" if kind == "sar" else "Her"
    late = (today - due_on).days
    lines = [long_date(today), "", "At y Swyddog Diogelu Data,", ""]
    lines += [f"Pwnc: {subject} {reference} - ymateb yn hwyr", ""]
    lines.append(
        f"Derbynioch fy {what} ar {long_date(received_on)} (eich cyfeirnod {reference}; "
        f"mae gennyf eich derbynneb wedi'i llofnodi). Roedd eich ymateb yn ddyledus erbyn "
        f"{long_date(due_on)}"
        + (", y dyddiad estynedig a roesoch i mi" if extended else "")
        + (f", ac mae bellach {late} diwrnod yn hwyr." if late > 0 else ".")
    )
    lines.append("")
    if kind == "sar":
        lines.append(
            "Anfonwch ataf yr wybodaeth y mae gennyf hawl iddi dan Erthygl 15 o GDPR y DU heb "
            "oedi pellach. Os na fyddaf yn ei chael o fewn 14 diwrnod, byddaf yn cwyno i "
            "Swyddfa'r Comisiynydd Gwybodaeth."
        )
    else:
        lines.append(
            "Rhowch wybod i mi beth yw canlyniad fy her, gyda'ch rhesymau, heb oedi pellach. "
            "Os na fyddaf yn ei gael o fewn 14 diwrnod, byddaf yn codi'r mater gyda "
            "Swyddfa'r Comisiynydd Gwybodaeth."
        )
    lines += ["", *_signature(officer_name, force_number)]
    return "\n".join(lines).rstrip() + "\n"



def member_overdue_letter(*, kind: Literal["sar", "challenge"], reference: str,
                          received_on: date, due_on: date, extended: bool, today: date,
                          member_name: str, member_rank: str, member_force_number: str,
                          representative_name: str, mandate: str) -> str:
    """The representative's chaser for a member's request (`member_letters`), in Welsh."""
    # "eu" (their) does not mutate: "eu cais", "eu her".
    what = "cais gwrthrych am wybodaeth" if kind == "sar" else "her"
    subject = "Cais gwrthrych am wybodaeth" if kind == "sar" else "Her"
    late = (today - due_on).days
    member = " ".join(part for part in (member_rank, member_name) if part)
    if member_force_number:
        member += f" (rhif heddlu {member_force_number})"
    lines = [long_date(today), "", "At y Swyddog Diogelu Data,", ""]
    lines += [f"Pwnc: {subject} {reference} gan {member_name} - ymateb yn hwyr", ""]
    lines.append(
        f"Rwy'n ysgrifennu fel cynrychiolydd Ffederasiwn yr Heddlu ar ran {member}, dan y "
        f"mandad llofnodedig {mandate} sy'n fy awdurdodi i weithredu ar eu rhan.")
    lines.append("")
    lines.append(
        f"Derbynioch eu {what} ar {long_date(received_on)} (eich cyfeirnod {reference}; "
        f"mae ganddynt eich derbynneb wedi'i llofnodi). Roedd eich ymateb yn ddyledus erbyn "
        f"{long_date(due_on)}"
        + (", y dyddiad estynedig a roesoch" if extended else "")
        + (f", ac mae bellach {late} diwrnod yn hwyr." if late > 0 else "."))
    lines.append("")
    if kind == "sar":
        lines.append(
            "Anfonwch atynt yr wybodaeth y mae ganddynt hawl iddi dan Erthygl 15 o GDPR y DU "
            "heb oedi pellach. Os na chaiff ei derbyn o fewn 14 diwrnod, gwneir cwyn i "
            "Swyddfa'r Comisiynydd Gwybodaeth.")
    else:
        lines.append(
            "Rhowch ganlyniad yr her, gyda'ch rhesymau, heb oedi pellach. Os na chaiff ei "
            "dderbyn o fewn 14 diwrnod, codir y mater gyda Swyddfa'r Comisiynydd "
            "Gwybodaeth.")
    lines += ["", "Yn gywir,", "", representative_name,
              "Cynrychiolydd Ffederasiwn yr Heddlu", f"Yn gweithredu dan fandad {mandate}"]
    return "\n".join(lines).rstrip() + "\n"


#: Ground code -> (title, right, what the officer asks for), in Welsh.
GROUNDS = {
    "rectification": (
        "Mae'r data'n anghywir",
        "Yr hawl i gywiro, gan gynnwys ychwanegu datganiad atodol",
        "Cywiro'r data anghywir, neu ei gwblhau gyda fy natganiad.",
    ),
    "objection": (
        "Mae'r prosesu'n anghymesur neu casglwyd y data oddi ar ddyletswydd",
        "Yr hawl i wrthwynebu",
        "Peidio â phrosesu'r data hwn oni bai eich bod yn dangos sail gyfreithlon gymhellol "
        "sy'n drech na fy muddiannau, fy hawliau a'm rhyddidau.",
    ),
    "restriction": (
        "Peidio â'i ddefnyddio tra caiff hyn ei adolygu",
        "Yr hawl i gyfyngu ar brosesu tra bo cywirdeb yn cael ei herio",
        "Cadw'r data ond peidio â'i ddefnyddio tra byddwch yn gwirio ei gywirdeb.",
    ),
    "automated_decision": (
        "Gwnaed penderfyniad gan y peiriant yn unig",
        "Mesurau diogelu ar gyfer penderfyniadau arwyddocaol sy'n seiliedig ar brosesu "
        "awtomataidd yn unig: cael gwybod, cyflwyno sylwadau, cael ymyrraeth ddynol a herio'r "
        "penderfyniad",
        "Rhoi gwybod i mi am y penderfyniad, cael person i'w adolygu, ystyried fy sylwadau a "
        "gadael i mi ei herio.",
    ),
    "context": (
        "Cyd-destun na allai'r rheol ei wybod",
        "Sylwadau i'w hystyried ochr yn ochr â'r data",
        "Ystyried yr amgylchiadau rwy'n eu disgrifio.",
    ),
}


def ground_in(language: str, ground: Ground) -> Ground:
    """`ground` in the officer's language (its law cited the Welsh way in Welsh)."""
    words = GROUNDS.get(ground.code)
    if not _welsh(language) or words is None:
        return ground
    title, right, asks = words
    return replace(ground, title=title, right=right, asks_for=asks, law=law(ground.law))


def art15_item_in(language: str, item: Art15Item) -> Art15Item:
    if not _welsh(language):
        return item
    return replace(item, label=label(item), law=law(item.law))


def sar_format_in(language: str, code: str, english: str) -> str:
    words = SAR_FORMATS.get(code) if _welsh(language) else None
    return words[:1].upper() + words[1:] if words else english


def _welsh(language: str) -> bool:
    return language.replace("-", "_").split("_")[0] == "cy"

"""The officer's letters in Welsh: the same facts as the English ones, in Welsh words,
nothing left in English but the names and references, and the PDF says it in Welsh."""

from __future__ import annotations

from datetime import date

import pytest

from recourse.domain.contest import ART15_ITEMS
from recourse.domain.letters import chaser_letter, overdue_letter, sar_letter_text, welsh

ENGLISH = ("Yours faithfully", "Dear", "Data Protection Officer", "Article", "please",
           "Please", "response", "request", "Force number", "UK GDPR")


def _no_english(text: str) -> None:
    left = [word for word in ENGLISH if word in text]
    assert not left, left


def test_subject_access_request_in_welsh():
    target = {"items": list(ART15_ITEMS), "categories": ["absences", "location_pings"],
              "date_range": {"from": "2026-01-01", "to": "2026-03-31"}, "format": "paper"}
    text = sar_letter_text(target, "PC Rhys Hughes", "NS2107", date(2026, 3, 2),
                           force_name="Heddlu Gogledd Cymru", language="cy")
    assert text.startswith("2 Mawrth 2026\n")
    assert "Cais gwrthrych am wybodaeth dan Erthygl 15 o GDPR y DU" in text
    assert "Y Swyddog Diogelu Data, Heddlu Gogledd Cymru" in text
    assert "absenoldebau (salwch a gwyliau), pingiau lleoliad dyfais" in text
    assert "o 2026-01-01 i 2026-03-31" in text
    assert "Fy hawl i gwyno i'r Comisiynydd Gwybodaeth (GDPR y DU Erth. 15(1)(f))" in text
    assert "ar bapur" in text and text.rstrip().endswith("Rhif heddlu NS2107")
    _no_english(text)


def test_chaser_and_overdue_letters_in_welsh():
    missing = [ART15_ITEMS["source"], ART15_ITEMS["retention"]]
    chaser = chaser_letter(missing, today=date(2026, 5, 4), reference="RC-2026-000001",
                           officer_name="PC Rhys Hughes", force_number="NS2107",
                           received_on=date(2026, 3, 2), due_on=date(2026, 4, 2),
                           language="cy")
    assert "Pwnc: Cais gwrthrych am wybodaeth RC-2026-000001" in chaser
    assert "O ble y cawsoch ef, os nad gennyf i (Erth. 15(1)(g))." in chaser
    assert "2 Ebrill 2026" in chaser
    _no_english(chaser)
    overdue = overdue_letter(kind="sar", reference="RC-2026-000001",
                             received_on=date(2026, 3, 2), due_on=date(2026, 4, 2),
                             extended=False, today=date(2026, 4, 12), language="cy_GB")
    assert "Derbynioch fy nghais gwrthrych am wybodaeth ar 2 Mawrth 2026" in overdue
    assert "10 diwrnod yn hwyr" in overdue
    assert "Swyddfa'r Comisiynydd Gwybodaeth" in overdue
    _no_english(overdue)
    english = overdue_letter(kind="sar", reference="R", received_on=date(2026, 3, 2),
                             due_on=date(2026, 4, 2), extended=False, today=date(2026, 4, 12))
    assert "Yours faithfully" in english


@pytest.mark.parametrize(("language", "expected"),
                         [("cy", True), ("cy_GB", True), ("cy-GB", True), ("en_GB", False),
                          ("en", False), ("", False)])
def test_which_languages_are_welsh(language, expected):
    assert welsh(language) is expected


def test_welsh_letter_pdf_says_it_in_welsh(monkeypatch):
    from tests.core.test_contest_key_record_letters import pdf_strings

    from recourse.documents import pdf as letters

    # On a core font the shown strings are plain Latin-1 (see pdf_strings).
    monkeypatch.setattr(letters, "REGULAR_FONT", "missing-DejaVuSans.ttf")
    pdf = letters.sar_letter_pdf({"items": ["copy"], "categories": "all"}, "Gwenllïan Wyn",
                                 "NS1", date(2026, 3, 2), language="cy")
    shown = pdf_strings(pdf)
    assert "Cais gwrthrych am wybodaeth" in shown and "Gwenllïan Wyn" in shown
    assert "Yn gywir," in shown and "Yours faithfully" not in shown


def test_representatives_chaser_for_a_member_in_welsh():
    from recourse.domain.member_letters import member_overdue_letter

    facts = dict(kind="sar", reference="RC-2026-000007", received_on=date(2026, 3, 2),
                 due_on=date(2026, 4, 2), extended=True, today=date(2026, 4, 12),
                 member_name="Rhys Hughes", member_rank="PC", member_force_number="NS2107",
                 representative_name="Sian Davies", mandate="MD-0001")
    text = member_overdue_letter(**facts, language="cy")
    assert text.startswith("12 Ebrill 2026\n")
    assert "Pwnc: Cais gwrthrych am wybodaeth RC-2026-000007 gan Rhys Hughes" in text
    assert "ar ran PC Rhys Hughes (rhif heddlu NS2107), dan y mandad llofnodedig MD-0001" \
        in text
    assert "Derbynioch eu cais gwrthrych am wybodaeth ar 2 Mawrth 2026" in text
    assert "erbyn 2 Ebrill 2026, y dyddiad estynedig" in text
    assert "10 diwrnod yn hwyr" in text
    assert text.rstrip().endswith("Yn gweithredu dan fandad MD-0001")
    _no_english(text)
    challenge = member_overdue_letter(**{**facts, "kind": "challenge"}, language="cy_GB")
    assert "Pwnc: Her RC-2026-000007" in challenge and "Rhowch ganlyniad yr her" in challenge
    _no_english(challenge)
    assert "Yours faithfully" in member_overdue_letter(**facts)

"""PDF letters (fpdf2): a subject-access request, a chaser, and a bundle's summary.

The PDFs are made in memory and returned as bytes; the caller decides where they go
(the evidence bundle, or a file the officer chose). The wording is
`recourse.domain.letters`'. fpdf2's core fonts cover Latin-1 only, so DejaVu Sans, shipped
with this package (officers' names are not all Latin-1), is read with `importlib.resources`
so a wheel, a frozen build and a source checkout all find it; should an install have lost
it, text is transliterated to the nearest Latin-1 spelling rather than failing.
"""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import WrapMode

from recourse.domain.contest import ART15_ITEMS, GROUNDS
from recourse.domain.letters import sar_letter_text, welsh
from recourse.domain.letters_cy import art15_item_in, ground_in
from recourse.protocol.receipt import Receipt

__all__ = [
    "chaser_letter_pdf",
    "sar_letter_pdf",
    "summary_pdf",
    "text_pdf",
    "to_latin1",
]

#: The fonts shipped in `recourse/documents/fonts` (DejaVu: see LICENSE-DejaVu.txt there).
REGULAR_FONT = "DejaVuSans.ttf"
BOLD_FONT = "DejaVuSans-Bold.ttf"
_FONT = "Letter"
# Common characters outside Latin-1 that NFKD does not reduce.
_SUBSTITUTES = {
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
    "\u2014": "-", "\u2026": "...", "\u2022": "*", "\u0141": "L", "\u0142": "l",
    "\u0131": "i", "\u0152": "OE", "\u0153": "oe", "\u20ac": "EUR",
}


@contextlib.contextmanager
def _shipped_fonts() -> Iterator[tuple[Path, Path] | None]:
    """(regular, bold) as real files for as long as fpdf2 reads them, or None."""
    folder = resources.files(__package__).joinpath("fonts")
    regular, bold = folder.joinpath(REGULAR_FONT), folder.joinpath(BOLD_FONT)
    if not (regular.is_file() and bold.is_file()):
        yield None
        return
    with resources.as_file(regular) as regular_path, resources.as_file(bold) as bold_path:
        yield regular_path, bold_path


def to_latin1(text: str) -> str:
    """The nearest Latin-1 spelling: accents kept where Latin-1 has them, else dropped."""
    out = []
    for ch in text:
        if ord(ch) < 256:
            out.append(ch)
            continue
        if ch in _SUBSTITUTES:
            out.append(_SUBSTITUTES[ch])
            continue
        decomposed = unicodedata.normalize("NFKD", ch)
        base = "".join(c for c in decomposed if ord(c) < 256 and not unicodedata.combining(c))
        out.append(base or "?")
    return "".join(out)


class _Letter:
    def __init__(self, title: str) -> None:
        self.pdf = FPDF(format="A4")
        self.pdf.set_title(title)
        self.pdf.set_creator("Recourse")
        self.pdf.set_margins(20, 20, 20)
        self.pdf.set_auto_page_break(True, margin=20)
        with _shipped_fonts() as fonts:
            self.unicode = fonts is not None
            if fonts is not None:
                self.pdf.add_font(_FONT, "", str(fonts[0]))
                self.pdf.add_font(_FONT, "B", str(fonts[1]))
                self.family = _FONT
            else:
                self.family = "Helvetica"
        self.pdf.add_page()
        self.pdf.set_font(self.family, size=11)

    def _t(self, text: str) -> str:
        return text if self.unicode else to_latin1(text)

    def para(self, text: str, *, bold: bool = False, size: float = 11, gap: float = 2) -> None:
        self.pdf.set_font(self.family, "B" if bold else "", size)
        self.pdf.multi_cell(0, size * 0.5, self._t(text), new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(gap)

    def mono(self, text: str) -> None:
        # Long unbroken values (key ids, digests) wrap at any character.
        self.pdf.set_font(self.family, "", 8)
        self.pdf.multi_cell(0, 4, self._t(text), new_x="LMARGIN", new_y="NEXT",
                            wrapmode=WrapMode.CHAR)
        self.pdf.ln(1)
        self.pdf.set_font(self.family, "", 11)

    def bytes(self) -> bytes:
        return bytes(self.pdf.output())


def text_pdf(text: str, title: str) -> bytes:
    """A plain-text letter as a PDF, one paragraph per blank-line-separated block."""
    return letters_pdf([text], title)


def letters_pdf(texts: Sequence[str], title: str) -> bytes:
    """Several plain-text letters in one PDF, each starting on a page of its own."""
    letter = _Letter(title)
    for number, text in enumerate(texts):
        if number:
            letter.pdf.add_page()
        for block in text.split("\n\n"):
            letter.para(block.strip("\n"), gap=3)
    return letter.bytes()


def sar_letter_pdf(
    target: Mapping[str, Any],
    officer_name: str,
    force_number: str,
    on: date,
    *,
    force_name: str | None = None,
    language: str = "en",
) -> bytes:
    """The subject-access request letter as a PDF (`target` as `sar_target` makes it),
    in Welsh if `language` is ``cy``."""
    return text_pdf(
        sar_letter_text(target, officer_name, force_number, on, force_name=force_name,
                        language=language),
        "Cais gwrthrych am wybodaeth" if welsh(language) else "Subject access request",
    )


def chaser_letter_pdf(text: str, language: str = "en") -> bytes:
    """A chaser letter (from `recourse.domain.letters.chaser_letter`) as a PDF."""
    return text_pdf(text, "Cais gwrthrych am wybodaeth - gwybodaeth nas darparwyd eto"
                    if welsh(language)
                    else "Subject access request - information not yet provided")


#: The summary's words in Welsh (what it shows from the payload stays as signed).
SUMMARY_CY = {
    "Recourse evidence bundle - summary": "Bwndel tystiolaeth Recourse - crynodeb",
    "Challenge to a flag": "Her i fflag",
    "Subject access request": "Cais gwrthrych am wybodaeth",
    "summary of the evidence": "crynodeb o'r dystiolaeth",
    "This summary is for reading only and is not signed. What proves the submission "
    "and its receipt is in submission.jws and receipt.jws; VERIFY.txt says how to "
    "check them, and `recourse verify` does it for you.":
        "Crynodeb i'w ddarllen yn unig yw hwn, ac nid yw wedi'i lofnodi. Mae'r hyn sy'n "
        "profi'r cyflwyniad a'i dderbynneb yn submission.jws a receipt.jws; mae GWIRIO.txt "
        "(a VERIFY.txt) yn dweud sut i'w gwirio, ac mae `recourse verify` yn gwneud hynny "
        "i chi.",
    "Officer": "Swyddog",
    "Signed on the officer's computer at": "Llofnodwyd ar gyfrifiadur y swyddog am",
    "Force reference": "Cyfeirnod yr heddlu",
    "Received by the force at": "Derbyniwyd gan yr heddlu am",
    "Reply due by": "Ateb yn ddyledus erbyn",
    "Flag challenged": "Y fflag a heriwyd",
    "Complaint to the force (DPA 2018 s.164A)": "Cwyn i'r heddlu (DPA 2018 a.164A)",
    "Acknowledgement due by": "Cydnabyddiaeth yn ddyledus erbyn",
    "Complaint about": "Cwyn am",
    "Grounds": "Seiliau",
    "Records disputed": "Cofnodion a heriwyd",
    "What was asked for": "Yr hyn y gofynnwyd amdano",
    "The officer's statement": "Datganiad y swyddog",
    "Attached files (covered by the signature through their SHA-256)":
        "Ffeiliau atodedig (wedi'u cwmpasu gan y llofnod drwy eu SHA-256)",
    "bytes": "beit",
    "Keys": "Allweddi",
    "Officer's key id:": "Dynodydd allwedd y swyddog:",
    "Force's key id and fingerprint:": "Dynodydd ac ôl bys allwedd yr heddlu:",
}


def summary_pdf(
    payload: Mapping[str, Any],
    receipt: Receipt | None,
    officer_key_id: str,
    force_key_id: str,
    force_fingerprint: str,
    language: str = "en",
) -> bytes:
    """The evidence bundle's readable summary. Not signed: the .jws files are the proof.
    In Welsh when `language` is ``cy``; its times stay UTC, as signed."""
    cy = welsh(language)

    def t(text: str) -> str:
        return SUMMARY_CY.get(text, text) if cy else text

    letter = _Letter(t("Recourse evidence bundle - summary"))
    kind = t({"challenge": "Challenge to a flag",
              "complaint": "Complaint to the force (DPA 2018 s.164A)"}.get(
        str(payload.get("kind")), "Subject access request"))
    complaint = payload.get("kind") == "complaint"
    letter.para(f"{kind}: {t('summary of the evidence')}", bold=True, size=15, gap=4)
    letter.para(t(
        "This summary is for reading only and is not signed. What proves the submission "
        "and its receipt is in submission.jws and receipt.jws; VERIFY.txt says how to "
        "check them, and `recourse verify` does it for you."
    ))
    rows: list[tuple[str, str]] = [
        (t("Officer"), str(payload.get("officer_id", ""))),
        (t("Signed on the officer's computer at"), str(payload.get("created_at", ""))),
    ]
    if receipt is not None:
        rows += [
            (t("Force reference"), receipt.reference),
            (t("Received by the force at"), f"{receipt.received_at:%Y-%m-%d %H:%M:%S} UTC"),
            (t("Acknowledgement due by" if complaint else "Reply due by"),
             receipt.due_date.isoformat()),
        ]
    target = payload.get("target")
    if isinstance(target, str):
        rows.append((t("Complaint about" if complaint else "Flag challenged"), target))
    for label, value in rows:
        letter.para(f"{label}: {value}", gap=1)
    letter.pdf.ln(2)
    if isinstance(target, str):
        grounds: Sequence[str] = payload.get("grounds", [])
        if grounds:
            letter.para(t("Grounds"), bold=True)
            for code in grounds:
                g = GROUNDS.get(code)
                g = ground_in(language, g) if g else None
                letter.para(f"- {g.title} ({g.law})" if g else f"- {code}", gap=1)
        disputed = payload.get("disputed_record_ids", [])
        if disputed:
            letter.para(t("Records disputed"), bold=True)
            letter.mono(", ".join(disputed))
    elif isinstance(target, Mapping):
        letter.para(t("What was asked for"), bold=True)
        for code in target.get("items", []):
            item = ART15_ITEMS.get(code)
            item = art15_item_in(language, item) if item else None
            letter.para(f"- {item.label} ({item.law})" if item else f"- {code}", gap=1)
    statement = str(payload.get("statement", ""))
    if statement:
        letter.para(t("The officer's statement"), bold=True)
        letter.para(statement)
    attachments = payload.get("attachments", [])
    if attachments:
        letter.para(t("Attached files (covered by the signature through their SHA-256)"),
                    bold=True)
        for a in attachments:
            letter.para(f"- {a['name']} ({a['size']} {t('bytes')})", gap=0)
            letter.mono(a["sha256"])
    letter.para(t("Keys"), bold=True)
    letter.para(t("Officer's key id:"), gap=0)
    letter.mono(officer_key_id)
    letter.para(t("Force's key id and fingerprint:"), gap=0)
    letter.mono(force_key_id)
    letter.mono(force_fingerprint)
    return letter.bytes()

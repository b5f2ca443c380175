"""The text a PDF made by Recourse shows, read back without a PDF library: its content
streams inflated and the strings of their text operators collected. Works on the
Latin-1 fallback font (tests set `recourse.documents.pdf.REGULAR_FONT` to a missing file
first); the embedded unicode font writes glyph ids instead."""

from __future__ import annotations

import re
import zlib


def pdf_strings(pdf: bytes) -> str:
    """The text a PDF's content streams show (Tj/TJ strings), whitespace collapsed."""
    shown = []
    for chunk in pdf.split(b"endobj"):
        if b"/FlateDecode" not in chunk or b"stream\n" not in chunk:
            continue
        body = zlib.decompress(chunk.split(b"stream\n", 1)[1].rsplit(b"\nendstream", 1)[0])
        if b"BT" not in body:
            continue
        for literal in re.findall(rb"\((.*?)(?<!\\)\)\s*Tj", body, re.S):
            shown.append(literal.replace(rb"\(", b"(").replace(rb"\)", b")")
                         .replace(rb"\\", b"\\").decode("latin-1"))
    return " ".join(" ".join(shown).split())

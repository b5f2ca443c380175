"""Evidence bundles as files: the zip the officer exports, and the zip `recourse verify`
reads. The bundle's format and checks are `recourse.protocol.bundle`'s; this module only
writes the zip atomically and reads one within the format's limits."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Mapping
from pathlib import Path

from recourse.contest.errors import NotFoundLocally
from recourse.contest.sar import SarResponses
from recourse.documents.pdf import summary_pdf
from recourse.protocol import bundle as bundle_format
from recourse.protocol.jws import fingerprint_words, load_public_jwk
from recourse.protocol.receipt_log import InclusionAnswer
from recourse.store.files import write_file_atomically
from recourse.store.receipt_log import LogStore

__all__ = ["Bundles", "UnreadableBundle", "read_bundle", "write_zip_atomically"]

# A fixed time in every entry, so the same files always make the same zip.
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)


class UnreadableBundle(ValueError):
    """The file is not a bundle that can be unpacked safely; the text says why."""


def write_zip_atomically(path: Path, files: Mapping[str, bytes]) -> Path:
    """Write `files` as a zip at `path`: a crash leaves the old file or the new one."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return write_file_atomically(path, buffer.getbuffer().tobytes())


def read_bundle(path: Path) -> dict[str, bytes]:
    """The bundle's files, path -> bytes. Refused before anything is unpacked when the
    file, or what it would unpack to, is over `MAX_BUNDLE_BYTES`, or it holds more than
    `MAX_BUNDLE_FILES` files; the declared sizes also cap what is decompressed."""
    limit_mb = bundle_format.MAX_BUNDLE_BYTES // (1024 * 1024)
    try:
        if os.stat(path).st_size > bundle_format.MAX_BUNDLE_BYTES:
            raise UnreadableBundle(f"it is bigger than {limit_mb} MB.")
        with zipfile.ZipFile(path) as archive:
            infos = [i for i in archive.infolist() if not i.is_dir()]
            if len(infos) > bundle_format.MAX_BUNDLE_FILES:
                raise UnreadableBundle(
                    f"it holds more than {bundle_format.MAX_BUNDLE_FILES} files.")
            if sum(i.file_size for i in infos) > bundle_format.MAX_BUNDLE_BYTES:
                raise UnreadableBundle(f"it would unpack to more than {limit_mb} MB.")
            files: dict[str, bytes] = {}
            for info in infos:
                if info.filename in files:
                    raise UnreadableBundle(f"{info.filename} appears twice.")
                files[info.filename] = archive.read(info)
            return files
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as exc:
        raise UnreadableBundle(f"it is not a readable zip file ({exc}).") from None


class Bundles(SarResponses):
    """The evidence-bundle part of `ContestService`."""

    def bundle_files(self, reference: str, summary: bytes | None = None,
                     language: str = "en") -> dict[str, bytes]:
        """The files of the evidence bundle for a received submission (with a readable
        summary PDF made here unless `summary` is given), its summary and how-to-check
        in Welsh too when `language` is ``cy``."""
        record = self.submission(reference)
        if record.receipt is None:
            raise NotFoundLocally(f"A receipt for {reference}")
        payload = record.payload
        officer_key = self.contest.key(payload["key_id"])
        if officer_key is None:
            raise NotFoundLocally("The public key that signed it")
        _, pin = self.pinned_key()
        if summary is None:
            summary = summary_pdf(
                payload,
                record.receipt,
                officer_key.key_id,
                pin.key_id,
                fingerprint_words(load_public_jwk(pin.public_jwk)),
                language=language,
            )
        return bundle_format.bundle_files(
            record.token,
            record.receipt.token,
            officer_key.public_jwk,
            pin.public_jwk,
            {f.name: f.content for f in self.contest.files(record.id)},
            summary,
            key_record=officer_key.record,
            log_proof=self._log_proof(reference, record.receipt.token),
            language=language,
        )

    def _log_proof(self, reference: str, receipt: str) -> tuple[str, InclusionAnswer] | None:
        """The receipt's inclusion proof and the head it is against, as last checked."""
        held = LogStore(self.store).proof(reference)
        if held is None or held.receipt != receipt:
            return None
        return held.sth, InclusionAnswer(leaf_index=held.leaf_index, tree_size=held.tree_size,
                                         audit_path=held.audit_path)

    def export_bundle(self, reference: str, path: str | os.PathLike[str],
                      language: str = "en") -> Path:
        """Write the evidence bundle zip to `path`, atomically."""
        return write_zip_atomically(Path(path), self.bundle_files(reference,
                                                                  language=language))

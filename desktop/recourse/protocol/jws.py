"""Compact JWS with EdDSA over Ed25519 (RFC 7515, RFC 8037): a strict, simple verifier.

Recourse signs with one algorithm only. The verifier never lets the token choose how
it is checked: the caller supplies the one public key it trusts, and the token must
say `alg: EdDSA` and carry no key of its own (`jwk`, `jku`, `x5u`, `x5c`...). Anything
else - `alg: none`, HMAC with a public key as the secret, critical extensions, an
unencoded payload, sloppy base64 - is refused with a typed error whose message a
person can read. General-purpose JOSE libraries accept far more than this on purpose;
we do not need any of it, so the whole format is handled here in a few lines over
`cryptography`'s Ed25519.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from nacl.bindings import crypto_core_ed25519_is_valid_point

from recourse.protocol.canonical import StrictJsonError, canonical_json, loads_strict

__all__ = [
    "ALGORITHM",
    "MAX_TOKEN_LENGTH",
    "ForbiddenHeader",
    "InvalidKey",
    "KeyMismatch",
    "MalformedToken",
    "ProtocolError",
    "SignatureInvalid",
    "UnexpectedType",
    "UnsupportedAlgorithm",
    "VerifiedJws",
    "b64url_decode",
    "b64url_encode",
    "fingerprint_words",
    "key_id",
    "load_public_jwk",
    "public_jwk",
    "sign_compact",
    "unverified_content",
    "unverified_header",
    "unverified_payload",
    "verify_compact",
]

ALGORITHM = "EdDSA"
#: Generous for a challenge with its statement and attachment list; bounds the work a
#: hostile token can cause before the signature is checked.
MAX_TOKEN_LENGTH = 1_000_000

#: Header parameters the verifier understands. Everything else is refused, so a
#: header can never change the meaning of a signature we accepted.
_ALLOWED_HEADER = frozenset({"alg", "kid", "typ", "cty"})
#: Parameters by which a token names or carries its own key (RFC 7515 §4.1.3-4.1.8).
_KEY_HEADERS = frozenset({"jwk", "jku", "x5u", "x5c", "x5t", "x5t#S256"})
_B64URL = re.compile(r"[A-Za-z0-9_-]*")
_SIGNATURE_BYTES = 64
_KEY_BYTES = 32


class ProtocolError(ValueError):
    """Base of every signing-protocol error; `str(error)` is written for a person."""


class MalformedToken(ProtocolError):
    """The text is not a well-formed compact JWS."""


class UnsupportedAlgorithm(ProtocolError):
    """The token asks for an algorithm other than EdDSA."""


class ForbiddenHeader(ProtocolError):
    """The header carries a key, a critical extension, or something else we refuse."""


class UnexpectedType(ProtocolError):
    """The token is a valid signature over the wrong kind of document."""


class KeyMismatch(ProtocolError):
    """The token was signed (or says it was signed) by a different key than expected."""


class SignatureInvalid(ProtocolError):
    """The signature does not match the signed bytes and the trusted key."""


class InvalidKey(ProtocolError):
    """A public key in JWK form is not a plain Ed25519 public key."""


@dataclass(frozen=True)
class VerifiedJws:
    """A token whose signature has been checked against the caller's key."""

    header: Mapping[str, Any]
    payload_bytes: bytes
    #: ASCII `BASE64URL(header) "." BASE64URL(payload)`: what the signature covers.
    signing_input: bytes


def b64url_encode(data: bytes) -> str:
    """Base64url without padding (RFC 7515 §2)."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str, what: str = "value") -> bytes:
    """Strict base64url: url alphabet, no padding, no stray bits - one text per value.

    Refusing non-canonical encodings means a token has exactly one spelling, so a
    hash of the token identifies the submission.
    """
    if not _B64URL.fullmatch(text) or len(text) % 4 == 1:
        raise MalformedToken(
            f"The {what} is not valid base64url (only A-Z a-z 0-9 - _ without '=' padding)."
        )
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:  # pragma: no cover - regex already checks
        raise MalformedToken(f"The {what} is not valid base64url.") from exc
    if b64url_encode(data) != text:
        raise MalformedToken(f"The {what} is not in canonical base64url (stray trailing bits).")
    return data


def _raw_public(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def public_jwk(public_key: Ed25519PublicKey) -> dict[str, str]:
    """The RFC 8037 JWK of an Ed25519 public key: only `crv`, `kty` and `x`."""
    return {"crv": "Ed25519", "kty": "OKP", "x": b64url_encode(_raw_public(public_key))}


def key_id(public_key: Ed25519PublicKey) -> str:
    """RFC 7638 JWK thumbprint (SHA-256, base64url): a stable id derived from the key."""
    return b64url_encode(hashlib.sha256(canonical_json(public_jwk(public_key))).digest())


def fingerprint_words(public_key: Ed25519PublicKey) -> str:
    """The key's thumbprint as 16 groups of 4 hex digits, for reading aloud or on paper.

    It is the same SHA-256 as `key_id`, so the fingerprint on screen and the key id in a
    bundle can be checked against each other.
    """
    digest = hashlib.sha256(canonical_json(public_jwk(public_key))).hexdigest().upper()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


_JWK_OPTIONAL = {"kid", "use", "alg", "key_ops"}


def load_public_jwk(jwk: Mapping[str, Any]) -> Ed25519PublicKey:
    """Read an Ed25519 public JWK strictly; refuse private keys and anything unexpected.

    Allowed besides `kty`, `crv`, `x`: `kid` (which, if present, must be the key's
    thumbprint), `use` = "sig", `alg` = "EdDSA", `key_ops` = ["verify"].
    """
    if not isinstance(jwk, Mapping):
        raise InvalidKey("The key is not a JSON object.")
    if "d" in jwk:
        raise InvalidKey("This is a private key; only a public key may be shared or loaded.")
    unknown = set(jwk) - {"kty", "crv", "x"} - _JWK_OPTIONAL
    if unknown:
        raise InvalidKey(f"The key has unexpected members: {', '.join(sorted(unknown))}.")
    if jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519":
        raise InvalidKey("The key is not an Ed25519 key (kty OKP, crv Ed25519).")
    x = jwk.get("x")
    if not isinstance(x, str):
        raise InvalidKey("The key has no public value (x).")
    try:
        raw = b64url_decode(x, "key's public value")
    except MalformedToken as exc:
        raise InvalidKey(str(exc)) from exc
    if len(raw) != _KEY_BYTES:
        raise InvalidKey(f"An Ed25519 public key is 32 bytes; this one is {len(raw)}.")
    if jwk.get("use", "sig") != "sig" or jwk.get("alg", ALGORITHM) != ALGORITHM:
        raise InvalidKey("The key is marked for a use other than EdDSA signatures.")
    if "key_ops" in jwk and jwk["key_ops"] != ["verify"]:
        raise InvalidKey('The key\'s key_ops must be exactly ["verify"].')
    if not crypto_core_ed25519_is_valid_point(raw):
        # A small-order point (the identity, the all-zero point...) or a non-canonical
        # encoding: under such a key one fixed signature verifies for any message, so a
        # signature would no longer prove that anyone's private key signed.
        raise InvalidKey(
            "The key is not a usable Ed25519 public key: it is a weak or malformed point "
            "that cannot prove who signed."
        )
    key = Ed25519PublicKey.from_public_bytes(raw)
    if "kid" in jwk and jwk["kid"] != key_id(key):
        raise InvalidKey("The key's kid is not its thumbprint; the key may have been altered.")
    return key


def sign_compact(
    payload: bytes, private_key: Ed25519PrivateKey, kid: str, typ: str | None = None
) -> str:
    """Sign `payload` as compact JWS with header `{"alg":"EdDSA","kid":…,"typ":…}`.

    The header itself is canonical JSON, so a token has one exact spelling.
    """
    header: dict[str, str] = {"alg": ALGORITHM, "kid": kid}
    if typ is not None:
        header["typ"] = typ
    signing_input = (b64url_encode(canonical_json(header)) + "." + b64url_encode(payload)).encode(
        "ascii"
    )
    signature = private_key.sign(signing_input)
    return signing_input.decode("ascii") + "." + b64url_encode(signature)


def _split(token: str) -> tuple[str, str, str, dict[str, Any]]:
    if not isinstance(token, str):
        raise MalformedToken("A signed token must be text.")
    if len(token) > MAX_TOKEN_LENGTH:
        raise MalformedToken("The signed token is too large.")
    parts = token.split(".")
    if len(parts) != 3:
        raise MalformedToken(
            f"A signed token has three parts separated by dots; this one has {len(parts)}."
        )
    header_b64, payload_b64, signature_b64 = parts
    if not header_b64:
        raise MalformedToken("The signed token has an empty header.")
    try:
        header = loads_strict(b64url_decode(header_b64, "token header"))
    except StrictJsonError as exc:
        raise MalformedToken(f"The token header is not plain JSON: {exc}") from exc
    if not isinstance(header, dict):
        raise MalformedToken("The token header is not a JSON object.")
    _check_header(header)
    if not payload_b64:
        raise MalformedToken("The signed token has no content (detached content is not used).")
    if not signature_b64:
        raise MalformedToken("The signed token has no signature.")
    return header_b64, payload_b64, signature_b64, header


def _check_header(header: Mapping[str, Any]) -> None:
    alg = header.get("alg")
    if alg != ALGORITHM:
        if alg is None:
            raise UnsupportedAlgorithm("The token does not say how it was signed (no alg).")
        if isinstance(alg, str) and alg.lower() == "none":
            raise UnsupportedAlgorithm("The token is not signed (alg none); it proves nothing.")
        if isinstance(alg, str) and alg.upper().startswith("HS"):
            raise UnsupportedAlgorithm(
                f"The token uses a shared-secret algorithm ({alg}); only EdDSA signatures "
                "are accepted."
            )
        raise UnsupportedAlgorithm(f"The token uses {alg!r}; only EdDSA signatures are accepted.")
    carried = _KEY_HEADERS & set(header)
    if carried:
        raise ForbiddenHeader(
            f"The token brings its own key ({', '.join(sorted(carried))}); only the key "
            "already on record is trusted."
        )
    if "b64" in header:
        raise ForbiddenHeader("The token uses an unencoded payload (b64), which is not supported.")
    if "crit" in header:
        raise ForbiddenHeader("The token requires extensions (crit) that are not supported.")
    unknown = set(header) - _ALLOWED_HEADER
    if unknown:
        raise ForbiddenHeader(
            f"The token header has unsupported parameters: {', '.join(sorted(unknown))}."
        )
    for name in ("kid", "typ", "cty"):
        if name in header and not isinstance(header[name], str):
            raise MalformedToken(f"The token header's {name} must be text.")


def unverified_header(token: str) -> Mapping[str, Any]:
    """The header of a well-formed token, NOT verified - use only to choose a key."""
    return MappingProxyType(_split(token)[3])


def unverified_content(token: str) -> bytes:
    """The exact content bytes of a well-formed token, NOT verified: for showing what
    was signed, or reading a token whose signature was checked when it was stored."""
    return b64url_decode(_split(token)[1], "token content")


def unverified_payload(token: str) -> dict[str, Any]:
    """`unverified_content` parsed strictly as a JSON object; NOT verified."""
    try:
        payload = loads_strict(unverified_content(token))
    except StrictJsonError as exc:
        raise MalformedToken(f"The token content is not plain JSON: {exc}") from exc
    if not isinstance(payload, dict):
        raise MalformedToken("The token content is not a JSON object.")
    return payload


def verify_compact(
    token: str,
    public_key: Ed25519PublicKey,
    expected_kid: str | None = None,
    expected_typ: str | None = None,
) -> VerifiedJws:
    """Verify a compact EdDSA JWS against the one key the caller trusts.

    Raises a `ProtocolError` subclass on anything but a valid token.
    """
    header_b64, payload_b64, signature_b64, header = _split(token)
    if expected_kid is not None and header.get("kid") != expected_kid:
        raise KeyMismatch(
            "The token was signed with a different key from the one on record "
            f"(it names {header.get('kid')!r}, expected {expected_kid!r})."
        )
    if expected_typ is not None and header.get("typ") != expected_typ:
        raise UnexpectedType(
            f"The token is a {header.get('typ')!r} document, not a {expected_typ!r}."
        )
    signature = b64url_decode(signature_b64, "token signature")
    if len(signature) != _SIGNATURE_BYTES:
        raise MalformedToken("An Ed25519 signature is 64 bytes; this one is not.")
    payload = b64url_decode(payload_b64, "token content")
    signing_input = f"{header_b64}.{payload_b64}".encode("ascii")
    try:
        public_key.verify(signature, signing_input)
    except InvalidSignature:
        raise SignatureInvalid(
            "The signature does not match: the content was changed after signing, or it "
            "was signed with a different key."
        ) from None
    return VerifiedJws(MappingProxyType(header), payload, signing_input)

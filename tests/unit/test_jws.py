"""Strict compact JWS (EdDSA/Ed25519): RFC 8037 vectors and forged tokens refused."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from recourse.protocol.jws import (
    ForbiddenHeader,
    InvalidKey,
    KeyMismatch,
    MalformedToken,
    ProtocolError,
    SignatureInvalid,
    UnexpectedType,
    UnsupportedAlgorithm,
    b64url_decode,
    b64url_encode,
    fingerprint_words,
    key_id,
    load_public_jwk,
    public_jwk,
    sign_compact,
    unverified_header,
    verify_compact,
)

# RFC 8037 Appendix A.1-A.4: the Ed25519 key, its thumbprint and a JWS over it.
RFC8037_D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"
RFC8037_X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
RFC8037_THUMBPRINT = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
RFC8037_JWS = (
    "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc."
    "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg"
)

KEY = Ed25519PrivateKey.from_private_bytes(b64url_decode(RFC8037_D))
PUB = KEY.public_key()
OTHER = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))


def _b64(obj: object) -> str:
    data = obj if isinstance(obj, bytes) else json.dumps(obj).encode()
    return b64url_encode(data)


def _token(kid: str = RFC8037_THUMBPRINT, typ: str | None = "test+jws") -> str:
    return sign_compact(b'{"hello":"world"}', KEY, kid, typ)


def test_rfc8037_key_thumbprint_and_jwk() -> None:
    assert public_jwk(PUB) == {"crv": "Ed25519", "kty": "OKP", "x": RFC8037_X}
    assert key_id(PUB) == RFC8037_THUMBPRINT
    assert fingerprint_words(PUB) == (
        "90FA CAFE A9B1 5566 9854 0F70 C011 7A22 EA37 BD5C F3ED 3C47 093C 1707 282B 4B89"
    )
    # The fingerprint words are the thumbprint, so paper and screen can be compared.
    assert bytes.fromhex(fingerprint_words(PUB).replace(" ", "")) == b64url_decode(
        RFC8037_THUMBPRINT
    )


def test_rfc8037_example_signature_verifies() -> None:
    verified = verify_compact(RFC8037_JWS, PUB)
    assert verified.payload_bytes == b"Example of Ed25519 signing"
    assert verified.header == {"alg": "EdDSA"}
    assert verified.signing_input == RFC8037_JWS.rsplit(".", 1)[0].encode()


def test_sign_then_verify_round_trip() -> None:
    token = _token()
    verified = verify_compact(token, PUB, expected_kid=RFC8037_THUMBPRINT, expected_typ="test+jws")
    assert verified.payload_bytes == b'{"hello":"world"}'
    assert dict(verified.header) == {"alg": "EdDSA", "kid": RFC8037_THUMBPRINT, "typ": "test+jws"}
    # Deterministic signature and canonical header: one exact spelling per content.
    assert token == _token()
    assert token.split(".")[0] == _b64(
        b'{"alg":"EdDSA","kid":"' + RFC8037_THUMBPRINT.encode() + b'","typ":"test+jws"}'
    )


def test_wrong_key_is_refused() -> None:
    with pytest.raises(SignatureInvalid, match="does not match"):
        verify_compact(_token(), OTHER.public_key())


def test_expected_kid_and_typ() -> None:
    with pytest.raises(KeyMismatch, match="different key"):
        verify_compact(_token(), PUB, expected_kid="someone-else")
    with pytest.raises(UnexpectedType):
        verify_compact(_token(), PUB, expected_typ="recourse-receipt+jws")


def _forge(
    header: dict[str, object], payload: bytes = b'{"hello":"world"}', signature: bytes | None = None
) -> str:
    signing_input = f"{_b64(header)}.{_b64(payload)}"
    sig = KEY.sign(signing_input.encode()) if signature is None else signature
    return f"{signing_input}.{b64url_encode(sig)}"


def test_alg_none_is_refused() -> None:
    token = f"{_b64({'alg': 'none'})}.{_b64(b'{}')}."
    with pytest.raises(UnsupportedAlgorithm, match="not signed"):
        verify_compact(token, PUB)
    with pytest.raises(UnsupportedAlgorithm, match="not signed"):
        verify_compact(_forge({"alg": "None"}), PUB)
    with pytest.raises(UnsupportedAlgorithm, match="no alg"):
        verify_compact(_forge({"kid": "x"}), PUB)


def test_hs256_with_public_key_as_secret_is_refused() -> None:
    # The classic confusion attack: sign with HMAC using the (public) verification key.
    secret = base64.urlsafe_b64decode(RFC8037_X + "=")
    signing_input = f"{_b64({'alg': 'HS256'})}.{_b64(b'{}')}"
    mac = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    with pytest.raises(UnsupportedAlgorithm, match="shared-secret"):
        verify_compact(f"{signing_input}.{b64url_encode(mac)}", PUB)


@pytest.mark.parametrize("alg", ["ES256", "RS256", "Ed25519", "eddsa", "PS256", 5])
def test_other_algorithms_are_refused(alg: object) -> None:
    with pytest.raises(UnsupportedAlgorithm):
        verify_compact(_forge({"alg": alg}), PUB)


@pytest.mark.parametrize("name", ["jwk", "jku", "x5u", "x5c", "x5t", "x5t#S256"])
def test_header_supplied_keys_are_refused(name: str) -> None:
    # Even when the embedded key is the attacker's own and the signature is valid for it.
    attacker = Ed25519PrivateKey.generate()
    value: object = public_jwk(attacker.public_key()) if name == "jwk" else "https://evil"
    header = {"alg": "EdDSA", name: value}
    signing_input = f"{_b64(header)}.{_b64(b'{}')}"
    token = f"{signing_input}.{b64url_encode(attacker.sign(signing_input.encode()))}"
    with pytest.raises(ForbiddenHeader, match="its own key"):
        verify_compact(token, PUB)


def test_crit_and_b64_false_are_refused() -> None:
    with pytest.raises(ForbiddenHeader, match="crit"):
        verify_compact(_forge({"alg": "EdDSA", "crit": ["exp"], "exp": 1}), PUB)
    with pytest.raises(ForbiddenHeader, match="unencoded"):
        verify_compact(_forge({"alg": "EdDSA", "b64": False, "crit": []}), PUB)
    with pytest.raises(ForbiddenHeader, match="unencoded"):
        verify_compact(_forge({"alg": "EdDSA", "b64": False}), PUB)
    with pytest.raises(ForbiddenHeader, match="unsupported parameters: zip"):
        verify_compact(_forge({"alg": "EdDSA", "zip": "DEF"}), PUB)


def test_header_member_types() -> None:
    with pytest.raises(MalformedToken, match="kid must be text"):
        verify_compact(_forge({"alg": "EdDSA", "kid": 7}), PUB)


@pytest.mark.parametrize(
    "token",
    [
        "",
        "abc",
        "a.b",
        "a.b.c.d",
        "a.b.c.d.e",  # JWE-shaped
    ],
)
def test_wrong_segment_count(token: str) -> None:
    with pytest.raises(MalformedToken, match="three parts"):
        verify_compact(token, PUB)


def test_non_text_and_oversized_tokens() -> None:
    with pytest.raises(MalformedToken, match="text"):
        verify_compact(b"a.b.c", PUB)  # type: ignore[arg-type]
    with pytest.raises(MalformedToken, match="too large"):
        verify_compact("a" * 1_000_001, PUB)


def test_empty_parts() -> None:
    header, payload, sig = _token().split(".")
    with pytest.raises(MalformedToken, match="empty header"):
        verify_compact(f".{payload}.{sig}", PUB)
    with pytest.raises(MalformedToken, match="no content"):
        verify_compact(f"{header}..{sig}", PUB)
    with pytest.raises(MalformedToken, match="no signature"):
        verify_compact(f"{header}.{payload}.", PUB)


def test_bad_base64url_is_refused() -> None:
    header, payload, sig = _token().split(".")
    # Padding
    with pytest.raises(MalformedToken, match="base64url"):
        verify_compact(f"{header}.{payload}=.{sig}", PUB)
    # Standard (non-url) alphabet
    std = base64.b64encode(b'{"hello":"world"}??>').decode().rstrip("=")
    assert "+" in std or "/" in std
    with pytest.raises(MalformedToken, match="base64url"):
        verify_compact(f"{header}.{std}.{sig}", PUB)
    # Whitespace
    with pytest.raises(MalformedToken, match="base64url"):
        verify_compact(f"{header}.{payload} .{sig}", PUB)
    # Impossible length
    with pytest.raises(MalformedToken, match="base64url"):
        verify_compact(f"{header}.{payload}.AAAAA", PUB)


def test_non_canonical_base64_trailing_bits_are_refused() -> None:
    header, payload, sig = _token().split(".")
    # The last character of an 86-character signature carries 2 unused bits; setting
    # them decodes to the same bytes but is a second spelling of the same token.
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    last = alphabet.index(sig[-1])
    assert last % 16 == 0
    tweaked = sig[:-1] + alphabet[last + 1]
    with pytest.raises(MalformedToken, match="canonical"):
        verify_compact(f"{header}.{payload}.{tweaked}", PUB)


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"not json", "not plain JSON"),
        (b'{"alg":"EdDSA","alg":"none"}', "twice"),
        (b'["alg","EdDSA"]', "not a JSON object"),
        (b'{"alg":"EdDSA","kid":NaN}', "NaN"),
    ],
)
def test_bad_header_json_is_refused(raw: bytes, words: str) -> None:
    signing_input = f"{b64url_encode(raw)}.{_b64(b'{}')}"
    token = f"{signing_input}.{b64url_encode(KEY.sign(signing_input.encode()))}"
    with pytest.raises(MalformedToken, match=words):
        verify_compact(token, PUB)


@pytest.mark.parametrize("part", [0, 1, 2])
def test_any_byte_changed_is_refused(part: int) -> None:
    parts = _token().split(".")
    raw = bytearray(b64url_decode(parts[part]))
    for index in (0, len(raw) // 2, len(raw) - 1):
        flipped = bytearray(raw)
        flipped[index] ^= 0x01
        changed = list(parts)
        changed[part] = b64url_encode(bytes(flipped))
        with pytest.raises(ProtocolError):
            verify_compact(".".join(changed), PUB)


def test_changed_payload_gives_signature_invalid() -> None:
    header, _, sig = _token().split(".")
    changed = _b64(b'{"hello":"World"}')
    with pytest.raises(SignatureInvalid):
        verify_compact(f"{header}.{changed}.{sig}", PUB)


def test_short_signature() -> None:
    header, payload, sig = _token().split(".")
    with pytest.raises(MalformedToken, match="64 bytes"):
        verify_compact(f"{header}.{payload}.{b64url_encode(b64url_decode(sig)[:-1])}", PUB)


def test_unverified_header_is_read_only_and_checked() -> None:
    header = unverified_header(_token())
    assert header["kid"] == RFC8037_THUMBPRINT
    with pytest.raises(TypeError):
        header["kid"] = "x"  # type: ignore[index]
    with pytest.raises(UnsupportedAlgorithm):
        unverified_header(_forge({"alg": "HS256"}))


def test_load_public_jwk_round_trip_and_kid() -> None:
    jwk = public_jwk(PUB)
    assert key_id(load_public_jwk(jwk)) == RFC8037_THUMBPRINT
    with_kid = {
        **jwk,
        "kid": RFC8037_THUMBPRINT,
        "use": "sig",
        "alg": "EdDSA",
        "key_ops": ["verify"],
    }
    assert key_id(load_public_jwk(with_kid)) == RFC8037_THUMBPRINT


@pytest.mark.parametrize(
    ("jwk", "words"),
    [
        ({"kty": "OKP", "crv": "Ed25519", "x": RFC8037_X, "d": RFC8037_D}, "private key"),
        ({"kty": "OKP", "crv": "X25519", "x": RFC8037_X}, "not an Ed25519"),
        ({"kty": "EC", "crv": "Ed25519", "x": RFC8037_X}, "not an Ed25519"),
        ({"kty": "OKP", "crv": "Ed25519"}, "no public value"),
        ({"kty": "OKP", "crv": "Ed25519", "x": RFC8037_X + "="}, "base64url"),
        ({"kty": "OKP", "crv": "Ed25519", "x": RFC8037_X[:-3]}, "32 bytes"),
        ({"kty": "OKP", "crv": "Ed25519", "x": RFC8037_X, "kid": "other"}, "thumbprint"),
        ({"kty": "OKP", "crv": "Ed25519", "x": RFC8037_X, "use": "enc"}, "other than"),
        ({"kty": "OKP", "crv": "Ed25519", "x": RFC8037_X, "alg": "ES256"}, "other than"),
        ({"kty": "OKP", "crv": "Ed25519", "x": RFC8037_X, "key_ops": ["sign"]}, "key_ops"),
        ({"kty": "OKP", "crv": "Ed25519", "x": RFC8037_X, "x5c": ["MII"]}, "unexpected"),
    ],
)
def test_load_public_jwk_is_strict(jwk: dict[str, object], words: str) -> None:
    with pytest.raises(InvalidKey, match=words):
        load_public_jwk(jwk)


def test_load_public_jwk_rejects_non_object() -> None:
    with pytest.raises(InvalidKey, match="not a JSON object"):
        load_public_jwk(["OKP"])  # type: ignore[arg-type]


def test_errors_are_value_errors_with_readable_messages() -> None:
    with pytest.raises(ValueError) as info:
        verify_compact(_token(), OTHER.public_key())
    message = str(info.value)
    assert message[0].isupper() and message.endswith(".")


# Ed25519 public keys under which a signature proves nothing: the points of small order
# (1, 2, 4, 8) and non-canonical encodings (y >= p), as libsodium's blocklist lists them.
# Each was checked by hand: decoded with RFC 8032 §5.1.3 and multiplied by its order.
WEAK_KEYS = {
    "identity (order 1)": "01" + "00" * 31,
    "y = 0 (order 4)": "00" * 32,
    "y = 0, sign bit set (order 4)": "00" * 31 + "80",
    "y = p - 1 (order 2)": "ec" + "ff" * 30 + "7f",
    "order 8": "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
    "order 8, other": "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
    "y = p, non-canonical (order 4)": "ed" + "ff" * 30 + "7f",
    "y = p + 1, non-canonical (order 1)": "ee" + "ff" * 30 + "7f",
}
# RFC 8032 §7.1, TESTs 1-3: ordinary keys, which must keep loading.
RFC8032_KEYS = (
    "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
    "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
    "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
)


def _okp(raw_hex: str) -> dict[str, str]:
    return {"kty": "OKP", "crv": "Ed25519", "x": b64url_encode(bytes.fromhex(raw_hex))}


@pytest.mark.parametrize("raw_hex", WEAK_KEYS.values(), ids=WEAK_KEYS.keys())
def test_a_weak_key_is_refused(raw_hex: str) -> None:
    with pytest.raises(InvalidKey, match="weak or malformed point"):
        load_public_jwk(_okp(raw_hex))


def test_under_the_identity_key_one_signature_would_verify_for_any_message() -> None:
    """Why weak keys are refused: the library verifies a fixed signature under them."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    identity = Ed25519PublicKey.from_public_bytes(bytes.fromhex(WEAK_KEYS["identity (order 1)"]))
    fixed = bytes.fromhex("01" + "00" * 31) + bytes(32)
    for message in (b"a challenge nobody signed", b"another"):
        identity.verify(fixed, message)  # raises if it did not verify
    with pytest.raises(InvalidKey):
        load_public_jwk(_okp(WEAK_KEYS["identity (order 1)"]))


@pytest.mark.parametrize("raw_hex", RFC8032_KEYS)
def test_rfc8032_keys_still_load(raw_hex: str) -> None:
    assert len(key_id(load_public_jwk(_okp(raw_hex)))) == 43

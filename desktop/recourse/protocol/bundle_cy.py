"""GWIRIO.txt: how to check an evidence bundle, in Welsh, for an officer or a reviewer
who works in Welsh. It sits beside VERIFY.txt (which keeps the Python check) and is listed
in the manifest like every other file; neither is signed."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from recourse.protocol.jws import fingerprint_words, key_id

GWIRIO = "GWIRIO.txt"


def verify_text_cy(officer: Ed25519PublicKey, force: Ed25519PublicKey) -> str:
    return f"""SUT I WIRIO'R BWNDEL TYSTIOLAETH HWN
====================================

Mae'r bwndel hwn yn cynnwys her neu gais gwrthrych am wybodaeth a lofnodwyd gan
swyddog heddlu, a'r dderbynneb a lofnodwyd gan yr heddlu ar ei gyfer. Mae'r ddau yn
Llofnodion Gwe JSON (RFC 7515) gydag EdDSA dros Ed25519 (RFC 8037), ar ffurf gryno:
tair rhan base64url wedi'u gwahanu gan ddotiau, PENNAWD.LLWYTH.LLOFNOD. Mae'r llofnod
yn cwmpasu'r testun ASCII PENNAWD.LLWYTH. JSON ar ffurf ganonaidd RFC 8785 yw'r llwyth.

Dynodydd allwedd y swyddog (ôl bawd RFC 7638): {key_id(officer)}
Ôl bys allwedd y swyddog:                    {fingerprint_words(officer)}
Dynodydd allwedd yr heddlu:                  {key_id(force)}
Ôl bys allwedd yr heddlu:                    {fingerprint_words(force)}

Cymharwch ôl bys yr heddlu â'r un a gyhoeddodd ei adran TG, a dynodydd allwedd y
swyddog â chofnod yr heddlu o'r allwedd a gofrestrodd y swyddog.

1. Mae'r dderbynneb yn cwmpasu'r union gyflwyniad hwn
-----------------------------------------------------
    sha256sum submission.jws
rhaid iddo argraffu'r gwerth "submission_sha256" sydd yn receipt.json.

2. Gyda Python
--------------
Mae'r rhaglen Python yn adran 2 o VERIFY.txt yn gwirio'r ddau lofnod a'r atodiadau;
rhedwch hi yn ffolder y bwndel. Neu: `recourse verify BWNDEL.zip`.

3. Gydag openssl (fersiwn 3 neu'n ddiweddarach)
-----------------------------------------------
    openssl pkeyutl -verify -pubin -inkey keys/officer.pem -rawin \\
        -in openssl/submission.input -sigfile openssl/submission.sig
    openssl pkeyutl -verify -pubin -inkey keys/force.pem -rawin \\
        -in openssl/receipt.input -sigfile openssl/receipt.sig
Mae pob un yn argraffu "Signature Verified Successfully".

Beth mae hyn yn ei brofi, a'r hyn nad yw'n ei brofi
---------------------------------------------------
Mae'n profi bod deiliad allwedd y swyddog wedi llofnodi'r union gynnwys sydd yn
submission.json, a bod deiliad allwedd yr heddlu wedi llofnodi derbynneb ar gyfer yr
union feitiau hynny, gan nodi pryd y cawsant eu derbyn gan yr heddlu, ei gyfeirnod a'r
dyddiad dyledus. Caiff yr atodiadau eu cwmpasu drwy'r crynoadau SHA-256 a lofnododd y
swyddog.

Nid yw'n profi mai'r swyddog biau'r allwedd (mae hynny'n dibynnu ar gofnod yr heddlu o'r
allwedd), bod y naill gloc na'r llall yn gywir, na bod yr heddlu wedi penderfynu dim.
Hwylustod yn unig yw summary.pdf, manifest.json a'r ffeil hon; nid ydynt wedi'u llofnodi.
"""

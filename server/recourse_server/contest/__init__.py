"""Contesting, the force's side: officers' signing keys, signed submissions with the
force's signed receipts, the reviewer's workflow and signed SAR response packages.

`tables` (the schema), `errors` (`ContestError`), `keys` (the receipt-signing key and
officers' keys), `intake` (attachments and submissions, with their receipts), `review`
(the state machine and the statutory clock), `sar` (the signed response package);
`router` (the /v1 endpoints) and `cli` (the `recourse-server review` commands) only
translate to those.
"""

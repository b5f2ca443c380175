"""Contesting, the force's side: officers' signing keys, signed submissions with the
force's signed receipts, the reviewer's workflow and signed SAR response packages.

`tables` (the schema), `services` (everything the API and the `review` command line
do, shared), `router` (the /v1 endpoints), `cli` (the `recourse-server review` commands).
"""

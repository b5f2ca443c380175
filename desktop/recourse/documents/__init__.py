"""Documents made for the officer: PDF letters and the evidence bundle's summary.

No Qt and no network; bytes out, for the caller to put in a bundle or a file the officer
chose. Its font ships as package data (`fonts/`).
"""

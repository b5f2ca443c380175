"""Deterministic synthetic data of a demo force and its demo accounts.

from recourse_server.synth import build_dataset, DEMO_ACCOUNTS, Account
data = build_dataset(seed=2026, ping_interval_minutes=15)
data.records("off-1042")   # lazy generator of wire Record dicts
data.flags("off-1042")     # wire FlagDetail dicts from the flag engine
"""

from recourse_server.synth.accounts import DEMO_ACCOUNTS, Account, account_by_officer_id
from recourse_server.synth.dataset import Dataset, build_dataset
from recourse_server.synth.places import RAISED_AT, RUN_DATE, WINDOW_END, YEAR_END, YEAR_START

__all__ = [
    "DEMO_ACCOUNTS",
    "RAISED_AT",
    "RUN_DATE",
    "WINDOW_END",
    "YEAR_END",
    "YEAR_START",
    "Account",
    "Dataset",
    "account_by_officer_id",
    "build_dataset",
]

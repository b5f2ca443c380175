"""The client's encrypted store (SQLCipher): unlock, schema, queries, search."""

from recourse.store.db import ANCHOR_STEP, Store
from recourse.store.errors import (
    NoProfile,
    OtherPassphraseOpens,
    ProfileExists,
    StoreDamaged,
    StoredDataUnreadable,
    StoreError,
    StoreUnavailable,
    TooSoon,
    UnsupportedSQLCipher,
    WrongPassphrase,
)
from recourse.store.header import CURRENT_KDF, MINIMUM_KDF, KdfParams
from recourse.store.members import MemberStores
from recourse.store.profile import Profile
from recourse.store.records import Draft, RecordQuery, StoredRecord, SyncStatus

__all__ = [
    "ANCHOR_STEP",
    "CURRENT_KDF",
    "MINIMUM_KDF",
    "Draft",
    "KdfParams",
    "MemberStores",
    "NoProfile",
    "OtherPassphraseOpens",
    "Profile",
    "ProfileExists",
    "RecordQuery",
    "Store",
    "StoreDamaged",
    "StoreError",
    "StoreUnavailable",
    "StoredDataUnreadable",
    "StoredRecord",
    "SyncStatus",
    "TooSoon",
    "UnsupportedSQLCipher",
    "WrongPassphrase",
]

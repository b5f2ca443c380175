"""A representative's members' data: one encrypted store per member, inside his profile.

Each member's records, flags, access log and requests are kept in a store of their own,
under the member's id, so that no query, count or export for one member can ever reach
another's. Its key is 32 random bytes kept as a secret of the representative's own
store, and its folder has a random name (the member's id appears only inside the
encrypted stores). Deleting a member destroys the key and removes the files: nothing of
the member's data is readable afterwards, even from a copy of the disk.
"""

from __future__ import annotations

import secrets
import shutil
from pathlib import Path
from typing import Any

from recourse.store.db import Store
from recourse.store.header import DerivedKeys
from recourse.store.profile import Profile

__all__ = ["MEMBERS_FOLDER", "MemberStores"]

MEMBERS_FOLDER = "members"
_INDEX = "members.index"  # setting: {officer_id: folder name}
_KEY = "members.key."  # secret prefix: the member store's database and MAC keys


class MemberStores:
    """The member stores of the representative whose own store is `store`."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.root = Path(store.path).parent / MEMBERS_FOLDER

    def _index(self) -> dict[str, str]:
        index: Any = self.store.get_setting(_INDEX, {})
        return {str(k): str(v) for k, v in index.items()} if isinstance(index, dict) else {}

    def known(self) -> list[str]:
        """The members whose data this PC holds, by id."""
        return sorted(self._index())

    def folder(self, officer_id: str) -> Path | None:
        name = self._index().get(officer_id)
        return None if name is None else self.root / name

    def open(self, officer_id: str) -> Store:
        """The member's store, made on first use. The caller closes it."""
        index = self._index()
        name = index.get(officer_id)
        key = self.store.get_secret(_KEY + officer_id)
        if name is None or key is None or len(key) != 64:
            if name is not None:
                self._remove_folder(name)
            name, key = secrets.token_hex(16), secrets.token_bytes(64)
            self.store.put_secret(_KEY + officer_id, key)
            index[officer_id] = name
            self.store.put_setting(_INDEX, index)
        keys = DerivedKeys(database_key=bytearray(key[:32]), mac_key=bytearray(key[32:]))
        return Profile(self.root / name).open_with_key(keys)

    def delete(self, officer_id: str) -> None:
        """Forget the member: the key first (so whatever is left cannot be read), then
        the files."""
        index = self._index()
        name = index.pop(officer_id, None)
        self.store.delete_secret(_KEY + officer_id)
        self.store.put_setting(_INDEX, index)
        if name is not None:
            self._remove_folder(name)

    def _remove_folder(self, name: str) -> None:
        folder = self.root / name
        if folder.parent == self.root and folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)

"""Category names and the small integer codes that records are stored under."""

from __future__ import annotations

from recourse.store.connection import Connection


class Categories:
    """The codes given so far, loaded at unlock; a code never changes once given."""

    def __init__(self, db: Connection) -> None:
        self._codes: dict[str, int] = {}
        self._names: dict[int, str] = {}
        for code, name in db.execute("SELECT code, name FROM categories"):
            self._remember(name, int(code))

    def _remember(self, name: str, code: int) -> None:
        self._codes[name] = code
        self._names[code] = name

    def code(self, name: str) -> int | None:
        """The category's code; None if nothing of it has ever been stored."""
        return self._codes.get(name)

    def name(self, code: int) -> str:
        return self._names.get(code, "unknown")

    def code_for(self, db: Connection, name: str) -> int:
        """The category's code, given now (in `db`'s transaction) if it has none yet."""
        code = self._codes.get(name)
        if code is None:
            row = db.execute("SELECT code FROM categories WHERE name = ?", (name,)).fetchone()
            if row is None:
                db.execute("INSERT INTO categories (name) VALUES (?)", (name,))
                row = db.execute("SELECT code FROM categories WHERE name = ?", (name,)).fetchone()
            code = int(row[0])
            self._remember(name, code)
        return code

"""What every screen is given: `AppContext`.

Screens receive one `AppContext` in their constructor and read collaborators from it
rather than importing globals:

* ``store`` — the unlocked `recourse.store.Store`, or None while locked;
* ``api`` — the `recourse.api.ApiClient` for the server, or None before sign-in;
* ``run_in_worker(fn, *args, key=None, pass_job=False, on_progress=None,
  on_success=None, on_failure=None, **kwargs) -> Job`` — the one helper that runs work
  off the GUI thread (`recourse.ui.workers`);
* ``settings`` — the settings registry bound to policy (`recourse.ui.settings_registry`);
  ``setting(SETTING)`` / ``put_setting(SETTING, value)`` read and write through the store;
* ``server_url`` — the server address in use;
* ``clock()`` — the current time as an aware UTC datetime (tests may inject one).

Signals: ``store_changed(object)`` when the store is opened or closed (None = locked),
``synced()`` after a sync finished and the store holds new data.

Kept free of heavy imports: it is on the path to the first (unlock) screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from recourse.ui.settings_registry import Setting, Settings
from recourse.ui.workers import Job, Workers

if TYPE_CHECKING:
    from pathlib import Path


def utc_now() -> datetime:
    return datetime.now(UTC)


class AppContext(QObject):
    store_changed = Signal(object)
    synced = Signal()

    def __init__(
        self,
        *,
        workers: Workers | None = None,
        settings: Settings | None = None,
        server_url: str | None = None,
        clock: Callable[[], datetime] = utc_now,
        store: Any = None,
        api: Any = None,
        profile_folder: Path | None = None,
        demo: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workers = workers if workers is not None else Workers(parent=self)
        self.settings = settings if settings is not None else Settings()
        self.server_url = server_url
        self.clock = clock
        self._store = store
        self.api = api
        self.profile_folder = profile_folder
        self.demo = demo

    @property
    def store(self) -> Any:
        return self._store

    @store.setter
    def store(self, store: Any) -> None:
        if store is not self._store:
            self._store = store
            self.store_changed.emit(store)

    def run_in_worker(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Job:
        return self.workers.run(fn, *args, **kwargs)

    def setting(self, setting: Setting) -> Any:
        return self.settings.get(self._store, setting)

    def put_setting(self, setting: Setting, value: object) -> None:
        if self._store is None:
            raise RuntimeError("the store is locked")
        self.settings.put(self._store, setting, value)


class Session:
    """The glue between the shell and the core's API client and sync engine.

    Everything here is imported lazily: the unlock screen must not pay for `requests`,
    `authlib` or pydantic models before the officer has typed a passphrase.
    """

    def __init__(self, context: AppContext,
                 opener: Callable[[str], object] | None = None) -> None:
        self.context = context
        self.opener = opener  # None: the system browser

    def connect(self, store: Any) -> Any:
        """Build the API client for the store's server and put it on the context."""
        from recourse import api as api_module

        url = self.context.server_url
        kwargs: dict[str, Any] = {"store": store}
        if self.opener is not None:
            kwargs["browser"] = self.opener
        self.context.api = api_module.ApiClient(url, **kwargs)
        return self.context.api

    def signed_in(self) -> bool:
        api = self.context.api
        if api is None:
            return False
        state = getattr(api, "signed_in", False)
        return bool(state() if callable(state) else state)

    def sign_in(self, handle: Any) -> None:  # worker
        self.context.api.sign_in(cancel=handle.cancel_event)

    def sign_out(self) -> None:  # worker
        self.context.api.sign_out()

    def sync(self, handle: Any) -> Any:  # worker
        from recourse.sync import SyncEngine

        engine = SyncEngine(self.context.api, self.context.store, progress=handle.report)
        return engine.run(cancel=handle.cancel_event)

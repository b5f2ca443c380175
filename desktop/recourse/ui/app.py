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
``synced()`` after a sync finished and the store holds new data, and
``data_changed(StoreChange)`` after any job changed what the store holds, whichever screen
ran it (one change, one notification: every screen that shows it follows; see
`AppContext.notify_changed`).

Kept free of heavy imports: it is on the path to the first (unlock) screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from recourse.ui.settings_registry import Setting, Settings
from recourse.ui.workers import Job, Workers

if TYPE_CHECKING:
    from pathlib import Path

    from recourse.api import ServerConnection, TokenSet
    from recourse.protocol.contest_wire import KeyRecord
    from recourse.store import Store
    from recourse.sync import SyncResult
    from recourse.ui.workers import JobHandle


def utc_now() -> datetime:
    return datetime.now(UTC)


#: What a change can touch; a screen lists the ones it shows (its ``shows`` attribute).
SUBMISSIONS = "submissions"  # challenges, requests, receipts, statuses, the outbox
FLAGS = "flags"  # flags and their statuses
RECORDS = "records"  # the officer's records, their counts and the access log
KEYS = "keys"  # this PC's signing keys and the force's pinned key
EVERYTHING = frozenset({SUBMISSIONS, FLAGS, RECORDS, KEYS})


@dataclass(frozen=True)
class StoreChange:
    """What a store-changing job changed, and who ran it (to skip its own refresh)."""

    kinds: frozenset[str]
    source: object = None
    #: A submission reached the force or waits to: the force's view of the flag changes
    #: with it, so the window syncs.
    sent: bool = False

    def touches(self, kinds: frozenset[str] | set[str]) -> bool:
        return bool(self.kinds & kinds)


#: How a rank is written before a name ("PC R. Hughes").
RANK_ABBREVIATIONS = {
    "Police Constable": "PC", "Detective Constable": "DC", "Police Sergeant": "PS",
    "Detective Sergeant": "DS", "Inspector": "Insp", "Detective Inspector": "DI",
    "Chief Inspector": "Ch Insp", "Detective Chief Inspector": "DCI",
    "Superintendent": "Supt", "Chief Superintendent": "Ch Supt",
}


@dataclass(frozen=True)
class ActingFor:
    """The member a representative is acting for, as his mandate names them: set on the
    context of the screens that show that member's data, so they speak of the member
    ("what the force holds about PC Hughes"), never to "you"."""

    officer_id: str
    name: str
    rank: str
    force_number: str
    mandate: str
    scope: tuple[str, ...]
    expires_at: datetime
    #: The representative's own name, for what the member later reads.
    representative: str = ""

    def _rank(self) -> str:
        return RANK_ABBREVIATIONS.get(self.rank, self.rank)

    @property
    def title(self) -> str:
        """Rank, initial and surname: "PC R. Hughes"."""
        parts = self.name.split()
        initials = " ".join(f"{p[0]}." for p in parts[:-1])
        return " ".join(x for x in (self._rank(), initials, parts[-1] if parts else "") if x)

    @property
    def short(self) -> str:
        """Rank and surname: "PC Hughes"."""
        parts = self.name.split()
        return " ".join(x for x in (self._rank(), parts[-1] if parts else "") if x)

    def can(self, scope: str) -> bool:
        return scope in self.scope


class NotForReviewers(Exception):
    """The signed-in account reviews challenges: that is done with the force's tools,
    not this client."""


class AppContext(QObject):
    store_changed = Signal(object)
    synced = Signal()
    data_changed = Signal(object)  # a StoreChange

    def __init__(
        self,
        *,
        workers: Workers | None = None,
        settings: Settings | None = None,
        server_url: str | None = None,
        clock: Callable[[], datetime] = utc_now,
        store: Store | None = None,
        api: ServerConnection | None = None,
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
        #: The member whose data these screens show, for a representative; None when the
        #: screens show the signed-in officer's own data.
        self.acting_for: ActingFor | None = None

    @property
    def store(self) -> Store | None:
        return self._store

    @store.setter
    def store(self, store: Store | None) -> None:
        if store is not self._store:
            self._store = store
            self.store_changed.emit(store)

    def keys_store(self) -> Store | None:
        """The store holding the signing keys and the force's pinned key: the signed-in
        account's own (a member's screens keep the member's data elsewhere)."""
        return self._store

    def notify_changed(self, *kinds: str, source: object = None, sent: bool = False) -> None:
        """Tell every screen that the store changed (on the GUI thread, after the job)."""
        unknown = set(kinds) - EVERYTHING
        if unknown:
            raise ValueError(f"unknown kinds of change: {sorted(unknown)}")
        self.data_changed.emit(StoreChange(frozenset(kinds), source, sent))

    def run_in_worker(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Job:
        return self.workers.run(fn, *args, **kwargs)

    def setting(self, setting: Setting) -> Any:
        return self.settings.get(self._store, setting)

    def put_setting(self, setting: Setting, value: object) -> None:
        if self._store is None:
            raise RuntimeError("the store is locked")
        self.settings.put(self._store, setting, value)


class Session:
    """The glue between the shell and the core: `ServerConnection`, sync, contest keys.

    `connect(store)` builds a `recourse.api.ServerConnection` (the `ApiClient` with its
    own OIDC sign-in, tokens kept only in the encrypted store) for the context's server
    address and puts it on ``context.api``. The methods taking ``handle`` run in a worker
    (`recourse.ui.workers`); the rest are quick and run on the GUI thread.

    Everything here is imported lazily: the unlock screen must not pay for `requests`,
    `authlib` or pydantic models before the officer has typed a passphrase.
    """

    def __init__(self, context: AppContext,
                 opener: Callable[[str], object] | None = None,
                 **connection_options: Any) -> None:
        self.context = context
        self.opener = opener  # None: the system browser
        #: Passed on to `ServerConnection` (ca_bundle, pinned_spki_sha256, timeouts…).
        self.connection_options = connection_options

    def connect(self, store: Store) -> ServerConnection | None:
        """Build the connection for the context's server address; None without one."""
        from recourse.api import ServerConnection

        self.disconnect()
        url = self.context.server_url
        if not url:
            return None
        tls = self.tls_options()
        options: dict[str, Any] = tls | dict(self.connection_options)
        origins = self.sign_in_origins()
        if origins:
            options["sign_in_endpoint_origins"] = origins
        if self.opener is not None:
            options["browser"] = self.opener
        try:
            self.context.api = ServerConnection(url, store, **options)
        except (OSError, ValueError) as exc:
            if not tls:
                raise
            # A missing CA file or a malformed pin: refuse rather than fall back to
            # weaker trust, and say whose setting it is.
            from recourse.api.errors import CertificateNotTrusted

            raise CertificateNotTrusted(
                "The security settings your IT department gave this PC for the server "
                "cannot be used, so Recourse did not connect. Your saved data is still "
                "available.") from exc
        return self.context.api

    def tls_options(self) -> dict[str, str]:
        """The CA bundle and public-key pin IT configured, as `ServerConnection` options.

        Only IT's settings count (policy, or the installer's defaults, which only an
        administrator can write): trust in the server is never the officer's to loosen.
        """
        from recourse.ui.settings_registry import CA_BUNDLE, SERVER_PUBLIC_KEY_PIN

        settings = self.context.settings
        options = {}
        if ca_bundle := settings.it_value(CA_BUNDLE):
            options["ca_bundle"] = str(ca_bundle)
        if pin := settings.it_value(SERVER_PUBLIC_KEY_PIN):
            options["pinned_spki_sha256"] = str(pin)
        return options

    def sign_in_origins(self) -> tuple[str, ...]:
        """The other sign-in addresses IT allowed (policy only, like the TLS trust)."""
        from recourse.ui.settings_registry import SIGN_IN_ENDPOINT_ORIGINS

        value = str(self.context.settings.policy.get(SIGN_IN_ENDPOINT_ORIGINS.key) or "")
        return tuple(o for o in value.replace(",", " ").split() if o)

    def disconnect(self) -> None:
        api, self.context.api = self.context.api, None
        if api is not None:
            api.close()

    def signed_in(self) -> bool:
        api = self.context.api
        return api is not None and bool(api.signed_in())

    def officer_id(self) -> str | None:
        api = self.context.api
        return api.officer_id if api is not None else None

    def sign_in(self, handle: JobHandle) -> TokenSet:  # worker
        api = self.context.api
        if api is None:
            raise RuntimeError("no server connection")
        return api.sign_in(cancel=handle.cancel_event)

    def prepare_contest(self, handle: JobHandle | None = None) -> KeyRecord | None:  # worker
        """Pin the force's receipt key and make sure this PC has a registered signing key.

        Called after sign-in; returns the key record, or None while the force's key has
        never been seen on this PC and IT configured none: trusting it on first use is
        the officer's decision, taken with its fingerprint on screen when they first
        contest something, never silently here. Raises the contest core's errors (for
        example `ServerKeyChanged`) for the shell to show softly.
        """
        from recourse.contest import ContestService
        from recourse.store.contest import ContestStore

        api, store = self.context.api, self.context.store
        if api is None or store is None:
            return None
        configured = self.configured_server_key()
        if configured is None and ContestStore(store).server_pin() is None:
            return None
        return ContestService(store, api, configured_server_key=configured).ensure_signing_key()

    def configured_server_key(self) -> str | None:
        """IT's receipt-key fingerprint from the policy file, if any (trust on first use
        otherwise)."""
        from recourse.ui.settings_registry import SERVER_KEY_FINGERPRINT

        value = self.context.settings.it_value(SERVER_KEY_FINGERPRINT)
        return str(value) if value else None

    def _sync_caseload(self, handle: JobHandle) -> SyncResult:  # worker
        """A representative's sync: each member's data into that member's store."""
        import time

        from recourse.contest.caseload import refresh_caseload_requests
        from recourse.sync import sync_caseload
        from recourse.sync.receipt_log import check_caseload_log

        api, store = self.context.api, self.context.store
        assert api is not None and store is not None
        started = time.monotonic()
        caseload = sync_caseload(api, store, progress=lambda _member, p: handle.report(p),
                                 cancel=handle.cancel_event)
        refresh_caseload_requests(api, store, list(caseload.members), caseload.changes)
        check_caseload_log(api, store, list(caseload.members))
        result = caseload.summary(time.monotonic() - started)
        store.record_sync(self.context.clock(), result.state, result.message)
        if result.state == "failed" and result.error is not None:
            raise result.error
        return result

    def sign_out(self) -> bool:  # worker
        api = self.context.api
        return bool(api.sign_out()) if api is not None else False

    def sync(self, handle: JobHandle) -> SyncResult:  # worker
        from recourse.sync import SyncEngine
        from recourse.sync.receipt_log import check_receipt_log

        api, store = self.context.api, self.context.store
        if api is None or store is None:
            raise RuntimeError("no server connection or no open store")
        me = store.me()
        if me is None:
            me = api.me()
            store.put_me(me)
        if me.role == "representative":
            return self._sync_caseload(handle)
        if me.role == "reviewer":
            raise NotForReviewers(me.name)
        engine = SyncEngine(api, store, progress=handle.report)
        result = engine.run(cancel=handle.cancel_event)
        if result.state == "ok":
            # Hold the force to its log of receipts; what is wrong is recorded in the store
            # (with its evidence) for the window to say, and never stops the sync.
            check_receipt_log(api, store)
        if result.state == "failed" and result.error is not None:
            # The engine records the failure and keeps what arrived; the shell shows it.
            raise result.error
        return result

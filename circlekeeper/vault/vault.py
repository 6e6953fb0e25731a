"""The vault: one random master key, wrapped under the facilitator's passphrase.

Notes are sealed with the master key (AES-256-GCM, the note id as associated data). The master
key is stored only wrapped by a key-encryption key derived from the passphrase, so changing the
passphrase re-wraps 32 bytes and never touches a note. The unwrapped key lives in a
``bytearray`` that ``lock()`` overwrites with zeros; it is never logged, stored or shown.

Time comes from an injected monotonic clock (the same :class:`Clock` the session engine uses)
and wall clock, and waiting from an injected ``sleep``, so the growing delay after wrong
passphrases and the idle lock are tested without waiting. Qt plays no part here: a bridge in
``ui/notes`` calls :meth:`Vault.check_idle` from a timer and turns listener calls into signals.

How the key is wrapped is :mod:`~circlekeeper.vault.key_wrap`, the passphrase's rules are
:mod:`~circlekeeper.vault.passphrase`, sealing notes again (legacy notes, a re-key) is
:mod:`~circlekeeper.vault.resealing`; this class keeps the key and says when it may be used.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from datetime import UTC, datetime

from circlekeeper.session.clock import Clock, MonotonicClock
from circlekeeper.vault.cipher import (
    FORMAT_V2,
    SealBroken,
    blob_version,
    note_associated_data,
    open_sealed,
    seal,
)
from circlekeeper.vault.errors import (
    VaultAlreadySetUp,
    VaultDamaged,
    VaultLocked,
    VaultNotSetUp,
    WrongPassphrase,
)
from circlekeeper.vault.header import NoteRecord, VaultHeader
from circlekeeper.vault.kdf import KEY_BYTES, KdfSettings, default_settings
from circlekeeper.vault.key_wrap import unwrap_master_key, wrap_master_key, zero
from circlekeeper.vault.passphrase import check_new_passphrase, retry_delay
from circlekeeper.vault.ports import NoteRepository, Sleep, VaultHeaderRepository, WallClock
from circlekeeper.vault.resealing import binding, reseal_legacy_notes, resealed_under

log = logging.getLogger(__name__)

DEFAULT_IDLE_MINUTES = 15

Listener = Callable[[bool], None]
"""Called with ``True`` when the vault unlocks and ``False`` when it locks."""


class Vault:
    """Locks and unlocks the master key; seals and opens note text with it."""

    def __init__(
        self,
        headers: VaultHeaderRepository,
        *,
        kdf: KdfSettings | None = None,
        clock: Clock | None = None,
        sleep: Sleep = time.sleep,
        wall: WallClock | None = None,
        idle_minutes: float | None = DEFAULT_IDLE_MINUTES,
        notes: NoteRepository | None = None,
    ) -> None:
        """``kdf`` defaults to the measured production settings; tests pass cheap ones.

        ``idle_minutes=None`` (or 0) switches the idle lock off. With ``notes`` (the app
        always passes them) a passphrase change is a real re-key (:meth:`change_passphrase`)
        and notes sealed in the old format are re-sealed at unlock.
        """
        self._headers = headers
        self._notes = notes
        self._kdf = kdf or default_settings()
        self._clock = clock or MonotonicClock()
        self._sleep = sleep
        self._wall = wall or (lambda: datetime.now(UTC))
        self._idle_seconds: float | None = None
        self.set_idle_minutes(idle_minutes)
        self._key: bytearray | None = None
        self._last_activity = self._clock.now()
        self._last_activity_wall = self._wall()
        self._failures = 0
        self._not_before = 0.0
        self._listeners: list[Listener] = []

    # ---------------------------------------------------------------- state

    @property
    def is_set_up(self) -> bool:
        return self._headers.load() is not None

    @property
    def is_unlocked(self) -> bool:
        return self._key is not None

    @property
    def kdf_settings(self) -> KdfSettings:
        return self._kdf

    @property
    def idle_minutes(self) -> float | None:
        return None if self._idle_seconds is None else self._idle_seconds / 60

    def set_idle_minutes(self, minutes: float | None) -> None:
        if minutes is not None and minutes < 0:
            raise ValueError("idle minutes cannot be negative")
        self._idle_seconds = minutes * 60 if minutes else None

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def retry_wait(self) -> float:
        """Seconds until another passphrase attempt is accepted without waiting (UI countdown)."""
        return max(0.0, self._not_before - self._clock.now())

    @property
    def failed_attempts(self) -> int:
        return self._failures

    # -------------------------------------------------------------- set-up

    def create(self, passphrase: str) -> None:
        """First use: make a random master key, wrap it, store the header, stay unlocked."""
        if self._headers.load() is not None:
            raise VaultAlreadySetUp()
        check_new_passphrase(passphrase)
        master = bytearray(os.urandom(KEY_BYTES))
        try:
            # One atomic INSERT: of two set-ups at once, the second is refused, never kept.
            self._headers.create(self._wrap(master, passphrase, self._kdf, created_at=None))
        except BaseException:
            zero(master)
            raise
        log.info("Private notes vault created (%s)", self._kdf.kdf)
        self._set_key(master)

    def unlock(self, passphrase: str) -> None:
        """Unwrap the master key, or raise ``WrongPassphrase`` / ``VaultDamaged``.

        After a wrong passphrase the next attempt waits (1 s, 2 s, 4 s… up to 30 s): cheap
        for a person who mistyped, slow for anyone trying a list of guesses.
        """
        header = self._headers.load()
        if header is None:
            raise VaultNotSetUp()
        wait = self.retry_wait()
        if wait > 0:
            self._sleep(wait)
        master = self._unwrap(header, passphrase)
        self._failures = 0
        self._not_before = 0.0
        if not KdfSettings(header.kdf, dict(header.kdf_params)).at_least(self._kdf):
            # Raised defaults reach existing vaults the next time the right passphrase is given.
            try:
                self._headers.save(self._wrap(master, passphrase, self._kdf, header.created_at))
            except BaseException:
                zero(master)
                raise
            log.info("Private notes: key derivation parameters raised to %s", self._kdf.kdf)
        if self._key is not None:
            zero(self._key)
        self._set_key(master)
        log.info("Private notes unlocked")
        self._reseal_legacy_notes()

    def change_passphrase(self, old: str, new: str) -> None:
        """A real re-key: a new master key, every note re-sealed under it, one transaction.

        The new header and every re-sealed note are written together (the store's
        ``rekey``), so a crash leaves the old passphrase, key and notes, or the new ones,
        never a mix. Afterwards the old passphrase opens nothing written from now on, even
        with an old backup's header. Without a note repository (tests of the key alone)
        the same master key is re-wrapped instead.
        """
        check_new_passphrase(new)
        header = self._headers.load()
        if header is None:
            raise VaultNotSetUp()
        wait = self.retry_wait()
        if wait > 0:
            self._sleep(wait)
        master = self._unwrap(header, old)
        self._failures = 0
        if self._notes is None:
            try:
                self._headers.save(self._wrap(master, new, self._kdf, header.created_at))
            finally:
                zero(master)
            log.info("Private notes passphrase changed")
            self.touch()
            return
        fresh = bytearray(os.urandom(KEY_BYTES))
        try:
            pairs = resealed_under(self._notes, master, fresh)
            self._notes.rekey(self._wrap(fresh, new, self._kdf, header.created_at), pairs)
        except BaseException:
            zero(fresh)
            raise
        finally:
            zero(master)
        if self._key is not None:
            zero(self._key)
        self._set_key(fresh)
        log.info("Private notes re-keyed: new passphrase, new key, %d notes re-sealed", len(pairs))

    def lock(self) -> None:
        """Forget the master key (zeroed in place) and tell the listeners."""
        if self._key is None:
            return
        zero(self._key)
        self._key = None
        log.info("Private notes locked")
        self._notify(False)

    # ----------------------------------------------------------------- idle

    def touch(self) -> None:
        """The facilitator did something: the idle countdown starts again."""
        self._last_activity = self._clock.now()
        self._last_activity_wall = self._wall()

    def idle_remaining(self) -> float | None:
        """Seconds until the idle lock, by whichever clock says more time has passed.

        A monotonic clock stops while the laptop sleeps (Linux, macOS), so a lid closed for
        an hour would not count; the wall clock does count it. Taking the larger of the two
        idle spans locks after sleep, and a wall clock set back cannot keep the vault open.
        """
        if self._idle_seconds is None or self._key is None:
            return None
        idle = max(
            self._clock.now() - self._last_activity,
            (self._wall() - self._last_activity_wall).total_seconds(),
        )
        return max(0.0, self._idle_seconds - idle)

    def check_idle(self) -> bool:
        """Lock if nobody touched the vault for the idle time; True when it locked just now."""
        remaining = self.idle_remaining()
        if remaining is not None and remaining <= 0:
            log.info("Private notes locked after %.0f idle minutes", self.idle_minutes or 0)
            self.lock()
            return True
        return False

    # ------------------------------------------------------------ sealing

    def encrypt(self, text: str, note_id: str, record: NoteRecord | None = None) -> bytes:
        """Seal note text; with ``record`` (its session, person, creation time) as version 2."""
        if record is None:
            return seal(self._require_key(), text.encode("utf-8"), note_associated_data(note_id))
        return seal(self._require_key(), text.encode("utf-8"), binding(record), FORMAT_V2)

    def decrypt(self, blob: bytes, note_id: str, record: NoteRecord | None = None) -> str:
        """Open one note; a blob that fails authentication raises ``VaultDamaged``.

        A version 2 blob opens only with the ``record`` it was sealed for: the same note id,
        session, person and creation time (a note moved elsewhere is "damaged").
        """
        if blob_version(blob) == FORMAT_V2:
            associated = binding(record) if record is not None else b"?"
        else:
            associated = note_associated_data(note_id)
        try:
            plain = open_sealed(self._require_key(), blob, associated)
        except SealBroken as error:
            raise VaultDamaged(
                "A private note could not be read: its stored data is damaged."
            ) from error
        return plain.decode("utf-8")

    def require_unlocked(self) -> None:
        """Raise ``VaultLocked`` unless unlocked (and not past the idle time)."""
        self._require_key()

    # ------------------------------------------------------------ internals

    def _reseal_legacy_notes(self) -> None:
        """Re-seal version 1 notes (bound to their id only) as version 2, in one transaction.

        A version 1 note that does not open is left as it is (shown as damaged), so nothing
        that was readable is lost and nothing unreadable is made to look valid.
        """
        if self._notes is None or self._key is None:
            return
        reseal_legacy_notes(self._notes, self._key)

    def _require_key(self) -> bytearray:
        self.check_idle()
        if self._key is None:
            raise VaultLocked()
        return self._key

    def _set_key(self, master: bytearray) -> None:
        self._key = master
        self.touch()
        self._notify(True)

    def _notify(self, unlocked: bool) -> None:
        for listener in list(self._listeners):
            listener(unlocked)

    def _wrap(
        self,
        master: bytearray,
        passphrase: str,
        settings: KdfSettings,
        created_at: datetime | None,
    ) -> VaultHeader:
        return wrap_master_key(master, passphrase, settings, created_at or self._wall())

    def _unwrap(self, header: VaultHeader, passphrase: str) -> bytearray:
        """The master key; a wrong passphrase counts towards the growing wait."""
        try:
            return unwrap_master_key(header, passphrase)
        except WrongPassphrase:
            self._failures += 1
            self._not_before = self._clock.now() + retry_delay(self._failures)
            log.warning("Wrong passphrase for private notes (attempt %d)", self._failures)
            raise

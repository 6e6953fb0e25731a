"""Creating, unlocking, locking and re-wrapping the vault, as a facilitator meets them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from circlekeeper.errors import UserFacingError
from circlekeeper.session.clock import FakeClock
from circlekeeper.vault import (
    PassphraseRejected,
    Vault,
    VaultAlreadySetUp,
    VaultDamaged,
    VaultLocked,
    VaultNotSetUp,
    WrongPassphrase,
    fast_settings,
)
from circlekeeper.vault.kdf import SCRYPT_FAST, KdfSettings, default_settings
from circlekeeper.vault.passphrase import retry_delay
from tests.vault.conftest import PASSPHRASE, SleepRecorder
from tests.vault.fakes import MemoryHeaders


def test_create_stores_only_a_wrapped_key_and_stays_unlocked(
    vault: Vault, headers: MemoryHeaders
) -> None:
    assert not vault.is_set_up
    vault.create(PASSPHRASE)
    assert vault.is_set_up and vault.is_unlocked
    header = headers.header
    assert header is not None
    assert header.kdf == fast_settings().kdf
    assert header.kdf_params == fast_settings().params
    assert len(header.salt) == 16
    assert len(header.wrapped_key) == 1 + 12 + 32 + 16
    assert PASSPHRASE.encode() not in header.wrapped_key + header.verifier + header.salt
    assert header.created_at is not None and header.created_at.tzinfo is not None


def test_a_second_create_is_refused(unlocked: Vault) -> None:
    with pytest.raises(VaultAlreadySetUp):
        unlocked.create("another passphrase")


@pytest.mark.parametrize("weak", ["", "       ", "short", "1234567", "  ab  cd  "])
def test_too_short_passphrases_are_refused_with_a_reason(vault: Vault, weak: str) -> None:
    with pytest.raises(PassphraseRejected, match="at least 8 characters"):
        vault.create(weak)
    assert not vault.is_set_up


def test_unlock_before_set_up_says_so(vault: Vault) -> None:
    with pytest.raises(VaultNotSetUp):
        vault.unlock(PASSPHRASE)


def test_lock_then_unlock_gives_back_the_same_key(unlocked: Vault) -> None:
    blob = unlocked.encrypt("Amal asked about the food bank", "n1")
    unlocked.lock()
    assert not unlocked.is_unlocked
    with pytest.raises(VaultLocked):
        unlocked.decrypt(blob, "n1")
    unlocked.unlock(PASSPHRASE)
    assert unlocked.decrypt(blob, "n1") == "Amal asked about the food bank"


def test_a_fresh_vault_object_opens_with_the_passphrase(headers: MemoryHeaders) -> None:
    first = Vault(headers, kdf=fast_settings())
    first.create(PASSPHRASE)
    blob = first.encrypt("note", "n1")
    second = Vault(headers, kdf=fast_settings())
    assert not second.is_unlocked
    second.unlock(PASSPHRASE)
    assert second.decrypt(blob, "n1") == "note"


@pytest.mark.parametrize(
    "passphrase",
    ["כל הכבוד לכולם 🌿", "山田さんの秘密のことば", "مرحبا بكم في الدائرة", "<b>&amp;</b> " * 3],
)
def test_any_script_works_as_a_passphrase(headers: MemoryHeaders, passphrase: str) -> None:
    vault = Vault(headers, kdf=fast_settings())
    vault.create(passphrase)
    vault.lock()
    vault.unlock(passphrase)
    assert vault.is_unlocked


def test_composed_and_decomposed_accents_are_the_same_passphrase(headers: MemoryHeaders) -> None:
    vault = Vault(headers, kdf=fast_settings())
    vault.create("caf\u00e9 au lait le matin")
    vault.lock()
    vault.unlock("cafe\u0301 au lait le matin")
    assert vault.is_unlocked


def test_wrong_passphrase_is_told_apart_and_nothing_unlocks(unlocked: Vault) -> None:
    unlocked.lock()
    with pytest.raises(WrongPassphrase) as caught:
        unlocked.unlock("correct horse battery stapler")
    assert isinstance(caught.value, UserFacingError)
    assert "not right" in str(caught.value)
    assert not unlocked.is_unlocked


def test_wrong_attempts_wait_longer_each_time_and_reset_on_success(
    unlocked: Vault, sleeper: SleepRecorder, clock: FakeClock
) -> None:
    unlocked.lock()
    for _ in range(4):
        with pytest.raises(WrongPassphrase):
            unlocked.unlock("not the passphrase")
    # The first attempt runs at once; the next ones waited 1, 2, 4 seconds.
    assert sleeper.waits == [1.0, 2.0, 4.0]
    assert unlocked.retry_wait() == 8.0
    clock.advance(3.0)
    assert unlocked.retry_wait() == 5.0
    unlocked.unlock(PASSPHRASE)
    assert sleeper.waits[-1] == 5.0
    assert unlocked.failed_attempts == 0 and unlocked.retry_wait() == 0.0


def test_the_delay_grows_but_stays_short() -> None:
    assert [retry_delay(n) for n in range(8)] == [0, 1, 2, 4, 8, 16, 30, 30]


def test_no_wait_when_the_ui_already_counted_down(
    unlocked: Vault, sleeper: SleepRecorder, clock: FakeClock
) -> None:
    unlocked.lock()
    with pytest.raises(WrongPassphrase):
        unlocked.unlock("nope nope nope")
    clock.advance(unlocked.retry_wait())
    unlocked.unlock(PASSPHRASE)
    assert sleeper.waits == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda h: replace(h, wrapped_key=h.wrapped_key[:-1] + bytes([h.wrapped_key[-1] ^ 1])),
        lambda h: replace(h, salt=bytes([h.salt[0] ^ 0x80]) + h.salt[1:]),
        lambda h: replace(h, verifier=h.verifier[:5] + bytes([h.verifier[5] ^ 1]) + h.verifier[6:]),
        lambda h: replace(h, verifier=b""),
        lambda h: replace(h, kdf="rot13"),
        lambda h: replace(h, kdf_params={}),
        lambda h: replace(h, salt=b""),
    ],
    ids=["wrapped-key", "salt", "checksum", "no-verifier", "kdf-name", "no-params", "no-salt"],
)
def test_damaged_header_is_not_reported_as_a_wrong_passphrase(
    unlocked: Vault, headers: MemoryHeaders, damage, sleeper: SleepRecorder
) -> None:
    unlocked.lock()
    assert headers.header is not None
    headers.header = damage(headers.header)
    with pytest.raises(VaultDamaged, match="Restore a backup"):
        unlocked.unlock(PASSPHRASE)
    assert not unlocked.is_unlocked
    assert unlocked.failed_attempts == 0


def test_damaged_header_with_a_wrong_passphrase_still_says_damaged(
    unlocked: Vault, headers: MemoryHeaders
) -> None:
    unlocked.lock()
    assert headers.header is not None
    headers.header = replace(headers.header, wrapped_key=headers.header.wrapped_key[:-2] + b"xx")
    with pytest.raises(VaultDamaged):
        unlocked.unlock("whatever they typed")


def test_change_passphrase_rewraps_only_the_key(unlocked: Vault, headers: MemoryHeaders) -> None:
    blob = unlocked.encrypt("kept", "n1")
    before = headers.header
    unlocked.change_passphrase(PASSPHRASE, "a brand new passphrase")
    after = headers.header
    assert before is not None and after is not None
    assert after.salt != before.salt and after.wrapped_key != before.wrapped_key
    assert after.created_at == before.created_at
    unlocked.lock()
    with pytest.raises(WrongPassphrase):
        unlocked.unlock(PASSPHRASE)
    unlocked._not_before = 0.0  # the delay is tested elsewhere
    unlocked.unlock("a brand new passphrase")
    assert unlocked.decrypt(blob, "n1") == "kept"


def test_change_passphrase_needs_the_old_one(unlocked: Vault, headers: MemoryHeaders) -> None:
    before = headers.header
    with pytest.raises(WrongPassphrase):
        unlocked.change_passphrase("not the old one", "a brand new passphrase")
    assert headers.header is before


def test_change_passphrase_refuses_a_weak_new_one(unlocked: Vault, headers: MemoryHeaders) -> None:
    before = headers.header
    with pytest.raises(PassphraseRejected):
        unlocked.change_passphrase(PASSPHRASE, "short")
    assert headers.header is before


def test_a_crash_while_changing_the_passphrase_loses_nothing(
    unlocked: Vault, headers: MemoryHeaders
) -> None:
    blob = unlocked.encrypt("still here", "n1")
    headers.fail_next_save = True
    with pytest.raises(OSError):
        unlocked.change_passphrase(PASSPHRASE, "a brand new passphrase")
    fresh = Vault(headers, kdf=fast_settings())
    fresh.unlock(PASSPHRASE)
    assert fresh.decrypt(blob, "n1") == "still here"


def test_idle_lock_after_the_configured_minutes(unlocked: Vault, clock: FakeClock) -> None:
    events: list[bool] = []
    unlocked.add_listener(events.append)
    clock.advance(14 * 60)
    assert not unlocked.check_idle()
    unlocked.touch()
    clock.advance(14 * 60)
    assert not unlocked.check_idle() and unlocked.is_unlocked
    clock.advance(60)
    assert unlocked.check_idle()
    assert not unlocked.is_unlocked
    assert events == [False]


def test_an_expired_vault_refuses_to_decrypt_even_without_a_timer(
    unlocked: Vault, clock: FakeClock
) -> None:
    blob = unlocked.encrypt("x", "n1")
    clock.advance(15 * 60 + 1)
    with pytest.raises(VaultLocked):
        unlocked.decrypt(blob, "n1")


def test_idle_minutes_can_be_changed_or_switched_off(unlocked: Vault, clock: FakeClock) -> None:
    unlocked.set_idle_minutes(2)
    clock.advance(121)
    assert unlocked.check_idle()
    unlocked.unlock(PASSPHRASE)
    unlocked.set_idle_minutes(None)
    clock.advance(24 * 3600)
    assert not unlocked.check_idle() and unlocked.is_unlocked


def test_listeners_hear_unlock_and_lock(vault: Vault) -> None:
    events: list[bool] = []
    vault.add_listener(events.append)
    vault.create(PASSPHRASE)
    vault.lock()
    vault.lock()  # already locked: no second notice
    vault.unlock(PASSPHRASE)
    assert events == [True, False, True]


def test_lock_zeroes_the_key_in_place(unlocked: Vault) -> None:
    key = unlocked._key
    assert key is not None and any(key)
    unlocked.lock()
    assert key == bytearray(32)


def test_weaker_stored_parameters_are_raised_on_the_next_unlock(headers: MemoryHeaders) -> None:
    cheap = KdfSettings(SCRYPT_FAST.kdf, dict(SCRYPT_FAST.params))
    Vault(headers, kdf=cheap).create(PASSPHRASE)
    stronger = KdfSettings(cheap.kdf, {**cheap.params, "n": cheap.params["n"] * 2})
    vault = Vault(headers, kdf=stronger)
    vault.unlock(PASSPHRASE)
    assert headers.header is not None and headers.header.kdf_params == stronger.params
    vault.lock()
    Vault(headers, kdf=stronger).unlock(PASSPHRASE)


def test_scrypt_vaults_open_too(headers: MemoryHeaders) -> None:
    vault = Vault(headers, kdf=SCRYPT_FAST)
    vault.create(PASSPHRASE)
    vault.lock()
    Vault(headers, kdf=SCRYPT_FAST).unlock(PASSPHRASE)


def test_production_defaults_are_memory_hard() -> None:
    settings = default_settings()
    if settings.kdf == "argon2id":
        assert settings.params["memory_kib"] >= 64 * 1024
    else:
        assert settings.params["n"] >= 2**16


def test_a_failed_parameter_upgrade_leaves_the_vault_locked_and_intact(
    headers: MemoryHeaders,
) -> None:
    Vault(headers, kdf=SCRYPT_FAST).create(PASSPHRASE)
    before = headers.header
    stronger = KdfSettings(SCRYPT_FAST.kdf, {**SCRYPT_FAST.params, "n": 2**5})
    vault = Vault(headers, kdf=stronger)
    headers.fail_next_save = True
    with pytest.raises(OSError):
        vault.unlock(PASSPHRASE)
    assert not vault.is_unlocked and headers.header is before
    vault.unlock(PASSPHRASE)
    assert vault.is_unlocked


class MovableWall:
    def __init__(self) -> None:
        from datetime import UTC, datetime

        self.now = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)

    def __call__(self):  # type: ignore[no-untyped-def]
        return self.now

    def advance(self, seconds: float) -> None:
        from datetime import timedelta

        self.now += timedelta(seconds=seconds)


def test_time_asleep_counts_as_idle(headers: MemoryHeaders, clock: FakeClock) -> None:
    """The monotonic clock stops while the lid is closed; the wall clock does not."""
    wall = MovableWall()
    vault = Vault(headers, kdf=fast_settings(), clock=clock, wall=wall)
    vault.create(PASSPHRASE)
    wall.advance(2 * 3600)  # suspended for two hours: the monotonic clock did not move
    assert vault.check_idle()
    assert not vault.is_unlocked


def test_a_wall_clock_set_back_does_not_keep_the_vault_open(
    headers: MemoryHeaders, clock: FakeClock
) -> None:
    wall = MovableWall()
    vault = Vault(headers, kdf=fast_settings(), clock=clock, wall=wall)
    vault.create(PASSPHRASE)
    wall.advance(-3600)
    clock.advance(15 * 60)
    assert vault.check_idle()

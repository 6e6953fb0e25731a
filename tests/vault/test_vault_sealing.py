"""Note sealing: fresh nonces, ids bound in, damage detected."""

from __future__ import annotations

import pytest

from circlekeeper.vault import Vault, VaultDamaged


def test_the_same_text_twice_gives_different_ciphertexts(unlocked: Vault) -> None:
    first = unlocked.encrypt("same words", "n1")
    second = unlocked.encrypt("same words", "n1")
    assert first != second
    assert first[1:13] != second[1:13]  # the nonces differ


def test_a_ciphertext_moved_to_another_note_fails(unlocked: Vault) -> None:
    blob = unlocked.encrypt("about Jonas", "note-a")
    with pytest.raises(VaultDamaged):
        unlocked.decrypt(blob, "note-b")


@pytest.mark.parametrize("where", [0, 5, 20, -1])
def test_any_flipped_byte_is_caught(unlocked: Vault, where: int) -> None:
    blob = bytearray(unlocked.encrypt("integrity matters", "n1"))
    blob[where] ^= 0x01
    with pytest.raises(VaultDamaged, match="damaged"):
        unlocked.decrypt(bytes(blob), "n1")


def test_truncated_blobs_are_damaged_not_crashes(unlocked: Vault) -> None:
    for blob in (b"", b"\x01", b"\x01" + b"\0" * 20):
        with pytest.raises(VaultDamaged):
            unlocked.decrypt(blob, "n1")


@pytest.mark.parametrize(
    "text",
    ["x" * 10_000, "🌿🕯️💬", "שלום, זה בסדר", "الحمد لله", "山田さんは元気です", "<b>&amp;</b>\n\t"],
)
def test_every_script_round_trips(unlocked: Vault, text: str) -> None:
    assert unlocked.decrypt(unlocked.encrypt(text, "n1"), "n1") == text


def test_a_key_from_another_vault_cannot_read(unlocked: Vault) -> None:
    from circlekeeper.vault import fast_settings
    from tests.vault.fakes import MemoryHeaders

    other = Vault(MemoryHeaders(), kdf=fast_settings())
    other.create("a different vault passphrase")
    with pytest.raises(VaultDamaged):
        other.decrypt(unlocked.encrypt("private", "n1"), "n1")


def test_any_text_and_id_round_trip_and_stay_bound() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from circlekeeper.vault import fast_settings
    from tests.vault.fakes import MemoryHeaders

    vault = Vault(MemoryHeaders(), kdf=fast_settings(), idle_minutes=None)
    vault.create("a property-test passphrase")

    @settings(max_examples=200, deadline=None)
    @given(st.text(max_size=2000), st.text(min_size=1, max_size=64), st.text(max_size=64))
    def check(text: str, note_id: str, other_id: str) -> None:
        blob = vault.encrypt(text, note_id)
        assert vault.decrypt(blob, note_id) == text
        assert text.encode("utf-8") not in blob or len(text) < 4
        if other_id != note_id:
            with pytest.raises(VaultDamaged):
                vault.decrypt(blob, other_id)

    check()

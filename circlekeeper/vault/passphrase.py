"""The passphrase's rules: how long a new one must be, how it is read, how long a guess waits.

The vault turns a passphrase into a key (:mod:`circlekeeper.vault.key_wrap`); these rules
are what a person meets before that: a short passphrase is refused with a sentence saying
why, the same passphrase typed through another keyboard is the same passphrase, and every
wrong one in a row doubles the wait before the next try.
"""

from __future__ import annotations

import unicodedata

from circlekeeper.i18n import _
from circlekeeper.vault.errors import PassphraseRejected

MIN_PASSPHRASE_CHARS = 8
FIRST_DELAY_SECONDS = 1.0
MAX_DELAY_SECONDS = 30.0


def retry_delay(failures: int) -> float:
    """Seconds to wait before the next attempt after ``failures`` wrong passphrases in a row."""
    if failures <= 0:
        return 0.0
    return min(FIRST_DELAY_SECONDS * 2.0 ** (failures - 1), MAX_DELAY_SECONDS)


def normalize(passphrase: str) -> bytes:
    """The passphrase's bytes, the same however it was typed."""
    # The same passphrase typed through different keyboards or input methods can arrive as
    # composed or decomposed Unicode ("é" vs "e" + accent); NFC makes them one passphrase.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def check_new_passphrase(passphrase: str) -> None:
    """Refuse passphrases too short to protect anything, with a sentence saying why."""
    if len(passphrase.strip()) < MIN_PASSPHRASE_CHARS:
        raise PassphraseRejected(
            _(
                "Choose a passphrase of at least {count} characters. A short sentence is easy"
                " to remember and hard to guess."
            ).format(count=MIN_PASSPHRASE_CHARS)
        )

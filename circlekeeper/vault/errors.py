"""Errors of the private-notes vault, each a sentence a facilitator can act on.

``WrongPassphrase`` and ``VaultDamaged`` are deliberately distinct: a person who mistyped
should try again, while damaged data needs a backup; telling them apart is what the header's
verifier is for.
"""

from __future__ import annotations

from circlekeeper.errors import UserFacingError
from circlekeeper.i18n import _


class VaultError(UserFacingError):
    """Anything the vault refuses to do."""


class WrongPassphrase(VaultError):
    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or _("That passphrase is not right. Please try again."))


class VaultDamaged(VaultError):
    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or _(
                "The private notes could not be opened because their stored key is damaged."
                " Restore a backup of the database to read them again."
            )
        )


class VaultLocked(VaultError):
    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message or _("Private notes are locked. Unlock them with your passphrase first.")
        )


class VaultNotSetUp(VaultError):
    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message or _("Private notes are not set up yet. Choose a passphrase first.")
        )


class VaultAlreadySetUp(VaultError):
    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or _(
                "Private notes already have a passphrase. Use “Change passphrase” to choose a"
                " new one."
            )
        )


class PassphraseRejected(VaultError):
    """A new passphrase that does not meet the minimum (too short, or only spaces)."""


class NoteRejected(VaultError):
    """A note that cannot be saved as written (empty, far too long)."""


class NoteNotFound(VaultError):
    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or _("That note no longer exists; it may have been deleted."))

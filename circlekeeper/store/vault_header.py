"""Each facilitator's vault header: their wrapped key and KDF parameters (never the key).

One row per facilitator (``UNIQUE(owner)``). Creating a vault is one INSERT, so two set-ups at
once cannot both succeed: the second gets :class:`VaultAlreadySetUp` instead of silently
replacing the first (notes sealed under the losing passphrase would be lost for good). A
passphrase change is one UPDATE of the facilitator's own row. On PostgreSQL row-level
security lets a facilitator see and change only their own row, even through ``psql``.
"""

from __future__ import annotations

from sqlalchemy import Engine, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from circlekeeper.store import codec
from circlekeeper.store.changed import rows_changed
from circlekeeper.store.models import VaultHeaderRow
from circlekeeper.store.wal import checkpoint
from circlekeeper.vault.errors import VaultAlreadySetUp, VaultNotSetUp
from circlekeeper.vault.header import VaultHeader


class VaultHeaderRepository:
    def __init__(self, engine: Engine, owner: str) -> None:
        self._engine = engine
        self.owner = owner

    def load(self) -> VaultHeader | None:
        with Session(self._engine) as s:
            row = s.scalars(
                select(VaultHeaderRow).where(VaultHeaderRow.owner == self.owner)
            ).first()
            if row is None:
                return None
            return VaultHeader(
                kdf=row.kdf,
                kdf_params={
                    str(k): int(v) for k, v in codec.loads(row.kdf_params_json, {}).items()
                },
                salt=bytes(row.salt),
                wrapped_key=bytes(row.wrapped_key),
                verifier=bytes(row.verifier),
                created_at=row.created_at,
            )

    def create(self, header: VaultHeader) -> None:
        """The facilitator's first header, atomically: :class:`VaultAlreadySetUp` if one exists."""
        try:
            with Session(self._engine) as s, s.begin():
                s.add(VaultHeaderRow(owner=self.owner, **header_columns(header)))
        except IntegrityError as error:
            raise VaultAlreadySetUp() from error

    def save(self, header: VaultHeader) -> None:
        """Replace the facilitator's header in one UPDATE (a passphrase change, all or nothing)."""
        with Session(self._engine) as s, s.begin():
            changed = rows_changed(
                s.execute(
                    update(VaultHeaderRow)
                    .where(VaultHeaderRow.owner == self.owner)
                    .values(**header_columns(header))
                )
            )
            if changed != 1:
                raise VaultNotSetUp()
        checkpoint(self._engine)


def header_columns(header: VaultHeader) -> dict[str, object]:
    return {
        "kdf": header.kdf,
        "kdf_params_json": codec.dumps(dict(header.kdf_params)),
        "salt": bytes(header.salt),
        "wrapped_key": bytes(header.wrapped_key),
        "verifier": bytes(header.verifier),
        "created_at": header.created_at,
    }

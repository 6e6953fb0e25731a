"""The vault header: the wrapped key and KDF parameters (never the key itself), one row."""

from __future__ import annotations

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from circlekeeper.store import codec
from circlekeeper.store.models import VaultHeaderRow
from circlekeeper.store.wal import checkpoint
from circlekeeper.vault.header import VaultHeader


class VaultHeaderRepository:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def load(self) -> VaultHeader | None:
        with Session(self._engine) as s:
            row = s.scalars(select(VaultHeaderRow).order_by(VaultHeaderRow.id)).first()
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

    def save(self, header: VaultHeader) -> None:
        """Replace the header in one transaction (a passphrase change is all or nothing)."""
        with Session(self._engine) as s, s.begin():
            s.execute(delete(VaultHeaderRow))
            s.add(
                VaultHeaderRow(
                    id=1,
                    kdf=header.kdf,
                    kdf_params_json=codec.dumps(dict(header.kdf_params)),
                    salt=bytes(header.salt),
                    wrapped_key=bytes(header.wrapped_key),
                    verifier=bytes(header.verifier),
                    created_at=header.created_at,
                )
            )
        checkpoint(self._engine)

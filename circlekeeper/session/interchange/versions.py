"""Which version of the session file holds what: a file says its version, and an older file
cannot carry what a later version introduced (saying so beats guessing what it meant)."""

from __future__ import annotations

from typing import Any

from circlekeeper.i18n import _
from circlekeeper.session import events as ev
from circlekeeper.session.document import FORMAT, VERSION, InvalidSessionFile


def check_header(data: dict[str, Any]) -> int:
    """Checks format and version; returns the version (every version up to ours is read)."""
    if data.get("format") != FORMAT:
        raise InvalidSessionFile(
            "format",
            _("expected {expected}, found {found}").format(
                expected=repr(FORMAT), found=repr(data.get("format"))
            ),
        )
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise InvalidSessionFile("version", _("must be a whole number"))
    if version > VERSION:
        raise InvalidSessionFile(
            "version",
            _(
                "the file is version {version}, newer than this CircleKeeper reads"
                " ({newest}); update CircleKeeper to import it"
            ).format(version=version, newest=VERSION),
        )
    if version < 1:
        raise InvalidSessionFile("version", _("unknown version {version}").format(version=version))
    return version


# What each session file version added to the log: event kinds and payload fields.
KINDS_ADDED = {
    3: frozenset({ev.PassReconsidered.kind, ev.RoundsReplanned.kind}),
    4: frozenset({ev.PromptDealt.kind}),
}
FIELDS_ADDED = {
    3: {ev.ParticipantJoined.kind: frozenset({"place"})},
    5: {ev.TurnPassed.kind: frozenset({"spoke"}), ev.TurnDeferred.kind: frozenset({"spoke"})},
}


def refuse_newer_than(version: int, kind: str, payload: Any, place: str) -> None:
    """An older file cannot hold what a later version introduced: saying so beats guessing."""
    for added_in in sorted(v for v in KINDS_ADDED.keys() | FIELDS_ADDED.keys() if v > version):
        if kind in KINDS_ADDED.get(added_in, frozenset()):
            raise InvalidSessionFile(
                f"{place}.kind",
                _(
                    "{kind} is not part of a version {version} file (it came in version {newer})"
                ).format(kind=repr(kind), version=version, newer=added_in),
            )
        newer = FIELDS_ADDED.get(added_in, {}).get(kind, frozenset())
        if isinstance(payload, dict):
            for name in sorted(newer & set(payload)):
                raise InvalidSessionFile(
                    f"{place}.payload.{name}", not_in_version(version, added_in)
                )


def not_in_version(version: int, newer: int) -> str:
    return _("is not part of a version {version} file (it came in version {newer})").format(
        version=version, newer=newer
    )

"""The one exception a session command raises when it makes no sense right now."""

from __future__ import annotations

from circlekeeper.errors import UserFacingError


class SessionCommandRefused(UserFacingError):
    """A command that cannot apply to the session as it stands; the state is left unchanged.

    The message is written for the facilitator, so the UI and CLI can show it as it is; being a
    :class:`UserFacingError`, a headless command that drives the engine prints it as one line.
    """

"""Fluid roles: who might facilitate next.

Peer support has no fixed helper: the person who facilitates today shares in the next round and
is heard as a member tomorrow. Suggesting whoever facilitated least recently (people who never
have come first, in seating order) spreads the role without anyone having to keep count, and
never ranks people: it only says whose turn it might be.
"""

from __future__ import annotations

from collections.abc import Sequence


def suggest_facilitator(
    candidates: Sequence[str], recent: Sequence[Sequence[str]], *, today: Sequence[str] = ()
) -> str | None:
    """The candidate who facilitated least recently.

    ``candidates`` are names in seating order (those present); ``recent`` holds each past
    session's facilitators, most recent first. Whoever already facilitates today is not
    suggested again.
    """
    people = [name for name in dict.fromkeys(candidates) if name and name not in set(today)]
    if not people:
        return None
    last_time: dict[str, int] = {}
    for sessions_ago, names in enumerate(recent):
        for name in names:
            last_time.setdefault(name, sessions_ago)
    never = [name for name in people if name not in last_time]
    if never:
        return never[0]
    return max(people, key=lambda name: (last_time[name], -people.index(name)))

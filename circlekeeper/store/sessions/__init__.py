"""Sessions: their event logs, what finishing one keeps for history, and a session in and out
of its JSON file.

:class:`~circlekeeper.store.sessions.repository.SessionRepository` is the hot path of a live
circle (one event, one transaction); the modules beside it read a stored session back
(``rows``), keep its search text (``search``), derive its history figures when it finishes
(``finish``), list sessions in a date range (``ranges``) and export or import its file
(``exporting``, ``importing``), each reading a session the one same way.
"""

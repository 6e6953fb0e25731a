"""History: past sessions listed, filtered and paged; people and circles over time.

:class:`~circlekeeper.store.history.queries.HistoryQueries` is the facade the history page, the
CLI and the reports are handed; each module beside it answers one kind of question from the
figures stored beside every finished session, so listing 100,000 sessions never replays a log.
"""

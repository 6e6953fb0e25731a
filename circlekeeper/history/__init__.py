"""What the history area reads: the records past sessions come back as, and the one protocol
(:class:`~circlekeeper.history.source.HistorySource`) that hands them out.

Below both sides on purpose: :mod:`circlekeeper.store.history` answers these questions in SQL,
:mod:`circlekeeper.ui.history` shows the answers, and neither imports the other.
"""

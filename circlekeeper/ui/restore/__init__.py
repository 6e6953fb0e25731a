"""*Restore from backup…*: going back to a copy of the data from inside the window.

``shelf.py`` says what a backup holds in words, ``chooser.py`` lets the facilitator pick one,
``progress.py`` runs the restore off the window's thread while a progress dialog shows it, and
``command.py`` ties them together: refuse what cannot be restored, ask, close the data, restore,
and show the window again on the restored data.
"""

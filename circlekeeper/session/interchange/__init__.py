"""The session file: one circle session as JSON, for moving it between databases.

Split by what changes together: :mod:`session_file` reads and writes the log, the people and the
plan; :mod:`beside_log` the moods and prompt uses kept beside it; :mod:`fields` the strict field
readers both share, so every part of a file is refused in the same words.
"""

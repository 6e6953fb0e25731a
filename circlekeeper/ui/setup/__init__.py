"""Preparing circles: the circle page and editor, archived circles, newcomers, and the *Start a
circle* dialog with its round plan; everything a facilitator does before the clock runs.
"""

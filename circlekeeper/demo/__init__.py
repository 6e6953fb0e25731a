"""Demo circles: a pure-Python generator that drives the real engine under a fake clock.

Kept apart from the layers it feeds (the store seeds what it makes) so the demo vocabulary never
leaks into the domain, and so it runs without Qt or SQLAlchemy.
"""

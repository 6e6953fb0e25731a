"""CircleKeeper: a fair speaking-turn timer and companion for in-person peer-support circles."""

__version__ = "0.1.0"

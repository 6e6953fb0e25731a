"""The history area: past sessions, people and circles over time, retention."""

from circlekeeper.ui.history.page import HistoryPage

__all__ = ["HistoryPage"]

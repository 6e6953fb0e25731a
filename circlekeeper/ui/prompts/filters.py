"""The browser's filter bar: search words, category, depth, tag and four switches.

It only turns controls into a :class:`PromptQuery` and says when that changed; the library
does the filtering.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.prompts.library import PromptQuery
from circlekeeper.session.prompts import Intensity, PromptCategory
from circlekeeper.ui.prompts.labels import CATEGORY_NAMES, INTENSITY_NAMES


class PromptFilters(QWidget):
    changed = Signal()

    def __init__(
        self, category: PromptCategory | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setAccessibleName("Search prompts")
        self.search.setPlaceholderText("Search words or tags…")
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip("Search words or tags (Ctrl+F)")
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        self.category = QComboBox()
        self.category.setAccessibleName("Category filter")
        self.category.addItem("Any category", None)
        for value, name in CATEGORY_NAMES.items():
            self.category.addItem(name, value)
        if category is not None:
            self.category.setCurrentIndex(self.category.findData(category))
        self.intensity = QComboBox()
        self.intensity.setAccessibleName("Depth filter")
        self.intensity.addItem("Any depth", None)
        for intensity, name in INTENSITY_NAMES.items():
            self.intensity.addItem(name, intensity)
        self.tag = QComboBox()
        self.tag.setAccessibleName("Tag filter")
        self.tag.addItem("Any tag", None)
        self.first_meeting = QCheckBox("First meeting")
        self.first_meeting.setAccessibleName("Only prompts for a first meeting")
        self.favourites_only = QCheckBox("Favourites")
        self.favourites_only.setAccessibleName("Only favourites")
        self.mine_only = QCheckBox("Mine")
        self.mine_only.setAccessibleName("Only my own prompts")
        self.show_hidden = QCheckBox("Hidden and archived")
        self.show_hidden.setAccessibleName("Show hidden and archived prompts")
        self.count = QLabel()
        self.count.setAccessibleName("Number of prompts shown")

        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        for combo in self._combos():
            top.addWidget(combo, 1)
        checks = QHBoxLayout()
        for box in self._boxes():
            checks.addWidget(box)
        checks.addStretch(1)
        checks.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(checks)

        self.search.textChanged.connect(self.changed)
        for combo in self._combos():
            combo.currentIndexChanged.connect(self.changed)
        for box in self._boxes():
            box.toggled.connect(self.changed)

    def _combos(self) -> tuple[QComboBox, ...]:
        return (self.category, self.intensity, self.tag)

    def _boxes(self) -> tuple[QCheckBox, ...]:
        return (self.first_meeting, self.favourites_only, self.mine_only, self.show_hidden)

    def query(self) -> PromptQuery:
        category = self.category.currentData()
        intensity = self.intensity.currentData()
        tag = self.tag.currentData()
        return PromptQuery(
            categories=frozenset({PromptCategory(category)}) if category else frozenset(),
            intensities=frozenset({Intensity(intensity)}) if intensity else frozenset(),
            tags=frozenset({tag}) if tag else frozenset(),
            first_meeting=self.first_meeting.isChecked(),
            text=self.search.text(),
            favourites_only=self.favourites_only.isChecked(),
            custom_only=self.mine_only.isChecked(),
            include_hidden=self.show_hidden.isChecked(),
            include_archived=self.show_hidden.isChecked(),
        )

    def set_tags(self, tags: Iterable[str]) -> None:
        """Offer these tags, keeping the chosen one when it is still there (quietly)."""
        chosen = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem("Any tag", None)
        for tag in tags:
            self.tag.addItem(tag, tag)
        self.tag.setCurrentIndex(max(0, self.tag.findData(chosen)))
        self.tag.blockSignals(False)

    def clear_narrowing(self) -> None:
        """Drop search, category, depth, tag, first-meeting and favourites (quietly): used to
        show a prompt just saved that the filters would hide."""
        widgets = (self.search, *self._combos(), self.first_meeting, self.favourites_only)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        for combo in self._combos():
            combo.setCurrentIndex(0)
        self.first_meeting.setChecked(False)
        self.favourites_only.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)

    def show_count(self, shown: int) -> None:
        self.count.setText(f"{shown} prompt{'s' if shown != 1 else ''}")

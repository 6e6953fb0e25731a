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

from circlekeeper.i18n import _, ngettext
from circlekeeper.i18n.formats import format_number
from circlekeeper.prompts.library import PromptQuery
from circlekeeper.prompts.tag_names import tag_name
from circlekeeper.session.prompts import Intensity, PromptCategory
from circlekeeper.ui.prompts.labels import category_names, intensity_names


class PromptFilters(QWidget):
    changed = Signal()

    def __init__(
        self, category: PromptCategory | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setAccessibleName(_("Search prompts"))
        self.search.setPlaceholderText(_("Search words or tags…"))
        self.search.setClearButtonEnabled(True)
        find_keys = QKeySequence(QKeySequence.StandardKey.Find).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        self.search.setToolTip(_("Search words or tags ({keys})").format(keys=find_keys))
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        self.category = QComboBox()
        self.category.setAccessibleName(_("Category filter"))
        self.category.addItem(_("Any category"), None)
        for value, name in category_names().items():
            self.category.addItem(name, value)
        if category is not None:
            self.category.setCurrentIndex(self.category.findData(category))
        self.intensity = QComboBox()
        self.intensity.setAccessibleName(_("Depth filter"))
        self.intensity.addItem(_("Any depth"), None)
        for intensity, name in intensity_names().items():
            self.intensity.addItem(name, intensity)
        self.tag = QComboBox()
        self.tag.setAccessibleName(_("Tag filter"))
        self.tag.addItem(_("Any tag"), None)
        self.first_meeting = QCheckBox(_("First mee&ting"))
        self.first_meeting.setAccessibleName(_("Only prompts for a first meeting"))
        self.favourites_only = QCheckBox(_("Fa&vourites"))
        self.favourites_only.setAccessibleName(_("Only favourites"))
        # Translators: a tick box that shows only the prompts you wrote yourself.
        self.mine_only = QCheckBox(_("&Mine"))
        self.mine_only.setAccessibleName(_("Only my own prompts"))
        self.show_hidden = QCheckBox(_("&Hidden and archived"))
        self.show_hidden.setAccessibleName(_("Show hidden and archived prompts"))
        self.count = QLabel()
        self.count.setAccessibleName(_("Number of prompts shown"))

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
        self.tag.addItem(_("Any tag"), None)
        for tag in sorted(tags, key=lambda tag: tag_name(tag).casefold()):
            self.tag.addItem(tag_name(tag), tag)
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
        self.count.setText(
            ngettext("{count} prompt", "{count} prompts", shown).format(count=format_number(shown))
        )

"""A history tab that shows one person's or one circle's years: a picker over the shared
choice list, and the chosen one's view below it.

Its widgets are built the first time the tab is opened (or a caller reaches for them): the
history page shows its sessions table first, and building every tab with it cost the first
page more than its query (issue #16).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.ui.history.choices import prepare_combo
from circlekeeper.ui.history.empty_state import empty_state
from circlekeeper.ui.name_search import find_anywhere


class PickerTab(QWidget):
    picked = Signal(object)
    """An entry was chosen in the picker (its id; ``None`` for the "any" row)."""
    button_pressed = Signal()

    def __init__(
        self,
        label: str,
        placeholder: str,
        *,
        searchable: bool = False,
        button: tuple[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``label`` names the picker (and is its accessible name); ``placeholder`` fills the
        view until something is chosen; ``searchable`` lets a long list be typed into;
        ``button`` is an optional (text, accessible name) beside the picker."""
        super().__init__(parent)
        self._label = label
        self._placeholder = placeholder
        self._searchable = searchable
        self._button_words = button
        self._model: QAbstractItemModel | None = None
        self._empty: str | None = None
        """What the tab says when there is nothing to choose (else ``None``)."""
        self.built = False
        self._picker: QComboBox
        self._area: QScrollArea
        self._button: QPushButton | None = None

    def build(self) -> None:
        if self.built:
            return
        self.built = True
        picker = self._picker = QComboBox()
        if self._searchable:
            picker.setEditable(True)
            picker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        picker.setAccessibleName(self._label)
        prepare_combo(picker, 30)
        picker.activated.connect(lambda _i: self.picked.emit(self.current()))
        if self._model is not None:
            self._set_picker_model(self._model)
            picker.setCurrentIndex(-1)
        area = self._area = QScrollArea()
        area.setWidgetResizable(True)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(empty_state(self._empty or self._placeholder))  # as the Sessions tab's
        picker.setEnabled(self._empty is None)
        top = QHBoxLayout()
        top.addWidget(QLabel(self._label))
        top.addWidget(picker, 1)
        if self._button_words is not None:
            text, name = self._button_words
            self._button = QPushButton(text)
            self._button.setAccessibleName(name)
            self._button.clicked.connect(self.button_pressed)
            self._button.setEnabled(self._empty is None)
            top.addWidget(self._button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(area, 1)

    @property
    def picker(self) -> QComboBox:
        self.build()
        return self._picker

    @property
    def area(self) -> QScrollArea:
        self.build()
        return self._area

    @property
    def button(self) -> QPushButton | None:
        self.build()
        return self._button

    def set_model(
        self, model: QAbstractItemModel, keep: int | None = None, *, empty: str | None = None
    ) -> None:
        """The shared choice list (re-read each time the history is shown); ``keep`` stays
        named in the picker if it is still in the list (nothing is named when it is gone).
        ``empty``: the list has nothing to choose, and this says so (and how to get there)
        where "Choose …" stood over an empty picker."""
        was_empty, self._empty = self._empty, empty
        self._model = model
        if self.built:
            self._set_picker_model(model)
            self._picker.setCurrentIndex(-1 if keep is None else self._picker.findData(keep))
            self._picker.setEnabled(empty is None)
            if self._button is not None:  # "Show their sessions" of no one
                self._button.setEnabled(empty is None)
            if empty is not None or was_empty is not None:
                self._area.setWidget(empty_state(empty or self._placeholder))

    def _set_picker_model(self, model: QAbstractItemModel) -> None:
        self._picker.setModel(model)
        if self._searchable:
            find_anywhere(self._picker)  # typing "Chen" lists "Li Chen"

    def current(self) -> int | None:
        """The chosen entry's id; ``None`` before anything is chosen (or the tab is built)."""
        return self._picker.currentData() if self.built else None

    def choose(self, item_id: int) -> None:
        """Name ``item_id`` in the picker (when it is in the list)."""
        index = self.picker.findData(item_id)
        if index >= 0:
            self._picker.setCurrentIndex(index)

    def show_view(self, view: QWidget) -> None:
        self.area.setWidget(view)

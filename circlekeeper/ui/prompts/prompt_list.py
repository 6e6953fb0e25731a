"""The prompt browser's list: one line a prompt with its marks, each item carrying the prompt id.

A widget of its own so the browser deals in prompt ids ("which is current", "select this one",
"which are listed") and never in list items or item data roles.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from circlekeeper.i18n import _
from circlekeeper.session.prompts import Prompt, PromptPreferences
from circlekeeper.ui.list_rows import current_item
from circlekeeper.ui.prompts.labels import describe

PROMPT_ID = Qt.ItemDataRole.UserRole


def list_label(prompt: Prompt, prefs: PromptPreferences) -> str:
    """The line a prompt shows as: ★ for a favourite, then its words and what else it is."""
    marks = ["★"] if prompt.prompt_id in prefs.favourites else []
    label = prompt.text
    # Translators: marks after a prompt's words in the list: hidden, archived, written by you.
    if prompt.prompt_id in prefs.hidden:
        label = _("{prompt}  (hidden)").format(prompt=label)
    if prompt.archived:
        label = _("{prompt}  (archived)").format(prompt=label)
    if prompt.custom:
        label = _("{prompt}  (mine)").format(prompt=label)
    return " ".join([*marks, label])


class PromptList(QListWidget):
    """Prompts in the order the library gives them; the current one survives a refill."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Prompts"))
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setSpacing(2)

    def ids(self) -> list[str]:
        return [self.item(i).data(PROMPT_ID) for i in range(self.count())]

    def current_id(self) -> str | None:
        item = current_item(self)
        return item.data(PROMPT_ID) if item is not None else None

    def fill(self, prompts: Iterable[Prompt], prefs: PromptPreferences) -> None:
        """List ``prompts``, keeping the current one selected if it is still listed, otherwise
        the first. Only the final selection is announced (``currentItemChanged``)."""
        keep = self.current_id()
        self.blockSignals(True)
        self.clear()
        select = None
        for prompt in prompts:
            item = QListWidgetItem(list_label(prompt, prefs))
            item.setData(PROMPT_ID, prompt.prompt_id)
            item.setToolTip(describe(prompt))
            self.addItem(item)
            if prompt.prompt_id == keep:
                select = item
        self.blockSignals(False)
        if select is None and self.count():
            select = self.item(0)
        if select is not None:
            self.setCurrentItem(select)

    def select_id(self, prompt_id: str) -> bool:
        """Make the prompt current if it is listed; whether it was."""
        for i in range(self.count()):
            if self.item(i).data(PROMPT_ID) == prompt_id:
                self.setCurrentRow(i)
                return True
        return False

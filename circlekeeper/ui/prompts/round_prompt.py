"""One round's prompt in *Start a circle*: the same prompt for everyone, or one for each person.

The cell holds a mode choice and, beside it, either the shared :class:`PromptPicker` or the
:class:`PersonPromptList`. Switching back and forth keeps what each side holds, so a facilitator
can look at both before starting; only the side chosen goes into the round plan.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from circlekeeper.i18n import _, pgettext
from circlekeeper.prompts.drawer import DrawRequest, PromptMode
from circlekeeper.session.model import Participant
from circlekeeper.ui.prompts.person_prompts import PersonPromptList
from circlekeeper.ui.prompts.picker import Browse, PromptPicker, PromptTools, prompt_room


def modes() -> list[tuple[str, PromptMode, str]]:
    """Short words for the choice (the plan table is narrow), its value, and the full sentence."""
    return [
        # Translators: keep it short: the choice sits in a narrow table cell.
        (_("Same for everyone"), PromptMode.SHARED, _("Same prompt for everyone")),
        # Translators: keep it short: the choice sits in a narrow table cell.
        (_("One for each person"), PromptMode.PER_PERSON, _("A prompt for each person")),
    ]


def fewest_words() -> list[str]:
    """The choice in a word or two, for a cell too narrow for :func:`modes`' words beside a
    readable prompt (French at 1024×600)."""
    return [
        # Translators: as short as it can be: "Same for everyone" in a very narrow cell.
        pgettext("prompt for", "For all"),
        # Translators: as short as it can be: "One for each person" in a very narrow cell.
        pgettext("prompt for", "Each person"),
    ]


PROMPT_LEAST = 16
"""Characters of the prompt field the cell keeps in sight before its choice says less."""


class RoundPromptCell(QWidget):
    """``changed`` fires when the mode, the shared prompt or anyone's prompt changes."""

    changed = Signal()

    def __init__(
        self,
        *,
        label: str,
        text: str = "",
        person_prompts: Iterable[tuple[str, str]] = (),
        request: DrawRequest | None = None,
        tools: PromptTools,
        per_person_allowed: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        browse: Browse | None = tools.browse
        self.picker = PromptPicker(
            label=label, text=text, request=request, drawer=tools.drawer, browse=browse
        )
        if text.strip():  # the circle's saved prompt: was it what the group heard last time?
            self.picker.check_heard()
        initial = tuple(person_prompts)
        self.people = PersonPromptList(
            label=label, request=request, drawer=tools.drawer, browse=tools.browse
        )
        self.people.set_prompts(initial)
        self.mode = QComboBox()
        for index, (words, value, sentence) in enumerate(modes()):
            self.mode.addItem(words, value)
            self.mode.setItemData(index, sentence, Qt.ItemDataRole.ToolTipRole)
        self.mode.setToolTip(_("Same prompt for everyone, or a prompt for each person"))
        # As wide as the choice shown, not the longest (its list shows both whole): the prompt
        # beside it kept 53 pixels in French at 1024×600, "Tape…" and nothing more.
        self.mode.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.mode.setVisible(per_person_allowed)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.picker)
        self.stack.addWidget(self.people)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.mode, 0, Qt.AlignmentFlag.AlignTop)  # beside a tall people list
        layout.addWidget(self.stack, 1)
        self.set_label(label)
        per_person = per_person_allowed and any(text.strip() for _, text in initial)
        self.set_mode(PromptMode.PER_PERSON if per_person else PromptMode.SHARED)

        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.picker.textChanged.connect(lambda _t: self.changed.emit())
        self.people.changed.connect(self.changed)

    def set_label(self, label: str) -> None:
        self.mode.setAccessibleName(
            _("Prompt for everyone or each person in {round}").format(round=label)
        )
        self.picker.set_label(label)
        self.people.set_label(label)

    def set_request(self, request: DrawRequest) -> None:
        self.picker.set_request(request)
        self.people.set_request(request)

    def set_others(self, others: Callable[[], Iterable[str]]) -> None:
        """Where to ask which library prompts other rounds hold (never drawn twice a session)."""
        self.picker.others = others
        self.people.others = others

    def set_people(self, people: Sequence[Participant]) -> None:
        self.people.set_people(people)

    # ------------------------------------------------------------------ mode

    def prompt_mode(self) -> PromptMode:
        return PromptMode(self.mode.currentData())

    def set_mode(self, mode: PromptMode) -> None:
        self.mode.setCurrentIndex(max(0, self.mode.findData(mode)))
        self._show()

    def _mode_changed(self, _index: int) -> None:
        self._show()
        self.changed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_mode()

    def _fit_mode(self) -> None:
        """The choice in its words while the prompt beside it keeps ``PROMPT_LEAST``
        characters, in fewer words once it would not; as wide as the words it shows."""
        field = prompt_room(self.picker.field, PROMPT_LEAST)
        buttons = self.picker.icons_width()
        layout = self.layout()
        spacing = 2 * max(0, layout.spacing() if layout is not None else 0)
        metrics = self.mode.fontMetrics()
        long_words = [words for words, _value, _sentence in modes()]
        widest = max(metrics.horizontalAdvance(w) for w in long_words)
        chrome = self._mode_width(0)
        narrow = self.width() and chrome + widest + spacing + field + buttons > self.width()
        for index, words in enumerate(fewest_words() if narrow else long_words):
            if self.mode.itemText(index) != words:
                self.mode.setItemText(index, words)
        self.mode.setFixedWidth(
            self._mode_width(metrics.horizontalAdvance(self.mode.currentText()))
        )

    def _mode_width(self, words: int) -> int:
        option = QStyleOptionComboBox()
        self.mode.initStyleOption(option)
        size = self.mode.style().sizeFromContents(
            QStyle.ContentsType.CT_ComboBox,
            option,
            QSize(words, self.mode.fontMetrics().height()),
            self.mode,
        )
        return size.width()

    def _show(self) -> None:
        self._fit_mode()
        per_person = self.prompt_mode() is PromptMode.PER_PERSON
        self.stack.setCurrentWidget(self.people if per_person else self.picker)
        # A stacked widget is as tall as its tallest page; size it to the page shown instead.
        for page in (self.picker, self.people):
            shown = page is self.stack.currentWidget()
            page.setSizePolicy(
                QSizePolicy.Policy.Preferred,
                QSizePolicy.Policy.Preferred if shown else QSizePolicy.Policy.Ignored,
            )
        self.stack.adjustSize()
        self.adjustSize()

    def forget_layout(self) -> None:
        """Let the next size hint count only what is shown now (a note just hidden): each
        layout on the way up keeps its children's last size hints until told they changed,
        and the round plan's row kept a hidden note's line."""
        for widget in (self.picker, self.people, self.stack):
            widget.updateGeometry()

    # ------------------------------------------------------------------ values

    def text(self) -> str:
        """The shared prompt ("" when each person has their own)."""
        if self.prompt_mode() is PromptMode.PER_PERSON:
            return ""
        return self.picker.text()

    def person_prompts(self) -> tuple[tuple[str, str], ...]:
        """Each present person's prompt (empty when the round shares one prompt)."""
        if self.prompt_mode() is not PromptMode.PER_PERSON:
            return ()
        return self.people.prompt_pairs()

    def chosen_ids(self) -> set[str]:
        """Library prompts this round will use, so other rounds draw different ones."""
        if self.prompt_mode() is PromptMode.PER_PERSON:
            return self.people.chosen_ids()
        prompt = self.picker.prompt()
        return {prompt.prompt_id} if prompt is not None else set()

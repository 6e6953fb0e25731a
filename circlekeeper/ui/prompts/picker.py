"""A compact prompt field for one round: type it, pick it from the browser, or draw it.

*Draw* asks the :class:`PromptDrawer` for a prompt that fits the round; *Another* redraws and
never gives back any prompt this field has just rejected. When the draw had to bend its rules
(everything fitting was heard recently, or filters were widened) the note under the field says
so. Typing over a drawn prompt simply makes it a typed prompt.
Where the cell is narrow (a small screen, a long language) the buttons become icons
(``prompt_buttons``); Ctrl+B, Ctrl+D and Ctrl+Shift+D press them from the prompt field.

A prompt the field opens with (one saved in the circle's plan) never went through a draw, so
the draw's rule against repeats never looked at it: when the group heard it last time, the note
says so and *Another* (Ctrl+Shift+D) offers a fresh one. The prompt stays until then, since a
circle may keep one check-in on purpose, week after week.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from circlekeeper.i18n import _, pgettext
from circlekeeper.i18n.formats import format_date
from circlekeeper.prompts.drawer import Draw, DrawRequest, PromptDrawer
from circlekeeper.session.prompts import Prompt, PromptCategory
from circlekeeper.ui.bidi_text import unbroken
from circlekeeper.ui.placeholder_fit import fit_placeholder
from circlekeeper.ui.prompts.labels import describe
from circlekeeper.ui.prompts.prompt_buttons import (
    PromptAction,
    bind_shortcuts,
    fit_words,
    prompt_button,
)

PROMPT_CHARACTERS = 18
"""Characters of the prompt kept readable before the buttons give up their words for icons."""
ICON_PADDING = 18
"""Pixels an icon-only button keeps around its icon (the style sheet's padding and frame)."""

Browse = Callable[[QWidget, PromptCategory | None], Prompt | None]


def prompt_room(field: QLineEdit, characters: int) -> int:
    """Pixels for ``characters`` letters of a prompt in ``field``: Latin letters' width, as
    an Arabic font's average character (a few pixels) left a prompt 67 pixels at 1024×600."""
    return field.fontMetrics().horizontalAdvance("n" * characters)


@dataclass(frozen=True, slots=True)
class PromptTools:
    """What the setup dialog needs to offer drawing and browsing in each round's prompt field."""

    drawer: PromptDrawer | None = None
    browse: Browse | None = None
    first_meeting: bool = False
    """Draw only prompts that suit a first meeting (a circle's first session)."""


class PromptPicker(QWidget):
    textChanged = Signal(str)

    def __init__(
        self,
        *,
        label: str = "",
        text: str = "",
        request: DrawRequest | None = None,
        drawer: PromptDrawer | None = None,
        browse: Browse | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._drawer = drawer
        self._browse = browse
        self._request = request or DrawRequest()
        self._prompt: Prompt | None = None
        self._rejected: set[str] = set()
        self.others: Callable[[], Iterable[str]] = lambda: ()
        """Prompt ids already chosen elsewhere (other rounds of the same session): not drawn."""

        self.field = QLineEdit(text)
        self.field.setCursorPosition(0)  # a long prompt reads from its beginning
        fit_placeholder(
            self.field,
            _("Type a prompt, browse, or draw one"),
            # Translators: the short forms of "Type a prompt, browse, or draw one", for a
            # narrow field (a round's prompt on a 1024×600 screen).
            _("Type or draw a prompt"),
            pgettext("placeholder", "A prompt"),
        )
        self.browse_button = prompt_button(
            PromptAction.BROWSE, _("Browse…"), _("Choose a prompt from the library")
        )
        self.draw_button = prompt_button(
            PromptAction.DRAW,
            # Translators: a button: draw a prompt at random from the library (as a card).
            pgettext("draw a prompt", "Draw"),
            _("Draw a prompt at random that suits this round"),
        )
        self.redraw_button = prompt_button(
            PromptAction.ANOTHER,
            # Translators: a button: draw a different prompt than the one just drawn.
            pgettext("draw a prompt", "Another"),
            _("Draw a different prompt instead of this one"),
        )
        self.redraw_button.setEnabled(False)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setVisible(False)
        self.set_label(label or _("the round"))

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self._row = row
        row.addWidget(self.field, 1)
        for button in (self.browse_button, self.draw_button, self.redraw_button):
            row.addWidget(button)
        self.browse_button.setVisible(browse is not None)
        self.draw_button.setVisible(drawer is not None)
        self.redraw_button.setVisible(drawer is not None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.note)

        self.field.textEdited.connect(self._typed)
        self.field.textChanged.connect(self.textChanged)
        self.browse_button.clicked.connect(self.browse)
        self.draw_button.clicked.connect(self.draw)
        self.redraw_button.clicked.connect(self.redraw)
        bind_shortcuts(
            self,
            {
                PromptAction.BROWSE: self.browse,
                PromptAction.DRAW: self.draw,
                PromptAction.ANOTHER: self._redraw_if_drawn,
            },
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Words on the buttons while the prompt keeps room to be read; icons once it would
        not."""
        super().resizeEvent(event)
        spacing = max(0, self._row.spacing())
        field = prompt_room(self.field, PROMPT_CHARACTERS)
        buttons = [self.browse_button, self.draw_button, self.redraw_button]
        fit_words(buttons, event.size().width() - field - spacing, spacing)

    def icons_width(self) -> int:
        """The width the buttons beside the field take as icons only (with the spacing
        before each): the least they leave the field."""
        spacing = max(0, self._row.spacing())
        buttons = (self.browse_button, self.draw_button, self.redraw_button)
        shown = [b for b in buttons if not b.isHidden()]
        return sum(b.iconSize().width() + ICON_PADDING + spacing for b in shown)

    def words_shown(self) -> bool:
        """Whether the buttons show their words (rather than only their icons)."""
        return bool(self.draw_button.text() or self.browse_button.text())

    def check_heard(self) -> bool:
        """Say so when the prompt in the field is one the group heard last time, and let
        *Another* replace it; True when it was."""
        text = self.field.text()
        heard = self._drawer.heard_last_time(text) if self._drawer is not None else None
        if self._drawer is None or heard is None:
            return False
        self._prompt = self._drawer.recognise(text)
        self.field.setToolTip(describe(self._prompt) if self._prompt else "")
        # Translators: under a prompt saved in the circle's plan; {day} is the date of the
        # circle's last session. Ctrl+Shift+D draws another prompt.
        note = _(
            "The group heard this prompt last time ({day}). Keep it, or draw another"
            " (Ctrl+Shift+D)."
        ).format(day=unbroken(format_date(heard.astimezone(), "medium")))
        self.note.setText(note)
        self.note.setVisible(True)
        self.redraw_button.setEnabled(True)
        return True

    def _redraw_if_drawn(self) -> None:
        if self.redraw_button.isEnabled():
            self.redraw()

    def set_label(self, label: str) -> None:
        """Name the controls after their round, for screen readers and tests."""
        # Translators: {round} is a round's name as in "round 2" or "Check-in".
        self.field.setAccessibleName(_("Prompt for {round}").format(round=label))
        self.browse_button.setAccessibleName(_("Browse prompts for {round}").format(round=label))
        self.draw_button.setAccessibleName(_("Draw a prompt for {round}").format(round=label))
        self.redraw_button.setAccessibleName(
            _("Draw another prompt for {round}").format(round=label)
        )
        self.note.setAccessibleName(_("Prompt note for {round}").format(round=label))

    def set_request(self, request: DrawRequest) -> None:
        """What a draw should look for (e.g. when the round's kind changes)."""
        self._request = request
        self._rejected.clear()
        self.redraw_button.setEnabled(False)

    # ------------------------------------------------------------------ value

    def text(self) -> str:
        return self.field.text()

    def setText(self, text: str) -> None:
        self._set(text, None)

    def prompt(self) -> Prompt | None:
        """The library prompt in the field, if it was drawn or picked and not typed over."""
        return self._prompt

    def note_text(self) -> str:
        return self.note.text()

    def _set(self, text: str, prompt: Prompt | None, note: str = "") -> None:
        self._prompt = prompt
        # The note first: the new text tells the round plan to fit its row to the cell, and a
        # note still shown then left the row a note taller than the cell.
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.field.setText(text)
        self.field.setCursorPosition(0)
        self.field.setToolTip(describe(prompt) if prompt else "")

    def _typed(self, _text: str) -> None:
        self._prompt = None
        self._rejected.clear()
        self.redraw_button.setEnabled(False)
        self.field.setToolTip("")
        self.note.setVisible(False)

    # ------------------------------------------------------------------ actions

    def browse(self) -> None:
        if self._browse is None:
            return
        chosen = self._browse(self, self._request.browse_category())
        if chosen is not None:
            self._rejected.clear()
            self.redraw_button.setEnabled(False)
            self._set(chosen.text, chosen)

    def draw(self) -> None:
        if self._drawer is None:
            return
        self._rejected.clear()
        self._apply(self._drawer.draw(self._request.excluding(*self.others())))

    def redraw(self) -> None:
        if self._drawer is None:
            return
        if self._prompt is None:
            self.draw()
            return
        self._rejected.add(self._prompt.prompt_id)
        request = self._request.excluding(*self.others())
        result = self._drawer.redraw(
            replace(request, exclude=request.exclude | frozenset(self._rejected)), self._prompt
        )
        if result.prompt is None and len(self._rejected) > 1:
            # Every fitting prompt has been turned down once: start the round of refusals over,
            # still never giving back the one just rejected.
            last = self._prompt.prompt_id
            self._rejected = {last}
            result = self._drawer.redraw(self._request.excluding(*self.others()), last)
        if result.prompt is None:
            self.note.setText(result.note)
            self.note.setVisible(True)
            return
        self._apply(result)

    def _apply(self, result: Draw) -> None:
        if result.prompt is None:
            self.note.setText(result.note)
            self.note.setVisible(True)
            return
        self._set(result.prompt.text, result.prompt, result.note)
        self.redraw_button.setEnabled(True)

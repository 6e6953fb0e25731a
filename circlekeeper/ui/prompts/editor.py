"""Write or edit one prompt: its words, category, depth, principles, first-meeting fit, tags.

The dialog only collects a :class:`Prompt`; saving (and turning an edit of a shipped prompt into
a custom copy) is the library's job, so the same dialog serves "new" and "edit".
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.i18n import _, ngettext, pgettext
from circlekeeper.i18n.typed_lists import join_typed, split_typed
from circlekeeper.prompts.deck import MAX_TEXT
from circlekeeper.prompts.tag_names import tag_from_name, tag_names
from circlekeeper.session.prompts import Intensity, Principle, Prompt, PromptCategory
from circlekeeper.ui.prompts.labels import (
    category_names,
    intensity_names,
    principle_keys,
    principle_names,
)


class PromptEditorDialog(QDialog):
    def __init__(
        self,
        original: Prompt | None = None,
        *,
        category: PromptCategory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._original = original
        editing_shipped = original is not None and not original.custom
        self.setWindowTitle(_("Edit prompt") if original else _("New prompt"))
        self.setAccessibleName(self.windowTitle())
        self.text = QPlainTextEdit(original.text if original else "")
        self.text.setAccessibleName(_("Prompt text"))
        self.text.setPlaceholderText(_("A gentle question anyone could answer, or pass on."))
        self.text.setTabChangesFocus(True)
        self.category = QComboBox()
        self.category.setAccessibleName(_("Category"))
        for value, name in category_names().items():
            self.category.addItem(name, value)
        chosen = original.category if original else (category or PromptCategory.CHECK_IN)
        self.category.setCurrentIndex(self.category.findData(chosen))
        self.intensity = QComboBox()
        self.intensity.setAccessibleName(_("Depth"))
        for intensity, name in intensity_names().items():
            self.intensity.addItem(name, intensity)
        self.intensity.setCurrentIndex(
            self.intensity.findData(original.intensity if original else Intensity.LIGHT)
        )
        self.principles: dict[Principle, QCheckBox] = {}
        principle_row = QHBoxLayout()
        for principle, name in principle_names().items():
            box = QCheckBox(principle_keys()[principle])
            # Translators: the accessible name of a tick box: the prompt serves this principle.
            box.setAccessibleName(_("Serves {principle}").format(principle=name))
            box.setChecked(original is not None and principle in original.principles)
            box.toggled.connect(self._validate)
            self.principles[principle] = box
            principle_row.addWidget(box)
        self.first_meeting = QCheckBox(_("Suits a &first meeting"))
        self.first_meeting.setAccessibleName(_("Suits a first meeting"))
        self.first_meeting.setChecked(bool(original and original.first_meeting))
        self.tags = QLineEdit(join_typed(tag_names(original.tags)) if original else "")
        self.tags.setAccessibleName(_("Tags"))
        self.tags.setPlaceholderText(_("words separated by commas, e.g. nature, week"))
        self.problem = QLabel()
        self.problem.setAccessibleName(_("Problem"))
        self.problem.setWordWrap(True)

        form = QFormLayout()
        form.addRow(_("&Prompt"), self.text)
        form.addRow(_("C&ategory"), self.category)
        form.addRow(_("&Depth"), self.intensity)
        # Translators: the label before the principles a prompt serves (tick boxes).
        form.addRow(pgettext("principles", "Serves"), principle_row)
        form.addRow("", self.first_meeting)
        form.addRow(_("&Tags"), self.tags)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            # Translators: & marks the Alt+letter; each must differ from the prompt editor's others.
            _("&Save as my copy") if editing_shipped else _("&Save"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.save_button.setAccessibleName(_("Save the prompt"))
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if editing_shipped:
            note = QLabel(
                _(
                    "Shipped prompts stay as they are: your changes are saved as your own copy,"
                    " which takes the original's place in your library."
                )
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.text.textChanged.connect(self._validate)
        self.resize(560, 380)
        self._validate()

    def _problem(self) -> str:
        words = " ".join(self.text.toPlainText().split())
        if not words:
            return _("Write the prompt's words.")
        if len(words) > MAX_TEXT:
            return ngettext(
                "Keep the prompt under {limit} characters (it has {count}).",
                "Keep the prompt under {limit} characters (it has {count}).",
                len(words),
            ).format(limit=MAX_TEXT, count=len(words))
        if not any(box.isChecked() for box in self.principles.values()):
            return _("Tick at least one principle the prompt serves.")
        return ""

    def _validate(self) -> None:
        problem = self._problem()
        self.problem.setText(problem)
        self.save_button.setEnabled(not problem)

    def prompt(self) -> Prompt:
        """The prompt as filled in (id and origin taken from the original, if any)."""
        tags = frozenset(
            t for t in (tag_from_name(x)[:40] for x in split_typed(self.tags.text())) if t
        )
        original = self._original
        return Prompt(
            prompt_id=original.prompt_id if original and original.custom else "",
            text=" ".join(self.text.toPlainText().split()),
            category=PromptCategory(self.category.currentData()),
            intensity=Intensity(self.intensity.currentData()),
            principles=frozenset(p for p, box in self.principles.items() if box.isChecked()),
            first_meeting=self.first_meeting.isChecked(),
            tags=tags,
            deck=original.deck if original and original.custom else "custom",
            custom=True,
            based_on=original.based_on if original and original.custom else None,
        )

    def _accept(self) -> None:
        if not self._problem():
            self.accept()


def edit_prompt(
    original: Prompt | None, parent: QWidget | None, category: PromptCategory | None = None
) -> Prompt | None:
    """Show the editor; the filled-in prompt, or None when cancelled."""
    dialog = PromptEditorDialog(original, category=category, parent=parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.prompt()
    return None

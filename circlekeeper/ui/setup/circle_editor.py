"""Create or edit a circle: name, description, how often it meets, agreements, facilitators,
people, default plan."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.i18n import _, ngettext
from circlekeeper.i18n.typed_lists import join_typed, split_typed
from circlekeeper.session.printing import Privacy
from circlekeeper.ui.bidi_text import person_label
from circlekeeper.ui.catalog import CircleDetail, Member
from circlekeeper.ui.language_choice import circle_language_choice
from circlekeeper.ui.length_limit import limit_length
from circlekeeper.ui.list_rows import current_item
from circlekeeper.ui.screen_fit import fit_to_screen, scrolling
from circlekeeper.ui.settings_dialog import counted_spin
from circlekeeper.ui.setup.brief import default_plan
from circlekeeper.ui.setup.cadence_choice import CadenceChoice
from circlekeeper.ui.setup.newcomer_dialog import NewcomerDialog
from circlekeeper.ui.setup.round_plan_editor import RoundPlanEditor
from circlekeeper.ui.setup.seating_list import SeatingList, seating_tip

MEMBER = Qt.ItemDataRole.UserRole
MAX_CIRCLE_NAME = 200

DAYS_PER_MONTH = 30


class CircleEditor(QDialog):
    """Edits a :class:`CircleDetail`; new members get negative ids until the store saves them."""

    def __init__(
        self,
        detail: CircleDetail | None = None,
        parent: QWidget | None = None,
        *,
        ask: Callable[[str, str], bool] | None = None,
    ) -> None:
        """``ask`` (title, question) -> yes: how the editor confirms throwing away changes;
        without it the editor closes without asking."""
        super().__init__(parent)
        self._ask = ask
        detail = detail or CircleDetail(None, "", default_plan=default_plan())
        self._detail = detail
        self._next_new = min([-1, *(m.person_id - 1 for m in detail.members)])
        self.setWindowTitle(_("Edit circle") if detail.circle_id else _("New circle"))
        self._build_texts(detail)
        member_buttons = self._build_people(detail)
        self.plan = RoundPlanEditor(detail.default_plan or default_plan())
        self._build_settings(detail)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.hide()
        self.name.textChanged.connect(self._name_typed)
        self._lay_out(member_buttons)
        fit_to_screen(self, 980, 680)
        self.name.setFocus()  # what a facilitator types first, whatever the Tab order
        self.result_detail: CircleDetail | None = None
        self._as_opened = self._draft()

    # ------------------------------------------------------------ building

    def _build_texts(self, detail: CircleDetail) -> None:
        """Name, description, facilitators and the group agreements."""
        self.name = QLineEdit(detail.name)
        self.name.setAccessibleName(_("Circle name"))
        limit_length(self.name, MAX_CIRCLE_NAME)
        self.description = QLineEdit(detail.description)
        self.description.setAccessibleName(_("Description"))
        self.facilitators = QLineEdit(join_typed(detail.facilitators))
        self.facilitators.setAccessibleName(_("Facilitators"))
        self.facilitators.setPlaceholderText(_("Names, separated by commas"))
        for field_ in (self.name, self.description, self.facilitators):
            field_.setCursorPosition(0)  # a long text reads from its beginning
        self.agreements = QPlainTextEdit("\n".join(detail.agreements))
        self.agreements.setAccessibleName(_("Group agreements"))
        # One agreement per line: a tab character means nothing in one, and Tab typing it
        # kept a keyboard user in this field.
        self.agreements.setTabChangesFocus(True)
        self.agreements.setPlaceholderText(
            _("One agreement per line, e.g.\nWe speak from our own experience.\nEveryone may pass.")
        )

    def _build_people(self, detail: CircleDetail) -> tuple[QPushButton, ...]:
        """The members list and its add / edit / archive buttons, wired (Delete archives)."""
        self.members = SeatingList()
        self.members.setAccessibleName(_("People in this circle"))
        self.members.setToolTip(_("In the order people sit.") + " " + seating_tip())
        for member in detail.members:
            if not member.archived:
                self._add_member_item(member)
        # Translators: & marks the Alt+letter; each must differ from the circle editor's others.
        add = QPushButton(_("&Add person…"))
        add.setAccessibleName(_("Add person"))
        add.clicked.connect(self._add_member)
        edit = QPushButton(_("&Edit…"))
        edit.setAccessibleName(_("Edit person"))
        edit.clicked.connect(self._edit_member)
        # Translators: & marks the Alt+letter; each must differ from the circle editor's others.
        archive = QPushButton(_("Arc&hive"))
        archive.setAccessibleName(_("Archive person"))
        archive.setToolTip(_("Hide from new sessions; their history is kept"))
        archive.clicked.connect(self._archive_member)
        self._member_buttons = (edit, archive)
        self.members.currentItemChanged.connect(self._member_chosen)
        self.members.itemActivated.connect(lambda _item: self._edit_member())  # Enter, double-click
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.members, self._archive_member)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._member_chosen(None, None)
        # Archived before (or in an editing round the store refused): kept archived on save.
        self.archived: list[Member] = [m for m in detail.members if m.archived and m.person_id > 0]
        return (add, edit, archive)

    def _build_settings(self, detail: CircleDetail) -> None:
        """What printed summaries show, the mood count, how long sessions are kept."""
        self.privacy = QComboBox()
        self.privacy.setAccessibleName(_("Printed summaries show"))
        for level in Privacy:
            self.privacy.addItem(level.label, level.value)
        self.privacy.setCurrentIndex(max(0, self.privacy.findData(detail.privacy)))
        # short: it sets the editor's width
        self.mood = QCheckBox(_("Anonymous 1–5 mood count"))
        self.mood.setToolTip(
            _("At check-in and check-out, count how many people feel 1 to 5; no names are kept")
        )
        self.mood.setAccessibleName(_("Mood check-in"))
        self.mood.setChecked(detail.mood_enabled)
        self.retention = QSpinBox()
        self.retention.setAccessibleName(_("Keep sessions for"))
        self.retention.setRange(0, 120)
        self.retention.setSpecialValueText(_("as long as you keep them"))
        self.retention.valueChanged.connect(self._word_retention)
        self.retention.setToolTip(
            _(
                "Many circles promise to forget: sessions older than this are deleted with"
                " their notes. The History area shows what will go before it goes."
            )
        )
        self.retention.setValue(round((detail.retention_days or 0) / DAYS_PER_MONTH))
        self._word_retention(self.retention.value())
        self.language = circle_language_choice(detail.language)
        self.cadence = CadenceChoice(detail.cadence)

    def _word_retention(self, months: int) -> None:
        """ "1 month", "6 months": the unit in the plural form the number takes (one suffix
        for every number read "1 meses" in Spanish)."""
        counted_spin(
            self.retention,
            # Translators: how long a circle keeps its sessions, in a spin box ("6 months").
            ngettext("{count} month", "{count} months", months),
        )

    def _lay_out(self, member_buttons: tuple[QPushButton, ...]) -> None:
        form = QFormLayout()
        # Every field answers to Alt and a letter (the & before it), each letter once in the
        # editor: the round plan's buttons, People and Meets included.
        # Translators: & marks the Alt+letter; each must differ from the circle editor's others.
        form.addRow(_("&Name"), self.name)
        # Translators: & marks the Alt+letter; each must differ from the circle editor's others.
        form.addRow(_("&Description"), self.description)
        # Translators: & marks the Alt+letter; each must differ from the circle editor's others.
        form.addRow(_("&Facilitators"), self.facilitators)
        # Translators: & marks the Alt+letter; each must differ from the circle editor's others.
        form.addRow(_("&Group agreements"), self.agreements)
        # Translators: & marks the Alt+letter; each must differ from the circle editor's others.
        form.addRow(_("Printed summaries &show"), self.privacy)
        # Translators: & marks the Alt+letter; each must differ from the circle editor's others.
        form.addRow(_("M&ood"), self.mood)
        # Translators: & marks the Alt+letter; each must differ from the circle editor's others.
        form.addRow(_("&Keep sessions for"), self.retention)
        # Translators: & marks the Alt+letter; each must differ from the circle editor's others.
        form.addRow(_("Prompts &in"), self.language)
        people_box = QGroupBox(_("&People"))
        people_layout = QVBoxLayout(people_box)
        people_layout.addWidget(self.members)
        row = QHBoxLayout()
        for button in member_buttons:
            row.addWidget(button)
        people_layout.addLayout(row)
        # Translators: & marks the Alt+letter; each must differ from the circle editor's others.
        plan_box = QGroupBox(_("Default round p&lan"))
        QVBoxLayout(plan_box).addWidget(self.plan)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addLayout(form, 3)
        # Beside the form, under the people: the form's column has no height to spare at
        # 1024×600 (a row there pushed the round plan below the window).
        # Translators: how often a circle meets ("Every week"); & marks Alt+M.
        meets_box = QGroupBox(_("&Meets"))
        QVBoxLayout(meets_box).addWidget(self.cadence)
        side = QVBoxLayout()
        side.addWidget(people_box, 1)
        side.addWidget(meets_box)
        top.addLayout(side, 2)
        body = QVBoxLayout()
        body.addLayout(top, 1)
        body.addWidget(plan_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body), 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _member_chosen(self, item: QListWidgetItem | None, _previous: object) -> None:
        for button in self._member_buttons:
            button.setEnabled(item is not None)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _add_member_item(self, member: Member) -> None:
        item = QListWidgetItem(person_label(member.name, member.pronouns))
        item.setData(MEMBER, member)
        item.setToolTip(item.text())
        self.members.addItem(item)

    def add_member(self, name: str, pronouns: str) -> None:
        self._add_member_item(Member(self._next_new, name, pronouns))
        self._next_new -= 1

    def _add_member(self) -> None:
        dialog = NewcomerDialog(self, _("Add a person"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_member(dialog.name.text().strip(), dialog.pronouns.text().strip())

    def _edit_member(self) -> None:
        item = current_item(self.members)
        if item is None:
            return
        member: Member = item.data(MEMBER)
        dialog = NewcomerDialog(self, _("Edit person"))
        dialog.name.setText(member.name)
        dialog.pronouns.setText(member.pronouns)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            updated = Member(
                member.person_id, dialog.name.text().strip(), dialog.pronouns.text().strip()
            )
            item.setData(MEMBER, updated)
            item.setText(person_label(updated.name, updated.pronouns))

    def _archive_member(self) -> None:
        row = self.members.currentRow()
        if row < 0:
            return
        member: Member = self.members.takeItem(row).data(MEMBER)
        if member.person_id > 0:
            self.archived.append(member)

    def reject(self) -> None:
        """Esc, Cancel or closing the window: typed agreements and people are not lost
        without a question."""
        if self._ask is not None and self._draft() != self._as_opened:
            question = _("Close the editor and lose the changes made here?")
            if not self._ask(_("Discard changes?"), question):
                return
        super().reject()

    def _name_typed(self, name: str) -> None:
        """The refusal for a missing name goes once a name is there."""
        if name.strip() and self.error.text() == _("Please give the circle a name."):
            self.error.hide()

    def _accept(self) -> None:
        if not self.name.text().strip():
            self.error.setText(_("Please give the circle a name."))
            self.error.show()
            self.name.setFocus()
            return
        self.result_detail = self._draft()
        self.accept()

    def _draft(self) -> CircleDetail:
        """The circle as the form holds it now."""
        name = self.name.text().strip()
        plan = self.plan.rounds()
        agreements = tuple(
            line.strip() for line in self.agreements.toPlainText().splitlines() if line.strip()
        )
        facilitators = tuple(split_typed(self.facilitators.text()))
        members = tuple(self.members.item(i).data(MEMBER) for i in range(self.members.count()))
        archived = tuple(Member(m.person_id, m.name, m.pronouns, True) for m in self.archived)
        return CircleDetail(
            self._detail.circle_id,
            name,
            self.description.text().strip(),
            agreements,
            tuple(plan),
            facilitators,
            archived=self._detail.archived,
            members=members + archived,
            privacy=self.privacy.currentData(),
            mood_enabled=self.mood.isChecked(),
            retention_days=self.retention.value() * DAYS_PER_MONTH or None,
            language=self.language.currentData(),
            cadence=self.cadence.cadence(),
        )

"""The round plan as an editable table: kind, name, time policy, length, minimum, prompt.

Lengths are whole seconds end to end (typed as "1:30", "90s" or "2", shown m:ss), so a plan
comes back from the table exactly as it went in, the fair-share minimum included.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import cast

from PySide6.QtCore import QPoint, QSize, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.i18n import N_, _
from circlekeeper.prompts.drawer import DrawRequest, PromptMode
from circlekeeper.session.model import Participant, PolicyMode, RoundKind, RoundPlan, TimePolicy
from circlekeeper.ui.duration_box import DurationBox
from circlekeeper.ui.prompts.picker import PromptPicker, PromptTools
from circlekeeper.ui.prompts.round_prompt import RoundPromptCell
from circlekeeper.ui.setup.plan_words import KINDS, POLICIES

PromptSource = Callable[[RoundPlan, QWidget], str | None]

KIND, NAME, POLICY, LENGTH, MINIMUM, PROMPT_COLUMN, ACTIONS = range(7)
COLUMNS = [N_("Round"), N_("Name"), N_("Time"), N_("Length"), N_("At least each"), N_("Prompt"), ""]
DEFAULT_LENGTH = 90
DEFAULT_MINIMUM = 60
"""A fair-share round's floor when the plan gives none (a round typed in fresh)."""


class _TopOfCell(QWidget):
    """Keeps an editor at its natural height at the top of its cell.

    A round with one prompt per person makes its row as tall as the list of people; a bare cell
    widget would then stretch its combo boxes and spin box to that height.
    """

    def __init__(self, editor: QWidget) -> None:
        super().__init__()
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(editor)
        layout.addStretch(1)
        self.setFocusProxy(editor)


class PlanTable(QTableWidget):
    """The rounds' table, asking for the height of its rounds (Qt's default asked for a
    fixed 192 pixels whatever it held: on a 1024×600 screen a short plan took room that
    *Start a circle* needed above it, and a long one scrolled while room was spare)."""

    def __init__(self, rows: int, columns: int) -> None:
        super().__init__(rows, columns)
        # Every cell holds an editor: Tab goes from one editor to the next and on out of the
        # table. With Qt's tab navigation it moved the table's current cell instead, never
        # reached an editor and went round the table forever, short of Save.
        self.setTabKeyNavigation(False)
        self.verticalHeader().sectionResized.connect(lambda *_: self.updateGeometry())
        self.model().rowsInserted.connect(lambda *_: self.updateGeometry())
        self.model().rowsRemoved.connect(lambda *_: self.updateGeometry())

    def sizeHint(self) -> QSize:
        rows = sum(self.rowHeight(row) for row in range(self.rowCount()))
        height = self.horizontalHeader().sizeHint().height() + rows + 2 * self.frameWidth()
        scroll_bar = self.horizontalScrollBar()
        if scroll_bar.isVisible():
            height += scroll_bar.sizeHint().height()
        return QSize(super().sizeHint().width(), height)


class RoundPlanEditor(QWidget):
    budgets_changed = Signal()
    """A round's policy, length or minimum changed, or a round came or went (the set-up
    dialog checks the budgets against who is present)."""

    def __init__(
        self,
        plan: Sequence[RoundPlan],
        *,
        draw_prompt: PromptSource | None = None,
        browse_prompt: PromptSource | None = None,
        prompt_tools: PromptTools | None = None,
        people: Callable[[], Sequence[Participant]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``prompt_tools`` (the prompt library's drawer and browser) turns each round's prompt
        cell into a :class:`RoundPromptCell`; without it, the plain ``draw_prompt`` /
        ``browse_prompt`` callbacks fill a line edit. ``people`` (who is present, for one
        session) lets a round give each person their own prompt; a circle's default plan,
        edited without anyone present, has no such choice."""
        super().__init__(parent)
        self._draw = draw_prompt
        self._browse = browse_prompt
        self._tools = prompt_tools
        self._people = people
        self.table = PlanTable(0, len(COLUMNS))
        self.table.setAccessibleName(_("Round plan"))
        self.table.setHorizontalHeaderLabels([_(title) if title else "" for title in COLUMNS])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(PROMPT_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(self._column_resized)
        metrics = self.fontMetrics()
        # Narrow enough that the prompt keeps most of a 1024-pixel screen's width: each column
        # fits its longest usual content (a combo box's arrow, a spin box's buttons beside it).
        arrows = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent) + 18
        length_width = metrics.horizontalAdvance("10:00:00") + arrows

        def widest(words: Sequence[str]) -> int:
            """The longest of ``words`` in the language on screen (German runs longer)."""
            return max(metrics.horizontalAdvance(_(word)) for word in words)

        for column, width in (
            (KIND, widest([t for t, kind in KINDS if kind is not RoundKind.CUSTOM]) + arrows + 12),
            (NAME, metrics.horizontalAdvance(_("optional")) + 24),
            (POLICY, widest([text for text, _mode in POLICIES]) + arrows),
            (LENGTH, length_width),
            (MINIMUM, max(length_width, metrics.horizontalAdvance(_("At least each")) + 12)),
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(ACTIONS, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        if prompt_tools is not None or (draw_prompt is None and browse_prompt is None):
            # the picker has its own buttons, or none apply
            self.table.setColumnHidden(ACTIONS, True)
        # Translators: & marks the Alt+letter; each must differ from the circle editor's and
        # the Start a circle dialog's others.
        add = QPushButton(_("Add a &round"))
        add.setAccessibleName(_("Add a round"))
        add.clicked.connect(lambda: self.add_round(RoundPlan()))
        # Translators: & marks the Alt+letter (see "Add a &round").
        remove = QPushButton(_("Remo&ve round"))
        remove.setAccessibleName(_("Remove the selected round"))
        remove.clicked.connect(self._remove)
        # Translators: & marks the Alt+letter (see "Add a &round").
        up = QPushButton(_("Move &up"))
        up.setAccessibleName(_("Move the selected round up"))
        up.clicked.connect(lambda: self._move(-1))
        # Translators: & marks the Alt+letter (see "Add a &round").
        down = QPushButton(_("Move do&wn"))
        down.setAccessibleName(_("Move the selected round down"))
        down.clicked.connect(lambda: self._move(1))
        row = QHBoxLayout()
        for button in (add, remove, up, down):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(row)
        for round_ in plan:
            self.add_round(round_)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The round whose editor has the keyboard is the selected one: *Remove round* and
        *Move up / down* act on the round being edited."""
        if new is None or not self.table.viewport().isAncestorOf(new):
            return
        index = self.table.indexAt(new.mapTo(self.table.viewport(), QPoint(0, 0)))
        if index.isValid() and index.row() != self.table.currentRow():
            self.table.setCurrentCell(index.row(), index.column())

    def add_round(self, plan: RoundPlan, mode: PromptMode | None = None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._fill(row, plan)
        cell = self.cell(row)
        if cell is not None and mode is not None:
            cell.set_mode(mode)

    def people_changed(self) -> None:
        """Who is present changed: each per-person list follows (kept prompts stay)."""
        if self._people is None:
            return
        people = list(self._people())
        for row in range(self.table.rowCount()):
            cell = self.cell(row)
            if cell is not None:
                cell.set_people(people)
                self.table.resizeRowToContents(row)

    def _fill(self, row: int, plan: RoundPlan) -> None:
        number = row + 1
        kind = QComboBox()
        kind.setAccessibleName(_("Kind of round {number}").format(number=number))
        for text, value in KINDS:
            kind.addItem(_(text), value)
        kind.setCurrentIndex(kind.findData(plan.kind))
        title = QLineEdit(plan.title)
        title.setAccessibleName(_("Name of round {number}").format(number=number))
        title.setPlaceholderText(_("optional"))
        policy = QComboBox()
        policy.setAccessibleName(_("Time policy of round {number}").format(number=number))
        for text, mode in POLICIES:
            policy.addItem(_(text), mode)
        policy.setCurrentIndex(policy.findData(plan.policy.mode))
        length = DurationBox(round(plan.policy.seconds) or DEFAULT_LENGTH, minimum=5)
        length.setAccessibleName(_("Length of round {number}").format(number=number))
        has_floor = plan.policy.mode is PolicyMode.FAIR_SHARE
        minimum = DurationBox(
            round(plan.policy.minimum) if has_floor else DEFAULT_MINIMUM, minimum=1
        )
        minimum.setAccessibleName(
            _("Minimum each person is offered in round {number}").format(number=number)
        )
        minimum.setToolTip(
            _("In a fair-share round, nobody is offered less than this (type 1:00, 45s or 1)")
        )

        def follow_policy(_index: int = 0) -> None:
            mode = policy.currentData()
            length.setEnabled(mode != PolicyMode.OPEN)
            minimum.setEnabled(mode == PolicyMode.FAIR_SHARE)
            length.setToolTip(
                _("Each person's turn (type 1:30, 90s or 2)")
                if mode == PolicyMode.FIXED
                else _("The whole round, shared among the people present (type 45:00 or 45)")
            )

        follow_policy()
        policy.currentIndexChanged.connect(follow_policy)
        policy.currentIndexChanged.connect(self.budgets_changed)
        length.seconds_changed.connect(self.budgets_changed)
        minimum.seconds_changed.connect(self.budgets_changed)
        kind.currentIndexChanged.connect(self.budgets_changed)
        actions = QWidget()
        if self._tools is not None:
            cell = self._cell(row, plan)
            kind.currentIndexChanged.connect(
                lambda _i, k=kind, c=cell: c.set_request(self._request(k.currentData()))
            )
            self._place(row, [kind, title, policy, length, minimum, cell, actions])
            self.table.resizeRowToContents(row)
            return
        prompt = QLineEdit(plan.prompt)
        prompt.setCursorPosition(0)  # a long prompt reads from its beginning
        prompt.setAccessibleName(_("Prompt for round {number}").format(number=number))
        can_pick = self._draw is not None or self._browse is not None
        prompt.setPlaceholderText(
            _("Type a prompt, or draw one") if can_pick else _("Type a prompt")
        )
        actions_layout = QHBoxLayout(actions)
        actions_layout.setContentsMargins(0, 0, 0, 0)
        if self._draw is not None:
            draw = QPushButton(_("Draw"))
            draw.setAccessibleName(_("Draw a prompt for round {number}").format(number=number))
            draw.clicked.connect(
                lambda _=False, w=prompt, r=row: self._fill_prompt(self._draw, r, w)
            )
            actions_layout.addWidget(draw)
        if self._browse is not None:
            browse = QPushButton(_("Browse…"))
            browse.setAccessibleName(_("Browse prompts for round {number}").format(number=number))
            browse.clicked.connect(
                lambda _=False, w=prompt, r=row: self._fill_prompt(self._browse, r, w)
            )
            actions_layout.addWidget(browse)
        self._place(row, [kind, title, policy, length, minimum, prompt, actions])

    def _place(self, row: int, editors: list[QWidget]) -> None:
        for column, editor in enumerate(editors):
            # The prompt cell lays itself out; every other editor keeps to the top of its cell.
            fits = isinstance(editor, RoundPromptCell)
            self.table.setCellWidget(row, column, editor if fits else _TopOfCell(editor))

    def field(self, row: int, column: int) -> QWidget:
        """The editor in a cell (a combo box, line edit, duration box or prompt cell)."""
        widget = self.table.cellWidget(row, column)
        return widget.editor if isinstance(widget, _TopOfCell) else widget

    def _request(self, kind: RoundKind) -> DrawRequest:
        first = self._tools.first_meeting if self._tools else False
        return DrawRequest.for_round(RoundKind(kind), first_meeting=first)

    def _cell(self, row: int, plan: RoundPlan) -> RoundPromptCell:
        assert self._tools is not None
        cell = RoundPromptCell(
            label=_("round {number}").format(number=row + 1),
            text=plan.prompt,
            person_prompts=plan.person_prompts,
            request=self._request(plan.kind),
            tools=self._tools,
            per_person_allowed=self._people is not None,
        )
        if self._people is not None:
            cell.set_people(list(self._people()))
        cell.changed.connect(partial(self._fit_row, cell))
        cell.set_others(partial(self._chosen_elsewhere, cell))
        return cell

    def _chosen_elsewhere(self, cell: RoundPromptCell) -> set[str]:
        """Library prompts other rounds already hold, so one session never hears one twice."""
        chosen: set[str] = set()
        for row in range(self.table.rowCount()):
            other = self.cell(row)
            if other is not None and other is not cell:
                chosen |= other.chosen_ids()
        return chosen

    def _fit_row(self, cell: RoundPromptCell) -> None:
        """A draw note, or a list of people, needs a taller row; once they go, a shorter one.
        The cell's layouts are asked afresh: they still remembered a note just hidden, and the
        row kept the note's empty line under a fresh prompt."""
        cell.forget_layout()
        for row in range(self.table.rowCount()):
            if self.table.cellWidget(row, PROMPT_COLUMN) is cell:
                self._fit_row_at(row)

    def _fit_row_at(self, row: int) -> None:
        """The row as tall as its editors ask, and as its prompt cell needs at the column's
        width: a note wrapped onto three lines (Arabic, a 1024-pixel screen) was cut to the
        one line its size hint promised."""
        self.table.resizeRowToContents(row)
        cell = self.cell(row)
        if cell is not None and cell.hasHeightForWidth():
            wanted = cell.heightForWidth(self.table.columnWidth(PROMPT_COLUMN))
            if wanted > self.table.rowHeight(row):
                self.table.setRowHeight(row, wanted)

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        """The prompt column got narrower or wider: a wrapped note needs more or fewer lines."""
        if column == PROMPT_COLUMN:
            for row in range(self.table.rowCount()):
                self._fit_row_at(row)

    def cell(self, row: int) -> RoundPromptCell | None:
        """A round's prompt cell (None without prompt tools)."""
        widget = self.table.cellWidget(row, PROMPT_COLUMN)
        return widget if isinstance(widget, RoundPromptCell) else None

    def picker(self, row: int) -> PromptPicker | None:
        """The shared prompt picker of a round (None without prompt tools)."""
        cell = self.cell(row)
        return cell.picker if cell is not None else None

    def _fill_prompt(self, source: PromptSource | None, row: int, field: QLineEdit) -> None:
        if source is None:
            return
        text = source(self.round_at(row), self)
        if text:
            field.setText(text)
            field.setCursorPosition(0)

    def length(self, row: int) -> DurationBox:
        return cast(DurationBox, self.field(row, LENGTH))

    def minimum(self, row: int) -> DurationBox:
        return cast(DurationBox, self.field(row, MINIMUM))

    def round_at(self, row: int) -> RoundPlan:
        kind = RoundKind(cast(QComboBox, self.field(row, KIND)).currentData())
        title = cast(QLineEdit, self.field(row, NAME)).text().strip()
        mode = PolicyMode(cast(QComboBox, self.field(row, POLICY)).currentData())
        seconds = self.length(row).seconds()
        prompt = cast(QLineEdit | RoundPromptCell, self.field(row, PROMPT_COLUMN)).text().strip()
        cell = self.cell(row)
        personal = cell.person_prompts() if cell is not None else ()
        if mode is PolicyMode.OPEN:
            policy = TimePolicy.open()
        elif mode is PolicyMode.FIXED:
            policy = TimePolicy.fixed(seconds)
        else:
            policy = TimePolicy.fair_share(seconds, minimum=self.minimum(row).seconds())
        return RoundPlan(
            kind=kind, policy=policy, prompt=prompt, title=title, person_prompts=personal
        )

    def set_round_time(
        self, row: int, *, length: int | None = None, minimum: int | None = None
    ) -> None:
        """Change a round's length or its fair-share minimum, as if typed (the set-up dialog's
        one-step adjustment)."""
        if length is not None:
            self.length(row).set_seconds(length)
        if minimum is not None:
            self.minimum(row).set_seconds(minimum)

    def rounds(self, *, skip_check_in: bool = False) -> list[RoundPlan]:
        plan = [self.round_at(row) for row in range(self.table.rowCount())]
        if skip_check_in:
            plan = [r for r in plan if r.kind is not RoundKind.CHECK_IN]
        return plan

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.budgets_changed.emit()

    def _move(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        plans = self.rounds()
        modes = [c.prompt_mode() if c else None for c in map(self.cell, range(len(plans)))]
        plans[row], plans[target] = plans[target], plans[row]
        modes[row], modes[target] = modes[target], modes[row]
        self.table.setRowCount(0)
        for plan, mode in zip(plans, modes, strict=True):
            self.add_round(plan, mode)
        self.table.setCurrentCell(target, 0)

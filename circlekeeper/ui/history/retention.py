"""Per-circle retention: keep sessions for a set number of days, show what will go, delete.

Peer-support groups often promise that records do not outlive a period; the panel never deletes
without first listing what would go and asking.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.history.records import RetentionPreview
from circlekeeper.history.source import HistorySource
from circlekeeper.ui.history.format import local_time
from circlekeeper.ui.history.session_detail import plain_label

Ask = Callable[[QWidget, str, str], bool]


class RetentionPanel(QWidget):
    sessions_deleted = Signal(int)

    def __init__(
        self,
        source: HistorySource,
        circle_id: int,
        retention_days: int | None,
        *,
        ask: Ask,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._circle_id = circle_id
        self._ask = ask
        self._now = now
        self.preview: RetentionPreview | None = None
        self.setAccessibleName("Retention")
        self.days = QSpinBox()
        self.days.setRange(0, 36500)
        self.days.setSpecialValueText("keep everything")
        self.days.setSuffix(" days")
        self.days.setValue(retention_days or 0)
        self.days.setAccessibleName("Keep sessions for")
        label = QLabel("Keep sessions for")
        label.setBuddy(self.days)
        self.save_button = QPushButton("Sa&ve period")
        self.save_button.setAccessibleName("Save retention period")
        self.preview_button = QPushButton("S&how what would be deleted")
        self.preview_button.setAccessibleName("Show what would be deleted")
        self.delete_button = QPushButton("Delete them &now…")
        self.delete_button.setAccessibleName("Delete old sessions now")
        self.delete_button.setEnabled(False)
        self.summary = plain_label("", "What would be deleted")
        self.doomed = QListWidget()
        self.doomed.setAccessibleName("Sessions that would be deleted")
        self.doomed.setMaximumHeight(120)
        self.doomed.hide()

        # Two short rows, not one long one: on a small laptop the circle view must not be wider
        # than its scroll area (it only scrolls up and down).
        period = QHBoxLayout()
        period.addWidget(label)
        period.addWidget(self.days)
        period.addWidget(self.save_button)
        period.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.preview_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(period)
        layout.addLayout(actions)
        layout.addWidget(self.summary)
        layout.addWidget(self.doomed)

        self.save_button.clicked.connect(self.save)
        self.preview_button.clicked.connect(self.show_preview)
        self.delete_button.clicked.connect(self.delete_now)
        self.days.valueChanged.connect(self._invalidate)

    def _invalidate(self, *_args: object) -> None:
        self.preview = None
        self.delete_button.setEnabled(False)
        self.summary.setText("")
        self.doomed.hide()

    def save(self) -> None:
        days = self.days.value() or None
        self._source.set_retention(self._circle_id, days)
        self.summary.setText(
            "Sessions are kept until you delete them."
            if days is None
            else f"Sessions older than {days} days will be offered for deletion."
        )

    def show_preview(self) -> RetentionPreview | None:
        days = self.days.value()
        if not days:
            self._invalidate()
            self.summary.setText("No retention period is set, so nothing would be deleted.")
            return None
        preview = self._source.retention_preview(self._circle_id, days, now=self._now())
        self.preview = preview
        self.doomed.clear()
        if not preview.sessions:
            self.summary.setText(
                f"Nothing started before {local_time(preview.cutoff, '', with_time=False)};"
                " nothing would be deleted."
            )
            self.delete_button.setEnabled(False)
            self.doomed.hide()
            return preview
        notes = (
            f" and {preview.notes} private note" + ("" if preview.notes == 1 else "s")
            if preview.notes
            else ""
        )
        assert preview.oldest is not None and preview.newest is not None
        self.summary.setText(
            f"{preview.sessions} session"
            + ("" if preview.sessions == 1 else "s")
            + f"{notes} from {local_time(preview.oldest, '', with_time=False)} to"
            f" {local_time(preview.newest, '', with_time=False)} would be deleted, with their"
            " logs, prompts and moods."
        )
        for listing in preview.sample:
            self.doomed.addItem(
                f"{local_time(listing.started_at, listing.timezone)} · {listing.present_count or 0}"
                " present"
            )
        if preview.sessions > len(preview.sample):
            self.doomed.addItem(f"… and {preview.sessions - len(preview.sample)} more")
        self.doomed.show()
        self.delete_button.setEnabled(True)
        return preview

    def delete_now(self) -> int:
        preview = self.preview
        if preview is None or not preview.sessions:
            return 0
        if not self._ask(
            self,
            "Delete old sessions?",
            f"Delete {preview.sessions} session"
            + ("" if preview.sessions == 1 else "s")
            + " and everything recorded with them? This cannot be undone.",
        ):
            return 0
        # Same cutoff as shown: nothing newer than what the facilitator saw is touched.
        deleted = self._source.apply_retention(self._circle_id, preview.days, now=preview.now)
        self._invalidate()
        self.summary.setText(f"Deleted {deleted} session" + ("" if deleted == 1 else "s") + ".")
        self.sessions_deleted.emit(deleted)
        return deleted

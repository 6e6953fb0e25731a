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
from circlekeeper.i18n import _, ngettext
from circlekeeper.ui.history.format import count, local_time
from circlekeeper.ui.history.session_detail import plain_label
from circlekeeper.ui.read_only_hold import writes

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
        self.setAccessibleName(_("Retention"))
        self.days = writes(QSpinBox())
        self.days.setRange(0, 36500)
        self.days.setSpecialValueText(_("keep everything"))
        self.days.setValue(retention_days or 0)
        self._suffix_for(self.days.value())
        self.days.setAccessibleName(_("Keep sessions for"))
        label = QLabel(_("Keep sessions for"))
        label.setBuddy(self.days)
        self.save_button = writes(QPushButton(_("Sa&ve period")))
        self.save_button.setAccessibleName(_("Save retention period"))
        self.preview_button = QPushButton(_("S&how what would be deleted"))
        self.preview_button.setAccessibleName(_("Show what would be deleted"))
        self.delete_button = writes(QPushButton(_("Delete them &now…")))
        self.delete_button.setAccessibleName(_("Delete old sessions now"))
        self.delete_button.setEnabled(False)
        self.summary = plain_label("", _("What would be deleted"))
        self.doomed = QListWidget()
        self.doomed.setAccessibleName(_("Sessions that would be deleted"))
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
        self.days.valueChanged.connect(self._suffix_for)

    def _suffix_for(self, days: int) -> None:
        """ " day" or " days" after the number, in the form the language uses for it."""
        # Translators: the unit after a number in a spin box ("30 days"); keep the space
        # before it if your language puts one between a number and its unit.
        self.days.setSuffix(ngettext(" day", " days", days))

    def _invalidate(self, *_args: object) -> None:
        self.preview = None
        self.delete_button.setEnabled(False)
        self.summary.setText("")
        self.doomed.hide()

    def save(self) -> None:
        days = self.days.value() or None
        self._source.set_retention(self._circle_id, days)
        self.summary.setText(
            _("Sessions are kept until you delete them.")
            if days is None
            else ngettext(
                "Sessions older than {count} day will be offered for deletion.",
                "Sessions older than {count} days will be offered for deletion.",
                days,
            ).format(count=count(days))
        )

    def show_preview(self) -> RetentionPreview | None:
        days = self.days.value()
        if not days:
            self._invalidate()
            self.summary.setText(_("No retention period is set, so nothing would be deleted."))
            return None
        preview = self._source.retention_preview(self._circle_id, days, now=self._now())
        self.preview = preview
        self.doomed.clear()
        if not preview.sessions:
            self.summary.setText(
                _("Nothing started before {day}; nothing would be deleted.").format(
                    day=local_time(preview.cutoff, "", with_time=False)
                )
            )
            self.delete_button.setEnabled(False)
            self.doomed.hide()
            return preview
        assert preview.oldest is not None and preview.newest is not None
        self.summary.setText(self._doomed_sentence(preview))
        for listing in preview.sample:
            present = listing.present_count or 0
            # Translators: one session that would be deleted: when, and how many were there.
            self.doomed.addItem(
                ngettext("{when} · {count} present", "{when} · {count} present", present).format(
                    when=local_time(listing.started_at, listing.timezone), count=count(present)
                )
            )
        more = preview.sessions - len(preview.sample)
        if more > 0:
            self.doomed.addItem(
                ngettext("… and {count} more", "… and {count} more", more).format(count=count(more))
            )
        self.doomed.show()
        self.delete_button.setEnabled(True)
        return preview

    def delete_now(self) -> int:
        preview = self.preview
        if preview is None or not preview.sessions:
            return 0
        question = ngettext(
            "Delete {count} session and everything recorded with it? This cannot be undone.",
            "Delete {count} sessions and everything recorded with them? This cannot be undone.",
            preview.sessions,
        ).format(count=count(preview.sessions))
        if not self._ask(self, _("Delete old sessions?"), question):
            return 0
        # Same cutoff as shown: nothing newer than what the facilitator saw is touched.
        deleted = self._source.apply_retention(self._circle_id, preview.days, now=preview.now)
        self._invalidate()
        self.summary.setText(
            ngettext("Deleted {count} session.", "Deleted {count} sessions.", deleted).format(
                count=count(deleted)
            )
        )
        self.sessions_deleted.emit(deleted)
        return deleted

    @staticmethod
    def _doomed_sentence(preview: RetentionPreview) -> str:
        """What a deletion would take, as one whole sentence (with or without private notes)."""
        assert preview.oldest is not None and preview.newest is not None
        values = {
            "count": count(preview.sessions),
            "notes": count(preview.notes),
            "first": local_time(preview.oldest, "", with_time=False),
            "last": local_time(preview.newest, "", with_time=False),
        }
        if not preview.notes:
            return ngettext(
                "{count} session from {first} to {last} would be deleted, with its log, prompts"
                " and moods.",
                "{count} sessions from {first} to {last} would be deleted, with their logs,"
                " prompts and moods.",
                preview.sessions,
            ).format(**values)
        notes = ngettext("{notes} private note", "{notes} private notes", preview.notes)
        # Translators: {private_notes} is the phrase "{notes} private note(s)" translated above.
        return ngettext(
            "{count} session and {private_notes} from {first} to {last} would be deleted, with"
            " its log, prompts and moods.",
            "{count} sessions and {private_notes} from {first} to {last} would be deleted, with"
            " their logs, prompts and moods.",
            preview.sessions,
        ).format(private_notes=notes.format(**values), **values)

"""Settings that travel with the data: what printed summaries carry, and how the app behaves.

Organizations want their name and logo on every summary and a paper size their printer takes;
facilitators want the screen cues they chose last time. All of it is stored beside the circles
(``store.settings``), so a copied database keeps its look.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from circlekeeper.i18n import _, language, ngettext, pgettext, shipped_languages
from circlekeeper.session.printing import Paper, Privacy
from circlekeeper.ui.length_limit import limit_length
from circlekeeper.ui.placeholder_fit import fit_placeholder
from circlekeeper.ui.screen_fit import fit_to_screen

MAX_ORGANIZATION = 200


class SettingsStore(Protocol):
    def get(self, key: str, default: str | None = None) -> str | None: ...

    def set(self, key: str, value: str) -> None: ...


@dataclass(frozen=True, slots=True)
class AppSettings:
    organization: str = ""
    logo_path: str = ""
    paper: Paper = Paper.A4
    privacy: Privacy = Privacy.COUNTS
    vault_idle_minutes: int = 15
    prompt_avoid_last: int = 8
    discreet_cues: bool = False
    neutral_presenter: bool = True
    auto_start_next: bool = True
    muted: bool = False
    presenter_end_time: bool = False
    """Show the circle's planned end on the presenter screen (off: the room sees no clock)."""

    @classmethod
    def load(cls, store: SettingsStore) -> AppSettings:
        """Whatever is stored, with the defaults for anything missing or unreadable."""
        default = cls()

        def number(key: str, fallback: int) -> int:
            try:
                return max(0, int(float(store.get(key) or fallback)))
            except ValueError:
                return fallback

        def flag(key: str, fallback: bool) -> bool:
            value = store.get(key)
            return {"1": True, "0": False}.get(value or "", fallback)

        def choice(key: str, kind: Callable[[str], Any], fallback: Any) -> Any:
            try:
                return kind(store.get(key) or fallback)
            except ValueError:
                return fallback

        return cls(
            organization=store.get("organization") or "",
            logo_path=store.get("logo_path") or "",
            paper=choice("paper", Paper, default.paper),
            privacy=choice("privacy", Privacy, default.privacy),
            vault_idle_minutes=number("vault_idle_minutes", default.vault_idle_minutes),
            prompt_avoid_last=number("prompt_avoid_last", default.prompt_avoid_last),
            discreet_cues=flag("discreet_cues", default.discreet_cues),
            neutral_presenter=flag("neutral_presenter", default.neutral_presenter),
            auto_start_next=flag("auto_start_next", default.auto_start_next),
            muted=flag("muted", default.muted),
            presenter_end_time=flag("presenter_end_time", default.presenter_end_time),
        )

    def save(self, store: SettingsStore) -> None:
        for key, value in (
            ("organization", self.organization),
            ("logo_path", self.logo_path),
            ("paper", self.paper.value),
            ("privacy", self.privacy.value),
            ("vault_idle_minutes", str(self.vault_idle_minutes)),
            ("prompt_avoid_last", str(self.prompt_avoid_last)),
            ("discreet_cues", "1" if self.discreet_cues else "0"),
            ("neutral_presenter", "1" if self.neutral_presenter else "0"),
            ("auto_start_next", "1" if self.auto_start_next else "0"),
            ("muted", "1" if self.muted else "0"),
            ("presenter_end_time", "1" if self.presenter_end_time else "0"),
        ):
            store.set(key, value)


def logo_problem(path: str) -> str | None:
    """Why a logo file cannot be printed, in words; ``None`` when it can."""
    if not path:
        return None
    file = Path(path)
    if not file.is_file():
        return _("There is no file at {path}.").format(path=path)
    reader = QImageReader(str(file))
    if not reader.canRead() or bytes(reader.format().data()).decode() not in ("png", "jpeg", "jpg"):
        return _("The logo must be a PNG or JPEG picture.")
    return None


def language_saved_message(code: str) -> str:
    """What the status bar says once a new language is chosen (it applies at the next start)."""
    if not code:
        return _("CircleKeeper will follow the system's language the next time it opens.")
    return _("CircleKeeper will speak {language} the next time it opens.").format(
        language=language(code).native_name
    )


def counted_spin(spin: QSpinBox, words: str) -> None:
    """Words around a spin box's number from one translated ``{count}`` sentence, so each
    language puts them before or after the number and in the right plural form."""
    before, _marker, after = words.partition("{count}")
    spin.setPrefix(before)
    spin.setSuffix(after)


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: AppSettings,
        parent: QWidget | None = None,
        *,
        language: str | None = None,
    ) -> None:
        """``language`` is the saved language choice (``""``: the system's); ``None`` hides
        the choice (no place to keep it)."""
        super().__init__(parent)
        self.chosen_language = language
        self.setWindowTitle(_("Settings"))
        self.setAccessibleName(_("Settings"))
        self.result_settings: AppSettings | None = None

        self.organization = QLineEdit(settings.organization)
        self.organization.setAccessibleName(_("Organization name"))
        limit_length(self.organization, MAX_ORGANIZATION)
        fit_placeholder(
            self.organization,
            _("Printed at the top of every summary"),
            # Translators: the short form of "Printed at the top of every summary".
            _("Printed on every summary"),
        )
        self.logo = QLineEdit(settings.logo_path)
        self.logo.setAccessibleName(_("Logo file"))
        fit_placeholder(
            self.logo,
            _("A PNG or JPEG picture (optional)"),
            # Translators: the short form of "A PNG or JPEG picture (optional)".
            _("PNG or JPEG (optional)"),
        )
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        browse = QPushButton(_("C&hoose…"))
        browse.setAccessibleName(_("Choose a logo"))
        browse.clicked.connect(self._choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
        self.paper = QComboBox()
        self.paper.setAccessibleName(_("Paper size"))
        for paper in Paper:
            self.paper.addItem(paper.label, paper.value)
        self.paper.setCurrentIndex(self.paper.findData(settings.paper.value))
        self.privacy = QComboBox()
        self.privacy.setAccessibleName(_("Printed summaries show"))
        self.privacy.setToolTip(_("A circle's own choice (Edit circle) comes first"))
        for level in Privacy:
            self.privacy.addItem(level.label, level.value)
        self.privacy.setCurrentIndex(self.privacy.findData(settings.privacy.value))
        printed = QGroupBox(_("Printed summaries"))
        printed_form = QFormLayout(printed)
        # Every field, tick box and button answers to Alt and a letter, each once in the dialog.
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        printed_form.addRow(_("&Organization"), self.organization)
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        logo_label = QLabel(_("&Logo"))
        logo_label.setBuddy(self.logo)
        printed_form.addRow(logo_label, logo_row)
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        printed_form.addRow(_("&Paper"), self.paper)
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        printed_form.addRow(pgettext("settings", "Printed summaries &show"), self.privacy)

        self.idle = QSpinBox()
        self.idle.setAccessibleName(_("Lock private notes after"))
        self.idle.setRange(0, 240)
        self.idle.setSpecialValueText(_("never by itself"))
        self.idle.valueChanged.connect(self._word_idle)
        self.idle.setValue(settings.vault_idle_minutes)
        self._word_idle(self.idle.value())
        self.avoid = QSpinBox()
        self.avoid.setAccessibleName(_("Avoid prompts heard in the last sessions"))
        self.avoid.setRange(0, 100)
        self.avoid.valueChanged.connect(self._word_avoid)
        self.avoid.setValue(settings.prompt_avoid_last)
        self._word_avoid(self.avoid.value())
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        self.discreet = QCheckBox(pgettext("settings", "&Discreet cues on my screen"))
        self.discreet.setChecked(settings.discreet_cues)
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        self.neutral = QCheckBox(_("Keep the presenter screen &neutral (no warning colours)"))
        self.neutral.setChecked(settings.neutral_presenter)
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        self.auto = QCheckBox(_("Start the next &turn when I move on"))
        self.auto.setChecked(settings.auto_start_next)
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        self.muted = QCheckBox(pgettext("settings", "&Mute the chime"))
        self.muted.setChecked(settings.muted)
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        self.end_time = QCheckBox(_("Show the circle's planned &end on the presenter screen"))
        self.end_time.setChecked(settings.presenter_end_time)
        behaviour = QGroupBox(_("During a circle"))
        behaviour_form = QFormLayout(behaviour)
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        behaviour_form.addRow(_("Loc&k private notes"), self.idle)
        # Translators: & marks the Alt+letter; each must differ from this dialog's others.
        behaviour_form.addRow(_("Draws &avoid prompts from"), self.avoid)
        for box in (self.discreet, self.neutral, self.end_time, self.auto, self.muted):
            box.setAccessibleName(box.text())
            behaviour_form.addRow(box)

        self.language: QComboBox | None = None
        chooser: QGroupBox | None = None
        if language is not None:
            self.language = QComboBox()
            self.language.setAccessibleName(_("Language"))
            self.language.addItem(_("The system's language"), "")
            for each in shipped_languages():  # each named in its own language
                self.language.addItem(each.native_name, each.code)
            self.language.setCurrentIndex(max(0, self.language.findData(language)))
            chooser = QGroupBox(_("Language"))
            chooser_form = QFormLayout(chooser)
            # Translators: & marks the Alt+letter; each must differ from this dialog's others.
            chooser_form.addRow(_("&Window and commands"), self.language)
            note = QLabel(_("A new language applies at once; a running circle carries on."))
            note.setWordWrap(True)
            chooser_form.addRow(note)

        self.error = QLabel()
        self.error.setAccessibleName(_("Problem"))
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(printed)
        layout.addWidget(behaviour)
        if chooser is not None:
            layout.addWidget(chooser)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_to_screen(self, 620, self.sizeHint().height())

    def _word_idle(self, minutes: int) -> None:
        words = ngettext(
            "after {count} minute without use", "after {count} minutes without use", minutes
        )
        counted_spin(self.idle, words)

    def _word_avoid(self, sessions: int) -> None:
        counted_spin(
            self.avoid, ngettext("{count} recent session", "{count} recent sessions", sessions)
        )

    def _choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Choose a logo"), self.logo.text(), _("Pictures (*.png *.jpg *.jpeg)")
        )
        if path:
            self.logo.setText(path)

    def _accept(self) -> None:
        logo = self.logo.text().strip()
        problem = logo_problem(logo)
        if problem is not None:
            self.error.setText(problem)
            self.error.show()
            return
        self.result_settings = AppSettings(
            organization=self.organization.text().strip(),
            logo_path=logo,
            paper=Paper(self.paper.currentData()),
            privacy=Privacy(self.privacy.currentData()),
            vault_idle_minutes=self.idle.value(),
            prompt_avoid_last=self.avoid.value(),
            discreet_cues=self.discreet.isChecked(),
            neutral_presenter=self.neutral.isChecked(),
            auto_start_next=self.auto.isChecked(),
            muted=self.muted.isChecked(),
            presenter_end_time=self.end_time.isChecked(),
        )
        if self.language is not None:
            self.chosen_language = self.language.currentData()
        self.accept()

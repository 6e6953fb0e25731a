"""The resume offer's times read on one clock, the locale's (Babel), in every language."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QMessageBox

from circlekeeper.i18n import speaking
from circlekeeper.ui.bidi_text import plain
from circlekeeper.ui.catalog import LiveSessionInfo
from circlekeeper.ui.live import resume_dialog

STARTED = datetime(2026, 12, 2, 16, 5, tzinfo=UTC)


def offer_text(monkeypatch, info: LiveSessionInfo, language: str) -> str:
    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(plain(box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    with speaking(language):
        resume_dialog.ask_resume(None, info)
    return shown[0]


def info(alive_after: timedelta) -> LiveSessionInfo:
    return LiveSessionInfo(1, "نور — Tuesday", STARTED, STARTED + alive_after, 12)


def test_the_last_sign_of_life_is_on_the_same_clock_as_the_start(qtbot, monkeypatch) -> None:
    english = offer_text(monkeypatch, info(timedelta(minutes=35)), "en")
    # Both times in the 12-hour clock English uses (it said "4:05 PM … last sign of life:
    # 16:40"), whatever the machine's time zone.
    assert english.count("AM") + english.count("PM") == 2, english
    german = offer_text(monkeypatch, info(timedelta(minutes=35)), "de")
    assert "AM" not in german and "PM" not in german, german


def test_a_sign_of_life_on_another_day_names_that_day(qtbot, monkeypatch) -> None:
    text = offer_text(monkeypatch, info(timedelta(days=1)), "en")
    assert "Dec 3, 2026" in text or "Dec 2, 2026" in text.split("last sign of life")[1], text


def test_the_last_word_before_deleting_names_the_deed_in_every_language(
    qtbot, monkeypatch, english_afterwards
) -> None:
    """Qt's own Discard said «ارفض» ("refuse") in Arabic; the button now says what it does,
    and Cancel, the default, says «إلغاء» as every other Cancel does."""
    from circlekeeper.i18n import use_language
    from circlekeeper.ui.qt_language import apply_language

    use_language("ar")
    apply_language(english_afterwards, "ar")
    seen: list[tuple[list[str], str]] = []

    def exec_(box: QMessageBox) -> int:
        seen.append(
            ([b.text().replace("&", "") for b in box.buttons()], box.defaultButton().text())
        )
        delete = next(b for b in box.buttons() if b.text().replace("&", "") == "حذف الحلقة")
        delete.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    assert resume_dialog.sure_to_delete(None, info(timedelta(minutes=5)))
    buttons, default = seen[0]
    assert sorted(buttons) == sorted(["حذف الحلقة", "إلغاء"]) and default == "إلغاء"

"""The prompt browser through the widgets: search, filters, marks, custom prompts, decks."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton

from circlekeeper.prompts import PromptQuery
from circlekeeper.session.prompts import Intensity, Principle, Prompt, PromptCategory, PromptUse
from circlekeeper.ui.prompts.browser import PromptBrowser

WEATHER = "check-in:inner-weather"


def make(qtbot, library, **kw) -> PromptBrowser:
    browser = PromptBrowser(library, **kw)
    qtbot.addWidget(browser)
    return browser


def button(widget, name: str) -> QPushButton:
    found = [b for b in widget.findChildren(QPushButton) if b.accessibleName() == name]
    assert found, name
    return found[0]


def texts(browser: PromptBrowser) -> list[str]:
    return [p.text for p in browser.listed()]


def test_search_and_filters_narrow_the_list(qtbot, library) -> None:
    browser = make(qtbot, library)
    everything = browser.list.count()
    assert everything >= 150 and browser.count.text() == f"{everything} prompts"
    qtbot.keyClicks(browser.search, "weather")
    assert len(texts(browser)) == 2 and all("weather" in t.lower() for t in texts(browser))
    browser.search.clear()
    browser.category.setCurrentIndex(browser.category.findData(PromptCategory.HOPE))
    browser.intensity.setCurrentIndex(browser.intensity.findData(Intensity.DEEP))
    assert browser.listed() and all(
        p.category is PromptCategory.HOPE and p.intensity is Intensity.DEEP
        for p in browser.listed()
    )
    browser.intensity.setCurrentIndex(0)
    browser.tag.setCurrentIndex(browser.tag.findData("nature"))
    assert all("nature" in p.tags for p in browser.listed())
    browser.first_meeting.setChecked(True)
    assert all(p.first_meeting for p in browser.listed())


def test_nothing_found_says_what_to_do(qtbot, library) -> None:
    browser = make(qtbot, library)
    browser.search.setText("ڤڤڤ 不存在")
    assert browser.list.count() == 0 and "Try fewer filters" in browser.preview.text()
    assert not browser.use_button.isEnabled()


def test_preview_shows_words_details_and_passing(qtbot, library) -> None:
    browser = make(qtbot, library)
    browser.search.setText("inner weather forecast")
    assert browser.preview.text() == library.get(WEATHER).text
    assert "Check-in" in browser.details.text() and "metaphor" in browser.details.text()
    labels = [label.text() for label in browser.findChildren(QLabel)]
    assert any("Anyone may pass" in text for text in labels)


def test_favourite_and_hide_from_the_preview(qtbot, library) -> None:
    browser = make(qtbot, library)
    browser.search.setText("inner weather forecast")
    button(browser, "Favourite").click()
    assert library.is_favourite(WEATHER)
    assert browser.list.item(0).text().startswith("★")
    browser.favourites_only.setChecked(True)
    assert [p.prompt_id for p in browser.listed()] == [WEATHER]
    browser.favourites_only.setChecked(False)
    button(browser, "Hide").click()
    assert library.is_hidden(WEATHER) and browser.list.count() == 0
    assert "will not be offered" in browser.message.text()
    browser.show_hidden.setChecked(True)
    assert "(hidden)" in browser.list.item(0).text()
    button(browser, "Show again").click()
    assert not library.is_hidden(WEATHER)


def test_new_prompt_through_the_editor_hook(qtbot, library) -> None:
    asked: list[tuple[Prompt | None, PromptCategory | None]] = []

    def editor(original, parent, category):
        asked.append((original, category))
        return Prompt(
            "",
            "Wie geht's dir heute, wirklich? 🌤 <i>&</i>",
            category or PromptCategory.SHARING,
            Intensity.LIGHT,
            frozenset({Principle.RESPECT}),
        )

    browser = make(qtbot, library, edit=editor, category=PromptCategory.CHECK_OUT)
    button(browser, "New prompt").click()
    assert asked == [(None, PromptCategory.CHECK_OUT)]
    assert browser.current().text.startswith("Wie geht's") and browser.current().custom
    assert "Added" in browser.message.text()
    button(browser, "New prompt").click()  # same words again
    assert "already in the library" in browser.message.text()


def test_editing_a_shipped_prompt_saves_a_copy(qtbot, library) -> None:
    browser = make(qtbot, library, edit=lambda p, w, c: replace(p, text="My own weather question?"))
    browser.search.setText("inner weather forecast")
    button(browser, "Edit prompt").click()
    current = browser.current()
    assert current.custom and current.based_on == WEATHER
    assert "own copy" in browser.message.text()
    original = library.get(WEATHER).text
    assert f"Your own version of “{original}”" in browser.details.text()
    assert "check-in:" not in browser.details.text(), "no internal id where people read"
    assert WEATHER in browser.details.toolTip(), "the id is there for power users"
    button(browser, "Archive").click()
    assert "Restored" not in browser.message.text()
    assert library.get(current.prompt_id).archived


def test_choose_returns_the_picked_prompt(qtbot, library, monkeypatch) -> None:
    browser = make(qtbot, library)
    monkeypatch.setattr(
        QDialog,
        "exec",
        lambda self: (
            self.search.setText("inner weather forecast"),
            self.use_button.click(),
            self.result(),
        )[-1],
    )
    assert browser.choose() == library.get(WEATHER)
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert browser.choose() is None


def test_double_click_uses_the_prompt(qtbot, library) -> None:
    browser = make(qtbot, library)
    browser.search.setText("inner weather forecast")
    browser.list.itemDoubleClicked.emit(browser.list.item(0))
    assert (
        browser.chosen == library.get(WEATHER) and browser.result() == QDialog.DialogCode.Accepted
    )


BAD_DECK = """[deck]
id = "x"
title = "X"

[[prompts]]
slug = "a"
text = "Fine prompt?"
category = "check-in"
intensity = "light"
principles = ["respect"]

[[prompts]]
slug = "b"
text = "Broken prompt?"
category = "weather"
intensity = "light"
principles = ["respect"]
"""


def test_import_errors_show_in_the_dialog_and_import_nothing(qtbot, library, tmp_path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(BAD_DECK, encoding="utf-8")
    browser = make(qtbot, library, ask_open=lambda parent: path)
    button(browser, "Import deck").click()
    message = browser.message.text()
    assert "bad.toml" in message and "“b”" in message and "category" in message
    assert library.prompts(PromptQuery(custom_only=True, include_archived=True)) == []
    path.write_text(BAD_DECK.replace('"weather"', '"check-in"'), encoding="utf-8")
    button(browser, "Import deck").click()
    assert browser.message.text() == "Imported 2 prompts from bad.toml."
    browser.mine_only.setChecked(True)
    assert texts(browser) == ["Fine prompt?", "Broken prompt?"]


def test_export_writes_the_listed_prompts(qtbot, library, tmp_path) -> None:
    target = tmp_path / "mine.toml"
    browser = make(qtbot, library, ask_save=lambda parent: target)
    browser.tag.setCurrentIndex(browser.tag.findData("nonverbal"))
    button(browser, "Export the listed prompts").click()
    assert browser.message.text() == "Exported 1 prompt to mine.toml."
    assert "Instead of words" in target.read_text(encoding="utf-8")
    cancelled = make(qtbot, library, ask_save=lambda parent: None)
    button(cancelled, "Export the listed prompts").click()
    assert cancelled.message.text() == ""
    failing = make(qtbot, library, ask_save=lambda parent: Path(tmp_path / "no" / "x.toml"))
    button(failing, "Export the listed prompts").click()
    assert "could not be saved" in failing.message.text()


def test_circle_history_lists_what_was_heard_when(qtbot, library, repo) -> None:
    repo.add_session(1, 3, datetime(2026, 3, 2, 18, tzinfo=UTC))
    repo.add_session(2, 3, datetime(2026, 3, 9, 18, tzinfo=UTC))
    repo.record_use(PromptUse(1, 0, library.get(WEATHER).text, WEATHER))
    repo.record_use(PromptUse(2, 2, "Typed by hand: עברית 🌊"))
    browser = make(qtbot, library, circle_id=3, circle_name="Tuesday")
    assert browser.tabs.tabText(1) == "Heard in Tuesday"
    table = browser.used
    assert table.rowCount() == 2
    assert (
        table.item(0, 2).text() == "Typed by hand: עברית 🌊"
        and table.item(0, 1).text() == "Round 3"
    )
    heard = datetime(2026, 3, 2, 18, tzinfo=UTC).astimezone()
    assert table.item(1, 0).text() == heard.strftime("%b %-d, %Y")  # CLDR's English date
    browser.search.setText("inner weather forecast")
    assert "Last heard in this circle: " in browser.details.text()


def test_without_a_circle_there_is_no_history_tab(qtbot, library) -> None:
    browser = make(qtbot, library)
    assert browser.tabs.count() == 1


def test_render(qtbot, library, tmp_path) -> None:
    browser = make(qtbot, library, circle_id=1)
    browser.search.setText("weather")
    browser.show()
    qtbot.waitExposed(browser)
    assert not browser.grab().isNull()
    Path("/tmp/shots").mkdir(exist_ok=True)
    browser.grab().save("/tmp/shots/prompt_browser.png")
    assert browser.list.currentItem() is not None
    assert browser.list.currentItem().flags() & Qt.ItemFlag.ItemIsSelectable


def test_a_very_long_word_or_file_name_does_not_widen_the_dialog(qtbot, library) -> None:
    library.add_custom(
        Prompt(
            "",
            "W" * 900,
            PromptCategory.HOPE,
            Intensity.LIGHT,
            frozenset({Principle.RESPECT}),
        )
    )
    browser = make(qtbot, library)
    browser.mine_only.setChecked(True)
    browser._say("The deck “" + "x" * 300 + ".toml” could not be read.")
    browser.show()
    qtbot.waitExposed(browser)
    assert browser.preview.text() == "W" * 900
    assert browser.width() < 1300 and browser.minimumSizeHint().width() < 1300


def test_a_hostile_deck_file_is_refused_in_one_line_and_imports_nothing(
    qtbot, library, tmp_path
) -> None:
    path = tmp_path / "deep.toml"
    path.write_text("x = " + "[" * 100_000 + "]" * 100_000, encoding="utf-8")
    browser = make(qtbot, library, ask_open=lambda parent: path)
    button(browser, "Import deck").click()
    message = browser.message.text()
    assert "deep.toml" in message and "nests lists or tables more than 8 deep" in message
    assert "\n" not in message
    assert library.prompts(PromptQuery(custom_only=True, include_archived=True)) == []


def test_a_shipped_prompt_reads_as_words_not_an_internal_id(qtbot, library) -> None:
    browser = make(qtbot, library)
    browser.search.setText("inner weather forecast")
    details = browser.details.text()
    assert "Shipped with CircleKeeper" in details
    assert WEATHER not in details and "check-in:" not in details
    assert browser.details.toolTip() == f"Prompt id: {WEATHER}"


def test_a_circle_named_with_an_ampersand_keeps_it_on_its_tab(qtbot, library) -> None:
    """ "Tea & Talk" showed as "Tea _Talk" on the tab (Qt took the "&" for an Alt+letter)."""
    from tests.ui.mnemonics import mnemonic

    browser = make(qtbot, library, circle_id=3, circle_name="Tea & Talk")
    text = browser.tabs.tabText(1)
    assert mnemonic(text) is None
    assert text.replace("&&", "&") == "Heard in Tea & Talk"

"""*Import deck…* opens in the folder the last deck came from, and in Documents the first time
(it opened in the process's working directory)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from circlekeeper.ui.prompts.browser_parts import ask_open_deck


@pytest.fixture
def asked(monkeypatch, tmp_path: Path) -> list[str]:
    """Qt's settings in a temporary folder; the dialog's start folder noted, a deck chosen."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qt"))
    folders: list[str] = []
    answers = iter([str(tmp_path / "decks" / "grief.toml"), "", ""])

    def fake(_parent, _title, folder, _filter):
        folders.append(folder)
        return next(answers), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake)
    (tmp_path / "decks").mkdir()
    return folders


def test_the_first_import_opens_in_documents_and_the_next_where_the_last_deck_was(
    qtbot, asked: list[str], tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert ask_open_deck(parent) == tmp_path / "decks" / "grief.toml"
    assert asked[0] == documents and asked[0] != str(Path.cwd())
    assert ask_open_deck(parent) is None  # cancelled: the folder stays remembered
    assert ask_open_deck(parent) is None
    assert asked[1:] == [str(tmp_path / "decks")] * 2


def test_a_remembered_folder_that_is_gone_falls_back_to_documents(
    qtbot, asked: list[str], tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    ask_open_deck(parent)
    (tmp_path / "decks").rmdir()
    ask_open_deck(parent)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert asked[1] == documents


def test_export_proposes_a_file_named_in_the_facilitator_s_language_beside_the_decks(
    qtbot, monkeypatch, tmp_path: Path, english_afterwards
) -> None:
    """A Spanish library proposed "my-prompts.toml" in the working directory; it proposes
    "mis-preguntas.toml" in the folder decks come from."""
    from circlekeeper.i18n import use_language
    from circlekeeper.ui.prompts.browser_parts import ask_save_deck

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qt"))
    proposed: list[str] = []

    def fake(_parent, _title, path, _filter):
        proposed.append(path)
        return str(tmp_path / "mazo"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    use_language("es")
    parent = QWidget()
    qtbot.addWidget(parent)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert ask_save_deck(parent) == tmp_path / "mazo.toml"
    assert proposed == [str(Path(documents) / "mis-preguntas.toml")]


def test_export_suggests_documents_first_then_the_folder_decks_last_came_from(
    qtbot, asked: list[str], tmp_path: Path, monkeypatch
) -> None:
    """*Export deck…* suggested ``my-prompts.toml`` in the working directory; it now starts
    where *Import deck…* does, and where a deck was exported the import opens next."""
    from circlekeeper.ui.prompts.browser_parts import ask_save_deck

    suggested: list[str] = []
    saves = iter([str(tmp_path / "decks" / "ours"), str(tmp_path / "shared" / "ours.toml")])

    def fake_save(_parent, _title, suggestion, _filter):
        suggested.append(suggestion)
        return next(saves), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    (tmp_path / "shared").mkdir()
    parent = QWidget()
    qtbot.addWidget(parent)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert ask_save_deck(parent) == tmp_path / "decks" / "ours.toml"
    assert suggested[0] == str(Path(documents) / "my-prompts.toml")
    assert ask_save_deck(parent) == tmp_path / "shared" / "ours.toml"
    assert suggested[1] == str(tmp_path / "decks" / "my-prompts.toml")
    ask_open_deck(parent)
    assert asked == [str(tmp_path / "shared")]  # the import opens where the last export went

"""A session file comes back into the app without the command line: Circle > Import…"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from circlekeeper.session.interchange.session_file import document_from_log, dump_session
from circlekeeper.ui.catalog import CircleDetail, Member
from circlekeeper.ui.setup.setup_dialog import default_plan


def _circle_names(window) -> list[str]:
    return [window.circle_list.item(i).text() for i in range(window.circle_list.count())]


def test_a_session_file_is_filed_under_its_circle(
    qtbot, real_app, tmp_path: Path, monkeypatch
) -> None:
    parts = real_app()
    window = parts.window
    window.save_circle(
        CircleDetail(None, "Tuesday", default_plan=default_plan(), members=(Member(-1, "نور"),))
    )
    window.start_circle()
    session_id = window._session_id
    window.live_view.end_circle()
    window.summary_view.closed.emit("")
    entries = parts.store.sessions.entries(session_id)
    file = tmp_path / "visiting.json"
    file.write_text(dump_session(document_from_log(entries, circle="Visiting circle")), "utf-8")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(file), ""))
    window.import_session_file()
    assert "Visiting circle" in _circle_names(window)
    assert "Visiting circle" in window.statusBar().currentMessage()
    assert "the new circle" in window.statusBar().currentMessage()


def test_a_file_that_is_not_a_session_says_why_and_changes_nothing(
    qtbot, real_app, tmp_path: Path, monkeypatch
) -> None:
    window = real_app().window
    window.save_circle(CircleDetail(None, "Tuesday", members=(Member(-1, "Amal"),)))
    file = tmp_path / "notes.json"
    file.write_text("<b>not a session</b> & not JSON", "utf-8")
    said: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(file), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    window.import_session_file()
    assert len(said) == 1 and "JSON" in said[0]
    assert _circle_names(window) == ["Tuesday"]


def test_a_file_with_text_that_is_not_text_is_refused_in_one_sentence(
    qtbot, real_app, tmp_path: Path, monkeypatch
) -> None:
    from circlekeeper.session import CircleSession, FakeClock, Participant

    window = real_app().window
    session = CircleSession(FakeClock())
    session.start("Visiting circle", [Participant("a", "Ana")])
    session.end_session()
    text = dump_session(document_from_log(session.log)).replace('"Ana"', '"An\\ud800a"')
    file = tmp_path / "odd.json"
    file.write_text(text, "utf-8")
    said: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(file), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    window.import_session_file()
    assert len(said) == 1 and "unpaired surrogate" in said[0]
    assert "Visiting circle" not in _circle_names(window)

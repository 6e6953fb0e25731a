"""One real CircleKeeper app in its own process, driven line by line (for two-facilitator tests).

``python -m tests.store.app_process URL CIRCLE`` builds the real window on the database (as
``circlekeeper --db URL`` does, offscreen), records what its start-up offers for resuming,
then runs its event loop (real clocks: the live circle heartbeats and renews its lease as in
the app) and takes commands from stdin: ``start`` (a circle with two people), ``next`` (N),
``quit``. Each answer is one line on stdout.
"""

from __future__ import annotations

import json
import os
import queue
import sys
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CIRCLEKEEPER_MUTE", "1")


def reply(answer: dict[str, object]) -> None:
    print(json.dumps(answer), flush=True)


def main(url: str, circle: str) -> int:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    import circlekeeper.ui.live.resume_dialog as resume_dialog
    from circlekeeper.app import build_app
    from circlekeeper.ui.catalog import CircleDetail, Member
    from tests.ui.conftest import AutoSetup

    app = QApplication.instance() or QApplication([])
    offered: list[int] = []

    def record(parent: object, info: resume_dialog.LiveSessionInfo) -> resume_dialog.ResumeChoice:
        offered.append(info.session_id)
        return resume_dialog.ResumeChoice.LATER

    resume_dialog.ask_resume = record  # type: ignore[assignment]
    from circlekeeper.app import default_options

    options = default_options()  # the real clocks: heartbeats every 5 s while the loop runs
    options.setup_dialog = AutoSetup
    options.muted = True
    options.ask = lambda parent, title, question: True
    parts = build_app(url, options)
    window = parts.window
    window.show()
    window.offer_resume()
    reply({"identity": parts.data.store.identity, "offered": offered})
    commands: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [commands.put(x) for x in sys.stdin], daemon=True).start()

    def handle() -> None:
        while not commands.empty():
            command = commands.get().strip()
            if command == "start":
                window.save_circle(
                    CircleDetail(None, circle, members=(Member(-1, "Amal"), Member(-2, "Jonas")))
                )
                window.start_circle()
                reply({"session": window._session_id})
            elif command == "next":
                QTest.keyClick(window.live_view, Qt.Key.Key_N)
                reply({"events": len(window.controller.session.log)})
            elif command == "quit":
                app.quit()

    poll = QTimer()
    poll.timeout.connect(handle)
    poll.start(50)
    app.exec()  # the event loop runs: the live circle's timer, heartbeats, lease renewals
    window.controller.shutdown() if window.controller is not None else None
    parts.data.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2]))

"""The frozen app's entry script: the same entry point as the ``circlekeeper`` command.

No arguments opens the window; sub-commands print and exit. PyInstaller freezes this file
into ``circlekeeper`` (and, on Windows, also into the windowed ``circlekeeper-app.exe``, where
``gui_main`` gives output a place to go because there is no console).
"""

from circlekeeper.cli import gui_main

if __name__ == "__main__":
    raise SystemExit(gui_main())

"""``python -m circlekeeper``: the same entry point as the ``circlekeeper`` command."""

from circlekeeper.cli import main

raise SystemExit(main())

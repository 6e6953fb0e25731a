"""What lives as long as the process, left out of the cycle collector's rounds.

Once the window's data is open the process holds tens of thousands of objects that stay until
it ends: the modules, classes and functions of Qt's bindings, SQLAlchemy, Babel and the app,
the store's table metadata, the windows. Python's cycle collector looked through all of them
at every full collection, about 50 ms of CPU that fell on whatever the facilitator did at that
moment (in the history benchmark, one opening of the sessions table in a few took 95–160 ms
instead of 45). Frozen (``gc.freeze``), they are skipped, and a full collection looks only at
what was made since: about 2 ms. What the app makes from then on is collected as before.
"""

from __future__ import annotations

import gc


def keep_for_life() -> None:
    """Move every object the cycle collector tracks now out of its rounds for good.

    Called once the data is open (``app.run_gui``), when what exists is what start-up built
    to keep. Garbage that already exists then is kept too, never collected: a few start-up
    leftovers, nothing that grows."""
    gc.freeze()

"""The main window's size on a small laptop screen, as the app opens it there.

A 1024×600 screen less its desktop panel (32 pixels) leaves 1024×568; the app then keeps
room for the window manager's frame and title bar (``screen_fit.FRAME_ALLOWANCE``), so the
window itself is 1008×520. Tests that resized the window to the whole 1024×568 saw 16 more
pixels of width than a facilitator has, and passed while the real window scrolled sideways.
"""

from __future__ import annotations

from circlekeeper.ui.screen_fit import FRAME_ALLOWANCE

SMALL_SCREEN_AREA = (1024, 600 - 32)
"""A netbook's screen less its desktop panel."""
SMALL_WINDOW = (
    SMALL_SCREEN_AREA[0] - FRAME_ALLOWANCE[0],
    SMALL_SCREEN_AREA[1] - FRAME_ALLOWANCE[1],
)
"""The main window the app opens in that area (1008×520)."""
LAPTOP_WINDOW = (1366 - FRAME_ALLOWANCE[0], 768 - 32 - FRAME_ALLOWANCE[1])
"""The same on the commonest laptop screen, 1366×768 (1350×688)."""

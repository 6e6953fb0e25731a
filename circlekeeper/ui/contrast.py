"""WCAG 2.2 contrast between two colours, for the test that holds every theme to it.

Text needs 4.5:1 against its background (3:1 when large: 18.66 px bold or 24 px), and cues that
carry meaning without words (the ring's arc, a focus ring, a fairness bar) 3:1.
"""

from __future__ import annotations

TEXT = 4.5
LARGE_TEXT = 3.0
CUE = 3.0


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance of ``#rrggbb``."""
    hex_digits = colour.lstrip("#")
    r, g, b = (int(hex_digits[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(foreground: str, background: str) -> float:
    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)

"""Keys named the way keyboards in the facilitator's language label them ("Espacio",
"Strg+Z", "Ctrl+Maj+F"), for the ``[key]`` a button prints after its words.

Qt's own names (``QKeySequence.toString``) differ from the words the translators chose for the
keyboard help and for sentences such as "Press N or Space to start" ("Control+Mayúsculas" in
Spanish), so a screen would name one key two ways; these names are the catalog's.
"""

from __future__ import annotations

from collections.abc import Callable

from circlekeeper.i18n import pgettext

KEY_WORDS: dict[str, Callable[[], str]] = {
    # Translators: the names printed on keyboard keys in your language, as in the keyboard
    # help (Ctrl is "Strg" on German keyboards; Shift "Mayús" in Spanish, "Maj" in French).
    "Ctrl": lambda: pgettext("key on the keyboard", "Ctrl"),
    "Shift": lambda: pgettext("key on the keyboard", "Shift"),
    "Alt": lambda: pgettext("key on the keyboard", "Alt"),
    "Space": lambda: pgettext("key on the keyboard", "Space"),
    "Return": lambda: pgettext("key on the keyboard", "Return"),
    "Esc": lambda: pgettext("key on the keyboard", "Esc"),
}


def key_text(keys: str) -> str:
    """``keys`` as Qt spells them portably ("Ctrl+Shift+U", "Space", "+") in the active
    language's key names; letters, digits and F-keys stay as printed on every keyboard."""
    parts = keys.split("+")
    if parts[-1] == "":  # the plus key itself: "+" or "Ctrl++"
        parts = [*parts[:-2], "+"]
    return "+".join(KEY_WORDS[part]() if part in KEY_WORDS else part for part in parts)

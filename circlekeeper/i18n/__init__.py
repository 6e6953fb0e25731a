"""CircleKeeper in the facilitator's language: one gettext workflow for every layer.

Qt-free, so the session core, the store, the reports and the CLI translate the same way; the
window adds Qt's own strings (``ui/qt_language.py``). The catalogs live in
``resources/locale/<code>/LC_MESSAGES/circlekeeper.po`` and are maintained with
``python -m circlekeeper.i18n.catalogs update`` (docs/TRANSLATING.md).
"""

from circlekeeper.i18n.languages import (
    PSEUDO_LANGUAGE,
    SHIPPED_LANGUAGES,
    SOURCE_LANGUAGE,
    Language,
    language,
    match_language,
    shipped_languages,
    writes_right_to_left,
)
from circlekeeper.i18n.translation import (
    N_,
    _,
    active_language,
    gettext,
    lazy_gettext,
    ngettext,
    pgettext,
    speaking,
    translations_for,
    use_language,
)

__all__ = [
    "N_",
    "PSEUDO_LANGUAGE",
    "SHIPPED_LANGUAGES",
    "SOURCE_LANGUAGE",
    "Language",
    "_",
    "active_language",
    "gettext",
    "language",
    "lazy_gettext",
    "match_language",
    "ngettext",
    "pgettext",
    "shipped_languages",
    "speaking",
    "translations_for",
    "use_language",
    "writes_right_to_left",
]

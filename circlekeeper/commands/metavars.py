"""The names ``--help`` gives the values a command takes (``SESSION_ID``, ``PATH_OR_URL`` …).

argparse prints a value's name in the usage line, beside its option and in its errors
("the following arguments are required: SESSION_ID"); left in English, a German or Arabic
``--help`` reads half in English. Each name is one message, so the usage line, the option's
line and any description that mentions it (filled in through a placeholder) say the same word.
They are functions, not constants, so each is looked up in the language active when the
parser is built.
"""

from __future__ import annotations

from circlekeeper.i18n import _


def command() -> str:
    # Translators: a value's name in --help, one word (capitals, _ for spaces):
    # the name of a sub-command ("circlekeeper COMMAND").
    return _("COMMAND")


def action() -> str:
    # Translators: a value's name in --help, one word (capitals, _ for spaces):
    # what to do with prompts ("prompts ACTION": check, list).
    return _("ACTION")


def language_code() -> str:
    # Translators: a value's name in --help, one word (capitals, _ for spaces):
    # a language code such as es or pt_BR ("--lang CODE").
    return _("CODE")


def path_or_url() -> str:
    # Translators: a value's name in --help, one word (capitals, _ for spaces):
    # a database file or a database URL ("--db PATH_OR_URL").
    return _("PATH_OR_URL")


def session_id() -> str:
    # Translators: a value's name in --help, one word (capitals, _ for spaces):
    # the number of a stored session.
    return _("SESSION_ID")


def backup() -> str:
    # Translators: a value's name in --help, one word (capitals, _ for spaces):
    # a backup file ("restore BACKUP").
    return _("BACKUP")


def count() -> str:
    # Translators: a value's name in --help, one word (capitals, _ for spaces):
    # how many (demo sessions).
    return _("N")


def seed() -> str:
    # Translators: a value's name in --help, one word (capitals, _ for spaces):
    # a random seed, a whole number.
    return _("SEED")


def name() -> str:
    # Translators: a value's name in --help, one word (capitals, _ for spaces):
    # a circle's name ("--circle NAME").
    return _("NAME")


def day() -> str:
    # Translators: a value's name in --help, one word (capitals, _ for spaces):
    # a calendar day written 2026-03-01 ("--from DATE").
    return _("DATE")


def file() -> str:
    # Translators: a value's name in --help, one word (capitals, _ for spaces):
    # a file to read or write.
    return _("FILE")


def path() -> str:
    # Translators: a value's name in --help, one word (capitals, _ for spaces):
    # a file or a folder to write into.
    return _("PATH")


def hours() -> str:
    # Translators: a value's name in --help, one word (capitals, _ for spaces):
    # a number of hours ("--hours HOURS").
    return _("HOURS")


def words() -> str:
    # Translators: a value's name in --help, one word (capitals, _ for spaces):
    # words to search for ("--search WORDS").
    return _("WORDS")


def role() -> str:
    # Translators: a value's name in --help, one word (capitals, _ for spaces):
    # a PostgreSQL login role ("--facilitator ROLE").
    return _("ROLE")

"""Values in translated sentences: whole and in their own direction, wherever they are quoted.

What an Arabic reader sees is checked with python-bidi (the Unicode Bidirectional Algorithm,
isolates included), left to right on the screen: before the fix, "/home/user/summary.pdf" in an
Arabic sentence lost its first slash to the far end of the path.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pytest
from bidi import get_display

from circlekeeper.i18n import ngettext, pgettext, use_language
from circlekeeper.i18n.isolates import (
    FIRST_STRONG_ISOLATE as FSI,
)
from circlekeeper.i18n.isolates import (
    LEFT_TO_RIGHT_ISOLATE as LRI,
)
from circlekeeper.i18n.isolates import (
    POP_DIRECTIONAL_ISOLATE as PDI,
)
from circlekeeper.i18n.isolates import (
    PlainLogFormatter,
    embed,
    is_isolated,
    isolate_values,
    runs_right_to_left,
    without_isolates,
)
from circlekeeper.i18n.translation import Sentence
from circlekeeper.reports.files import _cannot_write

RLI = "\u2067"
CONTROLS = (LRI, FSI, PDI, RLI, "\u200e")


def seen(text: str, *, right_to_left: bool = True) -> str:
    """The line as it reads left to right on the screen, the invisible controls left out."""
    shown = get_display(text, base_dir="R" if right_to_left else "L")
    return "".join(ch for ch in shown if ch not in CONTROLS)


ARABIC_SAVED = Sentence("حُفظ الملخص في {path}.")


def test_a_path_in_an_arabic_sentence_reads_whole_and_in_order() -> None:
    path = Path("/home/user/circles/summary.pdf")
    said = ARABIC_SAVED.format(path=path)
    assert said == f"حُفظ الملخص في {LRI}/home/user/circles/summary.pdf{PDI}."
    # On the screen, the full stop ends the sentence on the far left, then the whole path.
    assert seen(said).startswith("./home/user/circles/summary.pdf ")
    # Without the isolate the first slash went to the other end of the path:
    bare = str(ARABIC_SAVED).format(path=path)
    assert "/home/user/circles/summary.pdf" not in seen(bare)


def test_a_path_with_arabic_folders_keeps_its_left_to_right_order() -> None:
    said = ARABIC_SAVED.format(path="/home/نور/الحلقات/summary.pdf")
    assert LRI in said
    # the folders in the order the system walks them, left to right
    assert "/home/" in seen(said)
    first, second = seen(said).index("نور"[::-1]), seen(said).index("الحلقات"[::-1])
    assert first < second
    assert seen(said).startswith("./home/" + "نور"[::-1] + "/" + "الحلقات"[::-1] + "/summary.pdf")
    # a file, a log or the clipboard gets the path exactly
    assert without_isolates(said) == "حُفظ الملخص في /home/نور/الحلقات/summary.pdf."


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("postgresql://circles@db.example.org:5432/circles", LRI),
        ("db.example.org", LRI),
        ("amal@example.org", LRI),
        ("C:\\Users\\Amal\\summary.pdf", LRI),
        ("~/.pgpass", LRI),
        ("summary.pdf", LRI),
        ("Ctrl+Z", FSI),
        ("Tuesday Evening Circle (online)", FSI),
        ("42 MB", FSI),
    ],
)
def test_every_left_to_right_piece_is_one_unit_in_arabic(value: str, kind: str) -> None:
    said = Sentence("القيمة {value} هنا.").format(value=value)
    assert said == f"القيمة {kind}{value}{PDI} هنا."
    shown = seen(said)
    assert value in shown  # in its own order, nothing of the sentence inside it
    assert shown.startswith(".")  # the sentence's full stop stays at its end (the left)


def test_an_english_name_in_brackets_keeps_them() -> None:
    said = Sentence("بدأت حلقة {circle}").format(circle="Tea & Talk (Tuesdays)")
    assert "Tea & Talk (Tuesdays)" in seen(said)


def test_a_right_to_left_value_in_an_english_sentence_is_isolated_as_before() -> None:
    said = Sentence("Saved {name} (3 sessions)").format(name="نور")
    assert said == f"Saved {FSI}نور{PDI} (3 sessions)"
    assert seen(said, right_to_left=False) == "Saved رون (3 sessions)"


def test_an_english_sentence_with_left_to_right_values_is_untouched() -> None:
    path = Path("/home/user/summary.pdf")
    assert Sentence("Saved: {path}").format(path=path) == "Saved: /home/user/summary.pdf"
    assert Sentence("{count} of {total}").format(count=3, total=10) == "3 of 10"
    assert Sentence("{name:>6}|{name!r}").format(name="Ana") == "   Ana|'Ana'"


def test_an_arabic_path_in_an_english_sentence_stays_left_to_right() -> None:
    said = Sentence("Saved: {path}").format(path=Path("/home/نور/summary.pdf"))
    assert said == f"Saved: {LRI}/\u200ehome/\u200eنور/\u200esummary.pdf{PDI}"
    assert seen(said, right_to_left=False) == "Saved: /home/رون/summary.pdf"


def test_plain_numbers_stay_bare_so_figures_built_of_two_read_as_one() -> None:
    """ "{done}/{total}" isolated number by number read "10/3" in Arabic."""
    said = Sentence("اكتمل {done}/{total}").format(done=3, total="1,000")
    assert said == "اكتمل 3/1,000"
    # a signed or unit-bearing figure is a piece of its own
    assert Sentence("الفرق {value}").format(value="-5 min") == f"الفرق {FSI}-5 min{PDI}"


def test_a_value_already_isolated_is_not_wrapped_twice() -> None:
    inner = f"{FSI}نور{PDI}"
    assert Sentence("مرحبا {name}").format(name=inner) == f"مرحبا {inner}"
    # …but two isolates side by side are one value to isolate
    pair = f"{FSI}a{PDI} {FSI}b{PDI}"
    assert not is_isolated(pair)
    assert Sentence("مرحبا {name}").format(name=pair) == f"مرحبا {FSI}{pair}{PDI}"


def test_a_value_of_several_lines_is_isolated_line_by_line() -> None:
    said = Sentence("الخطأ: {error}").format(error="disk full\nat /tmp")
    assert said == f"الخطأ: {FSI}disk full{PDI}\n{FSI}at /tmp{PDI}"


def test_the_full_stop_rule_still_holds() -> None:
    assert Sentence("Insgesamt {hours}.").format(hours="19,0 Std.") == "Insgesamt 19,0 Std."


def test_the_direction_is_the_messages_own() -> None:
    assert runs_right_to_left("حُفظ {path}")
    assert runs_right_to_left("{path} محفوظ")  # placeholders do not count
    assert not runs_right_to_left("Saved {path}")
    assert not runs_right_to_left("{count}/{total}")


def test_gettext_ngettext_and_pgettext_in_arabic_isolate(tmp_path: Path) -> None:
    use_language("ar")
    folder = tmp_path / "unwritable"
    said = _cannot_write(folder, PermissionError(13, "Permission denied"))
    assert f"{LRI}{folder}{PDI}" in said
    assert str(folder) in seen(said)
    one = ngettext("{count} session", "{count} sessions", 1)
    assert isinstance(one, Sentence)
    assert isinstance(pgettext("a", "b"), Sentence)


def test_switched_off_for_a_pipe_the_values_are_plain() -> None:
    isolate_values(False)
    try:
        assert ARABIC_SAVED.format(path="/tmp/x.pdf") == "حُفظ الملخص في /tmp/x.pdf."
    finally:
        isolate_values(True)
    assert LRI in ARABIC_SAVED.format(path="/tmp/x.pdf")


def test_embed_leaves_empty_and_blank_values_alone() -> None:
    assert embed("", "", right_to_left=True) == ""
    assert embed("  ", "  ", right_to_left=True) == "  "


def test_without_isolates_and_the_log_lines_are_plain() -> None:
    said = ARABIC_SAVED.format(path="/tmp/x.pdf")
    assert without_isolates(said) == "حُفظ الملخص في /tmp/x.pdf."
    record = logging.LogRecord("circlekeeper", logging.WARNING, __file__, 1, said, None, None)
    line = PlainLogFormatter("%(message)s").format(record)
    assert line == "حُفظ الملخص في /tmp/x.pdf."


def test_a_command_quoted_in_arabic_reads_as_one_command() -> None:
    """Isolated alone, the backup's path sat on the far side of "restore"."""
    said = Sentence("للرجوع إليها شغّل: circlekeeper restore {backup}").format(
        backup=Path("/home/user/backups/b.sqlite3")
    )
    assert seen(said).startswith("circlekeeper restore /home/user/backups/b.sqlite3 :")
    said = Sentence("ثبّته (pip install {package}) أو").format(package="psycopg")
    assert "(pip install psycopg)" in seen(said).replace(")", "<").replace("(", ")").replace(
        "<", "("
    )
    said = Sentence("ثم شغّل circlekeeper {command} مرة أخرى.").format(command="export")
    assert "circlekeeper export" in seen(said)


def test_a_latin_word_beside_an_arabic_value_is_not_joined_to_it() -> None:
    """ "CircleKeeper {language}": the language named in Arabic reads after the app's name."""
    said = Sentence("سيتحدث CircleKeeper {language} في المرة القادمة.").format(language="العربية")
    assert said == f"سيتحدث CircleKeeper {RLI}العربية{PDI} في المرة القادمة."
    assert seen(said).startswith(".ةمداقلا ةرملا يف ةيبرعلا CircleKeeper")


def test_a_list_composed_in_arabic_keeps_its_order_whatever_name_comes_first() -> None:
    """First-strong isolation ran "Dana وBo" left to right: Dana read last."""
    said = Sentence("تخطّى: {names}").format(names="Dana وBo")
    assert said == f"تخطّى: {RLI}Dana وBo{PDI}"
    assert seen(said) == "Boو Dana :ىّطخت"  # read from the right: Dana, and Bo


@pytest.mark.parametrize(
    ("template", "values"),
    [
        ("Saved {name} and {{braces}}", {"name": "Zoë Łukasz"}),
        ("{count:>4} of {total:.1f}", {"count": 3, "total": 2.25}),
        ("On {day:%Y-%m-%d}", {"day": date(2026, 3, 4)}),
        ("{0} then {1}", {}),
    ],
)
def test_left_to_right_values_format_exactly_as_str_format(template: str, values: dict) -> None:
    args = ("Ana", "Bo") if "{0}" in template else ()
    assert Sentence(template).format(*args, **values) == template.format(*args, **values)


def test_an_arabic_template_with_format_specs_still_isolates() -> None:
    said = Sentence("المجموع {value:>6} و{name!r}").format(value="Ctrl+Z", name="Bo")
    assert said == f"المجموع {FSI}Ctrl+Z{PDI} و{FSI}'Bo'{PDI}"

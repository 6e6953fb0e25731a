"""The pseudo-locale a later visual test runs every window in."""

from __future__ import annotations

import pytest

from circlekeeper.i18n import _, use_language
from circlekeeper.i18n.pseudo import GROWTH, pseudolocalize


@pytest.mark.parametrize(
    "text",
    [
        "Save",
        "Wrote {count} sessions to {path}",
        "argument %(argument_name)s: %(message)s",
        "Use --db to choose <b>another</b> file",
        "&History",
    ],
)
def test_pseudo_text_is_accented_bracketed_longer_and_keeps_what_the_program_reads(
    text: str,
) -> None:
    pseudo = pseudolocalize(text)
    assert pseudo.startswith("[") and pseudo.endswith("]")
    assert len(pseudo) >= len(text) * (1 + GROWTH)
    rest = pseudo
    for piece in ("{count}", "{path}", "%(argument_name)s", "%(message)s", "--db", "<b>", "</b>"):
        rest = rest.replace(piece, "")
    assert not [c for c in rest if c.isascii() and c.isalpha()]  # every word is accented
    for piece in ("{count}", "{path}", "%(message)s", "--db", "<b>", "</b>"):
        assert (piece in pseudo) == (piece in text)
    assert pseudo.count("&") == text.count("&")


def test_the_pseudo_language_translates_every_string_and_formatting_still_works() -> None:
    use_language("qps")
    said = _("Wrote {path}").format(path="/tmp/x.pdf")
    assert "/tmp/x.pdf" in said and said.startswith("[Ŵŕöţé")

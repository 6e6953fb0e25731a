"""Every name prints in its own glyphs: a name in each supported script, at each privacy level.

The sample names below cover every script a living community writes personal names in that
the bundled fonts support (docs/REPORTS.md lists them). They are printed in real PDFs, read back
with pypdf, and rendered to PNG with poppler's ``pdftoppm`` (``CK_KEEP_PNG=DIR`` keeps the
pages for a look).
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from circlekeeper.reports import Privacy, render_session
from circlekeeper.reports.demo import demo_summary
from circlekeeper.reports.font_catalog import ALL_FONTS, FALLBACKS, build_index
from circlekeeper.reports.fonts import fonts
from circlekeeper.reports.people import initials
from circlekeeper.reports.typeset import clean
from tests.reports.conftest import context, pdf_text

NAMES: dict[str, str] = {
    "Latin": "Zoë Ðorđević",
    "Greek": "Ζωή Παπαδάκη",
    "Cyrillic": "Анна Иванова",
    "Armenian": "Արամ Սարգսյան",
    "Georgian": "ნინო ᲑᲔᲠᲘᲫᲔ",
    "Arabic": "محمد علي",
    "Hebrew": "דוד כהן",
    "Thaana": "ޢާއިޝަތު",
    "Syriac": "ܐܦܪܝܡ",
    "Devanagari": "राम शर्मा",
    "Bengali": "অমিত রায়",
    "Gurmukhi": "ਹਰਪ੍ਰੀਤ",
    "Gujarati": "અમિત પટેલ",
    "Oriya": "ସୁମିତ୍ରା",
    "Tamil": "அருண்",
    "Telugu": "రవి",
    "Kannada": "ರವಿ",
    "Malayalam": "രവി",
    "Sinhala": "නිමල්",
    "Thai": "สมชาย",
    "Lao": "ສົມພອນ",
    "Myanmar": "အောင်",
    "Khmer": "សុខា",
    "Tibetan": "བསྟན་འཛིན",
    "Mongolian": "ᠪᠠᠲᠤ",
    "Ethiopic": "አበበ",
    "Han": "王小明",
    "Kana": "さくら サトウ",
    "Hangul": "김민준",
    "Yi": "ꆈꌠ",
    "Cherokee": "ᏣᎳᎩ Wilma",
    "Canadian Aboriginal": "ᐊᓂᐊ",
    "Tifinagh": "ⵜⴰⵍⴰ",
    "N'Ko": "ߡߎߛߊ",
    "Vai": "ꕙꔤ",
    "Adlam": "𞤃𞤢𞤪𞤭𞤴𞤢𞤥𞤢",
    "Ol Chiki": "ᱥᱤᱫᱳ",
    "Javanese": "ꦱꦸꦒꦶꦠ",
    "Balinese": "ᬓᬢᬸᬢ᭄",
    "Sundanese": "ᮃᮌᮥᮞ᮪",
    "Batak": "ᯘᯪᯂᯖ᯲",
    "Buginese": "ᨕᨒᨗ",
    "Cham": "ꨀꨚꨩ",
    "Chakma": "𑄌𑄋𑄴𑄟",
    "Meetei Mayek": "ꯃꯅꯤ",
    "Lepcha": "ᰜᰧᰶ",
    "Limbu": "ᤕᤠᤰ",
    "Lisu": "ꓡꓲ ꓢꓴ",
    "Miao": "𖼀𖽑",
    "Newa": "𑐣𑐾𑐥𑐵𑐮",
    "New Tai Lue": "ᦑᦸᧂ",
    "Tai Le": "ᥖᥭᥰ",
    "Tai Tham": "ᨣᩤ",
    "Tai Viet": "ꪎꪴ",
    "Kayah Li": "ꤊꤢꤛꤢ",
    "Saurashtra": "ꢱꣃꢬ",
    "Syloti Nagri": "ꠍꠤꠟꠐ",
    "Hanifi Rohingya": "𐴀𐴝𐴌",
    "Mandaic": "ࡌࡀࡍࡃ",
    "Samaritan": "ࠀࠁࠂ",
    "Osage": "𐓏𐓘𐓻𐓘𐓻𐓟",
    "Wancho": "𞋁𞋠𞋊",
    "Bamum": "ꚠꚡ",
    "Bassa Vah": "𖫐𖫑",
    "Mende Kikakui": "𞠀𞠁",
    "Osmanya": "𐒈𐒖𐒑𐒛",
    "Medefaidrin": "𖹀𖹁",
    "Pahawh Hmong": "𖬀𖬰𖬁",
    "Nyiakeng Puachue Hmong": "𞄀𞄁",
    "Gunjala Gondi": "𑵠𑵡",
    "Masaram Gondi": "𑴀𑴁",
    "Sora Sompeng": "𑃐𑃑",
    "Warang Citi": "𑢠𑢡",
    "Tagalog": "ᜋᜇᜒᜌ",
    "Hanunoo": "ᜠᜡ",
    "Buhid": "ᝀᝁ",
    "Tagbanwa": "ᝠᝡ",
    "Rejang": "ꤰꤱ",
    "Emoji": "🌈 Alex",
    "Emoji ZWJ sequence and skin tone": "👩🏽\u200d🦱 Maya",
}

UNSHAPED = ("Latin", "Greek", "Cyrillic", "Han", "Kana", "Hangul", "Ethiopic", "Cherokee", "Yi")
"""Scripts printed glyph by glyph, so pypdf reads the very characters back."""

GROUP = 20
LATIN_NAMES = tuple(
    f"{first} {last}"
    for first, last in zip(
        [
            "Ada",
            "Grace",
            "Alan",
            "Katherine",
            "Edsger",
            "Barbara",
            "Donald",
            "Frances",
            "Niklaus",
            "John",
        ]
        * 2,
        [
            "Lovelace",
            "Hopper",
            "Turing",
            "Johnson",
            "Dijkstra",
            "Liskov",
            "Knuth",
            "Allen",
            "Wirth",
            "Backus",
        ]
        * 2,
        strict=True,
    )
)


def _groups() -> list[list[str]]:
    names = list(NAMES.values())
    return [names[i : i + GROUP] for i in range(0, len(names), GROUP)]


def _render(names: list[str], privacy: Privacy) -> bytes:
    summary = demo_summary(people=len(names), rounds=2, names=tuple(names))
    return render_session(summary, context(privacy=privacy))


def _embedded_fonts(data: bytes) -> set[str]:
    found = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            found.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return found


@pytest.fixture(scope="module")
def printed() -> dict[Privacy, list[bytes]]:
    return {privacy: [_render(g, privacy) for g in _groups()] for privacy in Privacy}


def test_every_name_prints_without_a_notice_at_every_privacy_level(printed) -> None:
    for privacy, pdfs in printed.items():
        for data in pdfs:
            text = pdf_text(data)
            assert "[U+" not in text, (privacy, text[text.find("[U+") - 40 :][:80])
            assert "shown as [U+code]" not in text


def test_each_bundled_font_prints_some_name_and_counts_only_prints_none(printed) -> None:
    faces = {f.name: fonts().ensure(f) and _face_name(f.name) for f in ALL_FONTS}
    used = set().union(*(_embedded_fonts(d) for d in printed[Privacy.NAMES]))
    unused = [name for name, face in faces.items() if face not in used]
    assert not unused, f"bundled fonts no sample name printed with: {unused}"
    counts = set().union(*(_embedded_fonts(d) for d in printed[Privacy.COUNTS]))
    # (reportlab's canvas starts every page in Helvetica; no text is set in it)
    assert counts <= {faces["CKSans"], faces["CKSans-Bold"], "/Helvetica"}, counts


def _face_name(name: str) -> str:
    from reportlab.pdfbase import pdfmetrics

    face = pdfmetrics.getFont(name).face.name
    return face.decode() if isinstance(face, bytes) else str(face)


@pytest.mark.parametrize("script", (*UNSHAPED, "Emoji"))
def test_names_read_back_as_typed(printed, script) -> None:
    name = NAMES[script]
    group = next(i for i, g in enumerate(_groups()) if name in g)
    names_text = pdf_text(printed[Privacy.NAMES][group])
    assert name in names_text
    initials_text = pdf_text(printed[Privacy.INITIALS][group])
    assert initials(name) in initials_text
    assert name not in pdf_text(printed[Privacy.COUNTS][group])


def test_initials_are_whole_letters_in_their_own_script() -> None:
    assert initials("ᏣᎳᎩ Wilma") == "ᏣW"
    assert initials("🌈 Alex") == "A"
    assert initials("क्षमा राव") == "क्षरा"  # a conjunct and a vowel sign stay whole
    assert initials("ở Nguyễn") == "ỞN"


def test_a_korean_initial_is_the_whole_syllable() -> None:
    """A Hangul syllable is one letter: 김민준 is initialled 김, not its first jamo ᄀ (the
    name was split into jamo to find the marks, and only the first was kept)."""
    assert initials("김민준") == "김"
    assert initials("박 서연") == "박서"
    assert initials(unicodedata.normalize("NFD", "이 하은")) == "이하"  # typed as jamo
    assert initials("Kim 민준") == "K민"


def test_joiners_survive_cleaning_and_bidi_overrides_do_not() -> None:
    assert clean("👩🏽\u200d🦱") == "👩🏽\u200d🦱"
    assert clean("می\u200cخواهم") == "می\u200cخواهم"
    assert clean("A\u202eB\u200bC") == "ABC"


def test_a_zwj_sequence_is_one_glyph_in_the_emoji_font(printed) -> None:
    font = fonts()
    assert font.font_for("👩🏽\u200d🦱") == "CKEmoji"
    data = printed[Privacy.NAMES][-1]
    assert "Maya" in pdf_text(data)


def test_a_character_no_font_has_still_gets_a_visible_notice() -> None:
    data = _render(["𓀀 Hieroglyph", "Ana"], Privacy.NAMES)
    text = pdf_text(data)
    assert "[U+13000]" in text and "shown as [U+code] instead" in " ".join(text.split())


def test_pages_render_to_png(printed, tmp_path) -> None:
    if shutil.which("pdftoppm") is None:
        if os.environ.get("CI") == "true":  # .ci/run installs poppler-utils: missing is a fault
            pytest.fail("pdftoppm (poppler-utils) is missing on CI")
        pytest.skip("poppler-utils (pdftoppm) is not installed")
    keep = os.environ.get("CK_KEEP_PNG")
    out = Path(keep) if keep else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    for privacy, pdfs in printed.items():
        for number, data in enumerate(pdfs):
            pdf = out / f"scripts-{privacy.value}-{number}.pdf"
            pdf.write_bytes(data)
            done = subprocess.run(
                ["pdftoppm", "-r", "80", "-png", str(pdf), str(pdf.with_suffix(""))],
                capture_output=True,
                text=True,
                check=False,
            )
            assert done.returncode == 0 and not done.stderr.strip(), done.stderr
    assert len(list(out.glob("scripts-*.png"))) >= 3 * len(_groups())


def test_the_stored_coverage_index_matches_the_fonts() -> None:
    import json

    from circlekeeper.bundled import resource_file
    from circlekeeper.reports.font_catalog import INDEX_FILE

    stored = json.loads(resource_file("fonts", INDEX_FILE).read_text(encoding="utf-8"))
    assert stored == build_index(), "run python -m circlekeeper.reports.font_catalog"
    assert {f.file for f in FALLBACKS} <= set(stored)


def test_a_latin_summary_opens_only_the_fonts_it_prints_with() -> None:
    code = (
        "from circlekeeper.reports import render_session, Privacy, ReportContext\n"
        "from circlekeeper.reports.demo import demo_summary\n"
        "from circlekeeper.reports.fonts import fonts\n"
        f"names = {LATIN_NAMES!r}\n"
        "summary = demo_summary(people=20, rounds=3, names=names)\n"
        "render_session(summary, ReportContext(privacy=Privacy.NAMES))\n"
        "print(sorted(fonts().registered))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=Path.cwd()
    )
    assert done.stdout.strip() == "['CKSans', 'CKSans-Bold']"


def test_an_arabic_name_part_with_the_article_is_initialled_by_the_letter_after_it() -> None:
    assert initials("يوسف الحسيني") == "ي ح"  # not "يا": the alif is the article's
    assert initials("ليلى ٱلعلي") == "ل ع"  # alif wasla, as fully vowelled text writes it
    assert initials("الْحَسَن") == "حَ"  # a vowel sign stays with its letter
    assert initials("ال") == "ا"  # nothing follows: the word is its own initial
    assert initials("Alvarez Lopez") == "AL"  # a Latin "Al" is no article


def test_the_initials_pdf_prints_arabic_initials_after_the_article() -> None:
    summary = demo_summary(people=2, rounds=2, names=("يوسف الحسيني", "Ada Lovelace"))
    data = render_session(summary, context(privacy=Privacy.INITIALS))
    # pypdf gives shaped Arabic back as presentation forms; NFKC maps them to plain letters
    text = unicodedata.normalize("NFKC", pdf_text(data))
    assert "ي ح" in text
    assert "يا" not in text
    assert "الحسيني" not in text

"""The demo generator's vocabulary: names, circles, agreements, prompts, themes, time zones.

Data, not logic, kept apart so the roster and the session player read as code. Names come in
Latin, Arabic, Hebrew, CJK, Cyrillic, Greek and Devanagari scripts (with and without pronouns)
so every screen and PDF built from demo data exercises right-to-left and wide text.
"""

from __future__ import annotations

from circlekeeper.i18n import N_, _

# The English words below are translated where a demo circle is made (in the language it is
# made in): the welcome page's demo circle reads in the facilitator's language.
PRONOUNS = (N_("she/her"), N_("he/him"), N_("they/them"))
"""The pronouns of ``NAMES`` that are translated; the others are already in their language."""

NAMES: tuple[tuple[str, str], ...] = (
    # Latin
    ("Amal Haddad", "she/her"),
    ("Jonas Becker", "he/him"),
    ("Sam Rivera", "they/them"),
    ("Chloé Martin", "she/her"),
    ("Kwame Mensah", "he/him"),
    ("Aoife Ní Bhriain", "she/her"),
    ("Mateus Oliveira", ""),
    ("Jordan Lee", "they/them"),
    ("Zeynep Yılmaz", "she/her"),
    ("Dario Conti", "he/him"),
    ("Ngozi Okafor", "she/her"),
    ("Lars Øberg", "he/him"),
    ("Tomasz Wiśniewski", ""),
    ("Alex Kim", "they/them"),
    ("María José Pérez", "she/ella"),
    ("Henrik Sørensen", "he/him"),
    # Arabic
    ("فاطمة الزهراء", "هي"),
    ("يوسف الحسيني", "هو"),
    ("ليلى منصور", ""),
    ("عمر خليل", "he/him"),
    # Hebrew
    ("נועה לוי", "she/her"),
    ("דוד כהן", "הוא"),
    ("שירה אברהם", "they/them"),
    # CJK
    ("山田 花子", "she/her"),
    ("李伟", "he/him"),
    ("김민준", ""),
    ("王芳", "she/her"),
    ("佐藤 健", "they/them"),
    # Cyrillic
    ("Анна Смирнова", "she/her"),
    ("Дмитрий Иванов", "он"),
    ("Олена Шевченко", "вона"),
    ("Борис Петров", ""),
    # Greek, Devanagari
    ("Ελένη Παπαδοπούλου", "she/her"),
    ("प्रिया शर्मा", "she/her"),
)

CIRCLE_KINDS: tuple[tuple[str, str], ...] = (
    (
        N_("Tuesday Evening Circle"),
        N_("A drop-in peer-support circle for anyone going through a hard time."),
    ),
    (N_("Parents Together"), N_("Parents of children with chronic illness share what helps.")),
    (
        N_("New in Town"),
        N_("For people who moved here recently: settling in, loneliness, small wins."),
    ),
    (N_("Grief Circle"), N_("Time and space to speak about loss, at your own pace.")),
    (N_("Recovery Café"), N_("A peer circle for people in recovery and those who support them.")),
    (N_("Caregivers’ Circle"), N_("Carers of family members meet to be heard, not to fix.")),
    (N_("Students’ Check-in"), N_("A weekly check-in for students under pressure.")),
    ("دائرة الأمل", "دائرة دعم للأقران باللغة العربية."),
    ("מעגל שיחה", "מעגל תמיכה של עמיתים."),
    ("木曜サークル", "ピアサポートの集まり。"),
    ("Круг поддержки", "Группа взаимной поддержки."),
)

AGREEMENTS: tuple[str, ...] = (
    N_("What is said here stays here."),
    N_("Speak from your own experience (“I”, not “you”)."),
    N_("Everyone may pass, no questions asked."),
    N_("No advice unless someone asks for it."),
    N_("Phones away while someone is speaking."),
    N_("Listen to understand, not to reply."),
)

CHECK_IN_PROMPTS: tuple[str, ...] = (
    N_("What are you bringing into the room today?"),
    N_("One word for how you arrive."),
    N_("What has been on your mind since we last met?"),
    N_("What is the weather inside you right now?"),
    N_("Something small that went well this week."),
    N_("What do you need from this circle tonight?"),
)

SHARING_PROMPTS: tuple[str, ...] = (
    N_("A moment this week when you felt supported."),
    N_("What helps you on the difficult days?"),
    N_("Something you are learning about yourself."),
    N_("A boundary you kept, or wish you had kept."),
    N_("Where did you find hope recently?"),
    "",
    "",
)

CHECK_OUT_PROMPTS: tuple[str, ...] = (
    N_("One word to leave with."),
    N_("What will you take with you?"),
    N_("Something you appreciated tonight."),
    N_("One thing you will do for yourself this week."),
)

THEMES: tuple[str, ...] = (
    N_("sleep"),
    N_("work stress"),
    N_("family"),
    N_("moving house"),
    N_("small wins"),
    N_("anniversaries"),
    N_("asking for help"),
    N_("loneliness"),
    N_("rest"),
    N_("new routines"),
)

FACILITATORS: tuple[str, ...] = (
    "Robin",
    "Miriam",
    "Kenji",
    "Leila",
    "Olu",
    "Ana",
    "Pavel",
    "Noor",
)

TIMEZONES: tuple[str, ...] = (
    "Europe/Berlin",
    "Europe/London",
    "America/Toronto",
    "Asia/Tokyo",
    "Asia/Jerusalem",
    "Africa/Lagos",
)


def spoken(text: str) -> str:
    """``text`` in the active language; words already in theirs come back as they are, and
    ``""`` stays empty (gettext would answer it with the catalog's header)."""
    return _(text) if text else ""

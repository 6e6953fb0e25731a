"""The demo generator's vocabulary: names, circles, agreements, prompts, themes, time zones.

Data, not logic, kept apart so the roster and the session player read as code. Names come in
Latin, Arabic, Hebrew, CJK, Cyrillic, Greek and Devanagari scripts (with and without pronouns)
so every screen and PDF built from demo data exercises right-to-left and wide text.
"""

from __future__ import annotations

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
        "Tuesday Evening Circle",
        "A drop-in peer-support circle for anyone going through a hard time.",
    ),
    ("Parents Together", "Parents of children with chronic illness share what helps."),
    ("New in Town", "For people who moved here recently: settling in, loneliness, small wins."),
    ("Grief Circle", "Time and space to speak about loss, at your own pace."),
    ("Recovery Café", "A peer circle for people in recovery and those who support them."),
    ("Caregivers’ Circle", "Carers of family members meet to be heard, not to fix."),
    ("Students’ Check-in", "A weekly check-in for students under pressure."),
    ("دائرة الأمل", "دائرة دعم للأقران باللغة العربية."),
    ("מעגל שיחה", "מעגל תמיכה של עמיתים."),
    ("木曜サークル", "ピアサポートの集まり。"),
    ("Круг поддержки", "Группа взаимной поддержки."),
)

AGREEMENTS: tuple[str, ...] = (
    "What is said here stays here.",
    "Speak from your own experience (“I”, not “you”).",
    "Everyone may pass, no questions asked.",
    "No advice unless someone asks for it.",
    "Phones away while someone is speaking.",
    "Listen to understand, not to reply.",
)

CHECK_IN_PROMPTS: tuple[str, ...] = (
    "What are you bringing into the room today?",
    "One word for how you arrive.",
    "What has been on your mind since we last met?",
    "What is the weather inside you right now?",
    "Something small that went well this week.",
    "What do you need from this circle tonight?",
)

SHARING_PROMPTS: tuple[str, ...] = (
    "A moment this week when you felt supported.",
    "What helps you on the difficult days?",
    "Something you are learning about yourself.",
    "A boundary you kept, or wish you had kept.",
    "Where did you find hope recently?",
    "",
    "",
)

CHECK_OUT_PROMPTS: tuple[str, ...] = (
    "One word to leave with.",
    "What will you take with you?",
    "Something you appreciated tonight.",
    "One thing you will do for yourself this week.",
)

THEMES: tuple[str, ...] = (
    "sleep",
    "work stress",
    "family",
    "moving house",
    "small wins",
    "anniversaries",
    "asking for help",
    "loneliness",
    "rest",
    "new routines",
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

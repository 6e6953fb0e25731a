"""The prompt library: shipped decks, custom prompts, drawing, use history and mood counts.

Pure Python (no Qt, no SQL): storage comes in through the :class:`PromptRepository` and
:class:`MoodRepository` protocols that ``store/`` implements.
"""

from circlekeeper.prompts.deck import Deck, load_shipped_decks, parse_deck
from circlekeeper.prompts.deck_writer import dump_deck
from circlekeeper.prompts.drawer import (
    SKIP_CHECK_IN,
    Draw,
    DrawRequest,
    PromptDrawer,
    PromptMode,
    RoundPrompts,
)
from circlekeeper.prompts.errors import DeckError, DuplicatePrompt, PromptNotFound, PromptRejected
from circlekeeper.prompts.exchange import export_deck_file, import_deck_file, read_deck_file
from circlekeeper.prompts.library import PromptLibrary, PromptQuery
from circlekeeper.prompts.mood import MoodMoment, MoodPoint, MoodService
from circlekeeper.prompts.repository import MoodRepository, PromptRepository
from circlekeeper.prompts.uses import PromptUseRecorder, UsageRow, without_skipped

__all__ = [
    "SKIP_CHECK_IN",
    "Deck",
    "DeckError",
    "Draw",
    "DrawRequest",
    "DuplicatePrompt",
    "MoodMoment",
    "MoodPoint",
    "MoodRepository",
    "MoodService",
    "PromptDrawer",
    "PromptLibrary",
    "PromptMode",
    "PromptNotFound",
    "PromptQuery",
    "PromptRejected",
    "PromptRepository",
    "PromptUseRecorder",
    "RoundPrompts",
    "UsageRow",
    "dump_deck",
    "export_deck_file",
    "import_deck_file",
    "load_shipped_decks",
    "parse_deck",
    "read_deck_file",
    "without_skipped",
]

"""Files that ship with CircleKeeper (prompt decks, fonts, sounds, icons); see bundled.py."""

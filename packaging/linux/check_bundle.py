"""Checks a PyInstaller folder before it is packed: complete, lean, and which glibc it needs.

    python packaging/linux/check_bundle.py build/linux/pyinstaller/circlekeeper

Fails (exit 1, one line per gap) when a file the app reads at run time is missing, when a Qt
module the app never uses slipped in, or when the folder outgrows the 200 MB goal. Prints the
oldest glibc the bundle runs on (the newest ``GLIBC_x.y`` symbol version any of its programs
or libraries asks for), which build-linux writes into the .deb's ``Depends``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

SIZE_GOAL_MB = 200

REQUIRED = (
    "circlekeeper",
    "_internal/PySide6/Qt/plugins/platforms/libqxcb.so",
    "_internal/PySide6/Qt/plugins/platforms/libqwayland.so",
    "_internal/PySide6/Qt/lib/libQt6Multimedia.so.6",  # the chime's QSoundEffect
    "_internal/PySide6/Qt/translations/qtbase_de.qm",
    "_internal/circlekeeper/resources/fonts/DejaVuSans.ttf",
    "_internal/circlekeeper/resources/prompts/check-in.toml",
    "_internal/circlekeeper/resources/sounds/chime.wav",
    "_internal/circlekeeper/resources/icons/png/circlekeeper-256.png",
    "_internal/circlekeeper/resources/locale/de/LC_MESSAGES/circlekeeper.mo",
    "_internal/babel/global.dat",
    "_internal/babel/locale-data/root.dat",
    "_internal/babel/locale-data/pt_BR.dat",
    "_internal/circlekeeper/store/migrations/env.py",
    "_internal/circlekeeper/store/migrations/script.py.mako",
    "_internal/circlekeeper/store/migrations/versions/0001_initial.py",
)
FORBIDDEN = re.compile(
    r"libQt6(WebEngine|Quick|Qml|3D|Pdf|VirtualKeyboard|Designer|FFmpeg)|libav(codec|format)"
)
GLIBC = re.compile(rb"GLIBC_(2\.\d+)")


def is_elf(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def newest_glibc(files: list[Path]) -> str:
    versions = set()
    for path in files:
        if path.is_file() and not path.is_symlink() and is_elf(path):
            versions.update(GLIBC.findall(path.read_bytes()))
    return max((v.decode() for v in versions), key=lambda v: tuple(map(int, v.split("."))))


def main(folder: Path) -> int:
    files = sorted(folder.rglob("*"))
    gaps = [f"missing: {name}" for name in REQUIRED if not (folder / name).is_file()]
    gaps += [
        f"unused Qt module bundled: {path.relative_to(folder)}"
        for path in files
        if FORBIDDEN.search(path.name)
    ]
    megabytes = sum(p.stat().st_size for p in files if p.is_file() and not p.is_symlink()) / 2**20
    if megabytes > SIZE_GOAL_MB:
        gaps.append(f"the bundle is {megabytes:.0f} MB, over the {SIZE_GOAL_MB} MB goal")
    for gap in gaps:
        print(f"check_bundle: {gap}", file=sys.stderr)
    if gaps:
        return 1
    print(f"check_bundle: complete, {megabytes:.0f} MB unpacked", file=sys.stderr)
    print(newest_glibc(files))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))

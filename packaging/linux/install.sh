#!/bin/sh
# CircleKeeper: install for this user only, no administrator rights needed.
#
#   ./install.sh              install (or update) under ~/.local
#   ./install.sh --uninstall  remove exactly what was installed
#
# The app goes to ~/.local/lib/circlekeeper, the `circlekeeper` command to ~/.local/bin, the
# menu entry, icon and AppStream metadata to ~/.local/share. PREFIX=/some/where ./install.sh
# installs elsewhere. Your circles are never touched: they live in
# ~/.local/share/circlekeeper/ and stay there after an uninstall.
set -eu

APP_ID=org.circlekeeper.CircleKeeper
PREFIX=${PREFIX:-"$HOME/.local"}
APP_DIR="$PREFIX/lib/circlekeeper"
MANIFEST="$APP_DIR/installed-files.txt"
HERE=$(cd "$(dirname "$0")" && pwd)

refresh_desktop() {
    # Menus and icon themes pick up the change at once where these tools exist.
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$PREFIX/share/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$PREFIX/share/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$PREFIX/share/icons/hicolor" 2>/dev/null || true
    fi
}

uninstall() {
    if [ ! -f "$MANIFEST" ]; then
        echo "CircleKeeper is not installed under $PREFIX (no $MANIFEST)." >&2
        exit 1
    fi
    while IFS= read -r file; do
        rm -f "$PREFIX/$file"
    done < "$MANIFEST"
    rm -rf "$APP_DIR"
    # folders we created and left empty go too; ones holding anything else stay
    for dir in share/icons/hicolor/*/apps share/icons/hicolor/* share/icons/hicolor share/icons \
        share/applications share/metainfo share bin lib; do
        for path in "$PREFIX"/$dir; do
            [ -d "$path" ] && rmdir "$path" 2>/dev/null || true
        done
    done
    refresh_desktop
    echo "CircleKeeper was removed from $PREFIX. Your circles are still in ~/.local/share/circlekeeper/."
}

install() {
    if [ -f "$MANIFEST" ]; then  # an update: take the old version away first
        "$APP_DIR/uninstall.sh" >/dev/null
    fi
    mkdir -p "$PREFIX/lib" "$PREFIX/bin"
    rm -rf "$APP_DIR"
    cp -R "$HERE/circlekeeper" "$APP_DIR"
    cp "$HERE/install.sh" "$APP_DIR/uninstall.sh"
    : > "$MANIFEST"
    (cd "$HERE/share" && find . -type f | sed 's|^\./||') | while IFS= read -r file; do
        mkdir -p "$(dirname "$PREFIX/share/$file")"
        cp "$HERE/share/$file" "$PREFIX/share/$file"
        echo "share/$file" >> "$MANIFEST"
    done
    # the menu entry starts this copy even when ~/.local/bin is not on the desktop's PATH
    sed -i "s|^Exec=circlekeeper|Exec=\"$APP_DIR/circlekeeper\"|" \
        "$PREFIX/share/applications/$APP_ID.desktop"
    ln -sf "$APP_DIR/circlekeeper" "$PREFIX/bin/circlekeeper"
    echo "bin/circlekeeper" >> "$MANIFEST"
    refresh_desktop
    echo "CircleKeeper $(cat "$HERE/VERSION") is installed: find it in your applications menu,"
    echo "or run $PREFIX/bin/circlekeeper. To remove it: $APP_DIR/uninstall.sh"
    case ":$PATH:" in
        *":$PREFIX/bin:"*) ;;
        *) echo "($PREFIX/bin is not on your PATH; the menu entry works regardless.)" ;;
    esac
}

case "${1:-}" in
    --uninstall) uninstall ;;
    "") if [ "$(basename "$0")" = uninstall.sh ]; then uninstall; else install; fi ;;
    *) echo "usage: $0 [--uninstall]" >&2; exit 2 ;;
esac

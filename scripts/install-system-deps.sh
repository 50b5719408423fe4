#!/usr/bin/env bash
# Installs the Debian packages the app needs and pip cannot provide: the shared libraries
# Qt's platform plugins load, and a CJK font (without one, Chinese renders as boxes).
# Only what is missing is installed; on a machine without apt or root it says what to install.
set -euo pipefail
packages=(
  fonts-wqy-microhei                                    # CJK glyphs
  xdg-utils                                             # xdg-mime: aigc-reader:// links open the reader
  libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0   # QtGui, offscreen too
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libx11-xcb1  # xcb (a real screen)
)
if [ "${1:-}" = "--with-xvfb" ]; then packages+=(xvfb); fi
command -v dpkg >/dev/null 2>&1 || { echo "not a Debian system: install Qt 6's runtime libraries and a CJK font yourself" >&2; exit 0; }
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
  echo "missing Debian packages (install them as root): ${missing[*]}" >&2; exit 1
fi
echo "installing Debian packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

#!/usr/bin/env bash
# Creates .venv with the app and its test tools; safe to run again (it only does what is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh "$@"
python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
stamp=.venv/.installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e '.[test]'
  touch "$stamp"
fi
# The app's own bytecode, compiled now: a shell with PYTHONDONTWRITEBYTECODE set would otherwise
# compile every module again at each launch (~60 ms of the start-up).
.venv/bin/python -m compileall -q desktop_app >/dev/null
# Linux desktops: the reader in the applications menu, and aigc-reader:// links (the exports'
# links back to a passage) opening it (a running window takes them: see single_instance.py).
if [ "$(uname -s)" = Linux ] && [ -n "${HOME:-}" ]; then
  applications="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
  if mkdir -p "$applications" 2>/dev/null; then
    cat > "$applications/aigc-reader.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=AIGC 阅读器
Name[en]=AIGC Reader
Comment=Read Chinese interviews and talks, with an outline, search, highlights and notes
Exec=$PWD/.venv/bin/aigc-reader %u
Icon=$PWD/resources/icons/aigc-reader.png
Terminal=false
Categories=Office;Viewer;
MimeType=x-scheme-handler/aigc-reader;
DESKTOP
    if command -v xdg-mime >/dev/null 2>&1; then
      xdg-mime default aigc-reader.desktop x-scheme-handler/aigc-reader 2>/dev/null || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
      update-desktop-database "$applications" 2>/dev/null || true
    fi
  fi
fi

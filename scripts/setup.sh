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

#!/usr/bin/env bash
# Build the standalone bundle: dist/timer-app/ (timer-app and timer-app-gui inside),
# for patients who have no Python. Uses its own virtual environment in build/, so
# it needs only Python 3.11+ on the building machine.
#
#   bash packaging/build.sh            # build
#   bash packaging/build.sh --smoke    # build, then run packaging/smoke_test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
venv=build/bundle-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q --disable-pip-version-check '.[bundle]'
"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/timer-app.spec
echo "built dist/timer-app ($(du -sh dist/timer-app | cut -f1))"
if [ "${1:-}" = "--smoke" ]; then
  bash packaging/smoke_test.sh dist/timer-app
fi

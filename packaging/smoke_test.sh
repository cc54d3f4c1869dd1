#!/usr/bin/env bash
# Smoke-test a built bundle as a patient's machine would run it: no virtual
# environment, no Python of ours on PATH, a fresh home and data folder.
#   1. `validate` the bundled routines, 2. `list --json`,
#   3. open the window on a virtual screen, press Space on a short routine, and
#      check the history holds one completed session.
#
#   bash packaging/smoke_test.sh [BUNDLE_DIR]     (default dist/timer-app)
# Step 3 needs Xvfb and xdotool (docs/look.sh lists the Debian packages).
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=$(cd "${1:-dist/timer-app}" && pwd)
app="$bundle/timer-app"
work=$(mktemp -d "${TMPDIR:-/tmp}/timer-app-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home"
# Only the system's own folders: nothing of a venv or of this checkout's Python.
# (DISPLAY passes through: docs/look.sh sets it for the window.)
run() { env -u VIRTUAL_ENV -u PYTHONPATH -u PYTHONHOME HOME="$work/home" PATH=/usr/bin:/bin \
  LANG=C.UTF-8 TIMER_APP_DATA_DIR="$work/data" "$@"; }

echo "== bundle: validate =="
run "$app" validate routines/ >"$work/validate.txt"
grep -c ": ok" "$work/validate.txt" | sed 's/^/routine files ok: /'

echo "== bundle: list --json =="
run "$app" list --json >"$work/list.json"
for id in knee-to-chest piriformis bridging; do
  grep -q "\"id\": \"$id\"" "$work/list.json" || { echo "bundled routine $id missing"; exit 1; }
done
echo "bundled routines listed"

echo "== bundle: a short session in a real window =="
cat >"$work/smoke.yaml" <<'YAML'
title: Smoke test
lead_in: 2 s
exercises:
  - name: Breathe slowly
    duration: 3 s
YAML
# look.sh starts its own Xvfb, presses Space, waits out the 2 s lead-in and the
# 3 s hold, takes a screenshot of the summary, and closes the app.
bash docs/look.sh "$work/session.png" --size 1024x600 --wait 2 --keys "space" --after 8 -- \
  env -u VIRTUAL_ENV -u PYTHONPATH -u PYTHONHOME HOME="$work/home" PATH=/usr/bin:/bin \
  LANG=C.UTF-8 TIMER_APP_DATA_DIR="$work/data" "$app" --start "$work/smoke.yaml" >/dev/null
run "$app" history export --format csv >"$work/history.csv"
if ! grep -q "Smoke test.*completed\|completed.*Smoke test" "$work/history.csv"; then
  echo "no completed session recorded:"; cat "$work/history.csv"; cat "$work/session.png.log"
  exit 1
fi
echo "1 completed session recorded by the bundle"

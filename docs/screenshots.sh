#!/usr/bin/env bash
# Retake every screenshot in docs/ as a person sees the app: a real window on a
# virtual screen (../shared/tools/look.sh, which lists the Debian packages it needs),
# keys pressed with xdotool, a fresh data dir for each.
#
#   bash docs/screenshots.sh [TIMER_APP_COMMAND]     (default: timer-app on PATH)
set -euo pipefail
cd "$(dirname "$0")/.."
look=${LOOK:-../shared/tools/look.sh}
app=${1:-timer-app}
# The Python beside the app (a venv's), which has timer_app for demo_history.py.
python=${PYTHON:-$(dirname "$(command -v "$app")")/python}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

shot() {  # shot NAME DATA_SETUP LOOK_ARGS...
  local name=$1 setup=$2; shift 2
  local data="$work/$name"
  case $setup in
    demo) "$python" docs/demo_history.py "$data" >/dev/null ;;
    interrupted) "$python" docs/demo_history.py "$data" --interrupted >/dev/null ;;
    fresh) mkdir -p "$data" ;;
  esac
  TIMER_APP_DATA_DIR="$data" "$look" "docs/screenshot-$name.png" "$@"
  # look.sh leaves the app's output beside the picture: show trouble, keep docs/ clean.
  local log="docs/screenshot-$name.png.log"
  if grep -q "Traceback" "$log"; then cat "$log"; fi
  rm -f "$log"
}

# The Routines page, offering to resume a session a power cut interrupted.
shot routines interrupted --size 1366x768 -- "$app"
# History: two weeks of really played sessions (Alt+2).
shot history demo --size 1366x768 --keys "alt+2" -- "$app"
# Safety & help, as it opens by itself on the first run.
shot safety fresh --size 1366x768 -- "$app"
# The session screen at the smallest size we support: ready, holding, the summary.
shot session-ready demo --size 1024x600 -- "$app" --start knee-to-chest
shot session-hold demo --size 1024x600 --keys "space" --after 9 -- "$app" --start knee-to-chest
shot session-summary demo --size 1024x600 --keys "space Escape Return" --after 2 -- "$app" --start knee-to-chest

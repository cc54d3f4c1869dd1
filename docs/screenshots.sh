#!/usr/bin/env bash
# Retake every screenshot in docs/ as a person sees the app: a real window on a
# virtual screen (docs/look.sh, which lists the Debian packages it needs), keys
# pressed with xdotool, a fresh data dir for each.
#
#   bash docs/screenshots.sh [TIMER_APP_COMMAND]     (default: timer-app on PATH)
#   ONLY=session-paused bash docs/screenshots.sh ...   (just docs/screenshot-session-paused.png)
set -euo pipefail
cd "$(dirname "$0")/.."
look=${LOOK:-docs/look.sh}
app=${1:-timer-app}
# The Python beside the app (a venv's), which has timer_app for demo_history.py.
python=${PYTHON:-$(dirname "$(command -v "$app")")/python}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

shot() {  # shot NAME DATA_SETUP LOOK_ARGS...
  local name=$1 setup=$2; shift 2
  # ONLY=session-paused retakes just that one.
  if [ -n "${ONLY:-}" ] && [ "$ONLY" != "$name" ]; then return 0; fi
  local data="$work/$name"
  case $setup in
    demo) "$python" docs/demo_history.py "$data" >/dev/null ;;
    interrupted) "$python" docs/demo_history.py "$data" --interrupted >/dev/null ;;
    programme) "$python" docs/demo_history.py "$data" --programme >/dev/null ;;
    programme-morning) "$python" docs/demo_history.py "$data" --programme-morning >/dev/null ;;
    fresh) mkdir -p "$data" ;;
    # Reminders on at two times of day, standing breaks on, as a patient sets them.
    reminders) mkdir -p "$data"
      printf '%s\n' '{"first_run_safety_seen": true, "reminders": {"enabled": true,' \
        '"times": ["08:00", "18:30"], "breaks_enabled": true, "break_minutes": 25}}' \
        >"$data/settings.json" ;;
  esac
  TIMER_APP_DATA_DIR="$data" bash "$look" "docs/screenshot-$name.png" "$@"
  # look.sh leaves the app's output beside the picture: show trouble, keep docs/ clean.
  local log="docs/screenshot-$name.png.log"
  if grep -q "Traceback" "$log"; then cat "$log"; fi
  rm -f "$log"
}

# The Routines page, offering to resume a session a power cut interrupted.
shot routines interrupted --size 1366x768 -- "$app"
# The programme card (issue 16): the bundled 8-week programme in week 3, its second
# stage, one session done today; then the next morning's question, no session yet.
shot routines-programme programme --size 1366x768 -- "$app"
shot routines-morning programme-morning --size 1366x768 -- "$app"
# History: two weeks of really played sessions (Alt+2).
shot history demo --size 1366x768 --keys "alt+2" -- "$app"
# Its "Report for my therapist…" dialog (Tab, Tab reach the button): the weeks it
# covers, the paper, Print… or Save as PDF….
shot history-report demo --size 1366x768 --keys "alt+2 Tab Tab space" --after 2 -- "$app"
# Safety & help, as it opens by itself on the first run.
shot safety fresh --size 1366x768 -- "$app"
# Its Reminders section (issue 17): F1 opens the page, Alt+T goes to the times of
# day and the page scrolls to the section; the next reminder and whether this
# desktop tells the app when you step away are the lines under it.
shot safety-reminders reminders --size 1366x768 --keys "F1 +1 alt+t" --after 2 -- "$app"
# The session screen at the smallest size we support: ready, holding, paused
# (Space, a few seconds, Space again), "Stop – it hurts" (S) and the summary of a
# session with skips: Right through knee-to-chest's 12 steps, the piriformis
# stretch held to its end (45 s), Right through the pelvic tilts' 16, then Esc and
# Enter to end it.
start=(-- "$app" --start core-routine)
right() { printf 'Right %.0s' $(seq "$1"); }
shot session-ready demo --size 1024x600 "${start[@]}"
shot session-hold demo --size 1024x600 --keys "space" --after 9 "${start[@]}"
shot session-paused demo --size 1024x600 --keys "space +12 space" --after 2 "${start[@]}"
shot session-stop demo --size 1024x600 --keys "space +8 s" --after 2 "${start[@]}"
# Its advice after "3" (new numbness or weakness): only "End today's session".
shot session-stop-advice demo --size 1024x600 --keys "space +8 s +1 3 Return" --after 2 "${start[@]}"
shot session-summary demo --size 1024x600 \
  --keys "space +1 $(right 13) +48 $(right 16) +1 Escape Return" \
  --after 2 "${start[@]}"
# The routine editor (issue 14) on a copy of the core routine, as "Edit a copy"
# opens it: the second exercise chosen in the list (Alt+X, Down), its form, and
# the live preview with the timeline. Then a problem pinned to its field: the
# title emptied (Alt+R, Alt+T, Ctrl+A, BackSpace), Save off, the preview greyed.
shot editor fresh --size 1280x800 --wait 3 --keys "alt+x Down" -- "$app" edit core-routine
shot editor-problem fresh --size 1280x800 --wait 3 --keys "alt+r alt+t ctrl+a BackSpace" \
  -- "$app" edit core-routine

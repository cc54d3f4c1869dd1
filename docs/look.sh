#!/usr/bin/env bash
# Look at the app as a person would: run it in a real window on a virtual screen
# of its own, press keys, and save a screenshot of the whole screen (dialogs too).
#
#   bash docs/look.sh OUT.png [--size 1366x768] [--wait 2] [--keys "space +3 space"]
#                     [--after 1] -- COMMAND [ARGS...]
#
# --size   the virtual screen, WIDTHxHEIGHT (the window fills it when maximised)
# --wait   seconds between the window appearing and the first key (default 2)
# --keys   xdotool key names pressed in order ("space", "Right", "Escape",
#          "alt+2", "Prior" for Page Up); "+N" waits N seconds before the next key
# --after  seconds between the last key and the screenshot (default 1)
#
# The app's output goes to OUT.png.log. Needs Xvfb, xdotool, ImageMagick's
# `import`, xdpyinfo and the xcb libraries Qt loads; on Debian or Ubuntu:
#   apt-get install xvfb xdotool imagemagick x11-utils libxcb-cursor0 \
#     libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0
set -euo pipefail

usage() { sed -n '2,18p' "$0" >&2; exit 2; }
[ $# -ge 1 ] || usage
out=$1; shift
size=1366x768; wait_s=2; keys=""; after=1
while [ $# -gt 0 ]; do
  case $1 in
    --size) size=$2; shift 2 ;;
    --wait) wait_s=$2; shift 2 ;;
    --keys) keys=$2; shift 2 ;;
    --after) after=$2; shift 2 ;;
    --) shift; break ;;
    *) usage ;;
  esac
done
[ $# -ge 1 ] || usage
for tool in Xvfb xdotool import xdpyinfo; do
  command -v "$tool" >/dev/null || { echo "look.sh: $tool is not installed" >&2; exit 1; }
done

xvfb_pid=""; app_pid=""; numfile=$(mktemp)
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -f "$numfile"
}
trap cleanup EXIT

# Xvfb picks a free display number itself and writes it to fd 5 (-displayfd):
# a number chosen here could be taken by another X server a moment later, and
# the app would then open on a display that goes away under it.
Xvfb -displayfd 5 -screen 0 "${size}x24" -nolisten tcp -noreset 5>"$numfile" >/dev/null 2>&1 &
xvfb_pid=$!
display=""
for _ in $(seq 100); do
  if [ -s "$numfile" ]; then display=":$(tr -d '[:space:]' <"$numfile")"; break; fi
  sleep 0.1
done
[ -n "$display" ] || { echo "look.sh: Xvfb did not start" >&2; exit 1; }
for _ in $(seq 100); do
  xdpyinfo -display "$display" >/dev/null 2>&1 && break
  sleep 0.1
done
xdpyinfo -display "$display" >/dev/null 2>&1 || { echo "look.sh: Xvfb did not answer" >&2; exit 1; }

# A real X window: not the offscreen platform the tests use.
env -u QT_QPA_PLATFORM DISPLAY="$display" "$@" >"$out.log" 2>&1 &
app_pid=$!

window=""
for _ in $(seq 300); do  # up to 15 s
  window=$(DISPLAY="$display" xdotool search --onlyvisible --pid "$app_pid" 2>/dev/null | tail -1 || true)
  [ -n "$window" ] && break
  kill -0 "$app_pid" 2>/dev/null || { echo "look.sh: the app exited; see $out.log" >&2; exit 1; }
  sleep 0.05
done
[ -n "$window" ] || { echo "look.sh: no window within 15 s; see $out.log" >&2; exit 1; }

sleep "$wait_s"
if [ -n "$keys" ]; then
  DISPLAY="$display" xdotool windowactivate --sync "$window" 2>/dev/null \
    || DISPLAY="$display" xdotool windowfocus --sync "$window"
  for key in $keys; do
    case $key in
      +*) sleep "${key#+}" ;;
      *) DISPLAY="$display" xdotool key --clearmodifiers "$key"; sleep 0.3 ;;
    esac
  done
  sleep "$after"
fi
DISPLAY="$display" import -window root "$out"
echo "saved $out (app output in $out.log)"

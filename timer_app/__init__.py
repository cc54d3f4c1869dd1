"""Home Exercise Timer: guides a physical-therapy home session from YAML routines."""

__version__ = "0.1.0"
APP_NAME = "timer-app"
APP_DISPLAY_NAME = "Home Exercise Timer"
APP_ID = "org.hometimer.TimerApp"
# A frozen bundle starts its speech worker as itself with this flag (no `python -m`).
SPEECH_WORKER_FLAG = "--speech-worker"

"""Home Exercise Timer: guides a physical-therapy home session from YAML routines."""

__version__ = "0.1.0"
APP_NAME = "timer-app"
APP_DISPLAY_NAME = "Home Exercise Timer"
APP_ID = "org.hometimer.TimerApp"

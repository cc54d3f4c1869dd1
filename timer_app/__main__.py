"""`python -m timer_app` runs the same command line as `timer-app`."""

import sys

from timer_app.cli import main

sys.exit(main())

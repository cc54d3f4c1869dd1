"""The standalone bundle's entry point: the command line, or the speech worker.

A frozen bundle has no Python to run `python -m timer_app.gui.audio.speech_worker`, so
the app starts its speech worker as this same executable with a flag
(`timer_app.gui.audio.speech_process.worker_command`).
"""

import sys

from timer_app import SPEECH_WORKER_FLAG

if len(sys.argv) > 1 and sys.argv[1] == SPEECH_WORKER_FLAG:
    from timer_app.gui.audio.speech_worker import main as speech_worker

    sys.exit(speech_worker(sys.argv[2:]))

from timer_app.cli import main

sys.exit(main())

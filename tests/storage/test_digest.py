"""Routine hashes stay what hashlib gave: the history keeps each session's
routine hash and compares it with the routine's current one (resume prompt,
export), so a different digest would make every past session's routine look
edited."""

import hashlib
import subprocess
import sys

from timer_app.storage.digest import sha256_hex
from timer_app.storage.resources import bundled_routines


def test_the_same_digests_as_hashlib() -> None:
    samples = [b"", b"abc", bytes(range(256)) * 1000]
    samples += [path.read_bytes() for path in sorted(bundled_routines().glob("*.yaml"))]
    assert len(samples) > 3
    for data in samples:
        assert sha256_hex(data) == hashlib.sha256(data).hexdigest()


def test_hashing_does_not_load_openssl() -> None:
    code = (
        "import sys; from timer_app.storage.digest import sha256_hex; sha256_hex(b'x'); "
        "print(sorted(m for m in ('hashlib', '_hashlib') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.split() == ["[]"]

"""SHA-256 digests without loading OpenSSL into the app.

`import hashlib` imports `_hashlib`, which maps OpenSSL's libcrypto: 3.6 MiB of
resident memory for as long as the app runs (issue 18: a running session's
memory), only to hash a few KiB of routine files and one folder name. CPython's
own SHA-256 (`_sha256`; `_sha2` since 3.12) gives the same digests without it.
A Python built without it falls back to hashlib, same digests again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol


class _Hash(Protocol):
    def hexdigest(self) -> str: ...


def _sha256_constructor() -> Callable[[bytes], _Hash]:
    try:
        from _sha2 import sha256  # type: ignore[import-not-found,unused-ignore]  # 3.12+
    except ImportError:
        try:
            from _sha256 import sha256  # type: ignore[import-not-found,unused-ignore]  # 3.11
        except ImportError:  # a Python without its own SHA-256
            from hashlib import sha256
    return sha256  # type: ignore[no-any-return,unused-ignore]


_sha256 = _sha256_constructor()


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of `data` in hex, as `hashlib.sha256(data).hexdigest()`."""
    return _sha256(data).hexdigest()

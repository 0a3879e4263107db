"""The emulator on a loopback port in a background thread: for ``hexsync demo`` and for tests
that drive the real command line (a subprocess, or click's runner) against a real socket.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Iterator

import uvicorn

from hexsync.emulator.app import LocalOnly, create_app
from hexsync.emulator.clock import Clock
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.emulator.serve import _FILTER, GRACEFUL_SECONDS, ServeError, bind, url_of

__all__ = ["running_emulator"]

START_TIMEOUT = 10.0  # real seconds to wait for uvicorn to accept connections


class _ThreadServer(uvicorn.Server):
    def install_signal_handlers(self) -> None:  # the main thread keeps its own handlers
        return None


@contextlib.contextmanager
def running_emulator(
    seed: Seed, config: EmulatorConfig | None = None, *, clock: Clock | None = None
) -> Iterator[str]:
    """Serve ``seed`` on 127.0.0.1 (a free port) while the block runs; yields the base URL."""
    config = config or EmulatorConfig()
    app = create_app(seed, config, clock=clock or Clock(config.time_scale))
    logging.getLogger("uvicorn.error").addFilter(_FILTER)
    sock = bind("127.0.0.1", 0)
    url = url_of(sock)
    server = _ThreadServer(
        uvicorn.Config(
            LocalOnly(app),  # as `hexsync emulator serve` serves it
            log_config=None,
            log_level=logging.WARNING,
            access_log=False,
            lifespan="off",
            timeout_graceful_shutdown=GRACEFUL_SECONDS,
        )
    )
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="hexsync-emulator", daemon=True
    )
    thread.start()
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not server.started and thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        if not server.started:
            raise ServeError(f"the emulator did not start on {url}")
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=GRACEFUL_SECONDS + 5)
        sock.close()

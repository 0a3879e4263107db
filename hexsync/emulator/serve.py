"""Serve the emulator over HTTP with uvicorn (``hexsync emulator serve``).

- The socket is bound here, before uvicorn starts, so ``port=0`` picks a free port and the URL
  handed to ``on_ready`` is the real one; ``on_ready`` runs once uvicorn accepts connections.
- SIGINT and SIGTERM stop the server gracefully and ``serve`` returns normally (uvicorn would
  re-raise the signal after shutting down; a stopped emulator is a success, not an interrupt).
- Only loopback hosts unless ``allow_remote``: the control endpoints (``/_emulator/*``) have no
  auth, so anyone who can reach the port can rewrite or reset the workspace.
- What is served is wrapped in ``app.LocalOnly``: loopback ``Host`` names only (a DNS-rebinding
  page names its own host), no cross-origin browser requests, bodies at most 1 MiB (413).
- ``tls``: HTTPS with a throwaway certificate (``tls.throwaway_certificates``); ``on_tls(ca_path)``
  is told where the CA clients should trust is, before ``on_ready``.
- Requests are logged (by uvicorn's access log: method, path, status — never headers, so never a
  token) only when ``access_log`` is set. Faults the emulator injects on purpose are kept out of
  the error log: a dropped connection is the feature, not a crash.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
import threading
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

import uvicorn

from hexsync.emulator.clock import Clock
from hexsync.emulator.config import DEFAULT_PORT, EmulatorConfig
from hexsync.emulator.faults import InjectedFault
from hexsync.emulator.loopback import is_loopback
from hexsync.errors import ConfigError, HexsyncError

__all__ = ["DEFAULT_PORT", "ServeError", "check_host", "serve"]

GRACEFUL_SECONDS = 2  # open connections (a delayed or held request) get this long at shutdown


class ServeError(HexsyncError):
    """The emulator could not be served (the port is taken, the address is not local …)."""


def check_host(host: str, *, allow_remote: bool) -> None:
    """Refuse to listen beyond this machine unless asked to explicitly."""
    if not allow_remote and not is_loopback(host):
        raise ConfigError(
            f"refusing to serve the emulator on {host!r}: it is not a loopback address, and the "
            "emulator's control endpoints (/_emulator/*) have no authentication",
            hint="use --host 127.0.0.1, or pass --allow-remote if you really mean it",
        )


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (port 0: a free one)."""
    try:
        infos = socket.getaddrinfo(
            host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )
    except socket.gaierror as exc:
        raise ServeError(f"cannot resolve host {host!r}: {exc.strerror}") from exc
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise ServeError(
            f"cannot listen on {host}:{port}: {exc.strerror or exc}",
            hint="pick another --port, or --port 0 for any free one",
        ) from exc
    return sock


def url_of(sock: socket.socket, scheme: str = "http") -> str:
    host, port = sock.getsockname()[:2]
    if sock.family == socket.AF_INET6:
        host = f"[{host}]"
    return f"{scheme}://{host}:{port}"


class _DropInjectedFaults(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, InjectedFault)


_FILTER = _DropInjectedFaults()


class _Server(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, on_ready: Callable[[], None]) -> None:
        super().__init__(config)
        self._on_ready = on_ready

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started and not self.should_exit:
            self._on_ready()

    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        # As uvicorn's, minus re-raising the signal afterwards: a stop is a clean exit.
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        handled = (signal.SIGINT, signal.SIGTERM)
        previous = {sig: signal.signal(sig, self.handle_exit) for sig in handled}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


def serve(
    seed_path: Path,
    config: EmulatorConfig,
    *,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    allow_remote: bool = False,
    access_log: bool = False,
    on_ready: Callable[[str], None] | None = None,
    app_factory: Callable[..., Any] | None = None,
    tls: bool = False,
    on_tls: Callable[[Path], None] | None = None,
) -> None:
    """Load the seed, bind, and serve until SIGINT/SIGTERM; ``on_ready(url)`` once listening.

    Raises ``SeedError`` for a bad seed and ``ServeError``/``ConfigError`` when it cannot listen.
    ``app_factory`` (default: the emulator's ``create_app``) is there for tests.
    """
    from hexsync.emulator.seed import load_seed  # noqa: PLC0415 - keep `--help` fast

    check_host(host, allow_remote=allow_remote)
    seed = load_seed(seed_path)
    if app_factory is None:
        from hexsync.emulator.app import create_app  # noqa: PLC0415

        app_factory = create_app
    app = app_factory(seed, config, clock=Clock(config.time_scale))
    from hexsync.emulator.app import LocalOnly  # noqa: PLC0415 - keep `--help` fast

    served = LocalOnly(app, allow_remote=allow_remote)  # loopback Host/Origin, bounded bodies

    logging.getLogger("uvicorn.error").addFilter(_FILTER)  # a no-op when already there
    with contextlib.ExitStack() as stack:
        ssl_certfile: str | None = None
        if tls:
            from hexsync.emulator.tls import throwaway_certificates  # noqa: PLC0415

            certificates = stack.enter_context(throwaway_certificates(host))
            ssl_certfile = str(certificates.server_path)
            if on_tls is not None:
                on_tls(certificates.ca_path)
        sock = bind(host, port)
        stack.callback(sock.close)
        url = url_of(sock, "https" if tls else "http")
        server = _Server(
            uvicorn.Config(
                served,
                log_config=None,
                log_level=logging.INFO if access_log else logging.WARNING,
                access_log=access_log,
                lifespan="auto",
                timeout_graceful_shutdown=GRACEFUL_SECONDS,
                ssl_certfile=ssl_certfile,
            ),
            on_ready=lambda: on_ready(url) if on_ready is not None else None,
        )
        server.run(sockets=[sock])
    if not server.started:
        raise ServeError(f"the emulator did not start on {url} (see the messages above)")
